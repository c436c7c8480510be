// Composition of one running service: database, bot, scheduler and the update source.
import { setTimeout as delay } from "node:timers/promises";
import { Api, GrammyError, HttpError, type Bot, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotContext, BotServices } from "./bot/context.ts";
import { createCommandMenus, type CommandMenus } from "./bot/commands.ts";
import { createBot } from "./bot/create-bot.ts";
import { collectCommands, collectJobs, startFeatures } from "./bot/feature-module.ts";
import { systemClock, type Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import { openDatabase, type Database } from "./db/client.ts";
import { createHotCache, SHARED_DATABASE_TTL_MS } from "./db/hot-cache.ts";
import { invalidateOnWrites } from "./db/hot-cache-writes.ts";
import { createRepositories, type Repositories } from "./db/repositories/index.ts";
import { createMemoryProcessedUpdates } from "./db/repositories/processed-updates.ts";
import { createI18n, createTranslator, type Translator } from "./i18n.ts";
import { FEATURES } from "./features/index.ts";
import type { Logger } from "./logger.ts";
import { createScheduler, type Scheduler } from "./scheduler/scheduler.ts";
import { errorForLog } from "./scheduler/telegram-errors.ts";
import { createTextJob } from "./scheduler/text-renderer.ts";
import { probeDatabase } from "./db/health.ts";
import { createHealthCheck, type HealthCheck } from "./observability/health.ts";
import { createMetrics, type Metrics } from "./observability/metrics.ts";
import { createTelegramMonitor, type TelegramMonitor } from "./observability/telegram-monitor.ts";
import { createMonitoringRoutes, startMonitoringServer, type MonitoringServer } from "./server/monitoring.ts";
import { networkCodeOf, startPolling } from "./server/polling.ts";
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
  /**
   * Serves /healthz and /metrics on a server of their own on this port (0 picks a free one),
   * whatever the configuration says; tests use it, with receiveUpdates false.
   */
  healthPort?: number;
  /** Aborted when a stop is requested: start-up gives up at the next step (StartupAbortedError). */
  signal?: AbortSignal;
  /** Longest pause between failed getUpdates calls; 10 s by default (tests shorten it). */
  pollingMaxRetryDelayMs?: number;
  /** How hard to try reaching Telegram at start-up. */
  telegramConnect?: TelegramConnectOptions;
  /** The service cannot go on (polling lost its token); the owner should stop it. */
  onFatal?: (error: Error) => void;
}

export interface TelegramConnectOptions {
  /** getMe attempts before giving up. Default 6. */
  attempts?: number;
  /** Each attempt's time limit. Default 4 s, so an unanswered call is reported within 5 s. */
  attemptTimeoutMs?: number;
  /** Pause after the first failure, doubled after each further one. Default 500 ms. */
  initialDelayMs?: number;
  /** Longest pause between attempts. Default 10 s. */
  maxDelayMs?: number;
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
  /** The server of /healthz and /metrics when it is not the webhook server's (HEALTH_PORT). */
  monitoringServer: MonitoringServer | undefined;
  health: HealthCheck;
  metrics: Metrics;
  telegram: TelegramMonitor;
  /** Resolves once the personal command menus set at start-up are done (they never reject). */
  menusSynced: Promise<void>;
  stop(): Promise<void>;
}

export class StartupError extends Error {
  override name = "StartupError";
}

/** A stop was requested while the service was starting; what was started has been stopped again. */
export class StartupAbortedError extends Error {
  override name = "StartupAbortedError";
  constructor() {
    super("start-up cancelled by a stop request");
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new StartupAbortedError();
}

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  if (!config.botToken) throw new StartupError("BOT_TOKEN is not set");

