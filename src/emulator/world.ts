import type {
  BotCommand,
  Chat,
  ChatMember,
  ChatMemberAdministrator,
  ChatMemberUpdated,
  Document,
  Message,
  MessageEntity,
  PhotoSize,
  Update,
  User,
  UserFromGetMe,
  Voice,
} from "grammy/types";
import { detectEntities, type ExplicitMention } from "./formatting.ts";
import { telegramErrors, type ChatKind } from "./errors.ts";
import { UpdateQueue, type UpdateBody, type WebhookConfig } from "./update-queue.ts";
import type {
  AnyReplyMarkup,
  CallbackAnswer,
  CommandsQuery,
  EmulatedBot,
  MessageButton,
  StoredFileInfo,
  StoredMessage,
  WaitForOptions,
} from "./types.ts";

export type PrivateState = "started" | "blocked";
export type ChatType = "private" | "group" | "supergroup" | "channel";
type MemberStatus = ChatMember["status"];

export interface BotRecord {
  readonly pub: EmulatedBot;
  readonly token: string;
  readonly id: number;
  readonly username: string;
  readonly user: User;
  /** Default privacy mode for groups the bot joins (BotFather's setting). */
  privacyMode: boolean;
  readonly queue: UpdateQueue;
  /** Absent: the user never opened the private chat. */
  readonly privateStates: Map<number, PrivateState>;
  readonly commands: Map<string, BotCommand[]>;
  readonly menuButtons: Map<string, unknown>;
}

export class ChatRecord {
  readonly messages: StoredMessage[] = [];
  readonly byId = new Map<number, StoredMessage>();
  nextMessageId = 1;
  /** Users and bots with their current status (left and kicked included). */
  readonly members = new Map<number, ChatMember>();
  /** Bots that ever joined: privacy mode as set when they were added. */
  readonly botPrivacy = new Map<number, boolean>();
  migratedTo: number | undefined;
  migratedFrom: number | undefined;

  constructor(
    readonly id: number,
    readonly type: ChatType,
    public chat: Chat,
    /** For private chats: the bot whose private chat with `chat.id` this is. */
    readonly privateBotId?: number,
  ) {}

  get kind(): ChatKind {
    return this.type === "private" ? "group" : this.type;
  }

  status(userId: number): MemberStatus | undefined {
    return this.members.get(userId)?.status;
  }
}

export interface FileRecord {
  fileId: string;
  fileUniqueId: string;
  filePath: string;
  size: number;
  data?: Buffer;
  fileName?: string;
  mimeType?: string;
}

interface CallbackQueryRecord {
  botId: number;
  answered: boolean;
  answer?: CallbackAnswer;
}

interface Waiter {
  botId: number;
  matches: (m: StoredMessage) => boolean;
  resolve: (m: StoredMessage) => void;
  reject: (error: Error) => void;
}

/** Posts one update to a bot's webhook; resolves on a 2xx answer. */
export type BotWebhookSender = (token: string, config: WebhookConfig, update: Update) => Promise<void>;

export function isActiveStatus(status: MemberStatus | undefined): boolean {
  return status === "creator" || status === "administrator" || status === "member" || status === "restricted";
}

export function isAdminStatus(status: MemberStatus | undefined): boolean {
  return status === "creator" || status === "administrator";
}

export function flattenButtons(markup: AnyReplyMarkup | undefined): MessageButton[] {
  if (!markup || !("inline_keyboard" in markup)) return [];
  const out: MessageButton[] = [];
  for (const row of markup.inline_keyboard) {
    for (const button of row) {
      const b: MessageButton = { text: button.text };
      if ("callback_data" in button && button.callback_data !== undefined)
        b.callback_data = button.callback_data;
      if ("url" in button && button.url !== undefined) b.url = button.url;
      out.push(b);
    }
  }
  return out;
}

function fileInfo(
  file: { file_id: string; file_unique_id: string; file_size?: number },
  extra: { fileName?: string; mimeType?: string },
): StoredFileInfo {
  const info: StoredFileInfo = {
    fileId: file.file_id,
    fileUniqueId: file.file_unique_id,
    size: file.file_size ?? 0,
  };
  if (extra.fileName !== undefined) info.fileName = extra.fileName;
  if (extra.mimeType !== undefined) info.mimeType = extra.mimeType;
  return info;
}

