// Monthly meeting schedules (PRODUCT §4B "Recurring meetings") and the meeting rows they create.
import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { isUniqueViolation } from "../prisma-errors.ts";
import { meetingNumberTaken, withNextMeetingNumber } from "./meeting-numbers.ts";

export interface MeetingScheduleView {
  id: number;
  cellId: number;
  frequency: string;
  dayOfMonth: number;
  time: string;
  place: string | null;
  announceDaysAhead: number;
  active: boolean;
  createdAt: Date;
  cancelledAt: Date | null;
}

export interface NewMeetingSchedule {
  cellId: number;
  dayOfMonth: number;
  time: string;
  place: string | null;
  announceDaysAhead: number;
}

export interface ScheduledMeetingInput {
  cellId: number;
  scheduleId: number;
  startsAt: Date;
  place: string | null;
}

export function createMeetingScheduleRepository(db: Db, clock: Clock) {
  return {
    async get(id: number): Promise<MeetingScheduleView | null> {
      return db.meetingSchedule.findUnique({ where: { id } });
    },

    async activeForCell(cellId: number): Promise<MeetingScheduleView | null> {
      return db.meetingSchedule.findFirst({
        where: { cellId, active: true },
        orderBy: { id: "desc" },
      });
    },

    async create(input: NewMeetingSchedule): Promise<MeetingScheduleView> {
      return db.meetingSchedule.create({ data: { ...input, frequency: "monthly", createdAt: clock.now() } });
    },

    /** Deactivates every active schedule of the cell; returns the ids that were active. */
    async deactivateForCell(cellId: number, at: Date): Promise<number[]> {
      const rows = await db.meetingSchedule.findMany({
        where: { cellId, active: true },
        select: { id: true },
      });
      if (rows.length === 0) return [];
      await db.meetingSchedule.updateMany({
        where: { id: { in: rows.map((r) => r.id) }, active: true },
        data: { active: false, cancelledAt: at },
      });
      return rows.map((r) => r.id);
    },

    async setAnnounceDaysAhead(id: number, days: number): Promise<void> {
      await db.meetingSchedule.update({ where: { id }, data: { announceDaysAhead: days } });
    },

    async countForCell(cellId: number): Promise<number> {
      return db.meetingSchedule.count({ where: { cellId } });
    },

    /** The meeting a schedule created for this start, if any. */
    async findMeeting(
      scheduleId: number,
      startsAt: Date,
    ): Promise<{ id: number; number: number; state: string } | null> {
      return db.meeting.findUnique({
        where: { scheduleId_startsAt: { scheduleId, startsAt } },
        select: { id: true, number: true, state: true },
      });
    },

    /** A regular meeting of the cell in [from, to) that is not cancelled and not this schedule's. */
    async otherRegularMeetingBetween(
      cellId: number,
      scheduleId: number,
      from: Date,
      to: Date,
    ): Promise<{ id: number; number: number; startsAt: Date } | null> {
      return db.meeting.findFirst({
        where: {
          cellId,
          kind: "regular",
          state: { not: "cancelled" },
          startsAt: { gte: from, lt: to },
          OR: [{ scheduleId: null }, { scheduleId: { not: scheduleId } }],
        },
        select: { id: true, number: true, startsAt: true },
      });
    },

    /**
     * Creates the schedule's regular meeting for this start; the unique (scheduleId, startsAt) makes
     * a second call return the existing meeting (`created: false`).
     */
    async createMeeting(input: ScheduledMeetingInput): Promise<{ id: number; created: boolean }> {
      const now = clock.now();
      try {
        const row = await withNextMeetingNumber(
          db,
          input.cellId,
          (number) =>
            db.meeting.create({
              data: {
                cellId: input.cellId,
                number,
                scheduleId: input.scheduleId,
                kind: "regular",
                startsAt: input.startsAt,
                place: input.place,
                createdAt: now,
                updatedAt: now,
              },
              select: { id: true },
            }),
          // A clash on the number is retried; one on (scheduleId, startsAt) means it exists already.
          (number) => meetingNumberTaken(db, input.cellId, number),
        );
        return { id: row.id, created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const existing = await db.meeting.findUnique({
          where: { scheduleId_startsAt: { scheduleId: input.scheduleId, startsAt: input.startsAt } },
          select: { id: true },
        });
        if (!existing) throw error;
        return { id: existing.id, created: false };
      }
    },
  };
}

export type MeetingScheduleRepository = ReturnType<typeof createMeetingScheduleRepository>;
