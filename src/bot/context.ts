import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { Translator } from "../i18n.ts";
import type { Logger } from "../logger.ts";
import type { HotCache } from "../db/hot-cache.ts";
import type { ChatInfo } from "../db/repositories/chats.ts";
import type { MemberView } from "../db/repositories/members.ts";
import type { ProcessedUpdateRepository } from "../db/repositories/processed-updates.ts";
import type { SchedulerWaker } from "../scheduler/jobs.ts";
import type { PersonalMenus } from "./commands.ts";

/** Everything a handler may use; passed explicitly to createBot, never imported globally. */
export interface BotServices {
  config: Config;
  logger: Logger;
  clock: Clock;
  repos: Repositories;
  translate: Translator;
  /** After writing outbox rows that are due now: `scheduler.wake()` sends them without waiting. */
  scheduler: SchedulerWaker;
  /** After a change of someone's roles, admin rights or language: `menus.refresh(telegramId)`. */
  menus: PersonalMenus;
  /** Admins, group chats and people as every update needs them; kept current by the repositories' writes. */
  cache: HotCache;
  /** Handled update ids: in memory or in the database (config.dedupe). */
  processedUpdates: ProcessedUpdateRepository;
}

/** Who sent the update, resolved once per update by the caller middleware. */
export interface Caller {
  telegramId: number;
  member: MemberView | null;
  isAdmin: boolean;
  /**
   * This update opened a private chat with the bot for the first time (the member was never
   * reachable before: not now, and never blocked the bot since an earlier chat).
   */
  firstPrivateChat?: boolean;
  /** This update reopened a private chat the member had blocked (the bot could not reach them). */
  reopenedPrivateChat?: boolean;
}

interface AppFlavor {
  services: BotServices;
  log: Logger;
  caller: Caller | null;
  /** A group chat's language and cell, loaded once per update (null in private chats and before loading). */
  chatInfo: ChatInfo | null;
}

export type BotContext = Context & I18nFlavor & AppFlavor;
