// Task reminders and escalation as outbox rows and their jobs (rows: reminder-plan.ts). Jobs read the
// task again when a row is due: a task cancelled, closed or moved (the row was planned for another
// due time), an assignee who finished or left, or one who cannot be written to, is skipped. The
// escalation row decides its recipients when it runs (the assigner and the cell's secretaries as
// they are then) and writes one row per recipient, so that one who blocked the bot fails alone.
import type { BotServices } from "../../bot/context.ts";
import type { JobDeps } from "../../bot/feature-module.ts";
import { UNFINISHED_STATES, type TaskView } from "../../db/repositories/tasks.ts";
import { PermanentJobError, singleMessageJob, type Job } from "../../scheduler/jobs.ts";
import type { OutboxRow } from "../../scheduler/types.ts";
import { clip } from "../../bot/kit/clip.ts";
import { getEffectiveSettings } from "../settings/settings.ts";
import {
  dueStamp,
  memberReminderPrefix,
  planTaskReminderRows,
  planWeeklyCheckRow,
  TASK_REMINDER_KINDS,
  taskReminderPrefix,
  type ReminderWhich,
  type TaskReminderPayload,
  type WeeklyCheckPayload,
} from "./reminder-plan.ts";
import {
  assigneeKeyboard,
  assigneeName,
  formatDue,
  personLocale,
  taskCellLocale,
  translatorFor,
} from "./text.ts";
import { givenName } from "../../person-name.ts";

const REMINDER_KEYS = {
  before: "task-remind-before",
  morning: "task-remind-morning",
  overdue: "task-remind-overdue",
} as const satisfies Record<ReminderWhich, string>;

/** Writes (or rewrites, after a move) every reminder row of an open task. Idempotent. */
export async function planTaskReminders(services: BotServices, taskId: number): Promise<void> {
  const { repos, clock } = services;
  const task = await repos.tasks.get(taskId);
  const weekly = task?.state === "open" && task.dueAt === null && task.weeklyCheck;
  if (!task || task.state !== "open" || (task.dueAt === null && !weekly)) {
    await repos.outbox.cancelByKeyPrefix(taskReminderPrefix(taskId));
    return;
  }
  const settings = await getEffectiveSettings(repos, task.cellId);
  if (!settings) return;
  if (weekly) {
    const row = planWeeklyCheckRow({
      taskId,
      cellId: task.cellId,
      since: task.createdAt,
      now: clock.now(),
      timeZone: settings.timeZone,
      quietHours: settings.quietHours,
    });
    await repos.outbox.reschedule(taskReminderPrefix(taskId), [row]);
    return;
  }
  const rows = planTaskReminderRows({
    taskId,
    cellId: task.cellId,
    dueAt: task.dueAt,
    now: clock.now(),
    timeZone: settings.timeZone,
    quietHours: settings.quietHours,
    escalationDays: settings.taskEscalationDays,
    memberIds: unfinished(task).map((a) => a.memberId),
  });
  await repos.outbox.reschedule(taskReminderPrefix(taskId), rows);
}

/** Drops the rows of a cancelled task. */
export async function cancelTaskReminders(services: BotServices, taskId: number): Promise<void> {
  await services.repos.outbox.cancelByKeyPrefix(taskReminderPrefix(taskId));
}

/** Drops one member's rows (they finished, declined or the task went to someone else). */
export async function dropMemberReminders(
  services: BotServices,
  taskId: number,
  memberId: number,
): Promise<void> {
  await services.repos.outbox.cancelByKeyPrefix(memberReminderPrefix(taskId, memberId));
}

function unfinished(task: TaskView) {
  return task.assignments.filter((a) => (UNFINISHED_STATES as readonly string[]).includes(a.state));
}

function payloadOf(row: OutboxRow): TaskReminderPayload {
  const p = row.payload as Partial<TaskReminderPayload>;
  if (typeof p.taskId !== "number" || typeof p.dueAt !== "string") {
    throw new PermanentJobError("task reminder without a task");
  }
  return p as TaskReminderPayload;
}

