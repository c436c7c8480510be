// Shared fixtures for the scheduler tests that run against the emulator.
import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/logger.ts";
import type { TelegramEmulator, EmulatedBot } from "../../src/emulator/index.ts";
import type { User } from "grammy/types";

/** A logger whose lines are kept in memory; no secrets are configured, so nothing is scrubbed for us. */
export function createCapturingLogger(level = "info"): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}

/** Users who opened the bot, so private sends to them succeed. */
export function startedUsers(emulator: TelegramEmulator, bot: EmulatedBot, count: number): User[] {
  return Array.from({ length: count }, (_, i) => {
    const user = emulator.createUser({ firstName: `Đảng viên ${i + 1}` });
    emulator.startBot(bot, user);
    return user;
  });
}

/** A basic group with the bot in it. */
export function groupWithBot(emulator: TelegramEmulator, bot: EmulatedBot, title: string): number {
  const owner = emulator.createUser({ firstName: `Bí thư ${title}` });
  const chat = emulator.createGroup({ title, members: [owner] });
  emulator.addBotToChat(bot, chat.id, { by: owner });
  return chat.id;
}

/** Calls this bot made, optionally only one method. */
export function callsOf(emulator: TelegramEmulator, bot: EmulatedBot, method?: string) {
  return emulator.calls().filter((c) => c.botId === bot.id && (method === undefined || c.method === method));
}
