// Closing a meeting (PRODUCT §4B): `/close_meeting [#id] [conclusions]` freezes the register, posts the
// counts (never the names of absentees) to the group, asks each absent member without a reason for
// one privately, records that the post-meeting feedback prompt is due, and tells the secretary
// privately when a member reaches the cell's threshold of absences without a reason in the year.
// Also the reason buttons (`ab:<meetingId>:h|w|f|o`, "other" with a typed answer) and
// `/attendance #id <member> present|proxy|excused|unexcused` for corrections after closing, and the
// helpers check-in shares (how a meeting is named in messages, "#id" in front of a command's text).
import { offerTasksFromConclusions } from "../tasks/guided.ts";
import { Composer, type CallbackQueryContext, InlineKeyboard } from "grammy";
import type { BotContext, BotServices } from "../../bot/context.ts";
import { actorOf, recordAudit } from "../../bot/kit/audit.ts";
import { resolveCommandCell } from "../../bot/cell-access.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { sendPrivately } from "../../bot/kit/send-privately.ts";
import { askTyped, onTypedAnswer, type TypedAnswer, type TypedOutcome } from "../../bot/kit/typed-answer.ts";
import { formatDateTime } from "../../datetime/format.ts";
import type { AttendanceStatus } from "../../db/enums.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { MeetingView } from "../../db/repositories/meetings.ts";
import { memberName, resolveMemberRef } from "../members/member-ref.ts";
import { getEffectiveSettings } from "../settings/settings.ts";
import {
  absenceAlertKey,
  countInYear,
  isAlertCount,
  isExpected,
  matchOf,
  MAX_CONCLUSIONS,
  MAX_REASON_TEXT,
  planRegister,
  reasonFromCode,
  storedReason,
  summariseRegister,
  yearIn,
  yearWindow,
} from "./absence.ts";
import { cellLocale, meetingTitle, type CellLocale } from "./announcement.ts";
import { findMeetingByRef } from "./references.ts";
import { cancelMeetingReminders } from "./reminders.ts";
import { cleanText } from "../../clean-text.ts";

const STATUS_KEYS = {
  present: "attendance-status-present",
  proxy: "attendance-status-proxy",
  absent_excused: "attendance-status-absent-excused",
  absent_unexcused: "attendance-status-absent-unexcused",
} as const satisfies Record<AttendanceStatus, string>;

const EDIT_STATUSES = {
  present: "present",
  proxy: "proxy",
  excused: "absent_excused",
  unexcused: "absent_unexcused",
} as const;

/** "Chi bộ tháng 12/2026 #12 (Thứ Sáu, 04/12/2026 lúc 19:30)" in the given locale. */
export function meetingLabel(services: BotServices, loc: CellLocale, meeting: MeetingView): string {
  return services.translate(loc.locale, "attendance-meeting-label", {
    title: meetingTitle(services, loc, meeting),
    id: String(meeting.id),
    when: formatDateTime(meeting.startsAt, loc.timeZone, loc.locale),
  });
}

/**
 * Splits "#12 rest" into a meeting reference and the rest when #12 is a meeting of the cell; "#3"
 * alone may also be member number 3, so it counts as a meeting only when the cell has meeting 3.
 */
export async function splitMeetingRef(
  ctx: BotContext,
  cellId: number,
  text: string,
): Promise<{ meetingRef: string | undefined; rest: string }> {
  const m = /^#(\d{1,9})(?:\s+([\s\S]*))?$/u.exec(text.trim());
  if (m && (await ctx.services.repos.meetings.getInCell(cellId, Number(m[1])))) {
    return { meetingRef: `#${m[1]}`, rest: (m[2] ?? "").trim() };
  }
  return { meetingRef: undefined, rest: text.trim() };
}

export function createCloseComposer(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("close_meeting", handleClose);
  feature.command("attendance", handleAttendanceEdit);
  feature.callbackQuery(/^ab:(\d{1,9}):([a-z])$/, handleReasonPress);
  feature.use(onTypedAnswer("absence-reason", handleReasonAnswer));
  return feature;
}

