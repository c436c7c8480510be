// Joining a cell: join requests (pending until a secretary decides) and claiming the personal link
// of a member imported from a roster.
import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { toDbId, toTgId, toTgIdOrNull } from "../ids.ts";
import { createMemberRepository, type MemberView, type TelegramPerson } from "./members.ts";
import { createMembershipRepository, type CellMemberView } from "./memberships.ts";
import { cleanText } from "../../clean-text.ts";

export interface JoinRequestView {
  id: number;
  cellId: number;
  telegramId: number;
  displayName: string;
  username: string | null;
  state: string;
  decidedByTelegramId: number | null;
  decidedAt: Date | null;
  createdAt: Date;
}

type JoinRequestRow = {
  id: number;
  cellId: number;
  telegramId: bigint;
  displayName: string;
  username: string | null;
  state: string;
  decidedByTgId: bigint | null;
  decidedAt: Date | null;
  createdAt: Date;
};

function toView(row: JoinRequestRow): JoinRequestView {
  return {
    id: row.id,
    cellId: row.cellId,
    telegramId: toTgId(row.telegramId),
    displayName: row.displayName,
    username: row.username,
    state: row.state,
    decidedByTelegramId: toTgIdOrNull(row.decidedByTgId),
    decidedAt: row.decidedAt,
    createdAt: row.createdAt,
  };
}

export type DecisionResult =
  | { outcome: "decided"; request: JoinRequestView }
  | { outcome: "already-decided"; request: JoinRequestView }
  | { outcome: "not-found" };

export type ApprovalResult =
  | {
      outcome: "decided";
      request: JoinRequestView;
      member: MemberView;
      membership: CellMemberView;
      /** false when the person was already an active member (joined another way meanwhile). */
      joined: boolean;
    }
  | { outcome: "already-decided"; request: JoinRequestView }
  | { outcome: "not-found" };

export type ClaimResult =
  | {
      outcome: "claimed";
      /** The member row now bound to the caller's Telegram id. */
      memberId: number;
      /** The imported row that was merged into `memberId` and deleted; null when bound in place. */
      mergedFromId: number | null;
    }
  | { outcome: "invalid" };

/**
 * The interactive transaction client has the model API of the full client; the member and membership
 * repositories only use that API, so they can run inside a transaction.
 */
function asDb(tx: unknown): Db {
  return tx as Db;
}

