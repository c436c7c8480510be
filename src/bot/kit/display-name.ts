import type { User } from "grammy/types";
import { cleanText } from "../../clean-text.ts";

/**
 * How a Telegram user is named when the bot knows nothing better: first and last name, else
 * @username, else the id. The name is cleaned of invisible characters (see clean-text.ts), since
 * it is stored and shown to others.
 */
export function displayNameOf(user: User): string {
  return (
    cleanText([user.first_name, user.last_name].filter(Boolean).join(" ")) || user.username || String(user.id)
  );
}
