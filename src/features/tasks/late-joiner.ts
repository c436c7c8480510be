// A member who joins a party group gets the group's open tasks. A task given to "Tổ 1" is the group's
// work: whoever joins the group before its due time (or at any time, for a task without one) would
// expect to see it in /tasks and be reminded, not to be left out because they joined a day later.
// Tasks already due are left alone (the newcomer could not have done them), as are tasks given to
// named members or to the whole cell.
import type { BotContext } from "../../bot/context.ts";
import { clip } from "../../bot/kit/clip.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import { memberName } from "../members/member-ref.ts";
import { deliverTask } from "./create.ts";
import { auditTask } from "./notify.ts";
import { planTaskReminders } from "./reminders.ts";

/** Gives the member the open tasks of the group they just joined; how many they received. */
export async function giveGroupTasksToJoiner(
  ctx: BotContext,
  cell: CellView,
  partyGroupId: number,
  memberId: number,
): Promise<number> {
  const { repos, clock } = ctx.services;
  const titles: string[] = [];
  for (const task of await repos.tasks.listOpenForGroupWithout(partyGroupId, memberId, clock.now())) {
    if (task.cellId !== cell.id) continue;
    const assignmentId = await repos.tasks.addAssignee(task.id, memberId);
    if (assignmentId === null) continue;
    await auditTask(
      ctx,
      task,
      "task.assign_group_joiner",
      null,
      { memberId, partyGroupId },
      {
        type: "task_assignment",
        id: assignmentId,
      },
    );
    const current = (await repos.tasks.get(task.id))!;
    const assigner =
      task.assignerMemberId === null ? null : await repos.members.findById(task.assignerMemberId);
    await deliverTask(ctx, cell, current, new Set([assignmentId]), assigner ? memberName(assigner, 48) : "—");
    await planTaskReminders(ctx.services, task.id);
    titles.push(`#${task.id} “${clip(task.title, 80)}”`);
  }
  if (titles.length > 0) {
    const member = await repos.members.findById(memberId);
    await ctx.reply(
      ctx.t("task-joiner-given", {
        name: member ? memberName(member, 48) : "—",
        count: titles.length,
        tasks: titles.join(", "),
      }),
    );
  }
  return titles.length;
}
