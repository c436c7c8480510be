// Paces outgoing sends so that the bot stays under Telegram's limits instead of drawing 429s:
// about 30 messages/s overall, 1 message/s per chat and 20 messages per rolling minute per group.
//
// Design, for thousands of chats:
// - Each chat has its own lane: one send per chat is in flight at a time, in call order, and the
//   next may start only when the chat's limits allow (1/s; 20 per rolling minute for groups, which
//   have negative ids; plus any `penalize` block after a 429).
// - Only once its chat is ready does a caller join the global FIFO queue. A chat that must wait (a
//   group that used up its 20 posts) therefore never holds a global slot or delays other chats.
// - Sends are counted from the moment Telegram *answered* them (`release`), not from when they were
//   let go. The server counts a request when it processes it, which is somewhere between the two; a
//   request still in flight counts as "now". So however late a request leaves (a busy event loop, a
//   slow network), the server never sees more than the limit in any window: no jitter margin to
//   tune, and throughput stays within (window + round trip) / window of the ideal (≈ 1% on a LAN).
// - Global grants are also spaced evenly (1000/30 ms apart), so the load is smooth rather than
//   bursts of 30 at the top of each second.
// - The state of chats idle for longer than the group window is dropped, so memory follows the chats
//   in flight, not every chat ever written to.
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";

export interface RateLimits {
  /** Sends per second across all chats. */
  globalPerSecond: number;
  /** Minimum time between Telegram's answer to one send and the next send to the same chat. */
  perChatIntervalMs: number;
  /** Sends per `groupWindowMs` to one group or supergroup (negative chat id). */
  groupPerWindow: number;
  groupWindowMs: number;
  /** Added to every window: covers timer and clock granularity between us and the server. */
  marginMs: number;
}

export const TELEGRAM_LIMITS: RateLimits = {
  globalPerSecond: 30,
  perChatIntervalMs: 1000,
  groupPerWindow: 20,
  groupWindowMs: 60_000,
  marginMs: 5,
};

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Call once Telegram has answered (or the request failed): the send then counts from that moment. */
export type Release = () => void;

export interface RateLimiterOptions {
  limits?: Partial<RateLimits>;
  /** Milliseconds on a monotonic clock; `performance.now()` by default. */
  now?: () => number;
  /** Resolves after `ms`; rejects when `signal` aborts. Real timers by default. */
  sleep?: Sleep;
}

export interface RateLimiter {
  /**
   * Resolves when a send to `chatId` may go out now, with the `Release` to call when it is done.
   * Until then the chat's next send waits. Rejects (with the signal's reason) if `signal` aborts
   * while waiting; an aborted call holds nothing.
   */
  acquire(chatId: number, signal?: AbortSignal): Promise<Release>;
  /** `acquire`, run `send`, release, whatever `send` does. */
  run<T>(chatId: number, send: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Blocks the chat for `ms` from now: Telegram answered 429 with `retry_after`. */
  penalize(chatId: number, ms: number): void;
  /** Estimated milliseconds before a new send to `chatId` could start, ignoring the global queue. */
  estimateWait(chatId: number): number;
  /** Number of chats whose state is currently kept (for tests and metrics). */
  trackedChats(): number;
  readonly limits: Readonly<RateLimits>;
}

interface ChatLane {
  /** When Telegram answered the most recent sends, oldest first (≤ groupPerWindow for groups, else 1). */
  done: number[];
  blockedUntil: number;
  /** Callers waiting for the lane or holding it. */
  queued: number;
  /** Settles when the last queued caller has released the lane. */
  tail: Promise<void>;
}

/** A global grant: in flight until `doneAt` is set. */
interface Grant {
  doneAt: number | null;
}

interface GlobalWaiter {
  grant: (entry: Grant) => void;
}

const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal ? { signal } : undefined);
};

