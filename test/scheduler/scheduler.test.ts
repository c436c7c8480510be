// The scheduler's control flow and pacing against the emulator with its real limits, over an
// in-memory outbox (storage and claiming across workers are covered in scheduler.integration.test.ts).
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/clock.ts";
import { startEmulator, type TelegramEmulator } from "../../src/emulator/index.ts";
import { createScheduler, type SchedulerOptions } from "../../src/scheduler/scheduler.ts";
import { singleMessageJob, type SingleMessage } from "../../src/scheduler/jobs.ts";
import type { OutboxRow } from "../../src/scheduler/types.ts";
import { createMemoryOutbox } from "./memory-outbox.ts";
import { callsOf, createCapturingLogger, groupWithBot, startedUsers } from "./support.ts";

const T0 = new Date("2026-03-02T01:00:00Z");

let emulator: TelegramEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

function setup(options: Partial<SchedulerOptions> = {}) {
  const bot = emulator.createBot();
  const clock = createManualClock(T0);
  const outbox = createMemoryOutbox();
  const { logger, lines } = createCapturingLogger();
  const unreachable: number[] = [];
  const scheduler = createScheduler({
    outbox,
    members: { markUnreachable: (id: number) => Promise.resolve(void unreachable.push(id)) },
    chats: { migrateChatId: () => Promise.resolve() },
    api: new Api(bot.token, { apiRoot: emulator.apiRoot }),
    clock,
    logger,
    jobs: {},
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
    ...options,
  });
  return { bot, clock, outbox, scheduler, lines, unreachable };
}

