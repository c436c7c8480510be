// Editing a message the bot sent earlier: the one whose button was just pressed, or a stored one (an
// announcement, a check-in post). One policy: "message is not modified" (a button pressed twice) is
// success; any other refusal by Telegram (message deleted, too old) is logged with its context and
// reported as false, since an edit only shows what the database already holds; errors of our own
// are thrown. The reading of Telegram's error is the classifier's (src/scheduler/telegram-errors.ts).
// A press edits only the message whose button was pressed (pressed-message.ts): callback data can be
// forged onto any message the bot sent.
import { GrammyError, HttpError, type Api } from "grammy";
import { classifyTelegramError, errorForLog } from "../../scheduler/telegram-errors.ts";
import type { Logger } from "../../logger.ts";
import type { BotContext } from "../context.ts";
import { mayEditPressedMessage } from "./pressed-message.ts";

/** True when Telegram refused an edit only because nothing would change. */
export function isNotModified(err: unknown): boolean {
  return classifyTelegramError(err).kind === "not_modified";
}

function settle(err: unknown, log: Logger, context: Record<string, unknown>): boolean {
  if (isNotModified(err)) return true;
  if (!(err instanceof GrammyError) && !(err instanceof HttpError)) throw err;
  log.warn(
    { ...context, problem: classifyTelegramError(err).kind, err: errorForLog(err) },
    "message not edited",
  );
  return false;
}

export interface EditPressedOptions {
  /**
   * When the press did not come from a button of the pressed message (a forged press), that message
   * is left as it is, and `text` is either sent as a new message ("send": a list or menu the presser
   * asked for) or dropped ("leave": a confirmation the callback answer already gave). By default a
   * text with a keyboard is sent, one without is dropped.
   */
  otherwise?: "send" | "leave";
}

/**
 * Edits the pressed message's text (without a keyboard in `other`, its keyboard goes). True when the
 * message shows `text` afterwards; false, with the pressed message untouched, when the press did not
 * come from it.
 */
export async function editPressed(
  ctx: BotContext,
  text: string,
  other?: Parameters<BotContext["editMessageText"]>[1],
  options: EditPressedOptions = {},
): Promise<boolean> {
  if (!mayEditPressedMessage(ctx)) {
    const otherwise = options.otherwise ?? (other?.reply_markup ? "send" : "leave");
    if (otherwise === "send") {
      try {
        await ctx.reply(text, {
          ...(other?.parse_mode ? { parse_mode: other.parse_mode } : {}),
          ...(other?.reply_markup ? { reply_markup: other.reply_markup } : {}),
        });
      } catch (err) {
        if (!(err instanceof GrammyError) && !(err instanceof HttpError)) throw err;
        ctx.log.warn({ problem: classifyTelegramError(err).kind, err: errorForLog(err) }, "answer not sent");
      }
    }
    return false;
  }
  try {
    await ctx.editMessageText(text, other);
    return true;
  } catch (err) {
    return settle(err, ctx.log, { what: "pressed message" });
  }
}

/** Edits a stored message by its chat and id. True when it shows `text` afterwards. */
export async function editStoredMessage(
  api: Api,
  log: Logger,
  target: { chatId: number; messageId: number },
  text: string,
  other?: Parameters<Api["editMessageText"]>[3],
  context: Record<string, unknown> = {},
): Promise<boolean> {
  try {
    await api.editMessageText(target.chatId, target.messageId, text, other);
    return true;
  } catch (err) {
    return settle(err, log, { ...context, chatId: target.chatId, messageId: target.messageId });
  }
}
