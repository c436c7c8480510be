import type { BotCommand, Chat, Update, User } from "grammy/types";
import { BotApi } from "./bot-api.ts";
import type { ExplicitMention } from "./formatting.ts";
import { DEFAULT_RATE_LIMITS, RateLimiter } from "./rate-limiter.ts";
import { EmulatorServer } from "./server.ts";
import type {
  CallbackAnswer,
  CallRecord,
  CommandsQuery,
  EmulatedBot,
  EmulatorOptions,
  FailNextOptions,
  RateLimits,
  ResetNextOptions,
  StoredMessage,
  WaitForOptions,
} from "./types.ts";
import { World } from "./world.ts";

/** The in-process driver of a local Telegram Bot API. See README-style notes in index.ts. */
export interface TelegramEmulator {
  /** "http://127.0.0.1:PORT": pass as grammY's `client.apiRoot`. */
  readonly apiRoot: string;
  readonly port: number;
  close(): Promise<void>;

  // Accounts and chats
  createBot(opts?: {
    token?: string;
    username?: string;
    firstName?: string;
    privacyMode?: boolean;
  }): EmulatedBot;
  createUser(opts?: {
    id?: number;
    firstName?: string;
    lastName?: string;
    username?: string;
    languageCode?: string;
  }): User;
  createGroup(opts: {
    title: string;
    type?: "group" | "supergroup";
    members: User[];
    admins?: User[];
    creator?: User;
  }): Chat.GroupChat | Chat.SupergroupChat;
  createChannel(opts: { title: string; username?: string; admins: User[] }): Chat.ChannelChat;
  addBotToChat(
    bot: EmulatedBot,
    chatId: number,
    opts: { by: User; asAdmin?: boolean; privacyMode?: boolean },
  ): void;
  removeBotFromChat(bot: EmulatedBot, chatId: number, opts: { by: User }): void;
  addMember(chatId: number, user: User, opts?: { status?: "member" | "administrator" }): void;
  removeMember(chatId: number, user: User): void;
  /** Returns the new supergroup id. */
  upgradeToSupergroup(chatId: number): number;
  startBot(bot: EmulatedBot, user: User, payload?: string): Update;
  blockBot(bot: EmulatedBot, user: User): void;
  unblockBot(bot: EmulatedBot, user: User): void;

  // Acting as a user: each returns the update queued for `bot` (update_id 0 if that bot gets none,
  // e.g. because of privacy mode or allowed_updates).
  sendText(
    bot: EmulatedBot,
    from: User,
    chatId: number,
    text: string,
    opts?: { replyToMessageId?: number; mentions?: ExplicitMention[] },
  ): Update;
  sendVoice(
    bot: EmulatedBot,
    from: User,
    chatId: number,
    opts: { duration: number; replyToMessageId?: number },
  ): Update;
  sendDocument(
    bot: EmulatedBot,
    from: User,
    chatId: number,
    opts: {
      fileName: string;
      mimeType: string;
      content: Buffer;
      caption?: string;
      replyToMessageId?: number;
    },
  ): Update;
  pressButton(bot: EmulatedBot, from: User, chatId: number, messageId: number, callbackData: string): Update;
  enqueueRaw(bot: EmulatedBot, update: Update): void;
  takeUpdates(bot: EmulatedBot): Update[];
  pendingUpdateCount(bot: EmulatedBot): number;
  /** Like the allowed_updates of getUpdates/setWebhook, for harnesses that use takeUpdates. */
  setAllowedUpdates(bot: EmulatedBot, types: string[] | undefined): void;

  // Reading
  messages(chatId: number): StoredMessage[];
  botMessages(bot: EmulatedBot, chatId: number): StoredMessage[];
  /** The bot's most recent message in the chat, deleted or not. */
  lastBotMessage(bot: EmulatedBot, chatId: number): StoredMessage | undefined;
  /**
   * Resolves with the newest non-deleted bot message (already there or arriving/edited later) that
   * satisfies the predicate. The last argument is a timeout in ms (default 5000) or options.
   */
  waitForBotMessage(
    bot: EmulatedBot,
    chatId: number,
    predicate?: (m: StoredMessage) => boolean,
    timeoutMs?: number | WaitForOptions,
  ): Promise<StoredMessage>;
  callbackAnswer(queryId: string): CallbackAnswer | undefined;
  commands(bot: EmulatedBot, opts?: CommandsQuery): BotCommand[];
  /** Bytes of a file by file_id (uploads by bots, documents sent by users). */
  fileBytes(fileId: string): Buffer | undefined;

  // Calls and faults
  calls(): CallRecord[];
  resetCalls(): void;
  failNext(options: FailNextOptions): void;
  resetNext(options?: ResetNextOptions): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  setLimits(limits: false | Partial<RateLimits>): void;
}

function makeLimiter(limits: false | Partial<RateLimits> | undefined): RateLimiter | undefined {
  if (limits === false) return undefined;
  return new RateLimiter({ ...DEFAULT_RATE_LIMITS, ...limits });
}

class Emulator implements TelegramEmulator {
  apiRoot = "";
  port = 0;

  constructor(
    private readonly world: World,
    private readonly api: BotApi,
    private readonly server: EmulatorServer,
  ) {}