  throwIfAborted(options.signal);
  const database = await openDatabase(config.databaseUrl, {
    migrate: true,
    logger,
    // One service per SQLite file: a second one would deliver every reminder twice.
    exclusive: true,
    ...(options.signal ? { signal: options.signal } : {}),
  });
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
    throwIfAborted(options.signal);
    const repos = createRepositories(database, clock);
    const cache = createHotCache(repos, {
      ttlMs: config.dedupe === "database" ? SHARED_DATABASE_TTL_MS : null,
      configAdminIds: config.adminIds,
    });
    // Before anything writes: from here on every write through `repos` drops what it made stale.
    invalidateOnWrites(repos, cache);
    const unlisted = await repos.admins.ensureConfigAdmins(config.adminIds);
    if (unlisted.removed.length > 0 || unlisted.kept.length > 0) {
      // Someone was taken out of ADMIN_IDS: say so where whoever runs the server looks.
      logger.info(unlisted, "admins no longer in ADMIN_IDS: removed, or kept as added by /add_admin");
    }
    const translate = createTranslator(createI18n({ defaultLocale: config.defaultLocale }));
    // Every Api the service makes carries the monitor, so the health check knows how the last
    // call to Telegram went, whichever part of the service made it.
    const metrics = createMetrics({ clock, backlog: (now) => repos.outbox.backlog(now) });
    const telegram = createTelegramMonitor(metrics);
    const apiTransformers = [telegram.transformer];
    // The scheduler needs the bot's username for its jobs, so it comes after the bot; until then
    // there is nothing to wake.
    const made: { scheduler?: Scheduler; menus?: CommandMenus } = {};
    const services: BotServices = {
      config,
      logger,
      clock,
      repos,
      translate,
      scheduler: { wake: () => made.scheduler?.wake() },
      menus: { refresh: (telegramId, opts) => made.menus?.refresh(telegramId, opts) ?? Promise.resolve() },
      cache,
      processedUpdates:
        config.dedupe === "memory"
          ? createMemoryProcessedUpdates(repos.processedUpdates)
          : repos.processedUpdates,
    };
    const bot = createBot({
      token: config.botToken,
      apiRoot: config.telegramApiRoot,
      services,
      features: FEATURES,
      apiTransformers,
      observer: metrics,
      ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    });
    if (!options.botInfo) {
      await connectToTelegram(bot, logger, options.telegramConnect ?? {}, options.signal, apiTransformers);
    }
    // The health check's own question to Telegram goes through a plain Api: the bot's would retry
    // a 5xx for up to minutes under auto-retry.
    const pingApi = new Api(bot.token, bot.api.options);
    pingApi.config.use(...apiTransformers);
    const health = createHealthCheck({
      probeDatabase: () => probeDatabase(database),
      telegram,
      pingTelegram: (signal) => pingApi.getMe(signal as GrammySignal),
    });
    const monitoring = createMonitoringRoutes({ health, metrics, logger });
    throwIfAborted(options.signal);
    const menus = createCommandMenus({
      api: bot.api,
      translate,
      defaultLocale: config.defaultLocale,
      commands: collectCommands(FEATURES),
      repos,
      adminIds: config.adminIds,
      logger,
    });
    made.menus = menus;
    await menus
      .registerShared()
      .catch((err: unknown) => logger.warn({ err: errorForLog(err) }, "could not register command menus"));

    const jobDeps = { services, botUsername: bot.botInfo.username };
    const scheduler = createScheduler({
      outbox: repos.outbox,
      members: repos.members,
      chats: repos.chats,
      api: bot.api,
      clock,
      logger,
      jobs: {
        text: createTextJob({ translate, defaultLocale: config.defaultLocale }),
        ...collectJobs(FEATURES, jobDeps),
      },
      timeZone: config.defaultTimeZone,
      // The SQLite file is held exclusively (above): rows claimed by another worker id there were
      // claimed by an earlier run of this service that died, and need not wait out their leases.
      soleWorker: database.provider === "sqlite",
      apiTransformers,
      onSendOutcome: (outcome) => metrics.sendOutcome(outcome),
    });
    made.scheduler = scheduler;
    await startFeatures(FEATURES, jobDeps);
    if (options.startTicker !== false) scheduler.start();
    cleanups.push(() => scheduler.stop());
    // The personal menus of secretaries, group leaders and admins: one call each, in the background
    // so that a large ward does not hold up start-up; a stop ends it at the next person.
    const menusStop = new AbortController();
    const menusSynced = menus.refreshAll(menusStop.signal).then(
      () => undefined,
      (err: unknown) => logger.warn({ err: errorForLog(err) }, "could not set the personal command menus"),
    );
    cleanups.push(async () => {
      menusStop.abort();
      await menusSynced;
    });

    // Health and metrics on a port of their own when asked (HEALTH_PORT), unless the webhook server
    // is on that very port: then it serves them.
    let monitoringServer: MonitoringServer | undefined;
    const healthPort = options.healthPort ?? config.healthPort;
    const sharesWebhookPort =
      options.healthPort === undefined &&
      config.mode === "webhook" &&
      options.receiveUpdates !== false &&
      (healthPort === undefined || healthPort === (options.webhookPort ?? config.port));
    if (healthPort !== undefined && !sharesWebhookPort) {
      monitoringServer = await startMonitoringServer({
        routes: monitoring,
        port: healthPort,
        host: config.healthHost,
      });
      cleanups.push(() => monitoringServer!.close());
      logger.info(
        { port: monitoringServer.port, host: config.healthHost },
        "health and metrics server listening",
      );
    }

