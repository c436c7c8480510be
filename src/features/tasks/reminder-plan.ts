// The reminder rows of one task, as pure data (PRODUCT §4C "Reminders and escalation").
//
// - Per assignee who has not finished: a day before the due time, on the morning of the due day
//   (08:00 cell time, when that is before the due time), and an overdue nudge the next morning at
//   08:00. Quiet hours apply: the day-before reminder goes 15 minutes before they begin (a task due
//   at the end of a day is reminded the evening before, not at dawn next to the morning reminder);
//   the others wait for their end when that is still before the due time (the overdue nudge: the
//   escalation), else go 15 minutes before they began, else are skipped.
// - Escalation: at 08:00 on the day `escalationDays` after the due day, one row for the task; it
//   sends nothing itself and, when it runs, writes one row per recipient (the assigner and the
//   secretaries as they are then), so recipients are decided at send time.
// - Weekly check (a task without a due date whose giver asked for it): one row per task and week, at
//   09:00 cell time on the weekday the task was given (out of quiet hours), under
//   `task:<id>:r:wk:<local date>`; it sends nothing itself and, when it runs, writes one row per
//   assignee who has not finished then (`task:<id>:wk:<local date>:to:<memberId>`, outside the
//   prefix so that planning the next week's row keeps them), and the next week's row.
// - Keys: `task:<id>:r:m:<memberId>:<due stamp>:<which>` and `task:<id>:r:esc:<due stamp>`, all under
//   `task:<id>:r:` (moving or cancelling the task rewrites or drops them; a member who finishes
//   drops `task:<id>:r:m:<memberId>:`). The due stamp is in the key so that a moved task is reminded
//   again for its new due time, while a restart or a second planning of the same due time adds
//   nothing.
import { addDays, localDateOf, zonedTimeToUtc, type LocalDate } from "../../datetime/calendar.ts";
import { shiftOutOfQuietHours } from "../meetings/reminder-plan.ts";
import type { QuietHours } from "../settings/model.ts";

export const TASK_REMINDER_KINDS = {
  member: "task-reminder",
  escalation: "task-escalation",
  escalationTo: "task-escalation-to",
  weekly: "task-weekly-check",
  weeklyTo: "task-weekly-check-to",
} as const;

export type ReminderWhich = "before" | "morning" | "overdue";

export interface TaskReminderPayload {
  taskId: number;
  /** ISO due time the row was planned for: a row planned for another due time is stale. */
  dueAt: string;
  which?: ReminderWhich;
}

export interface PlannedTaskRow {
  key: string;
  kind: string;
  chatId: number | null;
  memberId: number | null;
  cellId: number;
  payload: TaskReminderPayload | WeeklyCheckPayload;
  dueAt: Date;
  expiresAt: Date | null;
}

export interface TaskPlanInput {
  taskId: number;
  cellId: number;
  dueAt: Date | null;
  now: Date;
  timeZone: string;
  quietHours: QuietHours | null;
  escalationDays: number;
  /** Assignees who have not finished. */
  memberIds: readonly number[];
}

const HOUR = 3_600_000;
const MORNING = { hour: 8, minute: 0 };

export function taskReminderPrefix(taskId: number): string {
  return `task:${taskId}:r:`;
}

export function memberReminderPrefix(taskId: number, memberId: number): string {
  return `task:${taskId}:r:m:${memberId}:`;
}

/** "202612101700": the due time in UTC, for keys. */
export function dueStamp(dueAt: Date): string {
  return dueAt.toISOString().slice(0, 16).replace(/[-T:]/g, "");
}

