import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { toDbId, toTgIdOrNull } from "../ids.ts";
import { isUniqueViolation } from "../prisma-errors.ts";

/** A member as seen inside one cell: the row /members shows and commands resolve to. */
export interface CellMemberView {
  membershipId: number;
  memberId: number;
  cellId: number;
  number: number;
  telegramId: number | null;
  username: string | null;
  displayName: string;
  fullName: string | null;
  role: string;
  status: string;
  partyGroupId: number | null;
  partyGroupName: string | null;
  reachable: boolean;
  claimToken: string | null;
}

const include = { member: true, partyGroup: { select: { name: true } } } as const;

type Row = {
  id: number;
  memberId: number;
  cellId: number;
  number: number;
  role: string;
  status: string;
  partyGroupId: number | null;
  partyGroup: { name: string } | null;
  member: {
    telegramId: bigint | null;
    username: string | null;
    displayName: string;
    fullName: string | null;
    reachable: boolean;
    claimToken: string | null;
  };
};

function toView(row: Row): CellMemberView {
  return {
    membershipId: row.id,
    memberId: row.memberId,
    cellId: row.cellId,
    number: row.number,
    telegramId: toTgIdOrNull(row.member.telegramId),
    username: row.member.username,
    displayName: row.member.displayName,
    fullName: row.member.fullName,
    role: row.role,
    status: row.status,
    partyGroupId: row.partyGroupId,
    partyGroupName: row.partyGroup?.name ?? null,
    reachable: row.member.reachable,
    claimToken: row.member.claimToken,
  };
}

/** One of a member's cells, for /me. */
export interface MemberCellView extends CellMemberView {
  cellName: string;
  cellActive: boolean;
}

/** One page of a cell's active members, with counts over the whole cell. */
export interface MemberPage {
  rows: CellMemberView[];
  total: number;
  /** Active members the bot cannot message privately (never opened the chat, or blocked it). */
  unreachable: number;
}

