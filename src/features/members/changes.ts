// Changes to a membership (role, status, party group), each written to the audit log with its
// before and after values. No Telegram here: handlers decide who may call these and what to say
// (a change of role asks the menus service to refresh the person's command menu).
import type { BotServices } from "../../bot/context.ts";
import { recordAudit, type Actor } from "../../bot/kit/audit.ts";
import type { Repositories } from "../../db/repositories/index.ts";
import type { CellMemberView } from "../../db/repositories/memberships.ts";

export type { Actor } from "../../bot/kit/audit.ts";

/** The cell a change belongs to (its organisation is recorded with every audit entry). */
export interface CellRef {
  id: number;
  organisationId: number;
}

export type ChangeRepos = Pick<Repositories, "audit" | "memberships" | "partyGroups">;

/**
 * What a change needs: the repositories it writes, the clock that dates its audit entry, and the
 * menus, which follow a change of role.
 */
export type ChangeDeps = Pick<BotServices, "clock" | "menus"> & { repos: ChangeRepos };

/** Sets the role if it is still what `target` says; false when someone changed it meanwhile. */
export async function changeRole(
  deps: ChangeDeps,
  cell: CellRef,
  target: CellMemberView,
  to: string,
  actor: Actor,
): Promise<boolean> {
  const { repos } = deps;
  if (!(await repos.memberships.changeRole(target.membershipId, target.role, to))) return false;
  await recordAudit(deps, {
    who: actor,
    target: { type: "membership", id: target.membershipId },
    organisationId: cell.organisationId,
    cellId: cell.id,
    what: "membership.role",
    from: { memberId: target.memberId, role: target.role },
    to: { memberId: target.memberId, role: to },
  });
  // Every role change goes through here (/role, a party group's new or former leader), so the
  // person's private menu follows it here: a new secretary sees /meeting, a former one loses it.
  if (target.telegramId !== null) await deps.menus.refresh(target.telegramId);
  return true;
}

export async function changeStatus(
  deps: ChangeDeps,
  cell: CellRef,
  target: CellMemberView,
  to: string,
  actor: Actor,
): Promise<boolean> {
  const { repos } = deps;
  if (!(await repos.memberships.changeStatus(target.membershipId, target.status, to))) return false;
  await recordAudit(deps, {
    who: actor,
    target: { type: "membership", id: target.membershipId },
    organisationId: cell.organisationId,
    cellId: cell.id,
    what: "membership.status",
    from: { memberId: target.memberId, status: target.status },
    to: { memberId: target.memberId, status: to },
  });
  return true;
}

/**
 * Takes away the leadership of every group of the cell the member leads (when they stop being a
 * group leader). Returns the names of those groups.
 */
export async function clearLeadership(
  deps: ChangeDeps,
  cell: CellRef,
  memberId: number,
  actor: Actor,
): Promise<string[]> {
  const { repos } = deps;
  const led = await repos.partyGroups.listLedBy(cell.id, memberId);
  for (const group of led) await unsetGroupLeader(deps, cell, group.id, memberId, actor);
  return led.map((g) => g.name);
}

/** Leaves a party group without a leader, audited. */
export async function unsetGroupLeader(
  deps: ChangeDeps,
  cell: CellRef,
  groupId: number,
  formerLeaderId: number,
  actor: Actor,
): Promise<void> {
  const { repos } = deps;
  await repos.partyGroups.setLeader(groupId, null);
  await recordAudit(deps, {
    who: actor,
    target: { type: "party_group", id: groupId },
    organisationId: cell.organisationId,
    cellId: cell.id,
    what: "party_group.leader",
    from: { leaderMemberId: formerLeaderId },
    to: { leaderMemberId: null },
  });
}
