// Closing a meeting (PRODUCT §4B): `/close_meeting [#id] [conclusions]` freezes the register. When
// the register looks wrong — nobody opened check-in, or half the expected members or more would be
// absent — the person closing is first shown the counts and asked [Chốt sổ] [Thôi]. Whoever closes
// counts as present (they chaired it) unless the register already says otherwise. Then one group
// message with the counts (never the names of absentees), the conclusions and what happens next; the
// private questions for a reason and the repeated-absence check go through the outbox
// (absence-alerts.ts); `afterRegisterFrozen` is the one place for what follows a close.
// Also the reason buttons (`ab:<meetingId>:h|w|f|o`, "other" with a typed answer) and
// `/attendance #id <member> present|proxy|excused|unexcused` for corrections after closing, and the
// helpers check-in shares (how a meeting is named in messages, "#id" in front of a command's text).
import { offerTasksFromConclusions } from "../tasks/guided.ts";
import { Composer, type CallbackQueryContext, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { actorOf, recordAudit } from "../../bot/kit/audit.ts";
import { hasPower, resolveCommandCell } from "../../bot/cell-access.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { askTyped, onTypedAnswer, type TypedAnswer, type TypedOutcome } from "../../bot/kit/typed-answer.ts";
import type { AttendanceStatus } from "../../db/enums.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { MeetingView } from "../../db/repositories/meetings.ts";
import { memberName, resolveMemberRef } from "../members/member-ref.ts";
import { defaultSettings } from "../settings/model.ts";
import { getEffectiveSettings } from "../settings/settings.ts";
import {
  closeNeedsConfirmation,
  isExpected,
  matchOf,
  MAX_CONCLUSIONS,
  MAX_REASON_TEXT,
  planRegister,
  reasonFromCode,
  storedReason,
  summarisePlan,
  type RegisterSummary,
} from "./absence.ts";
import {
  absenceCheckRow,
  alertRepeatedAbsences,
  HOUR_MS,
  meetingLabel,
  reasonAskRow,
} from "./absence-alerts.ts";
import { cellLocale, type CellLocale } from "./announcement.ts";
import { readStatusAtEnd } from "./attendance-words.ts";
import { findMeetingByRef } from "./references.ts";
import { cancelMeetingReminders } from "./reminders.ts";
import { cleanText } from "../../clean-text.ts";
import { ownT } from "../../bot/kit/own-language.ts";

export { alertRepeatedAbsences, meetingLabel };

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
  if (m && (await ctx.services.repos.meetings.getByNumber(cellId, Number(m[1])))) {
    return { meetingRef: `#${m[1]}`, rest: (m[2] ?? "").trim() };
  }
  return { meetingRef: undefined, rest: text.trim() };
}

export function createCloseComposer(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("close_meeting", handleClose);
  feature.command("attendance", handleAttendanceEdit);
  feature.callbackQuery(/^ab:(\d{1,9}):([a-z])$/, handleReasonPress);
  feature.callbackQuery(/^cm:(\d{1,9}):(\d{1,12}):([yn])$/, handleConfirmPress);
  feature.use(onTypedAnswer("absence-reason", handleReasonAnswer));
  return feature;
}

async function handleClose(ctx: BotContext): Promise<void> {
  const { services } = ctx;
  const cell = await resolveCommandCell(ctx, "manager");
  if (!cell) return;
  const split = await splitMeetingRef(ctx, cell.id, String(ctx.match ?? ""));
  // "#2" alone is a meeting number, never conclusions: one the cell lacks is refused, not taken as
  // the text of closing the next meeting.
  const onlyRef = split.meetingRef === undefined && /^#\d{1,9}$/.test(split.rest);
  const meetingRef = onlyRef ? split.rest : split.meetingRef;
  const conclusions = onlyRef ? "" : split.rest;
  const length = [...conclusions].length;
  if (length > MAX_CONCLUSIONS) {
    await ctx.reply(ctx.t("close-conclusions-too-long", { max: MAX_CONCLUSIONS, given: length }));
    return;
  }
  const meeting = await findMeetingByRef(ctx, cell.id, meetingRef);
  if (!meeting) return;
  const rules = await closeRules(services, cell.id);
  if (await refusedToClose(ctx, rules.loc, meeting)) return;
  const draft = await draftRegister(ctx, meeting);
  if (closeNeedsConfirmation(draft.summary, meeting.checkinOpenedAt !== null)) {
    await askToConfirmClose(ctx, cell, rules.loc, meeting, draft.summary, conclusions);
    return;
  }
  await freezeRegister(ctx, cell, rules, meeting, conclusions, draft);
}

