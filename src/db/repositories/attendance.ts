// The attendance register of meetings (model Attendance): check-in, proxy check-in, the frozen register
// written when a meeting closes, absence reasons given afterwards, and the counts repeated-absence
// alerts are based on. Meetings themselves belong to meetings.ts; closing is written here because it
// changes the meeting and its register in one transaction.
import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { rawDate } from "../raw-values.ts";

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

export interface CloseRequest {
  /** The audit entry's id: the confirmation buttons name it, so an older request cannot be confirmed. */
  id: number;
  telegramId: number;
  conclusions: string | null;
}

export interface NewRegisterRow {
  memberId: number;
  status: string;
  reason: string | null;
  expected: boolean;
}

/** A row of registerMembers' join: drivers give integers as number or bigint, booleans as 0/1 on SQLite. */
interface RegisterRow {
  memberId: number | bigint;
  status: string;
  active: boolean | number | bigint;
  leftAt: Date | string | number | bigint | null;
  role: string;
  telegramId: number | bigint | null;
  reachable: boolean | number | bigint;
  locale: string | null;
  displayName: string;
  fullName: string | null;
  erasedAt: Date | string | number | bigint | null;
}

export function truthy(value: boolean | number | bigint): boolean {
  return value === true || Number(value) === 1;
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
      // One statement (a join) whatever the size of the cell: closing and the absence alerts read it.
      const rows = await db.$queryRaw<RegisterRow[]>`
        SELECT ms."memberId" AS "memberId", ms."status" AS "status", ms."active" AS "active",
               ms."leftAt" AS "leftAt", ms."role" AS "role", m."telegramId" AS "telegramId",
               m."reachable" AS "reachable", m."locale" AS "locale", m."displayName" AS "displayName",
               m."fullName" AS "fullName", m."erasedAt" AS "erasedAt"
        FROM "Membership" ms
        JOIN "Member" m ON m."id" = ms."memberId"
        WHERE ms."cellId" = ${cellId}
        ORDER BY ms."number" ASC`;
      // Active memberships, and those that ended after the meeting started (filtered here, so that no
      // date is bound into raw SQL, whose storage differs between the providers).
      const belonged = rows
        .map((r) => ({ r, leftAt: r.leftAt === null ? null : rawDate(r.leftAt) }))
        .filter(({ r, leftAt }) => truthy(r.active) || (leftAt !== null && leftAt > startsAt));
      return belonged.map(({ r, leftAt }) => ({
        memberId: Number(r.memberId),
        status: r.status,
        active: truthy(r.active),
        leftAt,
        telegramId: r.telegramId === null ? null : Number(r.telegramId),
        reachable: truthy(r.reachable),
        locale: r.locale,
        displayName: r.displayName,
        fullName: r.fullName,
        role: r.role,
        erased: r.erasedAt !== null,
      }));
    },

    /** The answers to a meeting as the register needs them (no member details). */
    async answersForRegister(meetingId: number) {
      return db.rsvp.findMany({
        where: { meetingId },
        select: { memberId: true, answer: true, reason: true, reasonText: true, beforeMove: true },
      });
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
      /** The draft post-meeting feedback prompt, written with the register (once: the close is). */
      prompt?: { organisationId: number; cellId: number; createdByMemberId: number | null };
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
        // The `expected` flags that change, in at most two statements (one per new value).
        for (const expected of [true, false]) {
          const ids = existing
            .filter(
              (e) =>
                (input.expectedByMember.get(e.memberId) ?? false) === expected && e.expected !== expected,
            )
            .map((e) => e.id);
          if (ids.length > 0) {
            await tx.attendance.updateMany({ where: { id: { in: ids } }, data: { expected, updatedAt } });
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
        if (input.prompt) {
          // The draft post-meeting feedback prompt and the outbox row that sends it (kind
          // "prompt_post_meeting", src/features/prompts/post-meeting.ts: it gives the prompt its
          // questions and asks the members who were present).
          const prompt = await tx.prompt.create({
            data: {
              organisationId: input.prompt.organisationId,
              cellId: input.prompt.cellId,
              kind: "post_meeting",
              anonymous: true,
              audience: "members",
              meetingId: input.meetingId,
              createdByMemberId: input.prompt.createdByMemberId,
              opensAt: input.at,
              state: "draft",
              createdAt: updatedAt,
            },
            select: { id: true },
          });
          await tx.scheduledDelivery.upsert({
            where: { key: `prompt:${prompt.id}:launch` },
            create: {
              key: `prompt:${prompt.id}:launch`,
              kind: "prompt_post_meeting",
              cellId: input.prompt.cellId,
              payload: JSON.stringify({ promptId: prompt.id }),
              dueAt: input.at,
              createdAt: updatedAt,
              updatedAt,
            },
            update: {},
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
     * For each of `memberIds`, how many closed meetings of the cell starting in [from, to) they
     * missed without a reason, counting only meetings closed at or before `closedBy` (their reason
     * window is over) and meeting `alsoMeetingId` (one grouped query).
     */
    async unexcusedCounts(input: {
      cellId: number;
      memberIds: readonly number[];
      from: Date;
      to: Date;
      closedBy: Date;
      alsoMeetingId: number;
    }): Promise<Map<number, number>> {
      if (input.memberIds.length === 0) return new Map();
      const rows = await db.attendance.groupBy({
        by: ["memberId"],
        where: {
          memberId: { in: [...input.memberIds] },
          status: "absent_unexcused",
          meeting: {
            cellId: input.cellId,
            state: "closed",
            startsAt: { gte: input.from, lt: input.to },
            OR: [{ closedAt: { lte: input.closedBy } }, { id: input.alsoMeetingId }],
          },
        },
        _count: { _all: true },
      });
      return new Map(rows.map((r) => [r.memberId, r._count._all]));
    },

    /** Members recorded absent without a reason at the meeting. */
    async unexcusedMemberIds(meetingId: number): Promise<number[]> {
      const rows = await db.attendance.findMany({
        where: { meetingId, status: "absent_unexcused" },
        select: { memberId: true },
        orderBy: { memberId: "asc" },
      });
      return rows.map((r) => r.memberId);
    },

    /**
     * The newest request to close the meeting that is waiting for its confirmation (audit entry
     * "meeting.close_asked"): who asked and the conclusions they gave.
     */
    async closeRequest(meetingId: number): Promise<CloseRequest | null> {
      const row = await db.auditEntry.findFirst({
        where: { action: "meeting.close_asked", targetType: "meeting", targetId: String(meetingId) },
        orderBy: { id: "desc" },
        select: { id: true, actorTgId: true, after: true },
      });
      if (!row?.after || row.actorTgId === null) return null;
      const value = JSON.parse(row.after) as { conclusions?: unknown };
      return {
        id: row.id,
        telegramId: Number(row.actorTgId),
        conclusions: typeof value.conclusions === "string" ? value.conclusions : null,
      };
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
