// The monthly digest end to end, through the real service and the emulator, on both databases: a
// scripted November (meetings with absences with and without a reason, an exempt member, a member
// who joined mid-month, tasks on time / late / overdue, a self-review) gives, on 1 December at 08:00
// Hà Nội time, the digest in the committee chat with its chart and workbook, and each secretary's
// private summary with names. A restart at 07:59, ticks after it and a second instance (PostgreSQL)
// never post it twice. Then /report and /export per role, the workbook opened with exceljs.
import { inflateSync } from "node:zlib";
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp } from "../../src/app.ts";
import { parseConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";
import { nextMeetingNumber } from "../support/meeting-number.ts";

/** Decodes a PNG: checks its chunks and inflates its pixels; returns width, height and bytes of pixels. */
export function decodePng(png: Buffer): { width: number; height: number; pixels: number } {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  let offset = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colourType = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString("ascii");
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      bitDepth = body[8]!;
      colourType = body[9]!;
    }
    if (type === "IDAT") data.push(body);
    offset += 12 + length;
    if (type === "IEND") break;
  }
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colourType]!;
  const raw = inflateSync(Buffer.concat(data));
  // Each row: one filter byte, then the row's samples.
  expect(raw.length).toBe(height * (1 + Math.ceil((width * channels * bitDepth) / 8)));
  return { width, height, pixels: raw.length };
}

const at = (iso: string) => new Date(iso);

