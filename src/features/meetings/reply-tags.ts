// State of a typed answer, carried by the bot's own force_reply prompt: its last line ends with
// "(mã: <code>)" / "(ref: <code>)". The code only says what is being asked; whoever replies is
// re-checked against the database before anything is written.
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import type { BotContext } from "../../bot/context.ts";
import { editPressedMessage } from "../../bot/pressed-message.ts";

const TAG_RE = /\((?:mã|ref): ([a-z]{1,3}(?:\.[0-9a-z]{1,12}){0,5})\)\s*$/u;

/** The tag of the bot message a user replied to, when it is one of ours. */
export function readReplyTag(msg: Message | undefined, botId: number): string[] | null {
  const target = msg?.reply_to_message;
  if (!target || target.from?.id !== botId) return null;
  const m = TAG_RE.exec(target.text ?? "");
  return m?.[1] ? m[1].split(".") : null;
}

export function forceReply(placeholder?: string) {
  return {
    force_reply: true as const,
    selective: true,
    ...(placeholder ? { input_field_placeholder: placeholder.slice(0, 64) } : {}),
  };
}

/**
 * Edits the pressed message, ignoring "message is not modified"; a forged press on another
 * message leaves that message alone (see bot/pressed-message.ts), sending a keyboard anew.
 */
export async function editPressed(
  ctx: BotContext,
  text: string,
  other?: { reply_markup?: InlineKeyboardMarkup },
): Promise<void> {
  await editPressedMessage(ctx, text, {
    ...other,
    otherwise: other?.reply_markup ? "send" : "leave",
  });
}
