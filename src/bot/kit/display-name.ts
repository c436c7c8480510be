// Telegram's names of a person, as the bot records them. Which name is shown and how a member is
// addressed is decided in src/person-name.ts (re-exported here for the handlers).
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

/** The person as the members repository records them from a Telegram user. */
export function telegramPersonOf(user: User): {
  telegramId: number;
  username: string | undefined;
  displayName: string;
  firstName: string;
} {
  return {
    telegramId: user.id,
    username: user.username,
    displayName: displayNameOf(user),
    firstName: user.first_name,
  };
}

export { givenName, personName, type PersonNames } from "../../person-name.ts";
