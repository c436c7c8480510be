import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readRosterFile, tameSheet } from "../../src/features/roster/roster-file.ts";
import { inflateZip, storedZip, ZIP_LIMITS } from "../../src/features/roster/zip-guard.ts";
import {
  craftZip,
  deflated,
  deflatedFill,
  SHEET_HEAD,
  SHEET_TAIL,
  sheetRow,
  workbookWithSheet,
} from "../fixtures/roster/zip.ts";

const ROSTER_ROWS = sheetRow(1, ["Họ và tên", "Vai trò"]) + sheetRow(2, ["Trần Văn Bình", "bí thư"]);
const ROSTER_READ = {
  ok: true,
  format: "xlsx",
  rows: [
    { row: 1, cells: ["Họ và tên", "Vai trò"] },
    { row: 2, cells: ["Trần Văn Bình", "bí thư"] },
  ],
};

describe("inflateZip", () => {
  it("inflates the entries of a workbook exceljs wrote, as they are", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Danh sách").addRow(["Họ và tên"]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const read = await inflateZip(bytes);
    if (!read.ok) throw new Error(read.problem);
    const sheet = read.entries.find((e) => e.name === "xl/worksheets/sheet1.xml");
    expect(sheet?.data.toString("utf8")).toContain("<sheetData>");
    // The re-packed copy is a workbook exceljs reads the same.
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(storedZip(read.entries) as unknown as Parameters<typeof again.xlsx.load>[0]);
    expect(again.worksheets[0]?.getCell("A1").text).toBe("Họ và tên");
  });

  it("counts the bytes actually inflated, not the declared size, and stops at the cap", async () => {
    const stream = await deflatedFill("", 0x41, 50_000_000, "");
    const zip = craftZip([{ name: "xl/worksheets/sheet1.xml", stored: stream, declaredSize: 1_000 }]);
    expect(await inflateZip(zip)).toEqual({ ok: false, problem: "too-large" });
    // Stopping at 10 MB takes a fraction of inflating 50 MB.
  });

  it("adds up the entries: many small entries cannot pass the cap together", async () => {
    const part = "x".repeat(400_000);
    const entries = Array.from({ length: 30 }, (_, i) => deflated(`xl/part${i}.xml`, part));
    expect(await inflateZip(craftZip(entries))).toEqual({ ok: false, problem: "too-large" });
  });

  it("caps stored (uncompressed) entries too", async () => {
    const read = await inflateZip(craftZip([{ name: "a.xml", stored: Buffer.alloc(2_000), method: 0 }]), {
      ...ZIP_LIMITS,
      maxInflatedBytes: 1_000,
    });
    expect(read).toEqual({ ok: false, problem: "too-large" });
  });

  it("refuses more entries than a workbook has before inflating any", async () => {
    const entries = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) =>
      deflated(`p${i}.xml`, "<a/>"),
    );
    expect(await inflateZip(craftZip(entries))).toEqual({ ok: false, problem: "too-many-entries" });
  });

  const invalid: [string, Buffer][] = [
    [
      "a truncated DEFLATE stream",
      craftZip([{ name: "a.xml", stored: deflated("a.xml", "x".repeat(5_000)).stored.subarray(0, 10) }]),
    ],
    ["an unknown compression method", craftZip([{ name: "a.xml", stored: Buffer.from("BZh9"), method: 12 }])],
    ["no end record", Buffer.from("PK\u0003\u0004 not a zip at all, just text")],
  ];
  it.each(invalid)("says %s is not a valid archive", async (_label, bytes) => {
    expect(await inflateZip(bytes)).toEqual({ ok: false, problem: "invalid" });
  });
});

describe("reading a hostile workbook", () => {
  it("reads a hand-made workbook", async () => {
    expect(await readRosterFile(workbookWithSheet(SHEET_HEAD + ROSTER_ROWS + SHEET_TAIL), {})).toEqual(
      ROSTER_READ,
    );
  });

  it("refuses a merge over millions of cells quickly (exceljs would visit each one)", async () => {
    const sheet = `${SHEET_HEAD}${ROSTER_ROWS}</sheetData><mergeCells count="1"><mergeCell ref="C1:ZZ20000"/></mergeCells></worksheet>`;
    const read = await readRosterFile(workbookWithSheet(sheet), {});
    expect(read).toEqual({ ok: false, error: { code: "xlsx-too-large" } });
  });

  it("keeps small merges: a party group merged down two rows reads on both", async () => {
    const rows =
      sheetRow(1, ["Họ và tên", "Tổ đảng"]) +
      sheetRow(2, ["An", "Tổ 1"]) +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>Bình</t></is></c></row>';
    const sheet = `${SHEET_HEAD}${rows}</sheetData><mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells></worksheet>`;
    const read = await readRosterFile(workbookWithSheet(sheet), {});
    expect(read.ok && read.rows.map((r) => r.cells)).toEqual([
      ["Họ và tên", "Tổ đảng"],
      ["An", "Tổ 1"],
      ["Bình", "Tổ 1"],
    ]);
  });

  it("reads a template with a dropdown on whole columns without expanding it cell by cell", async () => {
    const sheet = `${SHEET_HEAD}${ROSTER_ROWS}</sheetData><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="B2:B1048576 C2:Z1048576"><formula1>"bí thư,đảng viên"</formula1></dataValidation></dataValidations></worksheet>`;
    expect(await readRosterFile(workbookWithSheet(sheet), {})).toEqual(ROSTER_READ);
  });

  it("ignores column definitions spanning far beyond Excel's last column", async () => {
    const sheet = `${SHEET_HEAD.replace("<sheetData>", '<cols><col min="1" max="100000000" width="12"/></cols><sheetData>')}${ROSTER_ROWS}${SHEET_TAIL}`;
    expect(await readRosterFile(workbookWithSheet(sheet), {})).toEqual(ROSTER_READ);
  });

  it("reads rows whose last cell sits in column XFD without creating every cell before it", async () => {
    let rows = sheetRow(1, ["Họ và tên"]);
    for (let n = 2; n <= 2_001; n++)
      rows += `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>Người ${n}</t></is></c><c r="XFD${n}"><v>1</v></c></row>`;
    const read = await readRosterFile(workbookWithSheet(SHEET_HEAD + rows + SHEET_TAIL), {});
    expect(read.ok && read.rows.length).toBe(2_001);
    expect(read.ok && read.rows[1]?.cells.length).toBe(64);
  });

  it.each([
    ["a column beyond XFD", '<row r="1"><c r="XFE1"><v>1</v></c></row>'],
    ["a four-letter column", '<row r="1"><c r="AAAA1"><v>1</v></c></row>'],
    ["a row beyond 1,048,576", '<row r="2000000"><c r="A2000000"><v>1</v></c></row>'],
  ])("refuses %s as not a workbook Excel wrote", (_label, rows) => {
    expect(tameSheet(SHEET_HEAD + rows + SHEET_TAIL)).toEqual({ code: "xlsx-invalid" });
  });
});
