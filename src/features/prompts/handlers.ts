// The prompts' commands and buttons (PRODUCT §4D): /ask with its preview, answering by a tap (in the
// group or privately) or by a typed or spoken answer in the private chat, /close_ask, /results with
// the group summary button, /asks. Every press is re-checked in the database: the prompt, the
// question and the value must belong together, the presser must be in the prompt's audience, and the
// prompt must be open. Nothing here logs what anyone answered.
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { hasPower, isCellManager, resolveCommandCell, roleInCell } from "../../bot/cell-access.ts";
import { commandCell, onCellPicked } from "../../bot/kit/cell-picker.ts";
import { CALLBACK_ANSWER_MAX, clip } from "../../bot/kit/clip.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { sendPrivatelyAll } from "../../bot/kit/send-privately.ts";
import { askTyped, dropPressedQuestion, onTypedAnswer } from "../../bot/kit/typed-answer.ts";
import { foldText } from "../../clean-text.ts";
import { formatDateTime } from "../../datetime/format.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { AnswerInput, PromptView } from "../../db/repositories/prompts.ts";
import { lookupMemberRef, answerMemberLookup } from "../members/member-ref.ts";
import { cellLocale } from "../meetings/announcement.ts";
import { refusedAsPaused } from "../meetings/paused.ts";
import { privateRemindersButton } from "../reach/reach.ts";
import { MAX_ANSWER_TEXT, isOpen, recordAnswer, type AnswerProblem } from "./answers.ts";
import { createGuidedAskFeature, startGuidedAsk } from "./guided.ts";
import { isProblem, parseAsk } from "./parse.ts";
import { askProblemText, previewAsk, type AskAudienceChoice } from "./preview.ts";
import { ANSWER_PAYLOAD_PREFIX, PROMPT_DATA, answerLabel, translatorFor } from "./render.ts";
import { renderResults } from "./results.ts";
import {
  audienceMember,
  openingRows,
  privateQuestion,
  promptCounts,
  promptKeyPrefix,
  refreshRow,
} from "./service.ts";
import { PROMPT_CLOSE_KIND } from "./service.ts";

const ANSWER_RE = new RegExp(`^${PROMPT_DATA}:a:(\\d{1,9}):(\\d{1,9}):(\\d{1,2})$`);
const WRITE_RE = new RegExp(`^${PROMPT_DATA}:t:(\\d{1,9}):(\\d{1,9})$`);
const DRAFT_RE = new RegExp(`^${PROMPT_DATA}:([px]):(\\d{1,9})$`);
const SUMMARY_RE = new RegExp(`^${PROMPT_DATA}:s:(\\d{1,9})$`);
const SKIP_WORDS_RE = new RegExp(`^${PROMPT_DATA}:k:(\\d{1,9}):(\\d{1,9})$`);

/** How far back /asks lists closed prompts. */
const RECENT_DAYS = 60;

const ANSWER_PROBLEM_KEYS = {
  closed: "prompt-answer-closed",
  "unknown-question": "prompt-answer-unknown",
  empty: "prompt-answer-empty",
  "too-long": "prompt-answer-too-long",
  unfit: "prompt-answer-unknown",
  locked: "prompt-answer-locked",
} as const satisfies Record<AnswerProblem, string>;

/** A prompt of the cell the caller may manage (secretary, deputy, admin), or null after a reply. */
async function managedPrompt(ctx: BotContext, cell: CellView, ref: string): Promise<PromptView | null> {
  const id = /^#?(\d{1,9})$/.exec(ref.trim());
  if (!id) {
    await ctx.reply(ctx.t("prompt-ref-usage"));
    return null;
  }
  const prompt = await ctx.services.repos.prompts.get(Number(id[1]));
  // Another cell's prompt reads as unknown: its existence is not this caller's business.
  if (!prompt || prompt.cellId !== cell.id || prompt.kind === "pre_meeting" || prompt.state === "draft") {
    await ctx.reply(ctx.t("prompt-not-found", { ref: clip(ref.trim(), 20) }));
    return null;
  }
  return prompt;
}

const ASK_PICKER = { command: "ask", power: "manager" } as const;

