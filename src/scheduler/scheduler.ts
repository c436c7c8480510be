// The delivery loop. The database is the scheduler of record: node-cron only ticks, and each tick
// drops what expired, claims due rows (atomically, leased to this worker), asks each row's job what
// to send (jobs.ts), sends it through the rate limiter, records every message and every outcome,
// and runs the job's afterSent step.
//
// Progress: each message is recorded as soon as Telegram accepts it, so a row whose second message
// fails, or whose afterSent step fails, is retried later without sending its first message again.
//
// Leases: a claim is exclusive for a short lease (30 s), renewed by a heartbeat every 10 s for every
// row this worker still holds. A worker that dies (kill -9, a power cut) stops renewing, so its rows
// are claimable again within one lease; a live worker never loses a row while it renews. If
// renewals fail (the database is away), the worker stops sending a row once its lease may lapse
// within LEASE_SAFETY, so two live workers never send one row. A worker that is the only one on
// its database (SQLite: one service per file) releases, at its first tick, the rows an earlier life
// of the service left claimed, instead of waiting out their leases.
//
// Database outages: a message Telegram accepted is never sent again because its outcome could not
// be written. While the database is unavailable (isDatabaseUnavailable: by error class and code),
// what the worker could not write — the DeliveryMessage records, afterSent still to run, the final
// status — is kept in memory, with the row still claimed by this worker. When the database answers
// again those outcomes are written first, before anything else is claimed; the outage is logged
// once when it starts and once when it ends. While the ticker runs, a tick is tried every second
// during an outage, so sending resumes within about a second of the database's return.
//
// Paused cells: rows of an inactive cell are not claimed (the outbox leaves them pending), and a
// row whose cell was paused after it was claimed is put back unsent without counting an attempt.
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
import { Api, type Transformer } from "grammy";
import cron, { type ScheduledTask } from "node-cron";
import type { Clock } from "../clock.ts";
import { messageOf } from "../db/errors.ts";
import { isDatabaseUnavailable, isUnclassifiedPrismaError } from "../db/prisma-errors.ts";
import type { Logger } from "../logger.ts";
import { createRateLimiter, type RateLimiter, type Sleep } from "./rate-limiter.ts";
import {
  backoffDelay,
  createSender,
  type RetryPolicy,
  type SenderChats,
  type SenderMembers,
  type SendOutcome,
} from "./sender.ts";
import { describe, errorForLog, redactToken } from "./telegram-errors.ts";
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
  /**
   * How long a claim is exclusive without renewal; a dead worker's rows are claimable again after
   * that. Default 30 s.
   */
  leaseMs?: number;
  /** Real time between lease renewals while rows are held. Default a third of the lease. */
  heartbeatMs?: number;
  /**
   * This worker is the only one on its database (the SQLite service holds the file exclusively):
   * rows claimed by any other worker id are left over from a dead process and are released at the
   * first tick.
   */
  soleWorker?: boolean;
  /** A chat wait longer than this puts the row back for later instead of holding it. Default 5 min. */
  maxChatWaitMs?: number;
  /** Rows planned/sent at the same time. Default 64. */
  concurrency?: number;
  /** Attempts after which a transient failure becomes permanent. Default 5. */
  maxAttempts?: number;
  /** node-cron expression (with seconds) for the ticker. Default every 5 seconds. */
  cronExpression?: string;
  /** Real time between ticks while the database is unavailable (ticker running). Default 1 s. */
  outageRetryMs?: number;
  timeZone?: string;
  /** Shared with other senders in the process, so all of them stay under one set of limits. */
  limiter?: RateLimiter;
  retry?: Partial<RetryPolicy>;
  sleep?: Sleep;
  /** Installed on the Api the scheduler sends with (monitoring). */
  apiTransformers?: readonly Transformer[];
  /** Told the outcome of every message send (metrics). */
  onSendOutcome?: (outcome: SendOutcome) => void;
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
  /** Put back unsent, without counting an attempt, because their cell is paused. */
  held: number;
  /** Rows whose outcome is kept in memory because the database was unavailable. */
  unrecorded: number;
  /** Outcomes kept in memory earlier and written by this tick. */
  recorded: number;
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
const DEFAULT_LEASE_MS = 30_000;
/** Claim rounds a tick runs at most because jobs woke it (a job that keeps writing due rows ends). */
const MAX_WAKE_ROUNDS = 10;
/** A row is not sent if its lease could lapse within this margin of the send (a third of the lease at most). */
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
    held: 0,
    unrecorded: 0,
    recorded: 0,
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

