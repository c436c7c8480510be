// Roster import: every accepted row becomes a member (no Telegram account yet, a claim token) with
// an active membership of the cell, in ONE transaction together with any new party groups and the
// audit entry, so a failure leaves nothing half-written.
import { randomBytes } from "node:crypto";
import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { toDbId } from "../ids.ts";
import { isUniqueViolation } from "../prisma-errors.ts";

export interface RosterImportRow {
  fullName: string;
  role: string;
  status: string;
  /** Name of the party group (existing or to create), or null. */
  partyGroup: string | null;
}

export interface RosterImportInput {
  cellId: number;
  organisationId: number;
  actorTelegramId: number;
  actorMemberId?: number | undefined;
  rows: readonly RosterImportRow[];
  /** For the audit entry only. */
  refusedCount: number;
  format: string;
}

export interface ImportedMember {
  memberId: number;
  number: number;
  fullName: string;
  role: string;
  status: string;
  partyGroup: string | null;
  claimToken: string;
}

export interface RosterImportResult {
  members: ImportedMember[];
  groupsCreated: string[];
  /** Groups that had no leader and got the first imported group leader of theirs. */
  leadersSet: { group: string; fullName: string }[];
}

export interface RosterSnapshot {
  memberNames: string[];
  partyGroups: string[];
}

/** 16 random bytes, base64url (22 characters): unguessable, and fits a /start payload. */
export function newClaimToken(): string {
  return randomBytes(16).toString("base64url");
}

/** Transactions on PostgreSQL pay a round trip per statement; a 2,000-row roster needs time. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 120_000 } as const;

export function createRosterRepository(db: Db, clock: Clock) {
  async function importOnce(input: RosterImportInput): Promise<RosterImportResult> {
    const now = clock.now();
    return db.$transaction(async (tx) => {
      const { cellId } = input;
      const groupsCreated: string[] = [];
      const groups = new Map<string, { id: number; leaderMemberId: number | null }>();
      for (const name of new Set(
        input.rows.map((r) => r.partyGroup).filter((g): g is string => g !== null),
      )) {
        let group = await tx.partyGroup.findUnique({ where: { cellId_name: { cellId, name } } });
        if (!group) {
          group = await tx.partyGroup.create({ data: { cellId, name, createdAt: now } });
          groupsCreated.push(name);
        }
        groups.set(name, { id: group.id, leaderMemberId: group.leaderMemberId });
      }

      const tokens = input.rows.map(() => newClaimToken());
      const created = await tx.member.createManyAndReturn({
        data: input.rows.map((r, i) => ({
          displayName: r.fullName,
          fullName: r.fullName,
          claimToken: tokens[i]!,
          createdAt: now,
          updatedAt: now,
        })),
        select: { id: true, claimToken: true },
      });
      const idByToken = new Map(created.map((m) => [m.claimToken, m.id]));

      // Numbers continue after the highest ever given in the cell (past members keep theirs).
      const last = await tx.membership.findFirst({ where: { cellId }, orderBy: { number: "desc" } });
      const first = (last?.number ?? 0) + 1;
      const members: ImportedMember[] = input.rows.map((r, i) => ({
        memberId: idByToken.get(tokens[i]!)!,
        number: first + i,
        fullName: r.fullName,
        role: r.role,
        status: r.status,
        partyGroup: r.partyGroup,
        claimToken: tokens[i]!,
      }));
      await tx.membership.createMany({
        data: members.map((m) => ({
          memberId: m.memberId,
          cellId,
          number: m.number,
          role: m.role,
          status: m.status,
          partyGroupId: m.partyGroup === null ? null : groups.get(m.partyGroup)!.id,
          joinedAt: now,
        })),
      });

      const leadersSet: { group: string; fullName: string }[] = [];
      for (const [name, group] of groups) {
        if (group.leaderMemberId !== null) continue;
        const leader = members.find((m) => m.partyGroup === name && m.role === "group_leader");
        if (!leader) continue;
        await tx.partyGroup.update({ where: { id: group.id }, data: { leaderMemberId: leader.memberId } });
        leadersSet.push({ group: name, fullName: leader.fullName });
      }

      await tx.auditEntry.create({
        data: {
          action: "roster.import",
          targetType: "cell",
          targetId: String(cellId),
          actorTgId: toDbId(input.actorTelegramId),
          actorMemberId: input.actorMemberId ?? null,
          organisationId: input.organisationId,
          cellId,
          after: JSON.stringify({
            format: input.format,
            accepted: members.length,
            refused: input.refusedCount,
            groupsCreated: groupsCreated.length,
            leadersSet: leadersSet.length,
            firstNumber: members.length > 0 ? first : null,
            memberIds: members.map((m) => m.memberId),
          }),
          createdAt: now,
        },
      });
      return { members, groupsCreated, leadersSet };
    }, TRANSACTION_OPTIONS);
  }

  return {
    /** What the rows are checked against: the names of active members and the party groups. */
    async snapshot(cellId: number): Promise<RosterSnapshot> {
      const [memberships, groups] = await Promise.all([
        db.membership.findMany({
          where: { cellId, active: true, member: { erasedAt: null } },
          select: { member: { select: { fullName: true, displayName: true } } },
        }),
        db.partyGroup.findMany({ where: { cellId }, select: { name: true }, orderBy: { id: "asc" } }),
      ]);
      const memberNames = memberships.flatMap((m) =>
        m.member.fullName ? [m.member.fullName, m.member.displayName] : [m.member.displayName],
      );
      return { memberNames, partyGroups: groups.map((g) => g.name) };
    },

    /**
     * Writes all rows or none. A concurrent join or group creation taking the same membership
     * number or group name makes the transaction fail as a whole; it is then retried.
     */
    async importRows(input: RosterImportInput): Promise<RosterImportResult> {
      if (input.rows.length === 0) return { members: [], groupsCreated: [], leadersSet: [] };
      for (let attempt = 1; ; attempt++) {
        try {
          return await importOnce(input);
        } catch (err) {
          if (isUniqueViolation(err) && attempt < 3) continue;
          throw err;
        }
      }
    },
  };
}

export type RosterRepository = ReturnType<typeof createRosterRepository>;
