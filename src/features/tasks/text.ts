// How a task reads: its due time, the assignee's message and keyboard, states and grades. Shared by
// the handlers (in the presser's language) and the jobs (in the recipient's), so every text takes
// a translate function and a locale rather than a context.
import { InlineKeyboard } from "grammy";
import type { BotServices } from "../../bot/context.ts";
import { clip } from "../../bot/kit/clip.ts";
import { localParts } from "../../datetime/calendar.ts";
import { formatDate, formatDateTime } from "../../datetime/format.ts";
import type { AssignmentState, EvaluationGrade } from "../../db/enums.ts";
import type { AssignmentView, TaskView } from "../../db/repositories/tasks.ts";
import { isOnTime, isOverdue } from "../../db/repositories/tasks.ts";
import type { Translator } from "../../i18n.ts";
import { memberName } from "../members/member-ref.ts";
import { getEffectiveSettings } from "../settings/settings.ts";

export type T = (key: string, vars?: Record<string, string | number>) => string;

export const GRADE_KEYS = {
  good: "task-grade-good",
  done: "task-grade-done",
  not_done: "task-grade-not-done",
} as const satisfies Record<EvaluationGrade, string>;

export const GRADE_CODES = { g: "good", d: "done", n: "not_done" } as const satisfies Record<
  string,
  EvaluationGrade
>;
export const CODE_OF_GRADE = { good: "g", done: "d", not_done: "n" } as const satisfies Record<
  EvaluationGrade,
  keyof typeof GRADE_CODES
>;

/** The feedback the member receives, by grade: warm words in every case. */
export const FEEDBACK_KEYS = {
  good: "task-feedback-good",
  done: "task-feedback-done",
  not_done: "task-feedback-not-done",
} as const satisfies Record<EvaluationGrade, string>;

const STATE_KEYS = {
  assigned: "task-state-assigned",
  accepted: "task-state-accepted",
  done: "task-state-done",
  declined: "task-state-declined",
  cancelled: "task-state-reassigned",
} as const satisfies Record<AssignmentState, string>;

export interface TaskLocale {
  locale: string;
  timeZone: string;
}

/** The cell's language and time zone (settings), for texts not addressed to one person. */
export async function taskCellLocale(services: BotServices, cellId: number): Promise<TaskLocale> {
  const settings = await getEffectiveSettings(services.repos, cellId);
  return {
    locale: settings?.language ?? services.config.defaultLocale,
    timeZone: settings?.timeZone ?? services.config.defaultTimeZone,
  };
}

/** A person's language: their own, else the cell's. */
export function personLocale(own: string | null, cell: TaskLocale): string {
  return own === "vi" || own === "en" ? own : cell.locale;
}

/**
 * "Thứ Năm, 10/12/2026" for a task due at the end of a day (stored as the next midnight), else
 * "Thứ Năm, 10/12/2026 lúc 17:00".
 */
export function formatDue(dueAt: Date, timeZone: string, locale: string): string {
  const p = localParts(dueAt, timeZone);
  if (p.hour === 0 && p.minute === 0) return formatDate(new Date(dueAt.getTime() - 60_000), timeZone, locale);
  return formatDateTime(dueAt, timeZone, locale);
}

export function dueLine(t: T, task: Pick<TaskView, "dueAt">, timeZone: string, locale: string): string {
  return task.dueAt
    ? t("task-due-line", { due: formatDue(task.dueAt, timeZone, locale) })
    : t("task-due-none-line");
}

export function assigneeName(a: Pick<AssignmentView, "fullName" | "displayName">): string {
  return memberName(a, 48);
}

/** The four buttons of an assignee: accept, report progress, done, cannot do. */
export function assigneeKeyboard(t: T, taskId: number, accepted = false): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (!accepted) keyboard.text(t("task-button-accept"), `tk:a:${taskId}`);
  keyboard.text(t("task-button-progress"), `tk:p:${taskId}`).row();
  keyboard.text(t("task-button-done"), `tk:d:${taskId}`).text(t("task-button-decline"), `tk:n:${taskId}`);
  return keyboard;
}

export function evaluationKeyboard(t: T, assignmentId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("task-grade-button-good"), `tk:e:${assignmentId}:g`)
    .text(t("task-grade-button-done"), `tk:e:${assignmentId}:d`)
    .text(t("task-grade-button-not-done"), `tk:e:${assignmentId}:n`);
}

/** The task as its assignee receives it (PRODUCT §7). */
export function newTaskText(
  t: T,
  task: TaskView,
  assigner: string,
  loc: TaskLocale & { locale: string },
): string {
  return [
    t("task-new", { assigner, title: task.title, ref: String(task.id) }),
    dueLine(t, task, loc.timeZone, loc.locale),
  ].join("\n");
}

/** One assignee's state, with overdue and on-time derived from the clock. */
export function stateWord(t: T, task: TaskView, a: AssignmentView, now: Date): string {
  if (a.state === "done") return t(isOnTime(task, a) ? "task-state-done-on-time" : "task-state-done-late");
  if (isOverdue(task, a, now)) return t("task-state-overdue");
  return t(STATE_KEYS[a.state as AssignmentState] ?? "task-state-assigned");
}

/** "3/5 đã nhận, 1 đã xong" — over the assignees the task still has (not those it was taken from). */
export function progressLine(t: T, task: TaskView): string {
  const live = task.assignments.filter((a) => a.state !== "cancelled");
  const accepted = live.filter((a) => a.state === "accepted" || a.state === "done").length;
  const done = live.filter((a) => a.state === "done").length;
  const declined = live.filter((a) => a.state === "declined").length;
  return t("task-progress-line", { accepted, total: live.length, done, declined });
}

export function titleShort(task: Pick<TaskView, "title">, max = 80): string {
  return clip(task.title, max);
}

export function translatorFor(translate: Translator, locale: string): T {
  return (key, vars) => translate(locale, key, vars);
}