export function createJoinRequestRepository(db: Db, clock: Clock) {
  return {
    async get(id: number): Promise<JoinRequestView | null> {
      const row = await db.joinRequest.findUnique({ where: { id } });
      return row ? toView(row) : null;
    },

    /**
     * The person's pending request to the cell, created if there is none. Two racing creations
     * converge: the older row is kept and the newer deleted, so one request stays pending.
     */
    async openPending(
      cellId: number,
      person: TelegramPerson,
    ): Promise<{ request: JoinRequestView; created: boolean }> {
      const telegramId = toDbId(person.telegramId);
      const where = { cellId, telegramId, state: "pending" } as const;
      const existing = await db.joinRequest.findFirst({ where, orderBy: { id: "asc" } });
      if (existing) return { request: toView(existing), created: false };
      const created = await db.joinRequest.create({
        data: {
          cellId,
          telegramId,
          displayName: cleanText(person.displayName) || person.username || String(person.telegramId),
          username: person.username ?? null,
          createdAt: clock.now(),
        },
      });
      const pending = await db.joinRequest.findMany({ where, orderBy: { id: "asc" } });
      const keep = pending[0] ?? created;
      if (pending.length > 1) {
        await db.joinRequest.deleteMany({
          where: { ...where, id: { in: pending.slice(1).map((r) => r.id) } },
        });
      }
      return { request: toView(keep), created: keep.id === created.id };
    },

    async countPending(cellId: number): Promise<number> {
      return db.joinRequest.count({ where: { cellId, state: "pending" } });
    },

    /**
     * Approves a pending request in one transaction: marks it approved (only if still pending),
     * creates or refreshes the member and adds them to the cell as an official member.
     */
    async approve(id: number, deciderTelegramId: number, at: Date): Promise<ApprovalResult> {
      return db.$transaction(async (tx) => {
        const decided = await tx.joinRequest.updateMany({
          where: { id, state: "pending" },
          data: { state: "approved", decidedByTgId: toDbId(deciderTelegramId), decidedAt: at },
        });
        const row = await tx.joinRequest.findUnique({ where: { id } });
        if (!row) return { outcome: "not-found" } as const;
        const request = toView(row);
        if (decided.count === 0) return { outcome: "already-decided", request } as const;
        const txDb = asDb(tx);
        const member = await createMemberRepository(txDb, clock).upsertFromTelegram({
          telegramId: request.telegramId,
          username: request.username ?? undefined,
          displayName: request.displayName,
        });
        const { view, created } = await createMembershipRepository(txDb, clock).join(
          member.id,
          request.cellId,
          {
            role: "member",
            status: "official",
          },
        );
        return { outcome: "decided", request, member, membership: view, joined: created } as const;
      });
    },

    /** Rejects a request that is still pending. */
    async reject(id: number, deciderTelegramId: number, at: Date): Promise<DecisionResult> {
      const decided = await db.joinRequest.updateMany({
        where: { id, state: "pending" },
        data: { state: "rejected", decidedByTgId: toDbId(deciderTelegramId), decidedAt: at },
      });
      const row = await db.joinRequest.findUnique({ where: { id } });
      if (!row) return { outcome: "not-found" };
      return { outcome: decided.count === 0 ? "already-decided" : "decided", request: toView(row) };
    },

    /** The imported (not yet claimed) member holding this claim token, if any. */
    async findClaimable(token: string): Promise<{ memberId: number; displayName: string } | null> {
      const row = await db.member.findFirst({
        where: { claimToken: token, telegramId: null, erasedAt: null },
        select: { id: true, displayName: true },
      });
      return row ? { memberId: row.id, displayName: row.displayName } : null;
    },

    /**
     * Binds the imported member holding `token` to a Telegram account, in one transaction. When the
     * account already has its own member row (it opened the bot before), the imported member's
     * memberships and everything else that refers to it move to that row, and the imported row is
     * deleted. The roster's names win over Telegram's: the secretary typed them.
     */
    async claim(token: string, person: TelegramPerson): Promise<ClaimResult> {
      const updatedAt = clock.now();
      return db.$transaction(async (tx) => {
        const imported = await tx.member.findFirst({
          where: { claimToken: token, telegramId: null, erasedAt: null },
        });
        if (!imported) return { outcome: "invalid" } as const;
        // Compare-and-set first: of two people racing for one token, only one gets past this.
        const taken = await tx.member.updateMany({
          where: { id: imported.id, claimToken: token, telegramId: null },
          data: { claimToken: null, updatedAt },
        });
        if (taken.count !== 1) return { outcome: "invalid" } as const;

        const telegramId = toDbId(person.telegramId);
        let existing = await tx.member.findUnique({ where: { telegramId } });
        if (existing?.erasedAt) {
          // An erased record keeps nothing worth merging; free the id for the imported member.
          await tx.member.update({ where: { id: existing.id }, data: { telegramId: null, updatedAt } });
          existing = null;
        }
        const displayName = imported.displayName.trim() || imported.fullName?.trim() || person.displayName;

        if (!existing) {
          await tx.member.update({
            where: { id: imported.id },
            data: {
              telegramId,
              username: person.username ?? null,
              displayName,
              firstName: person.firstName ?? null,
              reachable: true,
              unreachableAt: null,
              updatedAt,
            },
          });
          return { outcome: "claimed", memberId: imported.id, mergedFromId: null } as const;
        }

        const fromId = imported.id;
        const toId = existing.id;
        // Memberships: a cell where both rows are members keeps the existing row's number and takes
        // the roster's role, status and party group.
        const ownCells = await tx.membership.findMany({ where: { memberId: toId } });
        for (const m of await tx.membership.findMany({ where: { memberId: fromId } })) {
          const clash = ownCells.find((o) => o.cellId === m.cellId);
          if (!clash) {
            await tx.membership.update({ where: { id: m.id }, data: { memberId: toId } });
            continue;
          }
          await tx.membership.delete({ where: { id: m.id } });
          if (m.active || !clash.active) {
            await tx.membership.update({
              where: { id: clash.id },
              data: {
                role: m.role,
                status: m.status,
                partyGroupId: m.partyGroupId,
                active: m.active || clash.active,
                leftAt: m.active || clash.active ? null : clash.leftAt,
              },
            });
          }
        }
        // Records with one row per member and meeting/task/prompt: move those without a clash; the
        // rest go with the imported row (cascade), the account's own answer winning.
        const rsvpMeetings = (
          await tx.rsvp.findMany({ where: { memberId: toId }, select: { meetingId: true } })
        ).map((r) => r.meetingId);
        await tx.rsvp.updateMany({
          where: { memberId: fromId, meetingId: { notIn: rsvpMeetings } },
          data: { memberId: toId, updatedAt },
        });
        const attendanceMeetings = (
          await tx.attendance.findMany({ where: { memberId: toId }, select: { meetingId: true } })
        ).map((r) => r.meetingId);
        await tx.attendance.updateMany({
          where: { memberId: fromId, meetingId: { notIn: attendanceMeetings } },
          data: { memberId: toId, updatedAt },
        });
        const ownTasks = (
          await tx.taskAssignment.findMany({ where: { memberId: toId }, select: { taskId: true } })
        ).map((r) => r.taskId);
        await tx.taskAssignment.updateMany({
          where: { memberId: fromId, taskId: { notIn: ownTasks } },
          data: { memberId: toId, updatedAt },
        });
        const ownTargets = (
          await tx.promptTarget.findMany({ where: { memberId: toId }, select: { promptId: true } })
        ).map((r) => r.promptId);
        await tx.promptTarget.updateMany({
          where: { memberId: fromId, promptId: { notIn: ownTargets } },
          data: { memberId: toId },
        });
        const ownParticipations = (
          await tx.participation.findMany({ where: { memberId: toId }, select: { promptId: true } })
        ).map((r) => r.promptId);
        await tx.participation.updateMany({
          where: { memberId: fromId, promptId: { notIn: ownParticipations } },
          data: { memberId: toId },
        });
        // Plain references.
        await tx.partyGroup.updateMany({ where: { leaderMemberId: fromId }, data: { leaderMemberId: toId } });
        await tx.agendaItem.updateMany({ where: { memberId: fromId }, data: { memberId: toId } });
        await tx.task.updateMany({
          where: { assignerMemberId: fromId },
          data: { assignerMemberId: toId, updatedAt },
        });
        await tx.taskEvaluation.updateMany({
          where: { evaluatorMemberId: fromId },
          data: { evaluatorMemberId: toId, updatedAt },
        });
        await tx.response.updateMany({ where: { memberId: fromId }, data: { memberId: toId } });
        await tx.attendance.updateMany({
          where: { recordedByMemberId: fromId },
          data: { recordedByMemberId: toId, updatedAt },
        });
        await tx.meeting.updateMany({
          where: { createdByMemberId: fromId },
          data: { createdByMemberId: toId, updatedAt },
        });
        await tx.prompt.updateMany({
          where: { createdByMemberId: fromId },
          data: { createdByMemberId: toId },
        });
        await tx.scheduledDelivery.updateMany({
          where: { memberId: fromId },
          data: { memberId: toId, updatedAt },
        });

        await tx.member.delete({ where: { id: fromId } });
        await tx.member.update({
          where: { id: toId },
          data: {
            username: person.username ?? existing.username,
            displayName,
            firstName: person.firstName ?? existing.firstName,
            fullName: imported.fullName ?? existing.fullName,
            homeCellId: existing.homeCellId ?? imported.homeCellId,
            locale: existing.locale ?? imported.locale,
            reachable: true,
            unreachableAt: null,
            updatedAt,
          },
        });
        return { outcome: "claimed", memberId: toId, mergedFromId: fromId } as const;
      });
    },
  };
}

export type JoinRequestRepository = ReturnType<typeof createJoinRequestRepository>;