export function createMembershipRepository(db: Db, clock: Clock) {
  return {
    /**
     * Adds a member to a cell (or re-activates a past membership) with the next free number.
     * Numbers are stable: a member who leaves and comes back keeps theirs.
     */
    async join(
      memberId: number,
      cellId: number,
      init: { role?: string; status?: string; partyGroupId?: number | null } = {},
    ): Promise<{ view: CellMemberView; created: boolean }> {
      for (let attempt = 0; ; attempt++) {
        const existing = await db.membership.findUnique({
          where: { memberId_cellId: { memberId, cellId } },
          include,
        });
        if (existing) {
          if (existing.active) return { view: toView(existing), created: false };
          const row = await db.membership.update({
            where: { id: existing.id },
            data: { active: true, leftAt: null, ...init },
            include,
          });
          return { view: toView(row), created: true };
        }
        const last = await db.membership.findFirst({ where: { cellId }, orderBy: { number: "desc" } });
        try {
          const row = await db.membership.create({
            data: { memberId, cellId, number: (last?.number ?? 0) + 1, joinedAt: clock.now(), ...init },
            include,
          });
          return { view: toView(row), created: true };
        } catch (err) {
          // Two joins raced for the same number: take the next one.
          if (isUniqueViolation(err) && attempt < 5) continue;
          throw err;
        }
      }
    },

    async listActive(cellId: number): Promise<CellMemberView[]> {
      const rows = await db.membership.findMany({
        where: { cellId, active: true, member: { erasedAt: null } },
        include,
        orderBy: { number: "asc" },
      });
      return rows.map(toView);
    },

    async find(memberId: number, cellId: number): Promise<CellMemberView | null> {
      const row = await db.membership.findFirst({ where: { memberId, cellId, active: true }, include });
      return row ? toView(row) : null;
    },

    async findByNumber(cellId: number, number: number): Promise<CellMemberView | null> {
      const row = await db.membership.findFirst({ where: { cellId, number, active: true }, include });
      return row ? toView(row) : null;
    },

    async findByTelegramId(cellId: number, telegramId: number): Promise<CellMemberView | null> {
      const row = await db.membership.findFirst({
        where: { cellId, active: true, member: { telegramId: toDbId(telegramId) } },
        include,
      });
      return row ? toView(row) : null;
    },

    /** Active members of the cell whose username matches, case-insensitively. */
    async findByUsername(cellId: number, username: string): Promise<CellMemberView[]> {
      const rows = await db.membership.findMany({ where: { cellId, active: true }, include });
      const wanted = username.toLowerCase();
      return rows.filter((r) => r.member.username?.toLowerCase() === wanted).map(toView);
    },

    async setRole(membershipId: number, role: string): Promise<void> {
      await db.membership.update({ where: { id: membershipId }, data: { role } });
    },

    async setStatus(membershipId: number, status: string): Promise<void> {
      await db.$transaction(async (tx) => {
        const before = await tx.membership.findUnique({
          where: { id: membershipId },
          select: { status: true },
        });
        await tx.membership.update({ where: { id: membershipId }, data: { status } });
        if (before && before.status !== status) {
          await tx.membershipStatusChange.create({
            data: { membershipId, fromStatus: before.status, toStatus: status, changedAt: clock.now() },
          });
        }
      });
    },

    async setPartyGroup(membershipId: number, partyGroupId: number | null): Promise<void> {
      await db.membership.update({ where: { id: membershipId }, data: { partyGroupId } });
    },

    async leave(membershipId: number, at: Date): Promise<void> {
      await db.membership.update({ where: { id: membershipId }, data: { active: false, leftAt: at } });
    },

    /** Active memberships of a member in every cell, with the cell's name, ordered by cell name. */
    async listForMember(memberId: number): Promise<MemberCellView[]> {
      const rows = await db.membership.findMany({
        where: { memberId, active: true },
        include: { ...include, cell: { select: { name: true, active: true } } },
      });
      return rows
        .map((r) => ({ ...toView(r), cellName: r.cell.name, cellActive: r.cell.active }))
        .sort((a, b) => a.cellName.localeCompare(b.cellName, "vi", { numeric: true }));
    },

    /** Active members of the cell ordered by number, `limit` of them from `offset`. */
    async pageActive(cellId: number, offset: number, limit: number): Promise<MemberPage> {
      const where = { cellId, active: true, member: { erasedAt: null } };
      const [rows, total, unreachable] = await Promise.all([
        db.membership.findMany({ where, include, orderBy: { number: "asc" }, skip: offset, take: limit }),
        db.membership.count({ where }),
        db.membership.count({
          where: { cellId, active: true, member: { erasedAt: null, reachable: false } },
        }),
      ]);
      return { rows: rows.map(toView), total, unreachable };
    },

    async countWithRole(cellId: number, role: string): Promise<number> {
      return db.membership.count({ where: { cellId, active: true, role, member: { erasedAt: null } } });
    },

    /** Compare-and-set of the role: false when it was no longer `from` (someone changed it meanwhile). */
    async changeRole(membershipId: number, from: string, to: string): Promise<boolean> {
      const result = await db.membership.updateMany({
        where: { id: membershipId, active: true, role: from },
        data: { role: to },
      });
      return result.count === 1;
    },

    /**
     * Compare-and-set of the status, like changeRole. The change is kept in MembershipStatusChange
     * (same transaction), so reports can tell who was exempt when a past meeting started.
     */
    async changeStatus(membershipId: number, from: string, to: string): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const result = await tx.membership.updateMany({
          where: { id: membershipId, active: true, status: from },
          data: { status: to },
        });
        if (result.count !== 1) return false;
        if (from !== to) {
          await tx.membershipStatusChange.create({
            data: { membershipId, fromStatus: from, toStatus: to, changedAt: clock.now() },
          });
        }
        return true;
      });
    },

    /** Compare-and-set of the party group (null: no group), like changeRole. */
    async changePartyGroup(membershipId: number, from: number | null, to: number | null): Promise<boolean> {
      const result = await db.membership.updateMany({
        where: { id: membershipId, active: true, partyGroupId: from },
        data: { partyGroupId: to },
      });
      return result.count === 1;
    },

    /** Telegram ids of the cell's secretaries and deputies, to ask for approvals. */
    async managerTelegramIds(cellId: number): Promise<number[]> {
      const rows = await db.membership.findMany({
        where: {
          cellId,
          active: true,
          role: { in: ["secretary", "deputy"] },
          member: { telegramId: { not: null } },
        },
        include: { member: { select: { telegramId: true } } },
      });
      return rows.map((r) => Number(r.member.telegramId));
    },
  };
}

export type MembershipRepository = ReturnType<typeof createMembershipRepository>;
