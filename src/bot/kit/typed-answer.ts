// The typed-answer protocol: how the bot asks a question whose answer is typed (a reason, a date, a
// place, an opinion) and recognises the answer. The state is a PendingQuestion row (who is asked, in
// which chat, what, with which payload, until when), never memory and never the message's text, so
// no internal code is ever shown to people and a restart or a second instance loses nothing.
//
// - In a private chat the person's NEXT PLAIN MESSAGE answers (text, or a voice note where the kind
//   allows it); replying to the question is accepted but not needed. The question carries a [Thôi]
//   button that drops it. (Telegram lets a message carry either an inline keyboard or force_reply,
//   not both; in a private chat the button is the more useful, so there is no placeholder there.)
// - In a group (a secretary's guided flow) privacy mode hides ordinary messages from the bot, so the
//   question is a selective force_reply naming the person, and only their reply to it answers.
// - Commands are never taken as answers. Asking again replaces the person's previous question.
//   Expired rows are ignored. The row is deleted once answered ("done") or cancelled; a handler that
//   finds the answer unusable says "keep" and the question stays open. A handler may ask the next
//   question (askTyped) before it says "done": that new question stays.
// - The row only says what was asked; the handler re-checks in the database that the person may
//   still do it.
//
// Use: `await askTyped(ctx, { userId, chatId, kind, payload, text, placeholder })` to ask, and
// `feature.use(onTypedAnswer(kind, async (ctx, answer) => … "done"))` in the feature's composer.
import { Composer, InlineKeyboard, type Api, type RawApi } from "grammy";
import type { Message, MessageEntity, User } from "grammy/types";
import { z } from "zod";
import type { PendingQuestionRow } from "../../db/repositories/pending-questions.ts";
import { errorForLog } from "../../scheduler/telegram-errors.ts";
import type { BotContext, BotServices } from "../context.ts";
import { clip } from "./clip.ts";
import { displayNameOf } from "./display-name.ts";
import { isNotModified } from "./edit-pressed.ts";
import { mayEditPressedMessage } from "./pressed-message.ts";

const cellFlow = { cellId: z.number().int().positive(), kind: z.string().max(2) };
/** The guided /ask so far: the cell, the kind of question (c, y, r, t) and whether it is anonymous. */
const askFlow = {
  cellId: z.number().int().positive(),
  kind: z.enum(["c", "y", "r", "t"]),
  anonymous: z.boolean(),
};
/** Its deadline: 1 or 3 days, the end of the week, none, or an instant (@ minutes since 1970). */
const askDue = z.string().regex(/^(?:[13wn]|@\d{1,10})$/);

