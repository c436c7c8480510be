import ExcelJS from "exceljs";
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";
import { encodeCp1258 } from "../fixtures/roster/cp1258.ts";

const REFUSED =
  "Lệnh này chỉ dành cho Bí thư hoặc Phó Bí thư chi bộ. Đồng chí có thể xem việc của mình bằng /me.";
const LINK = /https:\/\/t\.me\/chibo_test_bot\?start=c_([A-Za-z0-9_-]{22})/g;

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Danh sách");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(SUPPORTED_PROVIDERS)("roster import on %s", (provider) => {
  let h: Harness;
  let kp1: SeededCell;
  let kp2: SeededCell;
  let secretary: User;
  let member: User;
  let leader: User;
  let otherSecretary: User;
  let stranger: User;

  const counts = async () => {
    const prisma = h.app.database.prisma;
    return {
      members: await prisma.member.count(),
      memberships: await prisma.membership.count(),
      groups: await prisma.partyGroup.count(),
      audits: await prisma.auditEntry.count(),
    };
  };

  /** A user sends a file with an optional caption; returns once the bot has handled it. */
  const sendFile = async (
    from: User,
    chatId: number,
    fileName: string,
    content: Buffer,
    caption?: string,
  ) => {
    const update = h.emulator.sendDocument(h.botAccount, from, chatId, {
      fileName,
      mimeType: fileName.endsWith(".xlsx")
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv",
      content,
      ...(caption === undefined ? {} : { caption }),
    });
    await h.flush();
    return update.message!.message_id;
  };

  /** Bot messages in a chat sent after `since` messages were already there. */
  const newTexts = (chatId: number, since: number) => h.texts(chatId).slice(since);

  beforeAll(async () => {
    h = await createHarness({ provider });
    secretary = h.emulator.createUser({ firstName: "Lan", lastName: "Nguyễn" });
    member = h.emulator.createUser({ firstName: "Hùng", lastName: "Lê" });
    leader = h.emulator.createUser({ firstName: "Tâm", lastName: "Phạm" });
    otherSecretary = h.emulator.createUser({ firstName: "Sơn", lastName: "Đỗ" });
    stranger = h.emulator.createUser({ firstName: "Khách" });
    kp1 = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: secretary, role: "secretary" },
      { user: member },
      { user: leader, role: "group_leader" },
    ]);
    kp2 = await seedCell(h, "Chi bộ Khu phố 2", [{ user: otherSecretary, role: "secretary" }]);
    h.emulator.addMember(kp1.chatId, stranger);
    h.emulator.addMember(kp1.chatId, otherSecretary);
    h.emulator.startBot(h.botAccount, h.admin);
    h.emulator.startBot(h.botAccount, stranger);
    await h.flush();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("imports a CSV with good and bad rows from the group; links go privately, the group gets a summary", async () => {
    const before = await counts();
    const csv = [
      "STT,Họ và tên,Vai trò,Tổ đảng,Tình trạng",
      '1,"Trần Văn Bình",Chi ủy viên,Tổ 1,Chính thức',
      "2,Ngô Thị Cúc,,Tổ 1,dự bị",
      "3,,đảng viên,,",
      "4,🌸🌸🌸,,,",
      "5,Đinh Văn Dũng,trưởng ban,,",
      "6,trần văn bình,,,",
      "7,Hùng Lê,,,",
      "8,Lý Thị Em,Tổ trưởng,Tổ 1,miễn sinh hoạt",
      `9,${"A".repeat(4096)},,,`,
    ].join("\r\n");
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")]);
    const groupSince = h.texts(kp1.chatId).length;
    const privateSince = h.texts(secretary.id).length;
    await sendFile(secretary, kp1.chatId, "danh-sach.csv", bytes, "/import");

    const groupReplies = newTexts(kp1.chatId, groupSince);
    expect(groupReplies).toHaveLength(1);
    expect(groupReplies[0]).toBe(
      "Đã nhập danh sách vào Chi bộ Khu phố 1: nhận 3 đảng viên, từ chối 6 dòng. Báo cáo chi tiết và đường link cá nhân của từng người đã được gửi riêng cho đồng chí Lan Nguyễn.",
    );
    expect(groupReplies[0]).not.toMatch(LINK);

    const report = newTexts(secretary.id, privateSince).join("\n");
    expect(report).toContain("Trợ lý đã nhận tệp “danh-sach.csv” của Chi bộ Khu phố 1");
    expect(report).toContain("📋 Kết quả nhập danh sách vào Chi bộ Khu phố 1 (tệp “danh-sach.csv”)");
    expect(report).toContain("Đã nhận: 3 đảng viên. Bị từ chối: 6 dòng.");
    expect(report).toContain("Tổ đảng mới được tạo: Tổ 1.");
    expect(report).toContain("Đồng chí Lý Thị Em được ghi là Tổ trưởng Tổ 1.");
    expect(report).toContain("• Dòng 4: thiếu họ tên.");
    expect(report).toContain("• Dòng 5 (🌸🌸🌸): họ tên không có chữ cái.");
    expect(report).toContain("• Dòng 6 (Đinh Văn Dũng): vai trò “trưởng ban” không hợp lệ.");
    expect(report).toContain("• Dòng 7 (trần văn bình): trùng họ tên với dòng 2 trong tệp.");
    expect(report).toContain("• Dòng 8 (Hùng Lê): chi bộ đã có đảng viên cùng họ tên.");
    expect(report).toContain("• Dòng 10 (AAAA");
    expect(report).toContain("họ tên dài quá 100 ký tự.");

    const tokens = [...report.matchAll(LINK)].map((m) => m[1]!);
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(3);

    const after = await counts();
    expect(after).toEqual({
      members: before.members + 3,
      memberships: before.memberships + 3,
      groups: before.groups + 1,
      audits: before.audits + 1,
    });
    const listed = await h.app.repos.memberships.listActive(kp1.cell.id);
    const imported = listed.filter((m) => m.telegramId === null);
    expect(
      imported.map((m) => [m.number, m.fullName, m.displayName, m.role, m.status, m.partyGroupName]),
    ).toEqual([
      [4, "Trần Văn Bình", "Trần Văn Bình", "committee", "official", "Tổ 1"],
      [5, "Ngô Thị Cúc", "Ngô Thị Cúc", "member", "probationary", "Tổ 1"],
      [6, "Lý Thị Em", "Lý Thị Em", "group_leader", "exempt", "Tổ 1"],
    ]);
    expect(imported.map((m) => m.claimToken)).toEqual(tokens);
    expect(report).toContain(`#4 Trần Văn Bình: https://t.me/chibo_test_bot?start=c_${tokens[0]}`);
    const group = await h.app.database.prisma.partyGroup.findFirst({
      where: { cellId: kp1.cell.id, name: "Tổ 1" },
    });
    expect(group?.leaderMemberId).toBe(imported[2]!.memberId);

    const audits = await h.app.repos.audit.list({ action: "roster.import" });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.cellId).toBe(kp1.cell.id);
    expect(audits[0]?.actorTgId).toBe(BigInt(secretary.id));
    expect(JSON.parse(audits[0]!.after!)).toMatchObject({
      format: "csv",
      accepted: 3,
      refused: 6,
      groupsCreated: 1,
    });
  });

  it("imports an XLSX privately, reuses the existing party group and splits a long report", async () => {
    const before = await counts();
    const rows: (string | number)[][] = [["Họ tên", "Chức vụ", "Tổ đảng", "Trạng thái"]];
    for (let i = 1; i <= 120; i++)
      rows.push([`Đảng Viên Thứ ${i}`, "đảng viên", i % 2 ? "tổ 1" : "", "chính thức"]);
    rows.push(["Bùi Văn Phó", "phó bí thư", "", "dự bị"]);
    const since = h.texts(secretary.id).length;
    await sendFile(secretary, secretary.id, "Danh sach.xlsx", await xlsx(rows), "/import");

    const messages = newTexts(secretary.id, since);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(4096);
    const report = messages.join("\n");
    expect(report).toContain("Đã nhận: 121 đảng viên. Bị từ chối: 0 dòng.");
    expect(report).not.toContain("Tổ đảng mới được tạo");
    expect([...report.matchAll(LINK)]).toHaveLength(121);

    const after = await counts();
    expect(after).toEqual({
      members: before.members + 121,
      memberships: before.memberships + 121,
      groups: before.groups,
      audits: before.audits + 1,
    });
    const deputy = (await h.app.repos.memberships.listActive(kp1.cell.id)).find(
      (m) => m.fullName === "Bùi Văn Phó",
    );
    expect(deputy).toMatchObject({
      role: "deputy",
      status: "probationary",
      number: 127,
      partyGroupName: null,
    });
  });

  it("imports a Windows-1258 semicolon CSV when /import replies to the file", async () => {
    // Vietnamese Windows writes tone marks as combining characters; the bot stores NFC.
    const text = "Họ và tên;Vai trò\r\nĐặng Thị Ánh;bí thư\r\n";
    const encoded = encodeCp1258(text);
    const before = await counts();
    const fileMessage = await sendFile(secretary, kp1.chatId, "ds-1258.csv", encoded);
    const since = h.texts(secretary.id).length;
    await h.say(secretary, kp1.chatId, "/import", { replyToMessageId: fileMessage });
    const report = newTexts(secretary.id, since).join("\n");
    expect(report).toContain("Đã nhận: 1 đảng viên.");
    expect(report).toContain("Đặng Thị Ánh: https://t.me/chibo_test_bot?start=c_");
    const listed = await h.app.repos.memberships.listActive(kp1.cell.id);
    const row = listed.find((m) => m.fullName === "Đặng Thị Ánh");
    expect(row?.role).toBe("secretary");
    expect(row?.fullName).toBe("Đặng Thị Ánh".normalize("NFC"));
    expect((await counts()).members).toBe(before.members + 1);
  });

  it("writes all rows or none: a failure inside the transaction leaves no group, member or audit", async () => {
    const before = await counts();
    await expect(
      h.app.repos.roster.importRows({
        cellId: kp1.cell.id,
        organisationId: kp1.cell.organisationId,
        actorTelegramId: secretary.id,
        rows: [
          { fullName: "Người Hợp Lệ", role: "member", status: "official", partyGroup: "Tổ Mới Toanh" },
          // A row the database rejects (no name), after the group and the first member are prepared.
          { fullName: null as unknown as string, role: "member", status: "official", partyGroup: null },
        ],
        refusedCount: 0,
        format: "csv",
      }),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it("reports in the importer's own language", async () => {
    await h.say(secretary, secretary.id, "/lang en");
    const since = h.texts(secretary.id).length;
    await sendFile(
      secretary,
      secretary.id,
      "roster.csv",
      Buffer.from("Full name,Role\nJohn Smith,member\n,\u0020\nAnna Lee,boss\n"),
      "/import",
    );
    const report = newTexts(secretary.id, since).join("\n");
    expect(report).toContain("Accepted: 1 member. Refused: 1 row.");
    expect(report).toContain("• Row 4 (Anna Lee): the role “boss” is not valid.");
    expect(report).toMatch(LINK);
    await h.say(secretary, secretary.id, "/lang vi");
  });

  const badFiles: [string, string, () => Promise<Buffer> | Buffer, string][] = [
    [
      "a fake XLSX",
      "danh-sach.xlsx",
      () => Buffer.from("Họ và tên\nAn\n"),
      "Tệp này không phải tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.",
    ],
    [
      "a broken XLSX that starts like a zip",
      "danh-sach.xlsx",
      () => Buffer.from("PK\u0003\u0004 not really"),
      "Tệp này không phải tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.",
    ],
    [
      "a CSV with wrong columns",
      "sai-cot.csv",
      () => Buffer.from("Tên,Ngày sinh\nAn,1960\n"),
      "Trợ lý không tìm thấy cột họ tên trong tệp (các cột đọc được: “Tên”, “Ngày sinh”).\nDòng tiêu đề cần có cột “Họ và tên”; có thể thêm các cột “Vai trò”, “Tổ đảng”, “Tình trạng”. Chưa có đảng viên nào được nhập.",
    ],
    [
      "an XLSX with wrong columns",
      "sai.xlsx",
      () =>
        xlsx([
          ["Mã số", "Ngày sinh"],
          [1, "01/01/1960"],
        ]),
      "(các cột đọc được: “Mã số”, “Ngày sinh”)",
    ],
    ["an empty file", "trong.csv", () => Buffer.alloc(0), "Tệp không có nội dung."],
    [
      "a header-only file",
      "tieu-de.csv",
      () => Buffer.from("Họ và tên,Vai trò\r\n"),
      "Tệp chỉ có dòng tiêu đề",
    ],
    ["an unclosed quote", "ngoac.csv", () => Buffer.from('Họ và tên\n"An\n'), "lỗi dấu ngoặc kép từ dòng 2"],
    [
      "a file over 1 MB",
      "lon.csv",
      () => Buffer.from(`Họ và tên\n${"Nguyễn Văn An\n".repeat(80_000)}`),
      "Tệp quá lớn: Trợ lý chỉ nhận tệp danh sách không quá 1 MB.",
    ],
  ];
  it.each(badFiles)("answers %s clearly and writes nothing", async (_label, fileName, content, expected) => {
    const before = await counts();
    await sendFile(secretary, kp1.chatId, fileName, await content(), "/import");
    expect(h.lastText(kp1.chatId)).toContain(expected);
    expect(await counts()).toEqual(before);
  });

  it("shows how to use /import without a file", async () => {
    await h.say(secretary, kp1.chatId, "/import");
    expect(h.lastText(kp1.chatId)).toContain(
      "Cách nhập danh sách: gửi tệp CSV hoặc Excel (.xlsx) kèm chú thích /import",
    );
  });

  it("refuses to import in the group when the importer cannot receive the links privately", async () => {
    const shy = h.emulator.createUser({ firstName: "Mai" });
    const cell3 = await seedCell(h, "Chi bộ Khu phố 3", [{ user: shy, role: "deputy", started: false }]);
    const before = await counts();
    await sendFile(shy, cell3.chatId, "ds.csv", Buffer.from("Họ và tên\nAn\n"), "/import");
    const reply = h.emulator.lastBotMessage(h.botAccount, cell3.chatId)!;
    expect(reply.text).toContain("Đồng chí Mai chưa mở trò chuyện riêng với Trợ lý");
    expect(reply.text).toContain("Chưa có đảng viên nào được nhập.");
    expect(reply.buttons[0]?.url).toBe("https://t.me/chibo_test_bot");
    expect(await counts()).toEqual(before);
  });

  describe("authorisation", () => {
    const csv = () => Buffer.from("Họ và tên\nNgười Được Thử\n");
    const refusals: [string, () => User, () => number, string][] = [
      ["a stranger", () => stranger, () => kp1.chatId, REFUSED],
      ["a member", () => member, () => kp1.chatId, REFUSED],
      ["a group leader", () => leader, () => kp1.chatId, REFUSED],
      ["the secretary of another cell", () => otherSecretary, () => kp1.chatId, REFUSED],
      ["a stranger in private", () => stranger, () => stranger.id, REFUSED],
      ["a member in private", () => member, () => member.id, REFUSED],
    ];
    it.each(refusals)(
      "refuses %s with a message and writes nothing",
      async (_label, who, where, expected) => {
        const before = await counts();
        await sendFile(who(), where(), "ds.csv", csv(), "/import");
        expect(h.lastText(where())).toBe(expected);
        const fileMessage = await sendFile(who(), where(), "ds2.csv", csv());
        await h.say(who(), where(), "/import", { replyToMessageId: fileMessage });
        expect(h.lastText(where())).toBe(expected);
        expect(await counts()).toEqual(before);
      },
    );

    it("lets the other cell's secretary import into their own cell only", async () => {
      const before = await counts();
      await sendFile(
        otherSecretary,
        otherSecretary.id,
        "ds.csv",
        Buffer.from("Họ và tên\nNgười Khu Hai\n"),
        "/import",
      );
      expect(h.lastText(otherSecretary.id)).toContain("Chi bộ Khu phố 2");
      expect((await h.app.repos.memberships.listActive(kp2.cell.id)).map((m) => m.fullName)).toContain(
        "Người Khu Hai",
      );
      expect((await counts()).members).toBe(before.members + 1);
    });

    it("lets an admin import in the cell's group", async () => {
      const before = await counts();
      const since = h.texts(h.admin.id).length;
      await sendFile(
        h.admin,
        kp1.chatId,
        "ds.csv",
        Buffer.from("Họ và tên\nNgười Quản Trị Nhập\n"),
        "/import",
      );
      expect(h.lastText(kp1.chatId)).toContain("nhận 1 đảng viên, từ chối 0 dòng");
      expect(newTexts(h.admin.id, since).join("\n")).toMatch(LINK);
      expect(await counts()).toEqual({
        ...before,
        members: before.members + 1,
        memberships: before.memberships + 1,
        audits: before.audits + 1,
      });
    });

    it("ignores /import addressed to another bot", async () => {
      const before = await counts();
      const since = h.texts(kp1.chatId).length;
      await sendFile(secretary, kp1.chatId, "ds.csv", csv(), "/import@other_bot");
      expect(newTexts(kp1.chatId, since)).toEqual([]);
      expect(await counts()).toEqual(before);
    });
  });
});
