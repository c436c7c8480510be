import type {
  BotCommand,
  ChatFullInfo,
  ChatMember,
  Document,
  File,
  InlineKeyboardMarkup,
  LinkPreviewOptions,
  Message,
  MessageId,
  MessageEntity,
  PhotoSize,
  ReplyParameters,
  Update,
  WebhookInfo,
} from "grammy/types";
import { telegramErrors } from "./errors.ts";
import { EntityParseError, formatText, UnsupportedParseModeError, type FormattedText } from "./formatting.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import type { FileInput, Params } from "./request-body.ts";
import type { AnyReplyMarkup, StoredMessage } from "./types.ts";
import {
  applyMessage,
  commandsKey,
  isActiveStatus,
  isAdminStatus,
  type BotRecord,
  type ChatRecord,
  type FileRecord,
  type World,
} from "./world.ts";

export interface CallContext {
  bot: BotRecord;
  params: Params;
  /** Aborted when the client goes away (used by long polling). */
  signal: AbortSignal;
}

type Handler = (ctx: CallContext) => unknown;

/** Methods subject to flood limits. */
export const RATE_LIMITED_METHODS = new Set([
  "sendmessage",
  "sendphoto",
  "senddocument",
  "editmessagetext",
  "editmessagereplymarkup",
  "editmessagecaption",
]);

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_DOWNLOAD = 20 * 1024 * 1024;
const ALLOWED_UPDATE_TYPES = new Set([
  "message",
  "edited_message",
  "channel_post",
  "edited_channel_post",
  "business_connection",
  "business_message",
  "edited_business_message",
  "deleted_business_messages",
  "message_reaction",
  "message_reaction_count",
  "inline_query",
  "chosen_inline_result",
  "callback_query",
  "shipping_query",
  "pre_checkout_query",
  "purchased_paid_media",
  "poll",
  "poll_answer",
  "my_chat_member",
  "chat_member",
  "chat_join_request",
  "chat_boost",
  "removed_chat_boost",
]);
const BUTTON_ACTIONS = [
  "callback_data",
  "url",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];
const MIME_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv",
  txt: "text/plain",
  json: "application/json",
  zip: "application/zip",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  ogg: "audio/ogg",
  svg: "image/svg+xml",
};

/** JSON with sorted keys, for comparing markups the way Telegram compares content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

function sameEntities(a: MessageEntity[] | undefined, b: MessageEntity[] | undefined): boolean {
  return canonical(a ?? []) === canonical(b ?? []);
}

function sameMarkup(a: InlineKeyboardMarkup | undefined, b: InlineKeyboardMarkup | undefined): boolean {
  const empty = (m: InlineKeyboardMarkup | undefined) =>
    !m || m.inline_keyboard.every((row) => row.length === 0);
  if (empty(a) && empty(b)) return true;
  return canonical(a) === canonical(b);
}

/** Width and height from PNG or JPEG headers; a plausible default otherwise. */
export function imageSize(data: Buffer): { width: number; height: number } {
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) break;
      const marker = data[i + 1] ?? 0;
      const length = data.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: data.readUInt16BE(i + 7), height: data.readUInt16BE(i + 5) };
      }
      i += 2 + length;
    }
  }
  return { width: 800, height: 600 };
}

export class BotApi {
  private readonly handlers = new Map<string, Handler>();

