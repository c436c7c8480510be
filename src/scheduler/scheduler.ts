// The delivery loop. The database is the scheduler of record: node-cron only ticks, and each tick
// drops what expired, claims due rows (atomically, leased to this worker), asks each row's job what
// to send (jobs.ts), sends it through the rate limiter, records every message and every outcome,
// and runs the job's afterSent step.
//
// Progress: each message is recorded as soon as Telegram accepts it, so a row whose second message
// fails, or whose afterSent step fails, is retried later without sending its first message again.
//
// Concurrency: claimed rows are queued per chat (rows to one chat keep their order); chats proceed
// in parallel, at most `concurrency` rows being planned/sent at once. A row whose chat must wait
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
import { PermanentJobError, type Job, type SchedulerWaker, type SentMessage } from "./jobs.ts";
import { createTextJob } from "./text-renderer.ts";
import type { Outbox, OutboxRow } from "./types.ts";
import { setTimeout as delay } from "node:timers/promises";

export interface SchedulerOptions {
  outbox: Outbox;
  members: SenderMembers;
  chats: SenderChats;
  api: Api;
  clock: Clock;
  logger: Logger;
  /** Job per delivery kind; a "text" job without translation is built in. */
  jobs: Record<string, Job>;
  /** Identifies this process in claims; a random id by default. */
  workerId?: string;
  /** Rows claimed at a time (and the most kept in flight). Default 100. */
  batchSize?: number;
  /** How long a claim is exclusive; an unfinished row is claimable again after that. Default 5 min. */
  leaseMs?: number;
  /** Rows planned/sent at the same time. Default 64. */
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
  /** Rows done: every message sent and afterSent run (rows of zero messages included). */
  sent: number;
  /** Messages Telegram accepted. */
  messages: number;
  /** Failed permanently (unreachable, bad request, too many attempts). */
  failed: number;
  /** Given back to the outbox to be tried again later. */
  retrying: number;
  /** Dropped by a job (`skip`) or because they expired while waiting. */
  dropped: number;
  /** Rows whose processing hit an unexpected error (logged with their context). */
  errors: number;
  durationMs: number;
}

export interface Scheduler extends SchedulerWaker {
  start(): void;
  /** Stops the ticker, cuts short rate-limit waits and waits for the in-flight tick to finish. */
  stop(): Promise<void>;
  /** Runs one tick now (after any tick in flight). */
  tick(): Promise<TickResult>;
  readonly workerId: string;
  readonly limiter: RateLimiter;
}

