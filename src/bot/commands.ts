// Telegram's command menus, built from the commands the feature modules declare (feature-module.ts).
//
// Telegram shows a chat the menu of the narrowest scope that has one — a person's own private chat,
// then the group administrators', then all groups', then the default — each first in the user's
// language_code and then without one. So the bot registers:
// - the default scope (every private chat): the everyday commands, for anyone;
// - all_group_chats: what members use in a cell's group;
// - all_chat_administrators: the same with the secretary's group commands (secretaries are usually
//   their group's administrators; another administrator who tries one is refused politely);
// - the chat scope of one person's private chat: everything their roles allow there — for group
//   leaders, secretaries and deputies, and committee admins. Set at start-up and whenever their role
//   changes; deleted when their last such role goes.
// The shared scopes are registered per language: the default locale without a language_code (what
// users of any other language see) and every other supported locale with its own. A person's scope
// is registered once, without a language_code, in their own language: the one the bot speaks to
// them in private (member.locale, else the default), whatever their Telegram app's language.
import type { Api } from "grammy";
import type { BotCommand, BotCommandScope } from "grammy/types";
import type { Repositories } from "../db/repositories/index.ts";
import { isLocale, SUPPORTED_LOCALES, type Translator } from "../i18n.ts";
import type { Logger } from "../logger.ts";
import { errorForLog } from "../scheduler/telegram-errors.ts";
import { MANAGER_ROLES } from "./cell-access.ts";
import type { CommandAudience, FeatureCommand, MenuScope } from "./feature-module.ts";

/** The shared menus and the audiences each one lists. */
export const SHARED_MENUS = {
  /** Every private chat without a menu of its own. */
  everyone: { scope: "private", audiences: new Set<CommandAudience>(["everyone"]) },
  /** Every group chat, for its members. */
  groups: { scope: "group", audiences: new Set<CommandAudience>(["everyone", "member"]) },
  /** Every group chat, for its administrators. */
  groupAdmins: {
    scope: "group",
    audiences: new Set<CommandAudience>(["everyone", "member", "group_leader", "manager"]),
  },
} as const satisfies Record<string, { scope: MenuScope; audiences: ReadonlySet<CommandAudience> }>;

export type SharedMenu = keyof typeof SHARED_MENUS;

const SHARED_SCOPES: Record<SharedMenu, BotCommandScope> = {
  everyone: { type: "default" },
  groups: { type: "all_group_chats" },
  groupAdmins: { type: "all_chat_administrators" },
};

/**
 * The commands of one menu, in their menu order: those placed in `scope`'s menus, for one of
 * `audiences`, and meant for that kind of chat.
 */
export function menuCommands(
  commands: readonly FeatureCommand[],
  scope: MenuScope,
  audiences: ReadonlySet<CommandAudience>,
): FeatureCommand[] {
  const wrongChats = scope === "private" ? "group" : "private";
  return commands
    .filter((c) => c.menu?.[scope] !== undefined && c.chats !== wrongChats && audiences.has(c.audience))
    .sort((a, b) => (a.menu?.[scope] ?? 0) - (b.menu?.[scope] ?? 0));
}

export function menuFor(
  locale: string,
  translate: Translator,
  commands: readonly FeatureCommand[],
  scope: MenuScope,
  audiences: ReadonlySet<CommandAudience>,
): BotCommand[] {
  return menuCommands(commands, scope, audiences).map((c) => ({
    command: c.command,
    description: translate(locale, c.descriptionKey),
  }));
}

/**
 * What a person may use, from their roles in their active memberships and whether they are a
 * committee admin. Admins pass every cell check (cell-access.ts), so they have every audience;
 * secretaries and deputies pass the group leaders' checks too.
 */
export function audiencesOf(roles: readonly string[], isAdmin: boolean): Set<CommandAudience> {
  const audiences = new Set<CommandAudience>(["everyone"]);
  const manager = isAdmin || roles.some((role) => MANAGER_ROLES.has(role));
  if (isAdmin || roles.length > 0) audiences.add("member");
  if (manager || roles.includes("group_leader")) audiences.add("group_leader");
  if (manager) audiences.add("manager");
  if (isAdmin) audiences.add("admin");
  return audiences;
}

/** Roles whose holders get a private menu of their own (with committee admins). */
export const PERSONAL_MENU_ROLES: readonly string[] = [...MANAGER_ROLES, "group_leader"];

