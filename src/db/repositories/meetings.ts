// Meetings of a cell (PRODUCT §3 Meeting, §4B). Owned by the meetings core; other meeting features read it.
import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { toDbId, toTgIdOrNull } from "../ids.ts";
import { cleanOptional } from "../../clean-text.ts";
import { rawDate } from "../raw-values.ts";
import { truthy } from "./attendance.ts";
import { meetingNumberTaken, withNextMeetingNumber } from "./meeting-numbers.ts";

export interface MeetingView {
  id: number;
  cellId: number;
  /** The meeting's number within its cell: what people see ("#3") and type. */
  number: number;
  scheduleId: number | null;
  kind: string;
  startsAt: Date;
  durationMinutes: number;
  place: string | null;
  onlineLink: string | null;
  title: string | null;
  state: string;
  conclusions: string | null;
  announcementChatId: number | null;
  announcementMessageId: number | null;
  createdByMemberId: number | null;
  checkinOpenedAt: Date | null;
  /** The start time before the last move (null: never moved). */
  movedFromStartsAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
}

type MeetingRow = Omit<MeetingView, "announcementChatId"> & { announcementChatId: bigint | null };

function toView(row: MeetingRow): MeetingView {
  return {
    id: row.id,
    cellId: row.cellId,
    number: row.number,
    scheduleId: row.scheduleId,
    kind: row.kind,
    startsAt: row.startsAt,
    durationMinutes: row.durationMinutes,
    place: row.place,
    onlineLink: row.onlineLink,
    title: row.title,
    state: row.state,
    conclusions: row.conclusions,
    announcementChatId: toTgIdOrNull(row.announcementChatId),
    announcementMessageId: row.announcementMessageId,
    createdByMemberId: row.createdByMemberId,
    checkinOpenedAt: row.checkinOpenedAt,
    movedFromStartsAt: row.movedFromStartsAt,
    closedAt: row.closedAt,
    cancelledAt: row.cancelledAt,
    createdAt: row.createdAt,
  };
}

export interface NewMeeting {
  cellId: number;
  kind: string;
  startsAt: Date;
  place: string | null;
  title: string | null;
  createdByMemberId: number | null;
  scheduleId?: number | null;
  durationMinutes?: number;
}

/** States a meeting can still be changed (moved, cancelled, checked in) in. */
export const OPEN_MEETING_STATES = ["planned", "in_progress"] as const;