const DEFAULT_CRON = "*/5 * * * * *";
/** Claim rounds a tick runs at most because jobs woke it (a job that keeps writing due rows ends). */
const MAX_WAKE_ROUNDS = 10;
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
  return {
    expired: 0,
    claimed: 0,
    sent: 0,
    messages: 0,
    failed: 0,
    retrying: 0,
    dropped: 0,
    errors: 0,
    durationMs: 0,
  };
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
  const jobs: Record<string, Job> = { text: createTextJob(), ...options.jobs };
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
  /** wake() was called since the current tick's last claim. */
  let wakeRequested = false;
  let wakeTimer: NodeJS.Immediate | undefined;
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

  /** A job's step threw: a PermanentJobError fails the row, anything else is retried later. */
  async function failStep(
    row: OutboxRow,
    step: "plan" | "afterSent",
    error: unknown,
    now: Date,
    result: TickResult,
  ): Promise<void> {
    const context = { rowId: row.id, key: row.key, kind: row.kind, step };
    if (error instanceof PermanentJobError) {
      await outbox.markFailed(row.id, `${step}: ${error.message}`, true);
      result.failed++;
      log.error({ ...context, error: error.message }, "delivery cannot be handled");
      return;
    }
    log.error({ ...context, err: errorForLog(error) }, `${step} failed; will retry`);
    const retryAt = new Date(now.getTime() + backoffDelay(row.attempts, retryPolicy));
    await giveBack(row, `${step}: ${describe(error)}`, retryAt, result);
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
      const job = jobs[row.kind];
      if (!job) {
        await outbox.markFailed(row.id, `no job for kind "${row.kind}"`, true);
        result.failed++;
        log.error(context, "no job for delivery kind");
        return;
      }
      let plan;
      try {
        plan = await job.plan(row);
      } catch (error) {
        await failStep(row, "plan", error, now, result);
        return;
      }
      if ("skip" in plan) {
        await outbox.markDropped(row.id, plan.skip);
        result.dropped++;
        return;
      }

      // Only a row claimed before can have sent something already.
      const sent = new Map<number, SentMessage>();
      if (row.attempts > 1) for (const m of await outbox.sentMessages(row.id)) sent.set(m.position, m);
      for (const [position, message] of plan.messages.entries()) {
        if (sent.has(position)) continue;
        const messageContext = { ...context, position };
        const chatId = message.chatId ?? row.chatId;
        if (chatId === null) {
          await outbox.markFailed(row.id, `message ${position} has no chat`, true);
          result.failed++;
          log.error(messageContext, "planned message has no chat");
          return;
        }
        // Before each message: the row may have expired, or this chat's wait may outlast the lease
        // (the wait before the slot only looked at the row's own chat).
        const at = clock.now();
        if (isExpired(row, at)) {
          await outbox.markDropped(row.id, `expired after ${sent.size} of ${plan.messages.length} messages`);
          result.dropped++;
          return;
        }
        const wait = limiter.estimateWait(chatId);
        if (wait > 0 && at.getTime() + wait + LEASE_SAFETY_MS > leaseDeadline) {
          await defer(row, "chat rate limit outlasts the lease", new Date(at.getTime() + wait), result);
          return;
        }
        const outcome = await sender.send({ ...message, chatId }, { signal, context: messageContext });
        switch (outcome.status) {
          case "sent": {
            const record: SentMessage = {
              position,
              chatId: outcome.chatId,
              messageId: outcome.messageId ?? null,
              sentAt: clock.now(),
            };
            if (!(await outbox.recordMessage(row.id, record))) {
              log.warn(messageContext, "message was already recorded by another claim of the row");
            }
            sent.set(position, record);
            result.messages++;
            break;
          }
          case "retry_later":
            log.warn(
              { ...messageContext, chatId: outcome.chatId, error: outcome.error },
              "delivery deferred",
            );
            if (outcome.cause === "rate_limit") await defer(row, outcome.error, outcome.retryAt, result);
            else await giveBack(row, outcome.error, outcome.retryAt, result);
            return;
          case "failed":
            await outbox.markFailed(row.id, `${outcome.reason}: ${outcome.error}`, true);
            result.failed++;
            log.warn(
              { ...messageContext, chatId: outcome.chatId, reason: outcome.reason, error: outcome.error },
              "delivery failed",
            );
            return;
        }
      }

      const messages = [...sent.values()].sort((a, b) => a.position - b.position);
      if (job.afterSent) {
        try {
          await job.afterSent(row, messages);
        } catch (error) {
          await failStep(row, "afterSent", error, clock.now(), result);
          return;
        }
      }
      await outbox.markSent(row.id, messages[0]?.messageId ?? undefined);
      result.sent++;
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

    // A job that wrote rows due now woke the scheduler: claim again once this round is done.
    for (let round = 0; round <= MAX_WAKE_ROUNDS && !signal.aborted; round++) {
      wakeRequested = false;
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
      if (!wakeRequested) break;
    }
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
      if (current !== next) return;
      current = undefined;
      // A wake that came after the tick's last claim round (or beyond its rounds) is not lost.
      if (wakeRequested) wake();
    });
    return next;
  }

  function wake(): void {
    if (current) {
      wakeRequested = true;
      return;
    }
    wakeRequested = false;
    // Ticks are by hand when the ticker is not running (tests, the demo's manual clock).
    if (!task || wakeTimer) return;
    wakeTimer = setImmediate(() => {
      wakeTimer = undefined;
      if (task && !current) void tick();
    });
  }

  return {
    workerId,
    limiter,
    wake,
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
      if (wakeTimer) clearImmediate(wakeTimer);
      wakeTimer = undefined;
      if (stopping) await stopping.destroy();
      abort.abort(new Error("scheduler stopped"));
      await current;
      abort = createAbortController();
      log.info("scheduler stopped");
    },
    tick,
  };
}
