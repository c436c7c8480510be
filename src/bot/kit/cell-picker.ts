// The cell of a command written privately by someone who manages several cells (a secretary of two
// cells, a committee admin): instead of sending them to the cell's group, the bot answers with one
// button per cell and keeps the command itself in the text of that message, its own; a press runs
// the command again for the chosen cell. The button carries only the command's name and the cell's
// id (`cp:<command>:<cellId>`), so the callback data stays short whatever was typed, and a forged id
// changes nothing: the press checks again, in the database, that the presser has the power there.
import { Composer, InlineKeyboard } from "grammy";
import type { MessageEntity } from "grammy/types";
import type { CellView } from "../../db/repositories/cells.ts";
import { commandCells, hasPower, refuse, resolveGroupCell, type CellPower } from "../cell-access.ts";
import type { BotContext } from "../context.ts";
import { clip } from "./clip.ts";
import { editPressed } from "./edit-pressed.ts";
import { pressedMessageCarries } from "./pressed-message.ts";

/** Runs a command for a cell: the same function for the typed command and for a press. */
export type CellCommand = (ctx: BotContext, cell: CellView, args: string) => Promise<void>;

export interface CellPickerOptions {
  /** The command's name without the slash, as in `feature.command(…)`. */
  command: string;
  power: CellPower;
  /** A paused cell may be chosen (reading its past: /report, /export). Default: only active cells. */
  allowPaused?: boolean;
}

const MAX_CELL_BUTTONS = 20;
const MAX_MESSAGE = 4096;
const PREFIX = "cp";

/**
 * The cell of a command: in a group, the group's cell (checked for the power); privately, the one
 * cell where the caller has it. With several, the picker is sent and null returned (the press runs
 * the command); with none, the refusal.
 */
export async function commandCell(ctx: BotContext, options: CellPickerOptions): Promise<CellView | null> {
  const chat = ctx.chat;
  if (!chat) return null;
  if (chat.type !== "private") return resolveGroupCell(ctx, chat.id, options.power);
  const cells = await commandCells(ctx, options.power);
  if (cells.length === 1) return cells[0]!;
  if (cells.length === 0) {
    await refuse(ctx, options.power);
    return null;
  }
  await offerCells(ctx, options.command, cells);
  return null;
}

/**
 * Sends the picker for the command in the current message to the given cells. The command keeps its
 * text and its mentions of members by name (text mentions), which the press reads back.
 */
export async function offerCells(
  ctx: BotContext,
  command: string,
  cells: readonly CellView[],
): Promise<void> {
  const keyboard = new InlineKeyboard();
  for (const cell of cells.slice(0, MAX_CELL_BUTTONS)) {
    keyboard.text(clip(cell.name, 40), `${PREFIX}:${command}:${cell.id}`).row();
  }
  const typed = ctx.msg?.text ?? "";
  const args = typeof ctx.match === "string" ? ctx.match.trim() : "";
  const head = `${ctx.t("cell-pick")}\n`;
  const line = args === "" ? `/${command}` : `/${command} ${args}`;
  if (head.length + line.length > MAX_MESSAGE) {
    // No room to keep the command in our message: the group of the cell is the way.
    await ctx.reply(ctx.t("cell-choose-in-group", { cells: cells.map((c) => `• ${c.name}`).join("\n") }));
    return;
  }
  // Where the arguments begin in the typed message and in ours: mentions move by the difference.
  const typedStart = args === "" ? typed.length : typed.lastIndexOf(args);
  const shift = head.length + line.length - args.length - typedStart;
  const entities: MessageEntity[] = [];
  for (const e of ctx.msg?.entities ?? []) {
    if (e.type === "text_mention" && typedStart >= 0 && e.offset >= typedStart) {
      entities.push({ ...e, offset: e.offset + shift });
    }
  }
  await ctx.reply(head + line, {
    reply_markup: keyboard,
    ...(entities.length > 0 ? { entities } : {}),
  });
}

/**
 * The presses of the command's picker: the cell checked again for the presser's power, the command
 * read back from the pressed message (ours), which is then edited so that it cannot run twice.
 */
export function onCellPicked(options: CellPickerOptions, run: CellCommand): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const pattern = new RegExp(`^${PREFIX}:${options.command}:(\\d{1,9})$`);
  composer.chatType("private").callbackQuery(pattern, async (ctx) => {
    const cellId = Number(ctx.match[1]);
    const message = ctx.callbackQuery.message;
    const text = message && "text" in message ? (message.text ?? "") : "";
    const start = commandStart(text, options.command);
    if (start < 0 || pressedMessageCarries(message, ctx.callbackQuery.data) !== true) {
      // Already picked (the message no longer holds the command), or not a picker at all.
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
      return;
    }
    const cell = await ctx.services.repos.cells.get(cellId);
    if (!cell || (!cell.active && options.allowPaused !== true)) {
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired"), show_alert: true });
      return;
    }
    if (!(await hasPower(ctx, cell, options.power))) {
      ctx.log.info(
        { from: ctx.from.id, cellId, command: options.command },
        "refused: cell picked without power",
      );
      await ctx.answerCallbackQuery({ text: refusalText(ctx, options.power), show_alert: true });
      return;
    }
    const args = text.slice(start + options.command.length + 1).trim();
    await ctx.answerCallbackQuery();
    await editPressed(ctx, ctx.t("cell-picked", { cell: cell.name }));
    await run(ctx, cell, args);
  });
  return composer;
}

/** Where `/command` begins a line of the message (after the first), or -1. */
function commandStart(text: string, command: string): number {
  const slash = `\n/${command}`;
  let at = text.indexOf(slash);
  while (at >= 0) {
    const after = text.charAt(at + slash.length);
    if (after === "" || /\s/u.test(after)) return at + 1;
    at = text.indexOf(slash, at + 1);
  }
  return -1;
}

function refusalText(ctx: BotContext, power: CellPower): string {
  return ctx.t(
    power === "manager"
      ? "refused-secretary-only"
      : power === "group_leader"
        ? "refused-group-leader-only"
        : "refused-members-only",
  );
}