/** One line about a database failure for the log: Prisma's messages run over several lines. */
function describeDatabaseError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const lines = messageOf(error)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^Invalid `.*` invocation/.test(line));
  const text = `${typeof code === "string" ? `${code} ` : ""}${lines.at(-1) ?? "unknown error"}`;
  return redactToken(text.length > 300 ? `${text.slice(0, 300)}…` : text);
}

/** This worker's claim on a row it holds: renewed by the heartbeat, or lost to another worker. */
interface Lease {
  /** Clock time (ms) until which the claim is known to be exclusive. */
  until: number;
  /** A renewal found the row no longer claimed by this worker: send nothing more for it. */
  lost: boolean;
}

/** How a claim of a row ends: the write that gives the row its next status. */
type Finish =
  /** Done: run afterSent if it has not run yet, then mark the row sent. */
  | { kind: "sent"; job: Job; afterSentDone: boolean }
  | { kind: "failed"; error: string }
  /** Back to pending, due at `retryAt` (counts as an attempt). */
  | { kind: "retry"; error: string; retryAt: Date }
  | { kind: "dropped"; reason: string }
  /**
   * Back to pending unsent: due as before and the claim not counted as an attempt if this claim
   * sent nothing, else as a retry due now (a row that sent something must keep its attempt count,
   * which tells the next claim to look up what was sent).
   */
  | { kind: "release"; reason: string };

/** What this worker knows about a row it claimed and has not finished writing. */
interface RowState {
  row: OutboxRow;
  lease: Lease;
  /** Every message of the row known to be sent, by position (earlier claims' and this one's). */
  sent: Map<number, SentMessage>;
  /** Sent by this claim and not yet recorded in DeliveryMessage (the database was unavailable). */
  unrecorded: SentMessage[];
  sentThisClaim: boolean;
  /** Decided and not yet written. */
  finish: Finish | undefined;
  /** The row's processing is over; only writes remain. */
  settled: boolean;
  /** A write of this row is in progress (processRow or a flush). */
  writing: boolean;
}

/** A write that failed because the database is unavailable: the state waits in the journal. */
class OutageError extends Error {
  override name = "OutageError";
  constructor(cause: unknown) {
    super("database unavailable", { cause });
  }
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const heartbeatMs = Math.max(100, options.heartbeatMs ?? Math.floor(leaseMs / 3));
  const leaseSafetyMs = Math.min(LEASE_SAFETY_MS, Math.floor(leaseMs / 3));
  const maxChatWaitMs = options.maxChatWaitMs ?? 5 * 60_000;
  const concurrency = Math.max(1, options.concurrency ?? 64);
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const outageRetryMs = options.outageRetryMs ?? 1_000;
  const { outbox, clock } = options;
  const guard = { workerId };
  const sleep = options.sleep ?? realSleep;
  const log = options.logger.child({ component: "scheduler", workerId });
  const limiter = options.limiter ?? createRateLimiter();
  const jobs: Record<string, Job> = { text: createTextJob(), ...options.jobs };
  // Scheduled sends apply their own policy (see sender.ts). The bot's Api carries auto-retry, which
  // would retry a network error indefinitely inside a tick and wait out 429s behind the limiter's
  // back, so sends go through a plain Api with the same token and client options.
  const sendApi = new Api(options.api.token, options.api.options);
  sendApi.config.use(...(options.apiTransformers ?? []));
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

  /** Rows this worker holds a claim on (in flight, or with outcomes waiting in the journal). */
  const leases = new Map<number, Lease>();
  let heartbeat: NodeJS.Timeout | undefined;
  let renewing = false;
  /** Rows whose outcome could not be written because the database was unavailable. */
  const journal = new Map<number, RowState>();
  /** Set while the database is unavailable: when it began (performance.now) and why. */
  let outage: { since: number; reason: string } | undefined;
  let outageTimer: NodeJS.Timeout | undefined;
  /** Cells found paused at the last claim: their rows are put back if claimed meanwhile. */
  let pausedCells = new Set<number>();
  let leftoversReleased = !options.soleWorker;

