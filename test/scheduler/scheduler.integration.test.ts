// The scheduler over the real outbox on SQLite and PostgreSQL, sending through the emulator with its
// real flood limits.
import { Api } from "grammy";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../src/clock.ts";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { createChatRepository } from "../../src/db/repositories/chats.ts";
import { createMemberRepository } from "../../src/db/repositories/members.ts";
import { createOutboxRepository } from "../../src/db/repositories/outbox.ts";
import { startEmulator, type EmulatedBot, type TelegramEmulator } from "../../src/emulator/index.ts";
import { createRateLimiter, type RateLimiter } from "../../src/scheduler/rate-limiter.ts";
import { createScheduler, type SchedulerOptions } from "../../src/scheduler/scheduler.ts";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/databases.ts";
import { callsOf, createCapturingLogger, groupWithBot, startedUsers } from "./support.ts";

const T0 = new Date("2026-04-06T00:30:00Z");
const MINUTE = 60_000;

describeEachProvider("scheduler over the outbox", (provider) => {
  let emulator: TelegramEmulator;
  let testDb: TestDatabase;
  const extraConnections: Database[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    testDb = await createTestDatabase(provider);
  });
  afterAll(async () => {
    for (const db of extraConnections) await db.close();
    await testDb?.drop();
    await emulator?.close();
  });

  /** A fresh bot account (its own flood limits) and a scheduler over `db`. */
  function setup(
    options: {
      db?: Database;
      bot?: EmulatedBot;
      clock?: ManualClock;
      limiter?: RateLimiter;
    } & Partial<SchedulerOptions> = {},
  ) {
    const db = options.db ?? testDb.db;
    const bot = options.bot ?? emulator.createBot();
    const clock = options.clock ?? createManualClock(T0);
    const outbox = createOutboxRepository(db, { clock });
    const { logger, lines } = createCapturingLogger("warn");
    const scheduler = createScheduler({
      outbox,
      members: createMemberRepository(db.prisma, clock),
      chats: createChatRepository(db.prisma, clock),
      api: new Api(bot.token, { apiRoot: emulator.apiRoot }),
      clock,
      logger,
      jobs: {},
      retry: { baseDelayMs: 20, maxDelayMs: 200 },
      ...options,
    });
    return { db, bot, clock, outbox, scheduler, lines };
  }

  let keySeq = 0;
  const uniqueKey = (name: string) => `${provider}:${name}:${++keySeq}`;

  it("sends a due row once, across two ticks, and records the message id", async () => {
    const { bot, clock, outbox, scheduler } = setup();
    const [user] = startedUsers(emulator, bot, 1);
    const key = uniqueKey("once");
    await outbox.schedule([
      {
        key,
        kind: "text",
        chatId: user!.id,
        payload: { text: "Nhắc: họp chi bộ tối nay" },
        dueAt: new Date(T0.getTime() + MINUTE),
      },
    ]);

    expect(await scheduler.tick()).toMatchObject({ claimed: 0, sent: 0 });
    expect(emulator.botMessages(bot, user!.id)).toHaveLength(0);

    clock.advance(2 * MINUTE);
    expect(await scheduler.tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await scheduler.tick()).toMatchObject({ claimed: 0, sent: 0 });

    const messages = emulator.botMessages(bot, user!.id);
    expect(messages.map((m) => m.text)).toEqual(["Nhắc: họp chi bộ tối nay"]);
    const row = await outbox.get(key);
    expect(row).toMatchObject({ status: "sent", resultMessageId: messages[0]!.message_id });
  });

  it("after a restart, re-sends a row claimed by a dead worker once its lease expires", async () => {
    const bot = emulator.createBot();
    const clock = createManualClock(T0);
    const [user] = startedUsers(emulator, bot, 1);
    const key = uniqueKey("restart");
    {
      // The first process claims the row and dies before sending.
      const first = setup({ bot, clock });
      await first.outbox.schedule([
        { key, kind: "text", chatId: user!.id, payload: { text: "Sau khi khởi động lại" }, dueAt: T0 },
      ]);
      const claimed = await first.outbox.claimDue(clock.now(), "dead-worker", 10, 2 * MINUTE);
      expect(claimed.map((r) => r.key)).toContain(key);
    }
    const db = await openDatabase(testDb.url);
    extraConnections.push(db);
    const second = setup({ db, bot, clock, workerId: "new-process", leaseMs: 2 * MINUTE });
    expect(await second.scheduler.tick()).toMatchObject({ sent: 0 });
    expect(emulator.botMessages(bot, user!.id)).toHaveLength(0);

    clock.advance(3 * MINUTE);
    expect(await second.scheduler.tick()).toMatchObject({ sent: 1 });
    expect(await second.scheduler.tick()).toMatchObject({ sent: 0 });
    expect(emulator.botMessages(bot, user!.id).map((m) => m.text)).toEqual(["Sau khi khởi động lại"]);
    expect(await second.outbox.get(key)).toMatchObject({ status: "sent" });
  });

  it("two workers ticking together send each of 100 rows exactly once", async () => {
    const bot = emulator.createBot();
    const clock = createManualClock(T0);
    const users = startedUsers(emulator, bot, 100);
    const prefix = uniqueKey("two-workers");
    // Both workers live in this process and share one limiter, as two schedulers of one service would.
    const limiter = createRateLimiter();
    const otherDb = await openDatabase(testDb.url);
    extraConnections.push(otherDb);
    const a = setup({ bot, clock, limiter, workerId: "worker-a", batchSize: 10 });
    const b = setup({ db: otherDb, bot, clock, limiter, workerId: "worker-b", batchSize: 10 });
    await a.outbox.schedule(
      users.map((u, i) => ({
        key: `${prefix}:${i}`,
        kind: "text",
        chatId: u.id,
        payload: { text: `Tin ${i}` },
        dueAt: T0,
      })),
    );

    const [ra, rb] = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);

    expect(ra.sent + rb.sent).toBe(100);
    expect(ra.sent).toBeGreaterThan(0);
    expect(rb.sent).toBeGreaterThan(0);
    const sends = callsOf(emulator, bot, "sendMessage");
    const perChat = new Map<number, number>();
    for (const call of sends) perChat.set(call.chatId!, (perChat.get(call.chatId!) ?? 0) + 1);
    for (const user of users) expect(perChat.get(user.id)).toBe(1);
    expect(sends.filter((c) => c.status === 429)).toHaveLength(0);
    const rows = await a.outbox.listByKeyPrefix(`${prefix}:`);
    expect(rows).toHaveLength(100);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
  });

  it("waits out a 429 when sends to one group come too fast", async () => {
    // A limiter that ignores the per-chat limit, so the emulator's own limit answers 429.
    const limiter = createRateLimiter({ limits: { perChatIntervalMs: 0, marginMs: 0 } });
    const { bot, outbox, scheduler } = setup({ limiter });
    const group = groupWithBot(emulator, bot, "Chi bộ Tổ dân phố 5");
    const prefix = uniqueKey("flood");
    await outbox.schedule(
      Array.from({ length: 5 }, (_, i) => ({
        key: `${prefix}:${i}`,
        kind: "text",
        chatId: group,
        payload: { text: `Thông báo ${i + 1}` },
        dueAt: T0,
      })),
    );
    const result = await scheduler.tick();
    expect(result).toMatchObject({ sent: 5, failed: 0, retrying: 0 });
    const statuses = callsOf(emulator, bot, "sendMessage").map((c) => c.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(emulator.botMessages(bot, group).map((m) => m.text)).toEqual([
      "Thông báo 1",
      "Thông báo 2",
      "Thông báo 3",
      "Thông báo 4",
      "Thông báo 5",
    ]);
  });

  it("marks a member unreachable on 403 and fails the row without retrying", async () => {
    const { db, bot, outbox, scheduler } = setup();
    const stranger = emulator.createUser({ firstName: "Chưa mở bot" });
    await db.prisma.member.create({
      data: { telegramId: BigInt(stranger.id), displayName: "Chưa mở bot", reachable: true },
    });
    const key = uniqueKey("forbidden");
    await outbox.schedule([{ key, kind: "text", chatId: stranger.id, payload: { text: "x" }, dueAt: T0 }]);

    expect(await scheduler.tick()).toMatchObject({ failed: 1, sent: 0 });
    const row = await outbox.get(key);
    expect(row).toMatchObject({ status: "failed" });
    expect(row!.lastError).toMatch(/unreachable/);
    const member = await db.prisma.member.findUnique({ where: { telegramId: BigInt(stranger.id) } });
    expect(member).toMatchObject({ reachable: false });
    expect(member!.unreachableAt).not.toBeNull();
    expect(callsOf(emulator, bot, "sendMessage")).toHaveLength(1);
  });

  it("follows a group upgraded to a supergroup and updates the stored chat ids", async () => {
    const { db, bot, clock, outbox, scheduler } = setup();
    const oldId = groupWithBot(emulator, bot, "Chi bộ nâng cấp");
    const organisation = await db.prisma.organisation.create({
      data: { name: `Đảng bộ ${uniqueKey("org")}` },
    });
    const cell = await db.prisma.cell.create({
      data: { organisationId: organisation.id, name: "Chi bộ 7", chatId: BigInt(oldId) },
    });
    const newId = emulator.upgradeToSupergroup(oldId);
    const now = uniqueKey("migrate-now");
    const later = uniqueKey("migrate-later");
    await outbox.schedule([
      {
        key: now,
        kind: "text",
        chatId: oldId,
        cellId: cell.id,
        payload: { text: "Gửi sau nâng cấp" },
        dueAt: T0,
      },
      {
        key: later,
        kind: "text",
        chatId: oldId,
        cellId: cell.id,
        payload: { text: "Tuần sau" },
        dueAt: new Date(T0.getTime() + 7 * 24 * 60 * MINUTE),
      },
    ]);

    expect(await scheduler.tick()).toMatchObject({ sent: 1, failed: 0 });
    expect(emulator.botMessages(bot, newId).map((m) => m.text)).toEqual(["Gửi sau nâng cấp"]);
    const statuses = callsOf(emulator, bot, "sendMessage").map((c) => [c.chatId, c.status]);
    expect(statuses).toEqual([
      [oldId, 400],
      [newId, 200],
    ]);
    expect(await outbox.get(now)).toMatchObject({ status: "sent" });
    expect(await outbox.get(later)).toMatchObject({ status: "pending", chatId: newId });
    const storedCell = await db.prisma.cell.findUnique({ where: { id: cell.id } });
    expect(storedCell!.chatId).toBe(BigInt(newId));

    clock.advance(7 * 24 * 60 * MINUTE);
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    expect(emulator.botMessages(bot, newId).map((m) => m.text)).toEqual(["Gửi sau nâng cấp", "Tuần sau"]);
  });

  it("drops a row whose event has passed and never sends it", async () => {
    const { bot, clock, outbox, scheduler } = setup();
    const [user] = startedUsers(emulator, bot, 1);
    const key = uniqueKey("expired");
    await outbox.schedule([
      {
        key,
        kind: "text",
        chatId: user!.id,
        payload: { text: "Họp lúc 19:00" },
        dueAt: T0,
        expiresAt: new Date(T0.getTime() + 30 * MINUTE),
      },
    ]);
    clock.advance(2 * 60 * MINUTE); // the process was down for two hours
    const result = await scheduler.tick();
    expect(result.sent).toBe(0);
    expect(result.expired + result.dropped).toBe(1);
    expect(await outbox.get(key)).toMatchObject({ status: "dropped" });
    expect(emulator.botMessages(bot, user!.id)).toHaveLength(0);
    expect(callsOf(emulator, bot, "sendMessage")).toHaveLength(0);
  });

  it("delivers on retry after two injected 5xx answers", async () => {
    const { bot, outbox, scheduler } = setup();
    const [user] = startedUsers(emulator, bot, 1);
    const key = uniqueKey("flaky");
    await outbox.schedule([
      { key, kind: "text", chatId: user!.id, payload: { text: "Lần thứ ba" }, dueAt: T0 },
    ]);
    emulator.failNext({ method: "sendMessage", chatId: user!.id, count: 2, errorCode: 502 });

    expect(await scheduler.tick()).toMatchObject({ sent: 1, failed: 0 });
    expect(callsOf(emulator, bot, "sendMessage").map((c) => c.status)).toEqual([502, 502, 200]);
    expect(emulator.botMessages(bot, user!.id).map((m) => m.text)).toEqual(["Lần thứ ba"]);
    expect(await outbox.get(key)).toMatchObject({ status: "sent" });
  });

  it("gives a row back to the outbox when 5xx outlasts the in-process retries", async () => {
    const { bot, clock, outbox, scheduler } = setup({
      retry: { transientAttempts: 2, baseDelayMs: 10, maxDelayMs: 50 },
    });
    const [user] = startedUsers(emulator, bot, 1);
    const key = uniqueKey("down");
    await outbox.schedule([
      { key, kind: "text", chatId: user!.id, payload: { text: "Cuối cùng cũng tới" }, dueAt: T0 },
    ]);
    emulator.failNext({ method: "sendMessage", chatId: user!.id, count: 2, errorCode: 500 });

    expect(await scheduler.tick()).toMatchObject({ retrying: 1, sent: 0 });
    expect(await outbox.get(key)).toMatchObject({ status: "pending" });

    clock.advance(10 * MINUTE);
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    expect(emulator.botMessages(bot, user!.id).map((m) => m.text)).toEqual(["Cuối cùng cũng tới"]);
  });
});
