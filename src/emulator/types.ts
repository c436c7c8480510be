import type {
  BotCommand,
  BotCommandScope,
  Chat,
  ForceReply,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  Update,
  User,
} from "grammy/types";

/**
 * Telegram's flood limits as the emulator models them. Every send-type call (sendMessage, sendPhoto,
 * sendDocument, editMessageText, editMessageReplyMarkup, editMessageCaption) is checked against all
 * three; a call over any limit answers 429 and is not executed. Only executed calls consume capacity.
 */
export interface RateLimits {
  /** Per bot and chat (any chat type): token-bucket capacity, i.e. how many sends may burst. */
  perChatBurst: number;
  /** Per bot and chat: bucket refill rate in messages per second. */
  perChatPerSecond: number;
  /** Per bot and group/supergroup/channel: at most this many sends in any rolling `groupWindowMs`. */
  groupPerWindow: number;
  groupWindowMs: number;
  /** Per bot, all chats together: at most this many sends in any rolling `globalWindowMs`. */
  globalPerWindow: number;
  globalWindowMs: number;
}

export interface EmulatorOptions {
  /** Port on 127.0.0.1; 0 or omitted picks a free one. */
  port?: number;
  /** `false` disables flood limits; an object overrides some of the defaults. */
  limits?: false | Partial<RateLimits>;
  /** Clock for message dates (ms since epoch). Flood limits always use real monotonic time. */
  now?: () => number;
  /** Receives one line per API call and per notable event. */
  logger?: (line: string) => void;
  /** First retry delay for a failed webhook delivery (doubles up to 2 s). Default 100 ms. */
  webhookRetryDelayMs?: number;
}

/** A bot account living in the emulator. Pass it back to the driver methods. */
export interface EmulatedBot {
  readonly token: string;
  readonly id: number;
  readonly username: string;
  readonly user: User;
}

export type AnyReplyMarkup = InlineKeyboardMarkup | ForceReply | ReplyKeyboardMarkup | ReplyKeyboardRemove;

export interface MessageButton {
  text: string;
  callback_data?: string;
  url?: string;
}

export interface StoredFileInfo {
  fileId: string;
  fileUniqueId: string;
  fileName?: string;
  mimeType?: string;
  /** Size in bytes (0 when the bot sent a URL the emulator could not fetch). */
  size: number;
}

export interface EditRecord {
  text?: string;
  reply_markup?: AnyReplyMarkup;
  /** Unix seconds (emulator clock) of the edit that replaced this version. */
  date: number;
}

/** A message as it is in the chat now. Updated in place on edits and deletion. */
export interface StoredMessage {
  message_id: number;
  chat_id: number;
  chat: Chat;
  /** Absent for channel posts. */
  from?: User;
  /** Set when a bot sent the message through the API (also for channel posts). */
  botId?: number;
  /** Unix seconds, from the emulator clock. */
  date: number;
  kind: "text" | "photo" | "document" | "voice" | "service";
  /** The text, or the caption of a media message. */
  text?: string;
  entities?: MessageEntity[];
  parse_mode?: string;
  /** The markup as the bot sent it, including force_reply and reply keyboards (unlike `message`). */
  reply_markup?: AnyReplyMarkup;
  /** Inline keyboard buttons, flattened row by row. */
  buttons: MessageButton[];
  reply_to_message_id?: number;
  edits: number;
  /** Earlier versions, oldest first. */
  editHistory: EditRecord[];
  deleted: boolean;
  document?: StoredFileInfo;
  photo?: StoredFileInfo & { width: number; height: number };
  voice?: StoredFileInfo & { duration: number };
  /** The full Bot API message, as the current version would be serialised. */
  message: Message;
}

export interface CallRecord {
  method: string;
  token: string;
  botId?: number;
  chatId?: number;
  /** HTTP status / error_code; 0 when the socket was reset without a response. */
  status: number;
  description?: string;
  /** Wall-clock ms (Date.now) when the request arrived. */
  at: number;
  /** Time spent answering, in ms (includes injected latency and long-poll waiting). */
  ms: number;
}

export interface FailNextOptions {
  /** Method name (case-insensitive). Without it the rule matches any method except getUpdates. */
  method?: string;
  chatId?: number;
  /** How many matching calls fail. Default 1. */
  count?: number;
  errorCode: number;
  description?: string;
  /** For errorCode 429: parameters.retry_after. Default 1. */
  retryAfter?: number;
}

export interface ResetNextOptions {
  /** Method name (case-insensitive). Without it the rule matches any method except getUpdates. */
  method?: string;
  chatId?: number;
  /** Default 1. */
  count?: number;
  /**
   * Execute the call first, then drop the connection: the effect happens but the client never hears
   * about it (a lost response). Default false: the call is not executed.
   */
  afterExecute?: boolean;
}

export interface CallbackAnswer {
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
}

export interface CommandsQuery {
  languageCode?: string;
  scope?: BotCommandScope;
  /**
   * Resolve like a Telegram client would: the scope, then the default scope, each with the language
   * and then without. Default false: exact scope + language, like getMyCommands.
   */
  fallback?: boolean;
}

export interface WaitForOptions {
  timeoutMs?: number;
  /** Only messages with a message_id greater than this. */
  afterMessageId?: number;
}

export type { BotCommand, Update };
