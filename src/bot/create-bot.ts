import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, BotError, GrammyError, HttpError, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createI18n } from "../i18n.ts";
import type { BotContext, BotServices } from "./context.ts";
import type { FeatureModule } from "./feature-module.ts";
import { createTypedAnswerFeature } from "./kit/typed-answer.ts";
import { resolveCaller } from "./middleware/caller.ts";
import { dedupeUpdates, UpdateDeferredError } from "./middleware/dedupe.ts";
import { negotiateLocale } from "./middleware/locale.ts";

export interface CreateBotOptions {
  token: string;
  apiRoot: string;
  services: BotServices;
  /** The capabilities, in the order their handlers run (src/features/index.ts). */
  features: readonly FeatureModule[];
  /** Skips getMe at start-up (tests and benchmarks that know the bot already). */
  botInfo?: UserFromGetMe;
  /** Installed on the bot's Api before auto-retry, so they see every attempt (monitoring). */
  apiTransformers?: readonly Transformer[];
  /** Told about every update handled and every handler failure (metrics). */
  observer?: UpdateObserver;
}

export interface UpdateObserver {
  updateHandled(): void;
  updateFailed(): void;
}

/** Builds the bot with its middleware and features. Starts nothing: the caller decides polling or webhook. */
export function createBot(options: CreateBotOptions): Bot<BotContext> {
  const { services } = options;
  const bot = new Bot<BotContext>(options.token, {
    client: { apiRoot: options.apiRoot },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // Replies from handlers honour retry_after (a busy group can need several waits) and retry a 5xx. Network errors are rethrown:
  // auto-retry would retry them forever and hold the chat's queue. Scheduled sends have their own policy.
  bot.api.config.use(...(options.apiTransformers ?? []));
  bot.api.config.use(autoRetry({ maxRetryAttempts: 4, maxDelaySeconds: 60, rethrowHttpErrors: true }));

  // Keeps updates of one chat in order when the runner handles several chats concurrently.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(async (ctx, next) => {
    ctx.services = services;
    ctx.log = services.logger.child({ updateId: ctx.update.update_id, chatId: ctx.chat?.id });
    ctx.caller = null;
    ctx.chatInfo = null;
    await next();
  });
  // The error boundary as middleware, so it also covers webhook mode and direct handleUpdate calls
  // (grammY's bot.catch only sees errors of its own polling loop and the runner).
  bot.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      // Deferred for lack of a database: the update source delivers it again, so no error answer.
      if (err instanceof UpdateDeferredError) throw err;
      await answerFailure(new BotError(err, ctx));
    }
    // Not counted when deferred: it is counted when it is handled.
    options.observer?.updateHandled();
  });
  bot.use(dedupeUpdates);
  bot.use(resolveCaller);
  bot.use(
    createI18n<BotContext>({
      defaultLocale: services.config.defaultLocale,
      localeNegotiator: negotiateLocale,
    }),
  );

  // A group that became a supergroup: follow it before anything else reads the chat id.
  bot.on("message:migrate_to_chat_id", async (ctx) => {
    await services.repos.chats.migrateChatId(ctx.chat.id, ctx.msg.migrate_to_chat_id);
    ctx.log.info({ from: ctx.chat.id, to: ctx.msg.migrate_to_chat_id }, "group upgraded to supergroup");
  });

  // The [Thôi] button of every typed question (src/bot/kit/typed-answer.ts).
  bot.use(createTypedAnswerFeature());
  // Features, in the registry's order, each module's early handlers (/start payloads of deep links,
  // which call next() for other payloads) before every module's main handlers, so that the generic
  // /start of the everyday feature only sees what no deep link claimed.
  for (const feature of options.features) {
    if (feature.early) bot.use(feature.early());
  }
  for (const feature of options.features) bot.use(feature.composer());

  // Nothing above matched: a hint for unknown commands addressed to us, silence otherwise in groups.
  bot.on("message:entities:bot_command", async (ctx) => {
    const entity = ctx.msg.entities.find((e) => e.type === "bot_command" && e.offset === 0);
    if (!entity) return;
    const command = ctx.msg.text.slice(entity.offset, entity.offset + entity.length);
    const [name, addressee] = command.split("@");
    if (addressee && addressee.toLowerCase() !== ctx.me.username.toLowerCase()) return;
    await ctx.reply(ctx.t("unknown-command", { command: (name ?? command).slice(0, 64) }));
  });
  bot.on("message:text", async (ctx) => {
    if (ctx.chat.type === "private") await ctx.reply(ctx.t("unknown-text-private"));
  });
  bot.on("callback_query:data", async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
  });

  async function answerFailure(err: BotError<BotContext>): Promise<void> {
    const ctx = err.ctx;
    const log = ctx.log ?? services.logger;
    options.observer?.updateFailed();
    log.error({ err: describeError(err), updateId: ctx.update.update_id }, "update handling failed");
    // The failure may come before the i18n middleware has given the context its `t`.
    const text =
      typeof ctx.t === "function"
        ? ctx.t("error-generic")
        : services.translate(services.config.defaultLocale, "error-generic");
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
      else if (ctx.chat) await ctx.reply(text);
    } catch {
      // The error answer is best effort; the failure is already logged.
    }
  }
  bot.catch(answerFailure);
  return bot;
}

function describeError(err: BotError<BotContext>): object {
  const e = err.error;
  if (e instanceof GrammyError) return { kind: "telegram", method: e.method, code: e.error_code };
  if (e instanceof HttpError) return { kind: "network", message: e.message };
  if (e instanceof Error) return { kind: "internal", message: e.message, stack: e.stack };
  return { kind: "unknown", value: String(e) };
}
