// /import under hostile or simultaneous input: an XLSX zip bomb is refused without inflating it,
// and a cell imports one roster at a time.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";
import { zipBombWorkbook } from "../fixtures/roster/zip.ts";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const BOMB_INFLATED = 200_000_000;

describe.each(SUPPORTED_PROVIDERS)("roster import limits on %s", (provider) => {
  let h: Harness;
  let kp1: SeededCell;
  let secretary: User;
  let deputy: User;
  let bomb: Buffer;

  const counts = async () => {
    const prisma = h.app.database.prisma;
    return {
      members: await prisma.member.count(),
      memberships: await prisma.membership.count(),
      groups: await prisma.partyGroup.count(),
      audits: await prisma.auditEntry.count(),
    };
  };

  beforeAll(async () => {
    h = await createHarness({ provider });
    secretary = h.emulator.createUser({ firstName: "Lan", lastName: "Nguyễn" });
    deputy = h.emulator.createUser({ firstName: "Minh", lastName: "Trần" });
    kp1 = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: secretary, role: "secretary" },
      { user: deputy, role: "deputy" },
    ]);
    bomb = await zipBombWorkbook(BOMB_INFLATED);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("refuses an XLSX whose sheet declares 1,000 bytes but inflates to 200 MB, without inflating it", async () => {
    expect(bomb.length).toBeLessThan(1_000_000);
    const before = await counts();
    const since = h.texts(kp1.chatId).length;
    h.emulator.sendDocument(h.botAccount, secretary, kp1.chatId, {
      fileName: "danh-sach.xlsx",
      mimeType: XLSX_MIME,
      content: bomb,
      caption: "/import",
    });
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 2);
    const started = Date.now();
    try {
      await h.flush();
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    const elapsed = Date.now() - started;
    console.info(
      `zip bomb (${bomb.length} bytes → ${BOMB_INFLATED} bytes) refused in ${elapsed} ms, peak RSS growth ${((peak - baseline) / 1e6).toFixed(1)} MB`,
    );

    // Well under the 200 MB the sheet inflates to: the inflater stops at the 10 MB cap.
    expect(peak - baseline).toBeLessThan(60_000_000);
    expect(h.texts(kp1.chatId).slice(since)).toEqual([
      "Tệp Excel này khi giải nén ra lớn bất thường (quá 10 MB) hoặc chứa quá nhiều thành phần, nên Trợ lý không đọc. Xin mở tệp trong Excel, chép riêng bảng danh sách sang một tệp mới (hoặc “Lưu thành” CSV UTF-8) rồi gửi lại. Chưa có đảng viên nào được nhập.",
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses the bomb in English for a secretary who chose English", async () => {
    await h.say(secretary, secretary.id, "/lang en");
    h.emulator.sendDocument(h.botAccount, secretary, secretary.id, {
      fileName: "roster.xlsx",
      mimeType: XLSX_MIME,
      content: bomb,
      caption: "/import",
    });
    await h.flush();
    expect(h.lastText(secretary.id)).toBe(
      "This Excel file unpacks to an unusually large size (over 10 MB) or has too many parts inside, so I will not read it. Please open it in Excel, copy just the roster table into a new file (or “Save as” CSV UTF-8) and send it again. Nobody was imported.",
    );
    await h.say(secretary, secretary.id, "/lang vi");
  });

  it("imports one roster at a time per cell: a second /import meanwhile is told to wait", async () => {
    const before = await counts();
    // Two managers of the same cell send a roster at the same moment, from two chats (updates of
    // one chat are handled in order anyway).
    h.emulator.sendDocument(h.botAccount, secretary, kp1.chatId, {
      fileName: "ds-1.csv",
      mimeType: "text/csv",
      content: Buffer.from("Họ và tên\nNgười Thứ Nhất\n"),
      caption: "/import",
    });
    h.emulator.sendDocument(h.botAccount, deputy, deputy.id, {
      fileName: "ds-2.csv",
      mimeType: "text/csv",
      content: Buffer.from("Họ và tên\nNgười Thứ Hai\n"),
      caption: "/import",
    });
    const updates = h.emulator.takeUpdates(h.botAccount);
    expect(updates).toHaveLength(2);
    const groupSince = h.texts(kp1.chatId).length;
    const deputySince = h.texts(deputy.id).length;
    await Promise.all(updates.map((u) => h.app.bot.handleUpdate(u)));

    // Whichever came first imports; the other is told to wait, and writes nothing.
    const busy =
      "Trợ lý đang nhập một danh sách khác vào Chi bộ Khu phố 1. Xin đồng chí chờ việc đó xong (thường chỉ vài giây) rồi gửi lại tệp với /import.";
    const groupReplies = h.texts(kp1.chatId).slice(groupSince);
    const deputyReplies = h.texts(deputy.id).slice(deputySince);
    const groupWaited = groupReplies.includes(busy);
    expect([groupReplies, deputyReplies].filter((r) => r.includes(busy))).toHaveLength(1);
    expect(groupWaited ? groupReplies : deputyReplies).toEqual([busy]);
    if (groupWaited) expect(deputyReplies.join("\n")).toContain("Đã nhận: 1 đảng viên.");
    else expect(groupReplies.join("\n")).toContain("nhận 1 đảng viên, từ chối 0 dòng");
    const imported = groupWaited ? "Người Thứ Hai" : "Người Thứ Nhất";
    const waited = groupWaited ? "Người Thứ Nhất" : "Người Thứ Hai";
    let names = (await h.app.repos.memberships.listActive(kp1.cell.id)).map((m) => m.fullName);
    expect(names).toContain(imported);
    expect(names).not.toContain(waited);
    expect((await counts()).members).toBe(before.members + 1);

    // Once the first is done, the cell takes the next roster.
    h.emulator.sendDocument(h.botAccount, deputy, deputy.id, {
      fileName: "ds-3.csv",
      mimeType: "text/csv",
      content: Buffer.from(`Họ và tên\n${waited}\n`),
      caption: "/import",
    });
    await h.flush();
    expect(h.lastText(deputy.id)).toContain("Đã nhận: 1 đảng viên.");
    names = (await h.app.repos.memberships.listActive(kp1.cell.id)).map((m) => m.fullName);
    expect(names).toContain(waited);
    expect((await counts()).members).toBe(before.members + 2);
  });
});
