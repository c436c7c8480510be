import type { BotContext } from "./context.ts";

/** Refuses (with a localised message) unless the caller is a committee admin. */
export async function ensureAdmin(ctx: BotContext): Promise<boolean> {
  if (ctx.caller?.isAdmin) return true;
  ctx.log.info({ from: ctx.from?.id, command: ctx.msg?.text?.split(/\s/)[0] }, "refused: admin only");
  await ctx.reply(ctx.t("refused-admin-only"));
  return false;
}

export async function ensurePrivateChat(ctx: BotContext): Promise<boolean> {
  if (ctx.chat?.type === "private") return true;
  await ctx.reply(ctx.t("refused-private-only"));
  return false;
}
