// Issue 8 (hardening), "Done when" for the scheduler: 300 members are due a reminder, and during
// the fan-out the real service (a child process, as `npm start` runs it) loses PostgreSQL for 20 s
// through a TCP proxy, or is killed with SIGKILL at three points and started again. Every member must
// get exactly one reminder, none later than the outage plus 10 s (the sending time of what was still
// to send after the outage comes on top: at most 30 messages a second).
//
// What "the outage" is for a kill: on SQLite, until the restarted service is up (it is the only
// instance on its file, so it takes back its dead predecessor's claims at once); on PostgreSQL, where
// several instances may share the database, until the dead instance's lease lapses (30 s).
//
// Kills land at a quiet moment: the emulator answers 502 to sends for a moment first, so that no
// message is accepted by "Telegram" and left unrecorded by the killed process. That one window —
// a message accepted, the process gone before it wrote the record — cannot be closed without an
// idempotency key in the Bot API, which has none; the README says so. Everything else a kill can
// interrupt (claimed rows, rows half planned, records written) is exercised.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { User } from "grammy/types";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { displayNameOf } from "../../src/bot/kit/display-name.ts";
import { systemClock } from "../../src/clock.ts";
import { openDatabase } from "../../src/db/client.ts";
import { createRepositories } from "../../src/db/repositories/index.ts";
import { startEmulator, type EmulatedBot, type TelegramEmulator } from "../../src/emulator/index.ts";
import { MEETING_REMINDER_KINDS } from "../../src/features/meetings/reminder-plan.ts";
import { createEmptyTestDatabase, describePostgres, type EmptyTestDatabase } from "../support/databases.ts";
import { startPgProxy, type PgProxy } from "../support/pg-proxy.ts";
import { startService, type ServiceProcess } from "../support/service-process.ts";
import { nextMeetingNumber } from "../support/meeting-number.ts";

const MEMBERS = 300;
const PLACE = "Hội trường Khu phố 3";
/** The scheduler's pace: Telegram's 30 messages a second overall. */
const PER_SECOND = 30;
const SLACK_MS = 10_000;
const PG_LEASE_MS = 30_000;

let emulator: TelegramEmulator;
let proxy: PgProxy;
const running: ServiceProcess[] = [];
const databases: EmptyTestDatabase[] = [];

beforeAll(async () => {
  // Flood limits off: the service paces itself at 30/s; the emulator only records.
  emulator = await startEmulator({ limits: false });
  proxy = await startPgProxy();
});
afterEach(async () => {
  emulator.clearFaults();
  proxy.restore();
  for (const service of running.splice(0)) service.kill();
  for (const db of databases.splice(0)) await db.drop().catch(() => undefined);
});
afterAll(async () => {
  await proxy?.close();
  await emulator?.close();
});

interface Ward {
  account: EmulatedBot;
  users: User[];
  meetingId: number;
}

/**
 * A cell of MEMBERS members who opened the bot, a meeting two hours ahead, and each member's
 * "2 hours before" reminder due now, written through the repositories as the meetings feature does.
 */
