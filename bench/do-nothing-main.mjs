// The baseline service of the start-up and memory figures: a grammY bot that long-polls and only
// answers callback queries. Started by the benchmark with BOT_TOKEN and TELEGRAM_API_ROOT (the
// emulator); stops on SIGTERM or SIGINT. It repeats stage.ts's createDoNothingBot rather than
// importing it, so that it loads grammY and nothing of the project. Plain JavaScript, run by plain
// node, as `npm start` runs the compiled dist/main.js: neither side pays for a TypeScript loader.
import { Bot } from "grammy";

const token = process.env.BOT_TOKEN;
const apiRoot = process.env.TELEGRAM_API_ROOT;
if (!token || !apiRoot) {
  process.stderr.write("BOT_TOKEN and TELEGRAM_API_ROOT are required\n");
  process.exit(2);
}
const bot = new Bot(token, { client: { apiRoot } });
bot.on("callback_query", (ctx) => ctx.answerCallbackQuery());
const stop = () => {
  void bot.stop();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
await bot.start({ drop_pending_updates: false });
