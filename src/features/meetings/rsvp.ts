// RSVP buttons of the announcement (and of reminders that carry them): attend / absent / unsure, then
// the reason of an absence (health, work, family, other with a typed text). Only active members of the
// meeting's cell may answer; anyone else is told and nothing changes.
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { clip } from "../../bot/kit/clip.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { sendPrivately } from "../../bot/kit/send-privately.ts";
import { askTyped, onTypedAnswer } from "../../bot/kit/typed-answer.ts";
import type { MeetingView } from "../../db/repositories/meetings.ts";
import { refreshAnnouncement } from "./announcement.ts";
import { refusedAsPaused } from "./paused.ts";

const ANSWERS = { a: "attend", n: "absent", u: "unsure" } as const;
const REASONS = { h: "health", w: "work", f: "family", o: "other" } as const;
const MAX_REASON_TEXT = 500;

type Answerable = { ok: true; meeting: MeetingView; memberId: number } | { ok: false };

/** The meeting and the presser's member id when they may answer it; otherwise tells them why not. */
async function answerable(ctx: BotContext, meetingId: number): Promise<Answerable> {
  const meeting = await ctx.services.repos.meetings.get(meetingId);
  if (!meeting) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-expired"), show_alert: true });
    return { ok: false };
  }
  const member = ctx.caller?.member;
  const cell = await ctx.services.repos.cells.get(meeting.cellId);
  const inCell = member?.memberships.some((m) => m.cellId === meeting.cellId) ?? false;
  if (!member || !inCell || !cell) {
    ctx.log.info({ from: ctx.from?.id, meetingId }, "refused: rsvp by a non-member");
    await ctx.answerCallbackQuery({
      text: ctx.t("meeting-rsvp-not-member", { cell: cell?.name ?? "" }),
      show_alert: true,
    });
    return { ok: false };
  }
  if (await refusedAsPaused(ctx, cell)) return { ok: false };
  if (meeting.state === "cancelled" || meeting.state === "closed") {
    await ctx.answerCallbackQuery({ text: ctx.t(`meeting-rsvp-${meeting.state}`), show_alert: true });
    return { ok: false };
  }
  return { ok: true, meeting, memberId: member.id };
}

export function reasonKeyboard(ctx: BotContext, meetingId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("meeting-reason-health"), `rsvp:${meetingId}:r:h`)
    .text(ctx.t("meeting-reason-work"), `rsvp:${meetingId}:r:w`)
    .row()
    .text(ctx.t("meeting-reason-family"), `rsvp:${meetingId}:r:f`)
    .text(ctx.t("meeting-reason-other"), `rsvp:${meetingId}:r:o`);
}

/** Asks privately for the reason of an absence; false when the member cannot be written to. */
async function askReasonPrivately(ctx: BotContext, meeting: MeetingView): Promise<boolean> {
  const member = ctx.caller?.member;
  if (!member || !ctx.from) return false;
  const sent = await sendPrivately(
    ctx.services,
    ctx.api,
    { telegramId: ctx.from.id, reachable: member.reachable },
    ctx.t("meeting-reason-ask-private", { ref: String(meeting.id) }),
    { reply_markup: reasonKeyboard(ctx, meeting.id) },
    { meetingId: meeting.id },
  );
  return sent.status === "sent";
}

export function createRsvpFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(/^rsvp:(\d{1,9}):([anu])$/, async (ctx) => {
    const meetingId = Number(ctx.match[1]);
    const answer = ANSWERS[ctx.match[2] as keyof typeof ANSWERS];
    const check = await answerable(ctx, meetingId);
    if (!check.ok) return;
    const { repos } = ctx.services;
    const before = await repos.rsvps.find(meetingId, check.memberId);
    const { changed } = await repos.rsvps.answer(meetingId, check.memberId, answer);
    if (changed) await refreshAnnouncement(ctx.services, ctx.api, ctx.me.username, meetingId);
    if (answer !== "absent") {
      await ctx.answerCallbackQuery({ text: ctx.t(`meeting-rsvp-recorded-${answer}`) });
      return;
    }
    const needsReason = changed || !before?.reason;
    if (!needsReason) {
      await ctx.answerCallbackQuery({ text: ctx.t("meeting-rsvp-recorded-absent") });
      return;
    }
    if (ctx.chat?.type === "private") {
      // Pressed in a private reminder: ask right here.
      await ctx.answerCallbackQuery({ text: ctx.t("meeting-rsvp-recorded-absent") });
      await ctx.reply(ctx.t("meeting-reason-ask-private", { ref: String(meetingId) }), {
        reply_markup: reasonKeyboard(ctx, meetingId),
      });
      return;
    }
    if (await askReasonPrivately(ctx, check.meeting)) {
      await ctx.answerCallbackQuery({ text: ctx.t("meeting-rsvp-absent-asked-private"), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t("meeting-rsvp-absent-ask-here"), show_alert: true });
    await ctx.reply(ctx.t("meeting-reason-ask-group", { ref: String(meetingId) }), {
      reply_markup: reasonKeyboard(ctx, meetingId),
    });
  });

  feature.callbackQuery(/^rsvp:(\d{1,9}):r:([hwfo])$/, async (ctx) => {
    const meetingId = Number(ctx.match[1]);
    const reason = REASONS[ctx.match[2] as keyof typeof REASONS];
    const check = await answerable(ctx, meetingId);
    if (!check.ok) return;
    const { repos } = ctx.services;
    const stored = await repos.rsvps.setReason(meetingId, check.memberId, reason, null);
    if (!stored) {
      await ctx.answerCallbackQuery({ text: ctx.t("meeting-reason-not-absent"), show_alert: true });
      return;
    }
    const label = ctx.t(`meeting-reason-${reason}`);
    if (ctx.chat?.type !== "private") {
      // The group message asks everyone who could not be reached; it stays for the others.
      await ctx.answerCallbackQuery({
        text: ctx.t(reason === "other" ? "meeting-reason-other-in-group" : "meeting-reason-recorded", {
          reason: label,
        }),
        show_alert: true,
      });
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t("meeting-reason-recorded", { reason: label }) });
    if (reason === "other") {
      await editPressed(ctx, ctx.t("meeting-reason-recorded", { reason: label }));
      await askTyped(ctx, {
        userId: ctx.from.id,
        chatId: ctx.from.id,
        kind: "rsvp-reason",
        payload: { meetingId },
        text: ctx.t("meeting-reason-other-ask", { ref: String(meetingId) }),
        placeholder: ctx.t("meeting-reason-other-placeholder"),
      });
      return;
    }
    await editPressed(ctx, ctx.t("meeting-reason-recorded", { reason: label }));
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
        await ctx.reply(ctx.t(`meeting-rsvp-${meeting.state}`));
        return "done";
      }
      const text = (answer.text ?? "").replace(/\s+/gu, " ").trim();
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
