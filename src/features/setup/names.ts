// Pure parsing for the setup commands: cell names, cell kinds, chat references.
import type { CellKind } from "../../db/enums.ts";
import { normaliseName } from "../members/member-ref.ts";
import { cleanText } from "../../clean-text.ts";

export const MAX_NAME_LENGTH = 100;

export type NameCheck =
  { ok: true; name: string } | { ok: false; reason: "empty" | "too-long" | "no-letters" };

/** Trims, collapses whitespace, NFC-normalises; a name must contain a letter and fit 100 characters. */
export function checkName(raw: string): NameCheck {
  const name = cleanText(raw);
  if (name === "") return { ok: false, reason: "empty" };
  if ([...name].length > MAX_NAME_LENGTH) return { ok: false, reason: "too-long" };
  if (!/\p{L}/u.test(name)) return { ok: false, reason: "no-letters" };
  return { ok: true, name };
}

const KIND_WORDS: Record<string, CellKind> = {
  "khu pho": "neighbourhood",
  "to dan pho": "neighbourhood",
  "dan cu": "neighbourhood",
  neighbourhood: "neighbourhood",
  neighborhood: "neighbourhood",
  "truong hoc": "school",
  truong: "school",
  school: "school",
  "doanh nghiep": "enterprise",
  "cong ty": "enterprise",
  enterprise: "enterprise",
  "co quan": "agency",
  agency: "agency",
  "mat tran": "front",
  "doan the": "front",
  "mat tran, doan the": "front",
  front: "front",
  khac: "other",
  other: "other",
};

/** Reads a cell kind in Vietnamese or English; undefined when the word is unknown. */
export function parseCellKind(raw: string): CellKind | undefined {
  return KIND_WORDS[normaliseName(raw).replace(/\s+/g, " ")];
}

/** `/register_cell <name> [| <kind>]` */
export function parseRegisterCell(args: string): { name: string; kind: string | undefined } {
  const bar = args.indexOf("|");
  if (bar < 0) return { name: args, kind: undefined };
  return { name: args.slice(0, bar), kind: args.slice(bar + 1).trim() };
}

/** A chat given as a numeric id (-100…) or an @username. */
export function parseChatRef(raw: string): number | string | undefined {
  const text = raw.trim();
  if (/^-?\d{1,16}$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
  if (/^@[A-Za-z][A-Za-z0-9_]{3,31}$/.test(text)) return text;
  return undefined;
}
