// Pre-meeting opinions (PRODUCT §4B): the announcement carries a deep link into the private chat;
// there the member is asked for the points they want raised and sends them (text or voice notes, as
// many as they like until they press [Thôi] or the meeting starts). The answers are stored named, as
// Responses to the meeting's pre_meeting prompt (src/features/prompts/), and only the secretary sees
// them with /opinions — never the group.
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { resolveCommandCell, roleInCell } from "../../bot/cell-access.ts";
import { clip } from "../../bot/kit/clip.ts";
import { sendPrivatelyAll } from "../../bot/kit/send-privately.ts";
import { askTyped, onTypedAnswer } from "../../bot/kit/typed-answer.ts";
import { formatDateTime, formatWeekdayShortDate, formatTime } from "../../datetime/format.ts";
import type { MeetingView } from "../../db/repositories/meetings.ts";
import type { ResponseView } from "../../db/repositories/prompts.ts";
import { MAX_ANSWER_TEXT, meetingPrompt, recordAnswer } from "../prompts/answers.ts";
import { privateRemindersButton } from "../reach/reach.ts";
import { cellLocale } from "./announcement.ts";
import { refusedAsPaused } from "./paused.ts";
import { findMeetingByRef } from "./references.ts";

export {
  opinionButton,
  opinionUrl,
  OPINION_PAYLOAD_PREFIX,
  type OpinionButtonSource,
} from "./opinion-link.ts";

/** Texts sent to the secretary are cut into messages of at most this many characters. */
const CHUNK = 3500;

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
    await askTyped(ctx, {
      userId: ctx.chat.id,
      chatId: ctx.chat.id,
      kind: "opinion",
      payload: { meetingId: meeting.id },
      text: ctx.t("opinions-ask", {
        ref: meeting.number,
        when: formatDateTime(meeting.startsAt, loc.timeZone, locale),
      }),
      placeholder: ctx.t("opinions-placeholder"),
      // Points are taken until the meeting starts.
      expiresAt: meeting.startsAt,
    });
  });

  // A point (text or voice): the member's next private messages. The question stays open for more.
  feature.use(
    onTypedAnswer("opinion", async (ctx, answer) => {
      const { repos } = ctx.services;
      const meeting = await repos.meetings.get(answer.payload.meetingId);
      if (!meeting || !(await mayGiveOpinion(ctx, meeting))) return "done";
      const cell = await repos.cells.get(meeting.cellId);
      const member = ctx.caller?.member;
      if (!cell || !member) return "done";
      const loc = await cellLocale(ctx.services, cell.id);
      let prompt = await meetingPrompt(ctx.services, {
        organisationId: cell.organisationId,
        cellId: cell.id,
        meetingId: meeting.id,
        kind: "pre_meeting",
        anonymous: false,
        createdByMemberId: null,
        closesAt: meeting.startsAt,
        questions: [{ kind: "text", text: ctx.t("opinions-question-text") }],
      });
      // The prompt closes when the meeting starts, and a meeting may have been moved since.
      if (prompt.closesAt?.getTime() !== meeting.startsAt.getTime()) {
        prompt = await repos.prompts.setClosesAt(prompt.id, meeting.startsAt);
      }
      const result = await recordAnswer(ctx.services, {
        prompt,
        questionId: prompt.questions[0]!.id,
        memberId: member.id,
        answer: { text: answer.text, voiceFileId: answer.voiceFileId },
        timeZone: loc.timeZone,
      });
      if (!result.ok) {
        if (result.problem === "closed") {
          await ctx.reply(ctx.t("opinions-closed", { ref: meeting.number }));
          return "done";
        }
        await ctx.reply(
          ctx.t(result.problem === "too-long" ? "opinions-too-long" : "opinions-empty", {
            max: MAX_ANSWER_TEXT,
          }),
        );
        return "keep";
      }
      await ctx.reply(ctx.t("opinions-thanks", { ref: meeting.number }));
      return "keep";
    }),
  );

  feature.command("opinions", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "manager");
    if (!cell) return;
    const meeting = await findMeetingByRef(ctx, cell.id, ctx.match);
    if (!meeting) return;
    const { repos } = ctx.services;
    const prompt = await repos.prompts.findForMeeting(meeting.id, "pre_meeting");
    const opinions = prompt ? await repos.prompts.listAnswers(prompt.id) : [];
    const loc = await cellLocale(ctx.services, cell.id);
    const locale = await ctx.i18n.getLocale();
    const header = ctx.t("opinions-list-header", {
      ref: meeting.number,
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
    const sent = await sendPrivatelyAll(
      ctx.services,
      ctx.api,
      ctx.from!.id,
      messages,
      {},
      { meetingId: meeting.id },
    );
    if (sent.status === "sent") await ctx.reply(ctx.t("opinions-sent-privately"));
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
  if (!cell || roleInCell(ctx.caller, meeting.cellId) === null) {
    await ctx.reply(ctx.t("opinions-not-member"));
    return false;
  }
  if (await refusedAsPaused(ctx, cell)) return false;
  if (!isOpenForOpinions(meeting, ctx.services.clock.now())) {
    await ctx.reply(ctx.t("opinions-closed", { ref: meeting.number }));
    return false;
  }
  return true;
}

function opinionLine(
  ctx: BotContext,
  o: ResponseView,
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
