// Reading a roster (danh sách đảng viên) from a CSV file and checking it row by row. Pure: no
// grammY, no Prisma, no exceljs — the XLSX reader (roster-file.ts) produces the same table shape.
//
// Encodings seen in Vietnamese offices: UTF-8 (with or without BOM, from Google Sheets and recent
// Excel), UTF-16 with BOM (Excel's "Unicode text") and Windows-1258 (older Excel "CSV" on Vietnamese
// Windows). Windows-1258 writes tone marks as combining characters, so everything is normalised to
// NFC before it is compared or stored.
import {
  membershipRoles,
  membershipStatuses,
  type MembershipRole,
  type MembershipStatus,
} from "../../db/enums.ts";
import { cleanText, foldText } from "../../clean-text.ts";

export const ROSTER_LIMITS = {
  /** Bytes of the uploaded file. A roster of 2,000 members is well under this. */
  maxBytes: 1_000_000,
  /** Data rows (not counting the header and blank rows). */
  maxRows: 2_000,
  maxNameLength: 100,
  maxGroupNameLength: 64,
  /** How many rows from the top may precede the header (titles such as "DANH SÁCH ĐẢNG VIÊN"). */
  headerSearchRows: 10,
} as const;

// ---------------------------------------------------------------------------------------------
// Decoding

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

/** BOM → that encoding; valid UTF-8 → UTF-8; BOM-less UTF-16 (NULs in every other byte); else Windows-1258. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return decoded(bytes.subarray(3), "utf-8", true);
  if (b0 === 0xff && b1 === 0xfe) return decoded(bytes.subarray(2), "utf-16le", true);
  if (b0 === 0xfe && b1 === 0xff) return decoded(bytes.subarray(2), "utf-16be", true);
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    if (!looksLikeUtf16(bytes)) return { text: text.normalize("NFC"), encoding: "utf-8", bom: false };
  } catch {
    // Not UTF-8: fall through.
  }
  if (looksLikeUtf16(bytes)) {
    return decoded(bytes, bytes[0] === 0 ? "utf-16be" : "utf-16le", false);
  }
  return decoded(bytes, "windows-1258", false);
}

function decoded(bytes: Uint8Array, encoding: TextEncodingName, bom: boolean): DecodedText {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  return { text: text.normalize("NFC"), encoding, bom };
}

/** ASCII text in UTF-16 has a NUL in every other byte; real CSV text never contains NULs. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  const sample = Math.min(bytes.length, 4096);
  for (let i = 0; i < sample; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) evenNuls++;
    else oddNuls++;
  }
  const pairs = sample / 2;
  return Math.max(evenNuls, oddNuls) > pairs * 0.3 && Math.min(evenNuls, oddNuls) < pairs * 0.05;
}

/** Text that is mostly control characters is not a table (an image or a PDF renamed .csv). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.length === 0) return false;
  let controls = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0)!;
    if ((code < 0x20 && ch !== "\t" && ch !== "\n" && ch !== "\r") || (code >= 0x7f && code < 0xa0))
      controls++;
  }
  return controls > 0 && controls >= sample.length * 0.02;
}

// ---------------------------------------------------------------------------------------------
// Delimited text

export type Delimiter = "," | ";" | "\t";
export const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

/** One row of a table; `row` is its 1-based number as a spreadsheet would show it. */
export interface TableRow {
  row: number;
  cells: string[];
}

export type DelimitedResult =
  { ok: true; rows: TableRow[] } | { ok: false; error: "unclosed-quote"; row: number };

/**
 * RFC 4180 with the usual leniencies: a quote is special only at the start of a field, `""` inside
 * a quoted field is a quote, quoted fields may hold delimiters and line breaks; CRLF, LF and CR
 * all end a record. Rows are numbered by record, which is what a spreadsheet shows.
 */
export function parseDelimited(text: string, delimiter: Delimiter): DelimitedResult {
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let inQuotes = false;
  let recordStart = 1;
  let rowNumber = 1;
  let i = 0;
  const endField = () => {
    cells.push(field);
    field = "";
    quoted = false;
  };
  const endRecord = () => {
    endField();
    rows.push({ row: rowNumber, cells });
    cells = [];
    rowNumber++;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === "" && !quoted) {
      // Leading spaces before an opening quote are dropped, as Excel does.
      field = "";
      inQuotes = true;
      quoted = true;
      recordStart = rowNumber;
      i++;
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    field += ch;
    i++;
  }
  if (inQuotes) return { ok: false, error: "unclosed-quote", row: recordStart };
  if (field !== "" || cells.length > 0) endRecord();
  return { ok: true, rows };
}

