// Composition of one running service: database, bot, scheduler and the update source.
import { run, type RunnerHandle } from "@grammyjs/runner";
import { GrammyError, HttpError, type Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotContext, BotServices } from "./bot/context.ts";
import { registerCommandMenus } from "./bot/commands.ts";
import { createBot } from "./bot/create-bot.ts";
import { collectCommands, collectJobs } from "./bot/feature-module.ts";
import { systemClock, type Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import { openDatabase, type Database } from "./db/client.ts";
import { createRepositories, type Repositories } from "./db/repositories/index.ts";
import { createI18n, createTranslator, type Translator } from "./i18n.ts";
import { FEATURES } from "./features/index.ts";
import type { Logger } from "./logger.ts";
import { createScheduler, type Scheduler } from "./scheduler/scheduler.ts";
import { createTextJob } from "./scheduler/text-renderer.ts";
import { startWebhookServer, type WebhookServer } from "./server/webhook.ts";

/** Update types we handle; chat_member is not sent by Telegram unless asked for. */
export const ALLOWED_UPDATES = [
  "message",
  "edited_message",
  "callback_query",
  "my_chat_member",
  "chat_member",
] as const;

export interface AppOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** false: no polling and no webhook server (tests feed updates with bot.handleUpdate). */
  receiveUpdates?: boolean;
  /** false: the scheduler is built but its ticker is not started (tests call tick()). */
  startTicker?: boolean;
  botInfo?: UserFromGetMe;
  /** Overrides config.port for the webhook server (0 picks a free port). */
  webhookPort?: number;
  webhookHost?: string;
}

export interface RunningApp {
  bot: Bot<BotContext>;
  database: Database;
  repos: Repositories;
  /** What handlers and jobs are given (tests call features' services with it). */
  services: BotServices;
  scheduler: Scheduler;
  translate: Translator;
  webhook: WebhookServer | undefined;
  stop(): Promise<void>;
}

export class StartupError extends Error {
  override name = "StartupError";
}

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  if (!config.botToken) throw new StartupError("BOT_TOKEN is not set");

  const database = await openDatabase(config.databaseUrl, { migrate: true, logger });
  const cleanups: (() => Promise<void>)[] = [() => database.close()];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (err) {
        logger.warn({ err: err instanceof Error ? err.message : String(err) }, "error during shutdown");
      }
    }
    cleanups.length = 0;
  };

  try {
    const repos = createRepositories(database, clock);
    const unlisted = await repos.admins.ensureConfigAdmins(config.adminIds);
    if (unlisted.removed.length > 0 || unlisted.kept.length > 0) {
      // Someone was taken out of ADMIN_IDS: say so where whoever runs the server looks.
      logger.info(unlisted, "admins no longer in ADMIN_IDS: removed, or kept as added by /add_admin");
    }
    const translate = createTranslator(createI18n({ defaultLocale: config.defaultLocale }));
    // The scheduler needs the bot's username for its jobs, so it comes after the bot; until then
    // there is nothing to wake.
    const made: { scheduler?: Scheduler } = {};
    const services: BotServices = {
      config,
      logger,
      clock,
      repos,
      translate,
      scheduler: { wake: () => made.scheduler?.wake() },
    };
    const bot = createBot({
      token: config.botToken,
      apiRoot: config.telegramApiRoot,
      services,
      features: FEATURES,
      ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    });
    await initBot(bot, logger);
    await registerCommandMenus(bot.api, translate, config.defaultLocale, collectCommands(FEATURES)).catch(
      (err: unknown) =>
        logger.warn(
          { err: err instanceof Error ? err.message : String(err) },
          "could not register command menus",
        ),
    );

    const scheduler = createScheduler({
      outbox: repos.outbox,
      members: repos.members,
      chats: repos.chats,
      api: bot.api,
      clock,
      logger,
      jobs: {
        text: createTextJob({ translate, defaultLocale: config.defaultLocale }),
        ...collectJobs(FEATURES, { services, botUsername: bot.botInfo.username }),
      },
      timeZone: config.defaultTimeZone,
    });
    if (options.startTicker !== false) scheduler.start();
    made.scheduler = scheduler;
    cleanups.push(() => scheduler.stop());

    let webhook: WebhookServer | undefined;
    if (options.receiveUpdates !== false) {
      if (config.mode === "webhook") {
        webhook = await startWebhookServer({
          bot,
          secretToken: config.webhookSecret!,
          port: options.webhookPort ?? config.port,
          ...(options.webhookHost ? { host: options.webhookHost } : {}),
          logger,
        });
        cleanups.push(() => webhook!.close());
        await bot.api.setWebhook(config.webhookUrl!, {
          secret_token: config.webhookSecret!,
          allowed_updates: [...ALLOWED_UPDATES],
        });
        logger.info({ port: webhook.port }, "webhook server listening");
      } else {
        await bot.api.deleteWebhook();
        const runner: RunnerHandle = run(bot, {
          runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } },
        });
        cleanups.push(async () => {
          if (runner.isRunning()) await runner.stop();
        });
        logger.info("long polling started");
      }
    }
    return { bot, database, repos, services, scheduler, translate, webhook, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** getMe with retries on network trouble; a rejected token is reported at once. */
async function initBot(bot: Bot<BotContext>, logger: Logger): Promise<void> {
  const attempts = 5;
  for (let attempt = 1; ; attempt++) {
    try {
      await bot.init();
      logger.info({ username: bot.botInfo.username }, "connected to Telegram");
      return;
    } catch (err) {
      if (err instanceof GrammyError && err.error_code === 401) {
        throw new StartupError(
          "Telegram rejected BOT_TOKEN (401 Unauthorized). Check the token from @BotFather.",
        );
      }
      const retriable = err instanceof HttpError || (err instanceof GrammyError && err.error_code >= 500);
      if (!retriable || attempt >= attempts) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new StartupError(`cannot reach the Telegram Bot API after ${attempt} attempt(s): ${reason}`);
      }
      const delayMs = 500 * 2 ** (attempt - 1);
      logger.warn({ attempt, delayMs }, "Telegram not reachable yet, retrying");
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
