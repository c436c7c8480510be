// Pre-meeting opinions (PRODUCT §4B): the announcement carries a deep link into the private chat;
// there the member is asked for the points they want raised and answers by replying (text or a voice
// note). The answers are stored named, as Responses to the meeting's pre_meeting prompt, and only the
// secretary sees them with /opinions — never the group.
import { Composer, GrammyError, InlineKeyboard, type Api, type RawApi } from "grammy";
import type { Message } from "grammy/types";
import type { BotContext, BotServices } from "../../bot/context.ts";
import { resolveCommandCell, roleInCell } from "../../bot/cell-access.ts";
import { formatDateTime, formatWeekdayShortDate, formatTime } from "../../datetime/format.ts";
import type { MeetingView } from "../../db/repositories/meetings.ts";
import type { OpinionView } from "../../db/repositories/opinions.ts";
import { clip } from "../members/member-ref.ts";
import { privateRemindersButton } from "../reach/reach.ts";
import { cellLocale } from "./announcement.ts";
import { findMeetingByRef } from "./references.ts";

export {
  opinionButton,
  opinionUrl,
  OPINION_PAYLOAD_PREFIX,
  type OpinionButtonSource,
} from "./opinion-link.ts";
import { cleanText } from "../../clean-text.ts";

/** Only the opinion question (opinions-ask) starts with this mark: a reply to it is an opinion. */
const QUESTION_MARK = "💬";
/** Texts sent to the secretary are cut into messages of at most this many characters. */
const CHUNK = 3500;

/** Sends a private message; false when the member cannot be reached (never opened the bot, blocked it). */
export async function trySendPrivately(
  api: Api<RawApi>,
  services: BotServices,
  telegramId: number | null,
  text: string,
  other: Parameters<Api["sendMessage"]>[2] = {},
): Promise<Message.TextMessage | null> {
  if (telegramId === null) return null;
  try {
    return await api.sendMessage(telegramId, text, other);
  } catch (err) {
    if (err instanceof GrammyError && (err.error_code === 403 || err.error_code === 400)) {
      if (err.error_code === 403)
        await services.repos.members.markUnreachable(telegramId, services.clock.now());
      services.logger.info({ telegramId, code: err.error_code }, "member not reachable privately");
      return null;
    }
    throw err;
  }
}

/** Whether members may still send points for this meeting. */
function isOpenForOpinions(meeting: MeetingView, now: Date): boolean {
  return meeting.state === "planned" && meeting.startsAt.getTime() > now.getTime();
}

