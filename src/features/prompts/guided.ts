// `/ask` alone: the guided flow (PRODUCT §4D, issue 11), always in the secretary's private chat.
// Buttons choose the kind of question (options, yes/no, a 1–5 rating, free text), anonymity, the
// deadline ("1 ngày", "3 ngày", "cuối tuần", "không hạn", or a date typed and read by src/datetime)
// and who is asked (the cell, a party group, or members named by a typed message); then the question,
// with its options for a choice, is the next plain private message (the typed-answer protocol), and
// the flow ends in the same preview as the typed /ask (preview.ts). Between steps the state is the
// button data (`pkg:<cell>:<kind>:<anon>:<due>:<audience>`) or the pending question's payload, never
// memory; every step re-checks in the database that the presser still manages the cell.
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { isCellManager } from "../../bot/cell-access.ts";
import { CALLBACK_ANSWER_MAX, clip } from "../../bot/kit/clip.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { sendPrivately } from "../../bot/kit/send-privately.ts";
import { askTyped, onTypedAnswer, type TypedPayload } from "../../bot/kit/typed-answer.ts";
import { cleanText } from "../../clean-text.ts";
import { addDays, addLocalDays, localDateOf, weekdayOf, zonedTimeToUtc } from "../../datetime/calendar.ts";
import { formatDateTime } from "../../datetime/format.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { QuestionKind } from "../../db/repositories/prompts.ts";
import { answerMemberLookup, isCompactMemberRef, lookupMemberRef } from "../members/member-ref.ts";
import { cellLocale } from "../meetings/announcement.ts";
import { refusedAsPaused } from "../meetings/paused.ts";
import { privateRemindersButton } from "../reach/reach.ts";
import {
  MIN_ANONYMOUS,
  choiceProblem,
  lastMinuteOfDay,
  questionProblem,
  readDeadline,
  type AskProblem,
} from "./parse.ts";
import { askProblemText, previewAsk, type AskAudienceChoice, type AskSpec } from "./preview.ts";

type Kind = "c" | "y" | "r" | "t";

const QUESTION_KINDS = { c: "choice", y: "yes_no", r: "rating", t: "text" } as const satisfies Record<
  Kind,
  QuestionKind
>;
const KIND_KEYS = {
  c: "ask-guided-kind-choice",
  y: "ask-guided-kind-yes-no",
  r: "ask-guided-kind-rating",
  t: "ask-guided-kind-text",
} as const satisfies Record<Kind, string>;
const QUESTION_ASK_KEYS = {
  c: "ask-guided-question-choice",
  y: "ask-guided-question",
  r: "ask-guided-question",
  t: "ask-guided-question",
} as const satisfies Record<Kind, string>;
const DUE_KEYS = {
  "1": "ask-guided-due-1",
  "3": "ask-guided-due-3",
  w: "ask-guided-due-week",
  n: "ask-guided-due-none",
} as const;
type DuePreset = keyof typeof DUE_KEYS;

/** A step's button: the flow so far, and one choice more. */
const FLOW_RE = /^pkg:(\d{1,9}):([cyrt])(?::([01])(?::([13wnt]|@\d{1,10})(?::(a|m|g\d{1,9}))?)?)?$/;
const CANCEL_RE = /^pkg:(\d{1,9}):x$/;
const MAX_GROUP_BUTTONS = 12;

interface Flow {
  cellId: number;
  kind: Kind;
  anonymous?: boolean;
  /** A preset (1, 3, w, n) or an instant "@<minutes since 1970>". */
  due?: string;
  audience?: string;
}

function flowData(f: Flow): string {
  const parts = [String(f.cellId), f.kind];
  if (f.anonymous !== undefined) parts.push(f.anonymous ? "1" : "0");
  if (f.due !== undefined) parts.push(f.due);
  if (f.audience !== undefined) parts.push(f.audience);
  return `pkg:${parts.join(":")}`;
}

async function alert(ctx: BotContext, text: string): Promise<void> {
  await ctx.answerCallbackQuery({ text: clip(text, CALLBACK_ANSWER_MAX), show_alert: true });
}

/** The cell of a step, when the person still manages it and it is not paused; answers otherwise. */
async function guidedCell(ctx: BotContext, cellId: number): Promise<CellView | null> {
  const cell = await ctx.services.repos.cells.get(cellId);
  if (!cell || !(await isCellManager(ctx, cell))) {
    ctx.log.info({ from: ctx.from?.id, cellId }, "refused: guided /ask by someone who may not ask");
    if (ctx.callbackQuery) await alert(ctx, ctx.t("button-expired"));
    else await ctx.reply(ctx.t("button-expired"));
    return null;
  }
  if (await refusedAsPaused(ctx, cell)) return null;
  return cell;
}