export function createPromptsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(createGuidedAskFeature());

  feature.command("ask", async (ctx) => {
    const cell = await commandCell(ctx, ASK_PICKER);
    if (!cell) return;
    await ask(ctx, cell, ctx.match);
  });
  feature.use(onCellPicked(ASK_PICKER, (ctx, cell, args) => ask(ctx, cell, args)));

  /** `/ask …` for a cell, typed or picked. */
  async function ask(ctx: BotContext, cell: CellView, args: string): Promise<void> {
    if (await refusedAsPaused(ctx, cell)) return;
    // /ask alone: the guided flow with buttons, in the private chat.
    if (args.trim() === "") {
      await startGuidedAsk(ctx, cell);
      return;
    }
    const { repos, clock } = ctx.services;
    const loc = await cellLocale(ctx.services, cell.id);
    const parsed = parseAsk(args, { now: clock.now(), timeZone: loc.timeZone });
    if (isProblem(parsed)) {
      await ctx.reply(askProblemText(ctx, parsed));
      return;
    }
    // The audience, resolved in the cell.
    let audience: AskAudienceChoice = { kind: "cell" };
    if (parsed.audience.kind === "group") {
      const wanted = foldText(parsed.audience.name);
      const group = (await repos.partyGroups.listByCell(cell.id)).find(
        (g) => foldText(g.name) === wanted || foldText(`tổ ${g.name}`) === wanted,
      );
      if (!group) {
        await ctx.reply(ctx.t("ask-group-unknown", { name: clip(parsed.audience.name, 40) }));
        return;
      }
      audience = { kind: "group", id: group.id, name: group.name };
    } else if (parsed.audience.kind === "members") {
      const targets: number[] = [];
      for (const ref of parsed.audience.refs) {
        const found = await answerMemberLookup(ctx, await lookupMemberRef(repos.memberships, cell.id, ref));
        if (!found) return;
        targets.push(found.memberId);
      }
      audience = { kind: "members", memberIds: [...new Set(targets)] };
    }
    await previewAsk(ctx, cell, {
      anonymous: parsed.anonymous,
      question: parsed.question,
      kind: parsed.kind,
      options: parsed.options,
      closesAt: parsed.closesAt ?? "default",
      audience,
    });
  }

  // The preview's [Đăng] / [Hủy].
  feature.callbackQuery(DRAFT_RE, async (ctx) => {
    const [, action, idText] = ctx.match;
    const { repos, clock, scheduler } = ctx.services;
    const prompt = await repos.prompts.get(Number(idText));
    const cell = prompt?.cellId ? await repos.cells.get(prompt.cellId) : null;
    if (!prompt || !cell || !(await isCellManager(ctx, cell))) {
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
      return;
    }
    if (prompt.state !== "draft") {
      await ctx.answerCallbackQuery({ text: ctx.t("ask-already-posted", { ref: prompt.id }) });
      return;
    }
    if (action === "x") {
      await repos.prompts.deleteDraft(prompt.id);
      await ctx.answerCallbackQuery();
      await editPressed(ctx, ctx.t("ask-dropped"));
      return;
    }
    if (await refusedAsPaused(ctx, cell)) return;
    const now = clock.now();
    // The preview fixed the deadline (null: open until /close_ask).
    const closesAt = prompt.closesAt;
    if (closesAt !== null && closesAt.getTime() <= now.getTime()) {
      await ctx.answerCallbackQuery({ text: ctx.t("ask-deadline-passed"), show_alert: true });
      return;
    }
    if (!(await repos.prompts.transition(prompt.id, "draft", "open", { opensAt: now, closesAt }))) {
      await ctx.answerCallbackQuery({ text: ctx.t("ask-already-posted", { ref: prompt.id }) });
      return;
    }
    const opened = { ...prompt, opensAt: now, closesAt };
    // A part of the cell is also asked privately; the whole cell sees the group post.
    const askPrivately =
      prompt.audience === "cell" && cell.chatId !== null
        ? []
        : (await repos.prompts.audience(prompt)).map((m) => m.memberId);
    await repos.outbox.schedule(
      openingRows(opened, { groupChatId: cell.chatId, post: true, askMemberIds: askPrivately }),
    );
    scheduler.wake();
    await ctx.answerCallbackQuery();
    await editPressed(ctx, ctx.t("ask-posted", { ref: prompt.id }));
  });

  // An answer by a tap: pk:a:<prompt>:<question>:<value>.
  feature.callbackQuery(ANSWER_RE, async (ctx) => {
    const [, p, q, v] = ctx.match;
    const prompt = await ctx.services.repos.prompts.get(Number(p));
    const question = prompt?.questions.find((x) => x.id === Number(q));
    if (!prompt || !question || prompt.state === "draft") {
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
      return;
    }
    const value = Number(v);
    const answer: AnswerInput = question.kind === "rating" ? { rating: value } : { choice: value };
    const done = await answerPrompt(ctx, prompt, question.id, answer);
    if (!done.ok) {
      await ctx.answerCallbackQuery({ text: clip(done.text, CALLBACK_ANSWER_MAX), show_alert: true });
      return;
    }
    const t = ctx.t.bind(ctx);
    const label = answerLabel((key, vars) => t(key, vars), question, value);
    await ctx.answerCallbackQuery({
      text: clip(
        ctx.t(done.changed ? "prompt-answer-changed" : "prompt-answer-recorded", { answer: label }),
        CALLBACK_ANSWER_MAX,
      ),
    });
    // In the private chat the next question follows (after the optional words, where they are asked).
    if (ctx.chat?.type !== "private") return;
    if (wantsWords(prompt, question.position)) await askWords(ctx, prompt, question.id, value);
    else await askNext(ctx, prompt, question.id);
  });

  // The optional words after a choice, typed or spoken: stored with the choice, which is kept.
  feature.use(
    onTypedAnswer("prompt-words", async (ctx, { payload, text, voiceFileId }) => {
      const prompt = await ctx.services.repos.prompts.get(payload.promptId);
      if (!prompt) return "done";
      const done = await answerPrompt(ctx, prompt, payload.questionId, {
        choice: payload.choice,
        text,
        voiceFileId,
      });
      if (!done.ok) {
        await ctx.reply(done.text);
        return done.keep ? "keep" : "done";
      }
      await ctx.reply(ctx.t("prompt-words-recorded"));
      await askNext(ctx, prompt, payload.questionId);
      return "done";
    }),
  );

  // [Bỏ qua] on the optional words: no words, on to the next question.
  feature.callbackQuery(SKIP_WORDS_RE, async (ctx) => {
    const prompt = await ctx.services.repos.prompts.get(Number(ctx.match[1]));
    const question = prompt?.questions.find((x) => x.id === Number(ctx.match[2]));
    if (!prompt || !question || ctx.chat?.type !== "private" || !(await dropPressedQuestion(ctx))) {
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
      return;
    }
    const refusal = await answerRefusal(ctx, prompt);
    if (refusal) {
      await ctx.answerCallbackQuery({ text: clip(refusal, CALLBACK_ANSWER_MAX), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await askNext(ctx, prompt, question.id);
  });

  // [✍️ Trả lời] in the private chat: the typed answer is asked for.
  feature.callbackQuery(WRITE_RE, async (ctx) => {
    const [, p, q] = ctx.match;
    const prompt = await ctx.services.repos.prompts.get(Number(p));
    const question = prompt?.questions.find((x) => x.id === Number(q));
    if (!prompt || !question || question.kind !== "text" || ctx.chat?.type !== "private") {
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
      return;
    }
    const refusal = await answerRefusal(ctx, prompt);
    if (refusal) {
      await ctx.answerCallbackQuery({ text: clip(refusal, CALLBACK_ANSWER_MAX), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await askText(ctx, prompt, question.id);
  });

  feature.use(
    onTypedAnswer("prompt-answer", async (ctx, answer) => {
      const prompt = await ctx.services.repos.prompts.get(answer.payload.promptId);
      if (!prompt) return "done";
      const done = await answerPrompt(ctx, prompt, answer.payload.questionId, {
        text: answer.text,
        voiceFileId: answer.voiceFileId,
      });
      if (!done.ok) {
        await ctx.reply(done.text);
        return done.keep ? "keep" : "done";
      }
      await ctx.reply(ctx.t(done.changed ? "prompt-text-changed" : "prompt-text-recorded"));
      await askNext(ctx, prompt, answer.payload.questionId);
      return "done";
    }),
  );

  // A member's reply to the prompt's group post, typed or spoken, answers its free-text question.
  // Nothing here logs the member with the prompt or the answer.
  feature.on(["message:text", "message:voice"], async (ctx, next) => {
    const replyTo = ctx.msg.reply_to_message;
    if (ctx.chat.type === "private" || !replyTo || replyTo.from?.id !== ctx.me.id) return next();
    if ((ctx.msg.entities ?? []).some((e) => e.type === "bot_command" && e.offset === 0)) return next();
    const prompt = await ctx.services.repos.prompts.findByAnnouncement(ctx.chat.id, replyTo.message_id);
    if (!prompt || prompt.state === "draft") return next();
    const replyHere = (text: string) =>
      ctx.reply(text, {
        reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
      });
    const question = prompt.questions.length === 1 ? prompt.questions[0] : undefined;
    if (question?.kind !== "text") {
      await replyHere(ctx.t("prompt-reply-use-buttons"));
      return;
    }
    const done = await answerPrompt(ctx, prompt, question.id, {
      text: ctx.msg.text ?? null,
      voiceFileId: ctx.msg.voice?.file_id ?? null,
    });
    if (!done.ok) {
      await replyHere(done.text);
      return;
    }
    if (!prompt.anonymous) {
      await replyHere(ctx.t(done.changed ? "prompt-text-changed" : "prompt-text-recorded"));
      return;
    }
    // An anonymous answer should not stay in the group under the member's name: removed when the
    // bot may (it is an administrator of the group), otherwise the member is told how to keep it.
    const removed = await ctx.deleteMessage().then(
      () => true,
      () => false,
    );
    await ctx.reply(ctx.t(removed ? "prompt-reply-anonymous-removed" : "prompt-reply-anonymous-kept"));
  });

  feature.command("close_ask", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "manager");
    if (!cell) return;
    const prompt = await managedPrompt(ctx, cell, ctx.match);
    if (!prompt) return;
    const { repos, clock, scheduler } = ctx.services;
    const now = clock.now();
    if (!(await repos.prompts.transition(prompt.id, "open", "closed", { closesAt: now }))) {
      await ctx.reply(ctx.t("close-ask-already", { ref: prompt.id }));
      return;
    }
    const prefix = promptKeyPrefix(prompt.id);
    await repos.outbox.cancelByKeyPrefix(`${prefix}nudge:`);
    // The close row, due now: the post shows the final count and the follow-ups go out.
    await repos.outbox.reschedule(`${prefix}close`, [
      {
        key: `${prefix}close`,
        kind: PROMPT_CLOSE_KIND,
        cellId: cell.id,
        ...(prompt.announcementChatId === null ? {} : { chatId: prompt.announcementChatId }),
        payload: { promptId: prompt.id },
        dueAt: now,
      },
    ]);
    scheduler.wake();
    const counts = await promptCounts(ctx.services, prompt);
    await ctx.reply(ctx.t("close-ask-done", { ref: prompt.id, ...counts }));
  });

  feature.command("results", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "manager");
    if (!cell) return;
    const prompt = await managedPrompt(ctx, cell, ctx.match);
    if (!prompt) return;
    const { repos } = ctx.services;
    // Named self-reviews are for the secretary alone (PRODUCT §4D), not the deputies.
    if (
      prompt.kind === "self_review" &&
      roleInCell(ctx.caller, cell.id) !== "secretary" &&
      !ctx.caller?.isAdmin
    ) {
      await ctx.reply(ctx.t("results-secretary-only"));
      return;
    }
    const counts = await promptCounts(ctx.services, prompt);
    const t = translatorFor(ctx.services, await ctx.i18n.getLocale());
    const messages = renderResults(t, {
      prompt,
      answers: await repos.prompts.listAnswers(prompt.id),
      participants: (await repos.prompts.participantIds(prompt.id)).size,
      asked: counts.asked,
      withNames: true,
      withTexts: true,
    });
    const summary =
      prompt.kind === "custom" && cell.chatId !== null
        ? new InlineKeyboard().text(ctx.t("results-post-summary-button"), `${PROMPT_DATA}:s:${prompt.id}`)
        : undefined;
    // Results are never posted in the group: they go to the caller privately.
    const sent = await sendPrivatelyAll(
      ctx.services,
      ctx.api,
      ctx.from!.id,
      messages.slice(0, -1),
      {},
      { promptId: prompt.id },
    );
    const last = messages.at(-1)!;
    const result =
      messages.length > 1 && sent.status !== "sent"
        ? sent
        : await sendPrivatelyAll(
            ctx.services,
            ctx.api,
            ctx.from!.id,
            [last],
            summary ? { reply_markup: summary } : {},
            {
              promptId: prompt.id,
            },
          );
    if (ctx.chat.type === "private") return;
    if (result.status === "sent") await ctx.reply(ctx.t("results-sent-privately"));
    else
      await ctx.reply(ctx.t("results-open-private-first"), {
        reply_markup: new InlineKeyboard().add(privateRemindersButton(ctx)),
      });
  });

  // The secretary's one button: a summary without names (and without typed answers) in the group.
  feature.callbackQuery(SUMMARY_RE, async (ctx) => {
    const { repos } = ctx.services;
    const prompt = await repos.prompts.get(Number(ctx.match[1]));
    const cell = prompt?.cellId ? await repos.cells.get(prompt.cellId) : null;
    if (!prompt || !cell || prompt.kind !== "custom" || !(await isCellManager(ctx, cell))) {
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
      return;
    }
    if (cell.chatId === null || (await refusedAsPaused(ctx, cell))) {
      if (cell.chatId === null) await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
      return;
    }
    const loc = await cellLocale(ctx.services, cell.id);
    const counts = await promptCounts(ctx.services, prompt);
    const messages = renderResults(translatorFor(ctx.services, loc.locale), {
      prompt,
      answers: await repos.prompts.listAnswers(prompt.id),
      participants: (await repos.prompts.participantIds(prompt.id)).size,
      asked: counts.asked,
      withNames: false,
      withTexts: false,
    });
    for (const text of messages) await ctx.api.sendMessage(cell.chatId, text);
    await ctx.answerCallbackQuery({ text: ctx.t("results-summary-posted") });
  });

  feature.command("asks", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "member");
    if (!cell) return;
    const { repos, clock } = ctx.services;
    const since = new Date(clock.now().getTime() - RECENT_DAYS * 86_400_000);
    const manager = await hasPower(ctx, cell, "manager");
    const prompts = await repos.prompts.listForCell(cell.id, {
      // Self-reviews are listed for the managers only.
      kinds: manager ? ["custom", "post_meeting", "self_review"] : ["custom", "post_meeting"],
      since,
      limit: 15,
    });
    if (prompts.length === 0) {
      await ctx.reply(ctx.t("asks-empty"));
      return;
    }
    const loc = await cellLocale(ctx.services, cell.id);
    const locale = await ctx.i18n.getLocale();
    const lines = [ctx.t("asks-header", { cell: cell.name })];
    for (const p of prompts) {
      const counts = await promptCounts(ctx.services, p);
      lines.push(
        ctx.t("asks-line", {
          ref: p.id,
          text: clip(p.questions[0]?.text ?? "", 60),
          answered: counts.answered,
          asked: counts.asked,
          state: !isOpen(p, clock.now()) ? "closed" : p.closesAt ? "open" : "endless",
          when: p.closesAt ? formatDateTime(p.closesAt, loc.timeZone, locale) : "—",
        }),
      );
    }
    await ctx.reply(lines.join("\n"));
  });

  return feature;
}