export function isGroupChatId(chatId: number): boolean {
  return chatId < 0;
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const limits: RateLimits = { ...TELEGRAM_LIMITS, ...options.limits };
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;
  const globalSpacingMs = 1000 / limits.globalPerSecond;
  const globalWindowMs = 1000 + limits.marginMs;
  const chatIntervalMs = limits.perChatIntervalMs + limits.marginMs;
  const groupWindowMs = limits.groupWindowMs + limits.marginMs;
  const idleAfterMs = Math.max(chatIntervalMs, groupWindowMs);

  const lanes = new Map<number, ChatLane>();
  let lastSweep = now();

  // Global state: grants in flight or answered within the last window, and the FIFO of chats ready
  // to send.
  let recent: Grant[] = [];
  const waiters: GlobalWaiter[] = [];
  let lastGrantAt = Number.NEGATIVE_INFINITY;
  let wakeAt = Number.POSITIVE_INFINITY;

  function laneOf(chatId: number): ChatLane {
    let lane = lanes.get(chatId);
    if (!lane) {
      lane = { done: [], blockedUntil: 0, queued: 0, tail: Promise.resolve() };
      lanes.set(chatId, lane);
    }
    return lane;
  }

  function chatReadyAt(chatId: number, lane: ChatLane): number {
    let at = lane.blockedUntil;
    const last = lane.done[lane.done.length - 1];
    if (last !== undefined) at = Math.max(at, last + chatIntervalMs);
    if (isGroupChatId(chatId) && lane.done.length >= limits.groupPerWindow) {
      const oldestInWindow = lane.done[lane.done.length - limits.groupPerWindow];
      if (oldestInWindow !== undefined) at = Math.max(at, oldestInWindow + groupWindowMs);
    }
    return at;
  }

  /** Earliest time the next global grant may happen; +∞ while only an answer can free a slot. */
  function globalReadyAt(t: number): number {
    recent = recent.filter((g) => g.doneAt === null || g.doneAt > t - globalWindowMs);
    let at = lastGrantAt + globalSpacingMs;
    const excess = recent.length - limits.globalPerSecond + 1;
    if (excess > 0) {
      const expiries = recent
        .filter((g) => g.doneAt !== null)
        .map((g) => (g.doneAt as number) + globalWindowMs)
        .sort((a, b) => a - b);
      const freeAt = expiries[excess - 1];
      if (freeAt === undefined) return Number.POSITIVE_INFINITY;
      at = Math.max(at, freeAt);
    }
    return at;
  }

  function pump(): void {
    while (waiters.length > 0) {
      const t = now();
      const at = globalReadyAt(t);
      if (at <= t) {
        const waiter = waiters.shift() as GlobalWaiter;
        const entry: Grant = { doneAt: null };
        recent.push(entry);
        lastGrantAt = t;
        waiter.grant(entry);
        continue;
      }
      if (at < wakeAt) {
        // At most one timer per wake-up time; a release also pumps, so +∞ needs no timer.
        wakeAt = at;
        void sleep(at - t).then(() => {
          if (wakeAt === at) wakeAt = Number.POSITIVE_INFINITY;
          pump();
        });
      }
      return;
    }
  }

  function enterGlobalQueue(signal: AbortSignal | undefined): Promise<Grant> {
    return new Promise<Grant>((resolve, reject) => {
      const onAbort = () => {
        const index = waiters.indexOf(waiter);
        if (index >= 0) waiters.splice(index, 1);
        reject(signal?.reason as Error);
      };
      const waiter: GlobalWaiter = {
        grant: (entry) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(entry);
        },
      };
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      signal?.addEventListener("abort", onAbort, { once: true });
      waiters.push(waiter);
      pump();
    });
  }

  /** Drops lanes nobody waits on whose last send can no longer constrain a new one. */
  function sweep(at: number): void {
    if (at - lastSweep < idleAfterMs / 4) return;
    lastSweep = at;
    for (const [chatId, lane] of lanes) {
      const last = lane.done[lane.done.length - 1] ?? Number.NEGATIVE_INFINITY;
      if (lane.queued === 0 && lane.blockedUntil <= at && at - last >= idleAfterMs) lanes.delete(chatId);
    }
  }

  async function waitTurn(previous: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
    if (!signal) return previous;
    signal.throwIfAborted();
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason as Error);
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      await Promise.race([previous, aborted]);
    } finally {
      if (onAbort) signal.removeEventListener("abort", onAbort);
    }
  }

  async function acquire(chatId: number, signal?: AbortSignal): Promise<Release> {
    const lane = laneOf(chatId);
    lane.queued++;
    const previous = lane.tail;
    let freeLane!: () => void;
    const mine = new Promise<void>((resolve) => {
      freeLane = resolve;
    });
    // The next caller waits for both: our turn ends only after every earlier caller's did.
    lane.tail = previous.then(() => mine);
    let entry: Grant;
    try {
      await waitTurn(previous, signal);
      // Loop because `penalize` may push the chat's ready time while we sleep.
      for (;;) {
        const wait = chatReadyAt(chatId, lane) - now();
        if (wait <= 0) break;
        await sleep(wait, signal);
      }
      entry = await enterGlobalQueue(signal);
    } catch (error) {
      lane.queued--;
      freeLane();
      throw error;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const t = now();
      entry.doneAt = t;
      lane.done.push(t);
      const keep = isGroupChatId(chatId) ? limits.groupPerWindow : 1;
      if (lane.done.length > keep) lane.done.splice(0, lane.done.length - keep);
      lane.queued--;
      freeLane();
      sweep(t);
      pump();
    };
  }

  return {
    acquire,
    async run(chatId, send, signal) {
      const release = await acquire(chatId, signal);
      try {
        return await send();
      } finally {
        release();
      }
    },
    penalize(chatId, ms) {
      const lane = laneOf(chatId);
      lane.blockedUntil = Math.max(lane.blockedUntil, now() + ms);
    },
    estimateWait(chatId) {
      const lane = lanes.get(chatId);
      if (!lane) return 0;
      // Callers ahead of a new one (waiting or in flight) each take at least one per-chat interval.
      return Math.max(0, chatReadyAt(chatId, lane) - now()) + lane.queued * chatIntervalMs;
    },
    trackedChats: () => lanes.size,
    limits,
  };
}
