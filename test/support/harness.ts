// Runs the real service (database, bot, middleware, Fluent files, scheduler) against the local
// Telegram emulator. Updates are fed straight into bot.handleUpdate so a test knows when each
// one has been fully handled; a separate test covers real long polling and the webhook.
import type { Update, User } from "grammy/types";
import { startApp, type AppOptions, type RunningApp } from "../../src/app.ts";
import { createManualClock, type ManualClock } from "../../src/clock.ts";
import { parseConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { startEmulator, type EmulatedBot, type TelegramEmulator } from "../../src/emulator/index.ts";
import { createTestDatabase, type TestDatabase } from "./databases.ts";

export interface Harness {
  emulator: TelegramEmulator;
  botAccount: EmulatedBot;
  app: RunningApp;
  clock: ManualClock;
  testDb: TestDatabase;
  admin: User;
  /** Hands every pending update to the bot and waits until each is handled. */
  flush(): Promise<Update[]>;
  /** A user writes text (a command or not) in a chat; returns once the bot has handled it. */
  say(from: User, chatId: number, text: string, opts?: { replyToMessageId?: number }): Promise<void>;
  press(from: User, chatId: number, messageId: number, data: string): Promise<Update>;
  /** Texts the bot sent to a chat, oldest first. */
  texts(chatId: number): string[];
  lastText(chatId: number): string | undefined;
  /**
   * Stops the service and starts a new one on the same database, emulator and clock (a restart),
   * with `env` changed when given (a new configuration, e.g. another ADMIN_IDS).
   */
  restart(env?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  provider: "sqlite" | "postgresql";
  env?: Record<string, string>;
  app?: Partial<AppOptions>;
  start?: Date;
}

export async function createHarness(options: HarnessOptions): Promise<Harness> {
  const emulator = await startEmulator({ limits: false });
  let testDb: TestDatabase;
  try {
    testDb = await createTestDatabase(options.provider);
  } catch (error) {
    // Nothing else is left open, so the suite reports this one error, not a second one in clean-up.
    await emulator.close();
    throw error;
  }
  const botAccount = emulator.createBot({ username: "chibo_test_bot", firstName: "Trợ lý Chi bộ" });
  const admin = emulator.createUser({ firstName: "Quản trị", username: "quantri" });
  const clock = createManualClock(options.start ?? new Date("2026-12-01T01:00:00Z"));
  const configFor = (env?: Record<string, string>) =>
    parseConfig({
      BOT_TOKEN: botAccount.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: testDb.url,
      ADMIN_IDS: String(admin.id),
      LOG_LEVEL: "silent",
      ...options.env,
      ...env,
    });
  let config = configFor();
  const logger = createLogger({ level: config.logLevel, secrets: [config.botToken] });
  const start = async () => {
    const started = await startApp({
      config,
      logger,
      clock,
      receiveUpdates: false,
      startTicker: false,
      ...options.app,
    });
    // Tests act on the menus after start-up: let the start-up's own menu calls finish first.
    await started.menusSynced;
    return started;
  };
  let app: RunningApp;
  try {
    app = await start();
  } catch (error) {
    await emulator.close();
    await testDb.drop();
    throw error;
  }

  const flush = async () => {
    const updates = emulator.takeUpdates(botAccount);
    for (const update of updates) await app.bot.handleUpdate(update);
    return updates;
  };
  const texts = (chatId: number) =>
    emulator
      .botMessages(botAccount, chatId)
      .filter((m) => !m.deleted)
      .map((m) => m.text ?? "");
  return {
    emulator,
    botAccount,
    get app() {
      return app;
    },
    clock,
    testDb,
    admin,
    flush,
    async say(from, chatId, text, opts) {
      emulator.sendText(botAccount, from, chatId, text, opts);
      await flush();
    },
    async press(from, chatId, messageId, data) {
      const update = emulator.pressButton(botAccount, from, chatId, messageId, data);
      await flush();
      return update;
    },
    texts,
    lastText: (chatId) => texts(chatId).at(-1),
    async restart(env) {
      await app.stop();
      if (env) config = configFor(env);
      app = await start();
    },
    async close() {
      await app.stop();
      await emulator.close();
      await testDb.drop();
    },
  };
}
