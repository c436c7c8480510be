import type { User } from "grammy/types";

/** How a Telegram user is named when the bot knows nothing better: first and last name, else @username, else the id. */
export function displayNameOf(user: User): string {
  return (
    [user.first_name, user.last_name].filter(Boolean).join(" ").trim() || user.username || String(user.id)
  );
}
