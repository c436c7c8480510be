// The job contract over the real outbox on SQLite and PostgreSQL, sending through the emulator:
// several messages per row, what afterSent receives, retries that never resend a message, jobs of
// zero messages, and wake().
import { Api } from "grammy";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createManualClock } from "../../src/clock.ts";
import { createChatRepository } from "../../src/db/repositories/chats.ts";
import { createMemberRepository } from "../../src/db/repositories/members.ts";
import { createOutboxRepository } from "../../src/db/repositories/outbox.ts";
import { startEmulator, type TelegramEmulator } from "../../src/emulator/index.ts";
import { PermanentJobError, type Job, type SentMessage } from "../../src/scheduler/jobs.ts";
import { createScheduler, type Scheduler, type SchedulerOptions } from "../../src/scheduler/scheduler.ts";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/databases.ts";
import { callsOf, createCapturingLogger, groupWithBot, startedUsers } from "./support.ts";

const T0 = new Date("2026-05-04T01:00:00Z");
const HOUR = 60 * 60_000;

describeEachProvider("scheduled jobs", (provider) => {
  let emulator: TelegramEmulator;
  let testDb: TestDatabase;

  beforeAll(async () => {
    emulator = await startEmulator();
    testDb = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await testDb?.drop();
    await emulator?.close();
  });

  let keySeq = 0;
  const uniqueKey = (name: string) => `${provider}:${name}:${++keySeq}`;

  function setup(
    jobs: (scheduler: () => Scheduler) => Record<string, Job>,
    options: Partial<SchedulerOptions> = {},
  ) {
    const bot = emulator.createBot();
    const clock = createManualClock(T0);
    const outbox = createOutboxRepository(testDb.db, { clock });
    const { logger, lines } = createCapturingLogger("warn");
    const made: { scheduler?: Scheduler } = {};
    const scheduler = createScheduler({
      outbox,
      members: createMemberRepository(testDb.db.prisma, clock),
      chats: createChatRepository(testDb.db.prisma, clock),
      api: new Api(bot.token, { apiRoot: emulator.apiRoot }),
      clock,
      logger,
      jobs: jobs(() => made.scheduler!),
      // One try per tick for a 5xx, so that a tick ends with the row given back.
      retry: { baseDelayMs: 10, maxDelayMs: 50, transientAttempts: 1 },
      ...options,
    });
    made.scheduler = scheduler;
    return { bot, clock, outbox, scheduler, lines };
  }

  it("retries a two-message row whose second message failed without resending the first", async () => {
    const calls: SentMessage[][] = [];
    let group = 0;
    let member = 0;
    const { bot, clock, outbox, scheduler } = setup(() => ({
      pair: {
        plan: () =>
          Promise.resolve({
            messages: [
              { chatId: group, text: "Báo cáo tháng 5" },
              { chatId: member, text: "Phần của đồng chí" },
            ],
          }),
        afterSent: (_row, sent) => {
          calls.push([...sent]);
          return Promise.resolve();
        },
      },
    }));
    group = groupWithBot(emulator, bot, "Chi bộ Khu phố 5");
    member = startedUsers(emulator, bot, 1)[0]!.id;
    const key = uniqueKey("pair");
    await outbox.schedule([{ key, kind: "pair", payload: {}, dueAt: T0 }]);
    emulator.failNext({ method: "sendMessage", chatId: member, errorCode: 502, description: "Bad Gateway" });

    expect(await scheduler.tick()).toMatchObject({ claimed: 1, messages: 1, retrying: 1, sent: 0 });
    const first = await outbox.get(key);
    expect(first?.status).toBe("pending");
    expect(await outbox.sentMessages(first!.id)).toEqual([
      expect.objectContaining({ position: 0, chatId: group }),
    ]);
    expect(calls).toEqual([]);

    clock.advance(HOUR);
    expect(await scheduler.tick()).toMatchObject({ claimed: 1, messages: 1, sent: 1 });
    const groupPosts = emulator.botMessages(bot, group);
    const memberPosts = emulator.botMessages(bot, member);
    expect(groupPosts.map((m) => m.text)).toEqual(["Báo cáo tháng 5"]);
    expect(memberPosts.map((m) => m.text)).toEqual(["Phần của đồng chí"]);
    expect(callsOf(emulator, bot, "sendMessage").filter((c) => c.status === 200)).toHaveLength(2);
    // afterSent ran once, with what Telegram returned for both messages.
    expect(calls).toEqual([
      [
        expect.objectContaining({ position: 0, chatId: group, messageId: groupPosts[0]!.message_id }),
        expect.objectContaining({ position: 1, chatId: member, messageId: memberPosts[0]!.message_id }),
      ],
    ]);
    expect(await outbox.get(key)).toMatchObject({
      status: "sent",
      resultMessageId: groupPosts[0]!.message_id,
    });
    expect(await scheduler.tick()).toMatchObject({ claimed: 0 });
  });

  it("retries a failed afterSent without resending, and fails the row on a PermanentJobError", async () => {
    const seen: (number | null)[] = [];
    let failures = 1;
    const { bot, clock, outbox, scheduler } = setup(() => ({
      flaky: {
        plan: (row) => Promise.resolve({ messages: [{ text: `Thông báo ${row.key}` }] }),
        afterSent: (_row, sent) => {
          seen.push(sent[0]?.messageId ?? null);
          if (failures-- > 0) return Promise.reject(new Error("database hiccup"));
          return Promise.resolve();
        },
      },
      broken: {
        plan: () => Promise.resolve({ messages: [{ text: "Tin gửi được" }] }),
        afterSent: () => Promise.reject(new PermanentJobError("the meeting's record is gone")),
      },
    }));
    const [user, other] = startedUsers(emulator, bot, 2);
    const key = uniqueKey("flaky");
    const brokenKey = uniqueKey("broken");
    await outbox.schedule([
      { key, kind: "flaky", chatId: user!.id, payload: {}, dueAt: T0 },
      { key: brokenKey, kind: "broken", chatId: other!.id, payload: {}, dueAt: T0 },
    ]);

    expect(await scheduler.tick()).toMatchObject({ claimed: 2, messages: 2, retrying: 1, failed: 1 });
    expect(await outbox.get(key)).toMatchObject({
      status: "pending",
      lastError: "afterSent: Error: database hiccup",
    });
    expect(await outbox.get(brokenKey)).toMatchObject({
      status: "failed",
      lastError: "afterSent: the meeting's record is gone",
    });

    clock.advance(HOUR);
    expect(await scheduler.tick()).toMatchObject({ claimed: 1, messages: 0, sent: 1 });
    const posts = emulator.botMessages(bot, user!.id);
    expect(posts.map((m) => m.text)).toEqual([`Thông báo ${key}`]);
    // Both runs of afterSent were given the one message that was sent.
    expect(seen).toEqual([posts[0]!.message_id, posts[0]!.message_id]);
    expect(await outbox.get(key)).toMatchObject({ status: "sent", resultMessageId: posts[0]!.message_id });
    expect(emulator.botMessages(bot, other!.id).map((m) => m.text)).toEqual(["Tin gửi được"]);
  });

  it("runs a job of zero messages in afterSent, and claims the rows it woke for in the same tick", async () => {
    let member = 0;
    const { bot, outbox, scheduler, clock } = setup((current) => ({
      month: {
        plan: () => Promise.resolve({ messages: [] }),
        async afterSent(row, sent) {
          expect(sent).toEqual([]);
          await outbox.schedule([
            {
              key: `${row.key}:notice`,
              kind: "text",
              chatId: member,
              payload: { text: "Tháng mới đã bắt đầu" },
              dueAt: clock.now(),
            },
          ]);
          current().wake();
        },
      },
    }));
    member = startedUsers(emulator, bot, 1)[0]!.id;
    const key = uniqueKey("month");
    await outbox.schedule([{ key, kind: "month", payload: {}, dueAt: T0 }]);

    expect(await scheduler.tick()).toMatchObject({ claimed: 2, sent: 2, messages: 1 });
    expect(emulator.botMessages(bot, member).map((m) => m.text)).toEqual(["Tháng mới đã bắt đầu"]);
    const row = await outbox.get(key);
    expect(row).toMatchObject({ status: "sent", resultMessageId: null });
    expect(await outbox.sentMessages(row!.id)).toEqual([]);
  });

  it("wake() ticks soon when the ticker runs, and does nothing when ticks are by hand", async () => {
    // A ticker that would not beat again for a year: only wake() can send the row in time.
    const { bot, outbox, scheduler } = setup(() => ({}), { cronExpression: "0 0 0 1 1 *" });
    const [user] = startedUsers(emulator, bot, 1);
    const key = uniqueKey("wake");
    await outbox.schedule([
      { key, kind: "text", chatId: user!.id, payload: { text: "Ngay bây giờ" }, dueAt: T0 },
    ]);

    scheduler.wake();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await outbox.get(key))?.status).toBe("pending");

    scheduler.start();
    try {
      scheduler.wake();
      scheduler.wake(); // coalesced with the first
      const message = await emulator.waitForBotMessage(bot, user!.id, undefined, 5_000);
      expect(message.text).toBe("Ngay bây giờ");
    } finally {
      await scheduler.stop();
    }
    expect((await outbox.get(key))?.status).toBe("sent");
    expect(callsOf(emulator, bot, "sendMessage")).toHaveLength(1);
  });
});
