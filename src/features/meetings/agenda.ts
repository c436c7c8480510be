// The agenda of a meeting (PRODUCT §4B): `/agenda <#meeting> <member> <item>` gives a part of the
// content to a member, who gets it privately with a "✅ Đã sẵn sàng" button; `/agenda <#meeting>`
// lists the parts with their owners and readiness. (The "not ready" notice two days before is a
// reminder row, planned by reminders.ts.)
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { resolveCommandCell } from "../../bot/cell-access.ts";
import { formatDateTime } from "../../datetime/format.ts";
import type { AgendaItemView } from "../../db/repositories/agenda.ts";
import type { MeetingView } from "../../db/repositories/meetings.ts";
import { clip } from "../../bot/kit/clip.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { sendPrivately } from "../../bot/kit/send-privately.ts";
import { isCompactMemberRef, memberName, resolveMemberRef } from "../members/member-ref.ts";
import { privateRemindersButton, privateRemindersUrl } from "../reach/reach.ts";
import { cellLocale } from "./announcement.ts";
import { refusedAsPaused } from "./paused.ts";
import { findMeetingByRef, parseMeetingRef } from "./references.ts";
import { planMeetingReminders } from "./reminders.ts";
import { ownT } from "../../bot/kit/own-language.ts";
import { givenName } from "../../person-name.ts";

/** Longest agenda item title, in characters. */
export const MAX_AGENDA_TITLE = 300;

export function readyCallbackData(itemId: number): string {
  return `ag:${itemId}:r`;
}

interface AgendaArgs {
  meetingRef: string;
  /** The text naming the member ("" when a reply or a text mention names them). */
  memberRef: string;
  item: string;
  /** A member is named somehow (token, reply or text mention). */
  named: boolean;
}

/**
 * The meeting and member may come in either order (issue 9: "/agenda @member #7 item" gave the item
 * "#7 Báo cáo khác"): when no meeting came first, a "#7" right after the member names the meeting.
 * A meeting reference never stays in an item's text.
 */
function parseAgendaArgs(ctx: BotContext): AgendaArgs {
  const parsed = parseAgendaArgsInOrder(ctx);
  const first = parsed.item.split(/\s+/u)[0] ?? "";
  if (parsed.meetingRef === "" && first.startsWith("#") && typeof parseMeetingRef(first) === "number") {
    return { ...parsed, meetingRef: first, item: parsed.item.slice(first.length).trim() };
  }
  return parsed;
}

/** Splits "/agenda [#12] [@member|#3] item…", taking a text mention or a reply into account. */
function parseAgendaArgsInOrder(ctx: BotContext): AgendaArgs {
  const text = ctx.msg?.text ?? "";
  const args = (typeof ctx.match === "string" ? ctx.match : "").trim();
  const firstToken = args.split(/\s+/)[0] ?? "";
  const hasMeetingRef = firstToken !== "" && typeof parseMeetingRef(firstToken) === "number";
  const meetingRef = hasMeetingRef ? firstToken : "";
  let rest = hasMeetingRef ? args.slice(firstToken.length).trim() : args;

  // A text mention (a member without a username) spans the name; the item is what follows it.
  const mention = ctx.msg?.entities?.find((e) => e.type === "text_mention");
  if (mention) {
    const mentionText = text.slice(mention.offset, mention.offset + mention.length);
    const at = rest.indexOf(mentionText);
    if (at === 0)
      return { meetingRef, memberRef: "", item: rest.slice(mentionText.length).trim(), named: true };
  }
  const memberToken = rest.split(/\s+/)[0] ?? "";
  if (memberToken !== "" && isCompactMemberRef(memberToken)) {
    rest = rest.slice(memberToken.length).trim();
    return { meetingRef, memberRef: memberToken, item: rest, named: true };
  }
  const replied = ctx.msg?.reply_to_message?.from;
  const byReply = replied !== undefined && !replied.is_bot;
  return { meetingRef, memberRef: "", item: rest, named: byReply };
}