export function createTaskReminderJobs(deps: JobDeps): Record<string, Job> {
  const { services } = deps;
  const { repos, translate } = services;

  async function load(
    row: OutboxRow,
  ): Promise<{ task: TaskView; payload: TaskReminderPayload } | { skip: string }> {
    const payload = payloadOf(row);
    const task = await repos.tasks.get(payload.taskId);
    if (!task) return { skip: "task deleted" };
    if (task.state !== "open") return { skip: `task ${task.state}` };
    if (task.dueAt?.toISOString() !== payload.dueAt) return { skip: "task moved" };
    const cell = await repos.cells.get(task.cellId);
    if (!cell) return { skip: "cell deleted" };
    return { task, payload };
  }

  const reminder = singleMessageJob(async (row) => {
    const loaded = await load(row);
    if ("skip" in loaded) return loaded;
    const { task, payload } = loaded;
    const a = task.assignments.find((x) => x.memberId === row.memberId);
    if (!a || !(UNFINISHED_STATES as readonly string[]).includes(a.state)) return { skip: "finished" };
    if (!(await repos.memberships.find(a.memberId, task.cellId))) return { skip: "left the cell" };
    if (a.telegramId === null || !a.reachable) return { skip: "not reachable" };
    const loc = await taskCellLocale(services, task.cellId);
    const locale = personLocale(a.locale, loc);
    const t = translatorFor(translate, locale);
    const which = payload.which ?? "morning";
    const text = t(REMINDER_KEYS[which], {
      name: givenName(a),
      title: task.title,
      ref: String(task.id),
      due: formatDue(task.dueAt!, loc.timeZone, locale),
    });
    return { chatId: a.telegramId, text, replyMarkup: assigneeKeyboard(t, task.id, a.state === "accepted") };
  });

  const escalation: Job = {
    async plan(row) {
      const loaded = await load(row);
      if ("skip" in loaded) return loaded;
      if (unfinished(loaded.task).length === 0) return { skip: "everyone finished" };
      return { messages: [] };
    },
    async afterSent(row) {
      const payload = payloadOf(row);
      const task = await repos.tasks.get(payload.taskId);
      if (!task) return;
      const recipients = new Set<number>();
      if (task.assignerMemberId !== null) recipients.add(task.assignerMemberId);
      for (const m of await repos.memberships.listActive(task.cellId)) {
        if (m.role === "secretary" || m.role === "deputy") recipients.add(m.memberId);
      }
      const stamp = dueStamp(new Date(payload.dueAt));
      await repos.outbox.schedule(
        [...recipients].map((memberId) => ({
          key: `task:${task.id}:esc:${stamp}:to:${memberId}`,
          kind: TASK_REMINDER_KINDS.escalationTo,
          memberId,
          cellId: task.cellId,
          payload,
          dueAt: services.clock.now(),
        })),
      );
      services.scheduler.wake();
    },
  };

  const escalationTo = singleMessageJob(async (row) => {
    const loaded = await load(row);
    if ("skip" in loaded) return loaded;
    const { task } = loaded;
    const late = unfinished(task);
    if (late.length === 0) return { skip: "everyone finished" };
    if (row.memberId === null) throw new PermanentJobError("escalation without a recipient");
    const to = await repos.members.findById(row.memberId);
    if (!to || to.telegramId === null || !to.reachable) return { skip: "not reachable" };
    const loc = await taskCellLocale(services, task.cellId);
    const locale = personLocale(to.locale, loc);
    const t = translatorFor(translate, locale);
    const lines = [
      t("task-escalation", {
        ref: String(task.id),
        title: task.title,
        due: formatDue(task.dueAt!, loc.timeZone, locale),
        count: late.length,
      }),
    ];
    for (const a of late) {
      lines.push(
        a.lastReport
          ? t("task-escalation-line-report", {
              name: assigneeName(a),
              report: a.lastReport.text ? clip(a.lastReport.text, 200) : t("task-report-voice"),
            })
          : t("task-escalation-line", { name: assigneeName(a) }),
      );
    }
    return { chatId: to.telegramId, text: lines.join("\n") };
  });

  // ---- Weekly "still on it?" check ----------------------------------------------------------

  async function loadWeekly(
    row: OutboxRow,
  ): Promise<{ task: TaskView; payload: WeeklyCheckPayload } | { skip: string }> {
    const p = row.payload as Partial<WeeklyCheckPayload>;
    if (typeof p.taskId !== "number" || typeof p.week !== "string") {
      throw new PermanentJobError("weekly check without a task");
    }
    const task = await repos.tasks.get(p.taskId);
    if (!task) return { skip: "task deleted" };
    if (task.state !== "open") return { skip: `task ${task.state}` };
    if (task.dueAt !== null || !task.weeklyCheck) return { skip: "no weekly check any more" };
    return { task, payload: { taskId: p.taskId, week: p.week } };
  }

  // Sends nothing: decides the week's recipients when it runs (the assignees who have not finished
  // then) and writes one row for each, then the next week's row.
  const weekly: Job = {
    async plan(row) {
      const loaded = await loadWeekly(row);
      if ("skip" in loaded) return loaded;
      if (unfinished(loaded.task).length === 0) return { skip: "everyone finished" };
      return { messages: [] };
    },
    async afterSent(row) {
      const loaded = await loadWeekly(row);
      if ("skip" in loaded) return;
      const { task, payload } = loaded;
      await repos.outbox.schedule(
        unfinished(task).map((a) => ({
          // Outside `task:<id>:r:`: planning the next week below must not cancel these.
          key: `task:${task.id}:wk:${payload.week}:to:${a.memberId}`,
          kind: TASK_REMINDER_KINDS.weeklyTo,
          memberId: a.memberId,
          cellId: task.cellId,
          payload,
          dueAt: services.clock.now(),
        })),
      );
      await planTaskReminders(services, task.id);
      services.scheduler.wake();
    },
  };

  const weeklyTo = singleMessageJob(async (row) => {
    const loaded = await loadWeekly(row);
    if ("skip" in loaded) return loaded;
    const { task } = loaded;
    const a = task.assignments.find((x) => x.memberId === row.memberId);
    if (!a || !(UNFINISHED_STATES as readonly string[]).includes(a.state)) return { skip: "finished" };
    if (!(await repos.memberships.find(a.memberId, task.cellId))) return { skip: "left the cell" };
    if (a.telegramId === null || !a.reachable) return { skip: "not reachable" };
    const loc = await taskCellLocale(services, task.cellId);
    const t = translatorFor(translate, personLocale(a.locale, loc));
    const text = t("task-weekly-check", { name: assigneeName(a), title: task.title, ref: String(task.id) });
    return { chatId: a.telegramId, text, replyMarkup: assigneeKeyboard(t, task.id, a.state === "accepted") };
  });

  return {
    [TASK_REMINDER_KINDS.weekly]: weekly,
    [TASK_REMINDER_KINDS.weeklyTo]: weeklyTo,
    [TASK_REMINDER_KINDS.member]: reminder,
    [TASK_REMINDER_KINDS.escalation]: escalation,
    [TASK_REMINDER_KINDS.escalationTo]: escalationTo,
  };
}