async function seedWard(url: string): Promise<Ward> {
  const account = emulator.createBot();
  const admin = emulator.createUser({ firstName: "Quản trị" });
  const users = Array.from({ length: MEMBERS }, (_, i) =>
    emulator.createUser({ firstName: `Đảng viên ${i + 1}`, languageCode: "vi" }),
  );
  const group = emulator.createGroup({ title: "Chi bộ Khu phố 3", members: [admin] });
  emulator.addBotToChat(account, group.id, { by: admin });
  for (const user of users) emulator.startBot(account, user);
  emulator.takeUpdates(account); // seeded directly below; the service need not handle them

  const db = await openDatabase(url, { migrate: true });
  try {
    const repos = createRepositories(db, systemClock);
    const org = await repos.organisations.forAdmin(admin.id, {
      name: "Đảng bộ phường Thử thách",
      timeZone: "Asia/Ho_Chi_Minh",
      locale: "vi",
    });
    const { cell } = await repos.cells.register({
      organisationId: org.id,
      name: "Chi bộ Khu phố 3",
      kind: "neighbourhood",
      chatId: group.id,
      chatTitle: "Chi bộ Khu phố 3",
    });
    const startsAt = new Date(Date.now() + 2 * 3_600_000);
    const meeting = await db.prisma.meeting.create({
      data: {
        cellId: cell.id,
        number: await nextMeetingNumber(db.prisma, cell.id),
        startsAt,
        place: PLACE,
        state: "planned",
      },
    });
    // Members and memberships in two statements, as the benchmark seeds its wards: one by one they
    // would take longer than the scenario itself on a busy machine.
    const members = await db.prisma.member.createManyAndReturn({
      data: users.map((user) => ({
        telegramId: BigInt(user.id),
        displayName: displayNameOf(user),
        reachable: true,
      })),
      select: { id: true, telegramId: true },
    });
    await db.prisma.membership.createMany({
      data: members.map((member, i) => ({ memberId: member.id, cellId: cell.id, number: i + 1 })),
    });
    const rows = members.map((member) => ({
      key: `meeting:${meeting.id}:r:120:m:${member.id}`,
      kind: MEETING_REMINDER_KINDS.private,
      chatId: Number(member.telegramId),
      memberId: member.id,
      cellId: cell.id,
      payload: {
        meetingId: meeting.id,
        startsAt: startsAt.toISOString(),
        offsetMinutes: 120,
        audience: "all",
      },
      dueAt: new Date(),
      expiresAt: startsAt,
    }));
    expect(await repos.outbox.schedule(rows)).toBe(MEMBERS);
    return { account, users, meetingId: meeting.id };
  } finally {
    await db.close();
  }
}

/** When (Date.now) each member's reminder arrived, one entry per accepted send. */
function arrivals(ward: Ward): Map<number, number[]> {
  const members = new Set(ward.users.map((u) => u.id));
  const byChat = new Map<number, number[]>();
  for (const call of emulator.calls()) {
    if (call.botId !== ward.account.id || call.method !== "sendMessage" || call.status !== 200) continue;
    if (call.chatId === undefined || !members.has(call.chatId)) continue;
    byChat.set(call.chatId, [...(byChat.get(call.chatId) ?? []), call.at]);
  }
  return byChat;
}

const delivered = (ward: Ward) => arrivals(ward).size;