/** What closing needs of the cell's settings, read once: its language and time zone, the reason window. */
interface CloseRules {
  loc: CellLocale;
  reasonWindowHours: number;
}

async function closeRules(services: BotContext["services"], cellId: number): Promise<CloseRules> {
  const settings = (await getEffectiveSettings(services.repos, cellId)) ?? defaultSettings();
  return {
    loc: { locale: settings.language, timeZone: settings.timeZone },
    reasonWindowHours: settings.absenceReasonHours,
  };
}

/** Tells why the meeting cannot be closed (already closed, cancelled, not started); true then. */
async function refusedToClose(ctx: BotContext, loc: CellLocale, meeting: MeetingView): Promise<boolean> {
  const label = meetingLabel(ctx.services, loc, meeting);
  if (meeting.state === "closed" || meeting.state === "cancelled") {
    await ctx.reply(
      ctx.t(meeting.state === "closed" ? "close-already" : "close-cancelled", { meeting: label }),
    );
    return true;
  }
  if (meeting.state === "planned" && meeting.startsAt.getTime() > ctx.services.clock.now().getTime()) {
    await ctx.reply(ctx.t("close-not-started", { meeting: label }));
    return true;
  }
  return false;
}

/**
 * The register closing would write now, from three reads (members, rows so far, answers). Whoever
 * closes the meeting chaired it: present, unless a row already says otherwise.
 */
async function draftRegister(ctx: BotContext, meeting: MeetingView) {
  const { repos } = ctx.services;
  const [members, existing, rsvps] = await Promise.all([
    repos.attendance.registerMembers(meeting.cellId, meeting.startsAt),
    repos.attendance.listForMeeting(meeting.id),
    repos.attendance.answersForRegister(meeting.id),
  ]);
  const closer = ctx.caller?.member?.id;
  const plan = planRegister(members, existing, rsvps, new Set(closer === undefined ? [] : [closer]));
  return { members, plan, summary: summarisePlan(existing, plan) };
}

/** The count variables shared by the confirmation question and the result post. */
function countVars(summary: RegisterSummary) {
  return {
    present: summary.present + summary.proxy,
    proxy: summary.proxy,
    excused: summary.excused,
    unexcused: summary.unexcused,
    expected: summary.expected,
    rate: summary.ratePercent,
  };
}

/**
 * Asks the person closing to confirm a register that looks wrong (no check-in opened, or half the
 * members or more absent), with the counts. The request (who asked, the conclusions) is kept in the
 * audit log and named by the buttons, so only that person can confirm it, and only the latest one.
 */
async function askToConfirmClose(
  ctx: BotContext,
  cell: CellView,
  loc: CellLocale,
  meeting: MeetingView,
  summary: RegisterSummary,
  conclusions: string,
): Promise<void> {
  const { services } = ctx;
  await recordAudit(services, {
    who: actorOf(ctx),
    what: "meeting.close_asked",
    target: { type: "meeting", id: meeting.id },
    organisationId: cell.organisationId,
    cellId: cell.id,
    to: { conclusions: conclusions === "" ? null : conclusions, ...summary },
  });
  const request = await services.repos.attendance.closeRequest(meeting.id);
  if (!request) return;
  const keyboard = new InlineKeyboard()
    .text(ctx.t("close-confirm-button"), `cm:${meeting.id}:${request.id}:y`)
    .text(ctx.t("close-cancel-button"), `cm:${meeting.id}:${request.id}:n`);
  await ctx.reply(
    ctx.t(meeting.checkinOpenedAt === null ? "close-confirm-no-checkin" : "close-confirm-many-absent", {
      meeting: meetingLabel(services, loc, meeting),
      ...countVars(summary),
    }),
    { reply_markup: keyboard },
  );
}

