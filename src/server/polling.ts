// Long polling with our own error policy. grammY's runner retried failed getUpdates calls with a
// backoff that doubled without a ceiling, printed every failure (request URL and bot token included)
// with console.error, and rejected a promise nobody observed on a single 409. Here every failure is
// logged through the scrubbing logger, waits are capped and cut short by stop(), a 409 or a 5xx is
// retried forever, and only a rejected token (401) ends polling.
import { setTimeout as delay } from "node:timers/promises";
import { Api, BotError, GrammyError, HttpError, type Bot, type Transformer } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "../bot/context.ts";
import { UpdateDeferredError } from "../bot/middleware/dedupe.ts";
import type { Logger } from "../logger.ts";

export interface PollingOptions {
  bot: Bot<BotContext>;
  logger: Logger;
  allowedUpdates: readonly string[];
  /** Longest pause between two failed getUpdates calls (and between retries of a deferred update). Default 10 s. */
  maxRetryDelayMs?: number;
  /** First pause after a failure; doubled on each further failure up to maxRetryDelayMs. Default 250 ms. */
  initialRetryDelayMs?: number;
  /** Long-poll timeout of getUpdates, in seconds. Default 30. */
  pollTimeoutSeconds?: number;
  /** Updates handled at the same time (updates of one chat stay in order through sequentialize). Default 100. */
  concurrency?: number;
  /** How long stop() waits for updates being handled. Default 3 s. */
  drainTimeoutMs?: number;
  /** Polling cannot go on (Telegram rejected the token). Called once; polling has stopped by then. */
  onFatal?: (error: Error) => void;
  /** Installed on the Api of getUpdates (monitoring: a successful poll shows Telegram answers). */
  apiTransformers?: readonly Transformer[];
}

export interface Polling {
  /** Stops fetching, cuts short any wait, and waits (bounded) for the updates being handled. */
  stop(): Promise<void>;
  /** Settles when the fetch loop has ended; never rejects. */
  readonly done: Promise<void>;
}

export class PollingFatalError extends Error {
  override name = "PollingFatalError";
}

type GrammySignal = Parameters<Api["getUpdates"]>[1];

export const DEFAULT_MAX_RETRY_DELAY_MS = 10_000;