describe("scheduler (emulator, in-memory outbox)", () => {
  it("delivers a mixed announcement at close to 30/s with no 429", async () => {
    const { bot, outbox, scheduler } = setup();
    const groups = Array.from({ length: 5 }, (_, i) => groupWithBot(emulator, bot, `Chi bộ ${i + 1}`));
    const users = startedUsers(emulator, bot, 150);
    for (const [i, chatId] of groups.entries()) {
      outbox.add({
        key: `announce:group:${i}`,
        chatId,
        dueAt: T0,
        payload: { text: "Thông báo họp chi bộ" },
      });
    }
    for (const user of users) {
      outbox.add({
        key: `announce:member:${user.id}`,
        chatId: user.id,
        dueAt: T0,
        payload: { text: "Nhắc họp" },
      });
    }
    const total = groups.length + users.length;

    const result = await scheduler.tick();

    const sends = callsOf(emulator, bot, "sendMessage");
    const ok = sends.filter((c) => c.status === 200);
    const tooMany = sends.filter((c) => c.status === 429);
    const spanMs = Math.max(...ok.map((c) => c.at)) - Math.min(...ok.map((c) => c.at));
    // With 30 per rolling second, `total` sends need at least (total - 1) / 30 seconds when spaced.
    const idealMs = ((total - 1) / 30) * 1000;
    console.info(
      `announcement: ${total} sends in ${spanMs} ms (ideal ${Math.round(idealMs)} ms, ${((spanMs / idealMs - 1) * 100).toFixed(1)}% over), ${tooMany.length} × 429, tick ${result.durationMs} ms`,
    );
    expect(result).toMatchObject({ claimed: total, sent: total, failed: 0, retrying: 0 });
    expect(ok).toHaveLength(total);
    expect(tooMany).toHaveLength(0);
    // Speed is measured by `npm run bench`, not here; this bound only catches sends gone serial.
    expect(spanMs).toBeLessThan(idealMs * 1.5);
    expect(outbox.rows.every((r) => r.status === "sent" && r.resultMessageId !== null)).toBe(true);
  });

  it("paces several posts to one group at one per second without drawing a 429", async () => {
    const { bot, outbox, scheduler } = setup();
    const group = groupWithBot(emulator, bot, "Chi bộ khu phố 3");
    for (let i = 0; i < 4; i++)
      outbox.add({ key: `g:${i}`, chatId: group, dueAt: T0, payload: { text: `Tin ${i + 1}` } });
    await scheduler.tick();
    const sends = callsOf(emulator, bot, "sendMessage");
    expect(sends.map((c) => c.status)).toEqual([200, 200, 200, 200]);
    const texts = emulator.botMessages(bot, group).map((m) => m.text);
    expect(texts).toEqual(["Tin 1", "Tin 2", "Tin 3", "Tin 4"]);
    for (let i = 1; i < sends.length; i++)
      expect(sends[i]!.at - sends[i - 1]!.at).toBeGreaterThanOrEqual(990);
  });

  it("drops a row when its job says skip, fails unknown kinds, and passes the row to jobs", async () => {
    const seen: string[] = [];
    const rsvp = (row: OutboxRow): Promise<SingleMessage> => {
      seen.push(row.key);
      return Promise.resolve(
        row.key.endsWith(":answered") ? { skip: "already answered" } : { text: "Anh/chị có dự họp không?" },
      );
    };
    const { bot, outbox, scheduler } = setup({ jobs: { rsvp: singleMessageJob(rsvp) } });
    const [user] = startedUsers(emulator, bot, 1);
    outbox.add({ key: "m:1:rsvp:answered", kind: "rsvp", chatId: user!.id, dueAt: T0 });
    outbox.add({ key: "m:1:rsvp:open", kind: "rsvp", chatId: user!.id, dueAt: T0 });
    outbox.add({ key: "m:1:mystery", kind: "mystery", chatId: user!.id, dueAt: T0 });
    const result = await scheduler.tick();
    expect(result).toMatchObject({ claimed: 3, sent: 1, dropped: 1, failed: 1 });
    expect(seen.sort()).toEqual(["m:1:rsvp:answered", "m:1:rsvp:open"]);
    expect(outbox.byKey("m:1:rsvp:answered")).toMatchObject({
      status: "dropped",
      lastError: "already answered",
    });
    expect(outbox.byKey("m:1:mystery")).toMatchObject({ status: "failed" });
    expect(emulator.botMessages(bot, user!.id).map((m) => m.text)).toEqual(["Anh/chị có dự họp không?"]);
  });

  it("drops a row that expires while it waits its turn instead of sending it late", async () => {
    const { clock, outbox, scheduler, bot } = setup({
      // Longer than the ten minutes below, which no heartbeat renews on a manual clock.
      leaseMs: 60 * 60_000,
      jobs: {
        // Planning the first row "takes" ten minutes of the manual clock.
        slow: singleMessageJob((row) => {
          clock.advance(10 * 60_000);
          return Promise.resolve({ text: `slow ${row.key}` });
        }),
      },
    });
    const [user] = startedUsers(emulator, bot, 1);
    outbox.add({ key: "a", kind: "slow", chatId: user!.id, dueAt: T0 });
    outbox.add({
      key: "b",
      chatId: user!.id,
      dueAt: T0,
      expiresAt: new Date(T0.getTime() + 60_000),
      payload: { text: "late" },
    });
    const result = await scheduler.tick();
    expect(result).toMatchObject({ sent: 1, dropped: 1 });
    expect(outbox.byKey("b")).toMatchObject({ status: "dropped", lastError: "expired" });
    expect(emulator.botMessages(bot, user!.id).map((m) => m.text)).toEqual(["slow a"]);
  });

  it("logs a job's crash with the row's context and gives the row back", async () => {
    const { outbox, scheduler, lines, bot } = setup({
      jobs: { broken: { plan: () => Promise.reject(new Error("database hiccup")) } },
    });
    const [user] = startedUsers(emulator, bot, 1);
    const row = outbox.add({ key: "task:9:nudge", kind: "broken", chatId: user!.id, dueAt: T0 });
    const result = await scheduler.tick();
    expect(result).toMatchObject({ claimed: 1, retrying: 1, sent: 0 });
    expect(outbox.byKey("task:9:nudge")).toMatchObject({ status: "pending" });
    expect(outbox.byKey("task:9:nudge")!.dueAt.getTime()).toBeGreaterThan(T0.getTime());
    const line = lines.find((l) => l.includes("plan failed"));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ rowId: row.id, key: "task:9:nudge", kind: "broken" });
  });

  it("keeps the token out of the logs when the network fails", async () => {
    const { bot, outbox, scheduler, lines } = setup({ retry: { transientAttempts: 2, baseDelayMs: 10 } });
    const [user] = startedUsers(emulator, bot, 1);
    emulator.resetNext({ method: "sendMessage", count: 2 });
    outbox.add({ key: "net", chatId: user!.id, dueAt: T0, payload: { text: "x" } });
    const result = await scheduler.tick();
    expect(result).toMatchObject({ retrying: 1 });
    expect(outbox.byKey("net")).toMatchObject({ status: "pending" });
    expect(lines.some((l) => l.includes("transient send failure"))).toBe(true);
    const secret = bot.token.slice(bot.token.indexOf(":") + 1);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toContain(secret);
  });

  it("ticks on its cron schedule and stops cleanly", async () => {
    const { bot, outbox, scheduler } = setup({ cronExpression: "* * * * * *", timeZone: "Asia/Ho_Chi_Minh" });
    const [user] = startedUsers(emulator, bot, 1);
    outbox.add({ key: "cron", chatId: user!.id, dueAt: T0, payload: { text: "đến giờ" } });
    scheduler.start();
    const message = await emulator.waitForBotMessage(bot, user!.id, undefined, 5_000);
    await scheduler.stop();
    expect(message.text).toBe("đến giờ");
    outbox.add({ key: "after-stop", chatId: user!.id, dueAt: T0, payload: { text: "không gửi" } });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(outbox.byKey("after-stop")).toMatchObject({ status: "pending" });
  });

  it("stop() cuts a long rate-limit wait short and gives the rows back", async () => {
    const { bot, outbox, scheduler } = setup();
    const group = groupWithBot(emulator, bot, "Chi bộ đông");
    scheduler.limiter.penalize(group, 60_000);
    outbox.add({ key: "wait", chatId: group, dueAt: T0, payload: { text: "x" } });
    const ticking = scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await scheduler.stop();
    const result = await ticking;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result).toMatchObject({ claimed: 1, retrying: 1, sent: 0 });
    expect(outbox.byKey("wait")).toMatchObject({ status: "pending" });
    expect(callsOf(emulator, bot, "sendMessage")).toHaveLength(0);
  });
});