/** Recomputes the convenience fields of a StoredMessage from its Message and markup. */
export function applyMessage(
  stored: StoredMessage,
  message: Message,
  markup: AnyReplyMarkup | undefined,
): void {
  stored.message = message;
  stored.text = message.text ?? message.caption;
  stored.entities = message.entities ?? message.caption_entities;
  stored.reply_markup = markup;
  stored.buttons = flattenButtons(markup);
  if (message.document) {
    stored.kind = "document";
    stored.document = fileInfo(message.document, {
      ...(message.document.file_name !== undefined && { fileName: message.document.file_name }),
      ...(message.document.mime_type !== undefined && { mimeType: message.document.mime_type }),
    });
  } else if (message.photo) {
    const largest = message.photo[message.photo.length - 1];
    stored.kind = "photo";
    if (largest) stored.photo = { ...fileInfo(largest, {}), width: largest.width, height: largest.height };
  } else if (message.voice) {
    stored.kind = "voice";
    stored.voice = {
      ...fileInfo(
        message.voice,
        message.voice.mime_type !== undefined ? { mimeType: message.voice.mime_type } : {},
      ),
      duration: message.voice.duration,
    };
  } else if (message.text !== undefined) {
    stored.kind = "text";
  } else {
    stored.kind = "service";
  }
}

function withoutReply(message: Message): Message {
  if (message.reply_to_message === undefined) return message;
  const copy = { ...message };
  delete copy.reply_to_message;
  return copy;
}

function adminMember(user: User, type: ChatType): ChatMemberAdministrator {
  const member: ChatMemberAdministrator = {
    status: "administrator",
    user,
    can_be_edited: false,
    is_anonymous: false,
    can_manage_chat: true,
    can_delete_messages: true,
    can_manage_video_chats: true,
    can_restrict_members: true,
    can_promote_members: false,
    can_change_info: true,
    can_invite_users: true,
    can_post_stories: false,
    can_edit_stories: false,
    can_delete_stories: false,
    can_send_welcome_messages: false,
  };
  if (type === "channel") {
    member.can_post_messages = true;
    member.can_edit_messages = true;
  } else {
    member.can_pin_messages = true;
  }
  return member;
}

export function memberObject(user: User, status: MemberStatus, type: ChatType): ChatMember {
  switch (status) {
    case "creator":
      return { status, user, is_anonymous: false };
    case "administrator":
      return adminMember(user, type);
    case "kicked":
      return { status, user, until_date: 0 };
    case "left":
      return { status, user };
    default:
      return { status: "member", user };
  }
}

const SCOPES_WITH_CHAT = new Set(["chat", "chat_administrators", "chat_member"]);

export function commandsKey(
  scope: { type: string; chat_id?: number | string; user_id?: number } | undefined,
  languageCode: string | undefined,
): string {
  const type = scope?.type ?? "default";
  let key = type;
  if (SCOPES_WITH_CHAT.has(type)) key += `:${String(scope?.chat_id ?? "")}`;
  if (type === "chat_member") key += `:${String(scope?.user_id ?? "")}`;
  return `${key}|${languageCode ?? ""}`;
}

export interface UserMessageContent {
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  document?: Document;
  voice?: Voice;
  photo?: PhotoSize[];
}

/**
 * The emulated Telegram: users, bots, chats, messages and files, and the rules for which bot
 * receives which update. Everything here is synchronous; the HTTP layer sits on top.
 */
export class World {
  readonly users = new Map<number, User>();
  readonly botsByToken = new Map<string, BotRecord>();
  readonly botsById = new Map<number, BotRecord>();
  readonly chats = new Map<number, ChatRecord>();
  private readonly privateChats = new Map<string, ChatRecord>();
  private readonly privateChatsByUser = new Map<number, ChatRecord[]>();
  private readonly usernames = new Map<string, number>();
  readonly files = new Map<string, FileRecord>();
  readonly filesByPath = new Map<string, FileRecord>();
  readonly callbackQueries = new Map<string, CallbackQueryRecord>();
  private readonly messageSeq = new WeakMap<StoredMessage, number>();
  private readonly waiters = new Map<string, Set<Waiter>>();
  private seq = 0;
  private userCounter = 0;
  private botCounter = 0;
  private groupCounter = 0;
  private supergroupCounter = 0;
  private fileCounter = 0;
  private callbackCounter = 0;

  constructor(
    readonly clock: () => number,
    private readonly sendWebhook: BotWebhookSender,
    private readonly webhookRetryDelayMs: number,
  ) {}

  unixNow(): number {
    return Math.floor(this.clock() / 1000);
  }

  // -------------------------------------------------------------------------------------------
  // Accounts