/** The deadline a flow names, as an instant (null: none); a preset counts from now. */
async function dueOf(ctx: BotContext, cellId: number, due: string): Promise<Date | null> {
  if (due.startsWith("@")) return new Date(Number(due.slice(1)) * 60_000);
  const preset = due as DuePreset;
  if (preset === "n") return null;
  const loc = await cellLocale(ctx.services, cellId);
  const now = ctx.services.clock.now();
  if (preset === "1" || preset === "3") return addLocalDays(now, Number(preset), loc.timeZone);
  // The end of the coming Sunday (today, if it is Sunday), in the cell's time zone.
  const today = localDateOf(now, loc.timeZone);
  const sunday = addDays(today, (7 - weekdayOf(today)) % 7);
  return lastMinuteOfDay(zonedTimeToUtc(sunday, { hour: 12, minute: 0 }, loc.timeZone), loc.timeZone);
}

/** What is chosen so far, one line, above each step. */
async function summary(ctx: BotContext, cell: CellView, f: Flow): Promise<string> {
  const lines = [ctx.t("ask-guided-header", { cell: cell.name })];
  const chosen = [ctx.t(KIND_KEYS[f.kind])];
  if (f.anonymous !== undefined)
    chosen.push(ctx.t(f.anonymous ? "ask-guided-anonymous" : "ask-guided-named"));
  if (f.due !== undefined && f.due !== "t") {
    if (f.due.startsWith("@")) {
      const loc = await cellLocale(ctx.services, cell.id);
      const at = new Date(Number(f.due.slice(1)) * 60_000);
      chosen.push(
        ctx.t("ask-guided-due-at", { when: formatDateTime(at, loc.timeZone, await ctx.i18n.getLocale()) }),
      );
    } else chosen.push(ctx.t(DUE_KEYS[f.due as DuePreset]));
  }
  lines.push(chosen.join(" · "));
  return lines.join("\n");
}

function cancelRow(ctx: BotContext, kb: InlineKeyboard, cellId: number): InlineKeyboard {
  return kb.row().text(ctx.t("ask-drop-button"), `pkg:${cellId}:x`);
}

function kindKeyboard(ctx: BotContext, cellId: number): InlineKeyboard {
  const kb = new InlineKeyboard();
  (["c", "y", "r", "t"] as const).forEach((k, i) => {
    kb.text(ctx.t(KIND_KEYS[k]), flowData({ cellId, kind: k }));
    if (i % 2 === 1) kb.row();
  });
  return cancelRow(ctx, kb, cellId);
}

/** The next step after the buttons pressed so far: its text and buttons. */
async function stepOf(
  ctx: BotContext,
  cell: CellView,
  f: Flow,
): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const head = await summary(ctx, cell, f);
  const kb = new InlineKeyboard();
  if (f.anonymous === undefined) {
    kb.text(ctx.t("ask-guided-named"), flowData({ ...f, anonymous: false }));
    kb.text(ctx.t("ask-guided-anonymous"), flowData({ ...f, anonymous: true }));
    return {
      text: `${head}\n\n${ctx.t("ask-guided-step-anonymous")}`,
      keyboard: cancelRow(ctx, kb, cell.id),
    };
  }
  if (f.due === undefined) {
    (["1", "3", "w", "n"] as const).forEach((d, i) => {
      kb.text(ctx.t(DUE_KEYS[d]), flowData({ ...f, due: d }));
      if (i % 2 === 1) kb.row();
    });
    kb.text(ctx.t("ask-guided-due-type"), flowData({ ...f, due: "t" }));
    return { text: `${head}\n\n${ctx.t("ask-guided-step-due")}`, keyboard: cancelRow(ctx, kb, cell.id) };
  }
  kb.text(ctx.t("ask-guided-audience-cell"), flowData({ ...f, audience: "a" })).row();
  const groups = await ctx.services.repos.partyGroups.listByCell(cell.id);
  groups.slice(0, MAX_GROUP_BUTTONS).forEach((g, i) => {
    kb.text(`👥 ${clip(g.name, 30)}`, flowData({ ...f, audience: `g${g.id}` }));
    if (i % 2 === 1) kb.row();
  });
  kb.row().text(ctx.t("ask-guided-audience-members"), flowData({ ...f, audience: "m" }));
  return { text: `${head}\n\n${ctx.t("ask-guided-step-audience")}`, keyboard: cancelRow(ctx, kb, cell.id) };
}

