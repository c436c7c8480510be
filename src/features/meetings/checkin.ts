// Check-in (PRODUCT §4B): `/checkin [#id]` opens attendance with a "có mặt" button whose post keeps a
// live count; members press it once; group leaders and the secretary check in a member without a
// smartphone with `/checkin [#id] <member>` (recorded as by proxy, audited). Closing, absence reasons
// and repeated-absence alerts are in close.ts; this module also composes the whole attendance feature.
// The post's count is refreshed like the announcement's (live-refresh.ts): a check-in re-arms one
// outbox row per meeting, and the scheduler edits the post a few seconds later, paced with the
// group's other messages, so a room full of members pressing at once makes a few edits, not one each.
import { Composer, type CallbackQueryContext, InlineKeyboard } from "grammy";
import type { BotContext, BotServices } from "../../bot/context.ts";
import { actorOf, recordAudit } from "../../bot/kit/audit.ts";
import { ownT } from "../../bot/kit/own-language.ts";
import { isCellManager, resolveCommandCell } from "../../bot/cell-access.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { NewDelivery } from "../../db/repositories/outbox.ts";
import type { Job } from "../../scheduler/jobs.ts";
import type { MeetingView } from "../../db/repositories/meetings.ts";
import { memberName, refHintsOf, resolveMemberRef } from "../members/member-ref.ts";
import { cellLocale, type CellLocale } from "./announcement.ts";
import { isExpected, matchOf } from "./absence.ts";
import { findMeetingByRef } from "./references.ts";
import { createCloseComposer, meetingLabel, splitMeetingRef } from "./close.ts";
import { LIVE_REFRESH_DELAY_MS, liveRefreshJob } from "./live-refresh.ts";

export const CHECKIN_REFRESH_KIND = "meeting_checkin_refresh";

/** The row that refreshes the count of meeting `id`'s check-in post (one key per meeting). */
export function checkinRefreshRow(meeting: {
  id: number;
  cellId: number;
  chatId: number;
  now: Date;
}): NewDelivery {
  return {
    key: `meeting:${meeting.id}:checkin-refresh`,
    kind: CHECKIN_REFRESH_KIND,
    chatId: meeting.chatId,
    cellId: meeting.cellId,
    payload: { meetingId: meeting.id },
    dueAt: new Date(meeting.now.getTime() + LIVE_REFRESH_DELAY_MS),
  };
}

/** Edits the latest check-in post of a meeting with the count of then. */
export function createCheckinRefreshJob(services: BotServices): Job {
  const { repos, clock } = services;
  return liveRefreshJob(repos.outbox, async (meetingId) => {
    const meeting = await repos.meetings.get(meetingId);
    if (!meeting) return { skip: "meeting deleted" };
    const post = await repos.attendance.checkinPost(meeting.id);
    if (!post) return { skip: "no check-in post" };
    const cell = await repos.cells.get(meeting.cellId);
    if (!cell) return { skip: "cell deleted" };
    const loc = await cellLocale(services, cell.id);
    return {
      message: {
        type: "edit_text",
        chatId: post.chatId,
        messageId: post.messageId,
        text: await checkinPostText(services, loc, cell, meeting),
        replyMarkup: checkinKeyboard(services, loc, meeting.id),
      },
      again: checkinRefreshRow({ id: meeting.id, cellId: cell.id, chatId: post.chatId, now: clock.now() }),
    };
  });
}

/** Asks the scheduler to refresh the check-in post's count (the presses of a few seconds share it). */
async function requestCheckinRefresh(ctx: BotContext, meeting: MeetingView, chatId: number): Promise<void> {
  const { repos, clock } = ctx.services;
  await repos.outbox.rearm(
    checkinRefreshRow({ id: meeting.id, cellId: meeting.cellId, chatId, now: clock.now() }),
  );
}
import { refusedAsPaused } from "./paused.ts";

/** Check-in may open this long before a planned meeting starts. */
const EARLY_CHECKIN_MS = 12 * 60 * 60 * 1000;