async function handleClose(ctx: BotContext): Promise<void> {
  const { services } = ctx;
  const { repos, clock } = services;
  const cell = await resolveCommandCell(ctx, "manager");
  if (!cell) return;
  const { meetingRef, rest } = await splitMeetingRef(ctx, cell.id, String(ctx.match ?? ""));
  const conclusions = rest;
  const length = [...conclusions].length;
  if (length > MAX_CONCLUSIONS) {
    await ctx.reply(ctx.t("close-conclusions-too-long", { max: MAX_CONCLUSIONS, given: length }));
    return;
  }
  const meeting = await findMeetingByRef(ctx, cell.id, meetingRef);
  if (!meeting) return;
  const loc = await cellLocale(services, cell.id);
  const label = meetingLabel(services, loc, meeting);
  const now = clock.now();
  if (meeting.state === "closed" || meeting.state === "cancelled") {
    await ctx.reply(
      ctx.t(meeting.state === "closed" ? "close-already" : "close-cancelled", { meeting: label }),
    );
    return;
  }
  if (meeting.state === "planned" && meeting.startsAt.getTime() > now.getTime()) {
    await ctx.reply(ctx.t("close-not-started", { meeting: label }));
    return;
  }

  const members = await repos.attendance.registerMembers(cell.id, meeting.startsAt);
  const existing = await repos.attendance.listForMeeting(meeting.id);
  const rsvps = await repos.rsvps.listForMeeting(meeting.id);
  const plan = planRegister(members, existing, rsvps);
  const closed = await repos.attendance.close({
    meetingId: meeting.id,
    fromStates: ["planned", "in_progress"],
    at: now,
    conclusions: conclusions === "" ? null : conclusions,
    rows: plan.rows,
    expectedByMember: plan.expectedByMember,
  });
  if (!closed) {
    await ctx.reply(ctx.t("close-already", { meeting: label }));
    return;
  }
  const summary = summariseRegister(await repos.attendance.listForMeeting(meeting.id));
  const actorMemberId = ctx.caller?.member?.id ?? null;
  await recordAudit(ctx.services, {
    who: actorOf(ctx),
    what: "meeting.closed",
    target: { type: "meeting", id: meeting.id },
    organisationId: cell.organisationId,
    cellId: cell.id,
    from: { state: meeting.state },
    to: { state: "closed", ...summary, conclusions: conclusions !== "" },
  });
  // The post-meeting feedback prompt is due; the prompts capability sends draft prompts.
  await repos.attendance.ensurePostMeetingPrompt({
    organisationId: cell.organisationId,
    cellId: cell.id,
    meetingId: meeting.id,
    opensAt: now,
    createdByMemberId: actorMemberId,
  });
  await cancelMeetingReminders(services, meeting.id);

  const resultText = services.translate(loc.locale, "close-result", {
    meeting: label,
    present: summary.present + summary.proxy,
    proxy: summary.proxy,
    excused: summary.excused,
    unexcused: summary.unexcused,
    expected: summary.expected,
    rate: summary.ratePercent,
  });
  const groupChat = cell.chatId ?? ctx.chat!.id;
  await ctx.api.sendMessage(groupChat, resultText);

  const unexcused = plan.rows.filter((r) => r.status === "absent_unexcused").map((r) => r.memberId);
  const byId = new Map(members.map((m) => [m.memberId, m]));
  let asked = 0;
  for (const memberId of unexcused) {
    const m = byId.get(memberId);
    if (!m || m.erased) continue;
    if (await askForReason(ctx, m, m.locale ?? loc.locale, loc, meeting)) asked += 1;
  }
  if (ctx.chat!.id !== groupChat || unexcused.length > 0) {
    await ctx.reply(
      ctx.t("close-done-secretary", {
        meeting: label,
        unexcused: unexcused.length,
        asked,
        unreached: unexcused.length - asked,
      }),
    );
  }
  await alertRepeatedAbsences(services, cell, meeting, unexcused);
  await offerTasksFromConclusions(ctx, meeting);
}

