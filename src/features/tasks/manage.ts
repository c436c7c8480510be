// Following tasks (PRODUCT §4C): /tasks by role, /task_info <n>, /edit_task <n> hạn <date>,
// /cancel_task <n>, and the open tasks shown in /me.
import { Composer } from "grammy";
import { isCellManager, resolveCommandCell } from "../../bot/cell-access.ts";
import type { BotContext } from "../../bot/context.ts";
import { clip } from "../../bot/kit/clip.ts";
import { sendPrivately } from "../../bot/kit/send-privately.ts";
import { localParts, localMonthBounds } from "../../datetime/calendar.ts";
import { foldVietnamese } from "../../datetime/parse.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import {
  isOverdue,
  UNFINISHED_STATES,
  type OpenTaskBrief,
  type TaskView,
} from "../../db/repositories/tasks.ts";
import { effectiveSettings } from "../settings/model.ts";
import { memberName } from "../members/member-ref.ts";
import { ledMemberIds, mayManageTask, maySeeTask } from "./access.ts";
import { reasonText } from "./assignee.ts";
import { checkDue } from "./create.ts";
import { auditTask } from "./notify.ts";
import { parseTaskRef } from "./parse.ts";
import { cancelTaskReminders, planTaskReminders } from "./reminders.ts";
import {
  assigneeKeyboard,
  assigneeName,
  formatDue,
  GRADE_KEYS,
  personLocale,
  progressLine,
  stateWord,
  taskCellLocale,
  titleShort,
  translatorFor,
  type T,
} from "./text.ts";

const MAX_LISTED = 15;
const MAX_BUTTON_MESSAGES = 10;

function unfinished(task: TaskView) {
  return task.assignments.filter((a) => (UNFINISHED_STATES as readonly string[]).includes(a.state));
}

/** "#12 Title — hạn Thứ Năm, 10/12/2026 — 3/5 đã nhận, 1 đã xong". */
function taskLine(t: T, task: TaskView, timeZone: string, locale: string): string {
  return t("tasks-line", {
    ref: String(task.id),
    title: titleShort(task, 60),
    due: task.dueAt ? formatDue(task.dueAt, timeZone, locale) : t("task-due-none"),
    progress: progressLine(t, task),
  });
}

/** The caller's open tasks as lines for /me (empty when none), from what /me loaded (me.ts). */
export async function openTaskLines(ctx: BotContext, tasks: readonly OpenTaskBrief[]): Promise<string[]> {
  if (tasks.length === 0) return [];
  const lang = await ctx.i18n.getLocale();
  const lines = [ctx.t("me-tasks-header", { count: tasks.length })];
  for (const task of tasks.slice(0, MAX_LISTED)) {
    const { timeZone } = effectiveSettings(task.organisationSettings, task.cellSettings);
    lines.push(
      ctx.t("me-task-line", {
        ref: String(task.id),
        title: titleShort(task, 60),
        due: task.dueAt ? formatDue(task.dueAt, timeZone, lang) : ctx.t("task-due-none"),
      }),
    );
  }
  return lines;
}

async function findTask(ctx: BotContext, cell: CellView, refText: string): Promise<TaskView | null> {
  const id = parseTaskRef(refText);
  const task = id === undefined ? null : await ctx.services.repos.tasks.get(id);
  if (!task || task.cellId !== cell.id || task.state === "draft") {
    await ctx.reply(ctx.t("task-not-found", { ref: clip(refText, 16) }));
    return null;
  }
  return task;
}

