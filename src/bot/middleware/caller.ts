import type { NextFunction } from "grammy";
import type { BotContext } from "../context.ts";
import { displayNameOf } from "../kit/display-name.ts";

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
