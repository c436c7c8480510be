// A moved meeting, privately (issue 9 item 1): every reachable member who was told the old time — a
// private reminder of the meeting was sent to them, or they had answered it — gets one line with the
// new time; those who had answered are shown their answer "before the move" and asked to confirm it
// again with the RSVP buttons (their answer counts as no answer until they do: rsvps.beforeMove).
//
// Two jobs, recipients decided when the rows are due:
// - `meeting-moved-members` (`meeting:<id>:moved:<new start>`), written by the move: sends nothing;
//   its afterSent lists who was told and writes one row per member;
// - `meeting-moved-private` (`…:m:<memberId>`): the correction, rendered at send time in the
//   member's language; skipped when the meeting was moved again, cancelled or has started.
// The new start time is in the keys, so moving a meeting twice tells the members twice.
import { InlineKeyboard } from "grammy";
import type { JobDeps } from "../../bot/feature-module.ts";
import { formatDateTime } from "../../datetime/format.ts";
import type { AbsenceReason, RsvpAnswer } from "../../db/enums.ts";
import type { NewDelivery } from "../../db/repositories/outbox.ts";
import type { ReminderMeeting } from "../../db/repositories/meeting-reminders.ts";
import type { Translator } from "../../i18n.ts";
import { PermanentJobError, singleMessageJob, type Job } from "../../scheduler/jobs.ts";
import type { OutboxRow } from "../../scheduler/types.ts";
import { getEffectiveSettings } from "../settings/settings.ts";
import { meetingTitle } from "./announcement.ts";
import { reminderKeyPrefix } from "./reminder-plan.ts";

export const MEETING_MOVED_KINDS = {
  members: "meeting-moved-members",
  private: "meeting-moved-private",
} as const;

const ANSWER_KEYS = {
  attend: "meeting-before-move-attend",
  absent: "meeting-before-move-absent",
  unsure: "meeting-before-move-unsure",
} as const satisfies Record<RsvpAnswer, string>;

const REASON_KEYS = {
  health: "meeting-before-move-reason-health",
  work: "meeting-before-move-reason-work",
  family: "meeting-before-move-reason-family",
  other: "meeting-before-move-reason-other",
} as const satisfies Record<AbsenceReason, string>;

/** Every row about the moves of meeting `meetingId` (and nothing else). */
export function movedKeyPrefix(meetingId: number): string {
  return `meeting:${meetingId}:moved:`;
}

interface MovedPayload {
  meetingId: number;
  /** ISO start times: the row is stale once the meeting is at another time. */
  startsAt: string;
  from: string;
  /** Who moved it: they know, and are not told. */
  movedByMemberId: number | null;
}

/** The row a move writes, due now: it decides who is told when it is sent. */
export function movedRow(input: {
  meetingId: number;
  cellId: number;
  from: Date;
  startsAt: Date;
  movedByMemberId: number | null;
  now: Date;
}): NewDelivery {
  const payload: MovedPayload = {
    meetingId: input.meetingId,
    startsAt: input.startsAt.toISOString(),
    from: input.from.toISOString(),
    movedByMemberId: input.movedByMemberId,
  };
  return {
    key: `${movedKeyPrefix(input.meetingId)}${payload.startsAt}`,
    kind: MEETING_MOVED_KINDS.members,
    chatId: null,
    cellId: input.cellId,
    payload: { ...payload },
    dueAt: input.now,
    expiresAt: input.startsAt,
  };
}

function parsePayload(row: OutboxRow): MovedPayload {
  const p = row.payload;
  if (typeof p.meetingId !== "number" || typeof p.startsAt !== "string" || typeof p.from !== "string") {
    throw new PermanentJobError(`bad meeting move payload in ${row.key}`);
  }
  return {
    meetingId: p.meetingId,
    startsAt: p.startsAt,
    from: p.from,
    movedByMemberId: typeof p.movedByMemberId === "number" ? p.movedByMemberId : null,
  };
}

/** "Trước khi dời, đồng chí đã báo: vắng mặt (công việc)…" for an answer given before a move. */
export function beforeMoveLine(
  translate: Translator,
  locale: string,
  rsvp: { answer: string; reason: string | null },
): string | null {
  if (!Object.hasOwn(ANSWER_KEYS, rsvp.answer)) return null;
  let answer = translate(locale, ANSWER_KEYS[rsvp.answer as RsvpAnswer]);
  if (rsvp.answer === "absent" && rsvp.reason && Object.hasOwn(REASON_KEYS, rsvp.reason)) {
    const reason = translate(locale, REASON_KEYS[rsvp.reason as AbsenceReason]);
    answer = translate(locale, "meeting-before-move-with-reason", { answer, reason });
  }
  return translate(locale, "meeting-before-move-line", { answer });
}