/** /start pk_<id>: the prompt's first question in the private chat (the deep link of the group post). */
export function createPromptLinksFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("start", async (ctx, next) => {
    if (ctx.chat.type !== "private") return next();
    const m = new RegExp(`^${ANSWER_PAYLOAD_PREFIX}(\\d{1,9})$`).exec(ctx.match.trim());
    if (!m) return next();
    const prompt = await ctx.services.repos.prompts.get(Number(m[1]));
    if (!prompt || prompt.state === "draft" || prompt.kind === "pre_meeting") {
      await ctx.reply(ctx.t("button-expired"));
      return;
    }
    const refusal = await answerRefusal(ctx, prompt);
    if (refusal) {
      await ctx.reply(refusal);
      return;
    }
    await askQuestion(ctx, prompt, 0);
  });
  return feature;
}

/** Why the caller may not answer the prompt now (a localised text), or null when they may. */
async function answerRefusal(ctx: BotContext, prompt: PromptView): Promise<string | null> {
  const { repos, clock } = ctx.services;
  const cell = prompt.cellId === null ? null : await repos.cells.get(prompt.cellId);
  const member = ctx.caller?.member;
  if (!cell || !member || !(await audienceMember(ctx.services, prompt, member.id))) {
    ctx.log.info({ from: ctx.from?.id }, "refused: prompt not for this member");
    return ctx.t("prompt-not-for-you");
  }
  if (!cell.active) return ctx.t("prompt-cell-paused", { cell: cell.name });
  if (!isOpen(prompt, clock.now())) return ctx.t("prompt-answer-closed");
  return null;
}

