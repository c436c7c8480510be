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
  const { chats } = ctx.services.repos;
  const chosen = await chats.getLocale(chat.id);
  if (isLocale(chosen)) return chosen;
  const cell = await chats.findCellByChatId(chat.id);
  const orgLocale = cell?.organisation.locale;
  return isLocale(orgLocale) ? orgLocale : fallback;
}