/** Whether the person's private chat gets a menu of its own: more than any member may use. */
export function needsPersonalMenu(audiences: ReadonlySet<CommandAudience>): boolean {
  return audiences.has("group_leader");
}

/** What handlers ask of the menus (BotServices.menus): keep one person's private menu right. */
export interface PersonalMenus {
  /**
   * Sets the person's private menu from their current roles, in their language, or deletes it when
   * they have no role that needs one (unless `keepIfNone`: nothing changed that could remove one).
   * Call it after a change of role, admin rights or language. Never throws: a failure is logged,
   * and the command that caused it goes on.
   */
  refresh(telegramId: number, options?: { keepIfNone?: boolean }): Promise<void>;
}

export interface CommandMenusOptions {
  api: Api;
  translate: Translator;
  defaultLocale: string;
  commands: readonly FeatureCommand[];
  repos: Pick<Repositories, "members" | "admins">;
  /** ADMIN_IDS: admins even before the admin table has them. */
  adminIds: readonly number[];
  logger: Logger;
}

export interface CommandMenus extends PersonalMenus {
  /** Registers the shared menus in every supported language. Throws on a failure. */
  registerShared(): Promise<void>;
  /**
   * Sets the private menu of everyone who needs one and can have one (reachable privately), one call
   * after another (auto-retry honours Telegram's flood waits). Stops early when `signal` aborts.
   */
  refreshAll(signal?: AbortSignal): Promise<{ people: number; failed: number }>;
}

export function createCommandMenus(options: CommandMenusOptions): CommandMenus {
  const { api, translate, defaultLocale, commands, repos, adminIds, logger } = options;
  const log = logger.child({ component: "menus" });

  /** True when Telegram accepted the change (or there was nothing to change). */
  async function apply(telegramId: number, keepIfNone: boolean): Promise<boolean> {
    const scope: BotCommandScope = { type: "chat", chat_id: telegramId };
    try {
      const member = await repos.members.findByTelegramId(telegramId);
      const isAdmin = adminIds.includes(telegramId) || (await repos.admins.isAdmin(telegramId));
      const audiences = audiencesOf(member?.memberships.map((m) => m.role) ?? [], isAdmin);
      if (needsPersonalMenu(audiences)) {
        // Telegram refuses a chat the person never opened; their first private message makes them
        // reachable, and the caller middleware then sets their menu.
        if (!member?.reachable) return true;
        const locale = isLocale(member.locale) ? member.locale : defaultLocale;
        await api.setMyCommands(menuFor(locale, translate, commands, "private", audiences), { scope });
      } else if (!keepIfNone) {
        await api.deleteMyCommands({ scope });
      }
      return true;
    } catch (err) {
      log.warn({ telegramId, err: errorForLog(err) }, "could not update a person's command menu");
      return false;
    }
  }

  return {
    async registerShared() {
      for (const [name, menu] of Object.entries(SHARED_MENUS) as [
        SharedMenu,
        (typeof SHARED_MENUS)[SharedMenu],
      ][]) {
        const scope = SHARED_SCOPES[name];
        await api.setMyCommands(menuFor(defaultLocale, translate, commands, menu.scope, menu.audiences), {
          scope,
        });
        for (const locale of SUPPORTED_LOCALES) {
          if (locale === defaultLocale) continue;
          await api.setMyCommands(menuFor(locale, translate, commands, menu.scope, menu.audiences), {
            scope,
            language_code: locale,
          });
        }
      }
    },

    async refresh(telegramId, refreshOptions) {
      await apply(telegramId, refreshOptions?.keepIfNone ?? false);
    },

    async refreshAll(signal) {
      let people: number[];
      try {
        const [holders, admins] = await Promise.all([
          repos.members.reachableTelegramIdsWithRoles(PERSONAL_MENU_ROLES),
          repos.admins.list(),
        ]);
        people = [...new Set([...holders, ...admins.map((a) => a.telegramId), ...adminIds])];
      } catch (err) {
        log.warn({ err: errorForLog(err) }, "could not list the people who need a command menu");
        return { people: 0, failed: 0 };
      }
      let failed = 0;
      for (const telegramId of people) {
        if (signal?.aborted) break;
        // Everyone listed needs a menu; keepIfNone only spares a delete call for a role lost meanwhile
        // (the hook of that change deletes it).
        if (!(await apply(telegramId, true))) failed++;
      }
      log.info({ people: people.length, failed }, "personal command menus set");
      return { people: people.length, failed };
    },
  };
}
