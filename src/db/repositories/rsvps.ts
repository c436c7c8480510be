// Answers to a meeting announcement (attend / absent with a reason / unsure). One row per member and meeting.
import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import type { Prisma } from "../generated/sqlite/client.ts";
import { toTgIdOrNull } from "../ids.ts";
import { cleanOptional } from "../../clean-text.ts";

export interface RsvpView {
  id: number;
  meetingId: number;
  memberId: number;
  answer: string;
  reason: string | null;
  reasonText: string | null;
  /** Given for the time before a move, not confirmed since. */
  beforeMove: boolean;
  updatedAt: Date;
}

export interface RsvpCounts {
  attend: number;
  absent: number;
  unsure: number;
  /** Expected members (active, not exempt) without an attend or absent answer. */
  noAnswer: number;
  expected: number;
}

export interface RsvpWithMember extends RsvpView {
  displayName: string;
  fullName: string | null;
  telegramId: number | null;
}

/** What an RSVP button needs to know before it answers: the meeting, its cell and the presser's answer. */
export interface RsvpPressView {
  meetingId: number;
  /** The meeting's number in its cell (what people see). */
  meetingNumber: number;
  cellId: number;
  cellName: string;
  /** False when the cell is paused (the bot was removed from its group). */
  cellActive: boolean;
  state: string;
  announcementChatId: number | null;
  announcementMessageId: number | null;
  /** The presser's answer so far (null: none, or no member given). */
  answer: string | null;
  reason: string | null;
  /** Whether the announcement's refresh row (the key given) is waiting to run. */
  refreshPending: boolean;
  /** The answer was given before the meeting was moved: the same button confirms it. */
  beforeMove: boolean;
}

interface PressRow {
  meetingId: number | bigint;
  meetingNumber: number | bigint;
  cellId: number | bigint;
  cellName: string;
  /** A boolean on PostgreSQL, 0/1 on SQLite. */
  cellActive: boolean | number | bigint;
  state: string;
  announcementChatId: number | bigint | null;
  announcementMessageId: number | bigint | null;
  answer: string | null;
  reason: string | null;
  refreshPending: number | bigint | null;
  beforeMove: boolean | number | bigint | null;
}

/** A raw integer column as a number (drivers give bigint for 64-bit columns). */
function num(value: number | bigint): number {
  return typeof value === "bigint" ? Number(value) : value;
}

