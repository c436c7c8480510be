// Issue 8 (hardening), the scheduler's side, over the in-memory outbox and the emulator: a database
// outage between a send and its record (6), claims kept alive by renewal and dead claims taken back
// (7), rows of a paused cell held (10). The same with real processes and databases is in
// test/e2e/scheduler-faults.test.ts.
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock, systemClock, type Clock } from "../../src/clock.ts";
import { Prisma } from "../../src/db/generated/sqlite/client.ts";
import { startEmulator, type TelegramEmulator } from "../../src/emulator/index.ts";
import type { Job } from "../../src/scheduler/jobs.ts";
import { createScheduler, type SchedulerOptions } from "../../src/scheduler/scheduler.ts";
import { createMemoryOutbox } from "./memory-outbox.ts";
import { callsOf, createCapturingLogger, startedUsers } from "./support.ts";

const T0 = new Date("2026-05-04T02:00:00Z");

let emulator: TelegramEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ limits: false });
});
afterAll(async () => {
  await emulator.close();
});

/** What Prisma throws when PostgreSQL cannot be reached. */
const unreachable = () =>
  new Prisma.PrismaClientKnownRequestError("Can't reach database server at 127.0.0.1:5432", {
    code: "P1001",
    clientVersion: "7.0.0",
  });

function setup(options: Partial<SchedulerOptions> & { clock?: Clock } = {}) {
  const bot = emulator.createBot();
  const clock = options.clock ?? createManualClock(T0);
  const outbox = createMemoryOutbox();
  const { logger, lines } = createCapturingLogger();
  const scheduler = createScheduler({
    outbox,
    members: { markUnreachable: () => Promise.resolve() },
    chats: { migrateChatId: () => Promise.resolve() },
    api: new Api(bot.token, { apiRoot: emulator.apiRoot }),
    clock,
    logger,
    jobs: {},
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
    ...options,
  });
  return { bot, clock, outbox, scheduler, lines };
}

/** How many messages the bot sent to each chat. */
function sendsPerChat(bot: Parameters<typeof callsOf>[1]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const call of callsOf(emulator, bot, "sendMessage")) {
    if (call.status === 200) counts.set(call.chatId!, (counts.get(call.chatId!) ?? 0) + 1);
  }
  return counts;
}

describe("a database outage during a fan-out (8.6)", () => {
  it("sends nothing twice: outcomes kept in memory are written first when the database is back", async () => {
    const holder: { outbox?: ReturnType<typeof createMemoryOutbox> } = {};
    // A job that reads the database when it plans, as real jobs do; the database goes away right
    // after the 11th row is planned, so that row's send succeeds and its record fails.
    let planned = 0;
    const reminder: Job = {
      async plan(row) {
        await holder.outbox!.ping();
        if (++planned === 11) holder.outbox!.setDown(true, unreachable);
        return { messages: [{ text: `Nhắc họp ${row.key}` }] };
      },
    };
    const { bot, outbox, scheduler, lines } = setup({ jobs: { reminder }, concurrency: 1 });
    holder.outbox = outbox;
    const users = startedUsers(emulator, bot, 40);
    users.forEach((u, i) => outbox.add({ key: `r${i}`, kind: "reminder", chatId: u.id, dueAt: T0 }));

    const first = await scheduler.tick();
    expect(first).toMatchObject({ claimed: 40, messages: 11 });
    expect(first.unrecorded).toBeGreaterThanOrEqual(30);
    // Still claimed by this worker: nobody else may send them meanwhile.
    expect(outbox.rows.filter((r) => r.status === "claimed")).toHaveLength(30);

    // Ticks during the outage claim and send nothing, and say nothing more in the log.
    expect(await scheduler.tick()).toMatchObject({ claimed: 0, messages: 0 });
    expect(await scheduler.tick()).toMatchObject({ claimed: 0, messages: 0 });

    outbox.setDown(false);
    const after = await scheduler.tick();
    expect(after.recorded).toBeGreaterThanOrEqual(30);
    expect(after).toMatchObject({ claimed: 29, messages: 29, errors: 0 });

    const counts = sendsPerChat(bot);
    for (const user of users) expect(counts.get(user.id)).toBe(1);
    expect(outbox.rows.every((r) => r.status === "sent")).toBe(true);
    // The row sent during the outage was recorded once, from memory, and not sent again.
    expect(outbox.rows.filter((r) => (outbox.messages.get(r.id) ?? []).length !== 1)).toEqual([]);
    // Rows that could not be planned were held, not counted as failed attempts.
    expect(outbox.rows.every((r) => r.attempts === 1)).toBe(true);

    const log = lines.join("");
    expect(log.match(/database unavailable/g)).toHaveLength(1);
    expect(log.match(/database available again/g)).toHaveLength(1);
    expect(log).not.toContain("claiming due deliveries failed");
    expect(log).not.toContain('"stack"');
  });

  it("runs afterSent and marks the row sent from memory when afterSent met the outage", async () => {
    const holder: { outbox?: ReturnType<typeof createMemoryOutbox> } = {};
    const stored: number[] = [];
    let failNext = true;
    const announcement: Job = {
      plan: () => Promise.resolve({ messages: [{ text: "Thông báo họp" }, { text: "Nội dung" }] }),
      afterSent(_row, sent) {
        if (failNext) {
          failNext = false;
          holder.outbox!.setDown(true, unreachable);
          return Promise.reject(unreachable());
        }
        stored.push(sent[0]!.messageId!);
        return Promise.resolve();
      },
    };
    const { bot, outbox, scheduler } = setup({ jobs: { announcement } });
    holder.outbox = outbox;
    const [user] = startedUsers(emulator, bot, 1);
    outbox.add({ key: "a", kind: "announcement", chatId: user!.id, dueAt: T0 });
    expect(await scheduler.tick()).toMatchObject({ messages: 2, unrecorded: 1 });
    outbox.setDown(false);
    expect(await scheduler.tick()).toMatchObject({ recorded: 1, claimed: 0, messages: 0 });
    expect(stored).toHaveLength(1);
    expect(outbox.byKey("a")).toMatchObject({ status: "sent" });
    expect(outbox.messages.get(outbox.byKey("a")!.id)).toHaveLength(2);
    expect(sendsPerChat(bot).get(user!.id)).toBe(2);
  });
});

