// The status word at the end of `/attendance #12 <member> <status>`, in English or Vietnamese, with or
// without diacritics: a secretary writes "có mặt", "vắng có lý do", "vắng không lý do", "thay mặt" or
// "điểm danh hộ" as readily as "present", "excused", "unexcused" or "proxy".
import { foldVietnamese } from "../../datetime/parse.ts";

export type EditStatusWord = "present" | "proxy" | "excused" | "unexcused";

/** Folded (no diacritics, lower case) phrases of each status; longer phrases are tried first. */
const PHRASES: [string, EditStatusWord][] = (
  [
    ["present", "present"],
    ["co mat", "present"],
    ["proxy", "proxy"],
    ["thay mat", "proxy"],
    ["diem danh ho", "proxy"],
    ["excused", "excused"],
    ["vang co ly do", "excused"],
    ["co ly do", "excused"],
    ["unexcused", "unexcused"],
    ["vang khong ly do", "unexcused"],
    ["khong ly do", "unexcused"],
  ] as [string, EditStatusWord][]
).sort((a, b) => b[0].length - a[0].length);

/** Splits "<member> <status>" into the member's text and the status; null when no status ends it. */
export function readStatusAtEnd(text: string): { member: string; status: EditStatusWord } | null {
  const trimmed = text.normalize("NFC").trimEnd();
  const folded = foldVietnamese(trimmed).toLowerCase().replace(/\s/gu, " ");
  for (const [phrase, status] of PHRASES) {
    const pattern = phrase.replace(/ /g, " +");
    const m = new RegExp(`(?:^|\\s)(${pattern})$`, "u").exec(folded);
    if (!m) continue;
    const start = folded.length - m[1]!.length;
    return { member: trimmed.slice(0, start).trim(), status };
  }
  return null;
}
