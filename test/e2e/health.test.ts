// GET /healthz and GET /metrics of the running service (HEALTH_PORT, polling mode as by default),
// against the emulator and a real database: 200 while all is well, 503 with a reason while the
// database is away (PostgreSQL cut by a proxy; SQLite locked for writing by another program, or its
// file gone) or while Telegram fails, and back to 200 when it returns; the metrics move with what
// the service does.
import { renameSync } from "node:fs";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../src/app.ts";
import { parseConfig } from "../../src/config.ts";
import { sqlitePathOf } from "../../src/db/url.ts";
import { startEmulator, type EmulatedBot, type TelegramEmulator } from "../../src/emulator/index.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/databases.ts";
import { startPgProxy, type PgProxy } from "../support/pg-proxy.ts";

interface HealthBody {
  status: string;
  ok: boolean;
  reason?: string;
  database: string;
  telegram: string;
}

/** Samples of the Prometheus text format: `name{labels}` → value. Throws on a malformed line. */
function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (-?[0-9.e+-]+|NaN|Nan|\+Inf|-Inf)$/.exec(line);
    if (!m) throw new Error(`not a Prometheus sample line: ${line}`);
    samples.set(m[1]!, Number(m[2]));
  }
  return samples;
}

describeEachProvider("health and metrics", (provider) => {
  let emulator: TelegramEmulator;
  let account: EmulatedBot;
  let testDb: TestDatabase;
  let proxy: PgProxy | undefined;
  let app: RunningApp;
  let base: string;

  beforeAll(async () => {
    emulator = await startEmulator({ limits: false });
    if (provider === "postgresql") proxy = await startPgProxy();
  });
  afterAll(async () => {
    await proxy?.close();
    await emulator?.close();
  });
  beforeEach(async () => {
    testDb = await createTestDatabase(provider);
    account = emulator.createBot({ username: "chibo_health_bot" });
    const config = parseConfig({
      BOT_TOKEN: account.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      // PostgreSQL through the proxy, so that a test can cut the database away.
      DATABASE_URL: proxy ? proxy.urlFor(testDb.url) : testDb.url,
      LOG_LEVEL: "silent",
    });
    app = await startApp({
      config,
      logger: createLogger({ level: "silent" }),
      receiveUpdates: false,
      startTicker: false,
      healthPort: 0,
    });
    await app.menusSynced;
    base = `http://127.0.0.1:${app.monitoringServer!.port}`;
  });
  afterEach(async () => {
    proxy?.restore();
    emulator.clearFaults();
    await app?.stop();
    await testDb?.drop();
  });

  async function health(): Promise<{ status: number; body: HealthBody }> {
    const res = await fetch(`${base}/healthz`);
    return { status: res.status, body: (await res.json()) as HealthBody };
  }

  /** The database may take a moment to be reconnected to: ask until it answers 200. */
  async function healthyAgain(): Promise<{ status: number; body: HealthBody }> {
    let last = await health();
    for (let i = 0; i < 50 && last.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      last = await health();
    }
    return last;
  }

  async function metrics(): Promise<Map<string, number>> {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    return parseMetrics(await res.text());
  }

  it("answers 200 when the database and Telegram answer", async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ok", database: "ok", telegram: "ok" });
    expect(body.reason).toBeUndefined();
    expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
  });

  it("answers 503 naming the database while it is away, and 200 again when it is back", async () => {
    if (provider === "postgresql") {
      proxy!.cut();
      const down = await health();
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ status: "unavailable", database: "unavailable", telegram: "ok" });
      expect(down.body.reason).toMatch(/database/);
      expect(down.body.reason).not.toContain("postgres@");
      proxy!.restore();
    } else {
      // Another program holds the file locked for writing: every write of the bot would fail.
      const path = sqlitePathOf(testDb.url);
      const other = new BetterSqlite3(path);
      other.exec("BEGIN IMMEDIATE");
      const locked = await health();
      other.exec("ROLLBACK");
      other.close();
      expect(locked.status).toBe(503);
      expect(locked.body.database).toBe("unavailable");
      expect(locked.body.reason).toContain("locked for writing");
      expect((await health()).status).toBe(200);

      // The file was moved away (a mistaken clean-up, an unmounted disk).
      renameSync(path, `${path}.moved`);
      const missing = await health();
      renameSync(`${path}.moved`, path);
      expect(missing.status).toBe(503);
      expect(missing.body.reason).toContain("is missing");
    }
    const back = await healthyAgain();
    expect(back.status).toBe(200);
    expect(back.body.database).toBe("ok");
  });

  it("answers 503 naming Telegram after a failed call, and 200 once a call succeeds again", async () => {
    const user = emulator.createUser({ firstName: "Hạnh" });
    emulator.startBot(account, user);
    const [start] = emulator.takeUpdates(account);
    await app.bot.handleUpdate(start!);

    // Telegram answers 502 to every try of a scheduled message: the sender gives up for now.
    emulator.failNext({ method: "sendMessage", errorCode: 502, count: 3 });
    await app.repos.outbox.schedule([
      { key: "health:test:1", kind: "text", chatId: user.id, payload: { text: "một" }, dueAt: new Date() },
    ]);
    const tick = await app.scheduler.tick();
    expect(tick.retrying).toBe(1);
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ database: "ok", telegram: "unavailable" });
    expect(down.body.reason).toMatch(/Telegram: sendMessage failed .*502/);

    // The member writes again and the bot's answer goes through.
    emulator.sendText(account, user, user.id, "/help");
    for (const update of emulator.takeUpdates(account)) await app.bot.handleUpdate(update);
    expect((await health()).status).toBe(200);

    const samples = await metrics();
    expect(samples.get('chibo_scheduled_sends_total{outcome="retry_transient"}')).toBe(1);
    expect(samples.get('chibo_telegram_calls_total{result="failed"}')).toBe(3);
  });

  it("exports metrics that move with updates, sends, 429s and the outbox", async () => {
    // The capabilities' daily seed rows written at start are due at once: let them run first.
    while ((await app.scheduler.tick()).claimed > 0);
    const before = await metrics();
    expect(before.get("chibo_updates_handled_total")).toBe(0);
    expect(before.get("chibo_outbox_due")).toBe(0);
    expect(before.get("chibo_outbox_readable")).toBe(1);
    expect(before.has("chibo_process_resident_memory_bytes")).toBe(true);

    const user = emulator.createUser({ firstName: "Minh" });
    emulator.startBot(account, user);
    emulator.sendText(account, user, user.id, "/help");
    for (const update of emulator.takeUpdates(account)) await app.bot.handleUpdate(update);

    const dueAt = new Date(Date.now() - 60_000);
    await app.repos.outbox.schedule([
      { key: "health:test:2", kind: "text", chatId: user.id, payload: { text: "hai" }, dueAt },
      {
        key: "health:test:later",
        kind: "text",
        chatId: user.id,
        payload: { text: "sau" },
        dueAt: new Date(Date.now() + 3_600_000),
      },
    ]);
    const waiting = await metrics();
    expect(waiting.get("chibo_updates_handled_total")).toBe(2);
    expect(waiting.get("chibo_update_errors_total")).toBe(0);
    expect(waiting.get("chibo_outbox_pending")).toBeGreaterThanOrEqual(2);
    expect(waiting.get("chibo_outbox_due")).toBeGreaterThanOrEqual(1);
    expect(waiting.get("chibo_outbox_oldest_due_age_seconds")).toBeGreaterThanOrEqual(60);

    // Telegram asks the scheduler to slow down once; it waits and sends.
    emulator.failNext({ method: "sendMessage", chatId: user.id, errorCode: 429, retryAfter: 1 });
    await app.scheduler.tick();
    const after = await metrics();
    expect(after.get("chibo_telegram_rate_limited_total")).toBe(1);
    expect(after.get('chibo_scheduled_sends_total{outcome="sent"}')).toBeGreaterThanOrEqual(1);
    expect(after.get("chibo_outbox_due")).toBe(0);
    expect(after.get("chibo_outbox_oldest_due_age_seconds")).toBe(0);
  });
});
