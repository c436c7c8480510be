import type { NextFunction } from "grammy";
import type { BotContext } from "../context.ts";

/**
 * Handles each update_id once. Webhooks and restarts may redeliver an update; we record the id
 * before handling (at-most-once), because replaying a button press or a command is worse for
 * members than losing one update that crashed mid-way and can be repeated by a tap.
 */
export async function dedupeUpdates(ctx: BotContext, next: NextFunction): Promise<void> {
  const first = await ctx.services.repos.processedUpdates.markProcessed(ctx.update.update_id);
  if (!first) {
    ctx.log.debug({ updateId: ctx.update.update_id }, "duplicate update ignored");
    return;
  }
  await next();
}