/** The closed list of what the bot may ask, with the payload each kind carries. */
const KINDS = {
  /** The typed reason of an "other" absence announced with the RSVP buttons. */
  "rsvp-reason": { voice: false, payload: z.object({ meetingId: z.number().int().positive() }) },
  /** The typed reason of an absence recorded when the meeting was closed. */
  "absence-reason": { voice: false, payload: z.object({ meetingId: z.number().int().positive() }) },
  /** A point a member wants raised at a meeting (pre-meeting opinions). */
  opinion: { voice: true, payload: z.object({ meetingId: z.number().int().positive() }) },
  /** A typed (or spoken) answer to a prompt's free-text question (src/features/prompts/). */
  "prompt-answer": {
    voice: true,
    payload: z.object({ promptId: z.number().int().positive(), questionId: z.number().int().positive() }),
  },
  /** The optional words after a choice (the self-review's first question), typed or spoken. */
  "prompt-words": {
    voice: true,
    payload: z.object({
      promptId: z.number().int().positive(),
      questionId: z.number().int().positive(),
      choice: z.number().int().nonnegative().max(9),
    }),
  },
  /** Steps of the guided /ask flow (src/features/prompts/guided.ts): a typed deadline, … */
  "ask-deadline": { voice: false, payload: z.object(askFlow) },
  /** … the members asked (references as in /members), … */
  "ask-members": { voice: false, payload: z.object({ ...askFlow, due: askDue }) },
  /** … and the question with its options. `audience`: a = the cell, g<id> = a party group, m = members. */
  "ask-question": {
    voice: false,
    payload: z.object({
      ...askFlow,
      due: askDue,
      audience: z.string().regex(/^(?:a|m|g\d{1,9})$/),
      memberIds: z.array(z.number().int().positive()).max(500),
    }),
  },
  /** Steps of the guided /meeting flow. */
  "meeting-date": { voice: false, payload: z.object(cellFlow) },
  "meeting-time": { voice: false, payload: z.object({ ...cellFlow, date: z.string().regex(/^\d{8}$/) }) },
  "meeting-place": { voice: false, payload: z.object({ ...cellFlow, stamp: z.string().regex(/^\d{12}$/) }) },
  /** The whole /meeting typed again after [Sửa] on its preview: "<date> <time> | <place> | <title>". */
  "meeting-retype": { voice: false, payload: z.object(cellFlow) },
  /** A task's progress report (text or voice), forwarded to the assigner. */
  "task-progress": { voice: true, payload: z.object({ assignmentId: z.number().int().positive() }) },
  /** The typed reason why an assignee cannot do a task ("other" reason). */
  "task-decline-reason": { voice: false, payload: z.object({ assignmentId: z.number().int().positive() }) },
  /** The guided /task flow: the title, once the assignees are chosen (g<group>, m<member> or a = all). */
  "task-title": {
    voice: false,
    payload: z.object({
      cellId: z.number().int().positive(),
      meetingId: z.number().int().nonnegative(),
      who: z.string().regex(/^(a|[gm]\d{1,9})$/),
    }),
  },
  /** The guided /task flow: a typed due date of a draft task. */
  "task-due": { voice: false, payload: z.object({ taskId: z.number().int().positive() }) },
  /** The member's own full name, typed after /me → "Sửa họ tên" (src/features/everyday/full-name.ts). */
  "full-name": { voice: false, payload: z.object({}) },
  /** The optional comment of a task's evaluation, sent to the member with it. */
  "task-comment": { voice: false, payload: z.object({ assignmentId: z.number().int().positive() }) },
} as const;

export type TypedKind = keyof typeof KINDS;
export type TypedPayload<K extends TypedKind> = z.infer<(typeof KINDS)[K]["payload"]>;

export const TYPED_KINDS = Object.keys(KINDS) as TypedKind[];

/** How long a question waits by default: a day (a meeting's questions are asked days before it). */
export const DEFAULT_TYPED_TTL_MS = 24 * 60 * 60 * 1000;

/** callback_data of the [Thôi] button. */
export const CANCEL_TYPED_DATA = "tq:x";

export type AskSource = BotContext | { services: BotServices; api: Api<RawApi>; locale: string };

export interface AskTypedOptions<K extends TypedKind> {
  /** Who is asked (their Telegram user id). */
  userId: number;
  /** Where: their private chat (= userId), or a group where they act. */
  chatId: number;
  kind: K;
  payload: TypedPayload<K>;
  text: string;
  /** Shown in the input field in a group (force_reply); at most 64 characters are used. */
  placeholder: string;
  /** The person, to name them in a group so that only their app opens the reply. */
  user?: User;
  /** When the question stops waiting; default a day after now, and never later than that. */
  expiresAt?: Date;
  /**
   * In a private chat, a button in place of [Thôi] (e.g. [Bỏ qua] when the answer is optional); its
   * handler calls dropPressedQuestion.
   */
  button?: { text: string; data: string };
}

export interface TypedAnswer<K extends TypedKind> {
  payload: TypedPayload<K>;
  /** The typed text, trimmed of nothing (the handler decides), or null for a voice note. */
  text: string | null;
  voiceFileId: string | null;
}

/** "done": answered, the question goes; "keep": not usable (or more answers welcome), it stays. */
export type TypedOutcome = "done" | "keep";

function isContext(source: AskSource): source is BotContext {
  return "update" in source;
}