export function createOpinionsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  // /start o_<meetingId> in private chat; other payloads go on to the next /start handler.
  feature.command("start", async (ctx, next) => {
    if (ctx.chat.type !== "private") return next();
    const m = /^o_(\d{1,9})$/.exec(ctx.match.trim());
    if (!m) return next();
    const meeting = await ctx.services.repos.meetings.get(Number(m[1]));
    if (!meeting || !(await mayGiveOpinion(ctx, meeting))) return;
    const loc = await cellLocale(ctx.services, meeting.cellId);
    const locale = await ctx.i18n.getLocale();
    await ctx.reply(
      ctx.t("opinions-ask", {
        ref: meeting.id,
        when: formatDateTime(meeting.startsAt, loc.timeZone, locale),
      }),
      { reply_markup: { force_reply: true, input_field_placeholder: ctx.t("opinions-placeholder") } },
    );
  });

  // A reply (text or voice) to the question above.
  feature.on(["message:text", "message:voice"], async (ctx, next) => {
    const replied = ctx.msg.reply_to_message;
    if (ctx.chat.type !== "private" || !replied || replied.from?.id !== ctx.me.id) return next();
    const question = replied.text ?? "";
    const ref = question.startsWith(QUESTION_MARK) ? /#(\d{1,9})/.exec(question) : null;
    if (!ref) return next();
    const text = ctx.msg.text ?? null;
    if (text !== null && text.startsWith("/")) return next();
    const { repos, clock } = ctx.services;
    const meeting = await repos.meetings.get(Number(ref[1]));
    if (!meeting || !(await mayGiveOpinion(ctx, meeting))) return;
    const cell = await repos.cells.get(meeting.cellId);
    const member = ctx.caller?.member;
    if (!cell || !member) return;
    const trimmed = text === null ? null : cleanText(text, { multiline: true });
    if (trimmed === "") {
      await ctx.reply(ctx.t("opinions-empty"));
      return;
    }
    const now = clock.now();
    await repos.opinions.add(
      {
        organisationId: cell.organisationId,
        cellId: cell.id,
        meetingId: meeting.id,
        createdByMemberId: null,
        opensAt: now,
        closesAt: meeting.startsAt,
        questionText: ctx.t("opinions-question-text"),
      },
      member.id,
      { text: trimmed, voiceFileId: ctx.msg.voice?.file_id ?? null },
      now,
    );
    await ctx.reply(ctx.t("opinions-thanks", { ref: meeting.id }));
  });

  feature.command("opinions", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "manager");
    if (!cell) return;
    const meeting = await findMeetingByRef(ctx, cell.id, ctx.match);
    if (!meeting) return;
    const { repos } = ctx.services;
    const opinions = await repos.opinions.listForMeeting(meeting.id);
    const loc = await cellLocale(ctx.services, cell.id);
    const locale = await ctx.i18n.getLocale();
    const header = ctx.t("opinions-list-header", {
      ref: meeting.id,
      when: formatDateTime(meeting.startsAt, loc.timeZone, locale),
      count: opinions.length,
    });
    const lines =
      opinions.length === 0
        ? [ctx.t("opinions-list-empty")]
        : opinions.map((o, i) => opinionLine(ctx, o, i + 1, loc.timeZone, locale));
    const messages = chunk([header, ...lines]);
    if (ctx.chat.type === "private") {
      for (const text of messages) await ctx.reply(text);
      return;
    }
    // In the group the list is never posted: it goes to the caller privately.
    let delivered = true;
    for (const text of messages) {
      if (!(await trySendPrivately(ctx.api, ctx.services, ctx.from?.id ?? null, text))) {
        delivered = false;
        break;
      }
    }
    if (delivered) await ctx.reply(ctx.t("opinions-sent-privately"));
    else
      await ctx.reply(ctx.t("opinions-open-private-first"), {
        reply_markup: new InlineKeyboard().add(privateRemindersButton(ctx)),
      });
  });

  return feature;
}

/** The caller is an active member of the meeting's cell and the meeting has not started. Replies if not. */
async function mayGiveOpinion(ctx: BotContext, meeting: MeetingView): Promise<boolean> {
  const cell = await ctx.services.repos.cells.get(meeting.cellId);
  if (!cell?.active || roleInCell(ctx.caller, meeting.cellId) === null) {
    await ctx.reply(ctx.t("opinions-not-member"));
    return false;
  }
  if (!isOpenForOpinions(meeting, ctx.services.clock.now())) {
    await ctx.reply(ctx.t("opinions-closed", { ref: meeting.id }));
    return false;
  }
  return true;
}

function opinionLine(
  ctx: BotContext,
  o: OpinionView,
  index: number,
  timeZone: string,
  locale: string,
): string {
  const name = clip(o.fullName ?? o.displayName ?? ctx.t("opinions-someone"), 64);
  const when = `${formatWeekdayShortDate(o.answeredOn, timeZone, locale)} ${formatTime(o.answeredOn, timeZone)}`;
  const body = o.text ?? ctx.t("opinions-voice");
  return ctx.t("opinions-list-line", { index, name, when, text: body });
}

/** Joins lines into messages no longer than CHUNK characters (a longer line is cut). */
function chunk(lines: string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = clip(raw, CHUNK);
    if (current !== "" && current.length + 1 + line.length > CHUNK) {
      out.push(current);
      current = line;
    } else {
      current = current === "" ? line : `${current}\n${line}`;
    }
  }
  if (current !== "") out.push(current);
  return out;
}
