// Everything sent to one person is in that person's language; group posts in the group's. In a group,
// ctx.t speaks the group's language (src/bot/middleware/locale.ts), which is right for what the group
// sees (an edited post, a reply) and wrong for what only the presser sees: a button's alert or toast,
// a private message. Those use ownT: the member's chosen language, else the chat's.
import type { TranslationVariables } from "@grammyjs/i18n";
import { isLocale } from "../../i18n.ts";
import type { BotContext } from "../context.ts";

export type Translate = (key: string, vars?: TranslationVariables) => string;

/** The language the person in front of the bot chose; undefined when they chose none. */
export function ownLocale(ctx: BotContext): string | undefined {
  const chosen = ctx.caller?.member?.locale;
  return isLocale(chosen) ? chosen : undefined;
}

/** Translates for the presser or sender alone (alerts, toasts, private messages). */
export function ownT(ctx: BotContext): Translate {
  const locale = ownLocale(ctx);
  if (locale === undefined || ctx.chat?.type === "private") return (key, vars) => ctx.t(key, vars);
  return (key, vars) => ctx.services.translate(locale, key, vars);
}