export function createRsvpRepository(db: Db, clock: Clock) {
  return {
    /**
     * One query for a press of an RSVP button: the meeting (state, cell, announcement) and the
     * member's current answer, so the press can be answered before anything is written.
     */
    async pressView(
      meetingId: number,
      memberId: number | null,
      refreshKey: string,
    ): Promise<RsvpPressView | null> {
      const rows = await db.$queryRaw<PressRow[]>`
        SELECT m."id" AS "meetingId", m."number" AS "meetingNumber", m."cellId" AS "cellId", c."name" AS "cellName",
               c."active" AS "cellActive", m."state" AS "state",
               m."announcementChatId" AS "announcementChatId",
               m."announcementMessageId" AS "announcementMessageId",
               r."answer" AS "answer", r."reason" AS "reason",
               (SELECT COUNT(*) FROM "ScheduledDelivery" d
                WHERE d."key" = ${refreshKey} AND d."status" = 'pending') AS "refreshPending",
               r."beforeMove" AS "beforeMove"
        FROM "Meeting" m
        JOIN "Cell" c ON c."id" = m."cellId"
        LEFT JOIN "Rsvp" r ON r."meetingId" = m."id" AND r."memberId" = ${memberId ?? -1}
        WHERE m."id" = ${meetingId}`;
      const row = rows[0];
      if (!row) return null;
      return {
        meetingId: num(row.meetingId),
        meetingNumber: num(row.meetingNumber),
        cellId: num(row.cellId),
        cellName: row.cellName,
        cellActive: row.cellActive === true || Number(row.cellActive) === 1,
        state: row.state,
        announcementChatId: row.announcementChatId === null ? null : num(row.announcementChatId),
        announcementMessageId: row.announcementMessageId === null ? null : num(row.announcementMessageId),
        answer: row.answer,
        reason: row.reason,
        refreshPending: Number(row.refreshPending ?? 0) > 0,
        beforeMove: row.beforeMove === true || Number(row.beforeMove) === 1,
      };
    },

    /**
     * Records the answer in one statement, but only while the outbox row `pendingKey` is still
     * pending; false (nothing written) otherwise. A pending refresh reads the counts when it runs,
     * after this write, so the answer needs no re-arming of its own: the check and the write are one
     * statement, so the scheduler claims the row either before (then this writes nothing and the
     * caller records with `answer` and its consequences) or after (then it sees the answer).
     */
    async answerWhilePending(
      meetingId: number,
      memberId: number,
      answer: string,
      pendingKey: string,
    ): Promise<boolean> {
      const now = clock.now();
      const rows = await db.$queryRaw<{ id: number | bigint }[]>`
        INSERT INTO "Rsvp" ("meetingId", "memberId", "answer", "createdAt", "updatedAt")
        SELECT ${meetingId}, ${memberId}, ${answer}, ${now}, ${now}
        WHERE EXISTS (
          SELECT 1 FROM "ScheduledDelivery" WHERE "key" = ${pendingKey} AND "status" = 'pending')
        ON CONFLICT ("meetingId", "memberId") DO UPDATE SET
          "answer" = excluded."answer", "reason" = NULL, "reasonText" = NULL, "beforeMove" = FALSE,
          "updatedAt" = excluded."updatedAt"
        RETURNING "id"`;
      return rows.length > 0;
    },

    /**
     * Records the member's answer (one row per member and meeting; a new answer replaces the old one
     * and its reason) in one transaction with `consequences` (statements of other repositories, e.g.
     * the outbox row that refreshes the announcement), so an answer never lands without them.
     */
    async answer(
      meetingId: number,
      memberId: number,
      answer: string,
      consequences: readonly Prisma.PrismaPromise<unknown>[] = [],
    ): Promise<void> {
      const now = clock.now();
      const upsert = db.rsvp.upsert({
        where: { meetingId_memberId: { meetingId, memberId } },
        create: { meetingId, memberId, answer, createdAt: now, updatedAt: now },
        update: { answer, reason: null, reasonText: null, beforeMove: false, updatedAt: now },
        select: { id: true },
      });
      if (consequences.length === 0) await upsert;
      else await db.$transaction([upsert, ...consequences]);
    },

    /** Stores the reason of an absent answer; false when the member's answer is not "absent". */
    async setReason(
      meetingId: number,
      memberId: number,
      reason: string,
      reasonText: string | null,
    ): Promise<boolean> {
      const { count } = await db.rsvp.updateMany({
        where: { meetingId, memberId, answer: "absent" },
        data: { reason, reasonText: cleanOptional(reasonText), updatedAt: clock.now() },
      });
      return count === 1;
    },

    async find(meetingId: number, memberId: number): Promise<RsvpView | null> {
      return db.rsvp.findUnique({
        where: { meetingId_memberId: { meetingId, memberId } },
        select: {
          id: true,
          meetingId: true,
          memberId: true,
          answer: true,
          reason: true,
          reasonText: true,
          beforeMove: true,
          updatedAt: true,
        },
      });
    },

    async listForMeeting(meetingId: number): Promise<RsvpWithMember[]> {
      const rows = await db.rsvp.findMany({
        where: { meetingId },
        include: { member: { select: { displayName: true, fullName: true, telegramId: true } } },
        orderBy: { id: "asc" },
      });
      return rows.map((r) => ({
        id: r.id,
        meetingId: r.meetingId,
        memberId: r.memberId,
        answer: r.answer,
        reason: r.reason,
        reasonText: r.reasonText,
        beforeMove: r.beforeMove,
        updatedAt: r.updatedAt,
        displayName: r.member.displayName,
        fullName: r.member.fullName,
        telegramId: toTgIdOrNull(r.member.telegramId),
      }));
    },

    async count(meetingId?: number): Promise<number> {
      return meetingId === undefined ? db.rsvp.count() : db.rsvp.count({ where: { meetingId } });
    },

    /**
     * Counts for the announcement: answers of the cell's active members; expected = active, not
     * exempt. An answer given before a move and not confirmed since counts as no answer.
     */
    async counts(meetingId: number, cellId: number): Promise<RsvpCounts> {
      const members = await db.membership.findMany({
        where: { cellId, active: true },
        select: { memberId: true, status: true },
      });
      const rsvps = await db.rsvp.findMany({
        where: { meetingId },
        select: { memberId: true, answer: true, beforeMove: true },
      });
      const answers = new Map(rsvps.filter((r) => !r.beforeMove).map((r) => [r.memberId, r.answer]));
      const counts: RsvpCounts = { attend: 0, absent: 0, unsure: 0, noAnswer: 0, expected: 0 };
      for (const m of members) {
        const answer = answers.get(m.memberId);
        if (answer === "attend") counts.attend += 1;
        else if (answer === "absent") counts.absent += 1;
        else if (answer === "unsure") counts.unsure += 1;
        if (m.status !== "exempt") {
          counts.expected += 1;
          if (answer !== "attend" && answer !== "absent") counts.noAnswer += 1;
        }
      }
      return counts;
    },
  };
}

export type RsvpRepository = ReturnType<typeof createRsvpRepository>;
