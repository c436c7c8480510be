// Private reachability. Telegram lets a bot write privately only to people who have opened a chat with
// it, so every group post that needs a private follow-up (meeting announcements, task assignments,
// prompts) should carry the "🔔 Nhận nhắc riêng" button made here. It is a deep link to
// https://t.me/<bot>?start=r; opening it sends /start, and the caller middleware then marks the member
// reachable (any /start does; the payload "r" only tells where they came from).
//
// Usage in a feature:
//   const keyboard = new InlineKeyboard().text(...).row().add(privateRemindersButton(ctx));
//   const unreachable = await countUnreachable(ctx.services.repos, cell.id);
// and in a scheduled job, without ctx:
//   privateRemindersButton({ translate, locale, botUsername: bot.botInfo.username })
import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { BotContext } from "../../bot/context.ts";
import type { Repositories } from "../../db/repositories/index.ts";
import type { Translator } from "../../i18n.ts";

/** The /start payload of the button's deep link. */
export const PRIVATE_REMINDERS_PAYLOAD = "r";

export interface ReachTextSource {
  translate: Translator;
  locale: string;
  botUsername: string;
}

export function privateRemindersUrl(botUsername: string): string {
  return `https://t.me/${encodeURIComponent(botUsername)}?start=${PRIVATE_REMINDERS_PAYLOAD}`;
}

/** The deep-link button, labelled in the update's language (ctx) or in the given locale (jobs). */
export function privateRemindersButton(source: BotContext | ReachTextSource): InlineKeyboardButton.UrlButton {
  const { text, username } =
    "botUsername" in source
      ? { text: source.translate(source.locale, "reach-button"), username: source.botUsername }
      : { text: source.t("reach-button"), username: source.me.username };
  return InlineKeyboard.url(text, privateRemindersUrl(username));
}

/** Adds the button on a row of its own at the end of a keyboard; returns the keyboard. */
export function withPrivateRemindersButton(
  keyboard: InlineKeyboard,
  source: BotContext | ReachTextSource,
): InlineKeyboard {
  const rows = keyboard.inline_keyboard;
  if ((rows.at(-1)?.length ?? 0) > 0) keyboard.row();
  return keyboard.add(privateRemindersButton(source));
}

/** Active members of a cell the bot cannot message privately. */
export function countUnreachable(repos: Pick<Repositories, "members">, cellId: number): Promise<number> {
  return repos.members.countUnreachableInCell(cellId);
}
