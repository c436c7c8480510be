// Issue 8 (hardening), the process side: the real service as a child process (what `npm start`
// runs) against the Telegram emulator, under network faults, signals, a locked SQLite file and a
// database outage. Each test reproduces one reported defect as it was seen.
import { mkdtempSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import BetterSqlite3 from "better-sqlite3";
import type { User } from "grammy/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startApp } from "../../src/app.ts";
import { parseConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/client.ts";
import { startEmulator, type EmulatedBot, type TelegramEmulator } from "../../src/emulator/index.ts";
import { createLogger } from "../../src/logger.ts";
import { createEmptyTestDatabase, describePostgres, type EmptyTestDatabase } from "../support/databases.ts";
import { startPgProxy, type PgProxy } from "../support/pg-proxy.ts";
import {
  cpuTimeMs,
  descendantsOf,
  isAlive,
  ensureBuilt,
  startService,
  type ServiceProcess,
} from "../support/service-process.ts";

const ERROR_GENERIC_VI = "Trợ lý gặp sự cố";

let emulator: TelegramEmulator;
const running: ServiceProcess[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ limits: false });
});
afterEach(() => {
  emulator.clearFaults();
  for (const service of running.splice(0)) service.kill();
});
afterAll(async () => {
  await emulator?.close();
});

function tempDb(name = "chibo.sqlite"): { url: string; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), "chibo-hard-")), name);
  return { url: `file:${path}`, path };
}

/** A migrated SQLite file, so the service starts without the migration step. */
async function migratedDb(): Promise<{ url: string; path: string }> {
  const db = tempDb();
  await (await openDatabase(db.url, { migrate: true })).close();
  return db;
}

function start(env: Record<string, string>, via: "node" | "npm" = "node"): ServiceProcess {
  const service = startService({ env: { LOG_LEVEL: "info", ...env }, via });
  running.push(service);
  return service;
}