/** /checkin, the "có mặt" button, /close_meeting, absence reasons and /attendance. */
export function createMeetingAttendanceFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("checkin", handleCheckin);
  feature.callbackQuery(/^ci:(\d{1,9})$/, handleCheckinPress);
  feature.use(createCloseComposer());
  return feature;
}

async function handleCheckin(ctx: BotContext): Promise<void> {
  const cell = await resolveCommandCell(ctx, "group_leader");
  if (!cell) return;
  const { meetingRef, rest } = await splitMeetingRef(ctx, cell.id, String(ctx.match ?? ""));
  const hints = refHintsOf(ctx);
  if (rest !== "" || hints.mentioned || hints.repliedTo) {
    await checkInByProxy(ctx, cell, meetingRef, rest);
    return;
  }
  await openCheckin(ctx, cell, meetingRef);
}

async function openCheckin(ctx: BotContext, cell: CellView, meetingRef: string | undefined): Promise<void> {
  const { services } = ctx;
  const { repos, clock } = services;
  const meeting = await findMeetingByRef(ctx, cell.id, meetingRef);
  if (!meeting) return;
  const loc = await cellLocale(services, cell.id);
  const label = meetingLabel(services, loc, meeting);
  if (meeting.state !== "planned" && meeting.state !== "in_progress") {
    await ctx.reply(ctx.t("checkin-meeting-not-open", { meeting: label }));
    return;
  }
  const now = clock.now();
  if (meeting.state === "planned" && meeting.startsAt.getTime() - now.getTime() > EARLY_CHECKIN_MS) {
    await ctx.reply(ctx.t("checkin-too-early", { meeting: label }));
    return;
  }
  const before = meeting.state;
  if (meeting.state === "planned" && (await repos.attendance.openCheckin(meeting.id, now))) {
    await checkInOpener(ctx, cell, meeting.id, now);
  }

  const targetChat = cell.chatId ?? ctx.chat!.id;
  const text = await checkinPostText(services, loc, cell, meeting);
  const sent = await ctx.api.sendMessage(targetChat, text, {
    reply_markup: checkinKeyboard(services, loc, meeting.id),
  });
  await recordAudit(ctx.services, {
    who: actorOf(ctx),
    what: "meeting.checkin_posted",
    target: { type: "meeting", id: meeting.id },
    organisationId: cell.organisationId,
    cellId: cell.id,
    from: { state: before },
    to: { state: "in_progress", chatId: targetChat, messageId: sent.message_id },
  });
  if (ctx.chat!.id !== targetChat) await ctx.reply(ctx.t("checkin-opened-elsewhere", { meeting: label }));
}

/**
 * Whoever opens check-in is at the meeting (they chair it): recorded present at once, if they are
 * an expected member of the cell and nothing was recorded for them yet. A mistake is corrected with
 * /attendance after closing.
 */
async function checkInOpener(ctx: BotContext, cell: CellView, meetingId: number, at: Date): Promise<void> {
  const member = ctx.caller?.member;
  const membership = member?.memberships.find((m) => m.cellId === cell.id);
  if (!member || !membership || !isExpected(membership)) return;
  await ctx.services.repos.attendance.checkIn({
    meetingId,
    memberId: member.id,
    status: "present",
    expected: true,
    recordedByMemberId: member.id,
    at,
  });
}

function checkinKeyboard(services: BotServices, loc: CellLocale, meetingId: number): InlineKeyboard {
  return new InlineKeyboard().text(services.translate(loc.locale, "checkin-button"), `ci:${meetingId}`);
}

async function checkinPostText(
  services: BotServices,
  loc: CellLocale,
  cell: CellView,
  meeting: MeetingView,
): Promise<string> {
  const { repos } = services;
  const counts = await repos.attendance.presenceCounts(meeting.id);
  const expected = (await repos.memberships.listActive(cell.id)).filter(isExpected).length;
  return services.translate(loc.locale, "checkin-post", {
    meeting: meetingLabel(services, loc, meeting),
    count: counts.present + counts.proxy,
    proxy: counts.proxy,
    expected,
  });
}

