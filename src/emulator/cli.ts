/**
 * Starts the emulator for manual use: `tsx src/emulator/cli.ts [port] [--no-limits]`.
 * Creates one bot and one started user and prints how to reach them.
 */
import { startEmulator } from "./emulator.ts";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const port = Number(args.find((a) => /^\d+$/.test(a)) ?? 8081);
  const emulator = await startEmulator({
    port,
    ...(args.includes("--no-limits") && { limits: false as const }),
    logger: (line) => console.log(`[emulator] ${line}`),
  });
  const bot = emulator.createBot({ username: "chibo_dev_bot", firstName: "Chibo Dev" });
  const user = emulator.createUser({ firstName: "Dev", username: "dev_user", languageCode: "vi" });
  emulator.startBot(bot, user);
  console.log(`Telegram emulator on ${emulator.apiRoot}`);
  console.log(`bot token: ${bot.token}  (@${bot.username})`);
  console.log(`user ${user.id} has started the bot; a /start update is pending`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