type Answered = { ok: true; changed: boolean } | { ok: false; text: string; keep: boolean };

/** Records the caller's answer after every check; on success re-arms the group post's count. */
async function answerPrompt(
  ctx: BotContext,
  prompt: PromptView,
  questionId: number,
  answer: AnswerInput,
): Promise<Answered> {
  const refusal = await answerRefusal(ctx, prompt);
  if (refusal) return { ok: false, text: refusal, keep: false };
  const loc = await cellLocale(ctx.services, prompt.cellId!);
  const result = await recordAnswer(ctx.services, {
    prompt,
    questionId,
    memberId: ctx.caller!.member!.id,
    answer,
    timeZone: loc.timeZone,
  });
  if (!result.ok) {
    const keep = result.problem === "empty" || result.problem === "too-long";
    return { ok: false, text: ctx.t(ANSWER_PROBLEM_KEYS[result.problem], { max: MAX_ANSWER_TEXT }), keep };
  }
  if (prompt.announcementChatId !== null) {
    await ctx.services.repos.outbox.rearm(refreshRow(prompt, ctx.services.clock.now()));
  }
  return { ok: true, changed: result.changed };
}

/** Asks the typed answer of a free-text question in the private chat (after `preface`, if given). */
async function askText(
  ctx: BotContext,
  prompt: PromptView,
  questionId: number,
  preface?: string,
): Promise<void> {
  const index = prompt.questions.findIndex((q) => q.id === questionId);
  const question = prompt.questions[index];
  if (!question) return;
  const instruction =
    preface === undefined
      ? ctx.t(prompt.questions.length > 1 ? "prompt-text-ask-numbered" : "prompt-text-ask", {
          n: index + 1,
          text: question.text,
        })
      : `${preface}\n${ctx.t("prompt-text-how")}`;
  await askTyped(ctx, {
    userId: ctx.from!.id,
    chatId: ctx.from!.id,
    kind: "prompt-answer",
    payload: { promptId: prompt.id, questionId },
    text: instruction,
    placeholder: ctx.t("prompt-text-placeholder"),
    ...(prompt.closesAt ? { expiresAt: prompt.closesAt } : {}),
  });
}

