// The delivery loop. The database is the scheduler of record: node-cron only ticks, and each tick
// drops what expired, claims due rows (atomically, leased to this worker), renders them, sends them
// through the rate limiter and records every outcome.
//
// Concurrency: claimed rows are queued per chat (rows to one chat keep their order); chats proceed
// in parallel, at most `concurrency` rows being rendered/sent at once. A row whose chat must wait
// (a group that used up its 20 posts a minute) waits without holding a slot, and the limiter hands
// out global slots only to chats that are ready, so one slow chat never holds up the others. The
// tick keeps claiming while earlier rows are still in flight (whenever fewer than half a batch is
// outstanding), so batches do not stall at their boundaries.
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { performance } from "node:perf_hooks";
import { Api } from "grammy";
import cron, { type ScheduledTask } from "node-cron";
import type { Clock } from "../clock.ts";
import type { Logger } from "../logger.ts";
import { createRateLimiter, type RateLimiter, type Sleep } from "./rate-limiter.ts";
import {
  backoffDelay,
  createSender,
  type RetryPolicy,
  type SenderChats,
  type SenderMembers,
} from "./sender.ts";
import { describe, errorForLog } from "./telegram-errors.ts";
import { createTextRenderer } from "./text-renderer.ts";
import { PermanentRenderError, type Outbox, type OutboxRow, type Renderer } from "./types.ts";
import { setTimeout as delay } from "node:timers/promises";

export interface SchedulerOptions {
  outbox: Outbox;
  members: SenderMembers;
  chats: SenderChats;
  api: Api;
  clock: Clock;
  logger: Logger;
  /** Renderer per delivery kind; a "text" renderer without translation is built in. */
  renderers: Record<string, Renderer>;
  /** Identifies this process in claims; a random id by default. */
  workerId?: string;
  /** Rows claimed at a time (and the most kept in flight). Default 100. */
  batchSize?: number;
  /** How long a claim is exclusive; an unfinished row is claimable again after that. Default 5 min. */
  leaseMs?: number;
  /** Rows rendered/sent at the same time. Default 64. */
  concurrency?: number;
  /** Attempts after which a transient failure becomes permanent. Default 5. */
  maxAttempts?: number;
  /** node-cron expression (with seconds) for the ticker. Default every 5 seconds. */
  cronExpression?: string;
  timeZone?: string;
  /** Shared with other senders in the process, so all of them stay under one set of limits. */
  limiter?: RateLimiter;
  retry?: Partial<RetryPolicy>;
  sleep?: Sleep;
}

export interface TickResult {
  /** Rows dropped at the start of the tick because their `expiresAt` had passed. */
  expired: number;
  claimed: number;
  sent: number;
  /** Failed permanently (unreachable, bad request, too many attempts). */
  failed: number;
  /** Given back to the outbox to be tried again later. */
  retrying: number;
  /** Dropped by a renderer (`skip`) or because they expired while waiting. */
  dropped: number;
  /** Rows whose processing hit an unexpected error (logged with their context). */
  errors: number;
  durationMs: number;
}

export interface Scheduler {
  start(): void;
  /** Stops the ticker, cuts short rate-limit waits and waits for the in-flight tick to finish. */
  stop(): Promise<void>;
  /** Runs one tick now (after any tick in flight). */
  tick(): Promise<TickResult>;
  readonly workerId: string;
  readonly limiter: RateLimiter;
}

const DEFAULT_CRON = "*/5 * * * * *";
/** A row is not sent if its lease would expire within this margin of the send. */
const LEASE_SAFETY_MS = 10_000;

const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal ? { signal } : undefined);
};