export function createAgendaFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("agenda", async (ctx) => {
    const parsed = parseAgendaArgs(ctx);
    if (parsed.item === "" && parsed.memberRef === "") {
      await listAgenda(ctx, parsed.meetingRef);
      return;
    }
    const cell = await resolveCommandCell(ctx, "manager");
    if (!cell) return;
    if (!parsed.named || parsed.item === "") {
      await ctx.reply(ctx.t("agenda-usage"));
      return;
    }
    // "/agenda #7 @member #8 item": two meetings named; which one is meant is not guessed.
    const leading = parsed.item.split(/\s+/u)[0] ?? "";
    if (leading.startsWith("#") && typeof parseMeetingRef(leading) === "number") {
      await ctx.reply(ctx.t("agenda-usage"));
      return;
    }
    if ([...parsed.item].length > MAX_AGENDA_TITLE) {
      await ctx.reply(ctx.t("agenda-item-too-long", { max: MAX_AGENDA_TITLE }));
      return;
    }
    const meeting = await findMeetingByRef(ctx, cell.id, parsed.meetingRef);
    if (!meeting) return;
    if (meeting.state !== "planned") {
      await ctx.reply(ctx.t("agenda-meeting-not-open", { ref: meeting.number }));
      return;
    }
    const member = await resolveMemberRef(ctx, cell.id, parsed.memberRef);
    if (!member) return;

    const { repos, translate } = ctx.services;
    const item = await repos.agenda.add(meeting.id, member.memberId, parsed.item);
    await planMeetingReminders(ctx.services, meeting.id);

    // The member is told in their own language.
    const owner = await repos.members.findById(member.memberId);
    const loc = await cellLocale(ctx.services, cell.id);
    const locale = owner?.locale ?? loc.locale;
    const assigner = ctx.caller?.member?.fullName ?? ctx.caller?.member?.displayName ?? ctx.from!.first_name;
    const sent = await sendPrivately(
      ctx.services,
      ctx.api,
      member,
      translate(locale, "agenda-assigned", {
        name: givenName(member),
        assigner: clip(assigner, 64),
        cell: cell.name,
        ref: meeting.number,
        when: formatDateTime(meeting.startsAt, loc.timeZone, locale),
        item: item.title,
      }),
      {
        reply_markup: new InlineKeyboard().text(
          translate(locale, "agenda-ready-button"),
          readyCallbackData(item.id),
        ),
      },
      { meetingId: meeting.id, agendaItemId: item.id },
    );
    if (sent.status === "sent") {
      await ctx.reply(
        ctx.t("agenda-added", { name: memberName(member), ref: meeting.number, item: item.title }),
      );
    } else {
      await ctx.reply(
        ctx.t("agenda-added-unreachable", {
          name: memberName(member),
          ref: meeting.number,
          item: item.title,
          link: privateRemindersUrl(ctx.me.username),
        }),
        { reply_markup: new InlineKeyboard().add(privateRemindersButton(ctx)) },
      );
    }
  });

  feature.callbackQuery(/^ag:(\d{1,9}):r$/, async (ctx) => {
    const { repos, clock } = ctx.services;
    const item = await repos.agenda.get(Number(ctx.match[1]));
    const meeting = item ? await repos.meetings.get(item.meetingId) : null;
    if (!item || !meeting) {
      await ctx.answerCallbackQuery({ text: ownT(ctx)("button-expired") });
      return;
    }
    if (item.ownerTelegramId === null || item.ownerTelegramId !== ctx.from.id) {
      ctx.log.info({ from: ctx.from.id, itemId: item.id }, "refused: agenda item of someone else");
      await ctx.answerCallbackQuery({ text: ownT(ctx)("button-not-for-you"), show_alert: true });
      return;
    }
    if (await refusedAsPaused(ctx, await repos.cells.get(meeting.cellId))) return;
    if (meeting.state !== "planned" && meeting.state !== "in_progress") {
      await ctx.answerCallbackQuery({ text: ownT(ctx)("agenda-ready-meeting-over") });
      return;
    }
    const changed = await repos.agenda.markReady(item.id, clock.now());
    await ctx.answerCallbackQuery({
      text: ownT(ctx)(changed ? "agenda-ready-done" : "agenda-ready-already"),
    });
    if (changed) await planMeetingReminders(ctx.services, meeting.id);
    const original = ctx.callbackQuery.message?.text;
    if (original !== undefined) await editPressed(ctx, `${original}\n\n${ctx.t("agenda-ready-marked")}`);
  });

  return feature;
}

/** `/agenda [#meeting]`: every part with its owner and readiness (members of the cell may look). */
async function listAgenda(ctx: BotContext, meetingRef: string): Promise<void> {
  const cell = await resolveCommandCell(ctx, "member");
  if (!cell) return;
  const meeting = await findMeetingByRef(ctx, cell.id, meetingRef);
  if (!meeting) return;
  const items = await ctx.services.repos.agenda.listForMeeting(meeting.id);
  await ctx.reply(await agendaText(ctx, meeting, items));
}

async function agendaText(ctx: BotContext, meeting: MeetingView, items: AgendaItemView[]): Promise<string> {
  const loc = await cellLocale(ctx.services, meeting.cellId);
  const locale = await ctx.i18n.getLocale();
  const lines = [
    ctx.t("agenda-list-header", {
      ref: meeting.number,
      when: formatDateTime(meeting.startsAt, loc.timeZone, locale),
    }),
  ];
  if (items.length === 0) lines.push(ctx.t("agenda-list-empty", { ref: meeting.number }));
  items.forEach((item, i) => {
    const owner = item.ownerFullName ?? item.ownerDisplayName;
    lines.push(
      ctx.t("agenda-list-line", {
        index: i + 1,
        item: clip(item.title, MAX_AGENDA_TITLE),
        name: owner ? clip(owner, 64) : ctx.t("agenda-no-owner"),
        ready: item.ready ? "yes" : "no",
      }),
    );
  });
  const notReady = items.filter((i) => !i.ready).length;
  if (items.length > 0)
    lines.push(ctx.t("agenda-list-summary", { ready: items.length - notReady, total: items.length }));
  return lines.join("\n");
}