async function until(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

function start(ward: Ward, databaseUrl: string): ServiceProcess {
  const service = startService({
    env: {
      BOT_TOKEN: ward.account.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "info",
    },
  });
  running.push(service);
  return service;
}

/** SIGKILL at a moment when no send is between Telegram's answer and its record (see the top). */
async function killQuietly(service: ServiceProcess): Promise<number> {
  emulator.failNext({ method: "sendMessage", count: 1_000_000, errorCode: 502, description: "Bad Gateway" });
  await sleep(700);
  service.child.kill("SIGKILL");
  const at = Date.now();
  await service.exited(10_000);
  emulator.clearFaults();
  return at;
}

/** Every member got exactly one reminder, and the database says so too. */
async function expectExactlyOnce(ward: Ward, url: string): Promise<number[]> {
  const byChat = arrivals(ward);
  const counts = ward.users.map((u) => byChat.get(u.id)?.length ?? 0);
  expect(counts.filter((n) => n === 0)).toHaveLength(0);
  expect(counts.filter((n) => n > 1)).toHaveLength(0);
  const texts = ward.users.map((u) => emulator.botMessages(ward.account, u.id).map((m) => m.text ?? ""));
  expect(texts.every((t) => t.length === 1 && t[0]!.includes(PLACE))).toBe(true);
  const db = await openDatabase(url);
  try {
    const rows = await db.prisma.scheduledDelivery.findMany({
      where: { key: { startsWith: `meeting:${ward.meetingId}:r:` } },
      select: { status: true, _count: { select: { messages: true } } },
    });
    expect(rows).toHaveLength(MEMBERS);
    expect(rows.filter((r) => r.status !== "sent")).toEqual([]);
    expect(rows.filter((r) => r._count.messages !== 1)).toEqual([]);
  } finally {
    await db.close();
  }
  return ward.users.map((u) => byChat.get(u.id)![0]!);
}

/** How long the rest of the fan-out takes at the scheduler's pace once nothing holds it up. */
const sendingTime = (remaining: number) => (remaining / PER_SECOND) * 1000;

describePostgres("scheduler under faults (8.6, 8.7)", () => {
  it("PostgreSQL cut for 20 s during a fan-out: each of 300 members gets one reminder, none late", async () => {
    const pg = await createEmptyTestDatabase("postgresql");
    databases.push(pg);
    const ward = await seedWard(pg.url);
    const service = start(ward, proxy.urlFor(pg.url));
    await until("60 reminders", () => delivered(ward) >= 60, 90_000);

    proxy.cut();
    const cutAt = Date.now();
    await sleep(20_000);
    const duringCut = delivered(ward);
    proxy.restore();
    const restoredAt = Date.now();

    await until("every reminder", () => delivered(ward) >= MEMBERS, 60_000);
    await sleep(3_000); // a duplicate would show up now
    const times = await expectExactlyOnce(ward, pg.url);
    const last = Math.max(...times);
    expect(last - restoredAt).toBeLessThanOrEqual(sendingTime(MEMBERS - duringCut) + SLACK_MS);
    // Nothing that was due went out during the cut except what was already planned before it.
    expect(times.filter((t) => t > cutAt + 5_000 && t < restoredAt)).toEqual([]);

    const output = service.output();
    expect(output.match(/database unavailable: delivery outcomes/g)).toHaveLength(1);
    expect(output.match(/database available again/g)).toHaveLength(1);
    // Logged once per outage, not an error with a stack for every row or every beat.
    expect(output).not.toMatch(
      /claiming due deliveries failed|dropping expired deliveries failed|renewing delivery leases failed|delivery failed unexpectedly|could not record/,
    );
    service.child.kill("SIGTERM");
    expect((await service.exited(15_000)).code).toBe(0);
  }, 150_000);

  it("kill -9 at three points on PostgreSQL: each of 300 members gets one reminder, within the lease", async () => {
    const pg = await createEmptyTestDatabase("postgresql");
    databases.push(pg);
    const ward = await seedWard(pg.url);
    let service = start(ward, pg.url);
    let lastKill = 0;
    let deliveredAtLastKill = 0;
    for (const point of [60, 130, 200]) {
      await until(`${point} reminders`, () => delivered(ward) >= point, 90_000);
      lastKill = await killQuietly(service);
      deliveredAtLastKill = delivered(ward);
      service = start(ward, pg.url);
    }
    await until("every reminder", () => delivered(ward) >= MEMBERS, 90_000);
    await sleep(3_000);
    const times = await expectExactlyOnce(ward, pg.url);
    const last = Math.max(...times);
    expect(last - lastKill).toBeLessThanOrEqual(
      PG_LEASE_MS + sendingTime(MEMBERS - deliveredAtLastKill) + SLACK_MS,
    );
    service.child.kill("SIGTERM");
    expect((await service.exited(15_000)).code).toBe(0);
  }, 240_000);

  it("kill -9 at three points on SQLite: each of 300 members gets one reminder, right after each restart", async () => {
    const url = `file:${join(mkdtempSync(join(tmpdir(), "chibo-faults-")), "chibo.sqlite")}`;
    const ward = await seedWard(url);
    let service = start(ward, url);
    let lastUp = 0;
    let deliveredAtLastKill = 0;
    for (const point of [60, 130, 200]) {
      await until(`${point} reminders`, () => delivered(ward) >= point, 90_000);
      await killQuietly(service);
      deliveredAtLastKill = delivered(ward);
      service = start(ward, url);
      await service.waitFor(/scheduler started/, 60_000);
      lastUp = Date.now();
    }
    await until("every reminder", () => delivered(ward) >= MEMBERS, 60_000);
    await sleep(3_000);
    service.child.kill("SIGTERM");
    expect((await service.exited(15_000)).code).toBe(0);
    const times = await expectExactlyOnce(ward, url);
    const last = Math.max(...times);
    expect(last - lastUp).toBeLessThanOrEqual(sendingTime(MEMBERS - deliveredAtLastKill) + SLACK_MS);
    expect(service.output()).toMatch(/rows left claimed by an earlier run of this service released/);
  }, 180_000);
});
