// State of a typed answer, carried by the bot's own force_reply prompt: its last line ends with
// "(mã: <code>)" / "(ref: <code>)". The code only says what is being asked; whoever replies is
// re-checked against the database before anything is written.
import { GrammyError } from "grammy";
import type { Message } from "grammy/types";
import type { BotContext } from "../../bot/context.ts";

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

/** Telegram's answer to an edit that changes nothing (a button pressed twice): not an error for us. */
export function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /not modified/i.test(err.description);
}

/** Edits the pressed message, ignoring "message is not modified". */
export async function editPressed(
  ctx: BotContext,
  text: string,
  other?: Parameters<BotContext["editMessageText"]>[1],
): Promise<void> {
  try {
    await ctx.editMessageText(text, other);
  } catch (err) {
    if (!isNotModified(err)) throw err;
  }
}