/** Sends the question and stores it as the person's pending question (replacing any older one). */
export async function askTyped<K extends TypedKind>(
  source: AskSource,
  options: AskTypedOptions<K>,
): Promise<Message.TextMessage> {
  const { services, api } = source;
  const t = isContext(source)
    ? (key: string) => source.t(key)
    : (key: string) => services.translate(source.locale, key);
  const inPrivate = options.chatId === options.userId;
  let sent: Message.TextMessage;
  if (inPrivate) {
    sent = await api.sendMessage(options.chatId, options.text, {
      reply_markup: options.button
        ? new InlineKeyboard().text(options.button.text, options.button.data)
        : new InlineKeyboard().text(t("typed-answer-cancel-button"), CANCEL_TYPED_DATA),
    });
  } else {
    const forceReply = {
      force_reply: true as const,
      selective: true,
      input_field_placeholder: clip(options.placeholder, 64),
    };
    let text = options.text;
    let entities: MessageEntity[] | undefined;
    if (options.user) {
      const name = clip(displayNameOf(options.user), 40);
      text = `${name}, ${options.text}`;
      entities = [{ type: "text_mention", offset: 0, length: name.length, user: options.user }];
    }
    sent = await api.sendMessage(options.chatId, text, {
      reply_markup: forceReply,
      ...(entities ? { entities } : {}),
    });
  }
  const now = services.clock.now();
  const longest = now.getTime() + DEFAULT_TYPED_TTL_MS;
  const expiresAt = new Date(Math.min(options.expiresAt?.getTime() ?? longest, longest));
  await services.repos.pendingQuestions.replace({
    userId: options.userId,
    chatId: options.chatId,
    kind: options.kind,
    payload: JSON.stringify(KINDS[options.kind].payload.parse(options.payload)),
    messageId: sent.message_id,
    createdAt: now,
    expiresAt,
  });
  return sent;
}

// ---- Reading answers --------------------------------------------------------------------------

type Loaded =
  | { kind: "mine"; row: PendingQuestionRow; typed: TypedKind; payload: unknown }
  /** A reply, in a group, to a question that waits for someone else. */
  | { kind: "someone-else" }
  | null;

/** One load per update, however many features ask: the memo lives as long as the context object. */
const memo = new WeakMap<BotContext, Promise<Loaded>>();

function isCommand(msg: Message): boolean {
  return (msg.entities ?? []).some((e) => e.type === "bot_command" && e.offset === 0);
}

/** The pending question this message may answer. Only called for non-command text or voice messages. */
function pendingFor(ctx: BotContext): Promise<Loaded> {
  let loaded = memo.get(ctx);
  if (!loaded) {
    loaded = loadPending(ctx);
    memo.set(ctx, loaded);
  }
  return loaded;
}

async function loadPending(ctx: BotContext): Promise<Loaded> {
  const from = ctx.from;
  const chat = ctx.chat;
  const msg = ctx.msg;
  if (!from || !chat || !msg) return null;
  const replyTo = msg.reply_to_message;
  const repliesToBot = replyTo !== undefined && replyTo.from?.id === ctx.me.id;
  // In a group only replies to the bot's own messages can answer.
  if (chat.type !== "private" && !repliesToBot) return null;
  const { repos, clock } = ctx.services;
  const now = clock.now();
  const row = await repos.pendingQuestions.findForUser(from.id);
  const live = row !== null && row.expiresAt.getTime() > now.getTime();
  if (row && !live) await repos.pendingQuestions.delete(row.userId, row.createdAt);
  const here =
    live &&
    row.chatId === chat.id &&
    (chat.type === "private" || (replyTo !== undefined && row.messageId === replyTo.message_id));
  if (!here) {
    if (chat.type === "private" || !replyTo) return null;
    const other = await repos.pendingQuestions.findByMessage(chat.id, replyTo.message_id);
    return other && other.userId !== from.id && other.expiresAt.getTime() > now.getTime()
      ? { kind: "someone-else" }
      : null;
  }
  const spec = (KINDS as Record<string, (typeof KINDS)[TypedKind] | undefined>)[row.kind];
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    payload = undefined;
  }
  const parsed = spec?.payload.safeParse(payload);
  if (!spec || !parsed?.success) {
    // Written by an older version, or damaged: unusable, so forgotten rather than guessed at.
    ctx.log.warn({ kind: row.kind }, "pending question unreadable; dropped");
    await repos.pendingQuestions.delete(row.userId, row.createdAt);
    return null;
  }
  return { kind: "mine", row, typed: row.kind as TypedKind, payload: parsed.data };
}

