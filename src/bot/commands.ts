// Telegram's command menus, built from the commands the feature modules declare (feature-module.ts).
import type { Api } from "grammy";
import type { BotCommand, BotCommandScope } from "grammy/types";
import { SUPPORTED_LOCALES, type Translator } from "../i18n.ts";
import type { FeatureCommand, MenuScope } from "./feature-module.ts";

/** The commands listed in one menu, in their menu order. */
export function menuCommands(commands: readonly FeatureCommand[], scope: MenuScope): FeatureCommand[] {
  return commands
    .filter((c) => c.menu?.[scope] !== undefined)
    .sort((a, b) => (a.menu?.[scope] ?? 0) - (b.menu?.[scope] ?? 0));
}

export function menuFor(
  locale: string,
  translate: Translator,
  commands: readonly FeatureCommand[],
  scope: MenuScope,
): BotCommand[] {
  return menuCommands(commands, scope).map((c) => ({
    command: c.command,
    description: translate(locale, c.descriptionKey),
  }));
}

/**
 * Registers the menus per language: the default locale without a language_code (what users of any
 * other language see), and every other supported locale with its own language_code. Private chats
 * get the default scope's menu, groups the all_group_chats one.
 */
export async function registerCommandMenus(
  api: Api,
  translate: Translator,
  defaultLocale: string,
  commands: readonly FeatureCommand[],
): Promise<void> {
  const groups: BotCommandScope = { type: "all_group_chats" };
  await api.setMyCommands(menuFor(defaultLocale, translate, commands, "private"));
  await api.setMyCommands(menuFor(defaultLocale, translate, commands, "group"), { scope: groups });
  for (const locale of SUPPORTED_LOCALES) {
    if (locale === defaultLocale) continue;
    await api.setMyCommands(menuFor(locale, translate, commands, "private"), { language_code: locale });
    await api.setMyCommands(menuFor(locale, translate, commands, "group"), {
      scope: groups,
      language_code: locale,
    });
  }
}
