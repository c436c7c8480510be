import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { isUniqueViolation } from "../prisma-errors.ts";

/** A party group (tổ đảng) of a cell, with its leader and how many active members it has. */
export interface PartyGroupView {
  id: number;
  cellId: number;
  name: string;
  leaderMemberId: number | null;
  leaderName: string | null;
  /** The leader's number in /members of the group's cell (null when they left the cell). */
  leaderNumber: number | null;
  size: number;
}

function selectView(cellId: number | undefined) {
  return {
    id: true,
    cellId: true,
    name: true,
    leaderMemberId: true,
    leader: {
      select: {
        displayName: true,
        fullName: true,
        memberships: {
          where: { active: true, ...(cellId === undefined ? {} : { cellId }) },
          select: { cellId: true, number: true },
        },
      },
    },
    _count: { select: { memberships: { where: { active: true, member: { erasedAt: null } } } } },
  } as const;
}

type Row = {
  id: number;
  cellId: number;
  name: string;
  leaderMemberId: number | null;
  leader: {
    displayName: string;
    fullName: string | null;
    memberships: { cellId: number; number: number }[];
  } | null;
  _count: { memberships: number };
};

function toView(row: Row): PartyGroupView {
  return {
    id: row.id,
    cellId: row.cellId,
    name: row.name,
    leaderMemberId: row.leaderMemberId,
    leaderName: row.leader ? (row.leader.fullName ?? row.leader.displayName) : null,
    leaderNumber: row.leader?.memberships.find((m) => m.cellId === row.cellId)?.number ?? null,
    size: row._count.memberships,
  };
}

/** Names sort the way people read them: "Tổ 2" before "Tổ 10", Vietnamese letters in order. */
function byName(a: PartyGroupView, b: PartyGroupView): number {
  return a.name.localeCompare(b.name, "vi", { numeric: true, sensitivity: "base" }) || a.id - b.id;
}

export function createPartyGroupRepository(db: Db, clock: Clock) {
  return {
    async listByCell(cellId: number): Promise<PartyGroupView[]> {
      const rows = await db.partyGroup.findMany({ where: { cellId }, select: selectView(cellId) });
      return rows.map(toView).sort(byName);
    },

    async get(id: number): Promise<PartyGroupView | null> {
      const row = await db.partyGroup.findUnique({ where: { id }, select: selectView(undefined) });
      return row ? toView(row) : null;
    },

    /** Creates the group; null when the cell already has a group of exactly that name. */
    async create(cellId: number, name: string): Promise<PartyGroupView | null> {
      try {
        const row = await db.partyGroup.create({
          data: { cellId, name, createdAt: clock.now() },
          select: selectView(cellId),
        });
        return toView(row);
      } catch (err) {
        if (isUniqueViolation(err)) return null;
        throw err;
      }
    },

    async setLeader(id: number, leaderMemberId: number | null): Promise<void> {
      await db.partyGroup.update({ where: { id }, data: { leaderMemberId } });
    },

    /** Groups of the cell this member leads. */
    async listLedBy(cellId: number, memberId: number): Promise<PartyGroupView[]> {
      const rows = await db.partyGroup.findMany({
        where: { cellId, leaderMemberId: memberId },
        select: selectView(cellId),
      });
      return rows.map(toView).sort(byName);
    },

    async countByCell(cellId: number): Promise<number> {
      return db.partyGroup.count({ where: { cellId } });
    },
  };
}

export type PartyGroupRepository = ReturnType<typeof createPartyGroupRepository>;
