// Changes to a membership (role, status, party group), each written to the audit log with its
// before and after values. No Telegram here: handlers decide who may call these and what to say.
import type { Repositories } from "../../db/repositories/index.ts";
import type { CellMemberView } from "../../db/repositories/memberships.ts";

/** Who makes a change, for the audit log. */
export interface Actor {
  telegramId: number;
  memberId?: number | undefined;
}

/** The cell a change belongs to (its organisation is recorded with every audit entry). */
export interface CellRef {
  id: number;
  organisationId: number;
}

export type ChangeRepos = Pick<Repositories, "audit" | "memberships" | "partyGroups">;

export async function recordCellAudit(
  repos: Pick<Repositories, "audit">,
  cell: CellRef,
  actor: Actor,
  entry: { action: string; targetType: string; targetId: number; before: unknown; after: unknown },
): Promise<void> {
  await repos.audit.record({
    ...entry,
    cellId: cell.id,
    organisationId: cell.organisationId,
    actorTelegramId: actor.telegramId,
    ...(actor.memberId === undefined ? {} : { actorMemberId: actor.memberId }),
  });
}

/** Sets the role if it is still what `target` says; false when someone changed it meanwhile. */
export async function changeRole(
  repos: ChangeRepos,
  cell: CellRef,
  target: CellMemberView,
  to: string,
  actor: Actor,
): Promise<boolean> {
  if (!(await repos.memberships.changeRole(target.membershipId, target.role, to))) return false;
  await recordCellAudit(repos, cell, actor, {
    action: "membership.role",
    targetType: "membership",
    targetId: target.membershipId,
    before: { memberId: target.memberId, role: target.role },
    after: { memberId: target.memberId, role: to },
  });
  return true;
}

export async function changeStatus(
  repos: ChangeRepos,
  cell: CellRef,
  target: CellMemberView,
  to: string,
  actor: Actor,
): Promise<boolean> {
  if (!(await repos.memberships.changeStatus(target.membershipId, target.status, to))) return false;
  await recordCellAudit(repos, cell, actor, {
    action: "membership.status",
    targetType: "membership",
    targetId: target.membershipId,
    before: { memberId: target.memberId, status: target.status },
    after: { memberId: target.memberId, status: to },
  });
  return true;
}

/**
 * Takes away the leadership of every group of the cell the member leads (when they stop being a
 * group leader). Returns the names of those groups.
 */
export async function clearLeadership(
  repos: ChangeRepos,
  cell: CellRef,
  memberId: number,
  actor: Actor,
): Promise<string[]> {
  const led = await repos.partyGroups.listLedBy(cell.id, memberId);
  for (const group of led) await unsetGroupLeader(repos, cell, group.id, memberId, actor);
  return led.map((g) => g.name);
}

/** Leaves a party group without a leader, audited. */
export async function unsetGroupLeader(
  repos: ChangeRepos,
  cell: CellRef,
  groupId: number,
  formerLeaderId: number,
  actor: Actor,
): Promise<void> {
  await repos.partyGroups.setLeader(groupId, null);
  await recordCellAudit(repos, cell, actor, {
    action: "party_group.leader",
    targetType: "party_group",
    targetId: groupId,
    before: { leaderMemberId: formerLeaderId },
    after: { leaderMemberId: null },
  });
}
