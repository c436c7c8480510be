// Shortening text that came from people (names, typed values) before it is quoted back or put where
// Telegram limits the length (a callback answer shows 200 characters, a message 4096).

/** At most `max` characters (code points, so Vietnamese letters and emoji are never cut in half), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/** Telegram shows at most 200 characters in the answer to a button press. */
export const CALLBACK_ANSWER_MAX = 200;