/** Delimiters in the order worth trying: most frequent (outside quotes) in the first lines first. */
export function rankDelimiters(text: string): Delimiter[] {
  const head = text.slice(0, 8192);
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let lines = 0;
  for (const ch of head) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === "\n" && ++lines >= ROSTER_LIMITS.headerSearchRows + 1) break;
    else if (!inQuotes && counts.has(ch as Delimiter))
      counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  return [...DELIMITERS].sort((a, b) => counts.get(b)! - counts.get(a)!);
}

// ---------------------------------------------------------------------------------------------
// Headers

export type RosterField = "fullName" | "role" | "partyGroup" | "status";

export interface HeaderMap {
  /** Row number of the header. */
  row: number;
  columns: { fullName: number } & Partial<Record<Exclude<RosterField, "fullName">, number>>;
}

export { foldText };

/** Header words: equal to an alias, or starting with one followed by more words ("Họ và tên đảng viên"). */
const HEADER_ALIASES: Record<RosterField, { exact: string[]; prefix: string[] }> = {
  fullName: {
    exact: ["name", "ten dang vien", "dang vien"],
    prefix: ["ho va ten", "ho ten", "ho va ho ten", "full name", "fullname", "ho ten day du"],
  },
  role: {
    exact: ["role"],
    prefix: ["vai tro", "chuc vu", "chuc danh", "role in", "position"],
  },
  partyGroup: {
    exact: ["to", "group", "nhom"],
    prefix: ["to dang", "party group", "to sinh hoat", "thuoc to", "sinh hoat to"],
  },
  status: {
    exact: ["status", "loai"],
    prefix: ["tinh trang", "trang thai", "member status", "loai dang vien", "phan loai"],
  },
};

export function headerField(cell: string): RosterField | null {
  const folded = foldText(cell);
  if (folded === "") return null;
  for (const field of Object.keys(HEADER_ALIASES) as RosterField[]) {
    const { exact, prefix } = HEADER_ALIASES[field];
    if (exact.includes(folded)) return field;
    if (prefix.some((p) => folded === p || folded.startsWith(`${p} `))) return field;
  }
  return null;
}

function mapHeaderRow(row: TableRow): HeaderMap | null {
  const columns: Partial<Record<RosterField, number>> = {};
  row.cells.forEach((cell, index) => {
    const field = headerField(cell);
    if (field && columns[field] === undefined) columns[field] = index;
  });
  if (columns.fullName === undefined) return null;
  return { row: row.row, columns: { ...columns, fullName: columns.fullName } };
}

function isBlankRow(row: TableRow): boolean {
  return row.cells.every((c) => cleanCell(c) === "");
}

