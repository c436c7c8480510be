// After a meeting is closed (PRODUCT §4B, §4E), through the outbox:
// - `absence-reason-ask`, one row per member absent without a reason: the private question with the
//   reason buttons, in the member's language, saying by when; skipped if a reason was given since;
// - `absence-check`, one row per meeting, due when the cell's reason window (settings
//   `absenceReasonHours`, 48 h by default) is over: sends nothing, and writes the secretary's and
//   deputies' alerts for members who have then reached the threshold of absences without a reason
//   in the year. A reason given within the window keeps the absence out of the count.
// The alerts are computed in bulk: a handful of statements whatever the number of absentees.
import { InlineKeyboard } from "grammy";
import type { BotServices } from "../../bot/context.ts";
import type { JobDeps } from "../../bot/feature-module.ts";
import { formatDateTime } from "../../datetime/format.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { MeetingView } from "../../db/repositories/meetings.ts";
import type { NewDelivery } from "../../db/repositories/outbox.ts";
import { PermanentJobError, singleMessageJob, type Job } from "../../scheduler/jobs.ts";
import type { OutboxRow } from "../../scheduler/types.ts";
import { memberName } from "../members/member-ref.ts";
import { getEffectiveSettings } from "../settings/settings.ts";
import {
  absenceAlertKey,
  absenceCheckKey,
  isAlertCount,
  reasonAskKey,
  yearBounds,
  yearIn,
} from "./absence.ts";
import { meetingTitle, type CellLocale } from "./announcement.ts";

export const HOUR_MS = 3_600_000;

export const ABSENCE_KINDS = {
  reasonAsk: "absence-reason-ask",
  check: "absence-check",
} as const;

/** "Chi bộ tháng 12/2026 #12 (Thứ Sáu, 04/12/2026 lúc 19:30)" in the given locale. */
export function meetingLabel(services: BotServices, loc: CellLocale, meeting: MeetingView): string {
  return services.translate(loc.locale, "attendance-meeting-label", {
    title: meetingTitle(services, loc, meeting),
    id: String(meeting.number),
    when: formatDateTime(meeting.startsAt, loc.timeZone, loc.locale),
  });
}

/** The private question for the reason of one absence, due now; `deadline` ends the reason window. */
export function reasonAskRow(input: {
  meetingId: number;
  cellId: number;
  memberId: number;
  now: Date;
  deadline: Date;
}): NewDelivery {
  return {
    key: reasonAskKey(input.meetingId, input.memberId),
    kind: ABSENCE_KINDS.reasonAsk,
    chatId: null,
    memberId: input.memberId,
    cellId: input.cellId,
    payload: { meetingId: input.meetingId, deadline: input.deadline.toISOString() },
    dueAt: input.now,
    // A question that could not go out before its deadline would ask too late.
    expiresAt: input.deadline,
  };
}

/** The meeting's repeated-absence check, due when its reason window is over. */
export function absenceCheckRow(input: { meetingId: number; cellId: number; dueAt: Date }): NewDelivery {
  return {
    key: absenceCheckKey(input.meetingId),
    kind: ABSENCE_KINDS.check,
    chatId: null,
    cellId: input.cellId,
    payload: { meetingId: input.meetingId },
    dueAt: input.dueAt,
  };
}

function meetingIdOf(row: OutboxRow): number {
  const id = row.payload.meetingId;
  if (typeof id !== "number") throw new PermanentJobError(`bad absence payload in ${row.key}`);
  return id;
}

/**
 * Writes the alerts (one outbox row per recipient, unique per member, year, count and recipient, so a
 * crossing is never told twice) for those of `memberIds` whose absences without a reason in the
 * meeting's calendar year — meetings whose reason window is over, and this one — reach the cell's
 * threshold or a further multiple of it. Grouped queries: settings, the cell's people (managers and
 * absentees), one count per member in a single aggregate, one insert.
 */
