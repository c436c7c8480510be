// Who may do what with a task (PRODUCT §4C): the secretary and deputy (and the committee's admins)
// everything in their cell; a party group's leader assigns to, follows and evaluates the members of
// the groups they lead, and edits or cancels the tasks they gave; a member only acts on their own
// assignment. Everything is checked against the database on each press (callback data is never
// trusted).
import { hasPower, isCellManager } from "../../bot/cell-access.ts";
import type { BotContext } from "../../bot/context.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { AssignmentView, TaskView } from "../../db/repositories/tasks.ts";

/** Ids of the members of the groups the caller leads in the cell (empty for anyone else). */
export async function ledMemberIds(ctx: BotContext, cell: CellView): Promise<Set<number>> {
  const me = ctx.caller?.member;
  if (!me || !(await hasPower(ctx, cell, "group_leader"))) return new Set();
  const groups = await ctx.services.repos.partyGroups.listLedBy(cell.id, me.id);
  if (groups.length === 0) return new Set();
  const ids = new Set(groups.map((g) => g.id));
  const members = await ctx.services.repos.memberships.listActive(cell.id);
  return new Set(
    members.filter((m) => m.partyGroupId !== null && ids.has(m.partyGroupId)).map((m) => m.memberId),
  );
}

/** Ids of the groups the caller leads in the cell. */
export async function ledGroupIds(ctx: BotContext, cell: CellView): Promise<Set<number>> {
  const me = ctx.caller?.member;
  if (!me || !(await hasPower(ctx, cell, "group_leader"))) return new Set();
  return new Set((await ctx.services.repos.partyGroups.listLedBy(cell.id, me.id)).map((g) => g.id));
}

/** The secretary's power over the task, or the assigner's while they still lead a group. */
export async function mayManageTask(ctx: BotContext, cell: CellView, task: TaskView): Promise<boolean> {
  if (await isCellManager(ctx, cell)) return true;
  const me = ctx.caller?.member;
  return (
    me !== undefined &&
    me !== null &&
    task.assignerMemberId === me.id &&
    (await hasPower(ctx, cell, "group_leader"))
  );
}

/** May evaluate (or reassign) this assignee's work: manager, the assigner, or the assignee's group leader. */
export async function mayOversee(
  ctx: BotContext,
  cell: CellView,
  task: TaskView,
  assignment: AssignmentView,
): Promise<boolean> {
  if (await mayManageTask(ctx, cell, task)) return true;
  return (await ledMemberIds(ctx, cell)).has(assignment.memberId);
}

/** May see the task: anyone who oversees one of its assignees, or an assignee. */
export async function maySeeTask(ctx: BotContext, cell: CellView, task: TaskView): Promise<boolean> {
  if (await mayManageTask(ctx, cell, task)) return true;
  const me = ctx.caller?.member;
  if (me && task.assignments.some((a) => a.memberId === me.id) && (await hasPower(ctx, cell, "member"))) {
    return true;
  }
  const led = await ledMemberIds(ctx, cell);
  return task.assignments.some((a) => led.has(a.memberId));
}
