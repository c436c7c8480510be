// Reading `/task <assignees> <title> [hạn|due <date> [<time>]] [| họp #3]` (PRODUCT §4C).
//
// The text is split without looking anything up (splitTaskCommand): an optional meeting reference
// after the last "|", then the due phrase after the last word "hạn" / "han" / "due", then the
// assignees and the title. Assignees come first: either everything before a ":" (a list separated
// by commas, where a full name may be written: "/task Nguyễn Văn An, tổ 1: Dọn vệ sinh"), or the
// leading words that name someone on their own: @username, a number from /members (#3 or 3), a
// text mention, a party group ("tổ 1" — recognised against the cell's groups by the caller) or
// "cả chi bộ". The rest is the title. Nothing is guessed: a title that is empty or longer than 500
// characters is refused, not cut.
import { cleanText } from "../../clean-text.ts";
import { foldVietnamese } from "../../datetime/parse.ts";

export const MAX_TASK_TITLE = 500;

export interface TaskCommandParts {
  /** The assignee part: the words before ":" or the leading reference words (raw, trimmed). */
  assigneeText: string;
  /** True when the assignees were written before a ":" (comma-separated list, names allowed). */
  listed: boolean;
  /** The title as typed (cleaned), possibly empty. */
  title: string;
  /** The text after "hạn"/"due" (null: no due phrase; "" : the word with nothing after it). */
  dueText: string | null;
  /** The meeting reference after "| họp" (null: none). */
  meetingText: string | null;
}

const DUE_WORDS = new Set(["han", "due"]);
const MEETING_WORDS = /^\s*(?:họp|hop|meeting|cuộc họp|cuoc hop)\s*/iu;
const WHOLE_CELL = new Set(["ca chi bo", "all", "everyone", "toan chi bo"]);

/** True for "cả chi bộ" (and its English and unaccented forms). */
export function isWholeCell(text: string): boolean {
  return WHOLE_CELL.has(foldVietnamese(text.trim().toLowerCase()).replace(/\s+/g, " "));
}

/** The first words of `text` read "cả chi bộ": how many words that takes (0: it does not). */
function wholeCellPrefix(words: readonly string[]): number {
  for (const n of [3, 2, 1]) {
    if (words.length >= n && isWholeCell(words.slice(0, n).join(" "))) return n;
  }
  return 0;
}

/** A word that names a member on its own: @username, #3 or 3. */
function isCompactRef(word: string): boolean {
  return /^@[A-Za-z0-9_]{3,32}$/.test(word) || /^#?\d{1,6}$/.test(word);
}

/**
 * Splits the arguments of /task. `groupNames` are the cell's party groups, so that "tổ 1" at the
 * start is taken as an assignee; `mentions` are the texts of the message's text mentions.
 */
export function splitTaskCommand(
  args: string,
  groupNames: readonly string[],
  mentions: readonly string[] = [],
): TaskCommandParts {
  let rest = args;
  let meetingText: string | null = null;
  const bar = rest.lastIndexOf("|");
  if (bar >= 0) {
    const after = rest.slice(bar + 1);
    if (MEETING_WORDS.test(after) || /^\s*#?\d{1,9}\s*$/.test(after)) {
      meetingText = after.replace(MEETING_WORDS, "").trim();
      rest = rest.slice(0, bar);
    }
  }
  let dueText: string | null = null;
  const words = rest.split(/(\s+)/u);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (DUE_WORDS.has(foldVietnamese(w.toLowerCase()).replace(/[:,]$/, ""))) {
      dueText = words
        .slice(i + 1)
        .join("")
        .trim();
      rest = words.slice(0, i).join("");
      break;
    }
  }
  const colon = rest.indexOf(":");
  if (colon >= 0 && !/^\s*\S*https?$/i.test(rest.slice(0, colon))) {
    return {
      assigneeText: rest.slice(0, colon).trim(),
      listed: true,
      title: cleanText(rest.slice(colon + 1)),
      dueText,
      meetingText,
    };
  }
  // Leading references: mentions, @user, numbers, "cả chi bộ", party group names.
  let text = rest.trim();
  const taken: string[] = [];
  for (;;) {
    const mention = mentions.find((m) => m !== "" && text.startsWith(m));
    if (mention) {
      taken.push(mention);
      text = text.slice(mention.length).replace(/^[\s,;]+/u, "");
      continue;
    }
    const parts = text.split(/[\s,;]+/u).filter(Boolean);
    const first = parts[0];
    if (first === undefined) break;
    if (isCompactRef(first)) {
      taken.push(first);
      text = text.slice(text.indexOf(first) + first.length).replace(/^[\s,;]+/u, "");
      continue;
    }
    const whole = wholeCellPrefix(parts);
    if (whole > 0) {
      const phrase = parts.slice(0, whole);
      taken.push(phrase.join(" "));
      text = dropWords(text, whole);
      continue;
    }
    const group = longestGroupPrefix(parts, groupNames);
    if (group > 0) {
      taken.push(parts.slice(0, group).join(" "));
      text = dropWords(text, group);
      continue;
    }
    break;
  }
  return { assigneeText: taken.join(", "), listed: false, title: cleanText(text), dueText, meetingText };
}

function dropWords(text: string, n: number): string {
  const re = new RegExp(`^(?:[^\\s,;]+[\\s,;]*){${n}}`, "u");
  return text.replace(re, "");
}

function fold(word: string): string {
  return foldVietnamese(word.toLowerCase()).replace(/[,;]+$/, "");
}

/** How many of the leading words spell one of the group names (the longest wins). */
function longestGroupPrefix(parts: readonly string[], groupNames: readonly string[]): number {
  let best = 0;
  for (const name of groupNames) {
    const wanted = name.split(/\s+/u).filter(Boolean).map(fold);
    if (wanted.length === 0 || wanted.length > parts.length || wanted.length <= best) continue;
    if (wanted.every((w, i) => fold(parts[i]!) === w)) best = wanted.length;
  }
  return best;
}

/** Splits a listed assignee text ("Nguyễn Văn An, tổ 1, @binh") into its references. */
export function splitAssigneeList(text: string, listed: boolean): string[] {
  return text
    .split(listed ? /[,;]+/u : /,\s*/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** True when the text starts like a party group's name ("tổ …"): to explain an unknown group. */
export function looksLikeGroup(text: string): boolean {
  return /^(to|nhom|group)\s+\S/.test(fold(text.trim()));
}

/** A task's reference as typed: "12" or "#12". */
export function parseTaskRef(text: string): number | undefined {
  const m = /^#?(\d{1,9})$/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}
