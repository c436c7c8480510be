import { describe, expect, it } from "vitest";
import { createRateLimiter, TELEGRAM_LIMITS } from "../../src/scheduler/rate-limiter.ts";
import { createVirtualTime } from "./virtual-time.ts";

interface Send {
  chatId: number;
  /** When the limiter let the send go. */
  grantedAt: number;
  /** When the server counts it: a little after the grant (network, a busy event loop). */
  at: number;
  /** When the answer came back and the send was released. */
  answeredAt: number;
}

/**
 * A limiter on virtual time and a `send` that models the trip to the server: the request reaches it
 * up to `jitterMs` after the grant and the answer comes back 1–2 ms later.
 */
function setup(options: { jitterMs?: number } = {}) {
  const jitterMs = options.jitterMs ?? 2;
  const time = createVirtualTime(1_000_000);
  const limiter = createRateLimiter({ now: time.now, sleep: time.sleep });
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const grants: Send[] = [];
  const send = async (chatId: number) => {
    const release = await limiter.acquire(chatId);
    const grantedAt = time.now();
    const at = grantedAt + random() * jitterMs;
    await time.sleep(at - grantedAt + 1 + random());
    grants.push({ chatId, grantedAt, at, answeredAt: time.now() });
    release();
  };
  return { time, limiter, grants, send };
}

/** Largest number of grants inside any half-open window [t, t + windowMs). */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

function byChat(grants: Send[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const g of grants) map.set(g.chatId, [...(map.get(g.chatId) ?? []), g.at]);
  return map;
}

describe("rate limiter", () => {
  it("paces many private chats at close to 30 sends per second, never more", async () => {
    const { time, grants, send } = setup();
    const chats = Array.from({ length: 3000 }, (_, i) => 10_000 + i);
    const start = time.now();
    await time.run(Promise.all(chats.map(send)));
    const elapsedS = (time.now() - start) / 1000;
    const rate = grants.length / elapsedS;
    expect(grants).toHaveLength(3000);
    expect(rate).toBeGreaterThan(29.5);
    expect(rate).toBeLessThanOrEqual(30);
    expect(
      maxInWindow(
        grants.map((g) => g.at),
        1000,
      ),
    ).toBeLessThanOrEqual(30);
  });

  it.each([2, 40, 150])(
    "never exceeds the global, per-chat and per-group limits under a mixed load (requests up to %i ms late)",
    async (jitterMs) => {
      const { time, grants, send } = setup({ jitterMs });
      const work: number[] = [];
      for (let g = 1; g <= 20; g++) for (let i = 0; i < 25; i++) work.push(-1000 - g);
      for (let p = 1; p <= 300; p++) for (let i = 0; i < 3; i++) work.push(5000 + p);
      // A fixed shuffle so that chats interleave.
      let seed = 42;
      for (let i = work.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const j = seed % (i + 1);
        [work[i], work[j]] = [work[j]!, work[i]!];
      }
      await time.run(Promise.all(work.map(send)));

      expect(grants).toHaveLength(work.length);
      expect(
        maxInWindow(
          grants.map((g) => g.at),
          1000,
        ),
      ).toBeLessThanOrEqual(30);
      for (const [chatId, times] of byChat(grants)) {
        for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
        if (chatId < 0) {
          expect(times).toHaveLength(25);
          expect(maxInWindow(times, 60_000)).toBeLessThanOrEqual(20);
          // The 21st post waits for the first one to leave the rolling minute.
          expect(times[20]! - times[0]!).toBeGreaterThanOrEqual(60_000);
        }
      }
    },
  );

  it("keeps a waiting group from holding up other chats", async () => {
    const { time, grants, send } = setup();
    const start = time.now();
    const group = Array.from({ length: 25 }, () => send(-42));
    const privates = Array.from({ length: 120 }, (_, i) => send(100 + i));
    await time.run(Promise.all(privates));
    // 120 private sends plus the group's first posts at ~30/s: about 5 s, not a minute.
    expect(time.now() - start).toBeLessThan(6_000);
    await time.run(Promise.all(group));
    const groupTimes = grants.filter((g) => g.chatId === -42).map((g) => g.at);
    expect(groupTimes).toHaveLength(25);
    expect(groupTimes[24]! - start).toBeGreaterThanOrEqual(60_000);
  });

  it("grants one chat's callers in call order, one at a time, a second apart", async () => {
    const { time, limiter } = setup();
    const order: string[] = [];
    const calls = [1, 2, 3, 4].map(async (n) => {
      const release = await limiter.acquire(7);
      order.push(`start ${n}`);
      await time.sleep(300); // a slow answer: the next send waits for it
      order.push(`end ${n}`);
      release();
    });
    const start = time.now();
    await time.run(Promise.all(calls));
    expect(order).toEqual(["start 1", "end 1", "start 2", "end 2", "start 3", "end 3", "start 4", "end 4"]);
    expect(time.now() - start).toBeGreaterThanOrEqual(4 * 300 + 3 * 1000);
  });

  it("holds a chat back after a 429 for the retry_after period, and only that chat", async () => {
    const { time, limiter, send } = setup();
    await time.run(send(-5));
    const blockedAt = time.now();
    limiter.penalize(-5, 7_000);
    expect(limiter.estimateWait(-5)).toBe(7_000);
    await time.run(send(-5));
    expect(time.now() - blockedAt).toBeGreaterThanOrEqual(7_000);
    const before = time.now();
    await time.run(send(99));
    expect(time.now() - before).toBeLessThan(100);
  });

  it("rejects an aborted wait without holding anything, and the chat stays usable", async () => {
    const { time, limiter, send } = setup();
    await time.run(send(3));
    const controller = new AbortController();
    const waiting = limiter.acquire(3, controller.signal);
    const next = send(3);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    const before = time.now();
    await time.run(next);
    // Only the first send's interval was waited for, not an extra turn for the aborted caller.
    expect(time.now() - before).toBeLessThanOrEqual(1000 + TELEGRAM_LIMITS.marginMs + 10);
  });

  it("gives up a place in the global queue when aborted there", async () => {
    const { time, limiter, send } = setup();
    // Fill the second: the 31st caller waits in the global queue.
    const first = Array.from({ length: 30 }, (_, i) => send(1000 + i));
    const controller = new AbortController();
    const queued = limiter.acquire(2000, controller.signal);
    const after = send(3000);
    await time.run(time.sleep(100));
    controller.abort(new Error("stop"));
    await expect(queued).rejects.toThrow("stop");
    await time.run(Promise.all([...first, after]));
  });

  it("release is idempotent and run() releases even when the send throws", async () => {
    const { time, limiter } = setup();
    const release = await time.run(limiter.acquire(11));
    release();
    release();
    await expect(time.run(limiter.run(11, () => Promise.reject(new Error("boom"))))).rejects.toThrow("boom");
    await expect(time.run(limiter.run(11, () => Promise.resolve("ok")))).resolves.toBe("ok");
  });

  it("forgets chats that have been idle for longer than the group window", async () => {
    const { time, limiter, send } = setup();
    await time.run(Promise.all(Array.from({ length: 500 }, (_, i) => send(i + 1))));
    expect(limiter.trackedChats()).toBe(500);
    await time.run(time.sleep(2 * 60_000));
    await time.run(send(-1));
    expect(limiter.trackedChats()).toBe(1);
  });
});