/** Starts long polling; the caller must have set bot.botInfo (see connectToTelegram). */
export function startPolling(options: PollingOptions): Polling {
  const { bot, logger } = options;
  const maxDelay = Math.max(1, options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS);
  const initialDelay = Math.min(maxDelay, options.initialRetryDelayMs ?? 250);
  const concurrency = Math.max(1, options.concurrency ?? 100);
  const drainTimeoutMs = options.drainTimeoutMs ?? 3_000;
  const pollTimeoutSeconds = options.pollTimeoutSeconds ?? 30;
  const controller = new AbortController();
  const signal = controller.signal;
  const inFlight = new Set<Promise<void>>();
  let offset = 0;
  // getUpdates has its own retry policy here; the bot's API carries auto-retry, whose 5xx backoff
  // (3 s, 6 s, 12 s…) would stack under ours and exceed the ceiling.
  const api = new Api(bot.token, bot.api.options);
  api.config.use(...(options.apiTransformers ?? []));

  /** Sleeps, or returns false at once when polling is stopped. */
  const pause = async (ms: number): Promise<boolean> => {
    try {
      await delay(ms, undefined, { signal });
      return true;
    } catch {
      return false;
    }
  };

  async function fetchUpdates(): Promise<Update[] | undefined> {
    let failures = 0;
    let retryIn = initialDelay;
    for (;;) {
      if (signal.aborted) return undefined;
      try {
        const updates = await api.getUpdates(
          {
            offset,
            limit: Math.max(1, Math.min(100, concurrency - inFlight.size)),
            timeout: pollTimeoutSeconds,
            allowed_updates: [...options.allowedUpdates] as never,
          },
          // A connection that died silently would otherwise hold the long poll for minutes.
          // (grammY types the signal with its abort-controller shim; Node's AbortSignal is what it uses.)
          AbortSignal.any([signal, AbortSignal.timeout((pollTimeoutSeconds + 15) * 1000)]) as GrammySignal,
        );
        if (failures > 0) logger.info({ failures }, "Telegram answers getUpdates again");
        return updates;
      } catch (error) {
        if (signal.aborted) return undefined;
        failures++;
        let waitMs = retryIn;
        retryIn = Math.min(maxDelay, retryIn * 2);
        if (error instanceof GrammyError && error.error_code === 401) {
          throw new PollingFatalError(
            "Telegram rejected BOT_TOKEN while polling (401 Unauthorized): the token was revoked or replaced. Put the new token from @BotFather in BOT_TOKEN and start again.",
          );
        }
        if (error instanceof GrammyError && error.error_code === 409) {
          logger.error(
            { failures, retryInMs: waitMs, telegram: error.description },
            "another instance or a webhook is using this bot token (409 Conflict from getUpdates); only one may receive updates. Stop the other instance or delete the webhook; retrying",
          );
        } else if (error instanceof GrammyError && error.error_code === 429) {
          // Telegram says how long to wait; that is not ours to shorten.
          const retryAfter = error.parameters.retry_after;
          if (typeof retryAfter === "number") waitMs = Math.max(waitMs, retryAfter * 1000);
          logger.warn({ failures, retryInMs: waitMs }, "getUpdates rate-limited by Telegram (429); waiting");
        } else {
          logger.warn(
            { failures, retryInMs: waitMs, err: describeFetchError(error) },
            "getUpdates failed; retrying",
          );
        }
        if (!(await pause(waitMs))) return undefined;
      }
    }
  }

  /** Hands one update to the bot; an update deferred for lack of a database is tried again later. */
  async function handle(update: Update): Promise<void> {
    let retryIn = initialDelay;
    for (let attempt = 1; ; attempt++) {
      try {
        await bot.handleUpdate(update);
        if (attempt > 1) logger.info({ updateId: update.update_id, attempt }, "deferred update handled");
        return;
      } catch (error) {
        const cause: unknown = error instanceof BotError ? error.error : error;
        if (!(cause instanceof UpdateDeferredError)) {
          // The error boundary in createBot answers every other failure; this is a last resort.
          logger.error(
            { updateId: update.update_id, err: describeFetchError(cause) },
            "update handling failed",
          );
          return;
        }
        if (signal.aborted) {
          logger.error(
            { updateId: update.update_id, attempt },
            "update not handled before shutdown: the database was unavailable",
          );
          return;
        }
        logger.warn(
          { updateId: update.update_id, attempt, retryInMs: retryIn },
          "database unavailable; the update will be handled when it is back",
        );
        if (!(await pause(retryIn))) {
          logger.error(
            { updateId: update.update_id, attempt },
            "update not handled before shutdown: the database was unavailable",
          );
          return;
        }
        retryIn = Math.min(maxDelay, retryIn * 2);
      }
    }
  }

  async function loop(): Promise<void> {
    while (!signal.aborted) {
      if (inFlight.size >= concurrency) {
        await Promise.race(inFlight);
        continue;
      }
      const updates = await fetchUpdates();
      if (!updates) return;
      for (const update of updates) {
        offset = Math.max(offset, update.update_id + 1);
        const task = handle(update).finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
    }
  }

  const done = loop().then(
    () => undefined,
    (error: unknown) => {
      controller.abort();
      const fatal = error instanceof Error ? error : new Error(String(error));
      logger.fatal({ err: fatal.message }, "long polling stopped");
      options.onFatal?.(fatal);
    },
  );

  return {
    done,
    async stop() {
      controller.abort();
      await done;
      if (inFlight.size === 0) return;
      const drained = Promise.allSettled([...inFlight]).then(() => true);
      const late = delay(drainTimeoutMs, false, { ref: false });
      if (!(await Promise.race([drained, late]))) {
        logger.warn({ updates: inFlight.size }, "stopped while updates were still being handled");
      }
    },
  };
}

/** A loggable description of a Telegram call failure, without the request URL (it holds the token). */
export function describeFetchError(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) {
    return { kind: "telegram", method: error.method, code: error.error_code, description: error.description };
  }
  if (error instanceof HttpError) {
    return { kind: "network", message: error.message, cause: networkCodeOf(error.error) };
  }
  if (error instanceof Error) return { kind: error.name, message: error.message };
  return { kind: "unknown", value: String(error) };
}

/** errno-style code of a network failure (ECONNREFUSED, ENOTFOUND, ECONNRESET, ABORT_ERR…). */
export function networkCodeOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; typeof e === "object" && e !== null && depth < 5; depth++) {
    const record = e as { code?: unknown; cause?: unknown; name?: unknown; errno?: unknown };
    if (typeof record.code === "string") return record.code;
    if (record.name === "AbortError" || record.name === "TimeoutError") return String(record.name);
    e = record.cause;
  }
  return undefined;
}