function envFor(account: EmulatedBot, databaseUrl: string): Record<string, string> {
  return { BOT_TOKEN: account.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_URL: databaseUrl };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

/**
 * A user writes and the bot answers. Used first to be sure a long poll is in flight: a fault set
 * afterwards then meets the poll the next update ends, not a getUpdates still to be sent.
 */
async function exchange(account: EmulatedBot, user: User, text: string) {
  const last = emulator.lastBotMessage(account, user.id)?.message_id ?? 0;
  emulator.sendText(account, user, user.id, text);
  return emulator.waitForBotMessage(account, user.id, undefined, { timeoutMs: 15_000, afterMessageId: last });
}

/** Extra time a loaded CI machine may take to schedule a process; far below the defects' minutes. */
const LOADED_MACHINE_SLACK_MS = 5_000;

async function stopAndExpectExit(service: ServiceProcess, withinMs = 5_000): Promise<number | null> {
  const sent = performance.now();
  service.child.kill("SIGTERM");
  const exit = await service.exited(withinMs + 10_000);
  // The service's own deadline is 4.5 s; the slack is for a shared, loaded test machine (the defect
  // this guards against never ended at all).
  expect(exit.at - sent).toBeLessThan(withinMs + LOADED_MACHINE_SLACK_MS);
  return exit.code;
}

describe("secrets in the output (8.1)", () => {
  it("prints no bot token while getUpdates connections are reset, replies are lost and getUpdates fails", async () => {
    const account = emulator.createBot();
    const secretPart = account.token.split(":")[1]!;
    const user = emulator.createUser({ firstName: "An" });
    // grammY's own debug output on as well: it must be scrubbed too.
    const service = start({
      ...envFor(account, (await migratedDb()).url),
      LOG_LEVEL: "debug",
      DEBUG: "grammy*",
    });
    await service.waitFor(/long polling started/, 60_000);
    await exchange(account, user, "/start");

    emulator.resetNext({ method: "getUpdates", count: 100_000 });
    await exchange(account, user, "xin chào"); // ends the pending long poll; the next ones are reset
    await service.waitFor(/getUpdates failed/, 10_000);
    await sleep(2_500);
    emulator.clearFaults();
    emulator.resetNext({ method: "sendMessage", count: 1 });
    emulator.failNext({ method: "sendMessage", count: 1, errorCode: 400, description: "Bad Request: test" });
    const last = emulator.lastBotMessage(account, user.id)!.message_id;
    emulator.sendText(account, user, user.id, "một");
    emulator.sendText(account, user, user.id, "hai");
    emulator.sendText(account, user, user.id, "ba");
    await emulator.waitForBotMessage(account, user.id, undefined, {
      timeoutMs: 20_000,
      afterMessageId: last,
    });
    expect(await stopAndExpectExit(service)).toBe(0);

    const output = service.output();
    const failures = output.match(/getUpdates failed/g) ?? [];
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(output).toContain("update handling failed");
    expect(output).not.toContain(secretPart);
    expect(output).not.toContain(encodeURIComponent(account.token));
  }, 120_000);
});

describe("an unreachable Telegram (8.2)", () => {
  it("warns within 5 s naming the host, waits idle, and stops on SIGTERM within 5 s", async () => {
    const port = await freePort(); // nothing listens there: connections are refused
    const service = start({
      BOT_TOKEN: "123456:AAAAAAAAAAAAAAAAAAAAAAAA",
      TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
      DATABASE_URL: (await migratedDb()).url,
    });
    const connecting = await service.waitFor(/connecting to the Telegram Bot API/, 60_000);
    const warned = await service.waitFor(
      new RegExp(`cannot reach the Telegram Bot API at 127\\.0\\.0\\.1:${port}`),
      10_000,
    );
    expect(warned - connecting).toBeLessThan(5_000);
    const cpuBefore = cpuTimeMs(service.pid);
    await sleep(3_000);
    const cpuUsed = cpuTimeMs(service.pid) - cpuBefore;
    // Well under a third of one core while waiting (the defect spun at ~65 %, ~2,000 ms in 3 s);
    // the margin is for a loaded machine, where start-up work itself takes longer.
    expect(cpuUsed).toBeLessThan(900);
    expect(await stopAndExpectExit(service)).toBe(0);
  }, 90_000);

  it("reports a host that accepts connections but never answers within 5 s", async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const service = start({
        BOT_TOKEN: "123456:AAAAAAAAAAAAAAAAAAAAAAAA",
        TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
        DATABASE_URL: (await migratedDb()).url,
      });
      const connecting = await service.waitFor(/connecting to the Telegram Bot API/, 60_000);
      const warned = await service.waitFor(/no answer within/, 10_000);
      expect(warned - connecting).toBeLessThan(5_500);
      expect(service.output()).toContain(`127.0.0.1:${port}`);
      expect(await stopAndExpectExit(service)).toBe(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  }, 90_000);

  it("gives up after a bounded number of attempts with a clear final error", async () => {
    const port = await freePort();
    const service = start({
      BOT_TOKEN: "123456:AAAAAAAAAAAAAAAAAAAAAAAA",
      TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
      DATABASE_URL: (await migratedDb()).url,
    });
    const exit = await service.exited(90_000);
    expect(exit.code).toBe(1);
    expect(service.stderr()).toMatch(
      new RegExp(
        `could not start: cannot reach the Telegram Bot API at 127\\.0\\.0\\.1:${port} after 6 attempts`,
      ),
    );
  }, 120_000);
});

describe("signals through npm (8.3)", () => {
  beforeAll(ensureBuilt, 600_000);

  it("SIGTERM to the npm process stops the service: no node process of it remains", async () => {
    const account = emulator.createBot();
    const service = start(envFor(account, (await migratedDb()).url), "npm");
    await service.waitFor(/long polling started/, 90_000);
    const tree = descendantsOf(service.pid);
    expect(tree.length).toBeGreaterThan(0);
    service.child.kill("SIGTERM");
    await service.exited(10_000);
    const deadline = performance.now() + 5_000;
    while (tree.some(isAlive) && performance.now() < deadline) await sleep(100);
    expect(tree.filter(isAlive)).toEqual([]);
    expect(service.output()).toContain("shutting down");
  }, 120_000);
});

describe("409 Conflict from getUpdates (8.4)", () => {
  it("says another instance or a webhook uses the token, keeps polling and answering", async () => {
    const account = emulator.createBot();
    const user = emulator.createUser({ firstName: "Bình" });
    const service = start(envFor(account, (await migratedDb()).url));
    await service.waitFor(/long polling started/, 60_000);
    emulator.failNext({
      method: "getUpdates",
      count: 2,
      errorCode: 409,
      description:
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    emulator.startBot(account, user);
    const first = await emulator.waitForBotMessage(account, user.id, undefined, 15_000);
    await service.waitFor(/another instance or a webhook is using this bot token/, 10_000);
    emulator.sendText(account, user, user.id, "còn đó không?");
    await emulator.waitForBotMessage(account, user.id, undefined, {
      timeoutMs: 15_000,
      afterMessageId: first.message_id,
    });
    expect(isAlive(service.pid)).toBe(true);
    expect(await stopAndExpectExit(service)).toBe(0);
  }, 90_000);
});

describe("polling backoff (8.5)", () => {
  it("answers within the retry ceiling after an outage of getUpdates", async () => {
    const account = emulator.createBot();
    const user = emulator.createUser({ firstName: "Cúc" });
    const app = await startApp({
      config: parseConfig(envFor(account, tempDb().url)),
      logger: createLogger({ level: "silent" }),
      startTicker: false,
      pollingMaxRetryDelayMs: 1_000,
    });
    try {
      await exchange(account, user, "/start");
      emulator.resetNext({ method: "getUpdates", count: 100_000 });
      const first = await exchange(account, user, "một");
      // Uncapped doubling from 100 ms (the runner's) is now 0.7 s into a 6.4 s pause.
      await sleep(7_000);
      emulator.sendText(account, user, user.id, "đã có mạng chưa?");
      emulator.clearFaults();
      const recovered = performance.now();
      await emulator.waitForBotMessage(account, user.id, undefined, {
        timeoutMs: 15_000,
        afterMessageId: first.message_id,
      });
      expect(performance.now() - recovered).toBeLessThan(2_500);
    } finally {
      await app.stop();
    }
  }, 60_000);

  it("stops at once in the middle of a backoff", async () => {
    const account = emulator.createBot();
    const user = emulator.createUser({ firstName: "Dung" });
    const app = await startApp({
      config: parseConfig(envFor(account, tempDb().url)),
      logger: createLogger({ level: "silent" }),
      startTicker: false,
    });
    await exchange(account, user, "/start");
    emulator.resetNext({ method: "getUpdates", count: 100_000 });
    await exchange(account, user, "một");
    await sleep(4_500); // several failures: the current pause is seconds long
    const stopping = performance.now();
    await app.stop();
    expect(performance.now() - stopping).toBeLessThan(1_000);
  }, 60_000);

  it("a real process ends within 5 s of SIGTERM during a backoff", async () => {
    const account = emulator.createBot();
    const user = emulator.createUser({ firstName: "Giang" });
    const service = start(envFor(account, (await migratedDb()).url));
    await service.waitFor(/long polling started/, 60_000);
    await exchange(account, user, "/start");
    emulator.resetNext({ method: "getUpdates", count: 100_000 });
    await exchange(account, user, "một");
    await service.waitFor(/"failures":5/, 30_000);
    expect(await stopAndExpectExit(service)).toBe(0);
  }, 90_000);
});

describe("a locked SQLite file (8.12)", () => {
  it("starts while another process has a read transaction open on an up-to-date file", async () => {
    const db = await migratedDb();
    const reader = new BetterSqlite3(db.path);
    try {
      reader.exec("BEGIN");
      reader.prepare("SELECT count(*) FROM Member").get();
      const account = emulator.createBot();
      const service = start(envFor(account, db.url));
      await service.waitFor(/long polling started/, 40_000);
      expect(service.output()).not.toContain("could not start");
      expect(await stopAndExpectExit(service)).toBe(0);
    } finally {
      reader.close();
    }
  }, 90_000);

  it("waits for a file that must be migrated, naming it, and honours SIGTERM while waiting", async () => {
    const db = tempDb();
    const reader = new BetterSqlite3(db.path);
    reader.pragma("journal_mode = WAL");
    reader.exec("BEGIN");
    reader.prepare("SELECT count(*) FROM sqlite_master").get();
    try {
      const account = emulator.createBot();
      const waiting = new RegExp(
        `waiting for SQLite database ${db.path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
      );
      const first = start(envFor(account, db.url));
      await first.waitFor(waiting, 40_000);
      expect(await stopAndExpectExit(first)).toBe(0);

      const second = start(envFor(account, db.url));
      await second.waitFor(waiting, 40_000);
      reader.exec("COMMIT");
      reader.close();
      await second.waitFor(/long polling started/, 40_000);
      expect(second.output()).toContain("database migrated");
      expect(await stopAndExpectExit(second)).toBe(0);
    } finally {
      if (reader.open) reader.close();
    }
  }, 120_000);

  it("refuses a second instance on the same file, naming the first, without harming it", async () => {
    const db = await migratedDb();
    const account = emulator.createBot();
    const user = emulator.createUser({ firstName: "Hà" });
    const first = start(envFor(account, db.url));
    await first.waitFor(/long polling started/, 60_000);

    const second = start(envFor(account, db.url));
    const exit = await second.exited(60_000);
    expect(exit.code).toBe(1);
    expect(second.stderr()).toContain(`is already in use by another chibo-bot (pid ${first.pid}`);
    expect(second.stderr()).toContain("Only one instance may use an SQLite database");

    emulator.startBot(account, user);
    await emulator.waitForBotMessage(account, user.id, undefined, 15_000);
    expect(await stopAndExpectExit(first)).toBe(0);
  }, 120_000);
});

describePostgres("an update that arrives while the database is down (8.14)", () => {
  let pgDb: EmptyTestDatabase;
  let proxy: PgProxy;
  beforeAll(async () => {
    proxy = await startPgProxy();
  });
  afterAll(async () => {
    await proxy?.close();
  });
  afterEach(async () => {
    proxy?.restore();
    await pgDb?.drop();
  });

  async function outageScenario(mode: "polling" | "webhook"): Promise<ServiceProcess> {
    pgDb = await createEmptyTestDatabase("postgresql");
    const url = pgDb.url.replace(/@127\.0\.0\.1:5432\//, `@127.0.0.1:${proxy.port}/`);
    expect(url).not.toBe(pgDb.url);
    const account = emulator.createBot();
    const user = emulator.createUser({ firstName: "Khánh" });
    const env = envFor(account, url);
    if (mode === "webhook") {
      const port = await freePort();
      Object.assign(env, {
        BOT_MODE: "webhook",
        WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
        WEBHOOK_SECRET: "webhook-secret-0123456789",
        PORT: String(port),
      });
    }
    const service = start(env);
    await service.waitFor(/chibo-bot is running/, 60_000);
    emulator.startBot(account, user);
    const greeting = await emulator.waitForBotMessage(account, user.id, undefined, 15_000);

    proxy.cut();
    const update = emulator.sendText(account, user, user.id, "/me");
    await service.waitFor(/deferred|database unavailable/, 20_000);
    await sleep(1_500);
    // Nothing was answered meanwhile: no error message, no reply.
    expect(emulator.botMessages(account, user.id).filter((m) => m.message_id > greeting.message_id)).toEqual(
      [],
    );

    proxy?.restore();
    const reply = await emulator.waitForBotMessage(account, user.id, undefined, {
      timeoutMs: 30_000,
      afterMessageId: greeting.message_id,
    });
    expect(reply.text).not.toContain(ERROR_GENERIC_VI);
    await sleep(2_000);
    // Handled once: exactly one answer, and the update is recorded: in the database behind a webhook
    // on PostgreSQL (DEDUPE=auto), in the memory of the only instance when polling.
    expect(
      emulator.botMessages(account, user.id).filter((m) => m.message_id > greeting.message_id),
    ).toHaveLength(1);
    const db = await openDatabase(pgDb.url);
    try {
      expect(await db.prisma.processedUpdate.count({ where: { updateId: BigInt(update.update_id) } })).toBe(
        mode === "webhook" ? 1 : 0,
      );
    } finally {
      await db.close();
    }
    expect(await stopAndExpectExit(service)).toBe(0);
    return service;
  }

  it("polling: is handled once the database is back, not answered with an error and dropped", async () => {
    const service = await outageScenario("polling");
    expect(service.output()).toContain("deferred update handled");
  }, 120_000);

  it("webhook: answers non-2xx so Telegram redelivers, then handles it once", async () => {
    const service = await outageScenario("webhook");
    expect(service.output()).toContain("webhook request failed");
  }, 120_000);
});