  createBot(
    opts: { token?: string; username?: string; firstName?: string; privacyMode?: boolean } = {},
  ): EmulatedBot {
    this.botCounter += 1;
    const n = this.botCounter;
    let id = 6_000_000_000 + n;
    let token = opts.token;
    if (token !== undefined) {
      const prefix = Number(token.split(":")[0]);
      if (Number.isSafeInteger(prefix) && prefix > 0) id = prefix;
    } else {
      token = `${id}:AAH-emulated-${n.toString(36).padStart(6, "0")}`;
    }
    if (this.botsByToken.has(token)) throw new Error(`A bot with token ${token} already exists`);
    if (this.botsById.has(id) || this.users.has(id)) throw new Error(`Account id ${id} is already taken`);
    const username = opts.username ?? `chibo_test${n}_bot`;
    const user: User = { id, is_bot: true, first_name: opts.firstName ?? `Test Bot ${n}`, username };
    const pub: EmulatedBot = Object.freeze({ token, id, username, user });
    const record: BotRecord = {
      pub,
      token,
      id,
      username,
      user,
      privacyMode: opts.privacyMode ?? true,
      queue: new UpdateQueue(
        (config, update) => this.sendWebhook(token, config, update),
        this.webhookRetryDelayMs,
        () => this.unixNow(),
      ),
      privateStates: new Map(),
      commands: new Map(),
      menuButtons: new Map(),
    };
    this.botsByToken.set(token, record);
    this.botsById.set(id, record);
    this.usernames.set(username.toLowerCase(), id);
    return pub;
  }