describe.each(SUPPORTED_PROVIDERS)("monthly digest on %s", (provider) => {
  let h: Harness;
  let kp1: SeededCell;
  let kp2: SeededCell;
  let committeeChat = 0;
  /** Messages the committee chat had before the digest (the registration's answer). */
  let committeeBefore = 0;
  const u = {} as Record<"an" | "binh" | "cuc" | "dung" | "em" | "giang" | "ha" | "stranger", User>;
  const prisma = () => h.app.database.prisma;
  const memberId = (cell: SeededCell, user: User) => cell.members.get(user.id)!.memberId;
  const botMessages = (chatId: number) =>
    h.emulator.botMessages(h.botAccount, chatId).filter((m) => !m.deleted);

  beforeAll(async () => {
    // Sunday 25 October 2026, 09:00 in Hà Nội: the ward is set up before November.
    h = await createHarness({ provider, start: at("2026-10-25T02:00:00Z") });
    for (const [key, name] of [
      ["an", "Nguyễn Văn An"],
      ["binh", "Trần Thị Bình"],
      ["cuc", "Lê Thị Cúc"],
      ["dung", "Phạm Văn Dũng"],
      ["em", "Hoàng Văn Em"],
      ["giang", "Võ Thị Giang"],
      ["ha", "Đỗ Thu Hà"],
      ["stranger", "Người Khách"],
    ] as const) {
      u[key] = h.emulator.createUser({ firstName: name });
    }
    kp1 = await seedCell(h, "Khu phố 1", [
      { user: u.an, role: "secretary" },
      { user: u.binh },
      { user: u.cuc, status: "exempt" },
      { user: u.dung },
      { user: u.em, started: false },
    ]);
    kp2 = await seedCell(h, "Khu phố 2", [{ user: u.giang, role: "secretary" }, { user: u.ha }]);
    const db = prisma();
    // Dũng joined on 20/11; Khu phố 1 counts repeated absence from 2 absences without a reason.
    await db.membership.update({
      where: { id: kp1.members.get(u.dung.id)!.membershipId },
      data: { joinedAt: at("2026-11-20T03:00:00Z") },
    });
    await db.cell.update({ where: { id: kp1.cell.id }, data: { settings: '{"absenceThreshold":2}' } });

    const meeting = async (kind: string, startsAt: string, register: [User, string, string | null][]) => {
      const row = await db.meeting.create({
        data: {
          cellId: kp1.cell.id,
          number: await nextMeetingNumber(db, kp1.cell.id),
          kind,
          state: "closed",
          startsAt: at(startsAt),
          closedAt: at(startsAt),
        },
      });
      for (const [user, status, reason] of register) {
        await db.attendance.create({
          data: {
            meetingId: row.id,
            memberId: memberId(kp1, user),
            status,
            reason,
            recordedAt: at(startsAt),
          },
        });
      }
    };
    await meeting("regular", "2026-11-10T12:00:00Z", [
      [u.an, "present", null],
      [u.binh, "absent_unexcused", null],
      [u.em, "proxy", null],
      [u.cuc, "present", null],
    ]);
    await meeting("thematic", "2026-11-24T12:00:00Z", [
      [u.an, "present", null],
      [u.binh, "absent_unexcused", null],
      [u.dung, "present", null],
      [u.em, "absent_excused", "health"],
    ]);
    const task = await db.task.create({
      data: {
        cellId: kp1.cell.id,
        title: '=HYPERLINK("x") Tổng vệ sinh khu phố',
        createdAt: at("2026-11-03T03:00:00Z"),
        dueAt: at("2026-11-15T10:00:00Z"),
        assignerMemberId: memberId(kp1, u.an),
      },
    });
    const assign = (user: User, doneAt: string | null) =>
      db.taskAssignment.create({
        data: {
          taskId: task.id,
          memberId: memberId(kp1, user),
          state: doneAt ? "done" : "accepted",
          doneAt: doneAt ? at(doneAt) : null,
        },
      });
    const onTime = await assign(u.an, "2026-11-14T03:00:00Z");
    await assign(u.binh, "2026-11-16T03:00:00Z");
    await assign(u.em, null);
    await db.taskEvaluation.create({ data: { assignmentId: onTime.id, grade: "good", comment: "Rất tốt" } });
    const review = await db.prompt.create({
      data: {
        organisationId: kp1.cell.organisationId,
        cellId: kp1.cell.id,
        kind: "self_review",
        period: "2026-11",
        opensAt: at("2026-11-25T12:00:00Z"),
        closesAt: at("2026-11-30T16:59:00Z"),
      },
    });
    const q = await db.question.create({
      data: { promptId: review.id, position: 2, kind: "text", text: "Tự phê bình" },
    });
    await db.participation.create({ data: { promptId: review.id, memberId: memberId(kp1, u.an) } });
    await db.response.create({
      data: {
        promptId: review.id,
        questionId: q.id,
        memberId: memberId(kp1, u.an),
        text: "Cần dành thêm thời gian học tập",
        answeredOn: at("2026-11-26"),
      },
    });

    // The committee's group, registered by the admin.
    const group = h.emulator.createGroup({ title: "Đảng ủy phường", members: [h.admin] });
    h.emulator.addBotToChat(h.botAccount, group.id, { by: h.admin });
    await h.flush();
    await h.say(h.admin, group.id, "/register_committee");
    committeeChat = group.id;
    committeeBefore = botMessages(committeeChat).length;
  });
  afterAll(async () => {
    await h?.close();
  });

  const digestRows = () =>
    prisma().scheduledDelivery.findMany({
      where: { key: { startsWith: "digest:" } },
      orderBy: { key: "asc" },
      select: { key: true, status: true },
    });

  it("is not sent before 08:00 on the 1st, across a restart at 07:59", async () => {
    h.clock.set(at("2026-12-01T00:59:00Z"));
    await h.restart();
    await h.app.scheduler.tick();
    expect(botMessages(committeeChat)).toHaveLength(committeeBefore);
    expect(await digestRows()).toEqual([
      { key: "digest:1:plan:2026-12", status: "pending" },
      { key: "digest:1:plan:2027-01", status: "pending" },
    ]);
  });

  it("posts the digest, the chart and the workbook to the committee chat at 08:00, once", async () => {
    h.clock.set(at("2026-12-01T01:00:00Z"));
    await h.app.scheduler.tick();
    await h.app.scheduler.tick();
    await h.restart();
    await h.app.scheduler.tick();
    if (provider === "postgresql") {
      // A second instance on the same database, ticking at the same moment.
      const second = await startApp({
        config: parseConfig({
          BOT_TOKEN: h.botAccount.token,
          TELEGRAM_API_ROOT: h.emulator.apiRoot,
          DATABASE_URL: h.testDb.url,
          ADMIN_IDS: String(h.admin.id),
          LOG_LEVEL: "silent",
        }),
        logger: createLogger({ level: "silent" }),
        clock: h.clock,
        receiveUpdates: false,
        startTicker: false,
      });
      await second.menusSynced;
      await Promise.all([second.scheduler.tick(), h.app.scheduler.tick()]);
      await second.stop();
    }

    const posted = botMessages(committeeChat).slice(committeeBefore);
    expect(posted.map((m) => m.kind)).toEqual(["text", "photo", "document"]);
    const text = posted[0]!.text!;
    expect(text).toContain("BÁO CÁO THÁNG 11/2026");
    expect(text).toContain("🏛 Toàn Đảng bộ (2 chi bộ)");
    expect(text).toContain("▪️ Khu phố 1");
    expect(text).toContain("• Sinh hoạt: thường kỳ 1/1, chuyên đề 1/1");
    // Expected: 10/11 An Bình Em (Cúc exempt, Dũng not yet a member); 24/11 An Bình Dũng Em.
    expect(text).toContain("• Dự họp: 57% (4/7 lượt)");
    expect(text).toContain("• Vắng không lý do: 2 lượt (có lý do: 1)");
    expect(text).toContain("• Nhiệm vụ: giao 3, xong đúng hạn 1, xong trễ hạn 1, quá hạn 1");
    expect(text).toContain("• Tự kiểm điểm: 25% đã nộp (1/4)");
    expect(text).toContain("• Chưa nhận được tin nhắn riêng: 1 đồng chí");
    expect(text).toContain("⚠️ CHI BỘ CẦN QUAN TÂM");
    expect(text).toContain("• Khu phố 1: tỷ lệ dự họp 57% (dưới 70%); tự kiểm điểm mới đạt 25% (dưới 50%)");
    expect(text).toContain("• Khu phố 2: không tổ chức sinh hoạt trong tháng");
    // No names in the committee chat.
    for (const name of ["Bình", "Hoàng Văn Em", "Dũng"]) expect(text).not.toContain(name);

    const png = h.emulator.fileBytes(posted[1]!.photo!.fileId)!;
    const decoded = decodePng(png);
    expect(decoded.width).toBe(1000);
    expect(decoded.height).toBeGreaterThan(400);
    expect(png.length).toBeGreaterThan(10_000);
    expect(posted[1]!.text).toContain("Tỷ lệ dự họp tháng 11/2026");

    const xlsx = h.emulator.fileBytes(posted[2]!.document!.fileId)!;
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Điểm danh",
      "Nhiệm vụ",
      "Lấy ý kiến",
      "Tự kiểm điểm",
      "Tổng hợp theo đảng viên",
    ]);

    // Each secretary privately, with names; Em cannot be reached, Giang's cell has none to name.
    const an = h.texts(u.an.id).filter((t) => t.includes("11/2026"));
    expect(an).toHaveLength(1);
    expect(an[0]).toContain("Kính gửi đồng chí");
    expect(an[0]).toContain("– đồng chí Trần Thị Bình: 2 lần");
    expect(an[0]).toContain("Có nhiệm vụ quá hạn:\n– đồng chí Hoàng Văn Em: 1 nhiệm vụ");
    expect(an[0]).toContain(
      "Chưa nộp tự kiểm điểm:\n– đồng chí Trần Thị Bình\n– đồng chí Phạm Văn Dũng\n– đồng chí Hoàng Văn Em",
    );
    expect(an[0]).not.toContain("Khu phố 2");
    const giang = h.texts(u.giang.id).filter((t) => t.includes("11/2026"));
    expect(giang).toHaveLength(1);
    expect(giang[0]).toContain("▪️ Khu phố 2");
    expect(giang[0]).not.toContain("Khu phố 1");
    expect(h.texts(u.binh.id).filter((t) => t.includes("11/2026"))).toEqual([]);

    expect(await digestRows()).toEqual([
      { key: "digest:1:2026-11:committee", status: "sent" },
      { key: `digest:1:2026-11:secretary:${kp1.cell.id}:${memberId(kp1, u.an)}`, status: "sent" },
      { key: `digest:1:2026-11:secretary:${kp2.cell.id}:${memberId(kp2, u.giang)}`, status: "sent" },
      { key: "digest:1:plan:2026-12", status: "sent" },
      { key: "digest:1:plan:2027-01", status: "pending" },
    ]);
  });

  it("/report: a member gets nothing, a secretary their cell with names, an admin the ward", async () => {
    const count = async () => prisma().scheduledDelivery.count();
    const before = await count();
    h.emulator.startBot(h.botAccount, u.binh);
    await h.flush();
    await h.say(u.binh, u.binh.id, "/report 11/2026");
    expect(h.lastText(u.binh.id)).toBe(
      "Báo cáo chỉ dành cho Bí thư, Phó Bí thư chi bộ và các đồng chí quản trị Đảng ủy.",
    );
    await h.say(u.binh, u.binh.id, "/export 11/2026");
    expect(h.lastText(u.binh.id)).toBe(
      "Báo cáo chỉ dành cho Bí thư, Phó Bí thư chi bộ và các đồng chí quản trị Đảng ủy.",
    );
    h.emulator.startBot(h.botAccount, u.stranger);
    await h.flush();
    await h.say(u.stranger, u.stranger.id, "/report");
    expect(h.lastText(u.stranger.id)).toContain("Báo cáo chỉ dành cho");

    await h.say(u.an, u.an.id, "/report 11/2026");
    const report = h.lastText(u.an.id)!;
    expect(report).toContain("▪️ Khu phố 1");
    expect(report).toContain("– đồng chí Trần Thị Bình: 2 lần");
    expect(report).not.toContain("Khu phố 2");
    await h.say(u.an, u.an.id, "/report 13/2026");
    expect(h.lastText(u.an.id)).toContain("Cách dùng: /report");
    await h.say(u.an, u.an.id, "/report 10/2026");
    expect(h.lastText(u.an.id)).toBe(
      "Tháng 10/2026 chưa có số liệu nào (cuộc họp, nhiệm vụ hay lấy ý kiến) để báo cáo.",
    );
    await h.say(u.an, u.an.id, "/report 02/2027");
    expect(h.lastText(u.an.id)).toBe("Tháng 02/2027 chưa bắt đầu, chưa có gì để báo cáo.");

    await h.say(h.admin, h.admin.id, "/report 11/2026");
    const ward = botMessages(h.admin.id).slice(-2);
    expect(ward[0]!.text).toContain("🏛 Toàn Đảng bộ (2 chi bộ)");
    expect(ward[1]!.kind).toBe("photo");
    expect(await count()).toBe(before);
  });

  it("/report in a group: the secretary gets the cell's figures without names, others a short note", async () => {
    const names = Object.values(u).map((user) => user.first_name);
    const posted = () => botMessages(kp1.chatId).length;
    const start = posted();
    const privately = botMessages(u.an.id).length;
    await h.say(u.an, kp1.chatId, "/report 11/2026");
    const report = botMessages(kp1.chatId).slice(start);
    const text = report.map((m) => m.text ?? "").join("\n");
    expect(text).toContain("📊 BÁO CÁO THÁNG 11/2026");
    expect(text).toContain("▪️ Khu phố 1");
    expect(text).not.toContain("Khu phố 2");
    for (const name of names) expect(text).not.toContain(name);
    // One message: the figures, then where the names are.
    expect(report).toHaveLength(1);
    expect(
      text.endsWith(
        "\n\nDanh sách tên (vắng nhiều lần, nhiệm vụ quá hạn, chưa nộp tự kiểm điểm) không đăng trong nhóm: đồng chí Bí thư nhắn /report riêng cho Trợ lý để xem.",
      ),
    ).toBe(true);
    expect(botMessages(u.an.id).length).toBe(privately);

    // A member of the cell is told it is the secretary's.
    const refused =
      "Lệnh này chỉ dành cho Bí thư hoặc Phó Bí thư chi bộ. Đồng chí có thể xem việc của mình bằng /me.";
    await h.say(u.binh, kp1.chatId, "/report 11/2026");
    expect(h.lastText(kp1.chatId)).toBe(refused);
    // Bad input in the group: the usage, nothing posted about the cell.
    await h.say(u.an, kp1.chatId, "/report 13/2026");
    expect(h.lastText(kp1.chatId)).toContain("Cách dùng: /report");
    // The committee's chat is no cell's: ask privately.
    await h.say(h.admin, committeeChat, "/report 11/2026");
    expect(h.lastText(committeeChat)).toBe(
      "Báo cáo chỉ gửi trong tin nhắn riêng: đồng chí bấm vào tên Trợ lý, chọn “Bắt đầu” rồi gõ /report.",
    );
    // The workbook names members: never in a group.
    await h.say(u.an, kp1.chatId, "/export 11/2026");
    expect(h.lastText(kp1.chatId)).toBe(
      "Sổ theo dõi có tên từng đảng viên nên chỉ gửi trong tin nhắn riêng: đồng chí bấm vào tên Trợ lý, chọn “Bắt đầu” rồi gõ /export.",
    );
    await h.say(u.binh, kp1.chatId, "/export 11/2026");
    expect(h.lastText(kp1.chatId)).toBe(refused);
    expect(botMessages(kp1.chatId).filter((m) => m.kind === "document")).toEqual([]);
  });

  it("/export: a secretary gets their cell only, an admin the ward or one cell, checked cell by cell", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const open = async (chatId: number) => {
      const last = botMessages(chatId).at(-1)!;
      expect([last.kind, last.text]).toEqual(["document", expect.any(String)]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(h.emulator.fileBytes(last.document!.fileId)! as unknown as ArrayBuffer);
      return { book, name: last.document!.fileName };
    };
    await h.say(u.an, u.an.id, "/export 11/2026 Khu phố 2");
    expect(h.lastText(u.an.id)).toBe("Không tìm thấy chi bộ «Khu phố 2» trong Đảng bộ.");
    await h.say(u.an, u.an.id, "/export 11/2026");
    const mine = await open(u.an.id);
    expect(mine.name).toBe("so-theo-doi-2026-11-Khu-pho-1.xlsx");
    const attendance = mine.book.getWorksheet("Điểm danh")!;
    expect(attendance.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(attendance.getRow(1).values).toEqual([
      undefined,
      "Chi bộ",
      "Ngày họp",
      "Loại buổi họp",
      "Đảng viên",
      "Điểm danh",
      "Lý do",
    ]);
    expect(attendance.rowCount).toBe(1 + 8);
    const emRow = attendance
      .getRows(2, 8)!
      .find((r) => r.getCell(4).value === "Hoàng Văn Em" && r.getCell(5).value === "Vắng có lý do")!;
    expect(emRow.getCell(6).value).toBe("Sức khỏe");
    // 24/11 19:00 in Hà Nội, as the wall-clock time Excel shows.
    expect(emRow.getCell(2).value).toEqual(new Date(Date.UTC(2026, 10, 24, 19, 0)));
    expect(attendance.getColumn(1).width).toBe(22);

    const tasks = mine.book.getWorksheet("Nhiệm vụ")!;
    expect(tasks.rowCount).toBe(1 + 3);
    const first = tasks.getRow(2);
    expect(first.getCell(2).value).toBe('\'=HYPERLINK("x") Tổng vệ sinh khu phố');
    expect(first.getCell(8).value).toBe("Có");
    expect(first.getCell(9).value).toBe("Tốt");

    const reviews = mine.book.getWorksheet("Tự kiểm điểm")!;
    expect(reviews.getRow(2).values).toEqual([
      undefined,
      "Khu phố 1",
      "11/2026",
      "Nguyễn Văn An",
      "Có",
      // Questions left unanswered: blank cells.
      undefined,
      undefined,
      "Cần dành thêm thời gian học tập",
    ]);
    const people = mine.book.getWorksheet("Tổng hợp theo đảng viên")!;
    const binh = people.getRows(2, people.rowCount - 1)!.find((r) => r.getCell(2).value === "Trần Thị Bình")!;
    // Expected 2, present 0, excused 0, unexcused 2, late 1: numbers as numbers.
    expect([4, 5, 6, 7, 8, 9].map((c) => binh.getCell(c).value)).toEqual([2, 0, 0, 2, 0, 1]);

    await h.say(h.admin, h.admin.id, "/export 2026");
    const ward = await open(h.admin.id);
    expect(ward.name).toBe("so-theo-doi-2026.xlsx");
    const wardReviews = ward.book.getWorksheet("Tự kiểm điểm")!;
    // Admins see who submitted, never the answers.
    expect(wardReviews.getRow(1).cellCount).toBe(4);
    await h.say(h.admin, h.admin.id, "/export 11/2026 khu phố 1");
    const one = await open(h.admin.id);
    expect(one.name).toBe("so-theo-doi-2026-11-Khu-pho-1.xlsx");
    expect(one.book.getWorksheet("Điểm danh")!.rowCount).toBe(1 + 8);
    await h.say(h.admin, h.admin.id, "/export 11/2026 khu phố 2");
    expect(h.lastText(h.admin.id)).toBe("Kỳ 11/2026 chưa có số liệu nào để xuất.");
    await h.say(h.admin, h.admin.id, "/export 2025");
    expect(h.lastText(h.admin.id)).toBe("Kỳ năm 2025 chưa có số liệu nào để xuất.");
  });
});
