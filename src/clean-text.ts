// Text typed by people and shown to others (names from Telegram, full and roster names, reasons,
// opinions, meeting places and titles) passes through cleanText where it enters the database.
// Invisible format characters (Unicode category Cf: zero-width spaces and joiners, the bidi
// controls that reverse the rest of a line, the BOM, soft hyphens, tag characters) let a name look
// exactly like another member's or rearrange the message it is shown in; they carry nothing a
// Vietnamese name or sentence needs. Composed (NFC) form makes "Nguyễn" typed on different
// keyboards the same string, and runs of white space become one space.

const FORMAT_CHARACTERS = /\p{Cf}/gu;

/**
 * NFC, without invisible format characters, white space collapsed and trimmed. With `multiline`
 * (opinions), line breaks are kept, each line cleaned, and blank lines squeezed to one.
 */
export function cleanText(text: string, options: { multiline?: boolean } = {}): string {
  const visible = text.normalize("NFC").replace(FORMAT_CHARACTERS, "");
  if (!options.multiline) return visible.replace(/\s+/gu, " ").trim();
  return visible
    .split(/\r\n|[\n\r\u2028\u2029]/u)
    .map((line) => line.replace(/\s+/gu, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** cleanText for optional values: null stays null, and so does text that cleans to nothing. */
export function cleanOptional(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return cleanText(text) || null;
}

/**
 * How two names are compared for "looks the same": cleaned, without diacritics (đ → d), lower
 * case, punctuation ignored. "Nguyễn Văn  An", "nguyen van an" and "Nguyễn\u200b Văn An" match.
 */
export function nameKey(text: string): string {
  return foldText(cleanText(text));
}

/** Lower case, no diacritics (đ → d), punctuation as spaces: how headers, enum words and names are compared. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