/** [Chốt sổ] / [Thôi] under the confirmation question: only the person who asked, still a manager. */
async function handleConfirmPress(ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const { services } = ctx;
  const [, meetingText, requestText, choice] = matchOf(ctx);
  const meeting = await services.repos.meetings.get(Number(meetingText));
  const request = meeting ? await services.repos.attendance.closeRequest(meeting.id) : null;
  const cell = meeting ? await services.repos.cells.get(meeting.cellId) : null;
  if (
    !meeting ||
    !cell ||
    !request ||
    request.id !== Number(requestText) ||
    request.telegramId !== ctx.from.id ||
    !(await hasPower(ctx, cell, "manager"))
  ) {
    ctx.log.info(
      { from: ctx.from.id, meetingId: meeting?.id },
      "refused: close confirmation by someone else",
    );
    await ctx.answerCallbackQuery({ text: ownT(ctx)("button-not-for-you"), show_alert: true });
    return;
  }
  const rules = await closeRules(services, cell.id);
  const { loc } = rules;
  await ctx.answerCallbackQuery();
  if (choice !== "y") {
    await editPressed(ctx, ctx.t("close-confirm-dropped", { meeting: meetingLabel(services, loc, meeting) }));
    return;
  }
  await editPressed(ctx, ctx.t("close-confirm-accepted", { meeting: meetingLabel(services, loc, meeting) }));
  if (await refusedToClose(ctx, loc, meeting)) return;
  await freezeRegister(ctx, cell, rules, meeting, request.conclusions ?? "");
}

/**
 * Freezes the register in one transaction (with the draft post-meeting feedback prompt), tells the
 * group in one message — the counts, the conclusions, what happens next — and then runs
 * `afterRegisterFrozen`. `draft` is reused when it was just read by the same update.
 */
async function freezeRegister(
  ctx: BotContext,
  cell: CellView,
  rules: CloseRules,
  meeting: MeetingView,
  conclusions: string,
  draft?: Awaited<ReturnType<typeof draftRegister>>,
): Promise<void> {
  const { services } = ctx;
  const { repos, clock } = services;
  const { loc } = rules;
  const label = meetingLabel(services, loc, meeting);
  const now = clock.now();
  const { members, plan, summary } = draft ?? (await draftRegister(ctx, meeting));
  const closed = await repos.attendance.close({
    meetingId: meeting.id,
    fromStates: ["planned", "in_progress"],
    at: now,
    conclusions: conclusions === "" ? null : conclusions,
    rows: plan.rows,
    expectedByMember: plan.expectedByMember,
    // The post-meeting feedback prompt is due; the prompts capability sends draft prompts.
    prompt: {
      organisationId: cell.organisationId,
      cellId: cell.id,
      createdByMemberId: ctx.caller?.member?.id ?? null,
    },
  });
  if (!closed) {
    await ctx.reply(ctx.t("close-already", { meeting: label }));
    return;
  }
  await recordAudit(services, {
    who: actorOf(ctx),
    what: "meeting.closed",
    target: { type: "meeting", id: meeting.id },
    organisationId: cell.organisationId,
    cellId: cell.id,
    from: { state: meeting.state },
    to: { state: "closed", ...summary, conclusions: conclusions !== "" },
  });
  await cancelMeetingReminders(services, meeting.id);

  const byId = new Map(members.map((m) => [m.memberId, m]));
  const unexcused = plan.rows.filter((r) => r.status === "absent_unexcused").map((r) => r.memberId);
  const askable = unexcused.filter((id) => {
    const m = byId.get(id);
    return m !== undefined && !m.erased && m.telegramId !== null && m.reachable;
  });

  const groupChat = cell.chatId ?? ctx.chat!.id;
  const lines = [services.translate(loc.locale, "close-result", { meeting: label, ...countVars(summary) })];
  if (conclusions !== "") {
    lines.push(services.translate(loc.locale, "close-result-conclusions", { conclusions }));
  }
  if (unexcused.length > 0) {
    lines.push(
      services.translate(loc.locale, "close-result-reasons", {
        asked: askable.length,
        unreached: unexcused.length - askable.length,
        hours: rules.reasonWindowHours,
      }),
    );
  }
  lines.push(services.translate(loc.locale, "close-result-thanks"));
  await ctx.api.sendMessage(groupChat, lines.join("\n"));
  if (ctx.chat!.id !== groupChat) {
    await ctx.reply(
      ctx.t("close-done-secretary", {
        meeting: label,
        unexcused: unexcused.length,
        asked: askable.length,
        unreached: unexcused.length - askable.length,
      }),
    );
  }
  await afterRegisterFrozen(services, { cell, meeting, closedAt: now, askable, rules });
  // Whoever closed the meeting is offered to turn its conclusions into tasks.
  await offerTasksFromConclusions(ctx, meeting);
}