  constructor(
    private readonly world: World,
    public limiter: RateLimiter | undefined,
  ) {
    const methods: Record<string, Handler> = {
      getMe: ({ bot }) => this.world.getMe(bot),
      getUpdates: (ctx) => this.getUpdates(ctx),
      setWebhook: (ctx) => this.setWebhook(ctx),
      deleteWebhook: (ctx) => this.deleteWebhook(ctx),
      getWebhookInfo: (ctx) => this.getWebhookInfo(ctx),
      sendMessage: (ctx) => this.sendMessage(ctx),
      sendPhoto: (ctx) => this.sendPhoto(ctx),
      sendDocument: (ctx) => this.sendDocument(ctx),
      copyMessage: (ctx) => this.copyMessage(ctx),
      editMessageText: (ctx) => this.editMessageText(ctx),
      editMessageCaption: (ctx) => this.editMessageCaption(ctx),
      editMessageReplyMarkup: (ctx) => this.editMessageReplyMarkup(ctx),
      deleteMessage: (ctx) => this.deleteMessage(ctx),
      answerCallbackQuery: (ctx) => this.answerCallbackQuery(ctx),
      setMyCommands: (ctx) => this.setMyCommands(ctx),
      getMyCommands: (ctx) => this.getMyCommands(ctx),
      deleteMyCommands: (ctx) => this.deleteMyCommands(ctx),
      getChat: (ctx) => this.getChat(ctx),
      getChatMember: (ctx) => this.getChatMember(ctx),
      getChatAdministrators: (ctx) => this.getChatAdministrators(ctx),
      getChatMemberCount: (ctx) => this.getChatMemberCount(ctx),
      getFile: (ctx) => this.getFile(ctx),
      leaveChat: (ctx) => this.leaveChat(ctx),
      setChatMenuButton: (ctx) => this.setChatMenuButton(ctx),
      getChatMenuButton: (ctx) => this.getChatMenuButton(ctx),
      sendChatAction: (ctx) => this.sendChatAction(ctx),
    };
    for (const [name, handler] of Object.entries(methods)) this.handlers.set(name.toLowerCase(), handler);
  }

  /** Telegram method names are case-insensitive. */
  handler(method: string): Handler | undefined {
    return this.handlers.get(method.toLowerCase());
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  /** Checks the flood limits; returns the function that records the send once it is executed. */
  private limit(bot: BotRecord, record: ChatRecord): () => void {
    const limiter = this.limiter;
    if (!limiter) return () => undefined;
    const groupLike = record.type !== "private";
    const wait = limiter.check(bot.id, record.id, groupLike);
    if (wait > 0) throw telegramErrors.tooManyRequests(wait);
    return () => limiter.commit(bot.id, record.id, groupLike);
  }

  private format(
    raw: string,
    parseMode: string | undefined,
    entities: MessageEntity[] | undefined,
  ): FormattedText {
    try {
      return formatText(raw, parseMode, entities);
    } catch (error) {
      if (error instanceof EntityParseError) throw telegramErrors.cantParseEntities(error.message);
      if (error instanceof UnsupportedParseModeError)
        throw telegramErrors.badRequest("unsupported parse_mode");
      throw error;
    }
  }

  private readMarkup(params: Params): AnyReplyMarkup | undefined {
    const markup = params.json<AnyReplyMarkup>("reply_markup");
    if (markup === undefined) return undefined;
    if (typeof markup !== "object" || Array.isArray(markup)) {
      throw telegramErrors.badRequest("can't parse reply keyboard markup JSON object");
    }
    if ("inline_keyboard" in markup) this.validateInlineKeyboard(markup);
    return markup;
  }

  private readInlineMarkup(params: Params): InlineKeyboardMarkup | undefined {
    const markup = this.readMarkup(params);
    if (markup === undefined) return undefined;
    if (!("inline_keyboard" in markup)) throw telegramErrors.badRequest("inline keyboard expected");
    return markup;
  }

  private validateInlineKeyboard(markup: InlineKeyboardMarkup): void {
    const rows: unknown = markup.inline_keyboard;
    if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
      throw telegramErrors.badRequest(
        'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays',
      );
    }
    for (const row of markup.inline_keyboard) {
      for (const button of row as unknown[]) {
        if (typeof button !== "object" || button === null) {
          throw telegramErrors.badRequest(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object",
          );
        }
        const b = button as Record<string, unknown>;
        if (typeof b.text !== "string") {
          throw telegramErrors.badRequest(
            'can\'t parse inline keyboard button: Field "text" must be of type String',
          );
        }
        const actions = BUTTON_ACTIONS.filter((k) => b[k] !== undefined);
        if (actions.length === 0) {
          throw telegramErrors.badRequest(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
          );
        }
        if (b.callback_data !== undefined) {
          const size = typeof b.callback_data === "string" ? Buffer.byteLength(b.callback_data, "utf8") : 0;
          if (size < 1 || size > 64) throw telegramErrors.badRequest("BUTTON_DATA_INVALID");
        }
        if (b.url !== undefined) {
          const url = typeof b.url === "string" ? b.url : "";
          if (!/^(https?|tg):\/\/\S+$/i.test(url)) {
            throw telegramErrors.badRequest(`inline keyboard button URL '${url}' is invalid: Wrong HTTP URL`);
          }
        }
      }
    }
  }