/**
 * /ask alone. In the private chat the first step is the answer; in the group the flow moves to the
 * private chat (nothing typed for it is collected in the group), or the secretary is told how to
 * open it.
 */
export async function startGuidedAsk(ctx: BotContext, cell: CellView): Promise<void> {
  const text = `${ctx.t("ask-guided-header", { cell: cell.name })}\n\n${ctx.t("ask-guided-step-kind")}`;
  const keyboard = kindKeyboard(ctx, cell.id);
  if (ctx.chat?.type === "private") {
    await ctx.reply(text, { reply_markup: keyboard });
    return;
  }
  const sent = await sendPrivately(
    ctx.services,
    ctx.api,
    { telegramId: ctx.from!.id, reachable: ctx.caller?.member?.reachable ?? true },
    text,
    { reply_markup: keyboard },
    { cellId: cell.id },
  );
  if (sent.status === "sent") await ctx.reply(ctx.t("ask-guided-moved-private"));
  else
    await ctx.reply(ctx.t("ask-guided-open-private-first"), {
      reply_markup: new InlineKeyboard().add(privateRemindersButton(ctx)),
    });
}

type QuestionPayload = TypedPayload<"ask-question">;

/** Asks the question (and options) as the next private message. */
async function askQuestionText(ctx: BotContext, cell: CellView, payload: QuestionPayload): Promise<void> {
  await askTyped(ctx, {
    userId: ctx.from!.id,
    chatId: ctx.from!.id,
    kind: "ask-question",
    payload,
    text: `${await summary(ctx, cell, payload)}\n\n${ctx.t(QUESTION_ASK_KEYS[payload.kind])}`,
    placeholder: ctx.t("ask-guided-question-placeholder"),
  });
}

/** The question and, for a choice, its options: "question | a | b", or a line each. */
export function readGuidedQuestion(
  kind: Kind,
  typed: string,
): { question: string; options: string[] } | AskProblem {
  const text = cleanText(typed, { multiline: true });
  if (kind !== "c") {
    const question = cleanText(text);
    return questionProblem(question) ?? { question, options: [] };
  }
  const parts = (text.includes("|") ? text.split("|") : text.split("\n")).map((p) => cleanText(p));
  // Blank lines between options are only layout.
  const [question = "", ...options] = text.includes("|") ? parts : parts.filter((p) => p !== "");
  return questionProblem(question) ?? choiceProblem(options) ?? { question, options };
}

/** The members a typed message names (@username, numbers, or names separated by commas or lines). */
async function namedMembers(ctx: BotContext, cell: CellView, text: string): Promise<number[] | null> {
  const refs: string[] = [];
  for (const part of cleanText(text, { multiline: true }).split(/[,;\n]+/)) {
    const tokens = part.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) continue;
    // "@an @binh 3" lists several; "Nguyễn Văn An" is one name.
    if (tokens.every(isCompactMemberRef)) refs.push(...tokens);
    else refs.push(tokens.join(" "));
  }
  if (refs.length === 0) {
    await ctx.reply(ctx.t("ask-guided-members-empty"));
    return null;
  }
  const ids: number[] = [];
  for (const ref of refs) {
    const found = await answerMemberLookup(
      ctx,
      await lookupMemberRef(ctx.services.repos.memberships, cell.id, ref),
    );
    if (!found) return null;
    ids.push(found.memberId);
  }
  return [...new Set(ids)];
}