describe("leases (8.7)", () => {
  it("keeps a claim past its lease by renewing it: a second worker gets nothing meanwhile", async () => {
    const { bot, outbox, scheduler } = setup({ clock: systemClock, leaseMs: 600, heartbeatMs: 100 });
    const [user] = startedUsers(emulator, bot, 1);
    scheduler.limiter.penalize(user!.id, 1_500); // the row waits 1.5 s: more than two leases
    outbox.add({ key: "long-wait", chatId: user!.id, dueAt: new Date(), payload: { text: "chờ" } });
    const ticking = scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await outbox.claimDue(new Date(), "other-worker", 10, 600)).toEqual([]);
    expect(await ticking).toMatchObject({ sent: 1 });
    expect(sendsPerChat(bot).get(user!.id)).toBe(1);
  });

  it("does not send once its lease may have lapsed without renewal, and the row goes to another worker", async () => {
    // No renewal within the wait: the heartbeat is far slower than the lease.
    const { bot, outbox, scheduler } = setup({ clock: systemClock, leaseMs: 600, heartbeatMs: 60_000 });
    const [user] = startedUsers(emulator, bot, 1);
    scheduler.limiter.penalize(user!.id, 1_000);
    outbox.add({ key: "lapsed", chatId: user!.id, dueAt: new Date(), payload: { text: "hết hạn" } });
    const ticking = scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 700));
    const taken = await outbox.claimDue(new Date(), "other-worker", 10, 60_000);
    expect(taken.map((r) => r.key)).toEqual(["lapsed"]);
    expect(await ticking).toMatchObject({ sent: 0 });
    expect(callsOf(emulator, bot, "sendMessage")).toHaveLength(0);
    expect(outbox.byKey("lapsed")).toMatchObject({ status: "claimed", claimedBy: "other-worker" });
  });

  it("a worker alone on its database takes back a dead predecessor's claims at once", async () => {
    const { bot, clock, outbox, scheduler } = setup({ soleWorker: true });
    const [user] = startedUsers(emulator, bot, 1);
    outbox.add({ key: "orphan", chatId: user!.id, dueAt: T0, payload: { text: "mồ côi" } });
    await outbox.claimDue(clock.now(), "dead-process", 10, 30_000);
    expect(await scheduler.tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(sendsPerChat(bot).get(user!.id)).toBe(1);

    // Without soleWorker the claim waits out its lease.
    const shared = setup();
    const [other] = startedUsers(emulator, shared.bot, 1);
    shared.outbox.add({ key: "orphan", chatId: other!.id, dueAt: T0, payload: { text: "mồ côi" } });
    await shared.outbox.claimDue(shared.clock.now(), "dead-process", 10, 30_000);
    expect(await shared.scheduler.tick()).toMatchObject({ claimed: 0 });
  });
});

describe("a paused cell (8.10)", () => {
  it("holds its rows without counting attempts and sends them once the cell is active again", async () => {
    const { bot, outbox, scheduler } = setup();
    const [member, other] = startedUsers(emulator, bot, 2);
    outbox.pausedCells.add(7);
    outbox.add({ key: "held", chatId: member!.id, cellId: 7, dueAt: T0, payload: { text: "nhắc" } });
    outbox.add({ key: "free", chatId: other!.id, cellId: 8, dueAt: T0, payload: { text: "nhắc" } });
    expect(await scheduler.tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await scheduler.tick()).toMatchObject({ claimed: 0 });
    expect(outbox.byKey("held")).toMatchObject({ status: "pending", attempts: 0 });
    expect(sendsPerChat(bot).get(member!.id)).toBeUndefined();

    outbox.pausedCells.delete(7);
    expect(await scheduler.tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(sendsPerChat(bot).get(member!.id)).toBe(1);
  });
});