async function handleCheckinPress(ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const { repos, clock } = ctx.services;
  // Only the presser sees these answers: in their own language.
  const t = ownT(ctx);
  const meeting = await repos.meetings.get(Number(matchOf(ctx)[1]));
  if (!meeting) {
    await ctx.answerCallbackQuery({ text: t("button-expired") });
    return;
  }
  const member = ctx.caller?.member ?? null;
  const membership = member?.memberships.find((m) => m.cellId === meeting.cellId) ?? null;
  if (!member || !membership) {
    ctx.log.info({ from: ctx.from?.id, meetingId: meeting.id }, "refused: check-in by a non-member");
    await ctx.answerCallbackQuery({ text: t("checkin-not-member"), show_alert: true });
    return;
  }
  const cell = await repos.cells.get(meeting.cellId);
  if (await refusedAsPaused(ctx, cell)) return;
  if (meeting.state !== "in_progress") {
    await ctx.answerCallbackQuery({ text: t("checkin-not-open-button"), show_alert: true });
    return;
  }
  const written = await repos.attendance.checkIn({
    meetingId: meeting.id,
    memberId: member.id,
    status: "present",
    expected: isExpected(membership),
    recordedByMemberId: member.id,
    at: clock.now(),
  });
  await ctx.answerCallbackQuery({ text: t(written ? "checkin-recorded" : "checkin-already") });
  // The press comes from the post's chat: the refresh is paced with that chat's other messages.
  const chatId = ctx.chat?.id;
  if (written && chatId !== undefined) await requestCheckinRefresh(ctx, meeting, chatId);
}

async function checkInByProxy(
  ctx: BotContext,
  cell: CellView,
  meetingRef: string | undefined,
  memberRef: string,
): Promise<void> {
  const { services } = ctx;
  const { repos, clock } = services;
  const target = await resolveMemberRef(ctx, cell.id, memberRef);
  if (!target) return;
  const name = memberName(target);
  if (!(await isCellManager(ctx, cell))) {
    // A group leader checks in only the members of the party group(s) they lead.
    const me = ctx.caller?.member?.id;
    const led = (await repos.partyGroups.listByCell(cell.id))
      .filter((g) => me !== undefined && g.leaderMemberId === me)
      .map((g) => g.id);
    if (target.partyGroupId === null || !led.includes(target.partyGroupId)) {
      ctx.log.info(
        { from: ctx.from?.id, target: target.memberId },
        "refused: proxy check-in outside own group",
      );
      await ctx.reply(ctx.t("checkin-proxy-not-your-group", { name }));
      return;
    }
  }
  const meeting = await findMeetingByRef(ctx, cell.id, meetingRef);
  if (!meeting) return;
  const loc = await cellLocale(services, cell.id);
  if (meeting.state !== "in_progress") {
    await ctx.reply(ctx.t("checkin-proxy-not-open", { meeting: meetingLabel(services, loc, meeting) }));
    return;
  }
  const actorMemberId = ctx.caller?.member?.id ?? null;
  const written = await repos.attendance.checkIn({
    meetingId: meeting.id,
    memberId: target.memberId,
    status: "proxy",
    expected: isExpected(target),
    recordedByMemberId: actorMemberId,
    at: clock.now(),
  });
  if (!written) {
    await ctx.reply(ctx.t("checkin-proxy-already", { name }));
    return;
  }
  await recordAudit(ctx.services, {
    who: actorOf(ctx),
    what: "attendance.proxy_checkin",
    target: { type: "member", id: target.memberId },
    organisationId: cell.organisationId,
    cellId: cell.id,
    to: { meetingId: meeting.id, status: "proxy" },
  });
  const counts = await repos.attendance.presenceCounts(meeting.id);
  await ctx.reply(ctx.t("checkin-proxy-done", { name, count: counts.present + counts.proxy }));
  await requestCheckinRefresh(ctx, meeting, cell.chatId ?? ctx.chat!.id);
}
