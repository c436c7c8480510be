// The next meeting in /me (PRODUCT §4): when and where, and the member's own answer. One statement
// (meetings.openForMember reads the meetings, their cells' settings and the answer together), so
// /me stays on its hot path.
import type { BotContext } from "../../bot/context.ts";
import { formatDateTime } from "../../datetime/format.ts";
import type { MemberMeetingRow } from "../../db/repositories/meetings.ts";
import { effectiveSettings } from "../settings/model.ts";
import type { AbsenceReason, RsvpAnswer } from "../../db/enums.ts";

const ANSWER_KEYS = {
  attend: "me-meeting-answer-attend",
  absent: "me-meeting-answer-absent",
  unsure: "me-meeting-answer-unsure",
} as const satisfies Record<RsvpAnswer, string>;

const ANSWER_WORD_KEYS = {
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

/** The earliest meeting that has not ended yet, or null. */
export function nextMeetingOf(rows: MemberMeetingRow[], now: Date): MemberMeetingRow | null {
  const coming = rows.filter((m) => m.startsAt.getTime() + m.durationMinutes * 60_000 > now.getTime());
  coming.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
  return coming[0] ?? null;
}

/** Lines for /me: the next meeting and the member's answer; nothing for someone in no cell. */
export async function myNextMeetingLines(ctx: BotContext): Promise<string[]> {
  const member = ctx.caller?.member;
  if (!member || !member.memberships.some((m) => m.cellActive)) return [];
  const { repos, clock } = ctx.services;
  const next = nextMeetingOf(await repos.meetings.openForMember(member.id), clock.now());
  if (!next) return [ctx.t("me-meeting-none")];
  const locale = await ctx.i18n.getLocale();
  const { timeZone } = effectiveSettings(next.organisation, next.cell);
  const where = next.place ?? next.onlineLink;
  const lines = [
    ctx.t("me-meeting-next", {
      cell: next.cellName,
      when: formatDateTime(next.startsAt, timeZone, locale),
      hasPlace: where === null ? "no" : "yes",
      place: where ?? "",
    }),
  ];
  lines.push(answerLine(ctx, next));
  return lines;
}

function isAnswer(value: string | null): value is RsvpAnswer {
  return value !== null && Object.hasOwn(ANSWER_KEYS, value);
}

function answerLine(ctx: BotContext, meeting: MemberMeetingRow): string {
  const answer = meeting.answer;
  if (!isAnswer(answer)) return ctx.t("me-meeting-answer-none");
  const reason =
    answer === "absent" && meeting.reason !== null && Object.hasOwn(REASON_KEYS, meeting.reason)
      ? ctx.t(REASON_KEYS[meeting.reason as AbsenceReason])
      : "";
  if (meeting.beforeMove) {
    return ctx.t("me-meeting-answer-before-move", { answer: ctx.t(ANSWER_WORD_KEYS[answer]) });
  }
  return ctx.t(ANSWER_KEYS[answer], { hasReason: reason === "" ? "no" : "yes", reason });
}
