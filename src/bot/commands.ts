import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { SUPPORTED_LOCALES, type Translator } from "../i18n.ts";

/** Commands shown in Telegram's menu; the description is a locale key. */
export const MENU_COMMANDS: readonly { command: string; descriptionKey: string }[] = [
  { command: "start", descriptionKey: "cmd-start" },
  { command: "help", descriptionKey: "cmd-help" },
  { command: "me", descriptionKey: "cmd-me" },
  { command: "lang", descriptionKey: "cmd-lang" },
];

export function menuFor(locale: string, translate: Translator): BotCommand[] {
  return MENU_COMMANDS.map((c) => ({ command: c.command, description: translate(locale, c.descriptionKey) }));
}

/**
 * Registers the menu per language: the default locale without a language_code (what users of any
 * other language see), and every other supported locale with its own language_code.
 */
export async function registerCommandMenus(
  api: Api,
  translate: Translator,
  defaultLocale: string,
): Promise<void> {
  await api.setMyCommands(menuFor(defaultLocale, translate));
  for (const locale of SUPPORTED_LOCALES) {
    if (locale === defaultLocale) continue;
    await api.setMyCommands(menuFor(locale, translate), { language_code: locale });
  }
}
