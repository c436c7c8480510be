// Party groups: creating them, setting the leader, moving members in and out. Rules that keep the
// data consistent: a member belongs to at most one group of a cell; a group's leader belongs to
// it; a leader who no longer leads any group goes back from "group leader" to "member"; a plain
// member made leader becomes "group leader". Every change is audited.
import type { CellMemberView } from "../../db/repositories/memberships.ts";
import type { PartyGroupView } from "../../db/repositories/party-groups.ts";
import { recordAudit } from "../../bot/kit/audit.ts";
import {
  changeRole,
  unsetGroupLeader,
  type Actor,
  type CellRef,
  type ChangeDeps,
} from "../members/changes.ts";
import { isSameGroupName } from "./group-names.ts";

export type CreateGroupResult =
  { kind: "created"; group: PartyGroupView } | { kind: "duplicate"; existing: string };

export async function createGroup(
  deps: ChangeDeps,
  cell: CellRef,
  name: string,
  actor: Actor,
): Promise<CreateGroupResult> {
  const { repos } = deps;
  const existing = (await repos.partyGroups.listByCell(cell.id)).find((g) => isSameGroupName(g.name, name));
  if (existing) return { kind: "duplicate", existing: existing.name };
  const group = await repos.partyGroups.create(cell.id, name);
  if (!group) return { kind: "duplicate", existing: name };
  await recordAudit(deps, {
    who: actor,
    target: { type: "party_group", id: group.id },
    organisationId: cell.organisationId,
    cellId: cell.id,
    what: "party_group.create",
    from: null,
    to: { name: group.name },
  });
  return { kind: "created", group };
}

/** Sets the group's leader to nobody and demotes them if they lead no other group. */
async function releaseLeader(
  deps: ChangeDeps,
  cell: CellRef,
  group: PartyGroupView,
  memberId: number,
  actor: Actor,
): Promise<{ demoted: boolean }> {
  await unsetGroupLeader(deps, cell, group.id, memberId, actor);
  return { demoted: await demoteIfLeadsNothing(deps, cell, memberId, actor) };
}

async function demoteIfLeadsNothing(
  deps: ChangeDeps,
  cell: CellRef,
  memberId: number,
  actor: Actor,
): Promise<boolean> {
  const { repos } = deps;
  const membership = await repos.memberships.find(memberId, cell.id);
  if (membership?.role !== "group_leader") return false;
  if ((await repos.partyGroups.listLedBy(cell.id, memberId)).length > 0) return false;
  return changeRole(deps, cell, membership, "member", actor);
}

export interface MoveResult {
  moved: boolean;
  /** The group the member left when they led it (its leadership was released). */
  releasedGroup: string | null;
  demoted: boolean;
}

/** Puts the member in group `to` (null: no group), releasing the leadership of the group they leave. */
export async function moveToGroup(
  deps: ChangeDeps,
  cell: CellRef,
  target: CellMemberView,
  to: number | null,
  actor: Actor,
): Promise<MoveResult> {
  const { repos } = deps;
  const from = target.partyGroupId;
  const result: MoveResult = { moved: false, releasedGroup: null, demoted: false };
  if (from === to) return result;
  if (!(await repos.memberships.changePartyGroup(target.membershipId, from, to))) return result;
  result.moved = true;
  await recordAudit(deps, {
    who: actor,
    target: { type: "membership", id: target.membershipId },
    organisationId: cell.organisationId,
    cellId: cell.id,
    what: "membership.party_group",
    from: { memberId: target.memberId, partyGroupId: from },
    to: { memberId: target.memberId, partyGroupId: to },
  });
  if (from !== null) {
    const old = await repos.partyGroups.get(from);
    if (old?.leaderMemberId === target.memberId) {
      result.releasedGroup = old.name;
      result.demoted = (await releaseLeader(deps, cell, old, target.memberId, actor)).demoted;
    }
  }
  return result;
}

export interface SetLeaderResult {
  already: boolean;
  /** The member was a plain member and is now "group leader". */
  roleRaised: boolean;
  /** The member had to be moved from another group they led. */
  releasedGroup: string | null;
  previousLeaderId: number | null;
  previousDemoted: boolean;
}

export async function setGroupLeader(
  deps: ChangeDeps,
  cell: CellRef,
  group: PartyGroupView,
  target: CellMemberView,
  actor: Actor,
): Promise<SetLeaderResult> {
  const { repos } = deps;
  const result: SetLeaderResult = {
    already: false,
    roleRaised: false,
    releasedGroup: null,
    previousLeaderId: null,
    previousDemoted: false,
  };
  if (group.leaderMemberId === target.memberId && target.partyGroupId === group.id) {
    return { ...result, already: true };
  }
  const previous = group.leaderMemberId;
  if (previous !== target.memberId) {
    await repos.partyGroups.setLeader(group.id, target.memberId);
    await recordAudit(deps, {
      who: actor,
      target: { type: "party_group", id: group.id },
      organisationId: cell.organisationId,
      cellId: cell.id,
      what: "party_group.leader",
      from: { leaderMemberId: previous },
      to: { leaderMemberId: target.memberId },
    });
  }
  // Now that the member leads this group, moving them here cannot demote them.
  const move = await moveToGroup(deps, cell, target, group.id, actor);
  result.releasedGroup = move.releasedGroup;
  if (target.role === "member")
    result.roleRaised = await changeRole(deps, cell, target, "group_leader", actor);
  if (previous !== null && previous !== target.memberId) {
    result.previousLeaderId = previous;
    result.previousDemoted = await demoteIfLeadsNothing(deps, cell, previous, actor);
  }
  return result;
}

export type AddOutcome = "added" | "moved" | "already";

export interface AddResult {
  outcome: AddOutcome;
  member: CellMemberView;
  releasedGroup: string | null;
}

export async function addToGroup(
  deps: ChangeDeps,
  cell: CellRef,
  group: PartyGroupView,
  targets: readonly CellMemberView[],
  actor: Actor,
): Promise<AddResult[]> {
  const results: AddResult[] = [];
  const seen = new Set<number>();
  for (const target of targets) {
    if (seen.has(target.membershipId)) continue;
    seen.add(target.membershipId);
    if (target.partyGroupId === group.id) {
      results.push({ outcome: "already", member: target, releasedGroup: null });
      continue;
    }
    const move = await moveToGroup(deps, cell, target, group.id, actor);
    if (!move.moved) continue;
    results.push({
      outcome: target.partyGroupId === null ? "added" : "moved",
      member: target,
      releasedGroup: move.releasedGroup,
    });
  }
  return results;
}

export type RemoveResult =
  { kind: "not-in-group" } | { kind: "removed"; wasLeader: boolean; demoted: boolean };

export async function removeFromGroup(
  deps: ChangeDeps,
  cell: CellRef,
  group: PartyGroupView,
  target: CellMemberView,
  actor: Actor,
): Promise<RemoveResult> {
  if (target.partyGroupId !== group.id) {
    // Not in the group, but a stale leadership of it is still released.
    if (group.leaderMemberId !== target.memberId) return { kind: "not-in-group" };
    const { demoted } = await releaseLeader(deps, cell, group, target.memberId, actor);
    return { kind: "removed", wasLeader: true, demoted };
  }
  const move = await moveToGroup(deps, cell, target, null, actor);
  if (!move.moved) return { kind: "not-in-group" };
  return { kind: "removed", wasLeader: move.releasedGroup !== null, demoted: move.demoted };
}