  private replyTarget(record: ChatRecord, params: Params): Message | undefined {
    const rp = params.json<ReplyParameters>("reply_parameters");
    const id = rp?.message_id ?? params.num("reply_to_message_id");
    if (id === undefined) return undefined;
    const allowWithout =
      rp?.allow_sending_without_reply ?? params.bool("allow_sending_without_reply") ?? false;
    const target = this.world.replyTarget(record, id);
    if (!target && !allowWithout) throw telegramErrors.replyNotFound();
    return target;
  }

  private newBotMessage(
    bot: BotRecord,
    record: ChatRecord,
    content: Partial<Message>,
    markup: AnyReplyMarkup | undefined,
    replyTo: Message | undefined,
  ): Message {
    // Key order as Telegram serialises it.
    const message: Message =
      record.type === "channel"
        ? {
            message_id: record.nextMessageId++,
            sender_chat: record.chat,
            chat: record.chat,
            date: this.world.unixNow(),
          }
        : {
            message_id: record.nextMessageId++,
            from: bot.user,
            chat: record.chat,
            date: this.world.unixNow(),
          };
    Object.assign(message, content);
    if (replyTo) message.reply_to_message = replyTo as Message & { reply_to_message: undefined };
    if (markup && "inline_keyboard" in markup && markup.inline_keyboard.some((row) => row.length > 0)) {
      message.reply_markup = markup;
    }
    return message;
  }

  private ownMessageToEdit(bot: BotRecord, params: Params): { record: ChatRecord; stored: StoredMessage } {
    if (params.has("inline_message_id") && !params.has("chat_id"))
      throw telegramErrors.badRequest("MESSAGE_ID_INVALID");
    const record = this.world.writableChat(bot, params.chatId());
    const id = params.num("message_id");
    if (id === undefined) throw telegramErrors.badRequest("message identifier is not specified");
    const stored = record.byId.get(id);
    if (!stored || stored.deleted) throw telegramErrors.messageToEditNotFound();
    if (stored.botId !== bot.id) throw telegramErrors.badRequest("message can't be edited");
    return { record, stored };
  }

