// RSVP buttons of the announcement (and of reminders that carry them): attend / absent / unsure, then
// the reason of an absence (health, work, family, other with a typed text). Only active members of the
// meeting's cell may answer; anyone else is told and nothing changes.
//
// A press is answered first, after one query (the meeting, its cell and the presser's answer; the
// presser's memberships come with ctx.caller), then recorded in one transaction with the outbox row
// that refreshes the announcement's counts a few seconds later (announcement-job.ts). Nothing a
// press does waits on the group: the edit, and the question asking unreachable members for their
// reason, are sent by the scheduler, paced with the group's other messages, so a 429 never holds up
// the presser nor the presses queued behind them in that group.
import { Composer, GrammyError, HttpError, type InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { clip } from "../../bot/kit/clip.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { ownT } from "../../bot/kit/own-language.ts";
import { sendPrivately } from "../../bot/kit/send-privately.ts";
import { askTyped, onTypedAnswer } from "../../bot/kit/typed-answer.ts";
import { cleanText } from "../../clean-text.ts";
import type { AbsenceReason, MeetingState, RsvpAnswer } from "../../db/enums.ts";
import type { MemberView } from "../../db/repositories/members.ts";
import type { RsvpPressView } from "../../db/repositories/rsvps.ts";
import { errorForLog } from "../../scheduler/telegram-errors.ts";
import { reasonKeyboardWith } from "./announcement.ts";
import { announcementRefreshKey, announcementRefreshRow, reasonAskRow } from "./announcement-job.ts";
import { refusedAsPaused } from "./paused.ts";

const ANSWERS = { a: "attend", n: "absent", u: "unsure" } as const;
const REASONS = { h: "health", w: "work", f: "family", o: "other" } as const;
const MAX_REASON_TEXT = 500;

const RECORDED_KEYS = {
  attend: "meeting-rsvp-recorded-attend",
  absent: "meeting-rsvp-recorded-absent",
  unsure: "meeting-rsvp-recorded-unsure",
} as const satisfies Record<RsvpAnswer, string>;
/** Why a meeting takes no more answers. */
const NOT_ANSWERABLE_KEYS = {
  cancelled: "meeting-rsvp-cancelled",
  closed: "meeting-rsvp-closed",
} as const satisfies Record<Extract<MeetingState, "cancelled" | "closed">, string>;
const REASON_KEYS = {
  health: "meeting-reason-health",
  work: "meeting-reason-work",
  family: "meeting-reason-family",
  other: "meeting-reason-other",
} as const satisfies Record<AbsenceReason, string>;

type Press = { ok: true; view: RsvpPressView; member: MemberView } | { ok: false };
type AnswerOptions = Parameters<BotContext["answerCallbackQuery"]>[0];

/**
 * Answers the callback query before the press is recorded. A failed answer (the client gave up,
 * the network) is logged and the press still recorded: the member pressed, and the post will show it.
 */
async function answerFirst(ctx: BotContext, options: AnswerOptions): Promise<void> {
  try {
    await ctx.answerCallbackQuery(options);
  } catch (err) {
    if (!(err instanceof GrammyError) && !(err instanceof HttpError)) throw err;
    ctx.log.warn({ err: errorForLog(err) }, "callback query not answered");
  }
}

/** The meeting and the presser when they may answer it (one query); otherwise tells them why not. */
async function openPress(ctx: BotContext, meetingId: number): Promise<Press> {
  const t = ownT(ctx);
  const member = ctx.caller?.member ?? null;
  const view = await ctx.services.repos.rsvps.pressView(
    meetingId,
    member?.id ?? null,
    announcementRefreshKey(meetingId),
  );
  if (!view) {
    await ctx.answerCallbackQuery({ text: t("button-expired"), show_alert: true });
    return { ok: false };
  }
  if (!member || !member.memberships.some((m) => m.cellId === view.cellId)) {
    ctx.log.info({ from: ctx.from?.id, meetingId }, "refused: rsvp by a non-member");
    await ctx.answerCallbackQuery({
      text: t("meeting-rsvp-not-member", { cell: view.cellName }),
      show_alert: true,
    });
    return { ok: false };
  }
  if (await refusedAsPaused(ctx, { id: view.cellId, name: view.cellName, active: view.cellActive })) {
    return { ok: false };
  }
  if (view.state === "cancelled" || view.state === "closed") {
    await ctx.answerCallbackQuery({ text: t(NOT_ANSWERABLE_KEYS[view.state]), show_alert: true });
    return { ok: false };
  }
  return { ok: true, view, member };
}

/** The reason buttons, in the language of the member they are for. */
export function reasonKeyboard(ctx: BotContext, meetingId: number): InlineKeyboard {
  const t = ownT(ctx);
  return reasonKeyboardWith((key) => t(key), meetingId);
}

/** Asks privately for the reason of an absence; false when the member cannot be written to. */
async function askReasonPrivately(
  ctx: BotContext,
  member: MemberView,
  meeting: { id: number; number: number },
): Promise<boolean> {
  const meetingId = meeting.id;
  if (!ctx.from) return false;
  const sent = await sendPrivately(
    ctx.services,
    ctx.api,
    { telegramId: ctx.from.id, reachable: member.reachable },
    ownT(ctx)("meeting-reason-ask-private", { ref: String(meeting.number) }),
    { reply_markup: reasonKeyboard(ctx, meetingId) },
    { meetingId },
  );
  return sent.status === "sent";
}

/**
 * Records the answer, and in the same transaction asks for a refresh of the announcement: one row
 * per meeting, re-armed by every answer and sent once a few seconds later with the counts of then.
 */
async function recordAnswer(ctx: BotContext, view: RsvpPressView, memberId: number, answer: string) {
  const { repos, clock } = ctx.services;
  // Within a burst the refresh asked for by an earlier press is still waiting: one statement.
  const refreshKey = announcementRefreshKey(view.meetingId);
  if (
    view.refreshPending &&
    (await repos.rsvps.answerWhilePending(view.meetingId, memberId, answer, refreshKey))
  )
    return;
  const refresh =
    view.announcementChatId !== null && view.announcementMessageId !== null
      ? repos.outbox.rearmStatements(
          announcementRefreshRow({
            id: view.meetingId,
            cellId: view.cellId,
            chatId: view.announcementChatId,
            now: clock.now(),
          }),
        )
      : [];
  await repos.rsvps.answer(view.meetingId, memberId, answer, refresh);
}

/** Asks the group for the reason (naming nobody), through the scheduler: one question per burst. */
async function askReasonInGroup(ctx: BotContext, view: RsvpPressView): Promise<void> {
  const { repos, clock, scheduler } = ctx.services;
  if (!ctx.chat) return;
  await repos.outbox.rearm(
    reasonAskRow({ id: view.meetingId, cellId: view.cellId, chatId: ctx.chat.id, now: clock.now() }),
  );
  scheduler.wake();
}

export function createRsvpFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(/^rsvp:(\d{1,9}):([anu])$/, async (ctx) => {
    const meetingId = Number(ctx.match[1]);
    const answer = ANSWERS[ctx.match[2] as keyof typeof ANSWERS];
    const press = await openPress(ctx, meetingId);
    if (!press.ok) return;
    const { view, member } = press;
    // Pressing the same button again records nothing (and refreshes nothing), unless the answer was
    // given before the meeting was moved: then it confirms the answer for the new time.
    const changed = view.answer !== answer || view.beforeMove;
    const needsReason = answer === "absent" && (changed || !view.reason);
    const inGroup = ctx.chat?.type !== "private";
    // Known to refuse private messages: asked in the group without trying.
    const askPrivately = needsReason && inGroup && member.reachable;
    const t = ownT(ctx);
    await answerFirst(
      ctx,
      !needsReason
        ? { text: t(RECORDED_KEYS[answer]) }
        : !inGroup
          ? { text: t("meeting-rsvp-recorded-absent") }
          : askPrivately
            ? { text: t("meeting-rsvp-absent-asked-private"), show_alert: true }
            : { text: t("meeting-rsvp-absent-ask-here"), show_alert: true },
    );
    if (changed) await recordAnswer(ctx, view, member.id, answer);
    if (!needsReason) return;
    if (!inGroup) {
      // Pressed in a private reminder: ask right here.
      await ctx.reply(ctx.t("meeting-reason-ask-private", { ref: String(view.meetingNumber) }), {
        reply_markup: reasonKeyboard(ctx, meetingId),
      });
      return;
    }
    // The private question can still fail (the member blocked the bot since): the group question
    // then reaches them, under the post they pressed.
    if (
      askPrivately &&
      (await askReasonPrivately(ctx, member, { id: meetingId, number: view.meetingNumber }))
    )
      return;
    await askReasonInGroup(ctx, view);
  });

  feature.callbackQuery(/^rsvp:(\d{1,9}):r:([hwfo])$/, async (ctx) => {
    const meetingId = Number(ctx.match[1]);
    const reason = REASONS[ctx.match[2] as keyof typeof REASONS];
    const press = await openPress(ctx, meetingId);
    if (!press.ok) return;
    const t = ownT(ctx);
    if (press.view.answer !== "absent") {
      await ctx.answerCallbackQuery({ text: t("meeting-reason-not-absent"), show_alert: true });
      return;
    }
    const label = t(REASON_KEYS[reason]);
    if (ctx.chat?.type !== "private") {
      // The group message asks everyone who could not be reached; it stays for the others.
      await answerFirst(ctx, {
        text: t(reason === "other" ? "meeting-reason-other-in-group" : "meeting-reason-recorded", {
          reason: label,
        }),
        show_alert: true,
      });
      await ctx.services.repos.rsvps.setReason(meetingId, press.member.id, reason, null);
      return;
    }
    await answerFirst(ctx, { text: ctx.t("meeting-reason-recorded", { reason: label }) });
    await ctx.services.repos.rsvps.setReason(meetingId, press.member.id, reason, null);
    await editPressed(ctx, ctx.t("meeting-reason-recorded", { reason: label }));
    if (reason === "other") {
      await askTyped(ctx, {
        userId: ctx.from.id,
        chatId: ctx.from.id,
        kind: "rsvp-reason",
        payload: { meetingId },
        text: ctx.t("meeting-reason-other-ask", { ref: String(press.view.meetingNumber) }),
        placeholder: ctx.t("meeting-reason-other-placeholder"),
      });
    }
  });

  // The typed reason of an "other" absence: the member's next private message.
  feature.use(
    onTypedAnswer("rsvp-reason", async (ctx, answer) => {
      const { meetingId } = answer.payload;
      const meeting = await ctx.services.repos.meetings.get(meetingId);
      const member = ctx.caller?.member;
      if (!meeting || !member || !member.memberships.some((m) => m.cellId === meeting.cellId)) {
        await ctx.reply(ctx.t("button-not-for-you"));
        return "done";
      }
      if (await refusedAsPaused(ctx, await ctx.services.repos.cells.get(meeting.cellId))) return "done";
      if (meeting.state === "cancelled" || meeting.state === "closed") {
        await ctx.reply(ctx.t(NOT_ANSWERABLE_KEYS[meeting.state]));
        return "done";
      }
      const text = cleanText(answer.text ?? "");
      if (text === "" || [...text].length > MAX_REASON_TEXT) {
        await ctx.reply(ctx.t("meeting-reason-text-bad", { max: String(MAX_REASON_TEXT) }));
        return "keep";
      }
      const stored = await ctx.services.repos.rsvps.setReason(meetingId, member.id, "other", text);
      await ctx.reply(
        stored
          ? ctx.t("meeting-reason-text-recorded", { reason: clip(text, 100) })
          : ctx.t("meeting-reason-not-absent"),
      );
      return "done";
    }),
  );

  return feature;
}
