import type { Api } from "grammy";
import type { BotCommand, BotCommandScope } from "grammy/types";
import { SUPPORTED_LOCALES, type Translator } from "../i18n.ts";

interface MenuEntry {
  command: string;
  descriptionKey: string;
}

/** Commands shown in Telegram's menu in private chats (the default scope); descriptions are locale keys. */
export const MENU_COMMANDS: readonly MenuEntry[] = [
  { command: "start", descriptionKey: "cmd-start" },
  { command: "help", descriptionKey: "cmd-help" },
  { command: "me", descriptionKey: "cmd-me" },
  { command: "lang", descriptionKey: "cmd-lang" },
];

/** The menu in group chats: what members use in their cell's group. Manager commands are in /help. */
export const GROUP_MENU_COMMANDS: readonly MenuEntry[] = [
  { command: "meetings", descriptionKey: "cmd-meetings" },
  { command: "agenda", descriptionKey: "cmd-agenda" },
  { command: "members", descriptionKey: "cmd-members" },
  { command: "groups", descriptionKey: "cmd-groups" },
  { command: "help", descriptionKey: "cmd-help" },
];

export function menuFor(locale: string, translate: Translator, entries = MENU_COMMANDS): BotCommand[] {
  return entries.map((c) => ({ command: c.command, description: translate(locale, c.descriptionKey) }));
}

/**
 * Registers the menus per language: the default locale without a language_code (what users of any
 * other language see), and every other supported locale with its own language_code.
 */
export async function registerCommandMenus(
  api: Api,
  translate: Translator,
  defaultLocale: string,
): Promise<void> {
  const groups: BotCommandScope = { type: "all_group_chats" };
  await api.setMyCommands(menuFor(defaultLocale, translate));
  await api.setMyCommands(menuFor(defaultLocale, translate, GROUP_MENU_COMMANDS), { scope: groups });
  for (const locale of SUPPORTED_LOCALES) {
    if (locale === defaultLocale) continue;
    await api.setMyCommands(menuFor(locale, translate), { language_code: locale });
    await api.setMyCommands(menuFor(locale, translate, GROUP_MENU_COMMANDS), {
      scope: groups,
      language_code: locale,
    });
  }
}
