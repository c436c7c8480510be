import type { NextFunction } from "grammy";
import type { User } from "grammy/types";
import type { BotContext } from "../context.ts";
import { cleanText } from "../../clean-text.ts";

/** The name Telegram gives a user, cleaned of invisible characters (see clean-text.ts). */
export function displayNameOf(user: User): string {
  return (
    cleanText([user.first_name, user.last_name].filter(Boolean).join(" ")) || user.username || String(user.id)
  );
}

/**
 * Resolves the caller's member record and admin flag. A private message proves the member has
 * opened a chat with the bot, so it also records them as reachable privately.
 */
export async function resolveCaller(ctx: BotContext, next: NextFunction): Promise<void> {
  const from = ctx.from;
  if (!from || from.is_bot) {
    ctx.caller = null;
    return next();
  }
  const { repos, config } = ctx.services;
  let member = await repos.members.findByTelegramId(from.id);
  const isPrivate = ctx.chat?.type === "private";
  // Callback queries from a private chat count too; my_chat_member "kicked" does not (handled elsewhere).
  const opensPrivateChat = isPrivate && ctx.myChatMember === undefined;
  if (opensPrivateChat && (!member || !member.reachable)) {
    member = await repos.members.upsertFromTelegram(
      { telegramId: from.id, username: from.username, displayName: displayNameOf(from) },
      true,
    );
  }
  const isAdmin = config.adminIds.includes(from.id) || (await repos.admins.isAdmin(from.id));
  ctx.caller = { telegramId: from.id, member, isAdmin };
  await next();
}