/** Sends the private question with the reason buttons; false when the member cannot be reached. */
async function askForReason(
  ctx: BotContext,
  member: { telegramId: number | null; reachable: boolean },
  locale: string,
  loc: CellLocale,
  meeting: MeetingView,
): Promise<boolean> {
  const { services } = ctx;
  const t = (key: string) => services.translate(locale, key);
  const keyboard = new InlineKeyboard()
    .text(t("absence-reason-health"), `ab:${meeting.id}:h`)
    .text(t("absence-reason-work"), `ab:${meeting.id}:w`)
    .row()
    .text(t("absence-reason-family"), `ab:${meeting.id}:f`)
    .text(t("absence-reason-other"), `ab:${meeting.id}:o`);
  const text = services.translate(locale, "absence-reason-ask", {
    meeting: meetingLabel(services, { ...loc, locale }, meeting),
  });
  const sent = await sendPrivately(
    services,
    ctx.api,
    member,
    text,
    { reply_markup: keyboard },
    {
      meetingId: meeting.id,
      what: "absence reason question",
    },
  );
  return sent.status === "sent";
}

/** The member's own row of a closed meeting, when it is theirs to give a reason for. */
async function ownAbsence(ctx: BotContext, meetingId: number) {
  const member = ctx.caller?.member;
  if (!member) return null;
  const meeting = await ctx.services.repos.meetings.get(meetingId);
  if (!meeting || meeting.state !== "closed") return null;
  const row = await ctx.services.repos.attendance.find(meetingId, member.id);
  if (!row || (row.status !== "absent_unexcused" && row.status !== "absent_excused")) return null;
  return { member, meeting, row };
}

async function handleReasonPress(ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const meetingId = Number(matchOf(ctx)[1]);
  const reason = reasonFromCode(matchOf(ctx)[2] ?? "");
  const own = reason ? await ownAbsence(ctx, meetingId) : null;
  if (!reason || !own) {
    ctx.log.info({ from: ctx.from?.id, meetingId }, "refused: absence reason for someone else's absence");
    await ctx.answerCallbackQuery({ text: ctx.t("button-not-for-you"), show_alert: true });
    return;
  }
  if (own.row.status === "absent_excused") {
    await ctx.answerCallbackQuery({ text: ctx.t("absence-reason-already") });
    return;
  }
  if (reason === "other") {
    await ctx.answerCallbackQuery();
    await askTyped(ctx, {
      userId: ctx.from.id,
      chatId: ctx.from.id,
      kind: "absence-reason",
      payload: { meetingId },
      text: ctx.t("absence-reason-other-ask"),
      placeholder: ctx.t("absence-reason-other-placeholder"),
    });
    return;
  }
  const saved = await recordReason(ctx, own.meeting, own.member.id, storedReason(reason, null));
  await ctx.answerCallbackQuery({ text: ctx.t(saved ? "absence-reason-thanks" : "absence-reason-already") });
  if (saved) await editPressed(ctx, ctx.t("absence-reason-thanks"));
}

/** The typed reason of an absence, asked after the "other" button. */
async function handleReasonAnswer(
  ctx: BotContext,
  answer: TypedAnswer<"absence-reason">,
): Promise<TypedOutcome> {
  const own = await ownAbsence(ctx, answer.payload.meetingId);
  if (!own) {
    await ctx.reply(ctx.t("button-not-for-you"));
    return "done";
  }
  if (own.row.status === "absent_excused") {
    await ctx.reply(ctx.t("absence-reason-already"));
    return "done";
  }
  const text = cleanText(answer.text ?? "");
  const length = [...text].length;
  if (length === 0 || length > MAX_REASON_TEXT) {
    await ctx.reply(ctx.t("absence-reason-bad-text", { max: MAX_REASON_TEXT }));
    return "keep";
  }
  const saved = await recordReason(ctx, own.meeting, own.member.id, storedReason("other", text));
  await ctx.reply(ctx.t(saved ? "absence-reason-thanks" : "absence-reason-already"));
  return "done";
}

/** absent_unexcused → absent_excused with the reason, audited; false when it was no longer unexcused. */
async function recordReason(ctx: BotContext, meeting: MeetingView, memberId: number, reason: string) {
  const { repos, clock } = ctx.services;
  const before = await repos.attendance.setStatus({
    meetingId: meeting.id,
    memberId,
    status: "absent_excused",
    reason,
    recordedByMemberId: memberId,
    at: clock.now(),
    from: ["absent_unexcused"],
  });
  if (!before) return false;
  const cell = await repos.cells.get(meeting.cellId);
  await recordAudit(ctx.services, {
    who: { telegramId: ctx.from!.id, memberId: memberId },
    what: "attendance.reason_given",
    target: { type: "member", id: memberId },
    cellId: meeting.cellId,
    from: { meetingId: meeting.id, status: before.status },
    to: { meetingId: meeting.id, status: "absent_excused", reason: reason.split(":")[0] },
    ...(cell ? { organisationId: cell.organisationId } : {}),
  });
  return true;
}