function createSlots(size: number) {
  let free = size;
  const waiting: (() => void)[] = [];
  return {
    async take(): Promise<void> {
      if (free > 0) {
        free--;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    give(): void {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}

/** Every waiting row listens on the one stop signal: thousands of listeners are expected. */
function createAbortController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

function emptyResult(): TickResult {
  return { expired: 0, claimed: 0, sent: 0, failed: 0, retrying: 0, dropped: 0, errors: 0, durationMs: 0 };
}

function isExpired(row: OutboxRow, now: Date): boolean {
  return row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime();
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted && error instanceof Error && (error.name === "AbortError" || error === signal.reason);
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const concurrency = Math.max(1, options.concurrency ?? 64);
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const { outbox, clock } = options;
  const sleep = options.sleep ?? realSleep;
  const log = options.logger.child({ component: "scheduler", workerId });
  const limiter = options.limiter ?? createRateLimiter();
  const renderers: Record<string, Renderer> = { text: createTextRenderer(), ...options.renderers };
  // Scheduled sends apply their own policy (see sender.ts). The bot's Api carries auto-retry, which
  // would retry a network error indefinitely inside a tick and wait out 429s behind the limiter's
  // back, so sends go through a plain Api with the same token and client options.
  const sendApi = new Api(options.api.token, options.api.options);
  const sender = createSender({
    api: sendApi,
    limiter,
    members: options.members,
    chats: options.chats,
    clock,
    logger: log,
    ...(options.retry ? { retry: options.retry } : {}),
    sleep,
  });
  const retryPolicy = { baseDelayMs: 30_000, maxDelayMs: 60 * 60_000 };

  let task: ScheduledTask | undefined;
  let current: Promise<TickResult> | undefined;
  let abort = createAbortController();

  /** Puts a row back for later because of pacing, not failure: it never becomes permanent. */
  async function defer(row: OutboxRow, reason: string, retryAt: Date, result: TickResult): Promise<void> {
    await outbox.markFailed(row.id, reason, false, retryAt);
    result.retrying++;
  }

  /** Puts a row back after a failure, or fails it for good once it has used its attempts. */
  async function giveBack(row: OutboxRow, error: string, retryAt: Date, result: TickResult): Promise<void> {
    if (row.attempts >= maxAttempts) {
      await outbox.markFailed(row.id, `${error} (after ${row.attempts} attempts)`, true);
      result.failed++;
    } else {
      await outbox.markFailed(row.id, error, false, retryAt);
      result.retrying++;
    }
  }

  async function processRow(
    row: OutboxRow,
    leaseDeadline: number,
    slots: ReturnType<typeof createSlots>,
    result: TickResult,
    signal: AbortSignal,
  ): Promise<void> {
    const context = { rowId: row.id, key: row.key, kind: row.kind };
    let holdsSlot = false;
    try {
      if (signal.aborted) {
        await defer(row, "scheduler stopped before sending", clock.now(), result);
        return;
      }
      if (isExpired(row, clock.now())) {
        await outbox.markDropped(row.id, "expired");
        result.dropped++;
        return;
      }
      // Wait for a busy chat without holding a slot, unless the wait would outlast the lease.
      if (row.chatId !== null) {
        const wait = limiter.estimateWait(row.chatId);
        if (clock.now().getTime() + wait + LEASE_SAFETY_MS > leaseDeadline) {
          await defer(
            row,
            "chat rate limit outlasts the lease",
            new Date(clock.now().getTime() + wait),
            result,
          );
          return;
        }
        if (wait > 0) await sleep(wait, signal);
      }
      await slots.take();
      holdsSlot = true;

      const now = clock.now();
      if (isExpired(row, now)) {
        await outbox.markDropped(row.id, "expired");
        result.dropped++;
        return;
      }
      const renderer = renderers[row.kind];
      if (!renderer) {
        await outbox.markFailed(row.id, `no renderer for kind "${row.kind}"`, true);
        result.failed++;
        log.error(context, "no renderer for delivery kind");
        return;
      }
      let rendered;
      try {
        rendered = await renderer(row);
      } catch (error) {
        if (error instanceof PermanentRenderError) {
          await outbox.markFailed(row.id, `render: ${error.message}`, true);
          result.failed++;
          log.error({ ...context, error: error.message }, "delivery cannot be rendered");
        } else {
          log.error({ ...context, err: errorForLog(error) }, "rendering failed; will retry");
          await giveBack(
            row,
            `render: ${describe(error)}`,
            new Date(now.getTime() + backoffDelay(row.attempts, retryPolicy)),
            result,
          );
        }
        return;
      }
      if ("skip" in rendered) {
        await outbox.markDropped(row.id, rendered.skip);
        result.dropped++;
        return;
      }
      const chatId = rendered.chatId ?? row.chatId;
      if (chatId === null) {
        await outbox.markFailed(row.id, "no chat to send to", true);
        result.failed++;
        log.error(context, "rendered delivery has no chat");
        return;
      }
      const outcome = await sender.send({ ...rendered, chatId }, { signal, context });
      switch (outcome.status) {
        case "sent":
          await outbox.markSent(row.id, outcome.messageId);
          result.sent++;
          return;
        case "retry_later":
          log.warn({ ...context, chatId: outcome.chatId, error: outcome.error }, "delivery deferred");
          if (outcome.cause === "rate_limit") await defer(row, outcome.error, outcome.retryAt, result);
          else await giveBack(row, outcome.error, outcome.retryAt, result);
          return;
        case "failed":
          await outbox.markFailed(row.id, `${outcome.reason}: ${outcome.error}`, true);
          result.failed++;
          log.warn(
            { ...context, chatId: outcome.chatId, reason: outcome.reason, error: outcome.error },
            "delivery failed",
          );
          return;
      }
    } catch (error) {
      const stopped = isAbort(error, signal);
      if (!stopped) {
        result.errors++;
        log.error({ ...context, err: errorForLog(error) }, "delivery failed unexpectedly");
      }
      try {
        if (stopped) await defer(row, "scheduler stopped before sending", clock.now(), result);
        else {
          const retryAt = new Date(clock.now().getTime() + backoffDelay(row.attempts, retryPolicy));
          await giveBack(row, `unexpected: ${describe(error)}`, retryAt, result);
        }
      } catch (markError) {
        // The lease will run out and a later tick will pick the row up again.
        log.error({ ...context, err: errorForLog(markError) }, "could not record the outcome of a delivery");
      }
    } finally {
      if (holdsSlot) slots.give();
    }
  }

  async function runTick(): Promise<TickResult> {
    const started = performance.now();
    const result = emptyResult();
    const signal = abort.signal;
    try {
      const expired = await outbox.dropExpired(clock.now());
      result.expired = expired.length;
      if (expired.length > 0)
        log.info(
          { keys: expired.slice(0, 20).map((r) => r.key), count: expired.length },
          "dropped expired deliveries",
        );
    } catch (error) {
      log.error({ err: errorForLog(error) }, "dropping expired deliveries failed");
    }

    const slots = createSlots(concurrency);
    const chains = new Map<string, Promise<void>>();
    const inFlight = new Set<Promise<void>>();
    let outstanding = 0;
    let onSettled: (() => void) | undefined;

    const dispatch = (row: OutboxRow, leaseDeadline: number): void => {
      // Rows to one chat go out in claim (due) order.
      const laneKey =
        row.chatId !== null ? `c${row.chatId}` : row.memberId !== null ? `m${row.memberId}` : `r${row.id}`;
      const previous = chains.get(laneKey) ?? Promise.resolve();
      const run = previous.then(() => processRow(row, leaseDeadline, slots, result, signal));
      chains.set(laneKey, run);
      outstanding++;
      inFlight.add(run);
      void run.finally(() => {
        inFlight.delete(run);
        if (chains.get(laneKey) === run) chains.delete(laneKey);
        outstanding--;
        onSettled?.();
      });
    };

    const waitForRoom = async (threshold: number): Promise<void> => {
      while (outstanding > threshold) {
        await new Promise<void>((resolve) => {
          onSettled = resolve;
        });
      }
      onSettled = undefined;
    };

    try {
      while (!signal.aborted) {
        const limit = batchSize - outstanding;
        const claimedAt = clock.now();
        const rows = await outbox.claimDue(claimedAt, workerId, limit, leaseMs);
        result.claimed += rows.length;
        for (const row of rows) dispatch(row, claimedAt.getTime() + leaseMs);
        if (rows.length < limit) break;
        await waitForRoom(Math.floor(batchSize / 2));
      }
    } catch (error) {
      log.error({ err: errorForLog(error) }, "claiming due deliveries failed");
    }
    await Promise.all(inFlight);
    result.durationMs = Math.round(performance.now() - started);
    if (result.claimed > 0 || result.expired > 0) log.info(result, "tick done");
    return result;
  }

  function tick(): Promise<TickResult> {
    const previous = current ?? Promise.resolve(emptyResult());
    const next = previous
      .catch(() => emptyResult())
      .then(runTick)
      .catch((error: unknown) => {
        // runTick catches per row and per phase; this is the last line of defence.
        log.error({ err: errorForLog(error) }, "tick failed");
        return { ...emptyResult(), errors: 1 };
      });
    current = next;
    void next.finally(() => {
      if (current === next) current = undefined;
    });
    return next;
  }

  return {
    workerId,
    limiter,
    start() {
      if (task) return;
      task = cron.schedule(
        options.cronExpression ?? DEFAULT_CRON,
        async () => {
          if (current) return; // a manual tick is running; the next beat will catch up
          await tick();
        },
        {
          name: `scheduler-${workerId}`,
          noOverlap: true,
          ...(options.timeZone ? { timezone: options.timeZone } : {}),
        },
      );
      log.info({ cron: options.cronExpression ?? DEFAULT_CRON }, "scheduler started");
    },
    async stop() {
      const stopping = task;
      task = undefined;
      if (stopping) await stopping.destroy();
      abort.abort(new Error("scheduler stopped"));
      await current;
      abort = createAbortController();
      log.info("scheduler stopped");
    },
    tick,
  };
}
