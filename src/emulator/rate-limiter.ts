import { performance } from "node:perf_hooks";
import type { RateLimits } from "./types.ts";

/**
 * Defaults follow Telegram's published guidance ("about 1 message per second per chat, 20 per minute
 * per group, about 30 per second overall"). The per-chat limit is a token bucket so that a reply
 * followed by a quick follow-up (common in private chats) is not punished, which matches what real
 * bots observe; sustained sending is held to one per second.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  perChatBurst: 3,
  perChatPerSecond: 1,
  groupPerWindow: 20,
  groupWindowMs: 60_000,
  globalPerWindow: 30,
  globalWindowMs: 1_000,
};

class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  private refill(now: number): void {
    const elapsed = now - this.last;
    if (elapsed > 0) {
      this.tokens = Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.perSecond);
      this.last = now;
    }
  }

  /** Milliseconds until a token is available; 0 if one is available now. */
  waitMs(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) return 0;
    return ((1 - this.tokens) / this.perSecond) * 1000;
  }

  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }
}

/** At most `limit` events in any rolling window, kept as a ring of the last `limit` timestamps. */
class SlidingWindow {
  private readonly times: number[];
  private next = 0;
  private count = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    this.times = new Array<number>(Math.max(1, limit)).fill(0);
  }

  waitMs(now: number): number {
    if (this.limit <= 0) return this.windowMs;
    if (this.count < this.limit) return 0;
    const oldest = this.times[this.next] ?? 0;
    const wait = oldest + this.windowMs - now;
    return wait > 0 ? wait : 0;
  }

  take(now: number): void {
    this.times[this.next] = now;
    this.next = (this.next + 1) % this.times.length;
    if (this.count < this.limit) this.count += 1;
  }
}

export class RateLimiter {
  private readonly chatBuckets = new Map<string, TokenBucket>();
  private readonly groupWindows = new Map<string, SlidingWindow>();
  private readonly globalWindows = new Map<number, SlidingWindow>();

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /**
   * Whole seconds the caller must wait (at least 1) if the send would exceed a limit, else 0.
   * Does not consume capacity: call `commit` once the send was executed.
   */
  check(botId: number, chatId: number, isGroupLike: boolean): number {
    const now = this.clock();
    const key = `${botId}:${chatId}`;
    let waitMs = this.bucket(key, now).waitMs(now);
    if (isGroupLike) waitMs = Math.max(waitMs, this.groupWindow(key).waitMs(now));
    waitMs = Math.max(waitMs, this.globalWindow(botId).waitMs(now));
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
  }

  commit(botId: number, chatId: number, isGroupLike: boolean): void {
    const now = this.clock();
    const key = `${botId}:${chatId}`;
    this.bucket(key, now).take(now);
    if (isGroupLike) this.groupWindow(key).take(now);
    this.globalWindow(botId).take(now);
  }

  private bucket(key: string, now: number): TokenBucket {
    let bucket = this.chatBuckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.limits.perChatBurst, this.limits.perChatPerSecond, now);
      this.chatBuckets.set(key, bucket);
    }
    return bucket;
  }

  private groupWindow(key: string): SlidingWindow {
    let window = this.groupWindows.get(key);
    if (!window) {
      window = new SlidingWindow(this.limits.groupPerWindow, this.limits.groupWindowMs);
      this.groupWindows.set(key, window);
    }
    return window;
  }

  private globalWindow(botId: number): SlidingWindow {
    let window = this.globalWindows.get(botId);
    if (!window) {
      window = new SlidingWindow(this.limits.globalPerWindow, this.limits.globalWindowMs);
      this.globalWindows.set(botId, window);
    }
    return window;
  }
}
