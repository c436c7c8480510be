// Party group names as secretaries type them: validated when a group is created, and recognised at
// the start of /group leader|add|remove commands, where the member references follow the name
// ("/group add Tổ 1 @an #5") or come after a "|" ("/group add Tổ 1 | @an #5").
import { normaliseName } from "../members/member-ref.ts";
import { cleanText } from "../../clean-text.ts";

export const GROUP_NAME_MAX = 64;

export type GroupNameCheck =
  | { ok: true; name: string }
  | { ok: false; problem: "empty" | "too-long" | "bad-chars" | "mixed-scripts"; length: number };

// Letters, combining marks, digits, spaces and everyday punctuation; no emoji, symbols or controls.
const ALLOWED = /^[\p{L}\p{M}\p{N} .,'’"()\-–/&+#:]+$/u;

const SCRIPTS: readonly [string, RegExp][] = [
  ["latin", /\p{Script=Latin}/u],
  ["cyrillic", /\p{Script=Cyrillic}/u],
  ["greek", /\p{Script=Greek}/u],
  ["han", /\p{Script=Han}/u],
  ["arabic", /\p{Script=Arabic}/u],
  ["hebrew", /\p{Script=Hebrew}/u],
  ["thai", /\p{Script=Thai}/u],
  ["khmer", /\p{Script=Khmer}/u],
  ["lao", /\p{Script=Lao}/u],
  ["hangul", /\p{Script=Hangul}/u],
  ["kana", /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
];

/** The writing systems the letters of `text` belong to ("other" for any not listed). */
export function scriptsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    found.add(SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? "other");
  }
  return found;
}

/** Trims, collapses spaces, composes diacritics (NFC) and checks a new group's name. */
export function checkGroupName(raw: string): GroupNameCheck {
  const name = cleanText(raw);
  const length = [...name].length;
  if (length === 0) return { ok: false, problem: "empty", length };
  if (length > GROUP_NAME_MAX) return { ok: false, problem: "too-long", length };
  if (!ALLOWED.test(name)) return { ok: false, problem: "bad-chars", length };
  if (scriptsOf(name).size > 1) return { ok: false, problem: "mixed-scripts", length };
  return { ok: true, name };
}

function nameTokens(text: string): string[] {
  return normaliseName(text)
    .split(/\s+/)
    .map((t) => t.replace(/[,;]+$/, ""))
    .filter(Boolean);
}

/** Two names that read the same (case and diacritics aside): one of them would be a duplicate. */
export function isSameGroupName(a: string, b: string): boolean {
  return nameTokens(a).join(" ") === nameTokens(b).join(" ");
}

export interface GroupSplit<G> {
  group: G;
  /** The text after the group's name: the member references. */
  rest: string;
}

/**
 * Recognises which of `groups` the text starts with (the longest name wins, so "Tổ 10" is not read
 * as "Tổ 1" followed by "0"). With a "|" the name is everything before it. Null when none matches.
 */
export function splitGroupName<G extends { name: string }>(
  text: string,
  groups: readonly G[],
): GroupSplit<G> | null {
  const bar = text.indexOf("|");
  if (bar >= 0) {
    const wanted = text.slice(0, bar);
    const group = groups.find((g) => isSameGroupName(g.name, wanted));
    return group ? { group, rest: text.slice(bar + 1).trim() } : null;
  }
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  const typed = tokens.map((t) => nameTokens(t).join(" "));
  let best: GroupSplit<G> | null = null;
  let bestLength = 0;
  for (const group of groups) {
    const wanted = nameTokens(group.name);
    if (wanted.length === 0 || wanted.length > typed.length || wanted.length <= bestLength) continue;
    if (wanted.every((w, i) => typed[i] === w)) {
      best = { group, rest: tokens.slice(wanted.length).join(" ") };
      bestLength = wanted.length;
    }
  }
  return best;
}

/** The group name the user probably meant, to quote back when none matched: up to a "|", @ or #. */
export function typedGroupName(text: string): string {
  const bar = text.indexOf("|");
  if (bar >= 0) return text.slice(0, bar).trim();
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  const end = tokens.findIndex((t) => t.startsWith("@") || t.startsWith("#"));
  return tokens.slice(0, end < 0 ? tokens.length : end).join(" ");
}

/** Splits a list of member references separated by spaces, commas or semicolons. */
export function splitRefList(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}