export async function alertRepeatedAbsences(
  services: BotServices,
  cell: CellView,
  meeting: MeetingView,
  memberIds: readonly number[],
): Promise<number> {
  if (memberIds.length === 0) return 0;
  const { repos, clock } = services;
  const settings = await getEffectiveSettings(repos, cell.id);
  const threshold = settings?.absenceThreshold ?? 3;
  const timeZone = settings?.timeZone ?? services.config.defaultTimeZone;
  const windowHours = settings?.absenceReasonHours ?? 48;
  const year = yearIn(meeting.startsAt, timeZone);
  const now = clock.now();
  const [people, counts] = await Promise.all([
    // Everyone who belonged to the cell when the meeting started (absentees who left since too).
    repos.attendance.registerMembers(cell.id, meeting.startsAt),
    repos.attendance.unexcusedCounts({
      cellId: cell.id,
      memberIds,
      ...yearBounds(year, timeZone),
      closedBy: new Date(now.getTime() - windowHours * HOUR_MS),
      alsoMeetingId: meeting.id,
    }),
  ]);
  const crossing = [...counts].filter(([, count]) => isAlertCount(count, threshold));
  if (crossing.length === 0) return 0;
  const managers = people.filter(
    (m) => m.active && !m.erased && (m.role === "secretary" || m.role === "deputy") && m.telegramId !== null,
  );
  if (managers.length === 0) return 0;
  const byId = new Map(people.map((m) => [m.memberId, m]));
  const rows: NewDelivery[] = [];
  for (const [memberId, count] of crossing) {
    const absentee = byId.get(memberId);
    if (!absentee) continue;
    for (const manager of managers) {
      if (manager.memberId === memberId) continue;
      rows.push({
        key: absenceAlertKey(cell.id, memberId, year, count, manager.memberId),
        kind: "text",
        chatId: manager.telegramId,
        memberId: manager.memberId,
        cellId: cell.id,
        payload: {
          key: "absence-alert",
          locale: manager.locale ?? settings?.language ?? services.config.defaultLocale,
          vars: { name: memberName(absentee), count, year: String(year), cell: cell.name },
        },
        dueAt: now,
      });
    }
  }
  if (rows.length === 0) return 0;
  const written = await repos.outbox.schedule(rows);
  services.scheduler.wake();
  return written;
}

export function createAbsenceJobs(deps: JobDeps): Record<string, Job> {
  const { services } = deps;
  const { repos, translate } = services;

  const reasonAsk = singleMessageJob(async (row) => {
    const meetingId = meetingIdOf(row);
    if (row.memberId === null) throw new PermanentJobError("absence question without a member");
    const meeting = await repos.meetings.get(meetingId);
    if (!meeting || meeting.state !== "closed") return { skip: "meeting not closed" };
    const attendance = await repos.attendance.find(meetingId, row.memberId);
    if (attendance?.status !== "absent_unexcused") return { skip: "no longer absent without a reason" };
    const member = await repos.meetingReminders.reachableMember(meeting.cellId, row.memberId);
    if (!member) return { skip: "member left or unreachable" };
    const settings = await getEffectiveSettings(repos, meeting.cellId);
    if (!settings) return { skip: "cell deleted" };
    const wanted = member.locale ?? settings.language;
    const locale = wanted === "vi" || wanted === "en" ? wanted : services.config.defaultLocale;
    const loc = { locale, timeZone: settings.timeZone };
    const deadline = typeof row.payload.deadline === "string" ? new Date(row.payload.deadline) : null;
    const t = (key: string) => translate(locale, key);
    const keyboard = new InlineKeyboard()
      .text(t("absence-reason-health"), `ab:${meetingId}:h`)
      .text(t("absence-reason-work"), `ab:${meetingId}:w`)
      .row()
      .text(t("absence-reason-family"), `ab:${meetingId}:f`)
      .text(t("absence-reason-other"), `ab:${meetingId}:o`);
    const text = translate(locale, "absence-reason-ask", {
      meeting: meetingLabel(services, loc, meeting),
      deadline: deadline ? formatDateTime(deadline, loc.timeZone, locale) : "",
    });
    return { chatId: member.chatId, text, replyMarkup: keyboard };
  });

  const check: Job = {
    async plan(row) {
      const meeting = await repos.meetings.get(meetingIdOf(row));
      return meeting?.state === "closed" ? { messages: [] } : { skip: "meeting not closed" };
    },
    async afterSent(row) {
      const meeting = await repos.meetings.get(meetingIdOf(row));
      if (!meeting) return;
      const cell = await repos.cells.get(meeting.cellId);
      if (!cell) return;
      const absent = await repos.attendance.unexcusedMemberIds(meeting.id);
      await alertRepeatedAbsences(services, cell, meeting, absent);
    },
  };

  return { [ABSENCE_KINDS.reasonAsk]: reasonAsk, [ABSENCE_KINDS.check]: check };
}
