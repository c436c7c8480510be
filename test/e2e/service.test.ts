// The service as `npm start` runs it: a child process, real long polling, and webhook mode.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp } from "../../src/app.ts";
import { parseConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { startEmulator, type TelegramEmulator } from "../../src/emulator/index.ts";

const ROOT = join(import.meta.dirname, "..", "..");
// What `npm run dev` runs (the sources under tsx), resolved from the project so the child may start
// in any directory; `npm start`'s compiled build is covered in process-hardening.test.ts.
const TSX_LOADER = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs src/main.ts with exactly the given environment (plus PATH) from an empty directory. */
function runMain(env: Record<string, string>, timeoutMs = 20_000, untilStdout?: RegExp): Promise<RunResult> {
  const cwd = mkdtempSync(join(tmpdir(), "chibo-main-"));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", TSX_LOADER, join(ROOT, "src", "main.ts")], {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let signalled = false;
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      if (!signalled && untilStdout?.test(stdout)) {
        signalled = true;
        child.kill("SIGTERM");
      }
    });
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

describe("npm start (src/main.ts)", () => {
  let emulator: TelegramEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ limits: false });
  });
  afterAll(async () => {
    await emulator?.close();
  });

  it("exits non-zero at once without BOT_TOKEN and explains BotFather and the demo", async () => {
    const result = await runMain({});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("BOT_TOKEN is not set");
    expect(result.stderr).toContain("@BotFather");
    expect(result.stderr).toContain("npm run demo");
  });

  it("names each bad setting and exits 2", async () => {
    const result = await runMain({ BOT_TOKEN: "nope", PORT: "99999", ADMIN_IDS: "12,x" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/BOT_TOKEN: /);
    expect(result.stderr).toMatch(/PORT: /);
    expect(result.stderr).toMatch(/ADMIN_IDS: /);
    expect(result.stderr).not.toContain("at ");
  });

  it("reports an unreachable database clearly, without the password", async () => {
    const bot = emulator.createBot();
    const result = await runMain({
      BOT_TOKEN: bot.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: "postgresql://chibo:hunter2secret@127.0.0.1:1/nowhere",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/could not start: .*127\.0\.0\.1:1/);
    expect(result.stderr + result.stdout).not.toContain("hunter2secret");
  });

  it("reports a token Telegram rejects", async () => {
    const result = await runMain({
      BOT_TOKEN: "999999:ThisTokenIsNotKnownToTheEmulator",
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: "file:./data/chibo.sqlite",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Telegram rejected BOT_TOKEN");
    expect(result.stderr + result.stdout).not.toContain("ThisTokenIsNotKnownToTheEmulator");
  });

  it("starts on the default SQLite file, long-polls, and stops cleanly on SIGTERM", async () => {
    const bot = emulator.createBot();
    const result = await runMain(
      { BOT_TOKEN: bot.token, TELEGRAM_API_ROOT: emulator.apiRoot, LOG_LEVEL: "info" },
      30_000,
      /long polling started/,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("long polling started");
    expect(result.stdout).toContain("shutting down");
    expect(result.stdout).not.toContain(bot.token.split(":")[1]!);
  });
});

describe("update sources", () => {
  let emulator: TelegramEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ limits: false });
  });
  afterAll(async () => {
    await emulator?.close();
  });

  it("retries when the Bot API answers 5xx or drops the connection at start-up", async () => {
    const bot = emulator.createBot({ username: "flaky_bot" });
    const dir = mkdtempSync(join(tmpdir(), "chibo-flaky-"));
    const config = parseConfig({
      BOT_TOKEN: bot.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: `file:${join(dir, "flaky.sqlite")}`,
    });
    emulator.failNext({ method: "getMe", count: 1, errorCode: 502 });
    emulator.resetNext({ method: "getMe", count: 1 });
    const app = await startApp({
      config,
      logger: createLogger({ level: "silent" }),
      startTicker: false,
      receiveUpdates: false,
    });
    try {
      expect(app.bot.botInfo.username).toBe("flaky_bot");
      const getMe = emulator.calls().filter((c) => c.method === "getMe" && c.token === bot.token);
      expect(getMe.map((c) => c.status).sort()).toEqual([0, 200, 502]);
      expect(getMe.at(-1)?.status).toBe(200);
    } finally {
      await app.stop();
    }
  });

  it("answers through the runner's long polling", async () => {
    const bot = emulator.createBot({ username: "poll_bot" });
    const dir = mkdtempSync(join(tmpdir(), "chibo-poll-"));
    const config = parseConfig({
      BOT_TOKEN: bot.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: `file:${join(dir, "poll.sqlite")}`,
    });
    const app = await startApp({ config, logger: createLogger({ level: "silent" }), startTicker: false });
    try {
      const user = emulator.createUser({ firstName: "An" });
      emulator.startBot(bot, user);
      const reply = await emulator.waitForBotMessage(bot, user.id, undefined, 10_000);
      expect(reply.text).toContain("Kính chào đồng chí An!");
    } finally {
      await app.stop();
    }
  });

  it("serves the webhook, rejecting a missing or wrong secret token with 401", async () => {
    const bot = emulator.createBot({ username: "hook_bot" });
    const dir = mkdtempSync(join(tmpdir(), "chibo-hook-"));
    const port = await freePort();
    const secret = "webhook-secret-0123456789";
    const config = parseConfig({
      BOT_TOKEN: bot.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: `file:${join(dir, "hook.sqlite")}`,
      BOT_MODE: "webhook",
      WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
      WEBHOOK_SECRET: secret,
      PORT: String(port),
    });
    const app = await startApp({
      config,
      logger: createLogger({ level: "silent" }),
      startTicker: false,
      webhookHost: "127.0.0.1",
    });
    try {
      const update = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 5, type: "private" } } };
      const post = (headers: Record<string, string>) =>
        fetch(`http://127.0.0.1:${port}/telegram`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify(update),
        });
      expect((await post({})).status).toBe(401);
      expect((await post({ "X-Telegram-Bot-Api-Secret-Token": "wrong-secret-000000000" })).status).toBe(401);
      expect(await app.database.prisma.processedUpdate.count()).toBe(0);

      // The emulator delivers real updates to the registered webhook with the right secret.
      const user = emulator.createUser({ firstName: "Bảo" });
      emulator.startBot(bot, user);
      const reply = await emulator.waitForBotMessage(bot, user.id, undefined, 10_000);
      expect(reply.text).toContain("Kính chào đồng chí Bảo!");
      // Health and metrics share the webhook's port in webhook mode.
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/^chibo_updates_handled_total [1-9]/m);
    } finally {
      await app.stop();
    }
  });
});