  getMe(bot: BotRecord): UserFromGetMe {
    return {
      id: bot.id,
      is_bot: true,
      first_name: bot.user.first_name,
      username: bot.username,
      can_join_groups: true,
      can_read_all_group_messages: !bot.privacyMode,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
  }

  bot(ref: EmulatedBot): BotRecord {
    const record = this.botsByToken.get(ref.token);
    if (!record) throw new Error(`Unknown bot ${ref.username}`);
    return record;
  }

  createUser(
    opts: {
      id?: number;
      firstName?: string;
      lastName?: string;
      username?: string;
      languageCode?: string;
    } = {},
  ): User {
    this.userCounter += 1;
    const id = opts.id ?? 7_000_000_000 + this.userCounter;
    if (this.users.has(id) || this.botsById.has(id)) throw new Error(`Account id ${id} is already taken`);
    const user: User = { id, is_bot: false, first_name: opts.firstName ?? `User ${this.userCounter}` };
    if (opts.lastName !== undefined) user.last_name = opts.lastName;
    if (opts.username !== undefined) {
      user.username = opts.username;
      this.usernames.set(opts.username.toLowerCase(), id);
    }
    if (opts.languageCode !== undefined) user.language_code = opts.languageCode;
    this.users.set(id, user);
    return user;
  }

  private requireUser(user: User): User {
    const known = this.users.get(user.id);
    if (!known) throw new Error(`Unknown user ${user.id}; create it with createUser()`);
    return known;
  }

  // -------------------------------------------------------------------------------------------
  // Chats

  private nextSupergroupId(): number {
    this.supergroupCounter += 1;
    return -(1_002_000_000_000 + this.supergroupCounter);
  }

  createGroup(opts: {
    title: string;
    type?: "group" | "supergroup";
    members: User[];
    admins?: User[];
    creator?: User;
  }): Chat.GroupChat | Chat.SupergroupChat {
    const type = opts.type ?? "group";
    let id: number;
    if (type === "group") {
      this.groupCounter += 1;
      id = -(4_000_000_000 + this.groupCounter);
    } else {
      id = this.nextSupergroupId();
    }
    const chat: Chat.GroupChat | Chat.SupergroupChat =
      type === "group" ? { id, type, title: opts.title } : { id, type, title: opts.title };
    const record = new ChatRecord(id, type, chat);
    const admins = opts.admins ?? [];
    const creator = opts.creator ?? admins[0] ?? opts.members[0];
    for (const user of [...opts.members, ...admins, ...(creator ? [creator] : [])]) {
      const known = this.requireUser(user);
      const status: MemberStatus =
        known.id === creator?.id
          ? "creator"
          : admins.some((a) => a.id === known.id)
            ? "administrator"
            : "member";
      record.members.set(known.id, memberObject(known, status, type));
    }
    this.chats.set(id, record);
    return chat;
  }

  createChannel(opts: { title: string; username?: string; admins: User[] }): Chat.ChannelChat {
    const id = this.nextSupergroupId();
    const chat: Chat.ChannelChat = { id, type: "channel", title: opts.title };
    if (opts.username !== undefined) {
      chat.username = opts.username;
      this.usernames.set(opts.username.toLowerCase(), id);
    }
    const record = new ChatRecord(id, "channel", chat);
    opts.admins.forEach((user, i) => {
      const known = this.requireUser(user);
      record.members.set(known.id, memberObject(known, i === 0 ? "creator" : "administrator", "channel"));
    });
    this.chats.set(id, record);
    return chat;
  }

  groupRecord(chatId: number): ChatRecord {
    const record = this.chats.get(chatId);
    if (!record) throw new Error(`Unknown chat ${chatId}`);
    return record;
  }

  privateChat(bot: BotRecord, user: User): ChatRecord {
    const key = `${bot.id}:${user.id}`;
    let record = this.privateChats.get(key);
    if (!record) {
      const chat: Chat.PrivateChat = { id: user.id, type: "private", first_name: user.first_name };
      if (user.last_name !== undefined) chat.last_name = user.last_name;
      if (user.username !== undefined) chat.username = user.username;
      record = new ChatRecord(user.id, "private", chat, bot.id);
      record.members.set(user.id, { status: "member", user });
      record.members.set(bot.id, { status: "member", user: bot.user });
      this.privateChats.set(key, record);
      const list = this.privateChatsByUser.get(user.id) ?? [];
      list.push(record);
      this.privateChatsByUser.set(user.id, list);
    }
    return record;
  }

  resolveUsername(name: string): number {
    const id = this.usernames.get(name.replace(/^@/, "").toLowerCase());
    if (id === undefined) throw telegramErrors.chatNotFound();
    return id;
  }

  /**
   * The chat a bot addresses with `chat_id`, checked the way Telegram checks it before a send or
   * edit: unknown chats, migrated groups, blocked or never-started users, chats the bot left.
   */
  writableChat(bot: BotRecord, chatIdParam: number | string | undefined): ChatRecord {
    const record = this.readableChat(bot, chatIdParam);
    if (record.type === "private") {
      const state = bot.privateStates.get(record.id);
      if (state === undefined) throw telegramErrors.cantInitiate();
      if (state === "blocked") throw telegramErrors.blocked();
    } else if (record.type === "channel" && !isAdminStatus(record.status(bot.id))) {
      throw telegramErrors.badRequest("need administrator rights in the channel chat");
    }
    return record;
  }

  readableChat(bot: BotRecord, chatIdParam: number | string | undefined): ChatRecord {
    if (chatIdParam === undefined) throw telegramErrors.badRequest("chat_id is empty");
    const chatId = typeof chatIdParam === "string" ? this.resolveUsername(chatIdParam) : chatIdParam;
    if (chatId > 0) {
      if (this.botsById.has(chatId)) {
        if (chatId === bot.id) throw telegramErrors.chatNotFound();
        throw telegramErrors.cantSendToBots();
      }
      const user = this.users.get(chatId);
      if (!user) throw telegramErrors.chatNotFound();
      return this.privateChat(bot, user);
    }
    const record = this.chats.get(chatId);
    if (!record) throw telegramErrors.chatNotFound();
    if (record.migratedTo !== undefined) throw telegramErrors.migrated(record.migratedTo);
    const status = record.status(bot.id);
    if (status === undefined) throw telegramErrors.chatNotFound();
    if (status === "left") throw telegramErrors.notMember(record.kind);
    if (status === "kicked") throw telegramErrors.kicked(record.kind);
    return record;
  }

  // -------------------------------------------------------------------------------------------
  // Messages

  newStoredMessage(
    record: ChatRecord,
    message: Message,
    markup: AnyReplyMarkup | undefined,
    botId?: number,
  ): StoredMessage {
    const stored: StoredMessage = {
      message_id: message.message_id,
      chat_id: record.id,
      chat: record.chat,
      date: message.date,
      kind: "text",
      buttons: [],
      edits: 0,
      editHistory: [],
      deleted: false,
      message,
    };
    if (message.from) stored.from = message.from;
    if (botId !== undefined) stored.botId = botId;
    if (message.reply_to_message) stored.reply_to_message_id = message.reply_to_message.message_id;
    applyMessage(stored, message, markup);
    record.messages.push(stored);
    record.byId.set(stored.message_id, stored);
    this.seq += 1;
    this.messageSeq.set(stored, this.seq);
    if (botId !== undefined) this.notifyWaiters(record, stored);
    return stored;
  }

  /** The message a new one replies to, without its own reply (as Telegram nests only one level). */
  replyTarget(record: ChatRecord, messageId: number): Message | undefined {
    const target = record.byId.get(messageId);
    if (!target || target.deleted) return undefined;
    return withoutReply(target.message);
  }

  messagesIn(chatId: number): StoredMessage[] {
    if (chatId > 0) {
      const records = this.privateChatsByUser.get(chatId) ?? [];
      if (records.length === 1) return [...(records[0]?.messages ?? [])];
      const all = records.flatMap((r) => r.messages);
      return all.sort((a, b) => (this.messageSeq.get(a) ?? 0) - (this.messageSeq.get(b) ?? 0));
    }
    return [...(this.chats.get(chatId)?.messages ?? [])];
  }

  botMessagesIn(bot: BotRecord, chatId: number): StoredMessage[] {
    if (chatId > 0) {
      const record = this.privateChats.get(`${bot.id}:${chatId}`);
      return record ? record.messages.filter((m) => m.botId === bot.id) : [];
    }
    return (this.chats.get(chatId)?.messages ?? []).filter((m) => m.botId === bot.id);
  }

  notifyWaiters(record: ChatRecord, stored: StoredMessage): void {
    if (stored.botId === undefined) return;
    const set = this.waiters.get(`${stored.botId}:${record.id}`);
    if (!set) return;
    for (const waiter of set) {
      if (waiter.matches(stored)) {
        set.delete(waiter);
        waiter.resolve(stored);
      }
    }
  }

  waitForBotMessage(
    ref: EmulatedBot,
    chatId: number,
    predicate: ((m: StoredMessage) => boolean) | undefined,
    options: WaitForOptions,
  ): Promise<StoredMessage> {
    const bot = this.bot(ref);
    const after = options.afterMessageId;
    const matches = (m: StoredMessage) =>
      !m.deleted &&
      m.botId === bot.id &&
      (after === undefined || m.message_id > after) &&
      (predicate?.(m) ?? true);
    const existing = this.botMessagesIn(bot, chatId);
    for (let i = existing.length - 1; i >= 0; i--) {
      const m = existing[i] as StoredMessage;
      if (matches(m)) return Promise.resolve(m);
    }
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const key = `${bot.id}:${chatId}`;
      const set = this.waiters.get(key) ?? new Set<Waiter>();
      this.waiters.set(key, set);
      const waiter: Waiter = {
        botId: bot.id,
        matches,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        set.delete(waiter);
        const seen = this.botMessagesIn(bot, chatId)
          .slice(-5)
          .map(
            (m) => `#${m.message_id}${m.deleted ? " (deleted)" : ""}: ${JSON.stringify(m.text ?? m.kind)}`,
          );
        reject(
          new Error(
            `No matching message from @${bot.username} in chat ${chatId} within ${timeoutMs} ms. Last bot messages: ${seen.length > 0 ? seen.join("; ") : "none"}`,
          ),
        );
      }, timeoutMs);
      set.add(waiter);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Updates

  private push(bot: BotRecord, body: UpdateBody): Update | undefined {
    return bot.queue.push(body);
  }

  /** Bots currently in a group/channel (any active status). */
  private botsIn(record: ChatRecord): BotRecord[] {
    const out: BotRecord[] = [];
    for (const botId of record.botPrivacy.keys()) {
      const bot = this.botsById.get(botId);
      if (bot && isActiveStatus(record.status(botId))) out.push(bot);
    }
    return out;
  }

  /** Privacy mode: what a bot that is not an admin sees of ordinary group messages. */
  private botSees(bot: BotRecord, record: ChatRecord, message: Message): boolean {
    if (message.from?.is_bot) return false;
    if (!(record.botPrivacy.get(bot.id) ?? true)) return true;
    if (isAdminStatus(record.status(bot.id))) return true;
    const text = message.text ?? message.caption ?? "";
    const entities = message.entities ?? message.caption_entities ?? [];
    const name = bot.username.toLowerCase();
    for (const e of entities) {
      const slice = text.slice(e.offset, e.offset + e.length);
      if (e.type === "bot_command" && e.offset === 0) {
        const at = slice.indexOf("@");
        if (at < 0 || slice.slice(at + 1).toLowerCase() === name) return true;
      }
      if (e.type === "mention" && slice.slice(1).toLowerCase() === name) return true;
      if (e.type === "text_mention" && e.user.id === bot.id) return true;
    }
    return message.reply_to_message?.from?.id === bot.id;
  }

  private deliverService(record: ChatRecord, message: Message, extra: BotRecord[] = []): Map<number, Update> {
    const out = new Map<number, Update>();
    const bots = this.botsIn(record);
    for (const bot of extra) if (!bots.includes(bot)) bots.push(bot);
    for (const bot of bots) {
      const update = this.push(bot, { message: message as Update["message"] });
      if (update) out.set(bot.id, update);
    }
    return out;
  }

  private postService(
    record: ChatRecord,
    from: User,
    fields: Partial<Message>,
    extra: BotRecord[] = [],
  ): Map<number, Update> {
    const message = {
      message_id: record.nextMessageId++,
      from,
      chat: record.chat,
      date: this.unixNow(),
      ...fields,
    } as Message;
    this.newStoredMessage(record, message, undefined);
    return this.deliverService(record, message, extra);
  }

  private memberUpdate(
    record: ChatRecord,
    from: User,
    oldMember: ChatMember,
    newMember: ChatMember,
  ): ChatMemberUpdated {
    return {
      chat: record.chat,
      from,
      date: this.unixNow(),
      old_chat_member: oldMember,
      new_chat_member: newMember,
    };
  }

  /** chat_member updates go to bots that administer the chat (and only if allowed_updates asks). */
  private notifyChatMember(record: ChatRecord, change: ChatMemberUpdated, except?: number): void {
    for (const bot of this.botsIn(record)) {
      if (bot.id === except || !isAdminStatus(record.status(bot.id))) continue;
      this.push(bot, { chat_member: change });
    }
  }

  private notDelivered(body: UpdateBody): Update {
    return { update_id: 0, ...body };
  }

  // -------------------------------------------------------------------------------------------
  // Membership

  addBotToChat(
    ref: EmulatedBot,
    chatId: number,
    opts: { by: User; asAdmin?: boolean; privacyMode?: boolean },
  ): void {
    const bot = this.bot(ref);
    const record = this.groupRecord(chatId);
    if (record.migratedTo !== undefined)
      throw new Error(`Chat ${chatId} was upgraded to ${record.migratedTo}`);
    if (record.type === "channel" && !opts.asAdmin)
      throw new Error("Bots can only be added to channels as admins");
    const oldMember = record.members.get(bot.id) ?? memberObject(bot.user, "left", record.type);
    const newMember = memberObject(bot.user, opts.asAdmin ? "administrator" : "member", record.type);
    const joined = !isActiveStatus(oldMember.status);
    record.members.set(bot.id, newMember);
    record.botPrivacy.set(bot.id, opts.privacyMode ?? bot.privacyMode);
    const change = this.memberUpdate(record, opts.by, oldMember, newMember);
    this.push(bot, { my_chat_member: change });
    this.notifyChatMember(record, change, bot.id);
    if (joined && record.type !== "channel")
      this.postService(record, opts.by, { new_chat_members: [bot.user] });
  }

  removeBotFromChat(ref: EmulatedBot, chatId: number, opts: { by: User }): void {
    const bot = this.bot(ref);
    const record = this.groupRecord(chatId);
    this.botLeaves(bot, record, opts.by, record.type === "group" ? "left" : "kicked");
  }

  botLeaves(bot: BotRecord, record: ChatRecord, by: User, status: "left" | "kicked"): void {
    const oldMember = record.members.get(bot.id);
    if (!oldMember || !isActiveStatus(oldMember.status))
      throw new Error(`@${bot.username} is not in chat ${record.id}`);
    const newMember = memberObject(bot.user, status, record.type);
    record.members.set(bot.id, newMember);
    const change = this.memberUpdate(record, by, oldMember, newMember);
    this.push(bot, { my_chat_member: change });
    this.notifyChatMember(record, change, bot.id);
    if (record.type !== "channel") this.postService(record, by, { left_chat_member: bot.user }, [bot]);
  }

  addMember(chatId: number, user: User, opts: { status?: "member" | "administrator" } = {}): void {
    const record = this.groupRecord(chatId);
    const known = this.requireUser(user);
    const oldMember = record.members.get(known.id) ?? memberObject(known, "left", record.type);
    const newMember = memberObject(known, opts.status ?? "member", record.type);
    record.members.set(known.id, newMember);
    this.notifyChatMember(record, this.memberUpdate(record, known, oldMember, newMember));
    if (!isActiveStatus(oldMember.status) && record.type !== "channel") {
      this.postService(record, known, { new_chat_members: [known] });
    }
  }

  removeMember(chatId: number, user: User): void {
    const record = this.groupRecord(chatId);
    const known = this.requireUser(user);
    const oldMember = record.members.get(known.id);
    if (!oldMember || !isActiveStatus(oldMember.status))
      throw new Error(`User ${known.id} is not in chat ${chatId}`);
    const newMember = memberObject(known, "left", record.type);
    record.members.set(known.id, newMember);
    this.notifyChatMember(record, this.memberUpdate(record, known, oldMember, newMember));
    if (record.type !== "channel") this.postService(record, known, { left_chat_member: known });
  }

  upgradeToSupergroup(chatId: number): number {
    const old = this.groupRecord(chatId);
    if (old.type !== "group") throw new Error(`Chat ${chatId} is a ${old.type}, not a basic group`);
    if (old.migratedTo !== undefined) throw new Error(`Chat ${chatId} was already upgraded`);
    const newId = this.nextSupergroupId();
    const title = (old.chat as Chat.GroupChat).title;
    const chat: Chat.SupergroupChat = { id: newId, type: "supergroup", title };
    const record = new ChatRecord(newId, "supergroup", chat);
    for (const [id, member] of old.members)
      record.members.set(id, memberObject(member.user, member.status, "supergroup"));
    for (const [id, privacy] of old.botPrivacy) record.botPrivacy.set(id, privacy);
    record.migratedFrom = chatId;
    this.chats.set(newId, record);
    const creator =
      [...old.members.values()].find((m) => m.status === "creator")?.user ??
      [...old.members.values()].find((m) => !m.user.is_bot)?.user;
    if (!creator) throw new Error(`Chat ${chatId} has no members`);
    this.postService(old, creator, { migrate_to_chat_id: newId });
    old.migratedTo = newId;
    this.postService(record, creator, { migrate_from_chat_id: chatId });
    return newId;
  }

  // -------------------------------------------------------------------------------------------
  // Private chat state

  startBot(ref: EmulatedBot, user: User, payload?: string): Update {
    const bot = this.bot(ref);
    const known = this.requireUser(user);
    if (bot.privateStates.get(known.id) === "blocked") this.unblockBot(ref, known);
    bot.privateStates.set(known.id, "started");
    const text = payload !== undefined && payload !== "" ? `/start ${payload}` : "/start";
    return this.sendText(ref, known, known.id, text);
  }

  blockBot(ref: EmulatedBot, user: User): void {
    const bot = this.bot(ref);
    const known = this.requireUser(user);
    if (bot.privateStates.get(known.id) === "blocked") return;
    bot.privateStates.set(known.id, "blocked");
    const record = this.privateChat(bot, known);
    this.push(bot, {
      my_chat_member: this.memberUpdate(
        record,
        known,
        memberObject(bot.user, "member", "private"),
        memberObject(bot.user, "kicked", "private"),
      ),
    });
  }

  unblockBot(ref: EmulatedBot, user: User): void {
    const bot = this.bot(ref);
    const known = this.requireUser(user);
    if (bot.privateStates.get(known.id) !== "blocked") return;
    bot.privateStates.set(known.id, "started");
    const record = this.privateChat(bot, known);
    this.push(bot, {
      my_chat_member: this.memberUpdate(
        record,
        known,
        memberObject(bot.user, "kicked", "private"),
        memberObject(bot.user, "member", "private"),
      ),
    });
  }

  // -------------------------------------------------------------------------------------------
  // Acting as a user

  private userChat(bot: BotRecord, from: User, chatId: number): ChatRecord {
    if (chatId > 0) {
      if (chatId !== from.id)
        throw new Error(`User ${from.id} cannot write in the private chat of user ${chatId}`);
      const state = bot.privateStates.get(from.id);
      if (state === "blocked") {
        throw new Error(
          `User ${from.id} has blocked @${bot.username}; call unblockBot() or startBot() first`,
        );
      }
      if (state === undefined) bot.privateStates.set(from.id, "started");
      return this.privateChat(bot, from);
    }
    const record = this.groupRecord(chatId);
    if (record.migratedTo !== undefined) {
      throw new Error(`Chat ${chatId} was upgraded to supergroup ${record.migratedTo}; write there`);
    }
    const status = record.status(from.id);
    if (!isActiveStatus(status)) throw new Error(`User ${from.id} is not a member of chat ${chatId}`);
    if (record.type === "channel" && !isAdminStatus(status)) {
      throw new Error(`User ${from.id} cannot post in channel ${chatId}`);
    }
    return record;
  }

  /** Stores a user's message and delivers it; returns the update for `bot` (update_id 0 if it got none). */
  userMessage(
    ref: EmulatedBot,
    from: User,
    chatId: number,
    content: UserMessageContent,
    replyToMessageId?: number,
  ): Update {
    const bot = this.bot(ref);
    const known = this.requireUser(from);
    const record = this.userChat(bot, known, chatId);
    const message: Message =
      record.type === "channel"
        ? {
            message_id: record.nextMessageId++,
            sender_chat: record.chat,
            chat: record.chat,
            date: this.unixNow(),
          }
        : { message_id: record.nextMessageId++, from: known, chat: record.chat, date: this.unixNow() };
    if (replyToMessageId !== undefined) {
      const target = this.replyTarget(record, replyToMessageId);
      if (!target) throw new Error(`Message ${replyToMessageId} not found in chat ${chatId}`);
      message.reply_to_message = target as Message & { reply_to_message: undefined };
    }
    Object.assign(message, content);
    this.newStoredMessage(record, message, undefined);

    const key = record.type === "channel" ? "channel_post" : "message";
    const body = { [key]: message } as UpdateBody;
    if (record.type === "private") return this.push(bot, body) ?? this.notDelivered(body);
    let mine: Update | undefined;
    for (const target of this.botsIn(record)) {
      const sees =
        record.type === "channel"
          ? isAdminStatus(record.status(target.id))
          : this.botSees(target, record, message);
      if (!sees) continue;
      const update = this.push(target, body);
      if (target.id === bot.id) mine = update;
    }
    return mine ?? this.notDelivered(body);
  }

  sendText(
    ref: EmulatedBot,
    from: User,
    chatId: number,
    text: string,
    opts: { replyToMessageId?: number; mentions?: ExplicitMention[] } = {},
  ): Update {
    const entities = detectEntities(text, opts.mentions);
    const content: UserMessageContent = entities.length > 0 ? { text, entities } : { text };
    return this.userMessage(ref, from, chatId, content, opts.replyToMessageId);
  }

  sendVoice(
    ref: EmulatedBot,
    from: User,
    chatId: number,
    opts: { duration: number; replyToMessageId?: number },
  ): Update {
    const size = Math.max(1, Math.round(opts.duration * 2000));
    const data = Buffer.alloc(size);
    data.write("OggS", 0, "latin1");
    const file = this.storeFile("voice", "oga", data, { mimeType: "audio/ogg" });
    const voice: Voice = {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      duration: opts.duration,
      mime_type: "audio/ogg",
      file_size: size,
    };
    return this.userMessage(ref, from, chatId, { voice }, opts.replyToMessageId);
  }

  sendDocument(
    ref: EmulatedBot,
    from: User,
    chatId: number,
    opts: {
      fileName: string;
      mimeType: string;
      content: Buffer;
      caption?: string;
      replyToMessageId?: number;
    },
  ): Update {
    const ext = /\.([A-Za-z0-9]{1,8})$/.exec(opts.fileName)?.[1] ?? "dat";
    const file = this.storeFile("documents", ext, opts.content, {
      fileName: opts.fileName,
      mimeType: opts.mimeType,
    });
    const document: Document = {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_name: opts.fileName,
      mime_type: opts.mimeType,
      file_size: opts.content.length,
    };
    const content: UserMessageContent = { document };
    if (opts.caption !== undefined) {
      content.caption = opts.caption;
      const entities = detectEntities(opts.caption);
      if (entities.length > 0) content.caption_entities = entities;
    }
    return this.userMessage(ref, from, chatId, content, opts.replyToMessageId);
  }

  pressButton(ref: EmulatedBot, from: User, chatId: number, messageId: number, callbackData: string): Update {
    const bot = this.bot(ref);
    const known = this.requireUser(from);
    const record = chatId > 0 ? this.privateChat(bot, known) : this.groupRecord(chatId);
    if (chatId > 0 && chatId !== known.id)
      throw new Error(`User ${known.id} cannot see the private chat of ${chatId}`);
    const stored = record.byId.get(messageId);
    if (!stored || stored.deleted) throw new Error(`Message ${messageId} not found in chat ${chatId}`);
    if (stored.botId !== bot.id)
      throw new Error(`Message ${messageId} in chat ${chatId} was not sent by @${bot.username}`);
    this.callbackCounter += 1;
    const id = String(4_200_000_000_000_000 + bot.id * 1000 + this.callbackCounter);
    this.callbackQueries.set(id, { botId: bot.id, answered: false });
    const body: UpdateBody = {
      callback_query: {
        id,
        from: known,
        message: stored.message,
        chat_instance: String(-(Math.abs(record.id) * 7 + (bot.id % 1000))),
        data: callbackData,
      },
    };
    return this.push(bot, body) ?? this.notDelivered(body);
  }

  // -------------------------------------------------------------------------------------------
  // Files

  storeFile(
    folder: string,
    ext: string,
    data: Buffer | undefined,
    meta: { fileName?: string; mimeType?: string; size?: number },
  ): FileRecord {
    this.fileCounter += 1;
    const n = this.fileCounter;
    const prefix = folder === "photos" ? "AgAC" : folder === "voice" ? "AwAC" : "BQAC";
    const record: FileRecord = {
      fileId: `${prefix}AgIAAxkBAAE${n.toString(36).padStart(8, "0")}`,
      fileUniqueId: `AQAD${n.toString(36).padStart(6, "0")}`,
      filePath: `${folder}/file_${n}.${ext.toLowerCase()}`,
      size: data?.length ?? meta.size ?? 0,
    };
    if (data) record.data = data;
    if (meta.fileName !== undefined) record.fileName = meta.fileName;
    if (meta.mimeType !== undefined) record.mimeType = meta.mimeType;
    this.files.set(record.fileId, record);
    this.filesByPath.set(record.filePath, record);
    return record;
  }

  // -------------------------------------------------------------------------------------------
  // Commands

  commandsFor(ref: EmulatedBot, query: CommandsQuery = {}): BotCommand[] {
    const bot = this.bot(ref);
    const scope = query.scope as { type: string; chat_id?: number | string; user_id?: number } | undefined;
    const lang = query.languageCode;
    if (!query.fallback) return [...(bot.commands.get(commandsKey(scope, lang)) ?? [])];
    const candidates = [
      commandsKey(scope, lang),
      commandsKey(scope, undefined),
      commandsKey(undefined, lang),
      commandsKey(undefined, undefined),
    ];
    for (const key of candidates) {
      const list = bot.commands.get(key);
      if (list && list.length > 0) return [...list];
    }
    return [];
  }

  close(): void {
    for (const bot of this.botsById.values()) bot.queue.close();
    for (const set of this.waiters.values()) {
      for (const waiter of set) waiter.reject(new Error("The Telegram emulator was closed"));
      set.clear();
    }
  }
}