    let webhook: WebhookServer | undefined;
    if (options.receiveUpdates !== false) {
      if (config.mode === "webhook") {
        webhook = await startWebhookServer({
          bot,
          secretToken: config.webhookSecret!,
          port: options.webhookPort ?? config.port,
          ...(options.webhookHost ? { host: options.webhookHost } : {}),
          logger,
          ...(sharesWebhookPort ? { monitoring } : {}),
        });
        cleanups.push(() => webhook!.close());
        await bot.api.setWebhook(config.webhookUrl!, {
          secret_token: config.webhookSecret!,
          allowed_updates: [...ALLOWED_UPDATES],
        });
        logger.info({ port: webhook.port }, "webhook server listening");
      } else {
        await bot.api.deleteWebhook(undefined, options.signal as GrammySignal);
        throwIfAborted(options.signal);
        const polling = startPolling({
          bot,
          logger,
          allowedUpdates: ALLOWED_UPDATES,
          ...(options.pollingMaxRetryDelayMs !== undefined
            ? { maxRetryDelayMs: options.pollingMaxRetryDelayMs }
            : {}),
          ...(options.onFatal ? { onFatal: options.onFatal } : {}),
          apiTransformers,
        });
        cleanups.push(() => polling.stop());
        logger.info("long polling started");
      }
    }
    return {
      bot,
      database,
      repos,
      services,
      scheduler,
      translate,
      webhook,
      monitoringServer,
      health,
      metrics,
      telegram,
      menusSynced,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * getMe with a time limit per attempt and a bounded number of retries, then bot.botInfo is set. Not
 * bot.init(): grammY retries network errors there forever, silently and without an upper bound on
 * the total time, and a stop request could not interrupt it. Every failed attempt is logged naming
 * the host; a rejected token is reported at once.
 */
async function connectToTelegram(
  bot: Bot<BotContext>,
  logger: Logger,
  options: TelegramConnectOptions,
  signal: AbortSignal | undefined,
  transformers: readonly Transformer[],
): Promise<void> {
  const attempts = Math.max(1, options.attempts ?? 6);
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 4_000;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  let retryIn = Math.min(maxDelayMs, options.initialDelayMs ?? 500);
  const host = hostOf(bot.api.options?.apiRoot ?? "https://api.telegram.org");
  // No auto-retry transformer here: this loop is the retry policy.
  const api = new Api(bot.token, bot.api.options);
  api.config.use(...transformers);
  const started = Date.now();
  logger.info({ host }, `connecting to the Telegram Bot API at ${host}`);
  for (let attempt = 1; ; attempt++) {
    throwIfAborted(signal);
    const limit = AbortSignal.timeout(attemptTimeoutMs);
    try {
      // grammY types its signal parameter with the abort-controller shim's AbortSignal; Node's is the same object at runtime.
      const me = await api.getMe((signal ? AbortSignal.any([signal, limit]) : limit) as GrammySignal);
      bot.botInfo = me;
      logger.info({ username: me.username, attempt }, "connected to Telegram");
      return;
    } catch (err) {
      if (signal?.aborted) throw new StartupAbortedError();
      if (err instanceof GrammyError && err.error_code === 401) {
        throw new StartupError(
          "Telegram rejected BOT_TOKEN (401 Unauthorized). Check the token from @BotFather.",
        );
      }
      const reason =
        err instanceof GrammyError
          ? `${err.error_code} ${err.description}`
          : limit.aborted
            ? `no answer within ${attemptTimeoutMs} ms`
            : err instanceof HttpError
              ? (networkCodeOf(err.error) ?? "network error")
              : err instanceof Error
                ? err.message
                : String(err);
      const retriable = err instanceof HttpError || (err instanceof GrammyError && err.error_code >= 500);
      const rateLimited = err instanceof GrammyError && err.error_code === 429;
      if (!retriable && !rateLimited) {
        throw new StartupError(`the Telegram Bot API at ${host} refused getMe: ${reason}`);
      }
      if (attempt >= attempts) {
        const seconds = Math.round((Date.now() - started) / 1000);
        throw new StartupError(
          `cannot reach the Telegram Bot API at ${host} after ${attempt} attempts in ${seconds} s (${reason}). Check the network, DNS, a proxy or firewall, and TELEGRAM_API_ROOT.`,
        );
      }
      let waitMs = retryIn;
      if (rateLimited && typeof err.parameters.retry_after === "number") {
        waitMs = Math.max(waitMs, err.parameters.retry_after * 1000);
      }
      logger.warn(
        { host, attempt, attempts, retryInMs: waitMs, reason },
        `cannot reach the Telegram Bot API at ${host}; retrying`,
      );
      try {
        await delay(waitMs, undefined, signal ? { signal } : undefined);
      } catch {
        throw new StartupAbortedError();
      }
      retryIn = Math.min(maxDelayMs, retryIn * 2);
    }
  }
}

type GrammySignal = Parameters<Api["getMe"]>[0];

function hostOf(apiRoot: string): string {
  try {
    return new URL(apiRoot).host;
  } catch {
    return apiRoot;
  }
}
