import type { BotContext } from "../context.ts";
import { isLocale } from "../../i18n.ts";

/**
 * Picks the language of an update: in private chats the member's choice; in groups the chat's
 * choice, else the organisation's; else the configured default.
 */
export async function negotiateLocale(ctx: BotContext): Promise<string> {
  const fallback = ctx.services.config.defaultLocale;
  const chat = ctx.chat;
  if (!chat || chat.type === "private") {
    const own = ctx.caller?.member?.locale;
    return isLocale(own) ? own : fallback;
  }
  // Handlers find the chat's cell here too (ctx.chatInfo) instead of reading it again.
  const info = (ctx.chatInfo ??= await ctx.services.cache.chat(chat.id));
  if (isLocale(info.locale)) return info.locale;
  return isLocale(info.organisationLocale) ? info.organisationLocale : fallback;
}
