import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readRosterFile } from "../../src/features/roster/roster-file.ts";
import {
  checkName,
  checkRoster,
  decodeText,
  findHeader,
  headerField,
  isValidGroupName,
  parseDelimited,
  parseRole,
  parseStatus,
  readDelimitedTable,
  ROSTER_LIMITS,
  type RosterContext,
  type TableRow,
} from "../../src/features/roster/roster-parse.ts";
import { chunkLines, reportLines, type Translate } from "../../src/features/roster/roster-report.ts";
import { encodeCp1258 } from "../fixtures/roster/cp1258.ts";

const noOne: RosterContext = { memberNames: [], partyGroups: [] };

function table(text: string): TableRow[] {
  const parsed = readDelimitedTable(Buffer.from(text, "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.rows;
}

describe("decodeText", () => {
  const name = "Đặng Thị Ánh Tuyết Ngọc";
  const cases: [string, Uint8Array, string, boolean][] = [
    ["UTF-8", Buffer.from(name, "utf8"), "utf-8", false],
    [
      "UTF-8 with BOM",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(name, "utf8")]),
      "utf-8",
      true,
    ],
    [
      "UTF-16LE with BOM",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(name, "utf16le")]),
      "utf-16le",
      true,
    ],
    [
      "UTF-16BE with BOM",
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(name, "utf16le").swap16()]),
      "utf-16be",
      true,
    ],
    ["UTF-16LE without BOM", Buffer.from(`Họ và tên\r\n${name}`, "utf16le"), "utf-16le", false],
    ["Windows-1258", encodeCp1258(name), "windows-1258", false],
  ];
  it.each(cases)("%s", (_label, bytes, encoding, bom) => {
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.bom).toBe(bom);
    expect(decoded.text.replace(/^Họ và tên\r\n/, "")).toBe(name);
    expect(decoded.text).toBe(decoded.text.normalize("NFC"));
  });

  it("reads literal Windows-1258 bytes with combining tone marks as NFC text", () => {
    // "Nguyễn Văn Đức": ê = 0xEA, combining tilde = 0xDE, ă = 0xE3, Đ = 0xD0, combining acute = 0xEC.
    const bytes = Uint8Array.of(
      0x4e,
      0x67,
      0x75,
      0x79,
      0xea,
      0xde,
      0x6e,
      0x20,
      0x56,
      0xe3,
      0x6e,
      0x20,
      0xd0,
      0xfd,
      0xec,
      0x63,
    );
    expect(decodeText(bytes)).toEqual({ text: "Nguyễn Văn Đức", encoding: "windows-1258", bom: false });
    expect(encodeCp1258("Nguyễn Văn Đức")).toEqual(Buffer.from(bytes));
  });

  it("normalises decomposed UTF-8 (as macOS writes it) to NFC", () => {
    expect(decodeText(Buffer.from("Lê Thị Hồng".normalize("NFD"), "utf8")).text).toBe("Lê Thị Hồng");
  });
});