  // ---------------------------------------------------------------------------------------------
  // Outages

  /** Whether `error` means the database is unavailable (by class and code, or by asking it). */
  async function isOutage(error: unknown): Promise<boolean> {
    if (error instanceof OutageError || isDatabaseUnavailable(error)) return true;
    if (!isUnclassifiedPrismaError(error)) return false;
    // A driver error Prisma passed through without a code (pg's "connection terminated"): the
    // database is down if it does not answer a trivial query now.
    try {
      await outbox.ping();
      return false;
    } catch {
      return true;
    }
  }

  function noteOutage(error: unknown): void {
    if (outage) return;
    outage = { since: performance.now(), reason: describeDatabaseError(error) };
    log.warn(
      { error: outage.reason },
      "database unavailable: delivery outcomes are kept in memory and written when it answers again",
    );
    scheduleOutageRetry();
  }

  function noteRecovered(recorded: number): void {
    if (!outage) return;
    const downMs = Math.round(performance.now() - outage.since);
    outage = undefined;
    if (outageTimer) clearTimeout(outageTimer);
    outageTimer = undefined;
    log.info({ downMs, recorded }, "database available again; outcomes kept in memory are recorded");
  }

  /** While the database is away and the ticker runs, try again every second rather than every beat. */
  function scheduleOutageRetry(): void {
    if (!task || outageTimer) return;
    outageTimer = setTimeout(() => {
      outageTimer = undefined;
      if (!outage || !task) return;
      if (!current) void tick();
      scheduleOutageRetry();
    }, outageRetryMs);
    outageTimer.unref();
  }

  // ---------------------------------------------------------------------------------------------
  // Leases

  function hold(row: OutboxRow, until: number): Lease {
    const lease = { until, lost: false };
    leases.set(row.id, lease);
    if (!heartbeat) {
      heartbeat = setInterval(() => void renewLeases(), heartbeatMs);
      heartbeat.unref();
    }
    return lease;
  }

