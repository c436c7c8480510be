// The deep link behind the "💬 Gửi ý kiến trước cuộc họp" button. Kept apart from opinions.ts so
// the announcement can carry the button without importing the opinions feature (which imports it).
import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { BotContext } from "../../bot/context.ts";
import type { Translator } from "../../i18n.ts";

/** The /start payload prefix of the deep link: `o_<meetingId>`. */
export const OPINION_PAYLOAD_PREFIX = "o_";

export interface OpinionButtonSource {
  translate: Translator;
  locale: string;
  botUsername: string;
}

export function opinionUrl(botUsername: string, meetingId: number): string {
  return `https://t.me/${encodeURIComponent(botUsername)}?start=${OPINION_PAYLOAD_PREFIX}${meetingId}`;
}

/**
 * The "💬 Gửi ý kiến trước cuộc họp" button of a meeting announcement: a deep link into the private
 * chat. Labelled in the update's language (ctx) or in the given locale (scheduled jobs).
 */
export function opinionButton(
  source: BotContext | OpinionButtonSource,
  meetingId: number,
): InlineKeyboardButton.UrlButton {
  const { text, username } =
    "botUsername" in source
      ? { text: source.translate(source.locale, "opinions-button"), username: source.botUsername }
      : { text: source.t("opinions-button"), username: source.me.username };
  return InlineKeyboard.url(text, opinionUrl(username, meetingId));
}
