/**
 * Local Telegram Bot API emulator for tests, the demo and benchmarks.
 *
 *   const emu = await startEmulator({ limits: false });
 *   const bot = emu.createBot();
 *   const grammyBot = new Bot(bot.token, { client: { apiRoot: emu.apiRoot } });
 *
 * It listens on 127.0.0.1 only and never contacts other hosts: webhooks are accepted only for
 * loopback URLs, and URLs given as files are recorded, not fetched.
 */
export { startEmulator, type TelegramEmulator } from "./emulator.ts";
export { DEFAULT_RATE_LIMITS } from "./rate-limiter.ts";
export { errorBody, telegramErrors, TelegramApiError, type TelegramErrorBody } from "./errors.ts";
export { formatText, parseHtml, parseMarkdown, parseMarkdownV2, detectEntities } from "./formatting.ts";
export type { ExplicitMention, FormattedText } from "./formatting.ts";
export type {
  AnyReplyMarkup,
  CallbackAnswer,
  CallRecord,
  CommandsQuery,
  EditRecord,
  EmulatedBot,
  EmulatorOptions,
  FailNextOptions,
  MessageButton,
  RateLimits,
  ResetNextOptions,
  StoredFileInfo,
  StoredMessage,
  WaitForOptions,
} from "./types.ts";
