// The attendance register of meetings (model Attendance): check-in, proxy check-in, the frozen register
// written when a meeting closes, absence reasons given afterwards, and the counts repeated-absence
// alerts are based on. Meetings themselves belong to meetings.ts; closing is written here because it
// changes the meeting and its register in one transaction.
import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { toTgIdOrNull } from "../ids.ts";

export type PresenceStatus = "present" | "proxy";

export interface AttendanceView {
  id: number;
  meetingId: number;
  memberId: number;
  status: string;
  reason: string | null;
  expected: boolean;
  recordedByMemberId: number | null;
}

/** A membership of the cell as the register needs it. */
export interface RegisterMember {
  memberId: number;
  status: string;
  active: boolean;
  leftAt: Date | null;
  telegramId: number | null;
  reachable: boolean;
  locale: string | null;
  displayName: string;
  fullName: string | null;
  role: string;
  erased: boolean;
}

export interface NewRegisterRow {
  memberId: number;
  status: string;
  reason: string | null;
  expected: boolean;
}

const select = {
  id: true,
  meetingId: true,
  memberId: true,
  status: true,
  reason: true,
  expected: true,
  recordedByMemberId: true,
} as const;

export function createAttendanceRepository(db: Db, clock: Clock) {
  return {
    async find(meetingId: number, memberId: number): Promise<AttendanceView | null> {
      return db.attendance.findUnique({ where: { meetingId_memberId: { meetingId, memberId } }, select });
    },

    async listForMeeting(meetingId: number): Promise<AttendanceView[]> {
      return db.attendance.findMany({ where: { meetingId }, select, orderBy: { id: "asc" } });
    },

    /** Opens check-in: planned → in_progress (and the time it opened); false when it was not planned. */
    async openCheckin(meetingId: number, at: Date): Promise<boolean> {
      const { count } = await db.meeting.updateMany({
        where: { id: meetingId, state: "planned" },
        data: { state: "in_progress", checkinOpenedAt: at, updatedAt: clock.now() },
      });
      return count === 1;
    },

    /**
     * Records a member as present (or present by proxy) once: a second check-in of the same member
     * changes nothing. Returns whether a row was written.
     */
    async checkIn(input: {
      meetingId: number;
      memberId: number;
      status: PresenceStatus;
      expected: boolean;
      recordedByMemberId: number | null;
      at: Date;
    }): Promise<boolean> {
      const existing = await db.attendance.findUnique({
        where: { meetingId_memberId: { meetingId: input.meetingId, memberId: input.memberId } },
        select: { id: true },
      });
      if (existing) return false;
      try {
        await db.attendance.create({
          data: {
            meetingId: input.meetingId,
            memberId: input.memberId,
            status: input.status,
            expected: input.expected,
            recordedByMemberId: input.recordedByMemberId,
            recordedAt: input.at,
            updatedAt: clock.now(),
          },
        });
        return true;
      } catch (err) {
        // Two presses raced: the other one wrote the row.
        const again = await db.attendance.findUnique({
          where: { meetingId_memberId: { meetingId: input.meetingId, memberId: input.memberId } },
          select: { id: true },
        });
        if (again) return false;
        throw err;
      }
    },

    /** Present and by-proxy rows of a meeting. */
    async presenceCounts(meetingId: number): Promise<{ present: number; proxy: number }> {
      const rows = await db.attendance.groupBy({
        by: ["status"],
        where: { meetingId, status: { in: ["present", "proxy"] } },
        _count: { _all: true },
      });
      const count = (s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
      return { present: count("present"), proxy: count("proxy") };
    },

    /**
     * Everyone who belonged to the cell when the meeting started: active memberships, and those that
     * ended after the meeting started.
     */
    async registerMembers(cellId: number, startsAt: Date): Promise<RegisterMember[]> {
      const rows = await db.membership.findMany({
        where: { cellId, OR: [{ active: true }, { leftAt: { gt: startsAt } }] },
        include: { member: true },
        orderBy: { number: "asc" },
      });
      return rows.map((r) => ({
        memberId: r.memberId,
        status: r.status,
        active: r.active,
        leftAt: r.leftAt,
        telegramId: toTgIdOrNull(r.member.telegramId),
        reachable: r.member.reachable,
        locale: r.member.locale,
        displayName: r.member.displayName,
        fullName: r.member.fullName,
        role: r.role,
        erased: r.member.erasedAt !== null,
      }));
    },

    /**
     * Freezes the register: the meeting goes from one of `fromStates` to closed with its conclusions,
     * the missing rows are written and existing rows get their `expected` flag. False (and nothing
     * written) when the meeting was no longer in one of `fromStates`.
     */
    async close(input: {
      meetingId: number;
      fromStates: readonly string[];
      at: Date;
      conclusions: string | null;
      rows: readonly NewRegisterRow[];
      expectedByMember: ReadonlyMap<number, boolean>;
    }): Promise<boolean> {
      const updatedAt = clock.now();
      return db.$transaction(async (tx) => {
        const { count } = await tx.meeting.updateMany({
          where: { id: input.meetingId, state: { in: [...input.fromStates] } },
          data: {
            state: "closed",
            closedAt: input.at,
            updatedAt,
            ...(input.conclusions === null ? {} : { conclusions: input.conclusions }),
          },
        });
        if (count !== 1) return false;
        const existing = await tx.attendance.findMany({
          where: { meetingId: input.meetingId },
          select: { id: true, memberId: true, expected: true },
        });
        const have = new Set(existing.map((e) => e.memberId));
        for (const e of existing) {
          const expected = input.expectedByMember.get(e.memberId) ?? false;
          if (expected !== e.expected) {
            await tx.attendance.update({ where: { id: e.id }, data: { expected, updatedAt } });
          }
        }
        const fresh = input.rows.filter((r) => !have.has(r.memberId));
        if (fresh.length > 0) {
          await tx.attendance.createMany({
            data: fresh.map((r) => ({
              meetingId: input.meetingId,
              memberId: r.memberId,
              status: r.status,
              reason: r.reason,
              expected: r.expected,
              recordedAt: input.at,
              updatedAt,
            })),
          });
        }
        return true;
      });
    },

    /**
     * Changes one member's status (a reason given after closing, a correction by the secretary).
     * With `from`, only when the row still has that status. Returns the row before, or null.
     */
    async setStatus(input: {
      meetingId: number;
      memberId: number;
      status: string;
      reason: string | null;
      recordedByMemberId: number | null;
      at: Date;
      from?: readonly string[];
    }): Promise<AttendanceView | null> {
      const before = await db.attendance.findUnique({
        where: { meetingId_memberId: { meetingId: input.meetingId, memberId: input.memberId } },
        select,
      });
      if (!before) return null;
      const { count } = await db.attendance.updateMany({
        where: {
          id: before.id,
          ...(input.from ? { status: { in: [...input.from] } } : {}),
        },
        data: {
          status: input.status,
          reason: input.reason,
          recordedByMemberId: input.recordedByMemberId,
          recordedAt: input.at,
          updatedAt: clock.now(),
        },
      });
      return count === 1 ? before : null;
    },

    /** Writes (or overwrites) a member's row of a closed meeting (secretary's correction). */
    async upsertStatus(input: {
      meetingId: number;
      memberId: number;
      status: string;
      reason: string | null;
      expected: boolean;
      recordedByMemberId: number | null;
      at: Date;
    }): Promise<AttendanceView | null> {
      const where = { meetingId_memberId: { meetingId: input.meetingId, memberId: input.memberId } };
      const before = await db.attendance.findUnique({ where, select });
      const data = {
        status: input.status,
        reason: input.reason,
        recordedByMemberId: input.recordedByMemberId,
        recordedAt: input.at,
        updatedAt: clock.now(),
      };
      await db.attendance.upsert({
        where,
        create: { meetingId: input.meetingId, memberId: input.memberId, expected: input.expected, ...data },
        update: data,
      });
      return before;
    },

    /**
     * Start times of the closed meetings of the cell between `from` and `to` at which the member was
     * absent without a reason (the caller picks the calendar year in the cell's time zone).
     */
    async unexcusedAbsenceStarts(cellId: number, memberId: number, from: Date, to: Date): Promise<Date[]> {
      const rows = await db.attendance.findMany({
        where: {
          memberId,
          status: "absent_unexcused",
          meeting: { cellId, state: "closed", startsAt: { gte: from, lt: to } },
        },
        select: { meeting: { select: { startsAt: true } } },
      });
      return rows.map((r) => r.meeting.startsAt);
    },

    /**
     * Creates the draft post-meeting feedback prompt once per meeting, with the outbox row that
     * sends it (kind "prompt_post_meeting", src/features/prompts/post-meeting.ts) in the same
     * transaction: the prompts capability gives it its questions and asks the members who were
     * present. Returns its id.
     */
    async ensurePostMeetingPrompt(input: {
      organisationId: number;
      cellId: number;
      meetingId: number;
      opensAt: Date;
      createdByMemberId: number | null;
    }): Promise<{ id: number; created: boolean }> {
      const existing = await db.prompt.findFirst({
        where: { meetingId: input.meetingId, kind: "post_meeting" },
        select: { id: true },
      });
      if (existing) return { id: existing.id, created: false };
      return db.$transaction(async (tx) => {
        const row = await tx.prompt.create({
          data: {
            organisationId: input.organisationId,
            cellId: input.cellId,
            kind: "post_meeting",
            anonymous: true,
            audience: "members",
            meetingId: input.meetingId,
            createdByMemberId: input.createdByMemberId,
            opensAt: input.opensAt,
            state: "draft",
            createdAt: clock.now(),
          },
          select: { id: true },
        });
        const now = clock.now();
        await tx.scheduledDelivery.upsert({
          where: { key: `prompt:${row.id}:launch` },
          create: {
            key: `prompt:${row.id}:launch`,
            kind: "prompt_post_meeting",
            cellId: input.cellId,
            payload: JSON.stringify({ promptId: row.id }),
            dueAt: input.opensAt,
            createdAt: now,
            updatedAt: now,
          },
          update: {},
        });
        return { id: row.id, created: true };
      });
    },

    /** Where the check-in post of a meeting is (recorded in its audit entry), for live counts. */
    async checkinPost(meetingId: number): Promise<{ chatId: number; messageId: number } | null> {
      const row = await db.auditEntry.findFirst({
        where: { action: "meeting.checkin_posted", targetType: "meeting", targetId: String(meetingId) },
        orderBy: { id: "desc" },
        select: { after: true },
      });
      if (!row?.after) return null;
      const value = JSON.parse(row.after) as { chatId?: unknown; messageId?: unknown };
      return typeof value.chatId === "number" && typeof value.messageId === "number"
        ? { chatId: value.chatId, messageId: value.messageId }
        : null;
    },

    async count(meetingId?: number): Promise<number> {
      return meetingId === undefined ? db.attendance.count() : db.attendance.count({ where: { meetingId } });
    },
  };
}

export type AttendanceRepository = ReturnType<typeof createAttendanceRepository>;