/** The answer buttons of a private message about meeting `meetingId`, in `locale`. */
export function privateRsvpKeyboard(
  translate: Translator,
  locale: string,
  meetingId: number,
): InlineKeyboard {
  return new InlineKeyboard()
    .text(translate(locale, "meeting-reminder-btn-attend"), `rsvp:${meetingId}:a`)
    .text(translate(locale, "meeting-reminder-btn-absent"), `rsvp:${meetingId}:n`)
    .text(translate(locale, "meeting-reminder-btn-unsure"), `rsvp:${meetingId}:u`);
}

export function createMeetingMoveJobs(deps: JobDeps): Record<string, Job> {
  const { services } = deps;
  const { repos, translate, clock } = services;

  /** The meeting still at the row's time and ahead, or why the row has nothing to do. */
  async function current(payload: MovedPayload): Promise<ReminderMeeting | { skip: string }> {
    const meeting = await repos.meetingReminders.meeting(payload.meetingId);
    if (!meeting) return { skip: "meeting deleted" };
    if (meeting.state !== "planned") return { skip: `meeting ${meeting.state}` };
    if (meeting.startsAt.toISOString() !== payload.startsAt) return { skip: "meeting moved again" };
    if (meeting.startsAt.getTime() <= clock.now().getTime()) return { skip: "meeting started" };
    return meeting;
  }

  const members: Job = {
    async plan(row) {
      const meeting = await current(parsePayload(row));
      return "skip" in meeting ? meeting : { messages: [] };
    },
    async afterSent(row) {
      const payload = parsePayload(row);
      const meeting = await current(payload);
      if ("skip" in meeting) return;
      const [told, reachable] = await Promise.all([
        repos.meetingReminders.toldMemberIds(meeting.id, [
          reminderKeyPrefix(meeting.id),
          movedKeyPrefix(meeting.id),
        ]),
        repos.meetingReminders.reachableMembers(meeting.cellId),
      ]);
      const now = clock.now();
      const rows: NewDelivery[] = reachable
        .filter((m) => told.has(m.memberId) && m.memberId !== payload.movedByMemberId)
        .map((m) => ({
          key: `${row.key}:m:${m.memberId}`,
          kind: MEETING_MOVED_KINDS.private,
          chatId: m.chatId,
          memberId: m.memberId,
          cellId: meeting.cellId,
          payload: { ...payload },
          dueAt: now,
          expiresAt: meeting.startsAt,
        }));
      if (rows.length === 0) return;
      await repos.outbox.schedule(rows);
      services.scheduler.wake();
    },
  };

  const personal = singleMessageJob(async (row) => {
    const payload = parsePayload(row);
    if (row.memberId === null) throw new PermanentJobError("meeting move notice without a member");
    const meeting = await current(payload);
    if ("skip" in meeting) return meeting;
    const member = await repos.meetingReminders.reachableMember(meeting.cellId, row.memberId);
    if (!member) return { skip: "member left or unreachable" };
    const settings = await getEffectiveSettings(repos, meeting.cellId);
    if (!settings) return { skip: "cell deleted" };
    const wanted = member.locale ?? settings.language;
    const locale = wanted === "vi" || wanted === "en" ? wanted : services.config.defaultLocale;
    const loc = { locale, timeZone: settings.timeZone };
    const lines = [
      translate(locale, "meeting-moved-private", {
        title: meetingTitle(services, loc, meeting),
        cell: meeting.cellName,
        when: formatDateTime(meeting.startsAt, loc.timeZone, locale),
        from: formatDateTime(new Date(payload.from), loc.timeZone, locale),
      }),
    ];
    const rsvp = await repos.meetingReminders.rsvpOf(meeting.id, member.memberId);
    if (rsvp && !rsvp.beforeMove) {
      // Already answered for the new time: the one line is all they need.
      return { chatId: member.chatId, text: lines.join("\n") };
    }
    const before = rsvp ? beforeMoveLine(translate, locale, rsvp) : null;
    lines.push(before ?? translate(locale, "meeting-moved-private-ask"));
    return {
      chatId: member.chatId,
      text: lines.join("\n"),
      replyMarkup: privateRsvpKeyboard(translate, locale, meeting.id),
    };
  });

  return { [MEETING_MOVED_KINDS.members]: members, [MEETING_MOVED_KINDS.private]: personal };
}
