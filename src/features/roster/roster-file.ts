// Turns the bytes of an uploaded roster into a table: XLSX through exceljs, anything else as
// delimited text (roster-parse.ts). What the file is comes from its content, not its name; the name
// only tells us that garbage bytes were meant to be a workbook.
import type ExcelJS from "exceljs";
import { readDelimitedTable, type RosterFileError, type TableRow } from "./roster-parse.ts";
import { inflateZip, storedZip, type ZipEntry } from "./zip-guard.ts";

export type RosterFileFormat = "xlsx" | "csv";

export type RosterFileProblem =
  RosterFileError | { code: "xlsx-invalid" } | { code: "xls-old" } | { code: "xlsx-too-large" };

export type RosterFileRead =
  { ok: true; format: RosterFileFormat; rows: TableRow[] } | { ok: false; error: RosterFileProblem };

/** Columns read from each row: a roster has a handful; the header may sit anywhere among them. */
const MAX_COLUMNS = 64;
/** Cells covered by merged ranges, summed: title rows and merged party-group cells, never millions. */
const MAX_MERGED_CELLS = 200_000;
/** Excel's own bounds; a reference beyond them is not a workbook Excel wrote. */
const MAX_SHEET_ROW = 1_048_576;
const MAX_SHEET_COLUMN = 16_384;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function meantAsWorkbook(fileName: string | undefined, mimeType: string | undefined): boolean {
  return /\.xls[xm]?$/i.test(fileName ?? "") || /spreadsheetml|ms-excel/i.test(mimeType ?? "");
}

export async function readRosterFile(
  bytes: Uint8Array,
  meta: { fileName?: string | undefined; mimeType?: string | undefined },
): Promise<RosterFileRead> {
  if (bytes.length === 0) return { ok: false, error: { code: "empty" } };
  if (startsWith(bytes, ZIP_MAGIC)) return readWorkbook(bytes);
  if (startsWith(bytes, OLE_MAGIC)) return { ok: false, error: { code: "xls-old" } };
  if (meantAsWorkbook(meta.fileName, meta.mimeType)) return { ok: false, error: { code: "xlsx-invalid" } };
  const table = readDelimitedTable(bytes);
  return table.ok ? { ok: true, format: "csv", rows: table.rows } : table;
}

/**
 * Workbooks are read one at a time in the whole process: each read may hold up to the inflation
 * cap plus exceljs's model of it, and several secretaries importing at once must not add up.
 */
let workbookQueue: Promise<unknown> = Promise.resolve();

function readWorkbook(bytes: Uint8Array): Promise<RosterFileRead> {
  const run = workbookQueue.then(() => readWorkbookNow(bytes));
  workbookQueue = run.catch(() => undefined);
  return run;
}

async function readWorkbookNow(bytes: Uint8Array): Promise<RosterFileRead> {
  const archive = await inflateZip(bytes);
  if (!archive.ok) {
    return { ok: false, error: { code: archive.problem === "invalid" ? "xlsx-invalid" : "xlsx-too-large" } };
  }
  const entries: ZipEntry[] = [];
  for (const entry of archive.entries) {
    // The same test exceljs applies to decide that an entry is a worksheet.
    if (!/xl\/worksheets\/sheet(\d+)[.]xml/.test(entry.name)) {
      entries.push(entry);
      continue;
    }
    const sheet = tameSheet(entry.data.toString("utf8"));
    if (typeof sheet !== "string") return { ok: false, error: sheet };
    entries.push({ name: entry.name, data: Buffer.from(sheet, "utf8") });
  }
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    // exceljs's types predate Node's generic Buffer; the bytes are only read.
    await workbook.xlsx.load(storedZip(entries) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return { ok: false, error: { code: "xlsx-invalid" } };
  }
  if (workbook.worksheets.length === 0) return { ok: false, error: { code: "xlsx-invalid" } };
  // The first sheet with anything in it: workbooks often start with an empty "Sheet1".
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0) ?? workbook.worksheets[0]!;
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    // findCell never creates a cell: a row whose only cell sits in column XFD costs one lookup
    // per column read, not 16,384 new cells.
    const width = Math.min(row.cellCount, MAX_COLUMNS);
    for (let col = 1; col <= width; col++) {
      const cell = row.findCell(col);
      cells.push(cell ? cellText(cell) : "");
    }
    rows.push({ row: rowNumber, cells });
  });
  return { ok: true, format: "xlsx", rows };
}

/**
 * exceljs is loaded on the first XLSX read, not at start-up: importing it costs most of a second and
 * ~20 MB, for a feature a secretary uses a few times a year.
 */
async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text ?? "";
  } catch {
    return "";
  }
}

/**
 * A worksheet's XML with the parts exceljs expands cell by cell removed or bounded. exceljs turns
 * each data-validation range into one entry per cell (a dropdown on a whole column is a million),
 * makes a Column object for every column a <col> spans, and visits every cell of a merged range;
 * none of it needs many bytes of XML. Validations, column widths, conditional formats and
 * hyperlinks say nothing about the names in the cells, so they are dropped; merges are kept (a
 * party group merged down several rows reads as that group on each row) within a bound.
 */
export function tameSheet(xml: string): string | { code: "xlsx-too-large" | "xlsx-invalid" } {
  const tamed = xml
    .replace(/<(dataValidations|cols|conditionalFormatting|hyperlinks)\b[^>]*?\/>/g, "")
    .replace(/<(dataValidations|cols|conditionalFormatting|hyperlinks)\b[\s\S]*?<\/\1>/g, "");
  let merged = 0;
  for (const m of tamed.matchAll(/<mergeCell\b[^>]*\bref="([^"]*)"/g)) {
    const [from, to] = (m[1] ?? "").split(":");
    const a = parseCellRef(from ?? "");
    const b = to === undefined ? a : parseCellRef(to);
    if (!a || !b) return { code: "xlsx-invalid" };
    merged += (Math.abs(b.row - a.row) + 1) * (Math.abs(b.column - a.column) + 1);
    if (merged > MAX_MERGED_CELLS) return { code: "xlsx-too-large" };
  }
  for (const m of tamed.matchAll(/<c\b[^>]*?\br="([^"]*)"/g)) {
    if (!parseCellRef(m[1] ?? "")) return { code: "xlsx-invalid" };
  }
  for (const m of tamed.matchAll(/<row\b[^>]*?\br="([^"]*)"/g)) {
    const row = Number(m[1]);
    if (!Number.isInteger(row) || row < 1 || row > MAX_SHEET_ROW) return { code: "xlsx-invalid" };
  }
  return tamed;
}

/** "B12" (or "$B$12") as numbers, or null when outside what Excel can address. */
function parseCellRef(ref: string): { row: number; column: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let column = 0;
  for (const letter of m[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (column > MAX_SHEET_COLUMN || row < 1 || row > MAX_SHEET_ROW) return null;
  return { row, column };
}
