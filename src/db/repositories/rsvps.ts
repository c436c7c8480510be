// Answers to a meeting announcement (attend / absent with a reason / unsure). One row per member and meeting.
import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { toTgIdOrNull } from "../ids.ts";
import { cleanOptional } from "../../clean-text.ts";

export interface RsvpView {
  id: number;
  meetingId: number;
  memberId: number;
  answer: string;
  reason: string | null;
  reasonText: string | null;
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

export function createRsvpRepository(db: Db, clock: Clock) {
  return {
    /** Records the member's answer (keeps one row; a new answer replaces the old one and its reason). */
    async answer(meetingId: number, memberId: number, answer: string): Promise<{ changed: boolean }> {
      const existing = await db.rsvp.findUnique({ where: { meetingId_memberId: { meetingId, memberId } } });
      if (existing?.answer === answer) return { changed: false };
      const now = clock.now();
      await db.rsvp.upsert({
        where: { meetingId_memberId: { meetingId, memberId } },
        create: { meetingId, memberId, answer, createdAt: now, updatedAt: now },
        update: { answer, reason: null, reasonText: null, updatedAt: now },
      });
      return { changed: true };
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
        updatedAt: r.updatedAt,
        displayName: r.member.displayName,
        fullName: r.member.fullName,
        telegramId: toTgIdOrNull(r.member.telegramId),
      }));
    },

    async count(meetingId?: number): Promise<number> {
      return meetingId === undefined ? db.rsvp.count() : db.rsvp.count({ where: { meetingId } });
    },

    /** Counts for the announcement: answers of the cell's active members; expected = active, not exempt. */
    async counts(meetingId: number, cellId: number): Promise<RsvpCounts> {
      const members = await db.membership.findMany({
        where: { cellId, active: true },
        select: { memberId: true, status: true },
      });
      const rsvps = await db.rsvp.findMany({
        where: { meetingId },
        select: { memberId: true, answer: true },
      });
      const answers = new Map(rsvps.map((r) => [r.memberId, r.answer]));
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