export function planTaskReminderRows(input: TaskPlanInput): PlannedTaskRow[] {
  const { taskId, cellId, dueAt, now, timeZone } = input;
  if (dueAt === null) return [];
  const stamp = dueStamp(dueAt);
  const dueIso = dueAt.toISOString();
  // The due day is the day of the last minute before the due time (a task due at midnight is due
  // the day before).
  const dueDay = localDateOf(new Date(dueAt.getTime() - 60_000), timeZone);
  const morning = zonedTimeToUtc(dueDay, MORNING, timeZone);
  const nextMorning = zonedTimeToUtc(addDays(dueDay, 1), MORNING, timeZone);
  const escalateAt = zonedTimeToUtc(addDays(dueDay, input.escalationDays), MORNING, timeZone);

  const place = (at: Date, limit: Date): Date | null => {
    if (at.getTime() <= now.getTime() || at.getTime() >= limit.getTime()) return null;
    return shiftOutOfQuietHours(at, limit, now, input.quietHours, timeZone);
  };
  const morningAt = morning.getTime() < dueAt.getTime() ? place(morning, dueAt) : null;
  // A day before: when that falls in quiet hours (a task due at the end of a day), it goes 15 minutes
  // before they begin that evening rather than at their end, just before the morning reminder.
  const nominalBefore = new Date(dueAt.getTime() - 24 * HOUR);
  const beforeAt =
    nominalBefore.getTime() > now.getTime()
      ? shiftOutOfQuietHours(nominalBefore, nominalBefore, now, input.quietHours, timeZone)
      : null;
  // The overdue nudge is at 08:00, outside any sensible quiet hours; it is shifted like the others.
  const overdueAt = place(
    nextMorning.getTime() > dueAt.getTime() ? nextMorning : new Date(dueAt.getTime() + HOUR),
    escalateAt,
  );

  const rows: PlannedTaskRow[] = [];
  const slots: [ReminderWhich, Date | null, Date | null][] = [
    ["before", beforeAt, dueAt],
    ["morning", morningAt, dueAt],
    ["overdue", overdueAt, escalateAt],
  ];
  for (const memberId of input.memberIds) {
    for (const [which, at, expiresAt] of slots) {
      if (!at) continue;
      rows.push({
        key: `${memberReminderPrefix(taskId, memberId)}${stamp}:${which}`,
        kind: TASK_REMINDER_KINDS.member,
        chatId: null,
        memberId,
        cellId,
        payload: { taskId, dueAt: dueIso, which },
        dueAt: at,
        expiresAt,
      });
    }
  }
  if (escalateAt.getTime() > now.getTime() && input.memberIds.length > 0) {
    rows.push({
      key: `${taskReminderPrefix(taskId)}esc:${stamp}`,
      kind: TASK_REMINDER_KINDS.escalation,
      chatId: null,
      memberId: null,
      cellId,
      payload: { taskId, dueAt: dueIso },
      dueAt: escalateAt,
      expiresAt: null,
    });
  }
  return rows;
}

// ---- Weekly "still on it?" check --------------------------------------------------------------

export interface WeeklyCheckPayload {
  taskId: number;
  /** The local date of the week's check ("2026-12-08"): its key, and its recipients' keys. */
  week: string;
}

export interface WeeklyPlanInput {
  taskId: number;
  cellId: number;
  /** When the task was given: the checks fall on its weekday. */
  since: Date;
  now: Date;
  timeZone: string;
  quietHours: QuietHours | null;
}

const WEEKLY_AT = { hour: 9, minute: 0 };
const WEEK_DAYS = 7;

export function weeklyCheckPrefix(taskId: number): string {
  return `${taskReminderPrefix(taskId)}wk:`;
}

function ymd(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * The next weekly check after `now`: a week after the task was given, then every week, at 09:00 on
 * that weekday. The same week always gives the same key, so planning again (a restart, a change of
 * the task) adds nothing.
 */
export function planWeeklyCheckRow(input: WeeklyPlanInput): PlannedTaskRow {
  const { taskId, cellId, now, timeZone } = input;
  const given = localDateOf(input.since, timeZone);
  const weeksPast = Math.max(
    1,
    Math.floor((now.getTime() - input.since.getTime()) / (WEEK_DAYS * 24 * HOUR)),
  );
  let day = addDays(given, weeksPast * WEEK_DAYS);
  let at = zonedTimeToUtc(day, WEEKLY_AT, timeZone);
  while (at.getTime() <= now.getTime()) {
    day = addDays(day, WEEK_DAYS);
    at = zonedTimeToUtc(day, WEEKLY_AT, timeZone);
  }
  // A check that falls in quiet hours goes at their end (before the next day's check is due).
  const endOfDay = zonedTimeToUtc(addDays(day, 1), { hour: 0, minute: 0 }, timeZone);
  const shifted = shiftOutOfQuietHours(at, endOfDay, now, input.quietHours, timeZone) ?? at;
  const week = ymd(day);
  return {
    key: `${weeklyCheckPrefix(taskId)}${week}`,
    kind: TASK_REMINDER_KINDS.weekly,
    chatId: null,
    memberId: null,
    cellId,
    payload: { taskId, week },
    dueAt: shifted,
    expiresAt: null,
  };
}
