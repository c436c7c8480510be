// A button edits only the message it belongs to. callback_data comes from the client, so it can be
// forged, and Telegram lets the bot edit any message it sent: a handler that edits "the pressed
// message" would edit whatever message a forged press was attached to. A member pressing a forged
// `mem:1:1` on the meeting announcement replaced it with the member list and removed its RSVP
// buttons. A genuine press always comes from a button of the message, so before editing, the kit's
// editPressed (edit-pressed.ts, the one way handlers edit the pressed message) checks here that the
// pressed message carries a button of the same family (the data's first `:`-separated word); when
// it does not, the pressed message is left as it is and the answer, if it matters, goes out as a
// new message. The handlers' own checks of who may press still run first, so a forged press is
// refused or answered exactly as it would be on the right message.
import type { MaybeInaccessibleMessage } from "grammy/types";
import type { BotContext } from "../context.ts";

/** "mem" for "mem:1:2", "lang" for "lang:en": which handler a callback is for. */
export function callbackFamily(data: string): string {
  const colon = data.indexOf(":");
  return colon < 0 ? data : data.slice(0, colon);
}

/**
 * Whether the message carries a callback button of the data's family; null when there is nothing
 * to check: a press on an inline-mode message (no message) or on an inaccessible one (deleted,
 * date 0), neither of which an edit can change on screen.
 */
export function pressedMessageCarries(
  message: MaybeInaccessibleMessage | undefined,
  data: string,
): boolean | null {
  if (!message || message.date === 0) return null;
  const family = callbackFamily(data);
  const rows = ("reply_markup" in message ? message.reply_markup?.inline_keyboard : undefined) ?? [];
  return rows.some((row) =>
    row.some((button) => "callback_data" in button && callbackFamily(button.callback_data) === family),
  );
}

/** True when the press may edit the message it came with; logs the forged ones. */
export function mayEditPressedMessage(ctx: BotContext): boolean {
  const query = ctx.callbackQuery;
  if (query?.data === undefined) return false;
  if (pressedMessageCarries(query.message, query.data) !== false) return true;
  ctx.log.warn(
    { from: query.from.id, family: callbackFamily(query.data), messageId: query.message?.message_id },
    "refused: editing a message that does not carry the pressed button",
  );
  return false;
}