/**
 * The composer that hands the answer to a question of `kind` to `handler`. Messages that answer
 * nothing (or another kind) go on to the next middleware.
 */
export function onTypedAnswer<K extends TypedKind>(
  kind: K,
  handler: (ctx: BotContext, answer: TypedAnswer<K>) => Promise<TypedOutcome>,
): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on(["message:text", "message:voice"], async (ctx, next) => {
    if (isCommand(ctx.msg)) return next();
    const pending = await pendingFor(ctx);
    if (pending === null) return next();
    if (pending.kind === "someone-else") {
      ctx.log.info({ from: ctx.from.id }, "refused: answer to someone else's question");
      await ctx.reply(ctx.t("typed-answer-not-yours"), {
        reply_parameters: { message_id: ctx.msg.message_id },
      });
      return;
    }
    if (pending.typed !== kind) return next();
    const voice = ctx.msg.voice;
    if (voice && !KINDS[kind].voice) {
      await ctx.reply(ctx.t("typed-answer-text-only"));
      return;
    }
    const outcome = await handler(ctx, {
      payload: pending.payload as TypedPayload<K>,
      text: ctx.msg.text ?? null,
      voiceFileId: voice?.file_id ?? null,
    });
    if (outcome === "done") await closeQuestion(ctx, pending.row);
  });
  return composer;
}

/** Forgets the answered question (unless the handler asked another) and takes its button off. */
async function closeQuestion(ctx: BotContext, row: PendingQuestionRow): Promise<void> {
  const current = await ctx.services.repos.pendingQuestions.findForUser(row.userId);
  const same = current !== null && current.chatId === row.chatId && current.messageId === row.messageId;
  if (same) await ctx.services.repos.pendingQuestions.delete(row.userId, row.createdAt);
  if (row.chatId === row.userId && row.messageId !== null) await removeButton(ctx, row.chatId, row.messageId);
}

async function removeButton(ctx: BotContext, chatId: number, messageId: number): Promise<void> {
  try {
    await ctx.api.editMessageReplyMarkup(chatId, messageId);
  } catch (err) {
    // The question may be gone or too old to edit; the answer is stored either way.
    if (!isNotModified(err)) ctx.log.debug({ err: errorForLog(err) }, "question button not removed");
  }
}

/**
 * /cancel: drops the person's pending question wherever it was asked, and takes its [Thôi] button
 * off; false when nothing was waiting (or only an expired question, which is forgotten too).
 */
export async function dropPendingQuestion(ctx: BotContext, userId: number): Promise<boolean> {
  const { repos, clock } = ctx.services;
  const row = await repos.pendingQuestions.findForUser(userId);
  if (!row) return false;
  await closeQuestion(ctx, row);
  return row.expiresAt.getTime() > clock.now().getTime();
}

/**
 * A button pressed on a question (its [Thôi], or the `button` given to askTyped): forgets the
 * presser's pending question when it is the pressed one (true), and takes the button off the pressed
 * message. The caller answers the callback query.
 */
export async function dropPressedQuestion(ctx: BotContext): Promise<boolean> {
  const { repos } = ctx.services;
  const pressed = ctx.callbackQuery?.message;
  if (!ctx.from) return false;
  const row = await repos.pendingQuestions.findForUser(ctx.from.id);
  const isThis =
    row !== null &&
    pressed !== undefined &&
    row.chatId === pressed.chat.id &&
    row.messageId === pressed.message_id;
  if (isThis) await repos.pendingQuestions.delete(row.userId, row.createdAt);
  // Only off the message the button is on: a forged press would strip another message's buttons.
  if (pressed && mayEditPressedMessage(ctx)) await removeButton(ctx, pressed.chat.id, pressed.message_id);
  return isThis;
}

/** The [Thôi] button: drops the presser's pending question when it is the pressed one. */
export function createTypedAnswerFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.callbackQuery(CANCEL_TYPED_DATA, async (ctx) => {
    const isThis = await dropPressedQuestion(ctx);
    await ctx.answerCallbackQuery({ text: ctx.t(isThis ? "typed-answer-cancelled" : "button-expired") });
  });
  return feature;
}
