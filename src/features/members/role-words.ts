// The words secretaries type for a role or a status, in Vietnamese or English, with or without
// diacritics ("bí thư", "bi thu", "Phó Bí Thư", "group_leader"). The word comes last in the
// command (/role @an phó bí thư); typing it first (/role phó bí thư @an) is understood too.
import type { MembershipRole, MembershipStatus } from "../../db/enums.ts";
import { normaliseName } from "./member-ref.ts";

const ROLE_PHRASES: Record<MembershipRole, readonly string[]> = {
  secretary: ["secretary", "cell secretary", "bí thư", "bí thư chi bộ"],
  deputy: ["deputy", "deputy secretary", "phó bí thư", "phó bí thư chi bộ"],
  committee: ["committee", "committee member", "chi ủy", "chi ủy viên", "ủy viên chi ủy", "cấp ủy viên"],
  group_leader: ["group_leader", "group leader", "leader", "tổ trưởng", "tổ trưởng tổ đảng"],
  member: ["member", "party member", "đảng viên"],
};

const STATUS_PHRASES: Record<MembershipStatus, readonly string[]> = {
  official: ["official", "full", "chính thức", "đảng viên chính thức"],
  probationary: ["probationary", "dự bị", "đảng viên dự bị"],
  exempt: ["exempt", "miễn", "miễn sinh hoạt", "được miễn sinh hoạt", "miễn sinh hoạt đảng"],
};

/** A phrase as compared: no diacritics, lower case, `_`/`-` as spaces, trailing punctuation dropped. */
export function normalisePhrase(text: string): string {
  return normaliseName(text)
    .replace(/[_-]+/g, " ")
    .replace(/[.,;:!?]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function lexicon<T extends string>(phrases: Record<T, readonly string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(phrases) as [T, readonly string[]][]) {
    for (const word of words) map.set(normalisePhrase(word), value);
  }
  return map;
}

const ROLE_LEXICON = lexicon(ROLE_PHRASES);
const STATUS_LEXICON = lexicon(STATUS_PHRASES);
const MAX_PHRASE_TOKENS = 5;

export interface WordSplit<T> {
  value: T;
  /** What remains of the text (the member reference), original spelling kept. */
  rest: string;
}

/** Finds a lexicon phrase at the end of `text` (longest first), else at its start. */
export function splitPhrase<T>(text: string, words: ReadonlyMap<string, T>): WordSplit<T> | null {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  const max = Math.min(MAX_PHRASE_TOKENS, tokens.length);
  for (let k = max; k >= 1; k--) {
    const value = words.get(normalisePhrase(tokens.slice(-k).join(" ")));
    if (value !== undefined) return { value, rest: tokens.slice(0, -k).join(" ") };
  }
  for (let k = max; k >= 1; k--) {
    const value = words.get(normalisePhrase(tokens.slice(0, k).join(" ")));
    if (value !== undefined) return { value, rest: tokens.slice(k).join(" ") };
  }
  return null;
}

export function splitRole(text: string): WordSplit<MembershipRole> | null {
  return splitPhrase(text, ROLE_LEXICON);
}

export function splitStatus(text: string): WordSplit<MembershipStatus> | null {
  return splitPhrase(text, STATUS_LEXICON);
}

/**
 * The part of an unparsable command to quote back as "the word I did not understand": what follows
 * a leading @username or number, else the last word. Empty when the text is only a reference.
 */
export function unrecognisedWord(text: string): string {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return "";
  if (/^(@\w+|#?\d{1,6})$/.test(tokens[0]!)) return tokens.slice(1).join(" ");
  return tokens.at(-1)!;
}
