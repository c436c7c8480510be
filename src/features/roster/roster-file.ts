// Turns the bytes of an uploaded roster into a table: XLSX through exceljs, anything else as
// delimited text (roster-parse.ts). What the file is comes from its content, not its name; the name
// only tells us that garbage bytes were meant to be a workbook.
import ExcelJS from "exceljs";
import { readDelimitedTable, type RosterFileError, type TableRow } from "./roster-parse.ts";

export type RosterFileFormat = "xlsx" | "csv";

export type RosterFileProblem =
  RosterFileError | { code: "xlsx-invalid" } | { code: "xls-old" } | { code: "too-large"; bytes: number };

export type RosterFileRead =
  { ok: true; format: RosterFileFormat; rows: TableRow[] } | { ok: false; error: RosterFileProblem };

/** Inflated size we accept for a workbook: a 1 MB upload must not expand into gigabytes. */
const MAX_XLSX_INFLATED_BYTES = 50_000_000;

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

async function readWorkbook(bytes: Uint8Array): Promise<RosterFileRead> {
  const inflated = declaredZipSize(bytes);
  if (inflated === null) return { ok: false, error: { code: "xlsx-invalid" } };
  if (inflated > MAX_XLSX_INFLATED_BYTES) return { ok: false, error: { code: "too-large", bytes: inflated } };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types predate Node's generic Buffer; the bytes are only read.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return { ok: false, error: { code: "xlsx-invalid" } };
  }
  if (workbook.worksheets.length === 0) return { ok: false, error: { code: "xlsx-invalid" } };
  // The first sheet with anything in it: workbooks often start with an empty "Sheet1".
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0) ?? workbook.worksheets[0]!;
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellText(row.getCell(col)));
    rows.push({ row: rowNumber, cells });
  });
  return { ok: true, format: "xlsx", rows };
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text ?? "";
  } catch {
    return "";
  }
}

/**
 * Sum of the uncompressed sizes the ZIP's central directory declares, or null when the bytes are
 * not a readable ZIP. ZIP64 entries (sizes of 0xFFFFFFFF) count as too large: no roster needs them.
 */
export function declaredZipSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const minEocd = 22;
  if (bytes.length < minEocd) return null;
  let eocd = -1;
  for (let i = bytes.length - minEocd; i >= Math.max(0, bytes.length - minEocd - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return Number.MAX_SAFE_INTEGER;
    total += size;
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  return total;
}