export function createGuidedAskFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(CANCEL_RE, async (ctx) => {
    if (!(await guidedCell(ctx, Number(ctx.match[1])))) return;
    await ctx.answerCallbackQuery();
    await editPressed(ctx, ctx.t("ask-dropped"));
  });

  feature.callbackQuery(FLOW_RE, async (ctx) => {
    // The flow lives in the private chat; a press anywhere else is forged.
    if (ctx.chat?.type !== "private") return void (await alert(ctx, ctx.t("button-expired")));
    const [, cellText, kind, anon, due, audience] = ctx.match;
    const cell = await guidedCell(ctx, Number(cellText));
    if (!cell) return;
    const f: Flow = {
      cellId: cell.id,
      kind: kind as Kind,
      ...(anon === undefined ? {} : { anonymous: anon === "1" }),
      ...(due === undefined ? {} : { due }),
    };
    if (f.due === "t") {
      await ctx.answerCallbackQuery();
      await editPressed(ctx, await summary(ctx, cell, f));
      await askTyped(ctx, {
        userId: ctx.from.id,
        chatId: ctx.from.id,
        kind: "ask-deadline",
        payload: { cellId: cell.id, kind: f.kind, anonymous: f.anonymous ?? false },
        text: ctx.t("ask-guided-due-ask"),
        placeholder: ctx.t("ask-guided-due-placeholder"),
      });
      return;
    }
    if (audience === undefined) {
      const step = await stepOf(ctx, cell, f);
      await ctx.answerCallbackQuery();
      await editPressed(ctx, step.text, { reply_markup: step.keyboard });
      return;
    }
    if (audience.startsWith("g")) {
      const group = await ctx.services.repos.partyGroups.get(Number(audience.slice(1)));
      if (!group || group.cellId !== cell.id) return void (await alert(ctx, ctx.t("button-expired")));
    }
    await ctx.answerCallbackQuery();
    await editPressed(ctx, await summary(ctx, cell, f));
    const flow = { cellId: cell.id, kind: f.kind, anonymous: f.anonymous ?? false, due: f.due ?? "n" };
    if (audience === "m") {
      await askTyped(ctx, {
        userId: ctx.from.id,
        chatId: ctx.from.id,
        kind: "ask-members",
        payload: flow,
        text: ctx.t(flow.anonymous ? "ask-guided-members-anonymous" : "ask-guided-members", {
          min: MIN_ANONYMOUS,
        }),
        placeholder: ctx.t("ask-guided-members-placeholder"),
      });
      return;
    }
    await askQuestionText(ctx, cell, { ...flow, audience, memberIds: [] });
  });

  feature.use(
    onTypedAnswer("ask-deadline", async (ctx, { payload, text }) => {
      const cell = await guidedCell(ctx, payload.cellId);
      if (!cell || text === null) return "done";
      const loc = await cellLocale(ctx.services, cell.id);
      const read = readDeadline(cleanText(text), { now: ctx.services.clock.now(), timeZone: loc.timeZone });
      if (!(read instanceof Date)) {
        await ctx.reply(askProblemText(ctx, read));
        return "keep";
      }
      const step = await stepOf(ctx, cell, { ...payload, due: `@${Math.floor(read.getTime() / 60_000)}` });
      await ctx.reply(step.text, { reply_markup: step.keyboard });
      return "done";
    }),
  );

  feature.use(
    onTypedAnswer("ask-members", async (ctx, { payload, text }) => {
      const cell = await guidedCell(ctx, payload.cellId);
      if (!cell || text === null) return "done";
      const ids = await namedMembers(ctx, cell, text);
      if (!ids) return "keep";
      if (payload.anonymous && ids.length < MIN_ANONYMOUS) {
        await ctx.reply(ctx.t("ask-anonymous-too-few", { min: MIN_ANONYMOUS }));
        return "keep";
      }
      await askQuestionText(ctx, cell, { ...payload, audience: "m", memberIds: ids });
      return "done";
    }),
  );

  feature.use(
    onTypedAnswer("ask-question", async (ctx, { payload, text }) => {
      const cell = await guidedCell(ctx, payload.cellId);
      if (!cell || text === null) return "done";
      const read = readGuidedQuestion(payload.kind, text);
      if ("problem" in read) {
        await ctx.reply(
          read.problem === "one-option" ? ctx.t("ask-guided-need-options") : askProblemText(ctx, read),
        );
        return "keep";
      }
      const audience = await audienceOf(ctx, cell, payload);
      if (!audience) return "done";
      const closesAt = await dueOf(ctx, cell.id, payload.due);
      if (closesAt !== null && closesAt.getTime() <= ctx.services.clock.now().getTime()) {
        // A typed deadline that passed while the question was being written.
        await ctx.reply(ctx.t("ask-deadline-passed"));
        return "done";
      }
      const spec: AskSpec = {
        anonymous: payload.anonymous,
        question: read.question,
        kind: QUESTION_KINDS[payload.kind],
        options: payload.kind === "y" ? [ctx.t("prompt-yes"), ctx.t("prompt-no")] : read.options,
        closesAt,
        audience,
      };
      await previewAsk(ctx, cell, spec);
      return "done";
    }),
  );

  return feature;
}

/** The audience a flow names, re-read now (a group may have been removed meanwhile). */
async function audienceOf(
  ctx: BotContext,
  cell: CellView,
  payload: QuestionPayload,
): Promise<AskAudienceChoice | null> {
  if (payload.audience === "a") return { kind: "cell" };
  if (payload.audience === "m") return { kind: "members", memberIds: payload.memberIds };
  const group = await ctx.services.repos.partyGroups.get(Number(payload.audience.slice(1)));
  if (!group || group.cellId !== cell.id) {
    await ctx.reply(ctx.t("button-expired"));
    return null;
  }
  return { kind: "group", id: group.id, name: group.name };
}