  private fileFromInput(input: FileInput, folder: string, defaultExt: string): FileRecord {
    if (input.kind === "file_id") {
      const existing = this.world.files.get(input.fileId);
      if (!existing) throw telegramErrors.badRequest("wrong file identifier/HTTP URL specified");
      return existing;
    }
    if (input.kind === "url") {
      // The emulator never fetches URLs (no network); it records the name only.
      const name =
        decodeURIComponent(new URL(input.url).pathname.split("/").pop() ?? "") || `file.${defaultExt}`;
      const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1] ?? defaultExt;
      const mimeType = MIME_TYPES[ext.toLowerCase()];
      return this.world.storeFile(folder, ext, undefined, {
        fileName: name,
        ...(mimeType !== undefined && { mimeType }),
      });
    }
    const { file } = input;
    const ext = /\.([A-Za-z0-9]{1,8})$/.exec(file.fileName)?.[1] ?? defaultExt;
    const guessed = MIME_TYPES[ext.toLowerCase()];
    const mimeType =
      file.contentType !== undefined && file.contentType !== "application/octet-stream"
        ? file.contentType
        : guessed;
    return this.world.storeFile(folder, ext, file.data, {
      fileName: file.fileName,
      ...(mimeType !== undefined && { mimeType }),
    });
  }

  private caption(params: Params): FormattedText | undefined {
    const raw = params.str("caption");
    if (raw === undefined || raw === "") return undefined;
    const formatted = this.format(
      raw,
      params.str("parse_mode"),
      params.json<MessageEntity[]>("caption_entities"),
    );
    if (formatted.text.length > MAX_CAPTION) throw telegramErrors.badRequest("message caption is too long");
    return formatted;
  }

  // -------------------------------------------------------------------------------------------
  // Updates and webhooks

  private getUpdates({ bot, params, signal }: CallContext): Promise<Update[]> {
    if (bot.queue.webhook) throw telegramErrors.conflictWebhookActive();
    const allowed = params.json<string[]>("allowed_updates");
    if (allowed !== undefined) {
      if (!Array.isArray(allowed)) throw telegramErrors.badRequest("can't parse allowed_updates JSON object");
      bot.queue.allowedUpdates = allowed.filter((t) => ALLOWED_UPDATE_TYPES.has(t));
    }
    // Telegram treats a missing or zero limit as 100.
    const limit = Math.min(100, Math.max(1, params.num("limit") || 100));
    const timeout = Math.max(0, params.num("timeout") ?? 0);
    return bot.queue.poll(params.num("offset"), limit, timeout, signal);
  }

  private setWebhook({ bot, params }: CallContext): boolean {
    const url = params.str("url") ?? "";
    if (url === "") {
      bot.queue.deleteWebhook();
      if (params.bool("drop_pending_updates")) bot.queue.dropPending();
      return true;
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw telegramErrors.badRequest("bad webhook: Failed to resolve host: Name or service not known");
    }
    const host = parsed.hostname.replace(/^\[|\]$/g, "");
    if (parsed.protocol !== "http:" || !["127.0.0.1", "localhost", "::1"].includes(host)) {
      throw telegramErrors.badRequest(
        "bad webhook: the emulator delivers webhooks only to http://127.0.0.1, http://localhost or http://[::1]",
      );
    }
    const secret = params.str("secret_token");
    if (secret !== undefined && secret !== "" && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
      throw telegramErrors.badRequest("secret token contains unallowed characters");
    }
    const allowed = params.json<string[]>("allowed_updates");
    if (Array.isArray(allowed)) bot.queue.allowedUpdates = allowed.filter((t) => ALLOWED_UPDATE_TYPES.has(t));
    if (params.bool("drop_pending_updates")) bot.queue.dropPending();
    bot.queue.setWebhook({
      url,
      ...(secret !== undefined && secret !== "" && { secretToken: secret }),
      maxConnections: params.num("max_connections") ?? 40,
      setAt: this.world.unixNow(),
    });
    return true;
  }

  private deleteWebhook({ bot, params }: CallContext): boolean {
    bot.queue.deleteWebhook();
    if (params.bool("drop_pending_updates")) bot.queue.dropPending();
    return true;
  }

  private getWebhookInfo({ bot }: CallContext): WebhookInfo {
    const q = bot.queue;
    const info: WebhookInfo = {
      url: q.webhook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: q.pendingCount,
    };
    if (q.webhook) {
      info.max_connections = q.webhook.maxConnections;
      info.ip_address = "127.0.0.1";
      if (q.lastErrorDate !== undefined) info.last_error_date = q.lastErrorDate;
      if (q.lastErrorMessage !== undefined) info.last_error_message = q.lastErrorMessage;
    }
    if (q.allowedUpdates !== undefined && q.allowedUpdates.length > 0) {
      info.allowed_updates = q.allowedUpdates as WebhookInfo["allowed_updates"];
    }
    return info;
  }

  // -------------------------------------------------------------------------------------------
  // Sending

  private sendMessage({ bot, params }: CallContext): Message {
    const record = this.world.writableChat(bot, params.chatId());
    const raw = params.str("text");
    if (raw === undefined || raw === "") throw telegramErrors.badRequest("message text is empty");
    const { text, entities } = this.format(
      raw,
      params.str("parse_mode"),
      params.json<MessageEntity[]>("entities"),
    );
    if (text.length === 0) throw telegramErrors.badRequest("message text is empty");
    if (text.length > MAX_TEXT) throw telegramErrors.badRequest("message is too long");
    const markup = this.readMarkup(params);
    const replyTo = this.replyTarget(record, params);
    const commit = this.limit(bot, record);
    const content: Partial<Message> = { text };
    if (entities.length > 0) content.entities = entities;
    const preview = params.json<LinkPreviewOptions>("link_preview_options");
    if (preview !== undefined) content.link_preview_options = preview;
    const message = this.newBotMessage(bot, record, content, markup, replyTo);
    const stored = this.world.newStoredMessage(record, message, markup, bot.id);
    const parseMode = params.str("parse_mode");
    if (parseMode !== undefined) stored.parse_mode = parseMode;
    commit();
    return message;
  }

  private sendPhoto({ bot, params }: CallContext): Message {
    const record = this.world.writableChat(bot, params.chatId());
    const input = params.file("photo");
    if (!input) throw telegramErrors.badRequest("there is no photo in the request");
    const caption = this.caption(params);
    const markup = this.readMarkup(params);
    const replyTo = this.replyTarget(record, params);
    const commit = this.limit(bot, record);
    const file = this.fileFromInput(input, "photos", "jpg");
    const { width, height } = file.data ? imageSize(file.data) : { width: 800, height: 600 };
    const scale = Math.min(1, 90 / Math.max(width, height));
    const thumb = this.world.storeFile("photos", "jpg", file.data, {
      size: Math.round(file.size * scale * scale),
    });
    const photo: PhotoSize[] = [
      {
        file_id: thumb.fileId,
        file_unique_id: thumb.fileUniqueId,
        width: Math.max(1, Math.round(width * scale)),
        height: Math.max(1, Math.round(height * scale)),
        file_size: Math.round(file.size * scale * scale),
      },
      { file_id: file.fileId, file_unique_id: file.fileUniqueId, width, height, file_size: file.size },
    ];
    const content: Partial<Message> = { photo };
    if (caption) {
      content.caption = caption.text;
      if (caption.entities.length > 0) content.caption_entities = caption.entities;
    }
    const message = this.newBotMessage(bot, record, content, markup, replyTo);
    this.world.newStoredMessage(record, message, markup, bot.id);
    commit();
    return message;
  }

  private sendDocument({ bot, params }: CallContext): Message {
    const record = this.world.writableChat(bot, params.chatId());
    const input = params.file("document");
    if (!input) throw telegramErrors.badRequest("there is no document in the request");
    const caption = this.caption(params);
    const markup = this.readMarkup(params);
    const replyTo = this.replyTarget(record, params);
    const commit = this.limit(bot, record);
    const file = this.fileFromInput(input, "documents", "dat");
    const document: Document = {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_size: file.size,
    };
    if (file.fileName !== undefined) document.file_name = file.fileName;
    if (file.mimeType !== undefined) document.mime_type = file.mimeType;
    const content: Partial<Message> = { document };
    if (caption) {
      content.caption = caption.text;
      if (caption.entities.length > 0) content.caption_entities = caption.entities;
    }
    const message = this.newBotMessage(bot, record, content, markup, replyTo);
    this.world.newStoredMessage(record, message, markup, bot.id);
    commit();
    return message;
  }

  /**
   * Sends a copy of a message (text, voice, photo or document, with its caption) without a link to
   * the original, as Telegram does: no download, the same file ids. Returns only the new message's id.
   */
  private copyMessage({ bot, params }: CallContext): MessageId {
    const record = this.world.writableChat(bot, params.chatId());
    const source = this.world.readableChat(bot, params.chatId("from_chat_id"));
    const id = params.num("message_id");
    if (id === undefined) throw telegramErrors.badRequest("message identifier is not specified");
    const original = source.byId.get(id);
    if (!original || original.deleted) throw telegramErrors.badRequest("message to copy not found");
    const from = original.message;
    const content: Partial<Message> = {};
    if (from.text !== undefined) {
      content.text = from.text;
      if (from.entities) content.entities = from.entities;
    } else if (from.voice) content.voice = from.voice;
    else if (from.photo) content.photo = from.photo;
    else if (from.document) content.document = from.document;
    else throw telegramErrors.badRequest("message can't be copied");
    if (content.text === undefined) {
      const caption = params.has("caption") ? this.caption(params) : undefined;
      const text = params.has("caption") ? caption?.text : from.caption;
      const entities = params.has("caption") ? caption?.entities : from.caption_entities;
      if (text !== undefined && text !== "") content.caption = text;
      if (content.caption !== undefined && entities && entities.length > 0)
        content.caption_entities = entities;
    }
    const markup = this.readMarkup(params);
    const replyTo = this.replyTarget(record, params);
    const commit = this.limit(bot, record);
    const message = this.newBotMessage(bot, record, content, markup, replyTo);
    this.world.newStoredMessage(record, message, markup, bot.id);
    commit();
    return { message_id: message.message_id };
  }

  private sendChatAction({ bot, params }: CallContext): boolean {
    this.world.writableChat(bot, params.chatId());
    if (!params.has("action")) throw telegramErrors.badRequest("action is empty");
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Editing and deleting

  private commitEdit(
    record: ChatRecord,
    stored: StoredMessage,
    message: Message,
    markup: AnyReplyMarkup | undefined,
  ): void {
    stored.editHistory.push({
      ...(stored.text !== undefined && { text: stored.text }),
      ...(stored.reply_markup !== undefined && { reply_markup: stored.reply_markup }),
      date: message.edit_date ?? this.world.unixNow(),
    });
    stored.edits += 1;
    applyMessage(stored, message, markup);
    this.world.notifyWaiters(record, stored);
  }

  private editMessageText({ bot, params }: CallContext): Message {
    const { record, stored } = this.ownMessageToEdit(bot, params);
    const raw = params.str("text");
    if (raw === undefined || raw === "") throw telegramErrors.badRequest("message text is empty");
    const { text, entities } = this.format(
      raw,
      params.str("parse_mode"),
      params.json<MessageEntity[]>("entities"),
    );
    if (text.length === 0) throw telegramErrors.badRequest("message text is empty");
    if (text.length > MAX_TEXT) throw telegramErrors.badRequest("message is too long");
    if (stored.message.text === undefined)
      throw telegramErrors.badRequest("there is no text in the message to edit");
    const markup = this.readInlineMarkup(params);
    const current = stored.message;
    if (
      current.text === text &&
      sameEntities(current.entities, entities) &&
      sameMarkup(current.reply_markup, markup)
    ) {
      throw telegramErrors.notModified();
    }
    const commit = this.limit(bot, record);
    const message: Message = { ...current, text, edit_date: this.world.unixNow() };
    if (entities.length > 0) message.entities = entities;
    else delete message.entities;
    if (markup && markup.inline_keyboard.some((row) => row.length > 0)) message.reply_markup = markup;
    else delete message.reply_markup;
    this.commitEdit(record, stored, message, markup);
    const parseMode = params.str("parse_mode");
    if (parseMode !== undefined) stored.parse_mode = parseMode;
    else delete stored.parse_mode;
    commit();
    return message;
  }

  private editMessageCaption({ bot, params }: CallContext): Message {
    const { record, stored } = this.ownMessageToEdit(bot, params);
    const current = stored.message;
    if (current.text !== undefined)
      throw telegramErrors.badRequest("there is no caption in the message to edit");
    const caption = this.caption(params);
    const markup = this.readInlineMarkup(params);
    if (
      (current.caption ?? "") === (caption?.text ?? "") &&
      sameEntities(current.caption_entities, caption?.entities) &&
      sameMarkup(current.reply_markup, markup)
    ) {
      throw telegramErrors.notModified();
    }
    const commit = this.limit(bot, record);
    const message: Message = { ...current, edit_date: this.world.unixNow() };
    if (caption) message.caption = caption.text;
    else delete message.caption;
    if (caption && caption.entities.length > 0) message.caption_entities = caption.entities;
    else delete message.caption_entities;
    if (markup && markup.inline_keyboard.some((row) => row.length > 0)) message.reply_markup = markup;
    else delete message.reply_markup;
    this.commitEdit(record, stored, message, markup);
    commit();
    return message;
  }

  private editMessageReplyMarkup({ bot, params }: CallContext): Message {
    const { record, stored } = this.ownMessageToEdit(bot, params);
    const markup = this.readInlineMarkup(params);
    const current = stored.message;
    if (sameMarkup(current.reply_markup, markup)) throw telegramErrors.notModified();
    const commit = this.limit(bot, record);
    const message: Message = { ...current, edit_date: this.world.unixNow() };
    if (markup && markup.inline_keyboard.some((row) => row.length > 0)) message.reply_markup = markup;
    else delete message.reply_markup;
    this.commitEdit(record, stored, message, markup);
    commit();
    return message;
  }

  private deleteMessage({ bot, params }: CallContext): boolean {
    const record = this.world.writableChat(bot, params.chatId());
    const id = params.num("message_id");
    if (id === undefined) throw telegramErrors.badRequest("message identifier is not specified");
    const stored = record.byId.get(id);
    if (!stored || stored.deleted) throw telegramErrors.messageToDeleteNotFound();
    const admin = isAdminStatus(record.status(bot.id));
    const own = stored.botId === bot.id;
    if (!own && !admin && record.type !== "private")
      throw telegramErrors.badRequest("message can't be deleted");
    if (!admin && this.world.unixNow() - stored.date > 48 * 3600) {
      throw telegramErrors.badRequest("message can't be deleted for everyone");
    }
    stored.deleted = true;
    return true;
  }

  private answerCallbackQuery({ bot, params }: CallContext): boolean {
    const id = params.str("callback_query_id");
    const query = id === undefined ? undefined : this.world.callbackQueries.get(id);
    if (!query || query.botId !== bot.id || query.answered) throw telegramErrors.queryTooOld();
    const text = params.str("text");
    if (text !== undefined && text.length > 200) throw telegramErrors.badRequest("MESSAGE_TOO_LONG");
    query.answered = true;
    query.answer = {};
    if (text !== undefined) query.answer.text = text;
    const alert = params.bool("show_alert");
    if (alert !== undefined) query.answer.show_alert = alert;
    const url = params.str("url");
    if (url !== undefined) query.answer.url = url;
    const cacheTime = params.num("cache_time");
    if (cacheTime !== undefined) query.answer.cache_time = cacheTime;
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Commands and menu

  private commandsKey(bot: BotRecord, params: Params): string {
    const scope = params.json<{ type?: unknown; chat_id?: unknown; user_id?: unknown }>("scope");
    const lang = params.str("language_code");
    if (lang !== undefined && lang !== "" && !/^[a-z]{2}$/.test(lang)) {
      throw telegramErrors.badRequest("invalid language code specified");
    }
    if (scope === undefined) return commandsKey(undefined, lang);
    const type = typeof scope.type === "string" ? scope.type : "";
    const valid = [
      "default",
      "all_private_chats",
      "all_group_chats",
      "all_chat_administrators",
      "chat",
      "chat_administrators",
      "chat_member",
    ];
    if (!valid.includes(type)) throw telegramErrors.badRequest("wrong parameter scope type");
    let chatId: number | undefined;
    if (type === "chat" || type === "chat_administrators" || type === "chat_member") {
      const raw = scope.chat_id;
      if (typeof raw === "string" && raw.startsWith("@")) chatId = this.world.resolveUsername(raw);
      else chatId = Number(raw);
      if (!Number.isFinite(chatId)) throw telegramErrors.chatNotFound();
      this.world.readableChat(bot, chatId);
    }
    let userId: number | undefined;
    if (type === "chat_member") {
      userId = Number(scope.user_id);
      if (!Number.isFinite(userId)) throw telegramErrors.badRequest("invalid user_id specified");
    }
    return commandsKey(
      {
        type,
        ...(chatId !== undefined && { chat_id: chatId }),
        ...(userId !== undefined && { user_id: userId }),
      },
      lang,
    );
  }

  private setMyCommands({ bot, params }: CallContext): boolean {
    const commands = params.json<BotCommand[]>("commands");
    if (!Array.isArray(commands)) throw telegramErrors.badRequest("commands must be an array");
    if (commands.length > 100) throw telegramErrors.badRequest("too many commands");
    for (const c of commands as unknown[]) {
      const cmd = c as Partial<BotCommand>;
      if (typeof cmd.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(cmd.command)) {
        throw telegramErrors.badRequest("BOT_COMMAND_INVALID");
      }
      if (typeof cmd.description !== "string" || cmd.description.length < 1 || cmd.description.length > 256) {
        throw telegramErrors.badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
      }
    }
    const key = this.commandsKey(bot, params);
    if (commands.length === 0) bot.commands.delete(key);
    else
      bot.commands.set(
        key,
        commands.map((c) => ({ command: c.command, description: c.description })),
      );
    return true;
  }

  private getMyCommands({ bot, params }: CallContext): BotCommand[] {
    return bot.commands.get(this.commandsKey(bot, params)) ?? [];
  }

  private deleteMyCommands({ bot, params }: CallContext): boolean {
    bot.commands.delete(this.commandsKey(bot, params));
    return true;
  }

  private setChatMenuButton({ bot, params }: CallContext): boolean {
    const chatId = params.chatId();
    const key = chatId === undefined ? "default" : String(this.world.readableChat(bot, chatId).id);
    const button = params.json<unknown>("menu_button") ?? { type: "default" };
    bot.menuButtons.set(key, button);
    return true;
  }

  private getChatMenuButton({ bot, params }: CallContext): unknown {
    const chatId = params.chatId();
    const key = chatId === undefined ? "default" : String(this.world.readableChat(bot, chatId).id);
    return bot.menuButtons.get(key) ?? bot.menuButtons.get("default") ?? { type: "commands" };
  }

  // -------------------------------------------------------------------------------------------
  // Chats

  private getChat({ bot, params }: CallContext): ChatFullInfo {
    const record = this.world.readableChat(bot, params.chatId());
    const info = {
      ...record.chat,
      accent_color_id: Math.abs(record.id) % 7,
      max_reaction_count: 11,
      accepted_gift_types: {
        unlimited_gifts: false,
        limited_gifts: false,
        unique_gifts: false,
        premium_subscription: false,
        gifts_from_channels: false,
      },
    } as Record<string, unknown>;
    if (record.type === "supergroup" && record.migratedFrom !== undefined)
      info.migrated_from_chat_id = record.migratedFrom;
    if (record.type !== "private" && record.type !== "channel") {
      info.permissions = {
        can_send_messages: true,
        can_send_audios: true,
        can_send_documents: true,
        can_send_photos: true,
        can_send_videos: true,
        can_send_video_notes: true,
        can_send_voice_notes: true,
        can_send_polls: true,
        can_send_other_messages: true,
        can_add_web_page_previews: true,
        can_change_info: false,
        can_invite_users: true,
        can_pin_messages: false,
      };
    }
    return info as unknown as ChatFullInfo;
  }

  private getChatMember({ bot, params }: CallContext): ChatMember {
    const record = this.world.readableChat(bot, params.chatId());
    const userId = params.num("user_id");
    if (userId === undefined) throw telegramErrors.badRequest("invalid user_id specified");
    const member = record.members.get(userId);
    if (member) return member;
    const user = this.world.users.get(userId) ?? this.world.botsById.get(userId)?.user;
    if (!user || record.type === "private") throw telegramErrors.userNotFound();
    return { status: "left", user };
  }

  private getChatAdministrators({ bot, params }: CallContext): ChatMember[] {
    const record = this.world.readableChat(bot, params.chatId());
    if (record.type === "private")
      throw telegramErrors.badRequest("there are no administrators in the private chat");
    return [...record.members.values()].filter((m) => isAdminStatus(m.status));
  }

  private getChatMemberCount({ bot, params }: CallContext): number {
    const record = this.world.readableChat(bot, params.chatId());
    let n = 0;
    for (const m of record.members.values()) if (isActiveStatus(m.status)) n += 1;
    return n;
  }

  private leaveChat({ bot, params }: CallContext): boolean {
    const record = this.world.readableChat(bot, params.chatId());
    if (record.type === "private") {
      throw telegramErrors.badRequest("chat member status can't be changed in private chats");
    }
    this.world.botLeaves(bot, record, bot.user, "left");
    return true;
  }

  private getFile({ params }: CallContext): File {
    const id = params.str("file_id");
    const file = id === undefined ? undefined : this.world.files.get(id);
    if (!file) throw telegramErrors.badRequest("invalid file_id");
    if (file.size > MAX_DOWNLOAD) throw telegramErrors.badRequest("file is too big");
    return {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_size: file.size,
      file_path: file.filePath,
    };
  }
}