/** Sends question `index` privately: a typed question is asked at once, the others with buttons. */
async function askQuestion(ctx: BotContext, prompt: PromptView, index: number): Promise<void> {
  const question = prompt.questions[index];
  const member = ctx.caller?.member;
  if (!question || !member) return;
  if (question.kind === "text" && index > 0) {
    await askText(ctx, prompt, question.id);
    return;
  }
  const cell = await ctx.services.repos.cells.get(prompt.cellId!);
  const shown = await privateQuestion(
    ctx.services,
    prompt,
    {
      memberId: member.id,
      locale: await ctx.i18n.getLocale(),
      displayName: member.displayName,
      fullName: member.fullName,
    },
    index,
    { botUsername: ctx.me.username, nudge: false, cellName: cell?.name ?? "" },
  );
  if (!shown) return;
  if (question.kind === "text") await askText(ctx, prompt, question.id, shown.text);
  else await ctx.reply(shown.text, { reply_markup: shown.replyMarkup });
}

/** After an answer in the private chat: the next question, or thanks when it was the last. */
async function askNext(ctx: BotContext, prompt: PromptView, answeredId: number): Promise<void> {
  const index = prompt.questions.findIndex((q) => q.id === answeredId);
  if (index < 0) return;
  if (index + 1 < prompt.questions.length) await askQuestion(ctx, prompt, index + 1);
  else if (prompt.questions.length > 1) await ctx.reply(ctx.t("prompt-all-done"));
}

/** Whether a choice is followed by optional words: the self-review's first question (PRODUCT §4D). */
function wantsWords(prompt: PromptView, position: number): boolean {
  return prompt.kind === "self_review" && position === 0;
}

/** Offers to add words (typed or a voice note) to the choice just given, with [Bỏ qua]. */
async function askWords(
  ctx: BotContext,
  prompt: PromptView,
  questionId: number,
  choice: number,
): Promise<void> {
  await askTyped(ctx, {
    userId: ctx.from!.id,
    chatId: ctx.from!.id,
    kind: "prompt-words",
    payload: { promptId: prompt.id, questionId, choice },
    text: ctx.t("prompt-words-ask"),
    placeholder: ctx.t("prompt-text-placeholder"),
    button: { text: ctx.t("prompt-words-skip-button"), data: `${PROMPT_DATA}:k:${prompt.id}:${questionId}` },
    ...(prompt.closesAt ? { expiresAt: prompt.closesAt } : {}),
  });
}