export function createTaskManageFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("tasks", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "member");
    if (!cell) return;
    const { repos, clock } = ctx.services;
    const now = clock.now();
    const loc = await taskCellLocale(ctx.services, cell.id);
    const lang = await ctx.i18n.getLocale();
    const t: T = (key, vars) => ctx.t(key, vars);
    const manager = await isCellManager(ctx, cell);
    const led = manager ? new Set<number>() : await ledMemberIds(ctx, cell);
    if (manager || led.size > 0) {
      const p = localParts(now, loc.timeZone);
      const month = localMonthBounds(p.year, p.month, loc.timeZone);
      const me = ctx.caller?.member?.id;
      const all = await repos.tasks.listForCell(cell.id, month.from, manager ? undefined : [...led]);
      const mine = manager
        ? all
        : all.filter(
            (task) => task.assignerMemberId === me || task.assignments.some((a) => led.has(a.memberId)),
          );
      const overdue = mine.filter((task) => task.assignments.some((a) => isOverdue(task, a, now)));
      const open = mine.filter((task) => task.state === "open" && !overdue.includes(task));
      const awaiting = mine.filter((task) =>
        task.assignments.some((a) => a.state === "done" && a.evaluation === null),
      );
      const done = mine.filter((task) => task.state === "closed");
      const lines = [ctx.t(manager ? "tasks-header-cell" : "tasks-header-group", { cell: cell.name })];
      const section = (key: string, list: TaskView[]) => {
        if (list.length === 0) return;
        lines.push("", ctx.t(key, { count: list.length }));
        for (const task of list.slice(0, MAX_LISTED)) lines.push(taskLine(t, task, loc.timeZone, lang));
      };
      section("tasks-section-overdue", overdue);
      section("tasks-section-open", open);
      section("tasks-section-awaiting", awaiting);
      section("tasks-section-done", done);
      if (lines.length === 1) lines.push(ctx.t("tasks-none-cell"));
      else lines.push("", ctx.t("tasks-footer"));
      await ctx.reply(lines.join("\n"));
      return;
    }
    const member = ctx.caller?.member;
    const tasks = member ? await repos.tasks.listOpenForMember(member.id, cell.id) : [];
    if (tasks.length === 0) return void (await ctx.reply(ctx.t("tasks-none-mine")));
    await ctx.reply(ctx.t("tasks-header-mine", { count: tasks.length }));
    const inPrivate = ctx.chat?.type === "private";
    for (const [i, task] of tasks.entries()) {
      const a = task.assignments.find((x) => x.memberId === member!.id)!;
      const text = [
        taskLine(t, task, loc.timeZone, lang),
        ctx.t("tasks-my-state", { state: stateWord(t, task, a, now) }),
      ].join("\n");
      if (inPrivate && i < MAX_BUTTON_MESSAGES) {
        await ctx.reply(text, { reply_markup: assigneeKeyboard(t, task.id, a.state === "accepted") });
      } else if (i < MAX_LISTED) {
        await ctx.reply(text);
      }
    }
  });

  feature.command("task_info", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "member");
    if (!cell) return;
    const ref = ctx.match.trim();
    if (parseTaskRef(ref) === undefined) return void (await ctx.reply(ctx.t("task-info-usage")));
    const task = await findTask(ctx, cell, ref);
    if (!task) return;
    if (!(await maySeeTask(ctx, cell, task))) {
      ctx.log.info({ from: ctx.from?.id, taskId: task.id }, "refused: /task_info by someone unrelated");
      return void (await ctx.reply(ctx.t("task-refused-see")));
    }
    const { repos, clock } = ctx.services;
    const loc = await taskCellLocale(ctx.services, cell.id);
    const lang = await ctx.i18n.getLocale();
    const t: T = (key, vars) => ctx.t(key, vars);
    const assigner =
      task.assignerMemberId === null ? null : await repos.members.findById(task.assignerMemberId);
    const lines = [
      ctx.t("task-info-header", { ref: String(task.id), title: task.title }),
      ctx.t("task-info-assigner", { name: assigner ? memberName(assigner) : "—" }),
      task.dueAt
        ? ctx.t("task-due-line", { due: formatDue(task.dueAt, loc.timeZone, lang) })
        : ctx.t("task-due-none-line"),
    ];
    // The meeting by its number in the cell, as people type it (never its internal id).
    const meeting = task.meetingId === null ? null : await ctx.services.repos.meetings.get(task.meetingId);
    if (meeting) lines.push(ctx.t("task-preview-meeting", { ref: String(meeting.number) }));
    if (task.dueAt === null && task.weeklyCheck && task.state === "open")
      lines.push(ctx.t("task-preview-weekly"));
    if (task.state === "cancelled") lines.push(ctx.t("task-info-cancelled"));
    lines.push(progressLine(t, task), "");
    const now = clock.now();
    for (const a of task.assignments) {
      lines.push(ctx.t("task-info-assignee", { name: assigneeName(a), state: stateWord(t, task, a, now) }));
      if (a.state === "declined" || (a.state === "cancelled" && a.declineReason)) {
        lines.push(ctx.t("task-info-reason", { reason: reasonText(t, a.declineReason) }));
      }
      if (a.lastReport) {
        lines.push(
          ctx.t("task-info-report", {
            count: a.reportCount,
            report: a.lastReport.text ? clip(a.lastReport.text, 200) : ctx.t("task-report-voice"),
          }),
        );
      }
      if (a.evaluation) {
        lines.push(
          ctx.t("task-info-evaluation", {
            grade: isGrade(a.evaluation.grade) ? ctx.t(GRADE_KEYS[a.evaluation.grade]) : a.evaluation.grade,
          }),
        );
        if (a.evaluation.comment) {
          lines.push(ctx.t("task-info-comment", { comment: clip(a.evaluation.comment, 200) }));
        }
      }
    }
    await ctx.reply(clip(lines.join("\n"), 4000));
  });

  feature.command("edit_task", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "group_leader");
    if (!cell) return;
    const [ref = "", word = "", ...rest] = ctx.match.trim().split(/\s+/u);
    if (parseTaskRef(ref) === undefined || !["han", "due"].includes(foldVietnamese(word.toLowerCase()))) {
      return void (await ctx.reply(ctx.t("edit-task-usage")));
    }
    const task = await findTask(ctx, cell, ref);
    if (!task) return;
    if (!(await mayManageTask(ctx, cell, task))) {
      ctx.log.info({ from: ctx.from?.id, taskId: task.id }, "refused: /edit_task by someone else");
      return void (await ctx.reply(ctx.t("task-refused-manage")));
    }
    if (task.state !== "open")
      return void (await ctx.reply(ctx.t("task-not-open", { ref: String(task.id) })));
    const due = await checkDue(ctx, cell.id, rest.join(" "));
    if (!due.ok) return void (await ctx.reply(due.message));
    if (due.value?.getTime() === task.dueAt?.getTime()) {
      return void (await ctx.reply(ctx.t("edit-task-same", { ref: String(task.id) })));
    }
    if (!(await ctx.services.repos.tasks.setDue(task.id, due.value))) {
      return void (await ctx.reply(ctx.t("task-not-open", { ref: String(task.id) })));
    }
    await auditTask(
      ctx,
      task,
      "task.move",
      { dueAt: task.dueAt?.toISOString() ?? null },
      { dueAt: due.value?.toISOString() ?? null },
    );
    await planTaskReminders(ctx.services, task.id);
    const moved = { ...task, dueAt: due.value };
    await tellAssignees(ctx, moved, (t, locale, timeZone) =>
      t("task-moved-notice", {
        ref: String(task.id),
        title: titleShort(task),
        due: moved.dueAt ? formatDue(moved.dueAt, timeZone, locale) : t("task-due-none"),
      }),
    );
    const loc = await taskCellLocale(ctx.services, cell.id);
    await ctx.reply(
      ctx.t("edit-task-done", {
        ref: String(task.id),
        due: due.value
          ? formatDue(due.value, loc.timeZone, await ctx.i18n.getLocale())
          : ctx.t("task-due-none"),
      }),
    );
  });

  feature.command("cancel_task", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "group_leader");
    if (!cell) return;
    const ref = ctx.match.trim();
    if (parseTaskRef(ref) === undefined) return void (await ctx.reply(ctx.t("cancel-task-usage")));
    const task = await findTask(ctx, cell, ref);
    if (!task) return;
    if (!(await mayManageTask(ctx, cell, task))) {
      ctx.log.info({ from: ctx.from?.id, taskId: task.id }, "refused: /cancel_task by someone else");
      return void (await ctx.reply(ctx.t("task-refused-manage")));
    }
    if (!(await ctx.services.repos.tasks.cancel(task.id))) {
      return void (await ctx.reply(ctx.t("task-not-open", { ref: String(task.id) })));
    }
    await auditTask(ctx, task, "task.cancel", { state: task.state }, { state: "cancelled" });
    await cancelTaskReminders(ctx.services, task.id);
    await tellAssignees(ctx, task, (t) =>
      t("task-cancelled-notice", { ref: String(task.id), title: titleShort(task) }),
    );
    await ctx.reply(ctx.t("cancel-task-done", { ref: String(task.id) }));
  });

  return feature;
}

function isGrade(value: string): value is keyof typeof GRADE_KEYS {
  return Object.hasOwn(GRADE_KEYS, value);
}

/** A private message to each assignee who has not finished, in their language. */
async function tellAssignees(
  ctx: BotContext,
  task: TaskView,
  render: (t: T, locale: string, timeZone: string) => string,
): Promise<void> {
  const loc = await taskCellLocale(ctx.services, task.cellId);
  for (const a of unfinished(task)) {
    const locale = personLocale(a.locale, loc);
    await sendPrivately(
      ctx.services,
      ctx.api,
      { telegramId: a.telegramId, reachable: a.reachable },
      render(translatorFor(ctx.services.translate, locale), locale, loc.timeZone),
      {},
      { taskId: task.id },
    );
  }
}
