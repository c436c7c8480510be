// A cell whose group removed the bot is paused (Cell.active false): it sends nothing (the scheduler
// holds its rows) and accepts no answers until the bot is added back. Buttons and typed answers
// that reach a paused cell's meeting are refused with one clear, localised text.
import type { BotContext } from "../../bot/context.ts";
import { CALLBACK_ANSWER_MAX, clip } from "../../bot/kit/clip.ts";
import { ownT } from "../../bot/kit/own-language.ts";
import type { CellView } from "../../db/repositories/cells.ts";

/**
 * True when `cell` is paused; the member has then been told (an alert for a button press, a reply
 * otherwise) and nothing may change. False for an active cell, or none (the caller's own checks
 * handle a missing cell).
 */
export async function refusedAsPaused(
  ctx: BotContext,
  cell: Pick<CellView, "id" | "name" | "active"> | null,
): Promise<boolean> {
  if (!cell || cell.active) return false;
  ctx.log.info({ from: ctx.from?.id, cellId: cell.id }, "refused: the cell is paused");
  const text = ownT(ctx)("cell-paused-answer", { cell: cell.name });
  if (ctx.callbackQuery)
    await ctx.answerCallbackQuery({ text: clip(text, CALLBACK_ANSWER_MAX), show_alert: true });
  else await ctx.reply(text);
  return true;
}