  function letGo(id: number): void {
    leases.delete(id);
    if (leases.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  }

  /** One UPDATE extends the lease of every row this worker still holds. */
  async function renewLeases(): Promise<void> {
    if (renewing || leases.size === 0) return;
    renewing = true;
    const ids = [...leases.keys()];
    const until = clock.now().getTime() + leaseMs;
    try {
      const kept = new Set(await outbox.renewLeases(workerId, ids, new Date(until)));
      for (const id of ids) {
        const lease = leases.get(id);
        if (!lease) continue;
        if (kept.has(id)) lease.until = Math.max(lease.until, until);
        else if (!journal.has(id)) {
          // Finished meanwhile (nothing to do), or taken by another worker after a lapse.
          lease.lost = true;
        }
      }
    } catch (error) {
      if (await isOutage(error)) noteOutage(error);
      else log.warn({ err: errorForLog(error) }, "renewing delivery leases failed");
    } finally {
      renewing = false;
    }
  }

  /** The claim is this worker's and will stay so for at least `marginMs` more. */
  function leaseAllows(lease: Lease, marginMs: number): boolean {
    return !lease.lost && clock.now().getTime() + marginMs + leaseSafetyMs <= lease.until;
  }

  // ---------------------------------------------------------------------------------------------
  // Writing outcomes

  /** Writes what the state still owes the database: its message records, then its finish. */
  async function writeState(state: RowState, result: TickResult): Promise<void> {
    const { row } = state;
    while (state.unrecorded.length > 0) {
      const message = state.unrecorded[0]!;
      try {
        if (!(await outbox.recordMessage(row.id, message))) {
          log.warn(
            { rowId: row.id, key: row.key, position: message.position },
            "message was already recorded by another claim of the row",
          );
        }
      } catch (error) {
        if (await isOutage(error)) throw new OutageError(error);
        // Not an outage: the record is lost, but the row's final status below still keeps the
        // message from being sent again by a retry of the row.
        log.error(
          { rowId: row.id, key: row.key, position: message.position, err: errorForLog(error) },
          "could not record a sent message",
        );
      }
      state.unrecorded.shift();
    }
    const finish = state.finish;
    if (!finish) return;
    let changed: boolean;
    try {
      changed = await writeFinish(state, finish, result);
    } catch (error) {
      if (await isOutage(error)) throw new OutageError(error);
      throw error;
    }
    state.finish = undefined;
    if (!changed) {
      log.warn(
        { rowId: row.id, key: row.key, outcome: finish.kind },
        "the row's claim passed to another worker before its outcome was written",
      );
    }
  }

  async function writeFinish(state: RowState, finish: Finish, result: TickResult): Promise<boolean> {
    const { row } = state;
    switch (finish.kind) {
      case "sent": {
        const messages = [...state.sent.values()].sort((a, b) => a.position - b.position);
        if (!finish.afterSentDone && finish.job.afterSent) {
          try {
            await finish.job.afterSent(row, messages);
          } catch (error) {
            if (await isOutage(error)) throw new OutageError(error);
            // The job's own failure: retried (or failed) as any afterSent failure.
            state.finish = stepFailure(row, "afterSent", error, clock.now(), result);
            return writeFinish(state, state.finish, result);
          }
          // Not run again if only the status write below fails.
          state.finish = { ...finish, afterSentDone: true };
        }
        return outbox.markSent(row.id, messages[0]?.messageId ?? undefined, guard);
      }
      case "failed":
        return outbox.markFailed(row.id, finish.error, true, undefined, guard);
      case "retry":
        return outbox.markFailed(row.id, finish.error, false, finish.retryAt, guard);
      case "dropped":
        return outbox.markDropped(row.id, finish.reason, guard);
      case "release":
        return state.sentThisClaim
          ? outbox.markFailed(row.id, finish.reason, false, clock.now(), guard)
          : outbox.hold(row.id, finish.reason, guard);
    }
  }

  /**
   * Writes the state now, unless the database is away: then it joins the journal, and whatever the
   * row still does is added to it and written by the flush.
   */
  async function persist(state: RowState, result: TickResult): Promise<void> {
    if (journal.has(state.row.id) || state.writing) return;
    state.writing = true;
    try {
      await writeState(state, result);
      if (state.settled) letGo(state.row.id);
    } catch (error) {
      if (!(error instanceof OutageError)) throw error;
      noteOutage(error.cause);
      journal.set(state.row.id, state);
      result.unrecorded++;
    } finally {
      state.writing = false;
    }
  }

  /**
   * Writes every outcome kept in memory, oldest first. Returns false while the database is still
   * unavailable (nothing else should be claimed then).
   */
  async function flushJournal(result: TickResult): Promise<boolean> {
    for (const state of [...journal.values()]) {
      if (state.writing) continue;
      state.writing = true;
      try {
        await writeState(state, result);
        result.recorded++;
        journal.delete(state.row.id);
        if (state.settled) letGo(state.row.id);
      } catch (error) {
        if (error instanceof OutageError) return false;
        // Anything else is this row's problem, not the database's: log it and let the lease run out.
        journal.delete(state.row.id);
        letGo(state.row.id);
        result.errors++;
        log.error(
          { rowId: state.row.id, key: state.row.key, err: errorForLog(error) },
          "could not record the outcome of a delivery",
        );
      } finally {
        state.writing = false;
      }
    }
    return true;
  }

  /** Before claiming: write what the last outage left in memory, or find out the database is back. */
  async function recover(result: TickResult): Promise<boolean> {
    if (!outage && journal.size === 0) return true;
    const before = result.recorded;
    if (!(await flushJournal(result))) return false;
    if (outage) {
      try {
        await outbox.ping();
      } catch (error) {
        if (await isOutage(error)) return false;
      }
      // A row still being processed writes for itself; what it kept in memory waits for it.
      if ([...journal.values()].some((s) => !s.settled)) return false;
      noteRecovered(result.recorded - before);
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Rows

  /** A job's step threw: a PermanentJobError fails the row, anything else is retried later. */
  function stepFailure(
    row: OutboxRow,
    step: "plan" | "afterSent",
    error: unknown,
    now: Date,
    result: TickResult,
  ): Finish {
    const context = { rowId: row.id, key: row.key, kind: row.kind, step };
    if (error instanceof PermanentJobError) {
      result.failed++;
      log.error({ ...context, error: error.message }, "delivery cannot be handled");
      return { kind: "failed", error: `${step}: ${error.message}` };
    }
    log.error({ ...context, err: errorForLog(error) }, `${step} failed; will retry`);
    const retryAt = new Date(now.getTime() + backoffDelay(row.attempts, retryPolicy));
    return giveBack(row, `${step}: ${describe(error)}`, retryAt, result);
  }

  /** Puts a row back after a failure, or fails it for good once it has used its attempts. */
  function giveBack(row: OutboxRow, error: string, retryAt: Date, result: TickResult): Finish {
    if (row.attempts >= maxAttempts) {
      result.failed++;
      return { kind: "failed", error: `${error} (after ${row.attempts} attempts)` };
    }
    result.retrying++;
    return { kind: "retry", error, retryAt };
  }

  /** Puts a row back for later because of pacing, not failure: it never becomes permanent. */
  function defer(reason: string, retryAt: Date, result: TickResult): Finish {
    result.retrying++;
    return { kind: "retry", error: reason, retryAt };
  }

  /** Decides how the claim of `state.row` ends; null when the row was lost to another worker. */
  async function runRow(
    state: RowState,
    slots: ReturnType<typeof createSlots>,
    result: TickResult,
    signal: AbortSignal,
  ): Promise<Finish | null> {
    const { row, lease } = state;
    const context = { rowId: row.id, key: row.key, kind: row.kind };
    if (signal.aborted) return defer("scheduler stopped before sending", clock.now(), result);
    if (isExpired(row, clock.now())) {
      result.dropped++;
      return { kind: "dropped", reason: "expired" };
    }
    if (row.cellId !== null && pausedCells.has(row.cellId)) {
      result.held++;
      return { kind: "release", reason: "cell paused" };
    }
    // Wait for a busy chat without holding a slot, unless the wait is too long to hold the row.
    if (row.chatId !== null) {
      const wait = limiter.estimateWait(row.chatId);
      if (wait > maxChatWaitMs) {
        return defer("chat rate limit wait too long", new Date(clock.now().getTime() + wait), result);
      }
      if (wait > 0) await sleep(wait, signal);
    }
    await slots.take();
    try {
      return await planAndSend(state, result, signal, context);
    } finally {
      slots.give();
    }

    async function planAndSend(
      state: RowState,
      result: TickResult,
      signal: AbortSignal,
      context: { rowId: number; key: string; kind: string },
    ): Promise<Finish | null> {
      const now = clock.now();
      if (isExpired(row, now)) {
        result.dropped++;
        return { kind: "dropped", reason: "expired" };
      }
      const job = jobs[row.kind];
      if (!job) {
        result.failed++;
        log.error(context, "no job for delivery kind");
        return { kind: "failed", error: `no job for kind "${row.kind}"` };
      }
      let plan;
      try {
        plan = await job.plan(row);
      } catch (error) {
        if (await isOutage(error)) throw new OutageError(error);
        return stepFailure(row, "plan", error, now, result);
      }
      if ("skip" in plan) {
        result.dropped++;
        return { kind: "dropped", reason: plan.skip };
      }

      // Only a row claimed before can have sent something already.
      if (row.attempts > 1) {
        for (const m of await outbox.sentMessages(row.id)) state.sent.set(m.position, m);
      }
      for (const [position, message] of plan.messages.entries()) {
        if (state.sent.has(position)) continue;
        const messageContext = { ...context, position };
        const chatId = message.chatId ?? row.chatId;
        if (chatId === null) {
          result.failed++;
          log.error(messageContext, "planned message has no chat");
          return { kind: "failed", error: `message ${position} has no chat` };
        }
        // Before each message: the row may have expired, or this chat's wait may be too long (the
        // wait before the slot only looked at the row's own chat), or the claim may be slipping.
        const at = clock.now();
        if (isExpired(row, at)) {
          result.dropped++;
          return {
            kind: "dropped",
            reason: `expired after ${state.sent.size} of ${plan.messages.length} messages`,
          };
        }
        const wait = limiter.estimateWait(chatId);
        if (wait > maxChatWaitMs) {
          return defer("chat rate limit wait too long", new Date(at.getTime() + wait), result);
        }
        // The chat's wait is not held against the lease: the heartbeat renews it meanwhile, and
        // the sender asks again (canSend) right before the request goes out.
        if (lease.lost) return null;
        if (!leaseAllows(lease, 0)) {
          log.warn(messageContext, "lease could lapse before the send; putting the row back");
          return { kind: "release", reason: "lease could lapse before the send" };
        }
        const outcome = await sender.send(
          { ...message, chatId },
          { signal, context: messageContext, canSend: () => leaseAllows(lease, 0) },
        );
        options.onSendOutcome?.(outcome);
        switch (outcome.status) {
          case "sent": {
            const record: SentMessage = {
              position,
              chatId: outcome.chatId,
              messageId: outcome.messageId ?? null,
              sentAt: clock.now(),
            };
            state.sent.set(position, record);
            state.sentThisClaim = true;
            state.unrecorded.push(record);
            result.messages++;
            // Recorded at once so a retry of the row skips it; if the database is away, kept in
            // memory and the row goes on (the sends do not need the database).
            await persist(state, result);
            break;
          }
          case "retry_later":
            if (outcome.cause === "withdrawn") {
              if (lease.lost) return null;
              return { kind: "release", reason: "lease could lapse before the send" };
            }
            log.warn(
              { ...messageContext, chatId: outcome.chatId, error: outcome.error },
              "delivery deferred",
            );
            if (outcome.cause === "rate_limit") return defer(outcome.error, outcome.retryAt, result);
            return giveBack(row, outcome.error, outcome.retryAt, result);
          case "failed":
            result.failed++;
            log.warn(
              { ...messageContext, chatId: outcome.chatId, reason: outcome.reason, error: outcome.error },
              "delivery failed",
            );
            return { kind: "failed", error: `${outcome.reason}: ${outcome.error}` };
        }
      }

      if (job.afterSent) {
        // While the database is away, afterSent is left to the flush (it writes).
        if (journal.has(row.id)) {
          result.sent++;
          return { kind: "sent", job, afterSentDone: false };
        }
        const messages = [...state.sent.values()].sort((a, b) => a.position - b.position);
        try {
          await job.afterSent(row, messages);
        } catch (error) {
          if (await isOutage(error)) {
            noteOutage(error);
            result.sent++;
            return { kind: "sent", job, afterSentDone: false };
          }
          return stepFailure(row, "afterSent", error, clock.now(), result);
        }
      }
      result.sent++;
      return { kind: "sent", job, afterSentDone: true };
    }
  }

  async function processRow(
    row: OutboxRow,
    lease: Lease,
    slots: ReturnType<typeof createSlots>,
    result: TickResult,
    signal: AbortSignal,
  ): Promise<void> {
    const context = { rowId: row.id, key: row.key, kind: row.kind };
    const state: RowState = {
      row,
      lease,
      sent: new Map(),
      unrecorded: [],
      sentThisClaim: false,
      finish: undefined,
      settled: false,
      writing: false,
    };
    let finish: Finish | null;
    try {
      finish = await runRow(state, slots, result, signal);
    } catch (error) {
      if (isAbort(error, signal)) {
        finish = defer("scheduler stopped before sending", clock.now(), result);
      } else if (await isOutage(error)) {
        // Planning or looking up the row's progress needs the database: try again once it is back.
        noteOutage(error instanceof OutageError ? error.cause : error);
        finish = { kind: "release", reason: "database unavailable" };
      } else {
        result.errors++;
        log.error({ ...context, err: errorForLog(error) }, "delivery failed unexpectedly");
        const retryAt = new Date(clock.now().getTime() + backoffDelay(row.attempts, retryPolicy));
        finish = giveBack(row, `unexpected: ${describe(error)}`, retryAt, result);
      }
    }
    if (finish === null) {
      // Another worker holds the row now; it sees what was recorded and takes it from there.
      log.warn(context, "lost the claim on a row to another worker; leaving it to them");
      state.finish = undefined;
    } else {
      state.finish = finish;
    }
    state.settled = true;
    if (journal.has(row.id)) return; // the flush writes it with the rest of its outcome
    try {
      await persist(state, result);
    } catch (error) {
      // The lease will run out and a later tick will pick the row up again.
      log.error({ ...context, err: errorForLog(error) }, "could not record the outcome of a delivery");
      letGo(row.id);
    }
  }

  async function runTick(): Promise<TickResult> {
    const started = performance.now();
    const result = emptyResult();
    const signal = abort.signal;
    // Outcomes kept in memory during an outage are written before anything else is claimed.
    if (!(await recover(result))) {
      result.durationMs = Math.round(performance.now() - started);
      return result;
    }
    if (!leftoversReleased) {
      try {
        const released = await outbox.releaseClaimsOfOthers(workerId);
        leftoversReleased = true;
        if (released > 0) {
          log.info({ released }, "rows left claimed by an earlier run of this service released");
        }
      } catch (error) {
        if (await isOutage(error)) noteOutage(error);
        else log.error({ err: errorForLog(error) }, "releasing rows left claimed failed");
      }
    }
    try {
      const expired = await outbox.dropExpired(clock.now());
      result.expired = expired.length;
      if (expired.length > 0)
        log.info(
          { keys: expired.slice(0, 20).map((r) => r.key), count: expired.length },
          "dropped expired deliveries",
        );
    } catch (error) {
      if (await isOutage(error)) noteOutage(error);
      else log.error({ err: errorForLog(error) }, "dropping expired deliveries failed");
    }

    const slots = createSlots(concurrency);
    const chains = new Map<string, Promise<void>>();
    const inFlight = new Set<Promise<void>>();
    let outstanding = 0;
    let onSettled: (() => void) | undefined;

    const dispatch = (row: OutboxRow, leaseUntil: number): void => {
      const lease = hold(row, leaseUntil);
      // Rows to one chat go out in claim (due) order.
      const laneKey =
        row.chatId !== null ? `c${row.chatId}` : row.memberId !== null ? `m${row.memberId}` : `r${row.id}`;
      const previous = chains.get(laneKey) ?? Promise.resolve();
      const run = previous.then(() => processRow(row, lease, slots, result, signal));
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
          // A row of this tick found the database away: nothing more is claimed until its outcomes
          // are written (the next tick, or the next round once everything in flight is done).
          if (outage || journal.size > 0) break;
          const limit = batchSize - outstanding;
          pausedCells = new Set(await outbox.inactiveCellIds());
          const claimedAt = clock.now();
          const rows = await outbox.claimDue(claimedAt, workerId, limit, leaseMs);
          result.claimed += rows.length;
          for (const row of rows) dispatch(row, claimedAt.getTime() + leaseMs);
          if (rows.length < limit) break;
          await waitForRoom(Math.floor(batchSize / 2));
        }
      } catch (error) {
        if (await isOutage(error)) noteOutage(error);
        else log.error({ err: errorForLog(error) }, "claiming due deliveries failed");
      }
      await Promise.all(inFlight);
      if (outage || journal.size > 0) {
        // The database came back while rows were in flight: write what they kept, then go on.
        if (!(await recover(result))) break;
        wakeRequested = true;
      }
      if (!wakeRequested) break;
    }
    result.durationMs = Math.round(performance.now() - started);
    if (result.claimed > 0 || result.expired > 0 || result.recorded > 0) log.info(result, "tick done");
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
      // Rows that came due while the service was down (or being restarted) go out now, not at the
      // next beat.
      wake();
    },
    async stop() {
      const stopping = task;
      task = undefined;
      if (wakeTimer) clearImmediate(wakeTimer);
      wakeTimer = undefined;
      if (outageTimer) clearTimeout(outageTimer);
      outageTimer = undefined;
      if (stopping) await stopping.destroy();
      abort.abort(new Error("scheduler stopped"));
      await current;
      if (journal.size > 0 && !(await flushJournal(emptyResult()))) {
        // Nothing else can keep them: these rows stay claimed until their lease lapses, and a
        // message among them that Telegram accepted may then be sent again.
        log.error(
          { keys: [...journal.values()].slice(0, 20).map((s) => s.row.key), count: journal.size },
          "stopping with delivery outcomes the database could not record",
        );
      }
      journal.clear();
      for (const id of [...leases.keys()]) letGo(id);
      abort = createAbortController();
      log.info("scheduler stopped");
    },
    tick,
  };
}