  async listen(port: number): Promise<void> {
    this.port = await this.server.listen(port);
    this.apiRoot = `http://127.0.0.1:${this.port}`;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  createBot(opts?: {
    token?: string;
    username?: string;
    firstName?: string;
    privacyMode?: boolean;
  }): EmulatedBot {
    return this.world.createBot(opts);
  }

  createUser(opts?: {
    id?: number;
    firstName?: string;
    lastName?: string;
    username?: string;
    languageCode?: string;
  }): User {
    return this.world.createUser(opts);
  }

  createGroup(opts: {
    title: string;
    type?: "group" | "supergroup";
    members: User[];
    admins?: User[];
    creator?: User;
  }): Chat.GroupChat | Chat.SupergroupChat {
    return this.world.createGroup(opts);
  }

  createChannel(opts: { title: string; username?: string; admins: User[] }): Chat.ChannelChat {
    return this.world.createChannel(opts);
  }

  addBotToChat(
    bot: EmulatedBot,
    chatId: number,
    opts: { by: User; asAdmin?: boolean; privacyMode?: boolean },
  ): void {
    this.world.addBotToChat(bot, chatId, opts);
  }

  removeBotFromChat(bot: EmulatedBot, chatId: number, opts: { by: User }): void {
    this.world.removeBotFromChat(bot, chatId, opts);
  }

  addMember(chatId: number, user: User, opts?: { status?: "member" | "administrator" }): void {
    this.world.addMember(chatId, user, opts);
  }

  removeMember(chatId: number, user: User): void {
    this.world.removeMember(chatId, user);
  }

  upgradeToSupergroup(chatId: number): number {
    return this.world.upgradeToSupergroup(chatId);
  }

  startBot(bot: EmulatedBot, user: User, payload?: string): Update {
    return this.world.startBot(bot, user, payload);
  }

  blockBot(bot: EmulatedBot, user: User): void {
    this.world.blockBot(bot, user);
  }

  unblockBot(bot: EmulatedBot, user: User): void {
    this.world.unblockBot(bot, user);
  }

  sendText(
    bot: EmulatedBot,
    from: User,
    chatId: number,
    text: string,
    opts?: { replyToMessageId?: number; mentions?: ExplicitMention[] },
  ): Update {
    return this.world.sendText(bot, from, chatId, text, opts);
  }

  sendVoice(
    bot: EmulatedBot,
    from: User,
    chatId: number,
    opts: { duration: number; replyToMessageId?: number },
  ): Update {
    return this.world.sendVoice(bot, from, chatId, opts);
  }

  sendDocument(
    bot: EmulatedBot,
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
    return this.world.sendDocument(bot, from, chatId, opts);
  }

  pressButton(bot: EmulatedBot, from: User, chatId: number, messageId: number, callbackData: string): Update {
    return this.world.pressButton(bot, from, chatId, messageId, callbackData);
  }

  enqueueRaw(bot: EmulatedBot, update: Update): void {
    this.world.bot(bot).queue.pushRaw(update);
  }

  takeUpdates(bot: EmulatedBot): Update[] {
    return this.world.bot(bot).queue.take();
  }

  pendingUpdateCount(bot: EmulatedBot): number {
    return this.world.bot(bot).queue.pendingCount;
  }

  setAllowedUpdates(bot: EmulatedBot, types: string[] | undefined): void {
    this.world.bot(bot).queue.allowedUpdates = types;
  }

  messages(chatId: number): StoredMessage[] {
    return this.world.messagesIn(chatId);
  }

  botMessages(bot: EmulatedBot, chatId: number): StoredMessage[] {
    return this.world.botMessagesIn(this.world.bot(bot), chatId);
  }

  lastBotMessage(bot: EmulatedBot, chatId: number): StoredMessage | undefined {
    const list = this.botMessages(bot, chatId);
    return list[list.length - 1];
  }

  waitForBotMessage(
    bot: EmulatedBot,
    chatId: number,
    predicate?: (m: StoredMessage) => boolean,
    timeoutMs?: number | WaitForOptions,
  ): Promise<StoredMessage> {
    const options = typeof timeoutMs === "number" ? { timeoutMs } : (timeoutMs ?? {});
    return this.world.waitForBotMessage(bot, chatId, predicate, options);
  }

  callbackAnswer(queryId: string): CallbackAnswer | undefined {
    return this.world.callbackQueries.get(queryId)?.answer;
  }

  commands(bot: EmulatedBot, opts?: CommandsQuery): BotCommand[] {
    return this.world.commandsFor(bot, opts);
  }

  fileBytes(fileId: string): Buffer | undefined {
    return this.world.files.get(fileId)?.data;
  }

  calls(): CallRecord[] {
    return this.server.calls();
  }

  resetCalls(): void {
    this.server.resetCalls();
  }

  failNext(options: FailNextOptions): void {
    this.server.failNext(options);
  }

  resetNext(options?: ResetNextOptions): void {
    this.server.resetNext(options);
  }

  clearFaults(): void {
    this.server.clearFaults();
  }

  setLatency(ms: number): void {
    this.server.latencyMs = Math.max(0, ms);
  }

  setLimits(limits: false | Partial<RateLimits>): void {
    this.api.limiter = makeLimiter(limits);
  }
}

/** Starts an emulator on 127.0.0.1 (a free port unless `port` is given). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<TelegramEmulator> {
  const clock = options.now ?? Date.now;
  // The world needs the server to post webhooks; the server needs the world.
  const late: { server?: EmulatorServer } = {};
  const world = new World(
    clock,
    (token, config, update) =>
      late.server
        ? late.server.sendWebhook(token, config, update)
        : Promise.reject(new Error("emulator not started")),
    options.webhookRetryDelayMs ?? 100,
  );
  const api = new BotApi(world, makeLimiter(options.limits));
  const server = new EmulatorServer(world, api, options.logger);
  late.server = server;
  const emulator = new Emulator(world, api, server);
  await emulator.listen(options.port ?? 0);
  return emulator;
}