export function createMeetingRepository(db: Db, clock: Clock) {
  return {
    async create(input: NewMeeting): Promise<MeetingView> {
      const now = clock.now();
      const row = await withNextMeetingNumber(
        db,
        input.cellId,
        (number) =>
          db.meeting.create({
            data: {
              cellId: input.cellId,
              number,
              kind: input.kind,
              startsAt: input.startsAt,
              place: cleanOptional(input.place),
              title: cleanOptional(input.title),
              createdByMemberId: input.createdByMemberId,
              scheduleId: input.scheduleId ?? null,
              ...(input.durationMinutes !== undefined ? { durationMinutes: input.durationMinutes } : {}),
              createdAt: now,
              updatedAt: now,
            },
          }),
        (number) => meetingNumberTaken(db, input.cellId, number),
      );
      return toView(row);
    },

    async get(id: number): Promise<MeetingView | null> {
      const row = await db.meeting.findUnique({ where: { id } });
      return row ? toView(row) : null;
    },

    /** A meeting only if it belongs to the cell. */
    async getInCell(cellId: number, id: number): Promise<MeetingView | null> {
      const row = await db.meeting.findFirst({ where: { id, cellId } });
      return row ? toView(row) : null;
    },

    /** The cell's meeting with this number (what people type: "#3"). */
    async getByNumber(cellId: number, number: number): Promise<MeetingView | null> {
      const row = await db.meeting.findUnique({ where: { cellId_number: { cellId, number } } });
      return row ? toView(row) : null;
    },

    /**
     * The meeting a command without a reference is about: the one in progress, else the next planned one
     * that has not ended yet (starts after `now` minus its duration, approximated by `since`).
     */
    async nextOpen(cellId: number, since: Date): Promise<MeetingView | null> {
      const inProgress = await db.meeting.findFirst({
        where: { cellId, state: "in_progress" },
        orderBy: { startsAt: "desc" },
      });
      if (inProgress) return toView(inProgress);
      const row = await db.meeting.findFirst({
        where: { cellId, state: "planned", startsAt: { gte: since } },
        orderBy: { startsAt: "asc" },
      });
      return row ? toView(row) : null;
    },

    /** Meetings of the cell starting at or after `from`, earliest first. */
    async listSince(cellId: number, from: Date, limit = 30): Promise<MeetingView[]> {
      const rows = await db.meeting.findMany({
        where: { cellId, startsAt: { gte: from } },
        orderBy: { startsAt: "asc" },
        take: limit,
      });
      return rows.map(toView);
    },

    /** An open meeting of the cell starting exactly then (guards against creating the same one twice). */
    async findOpenAt(cellId: number, startsAt: Date): Promise<MeetingView | null> {
      const row = await db.meeting.findFirst({
        where: { cellId, startsAt, state: { in: [...OPEN_MEETING_STATES] } },
      });
      return row ? toView(row) : null;
    },

    /** The place of the cell's most recent meeting that had one. */
    async lastPlace(cellId: number): Promise<string | null> {
      const row = await db.meeting.findFirst({
        where: { cellId, place: { not: null } },
        // Ties (same instant) go to the later meeting: the order must not depend on the index used.
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { place: true },
      });
      return row?.place ?? null;
    },

    async setAnnouncement(id: number, chatId: number, messageId: number): Promise<void> {
      await db.meeting.update({
        where: { id },
        data: {
          announcementChatId: toDbId(chatId),
          announcementMessageId: messageId,
          updatedAt: clock.now(),
        },
      });
    },

    /** Moves a planned meeting; false when it is no longer planned or in progress. */
    /**
     * Moves an open meeting from `from` to `startsAt`: remembers `from` for the announcement and marks
     * every answer given so far as given before the move (the members are asked to confirm again).
     * False (nothing written) when the meeting was closed, cancelled or moved meanwhile.
     */
    async move(id: number, from: Date, startsAt: Date): Promise<boolean> {
      const updatedAt = clock.now();
      return db.$transaction(async (tx) => {
        const { count } = await tx.meeting.updateMany({
          where: { id, startsAt: from, state: { in: [...OPEN_MEETING_STATES] } },
          data: { startsAt, movedFromStartsAt: from, updatedAt },
        });
        if (count !== 1) return false;
        await tx.rsvp.updateMany({ where: { meetingId: id }, data: { beforeMove: true, updatedAt } });
        return true;
      });
    },

    /** Cancels an open meeting; false when it was already closed or cancelled. */
    async cancel(id: number, at: Date): Promise<boolean> {
      const { count } = await db.meeting.updateMany({
        where: { id, state: { in: [...OPEN_MEETING_STATES] } },
        data: { state: "cancelled", cancelledAt: at, updatedAt: clock.now() },
      });
      return count === 1;
    },

    /** Compare-and-set of the state (check-in and closing use it). */
    async changeState(id: number, from: string, to: string, extra: { at?: Date } = {}): Promise<boolean> {
      const data: Record<string, unknown> = { state: to, updatedAt: clock.now() };
      if (to === "in_progress" && extra.at) data.checkinOpenedAt = extra.at;
      if (to === "closed" && extra.at) data.closedAt = extra.at;
      if (to === "cancelled" && extra.at) data.cancelledAt = extra.at;
      const { count } = await db.meeting.updateMany({ where: { id, state: from }, data });
      return count === 1;
    },

    async count(cellId?: number): Promise<number> {
      return cellId === undefined ? db.meeting.count() : db.meeting.count({ where: { cellId } });
    },

    /** Attendance counts per meeting (rows written by check-in and closing). */
    async attendanceCounts(
      meetingIds: number[],
    ): Promise<Map<number, { present: number; expected: number }>> {
      const result = new Map<number, { present: number; expected: number }>();
      if (meetingIds.length === 0) return result;
      const rows = await db.attendance.findMany({
        where: { meetingId: { in: meetingIds } },
        select: { meetingId: true, status: true, expected: true },
      });
      for (const row of rows) {
        const entry = result.get(row.meetingId) ?? { present: 0, expected: 0 };
        if (row.status === "present" || row.status === "proxy") entry.present += 1;
        if (row.expected) entry.expected += 1;
        result.set(row.meetingId, entry);
      }
      return result;
    },

    /**
     * For /me, in one statement: the meetings not yet closed or cancelled of the cells the member
     * is active in, each with the cell's and organisation's settings columns (for its time zone)
     * and the member's own answer. Which of them is "next" is decided by the caller, so that no
     * date is bound into raw SQL (their storage differs between the providers).
     */
    async openForMember(memberId: number): Promise<MemberMeetingRow[]> {
      const rows = await db.$queryRaw<RawMemberMeetingRow[]>`
        SELECT m."id" AS "id", m."startsAt" AS "startsAt", m."durationMinutes" AS "durationMinutes",
               m."place" AS "place", m."onlineLink" AS "onlineLink", m."state" AS "state",
               c."name" AS "cellName", c."settings" AS "cellSettings",
               o."locale" AS "orgLocale", o."timeZone" AS "orgTimeZone", o."digestDay" AS "orgDigestDay",
               o."digestTime" AS "orgDigestTime", o."settings" AS "orgSettings",
               r."answer" AS "answer", r."reason" AS "reason", r."beforeMove" AS "beforeMove"
        FROM "Membership" ms
        JOIN "Cell" c ON c."id" = ms."cellId"
        JOIN "Organisation" o ON o."id" = c."organisationId"
        JOIN "Meeting" m ON m."cellId" = c."id"
        LEFT JOIN "Rsvp" r ON r."meetingId" = m."id" AND r."memberId" = ms."memberId"
        WHERE ms."memberId" = ${memberId} AND ms."active" = TRUE AND c."active" = TRUE
          AND m."state" IN ('planned', 'in_progress')`;
      return rows.map((r) => ({
        id: Number(r.id),
        startsAt: rawDate(r.startsAt),
        durationMinutes: Number(r.durationMinutes),
        place: r.place,
        onlineLink: r.onlineLink,
        state: r.state,
        cellName: r.cellName,
        cell: { settings: r.cellSettings },
        organisation: {
          locale: r.orgLocale,
          timeZone: r.orgTimeZone,
          digestDay: Number(r.orgDigestDay),
          digestTime: r.orgDigestTime,
          settings: r.orgSettings,
        },
        answer: r.answer,
        reason: r.reason,
        beforeMove: r.beforeMove !== null && truthy(r.beforeMove),
      }));
    },
  };
}

interface RawMemberMeetingRow {
  id: number | bigint;
  startsAt: Date | string | number | bigint;
  durationMinutes: number | bigint;
  place: string | null;
  onlineLink: string | null;
  state: string;
  cellName: string;
  cellSettings: string;
  orgLocale: string;
  orgTimeZone: string;
  orgDigestDay: number | bigint;
  orgDigestTime: string;
  orgSettings: string;
  answer: string | null;
  reason: string | null;
  beforeMove: boolean | number | bigint | null;
}

/** A meeting of one of the member's cells with their own answer (see openForMember). */
export interface MemberMeetingRow {
  id: number;
  startsAt: Date;
  durationMinutes: number;
  place: string | null;
  onlineLink: string | null;
  state: string;
  cellName: string;
  cell: { settings: string };
  organisation: { locale: string; timeZone: string; digestDay: number; digestTime: string; settings: string };
  answer: string | null;
  reason: string | null;
  beforeMove: boolean;
}

export type MeetingRepository = ReturnType<typeof createMeetingRepository>;