/**
 * What follows a frozen register, in one place for the capabilities that hook into closing (the
 * post-meeting feedback, tasks from the conclusions…). Runs once per close, after the group has
 * been told. Here: the private questions for a reason, and the repeated-absence check due when the
 * reason window is over, written to the outbox in one statement.
 */
async function afterRegisterFrozen(
  services: BotContext["services"],
  closed: {
    cell: CellView;
    meeting: MeetingView;
    closedAt: Date;
    /** Members absent without a reason whom the bot can ask privately. */
    askable: readonly number[];
    rules: CloseRules;
  },
): Promise<void> {
  const { cell, meeting, closedAt } = closed;
  const deadline = new Date(closedAt.getTime() + closed.rules.reasonWindowHours * HOUR_MS);
  await services.repos.outbox.schedule([
    ...closed.askable.map((memberId) =>
      reasonAskRow({ meetingId: meeting.id, cellId: cell.id, memberId, now: closedAt, deadline }),
    ),
    absenceCheckRow({ meetingId: meeting.id, cellId: cell.id, dueAt: deadline }),
  ]);
  services.scheduler.wake();
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
    await ctx.answerCallbackQuery({ text: ownT(ctx)("button-not-for-you"), show_alert: true });
    return;
  }
  if (own.row.status === "absent_excused") {
    await ctx.answerCallbackQuery({ text: ownT(ctx)("absence-reason-already") });
    return;
  }
  if (reason === "other") {
    await ctx.answerCallbackQuery();
    await askTyped(ctx, {
      userId: ctx.from.id,
      chatId: ctx.from.id,
      kind: "absence-reason",
      payload: { meetingId },
      // Asked privately: in the member's own language wherever the button was pressed.
      text: ownT(ctx)("absence-reason-other-ask"),
      placeholder: ownT(ctx)("absence-reason-other-placeholder"),
    });
    return;
  }
  const saved = await recordReason(ctx, own.meeting, own.member.id, storedReason(reason, null));
  await ctx.answerCallbackQuery({
    text: ownT(ctx)(saved ? "absence-reason-thanks" : "absence-reason-already"),
  });
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

/** `/attendance #id <member> present|proxy|excused|unexcused`: the secretary corrects a closed register. */
async function handleAttendanceEdit(ctx: BotContext): Promise<void> {
  const { services } = ctx;
  const { repos, clock } = services;
  const cell = await resolveCommandCell(ctx, "manager");
  if (!cell) return;
  const text = String(ctx.match ?? "").trim();
  const m = /^#(\d{1,9})\s+([\s\S]*)$/u.exec(text);
  const read = readStatusAtEnd(m?.[2] ?? "");
  const statusWord = read?.status;
  if (!m || !read || !statusWord) {
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
  const target = await resolveMemberRef(ctx, cell.id, read.member);
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
