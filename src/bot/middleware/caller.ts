import type { NextFunction } from "grammy";
import { audiencesOf, needsPersonalMenu } from "../commands.ts";
import type { BotContext } from "../context.ts";
import { telegramPersonOf } from "../kit/display-name.ts";

/**
 * Resolves the caller's member record and admin flag (from the hot cache: no statement once known). A private message proves the member has
 * opened a chat with the bot, so it also records them as reachable privately.
 */
export async function resolveCaller(ctx: BotContext, next: NextFunction): Promise<void> {
  const from = ctx.from;
  if (!from || from.is_bot) {
    ctx.caller = null;
    return next();
  }
  const { repos, cache } = ctx.services;
  let member = await cache.member(from.id);
  const isPrivate = ctx.chat?.type === "private";
  // Callback queries from a private chat count too; my_chat_member "kicked" does not (handled elsewhere).
  const opensPrivateChat = isPrivate && ctx.myChatMember === undefined;
  const wasUnreachable = !member?.reachable;
  // Blocking the bot (a refused private send) is the only way a member's unreachableAt is set.
  const firstPrivateChat = opensPrivateChat && wasUnreachable && !member?.unreachableAt;
  const reopenedPrivateChat = opensPrivateChat && wasUnreachable && !!member?.unreachableAt;
  if (opensPrivateChat && wasUnreachable) {
    member = await repos.members.upsertFromTelegram(telegramPersonOf(from), true);
  } else if (member && member.firstName === null && from.first_name.trim() !== "") {
    // Recorded before the first name was kept (or from a join request): it tells how to address
    // them (issue 9 item 10). Written once; the cache drops the person and reloads them.
    await repos.members.setFirstName(member.id, from.first_name);
    member = { ...member, firstName: from.first_name.trim() };
  }
  const isAdmin = await cache.isAdmin(from.id);
  ctx.caller = { telegramId: from.id, member, isAdmin, firstPrivateChat, reopenedPrivateChat };
  // Menus are only set for people who opened the private chat: a secretary or admin who opens it
  // for the first time (or again, after blocking the bot) gets theirs now.
  if (
    opensPrivateChat &&
    wasUnreachable &&
    needsPersonalMenu(audiencesOf(member?.memberships.map((m) => m.role) ?? [], isAdmin))
  ) {
    await ctx.services.menus.refresh(from.id, { keepIfNone: true });
  }
  await next();
}