/** The header: the first of the top non-blank rows that names a full-name column. */
export function findHeader(rows: readonly TableRow[]): HeaderMap | null {
  let seen = 0;
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    const header = mapHeaderRow(row);
    if (header) return header;
    if (++seen >= ROSTER_LIMITS.headerSearchRows) break;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Values

/** Trimmed, NFC, invisible characters dropped, runs of white space (incl. line breaks) as one space. */
export function cleanCell(value: string): string {
  return cleanText(value);
}

function foldWord(value: string): string {
  return foldText(value.replace(/[_-]/g, " "));
}

const ROLE_WORDS: Record<string, MembershipRole> = {
  "bi thu": "secretary",
  "bi thu chi bo": "secretary",
  "pho bi thu": "deputy",
  "pho bi thu chi bo": "deputy",
  "deputy secretary": "deputy",
  "chi uy": "committee",
  "chi uy vien": "committee",
  "uy vien chi uy": "committee",
  "uy vien": "committee",
  "committee member": "committee",
  "to truong": "group_leader",
  "to truong to dang": "group_leader",
  "to truong dang": "group_leader",
  "party group leader": "group_leader",
  "dang vien": "member",
  "thanh vien": "member",
};
for (const role of membershipRoles) ROLE_WORDS[foldWord(role)] = role;

const STATUS_WORDS: Record<string, MembershipStatus> = {
  "chinh thuc": "official",
  "dang vien chinh thuc": "official",
  "du bi": "probationary",
  "dang vien du bi": "probationary",
  "mien sinh hoat": "exempt",
  "mien sinh hoat dang": "exempt",
  "mien cong tac va sinh hoat": "exempt",
  "mien cong tac va sinh hoat dang": "exempt",
  mien: "exempt",
};
for (const status of membershipStatuses) STATUS_WORDS[foldWord(status)] = status;

/** A role in Vietnamese or English (or the enum value); empty → member; unknown → null. */
export function parseRole(value: string): MembershipRole | null {
  const folded = foldWord(value);
  if (folded === "") return "member";
  return ROLE_WORDS[folded] ?? null;
}

/** A status in Vietnamese or English (or the enum value); empty → official; unknown → null. */
export function parseStatus(value: string): MembershipStatus | null {
  const folded = foldWord(value);
  if (folded === "") return "official";
  return STATUS_WORDS[folded] ?? null;
}

/** How two names are told apart: case and Unicode form do not count, diacritics do (An ≠ Ân). */
export function nameKey(name: string): string {
  return cleanCell(name).toLocaleLowerCase("vi");
}

/** Party groups are labels: "Tổ 1", "tổ 1" and "To 1" are one group. */
export function groupKey(name: string): string {
  return foldText(name);
}

const SCRIPTS: readonly [string, RegExp][] = [
  ["latin", /\p{Script=Latin}/u],
  ["cyrillic", /\p{Script=Cyrillic}/u],
  ["greek", /\p{Script=Greek}/u],
  ["cjk", /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ["hangul", /\p{Script=Hangul}/u],
  ["arabic", /\p{Script=Arabic}/u],
  ["hebrew", /\p{Script=Hebrew}/u],
  ["thai", /\p{Script=Thai}/u],
  ["lao", /\p{Script=Lao}/u],
  ["khmer", /\p{Script=Khmer}/u],
];

/** More than one writing system among the letters, e.g. a Cyrillic "А" inside a Vietnamese name. */
export function hasMixedScripts(text: string): boolean {
  const seen = new Set<string>();
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    seen.add(SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? "other");
    if (seen.size > 1) return true;
  }
  return false;
}

const NAME_CHARS = /^[\p{L}\p{M}\p{N} .'’()-]+$/u;
const GROUP_CHARS = /^[\p{L}\p{M}\p{N} .,'’()/#&+-]+$/u;
/** Variation selectors, keycaps and joiners are \p{M} or invisible, but only ever part of emoji. */
const EMOJI_PARTS = /[\u{fe00}-\u{fe0f}\u{20e3}\u{200d}]/u;

export type NameProblem =
  "name-empty" | "name-too-long" | "name-no-letters" | "name-bad-characters" | "name-mixed-scripts";

export function checkName(name: string): NameProblem | null {
  if (name === "") return "name-empty";
  if ([...name].length > ROSTER_LIMITS.maxNameLength) return "name-too-long";
  if (!/\p{L}/u.test(name)) return "name-no-letters";
  if (!NAME_CHARS.test(name) || EMOJI_PARTS.test(name)) return "name-bad-characters";
  if (hasMixedScripts(name)) return "name-mixed-scripts";
  return null;
}

export function isValidGroupName(name: string): boolean {
  return (
    [...name].length <= ROSTER_LIMITS.maxGroupNameLength &&
    /[\p{L}\p{N}]/u.test(name) &&
    GROUP_CHARS.test(name) &&
    !EMOJI_PARTS.test(name) &&
    !hasMixedScripts(name)
  );
}

// ---------------------------------------------------------------------------------------------
// Rows

export type RefusalReason =
  | { code: NameProblem }
  | { code: "role-unknown"; given: string }
  | { code: "status-unknown"; given: string }
  | { code: "group-invalid"; given: string }
  | { code: "duplicate-in-file"; firstRow: number }
  | { code: "already-member" };

export interface RefusedRow {
  row: number;
  /** The name as written (cleaned), possibly empty. */
  name: string;
  reason: RefusalReason;
}

export interface AcceptedRow {
  row: number;
  fullName: string;
  role: MembershipRole;
  status: MembershipStatus;
  /** The party group's name: an existing group's own spelling, or the first spelling in the file. */
  partyGroup: string | null;
}

export type RosterFileError =
  | { code: "empty" }
  | { code: "no-rows" }
  | { code: "missing-name-column"; found: string[] }
  | { code: "too-many-rows"; rows: number }
  | { code: "unclosed-quote"; row: number }
  | { code: "not-a-table" };

export type RosterCheck =
  | { ok: true; accepted: AcceptedRow[]; refused: RefusedRow[]; newGroups: string[] }
  | { ok: false; error: RosterFileError };

export interface RosterContext {
  /** Full and display names of the cell's active members. */
  memberNames: readonly string[];
  /** Names of the cell's party groups. */
  partyGroups: readonly string[];
}

/**
 * Checks every row of a table against the cell. A file-level problem refuses the whole file;
 * otherwise each row is accepted or refused with its reason (first problem found).
 */
export function checkRoster(rows: readonly TableRow[], context: RosterContext): RosterCheck {
  const nonBlank = rows.filter((r) => !isBlankRow(r));
  if (nonBlank.length === 0) return { ok: false, error: { code: "empty" } };
  const header = findHeader(nonBlank);
  if (!header) {
    const found = nonBlank[0]!.cells
      .map(cleanCell)
      .filter((c) => c !== "")
      .slice(0, 6)
      .map((c) => truncate(c, 30));
    return { ok: false, error: { code: "missing-name-column", found } };
  }
  const data = nonBlank.filter((r) => r.row > header.row);
  if (data.length === 0) return { ok: false, error: { code: "no-rows" } };
  if (data.length > ROSTER_LIMITS.maxRows)
    return { ok: false, error: { code: "too-many-rows", rows: data.length } };

  const existingNames = new Set(context.memberNames.map(nameKey));
  const groupsByKey = new Map<string, string>(context.partyGroups.map((g) => [groupKey(g), g]));
  const newGroups: string[] = [];
  const firstRowOfName = new Map<string, number>();
  const accepted: AcceptedRow[] = [];
  const refused: RefusedRow[] = [];
  const { columns } = header;
  const cellAt = (r: TableRow, index: number | undefined) =>
    index === undefined ? "" : cleanCell(r.cells[index] ?? "");

  for (const r of data) {
    const name = cellAt(r, columns.fullName);
    const refuse = (reason: RefusalReason) => refused.push({ row: r.row, name, reason });
    const nameProblem = checkName(name);
    if (nameProblem) {
      refuse({ code: nameProblem });
      continue;
    }
    const key = nameKey(name);
    const firstRow = firstRowOfName.get(key);
    if (firstRow !== undefined) {
      refuse({ code: "duplicate-in-file", firstRow });
      continue;
    }
    firstRowOfName.set(key, r.row);
    if (existingNames.has(key)) {
      refuse({ code: "already-member" });
      continue;
    }
    const roleText = cellAt(r, columns.role);
    const role = parseRole(roleText);
    if (!role) {
      refuse({ code: "role-unknown", given: truncate(roleText, 40) });
      continue;
    }
    const statusText = cellAt(r, columns.status);
    const status = parseStatus(statusText);
    if (!status) {
      refuse({ code: "status-unknown", given: truncate(statusText, 40) });
      continue;
    }
    const groupText = cellAt(r, columns.partyGroup);
    let partyGroup: string | null = null;
    if (groupText !== "") {
      if (!isValidGroupName(groupText)) {
        refuse({ code: "group-invalid", given: truncate(groupText, 40) });
        continue;
      }
      const gKey = groupKey(groupText);
      partyGroup = groupsByKey.get(gKey) ?? null;
      if (partyGroup === null) {
        partyGroup = groupText;
        groupsByKey.set(gKey, groupText);
        newGroups.push(groupText);
      }
    }
    accepted.push({ row: r.row, fullName: name, role, status, partyGroup });
  }
  // A new group whose every row was refused is not created.
  const used = new Set(accepted.map((a) => a.partyGroup));
  return { ok: true, accepted, refused, newGroups: newGroups.filter((g) => used.has(g)) };
}

/**
 * Reads a CSV (or semicolon- or tab-separated) file: decodes it, then tries the delimiters in order
 * of frequency and keeps the first that yields a header with a full-name column.
 */
export function readDelimitedTable(
  bytes: Uint8Array,
):
  | { ok: true; rows: TableRow[]; encoding: TextEncodingName; delimiter: Delimiter }
  | { ok: false; error: RosterFileError } {
  if (bytes.length === 0) return { ok: false, error: { code: "empty" } };
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) return { ok: false, error: { code: "not-a-table" } };
  const ranked = rankDelimiters(text);
  const attempts = ranked.map((delimiter) => ({ delimiter, parsed: parseDelimited(text, delimiter) }));
  for (const { delimiter, parsed } of attempts) {
    if (parsed.ok && findHeader(parsed.rows.filter((r) => !isBlankRow(r)))) {
      return { ok: true, rows: parsed.rows, encoding, delimiter };
    }
  }
  // No delimiter gives a usable header: report what the likeliest one shows.
  const best = attempts[0]!;
  if (!best.parsed.ok) return { ok: false, error: { code: "unclosed-quote", row: best.parsed.row } };
  return { ok: true, rows: best.parsed.rows, encoding, delimiter: best.delimiter };
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