describe("parseDelimited", () => {
  const cases: [string, string, ",", string[][]][] = [
    [
      "plain",
      "a,b,c\n1,2,3",
      ",",
      [
        ["a", "b", "c"],
        ["1", "2", "3"],
      ],
    ],
    [
      "CRLF and trailing newline",
      "a,b\r\n1,2\r\n",
      ",",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "lone CR",
      "a,b\r1,2",
      ",",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    ["quoted comma", '"Nguyễn, Văn An",x', ",", [["Nguyễn, Văn An", "x"]]],
    ["quoted quote", '"Lê ""Tư"" Hải",x', ",", [['Lê "Tư" Hải', "x"]]],
    [
      "quoted newline",
      '"Trần\nBình",x\ny,z',
      ",",
      [
        ["Trần\nBình", "x"],
        ["y", "z"],
      ],
    ],
    ["empty fields", ",,\n", ",", [["", "", ""]]],
    ["space before quote", 'a, "b,c"', ",", [["a", "b,c"]]],
    ["quote inside a field is literal", 'O"Brien,x', ",", [['O"Brien', "x"]]],
  ];
  it.each(cases)("%s", (_label, text, delimiter, expected) => {
    const parsed = parseDelimited(text, delimiter);
    expect(parsed.ok && parsed.rows.map((r) => r.cells)).toEqual(expected);
  });

  it("numbers rows by record, so a quoted line break does not shift later rows", () => {
    const parsed = parseDelimited('h\n"a\nb"\nc', ",");
    expect(parsed.ok && parsed.rows.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it("reports an unclosed quote with the row where it starts", () => {
    expect(parseDelimited('h\nx\n"never closed\nmore', ",")).toEqual({
      ok: false,
      error: "unclosed-quote",
      row: 3,
    });
  });
});

describe("readDelimitedTable picks the delimiter", () => {
  const cases: [string, string, string][] = [
    ["comma", "Họ và tên,Vai trò\nAn,bí thư", ","],
    ["semicolon (Excel with Vietnamese regional settings)", 'Họ và tên;Vai trò\n"Lê, Bình";đảng viên', ";"],
    ["tab", "Họ và tên\tVai trò\nAn\tbí thư", "\t"],
    ["semicolon even when names contain commas", "Họ và tên;Tổ đảng\nA, B;Tổ 1\nC, D;Tổ 2\nE, F;Tổ 3", ";"],
  ];
  it.each(cases)("%s", (_label, text, delimiter) => {
    const parsed = readDelimitedTable(Buffer.from(text, "utf8"));
    expect(parsed.ok && parsed.delimiter).toBe(delimiter);
  });

  it("refuses binary content", () => {
    const bytes = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2, 3, 4, 5, 6,
    ]);
    expect(readDelimitedTable(bytes)).toEqual({ ok: false, error: { code: "not-a-table" } });
  });
});

describe("headers", () => {
  const cases: [string, string | null][] = [
    ["Họ và tên", "fullName"],
    ["HỌ VÀ TÊN", "fullName"],
    ["Ho va ten", "fullName"],
    ["Họ tên", "fullName"],
    ["Họ và tên đảng viên", "fullName"],
    ["Họ và tên (*)", "fullName"],
    ["Full name", "fullName"],
    ["Name", "fullName"],
    ["Vai trò", "role"],
    ["Chức vụ", "role"],
    ["Chức vụ Đảng", "role"],
    ["Role", "role"],
    ["Tổ đảng", "partyGroup"],
    ["Tổ", "partyGroup"],
    ["Party group", "partyGroup"],
    ["Tình trạng", "status"],
    ["Trạng thái", "status"],
    ["Status", "status"],
    ["STT", null],
    ["Ngày sinh", null],
    ["Tên", null],
  ];
  it.each(cases)("%s → %s", (cell, field) => {
    expect(headerField(cell)).toBe(field);
  });

  it("finds the header below title rows", () => {
    const rows = table(
      "DANH SÁCH ĐẢNG VIÊN CHI BỘ KHU PHỐ 1\n\nSTT,Họ và tên,Chức vụ,Tổ đảng,Tình trạng\n1,An,,,",
    );
    expect(findHeader(rows)).toEqual({ row: 3, columns: { fullName: 1, role: 2, partyGroup: 3, status: 4 } });
  });
});

describe("values", () => {
  const roles: [string, string | null][] = [
    ["", "member"],
    ["Bí thư", "secretary"],
    ["bí thư chi bộ", "secretary"],
    ["BI THU", "secretary"],
    ["Phó Bí thư", "deputy"],
    ["Chi ủy", "committee"],
    ["chi ủy viên", "committee"],
    ["Tổ trưởng", "group_leader"],
    ["tổ trưởng tổ đảng", "group_leader"],
    ["Đảng viên", "member"],
    ["secretary", "secretary"],
    ["group_leader", "group_leader"],
    ["Group leader", "group_leader"],
    ["deputy", "deputy"],
    ["trưởng ban", null],
  ];
  it.each(roles)("role %j → %s", (text, role) => expect(parseRole(text)).toBe(role));

  const statuses: [string, string | null][] = [
    ["", "official"],
    ["Chính thức", "official"],
    ["dự bị", "probationary"],
    ["Đảng viên dự bị", "probationary"],
    ["Miễn sinh hoạt", "exempt"],
    ["miễn công tác và sinh hoạt đảng", "exempt"],
    ["official", "official"],
    ["probationary", "probationary"],
    ["EXEMPT", "exempt"],
    ["nghỉ hưu", null],
  ];
  it.each(statuses)("status %j → %s", (text, status) => expect(parseStatus(text)).toBe(status));

  const names: [string, string | null][] = [
    ["Nguyễn Văn An", null],
    ["Nguyễn Văn An (1958)", null],
    ["", "name-empty"],
    ["A".repeat(101), "name-too-long"],
    ["A".repeat(100), null],
    ["x".repeat(4096), "name-too-long"],
    ["🌸🌸", "name-no-letters"],
    ["1️⃣", "name-no-letters"],
    ["Lan 🌸", "name-bad-characters"],
    ["Lan <b>", "name-bad-characters"],
    ["Nguyễn Văn Аn", "name-mixed-scripts"],
    ["Иван Петров", null],
  ];
  it.each(names)("name %j → %s", (name, problem) => expect(checkName(name)).toBe(problem));

  const groups: [string, boolean][] = [
    ["Tổ 1", true],
    ["1", true],
    ["Tổ Cơ khí - Điện", true],
    ["🔥", false],
    ["Tổ 🔥", false],
    ["x".repeat(65), false],
    ["---", false],
  ];
  it.each(groups)("group %j valid: %s", (name, valid) => expect(isValidGroupName(name)).toBe(valid));
});

describe("checkRoster", () => {
  it("accepts good rows with defaults and refuses bad ones with reasons and row numbers", () => {
    const rows = table(
      [
        "Họ và tên,Vai trò,Tổ đảng,Tình trạng",
        "Nguyễn Văn An,Bí thư,Tổ 1,Chính thức",
        "Trần Thị Bình,,,",
        ",đảng viên,Tổ 1,",
        "🌸🌸,,,",
        "Lê Văn Cường,trưởng ban,,",
        "Phạm Thị Dung,,,nghỉ hưu",
        "nguyễn văn an,,,",
        "Hoàng Văn Em,tổ trưởng,tổ 1,dự bị",
        "Đỗ Thị Giang,,🔥,",
        ",,,",
        "Vũ Văn Hải,,Tổ 2,miễn sinh hoạt",
      ].join("\n"),
    );
    const result = checkRoster(rows, noOne);
    expect(result).toEqual({
      ok: true,
      accepted: [
        { row: 2, fullName: "Nguyễn Văn An", role: "secretary", status: "official", partyGroup: "Tổ 1" },
        { row: 3, fullName: "Trần Thị Bình", role: "member", status: "official", partyGroup: null },
        {
          row: 9,
          fullName: "Hoàng Văn Em",
          role: "group_leader",
          status: "probationary",
          partyGroup: "Tổ 1",
        },
        { row: 12, fullName: "Vũ Văn Hải", role: "member", status: "exempt", partyGroup: "Tổ 2" },
      ],
      refused: [
        { row: 4, name: "", reason: { code: "name-empty" } },
        { row: 5, name: "🌸🌸", reason: { code: "name-no-letters" } },
        { row: 6, name: "Lê Văn Cường", reason: { code: "role-unknown", given: "trưởng ban" } },
        { row: 7, name: "Phạm Thị Dung", reason: { code: "status-unknown", given: "nghỉ hưu" } },
        { row: 8, name: "nguyễn văn an", reason: { code: "duplicate-in-file", firstRow: 2 } },
        { row: 10, name: "Đỗ Thị Giang", reason: { code: "group-invalid", given: "🔥" } },
      ],
      newGroups: ["Tổ 1", "Tổ 2"],
    });
  });

  it("tells names apart by their diacritics, not by case or Unicode form", () => {
    const rows = table(`Họ và tên\nNguyễn Văn An\nNguyễn Văn Ân\n${"NGUYỄN VĂN AN".normalize("NFD")}`);
    const result = checkRoster(rows, noOne);
    expect(result.ok && result.accepted.map((a) => a.fullName)).toEqual(["Nguyễn Văn An", "Nguyễn Văn Ân"]);
    expect(result.ok && result.refused.map((r) => r.reason)).toEqual([
      { code: "duplicate-in-file", firstRow: 2 },
    ]);
  });

  it("refuses names already active in the cell and reuses existing party groups", () => {
    const rows = table("Họ và tên,Tổ đảng\nTrần Văn Cũ,\nMai Thị Mới,to 1\nLý Văn Ba,Tổ 3");
    const result = checkRoster(rows, { memberNames: ["trần văn cũ"], partyGroups: ["Tổ 1"] });
    expect(result).toEqual({
      ok: true,
      accepted: [
        { row: 3, fullName: "Mai Thị Mới", role: "member", status: "official", partyGroup: "Tổ 1" },
        { row: 4, fullName: "Lý Văn Ba", role: "member", status: "official", partyGroup: "Tổ 3" },
      ],
      refused: [{ row: 2, name: "Trần Văn Cũ", reason: { code: "already-member" } }],
      newGroups: ["Tổ 3"],
    });
  });

  it("does not create a group whose only rows were refused", () => {
    const result = checkRoster(table("Họ và tên,Tổ đảng,Vai trò\nAn,Tổ 9,xyz"), noOne);
    expect(result.ok && result.newGroups).toEqual([]);
  });

  it("cleans white space in names", () => {
    const result = checkRoster(table('Họ và tên\n"  Trần\u00a0 Văn\nBình "'), noOne);
    expect(result.ok && result.accepted[0]?.fullName).toBe("Trần Văn Bình");
  });

  const fileErrors: [string, string, unknown][] = [
    ["blank file", "\n\n", { code: "empty" }],
    ["header only", "Họ và tên,Vai trò\n", { code: "no-rows" }],
    ["no name column", "Tên,Tuổi\nAn,60", { code: "missing-name-column", found: ["Tên", "Tuổi"] }],
  ];
  it.each(fileErrors)("refuses a %s", (_label, text, error) => {
    expect(checkRoster(table(text), noOne)).toEqual({ ok: false, error });
  });

  it("refuses more rows than the limit", () => {
    const text = `Họ và tên\n${Array.from({ length: ROSTER_LIMITS.maxRows + 1 }, (_, i) => `Người ${i}`).join("\n")}`;
    expect(checkRoster(table(text), noOne)).toEqual({
      ok: false,
      error: { code: "too-many-rows", rows: ROSTER_LIMITS.maxRows + 1 },
    });
  });

  it("reads a Windows-1258 semicolon file end to end", () => {
    const bytes = encodeCp1258(
      "Họ và tên;Chức vụ;Tổ đảng;Tình trạng\r\nĐặng Thị Ánh Tuyết;Phó bí thư;Tổ Hồng Hà;Dự bị\r\n",
    );
    const parsed = readDelimitedTable(bytes);
    expect(parsed.ok && parsed.encoding).toBe("windows-1258");
    const result = parsed.ok ? checkRoster(parsed.rows, noOne) : parsed;
    expect(result.ok && result.accepted).toEqual([
      {
        row: 2,
        fullName: "Đặng Thị Ánh Tuyết",
        role: "deputy",
        status: "probationary",
        partyGroup: "Tổ Hồng Hà",
      },
    ]);
  });
});

describe("readRosterFile", () => {
  it("reads an XLSX workbook, skipping an empty first sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1");
    const sheet = workbook.addWorksheet("Danh sách");
    sheet.addRow(["Họ và tên", "Vai trò"]);
    sheet.addRow([{ richText: [{ text: "Trần " }, { text: "Văn Bình" }] }, "bí thư"]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const read = await readRosterFile(bytes, { fileName: "ds.xlsx" });
    expect(read).toEqual({
      ok: true,
      format: "xlsx",
      rows: [
        { row: 1, cells: ["Họ và tên", "Vai trò"] },
        { row: 2, cells: ["Trần Văn Bình", "bí thư"] },
      ],
    });
  });

  const bad: [string, Buffer, string | undefined, string][] = [
    ["garbage named .xlsx", Buffer.from("this is not a workbook at all"), "ds.xlsx", "xlsx-invalid"],
    ["a broken zip", Buffer.from("PK\u0003\u0004garbage"), "ds.xlsx", "xlsx-invalid"],
    ["an old .xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "ds.xls", "xls-old"],
    ["an empty file", Buffer.alloc(0), "ds.csv", "empty"],
  ];
  it.each(bad)("refuses %s", async (_label, bytes, fileName, code) => {
    const read = await readRosterFile(bytes, { fileName });
    expect(read.ok ? null : read.error.code).toBe(code);
  });
});

describe("report", () => {
  const t: Translate = (key, vars) => `${key}${vars ? JSON.stringify(vars) : ""}`;

  it("lists counts, refused rows and one link per member", () => {
    const lines = reportLines(t, {
      cellName: "Chi bộ 1",
      fileName: "ds.csv",
      botUsername: "chibo_bot",
      refused: [{ row: 4, name: "", reason: { code: "name-empty" } }],
      result: {
        members: [
          {
            memberId: 1,
            number: 7,
            fullName: "An",
            role: "member",
            status: "official",
            partyGroup: null,
            claimToken: "tok",
          },
        ],
        groupsCreated: [],
        leadersSet: [],
      },
    });
    expect(lines).toContain('roster-refused-line-noname{"row":"4","reason":"roster-reason-name-empty"}');
    expect(lines.at(-1)).toBe(
      'roster-link-line{"number":"7","name":"An","link":"https://t.me/chibo_bot?start=c_tok"}',
    );
  });

  it("splits long reports between lines under the limit", () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${i} ${"x".repeat(90)}`);
    const chunks = chunkLines(lines);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(4000);
    expect(chunks.join("\n").split("\n")).toEqual(lines);
    expect(chunkLines(["a", "", "b"], 3)).toEqual(["a", "b"]);
  });
});
