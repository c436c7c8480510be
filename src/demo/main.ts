// `npm run demo`: the real service against the built-in Telegram emulator, with no network and no
// token. It plays a short script and prints the conversation as members would see it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { User } from "grammy/types";
import { startApp } from "../app.ts";
import { createManualClock } from "../clock.ts";
import { parseConfig } from "../config.ts";
import { createLogger } from "../logger.ts";
import { startEmulator, type EmulatedBot, type TelegramEmulator } from "../emulator/index.ts";

const dataDir = mkdtempSync(join(tmpdir(), "chibo-demo-"));

function nameOf(user: User): string {
  return [user.first_name, user.last_name].filter(Boolean).join(" ");
}

function printBotReplies(
  emulator: TelegramEmulator,
  bot: EmulatedBot,
  chatId: number,
  label: string,
  since: number,
) {
  for (const message of emulator.botMessages(bot, chatId).slice(since)) {
    const buttons = message.buttons.length
      ? `\n      ${message.buttons.map((b) => `[${b.text}]`).join("  ")}`
      : "";
    console.log(`  🤖 → ${label}: ${(message.text ?? "").replaceAll("\n", "\n      ")}${buttons}`);
  }
}

async function main(): Promise<void> {
  const emulator = await startEmulator();
  const botAccount = emulator.createBot({ username: "trolychibo_bot", firstName: "Trợ lý Chi bộ" });
  const admin = emulator.createUser({ firstName: "Hùng", lastName: "Trần", username: "tranhung" });
  const member = emulator.createUser({ firstName: "Hải", lastName: "Nguyễn" });
  const clock = createManualClock(new Date("2026-12-01T01:00:00Z"));
  const config = parseConfig({
    BOT_TOKEN: botAccount.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATABASE_URL: `file:${join(dataDir, "demo.sqlite")}`,
    ADMIN_IDS: String(admin.id),
    LOG_LEVEL: "warn",
  });
  const app = await startApp({ config, logger: createLogger({ level: "warn" }), clock, startTicker: false });

  async function say(user: User, text: string): Promise<void> {
    const since = emulator.botMessages(botAccount, user.id).length;
    console.log(`\n👤 ${nameOf(user)}: ${text}`);
    if (text.startsWith("/start")) emulator.startBot(botAccount, user);
    else emulator.sendText(botAccount, user, user.id, text);
    await emulator.waitForBotMessage(
      botAccount,
      user.id,
      (m) => m.message_id > lastId(user.id, since),
      10_000,
    );
    printBotReplies(emulator, botAccount, user.id, nameOf(user), since);
  }
  function lastId(chatId: number, index: number): number {
    return emulator.botMessages(botAccount, chatId)[index - 1]?.message_id ?? 0;
  }

  try {
    console.log("Trợ lý Chi bộ — demo against the local Telegram emulator (no network, no token)");
    await say(admin, "/start");
    await say(admin, "/help");
    await say(member, "/start");
    await say(member, "/me");
    await say(member, "/add_admin 42");
    await say(admin, `/add_admin ${member.id}`);
    await say(member, "/lang en");
    await say(member, "/me");
    await say(member, "/lang vi");

    // A scheduled delivery on the fast clock: written now, sent when due.
    const due = new Date(clock.now().getTime() + 60 * 60 * 1000);
    await app.repos.outbox.schedule([
      {
        key: `demo:greeting:${member.id}`,
        kind: "text",
        chatId: member.id,
        payload: { text: "Kính nhắc đồng chí Hải: đây là tin nhắn hẹn giờ của Trợ lý Chi bộ." },
        dueAt: due,
      },
    ]);
    const since = emulator.botMessages(botAccount, member.id).length;
    clock.set(due);
    const result = await app.scheduler.tick();
    console.log(`\n⏰ ${due.toISOString()} — scheduler tick: ${JSON.stringify(result)}`);
    printBotReplies(emulator, botAccount, member.id, nameOf(member), since);
    console.log("\nDemo finished.");
  } finally {
    await app.stop();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error("demo failed:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