/**
 * Tells the cell's secretary and deputies privately (through the outbox, one row per recipient with a
 * unique key, so a crossing is never told twice) about members who just reached the threshold, or a
 * further multiple of it, of absences without a reason in the meeting's calendar year.
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
  const year = yearIn(meeting.startsAt, timeZone);
  const window = yearWindow(year);
  const active = await repos.memberships.listActive(cell.id);
  const managers = active.filter(
    (m) => (m.role === "secretary" || m.role === "deputy") && m.telegramId !== null,
  );
  const rows = [];
  for (const memberId of memberIds) {
    const starts = await repos.attendance.unexcusedAbsenceStarts(cell.id, memberId, window.from, window.to);
    const count = countInYear(starts, year, timeZone);
    if (!isAlertCount(count, threshold)) continue;
    const absentee = active.find((m) => m.memberId === memberId) ?? (await repos.members.findById(memberId));
    if (!absentee) continue;
    for (const manager of managers) {
      if (manager.memberId === memberId) continue;
      const person = await repos.members.findById(manager.memberId);
      rows.push({
        key: absenceAlertKey(cell.id, memberId, year, count, manager.memberId),
        kind: "text",
        chatId: manager.telegramId,
        memberId: manager.memberId,
        cellId: cell.id,
        payload: {
          key: "absence-alert",
          locale: person?.locale ?? settings?.language ?? services.config.defaultLocale,
          vars: { name: memberName(absentee), count, year: String(year), cell: cell.name },
        },
        dueAt: clock.now(),
      });
    }
  }
  return rows.length === 0 ? 0 : repos.outbox.schedule(rows);
}

/** `/attendance #id <member> present|proxy|excused|unexcused`: the secretary corrects a closed register. */
async function handleAttendanceEdit(ctx: BotContext): Promise<void> {
  const { services } = ctx;
  const { repos, clock } = services;
  const cell = await resolveCommandCell(ctx, "manager");
  if (!cell) return;
  const text = String(ctx.match ?? "").trim();
  const m = /^#(\d{1,9})\s+([\s\S]*?)\s*\b(present|proxy|excused|unexcused)$/iu.exec(text);
  const statusWord = m?.[3]?.toLowerCase() as keyof typeof EDIT_STATUSES | undefined;
  if (!m || !statusWord) {
    await ctx.reply(ctx.t("attendance-edit-usage"));
    return;
  }
  const meeting = await findMeetingByRef(ctx, cell.id, `#${m[1]}`);
  if (!meeting) return;
  const loc = await cellLocale(services, cell.id);
  if (meeting.state !== "closed") {
    await ctx.reply(ctx.t("attendance-edit-not-closed", { meeting: meetingLabel(services, loc, meeting) }));
    return;
  }
  const target = await resolveMemberRef(ctx, cell.id, m[2] ?? "");
  if (!target) return;
  const status = EDIT_STATUSES[statusWord];
  const actorMemberId = ctx.caller?.member?.id ?? null;
  const before = await repos.attendance.upsertStatus({
    meetingId: meeting.id,
    memberId: target.memberId,
    status,
    reason: status === "absent_excused" ? storedReason("other", null) : null,
    expected: isExpected(target),
    recordedByMemberId: actorMemberId,
    at: clock.now(),
  });
  await recordAudit(ctx.services, {
    who: actorOf(ctx),
    what: "attendance.edited",
    target: { type: "member", id: target.memberId },
    organisationId: cell.organisationId,
    cellId: cell.id,
    from: { meetingId: meeting.id, status: before?.status ?? null },
    to: { meetingId: meeting.id, status },
  });
  await ctx.reply(
    ctx.t("attendance-edit-done", {
      name: memberName(target),
      meeting: meetingLabel(services, loc, meeting),
      status: ctx.t(STATUS_KEYS[status]),
    }),
  );
  if (status === "absent_unexcused") await alertRepeatedAbsences(services, cell, meeting, [target.memberId]);
}
