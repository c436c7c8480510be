import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

const REFUSED_SECRETARY =
  "Lệnh này chỉ dành cho Bí thư hoặc Phó Bí thư chi bộ. Đồng chí có thể xem việc của mình bằng /me.";

describe.each(SUPPORTED_PROVIDERS)("meeting agenda and pre-meeting opinions on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let other: SeededCell;
  let secretary: User;
  let hai: User;
  let an: User;
  let leader: User;
  let stranger: User;
  let otherSecretary: User;
  let meetingId: number;
  /** The meeting's number in the cell: what commands and messages use. */
  let meetingNo: number;

  const prisma = () => h.app.database.prisma;
  const lastPrivate = (user: User) => h.emulator.lastBotMessage(h.botAccount, user.id)!;

  beforeAll(async () => {
    h = await createHarness({ provider, start: new Date("2026-12-01T01:00:00Z") });
    secretary = h.emulator.createUser({ firstName: "Lan", lastName: "Trần", username: "lan_bithu" });
    hai = h.emulator.createUser({ firstName: "Hải", lastName: "Nguyễn", username: "hai_dv" });
    an = h.emulator.createUser({ firstName: "An", username: "an_dv" });
    leader = h.emulator.createUser({ firstName: "Tâm", username: "tam_tt" });
    stranger = h.emulator.createUser({ firstName: "Khách" });
    otherSecretary = h.emulator.createUser({ firstName: "Bình", username: "binh_bt" });
    cell = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: secretary, role: "secretary" },
      { user: hai },
      { user: an, started: false },
      { user: leader, role: "group_leader" },
    ]);
    other = await seedCell(h, "Chi bộ Khu phố 2", [{ user: otherSecretary, role: "secretary" }]);
    h.emulator.addMember(cell.chatId, stranger);
    h.emulator.addMember(cell.chatId, otherSecretary);
    for (const u of [stranger, h.admin]) h.emulator.startBot(h.botAccount, u);
    await h.flush();
    const meeting = await h.app.repos.meetings.create({
      cellId: cell.cell.id,
      kind: "regular",
      startsAt: new Date("2026-12-04T12:30:00Z"),
      place: "Hội trường Khu phố 1",
      title: null,
      createdByMemberId: null,
    });
    meetingId = meeting.id;
    meetingNo = meeting.number;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("assigns an agenda item; the member gets it privately with a ready button", async () => {
    await h.say(secretary, cell.chatId, `/agenda #${meetingNo} @hai_dv Báo cáo tình hình an ninh trật tự`);
    expect(h.lastText(cell.chatId)).toBe(
      `✅ Đã giao cho đồng chí Hải Nguyễn chuẩn bị “Báo cáo tình hình an ninh trật tự” cho cuộc họp #${meetingNo}; Trợ lý đã nhắn riêng cho đồng chí ấy.`,
    );
    const item = await prisma().agendaItem.findFirstOrThrow({ where: { meetingId } });
    expect(item).toMatchObject({ title: "Báo cáo tình hình an ninh trật tự", ready: false });
    const dm = lastPrivate(hai);
    expect(dm.text).toContain("Kính gửi đồng chí Hải: đồng chí Lan Trần phân công");
    expect(dm.text).toContain("Thứ Sáu, 04/12/2026 lúc 19:30");
    expect(dm.buttons.map((b) => b.callback_data)).toEqual([`ag:${item.id}:r`]);
  });

  it("assigns by replying to the member's message", async () => {
    h.emulator.sendText(h.botAccount, hai, cell.chatId, "Tôi xin nhận thêm việc");
    const said = h.emulator.messages(cell.chatId).at(-1)!;
    await h.flush();
    await h.say(secretary, cell.chatId, `/agenda #${meetingNo} Tổng hợp ý kiến của nhân dân`, {
      replyToMessageId: said.message_id,
    });
    expect(h.lastText(cell.chatId)).toContain(
      "Đã giao cho đồng chí Hải Nguyễn chuẩn bị “Tổng hợp ý kiến của nhân dân”",
    );
  });

  it("tells the secretary when the member has never opened the bot, with the link", async () => {
    await h.say(secretary, cell.chatId, `/agenda #${meetingNo} @an_dv Đọc nghị quyết`);
    const reply = h.emulator.lastBotMessage(h.botAccount, cell.chatId)!;
    expect(reply.text).toContain("chưa nhắn riêng được cho đồng chí An");
    expect(reply.text).toContain("https://t.me/chibo_test_bot?start=r");
    expect(reply.buttons[0]?.url).toBe("https://t.me/chibo_test_bot?start=r");
    expect(await prisma().agendaItem.count({ where: { meetingId } })).toBe(3);
  });

  it("marks ready only for the owner; other pressers change nothing; pressing twice is harmless", async () => {
    const item = await prisma().agendaItem.findFirstOrThrow({ where: { meetingId }, orderBy: { id: "asc" } });
    const data = `ag:${item.id}:r`;
    for (const who of [stranger, an, leader, otherSecretary, secretary, h.admin]) {
      if (who === an || who === leader || who === otherSecretary || who === secretary) {
        h.emulator.startBot(h.botAccount, who);
        await h.flush();
      }
      // A forged press: the data copied onto a message in the presser's own chat.
      const own = lastPrivate(who);
      const update = await h.press(who, who.id, own.message_id, data);
      expect(h.emulator.callbackAnswer(update.callback_query!.id)?.text).toBe(
        "Nút này không dành cho đồng chí.",
      );
      expect((await prisma().agendaItem.findUniqueOrThrow({ where: { id: item.id } })).ready).toBe(false);
    }
    const dm = h.emulator
      .botMessages(h.botAccount, hai.id)
      .find((m) => m.buttons.some((b) => b.callback_data === data))!;
    let update = await h.press(hai, hai.id, dm.message_id, data);
    expect(h.emulator.callbackAnswer(update.callback_query!.id)?.text).toContain("Đã ghi nhận");
    const ready = await prisma().agendaItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(ready.ready).toBe(true);
    expect(ready.readyAt?.toISOString()).toBe("2026-12-01T01:00:00.000Z");
    update = await h.press(hai, hai.id, dm.message_id, data);
    expect(h.emulator.callbackAnswer(update.callback_query!.id)?.text).toBe(
      "Nội dung này đã được ghi nhận là sẵn sàng.",
    );
    expect(dm.text).toContain("Đồng chí đã báo nội dung này sẵn sàng.");
  });

  it("lists the agenda with owners and readiness for members; strangers are refused", async () => {
    await h.say(hai, cell.chatId, `/agenda #${meetingNo}`);
    const list = h.lastText(cell.chatId)!;
    expect(list).toContain(`Nội dung cuộc họp #${meetingNo} (Thứ Sáu, 04/12/2026 lúc 19:30)`);
    expect(list).toContain("1. Báo cáo tình hình an ninh trật tự — đồng chí Hải Nguyễn — ✅ đã sẵn sàng");
    expect(list).toContain("3. Đọc nghị quyết — đồng chí An — ⏳ chưa sẵn sàng");
    expect(list).toContain("Đã sẵn sàng 1/3 nội dung.");
    await h.say(hai, hai.id, "/agenda");
    expect(h.lastText(hai.id)).toContain(`Nội dung cuộc họp #${meetingNo}`);
    await h.say(stranger, cell.chatId, `/agenda #${meetingNo}`);
    expect(h.lastText(cell.chatId)).toContain("chỉ dành cho đảng viên của chi bộ");
  });

  it("refuses assigning to everyone but the secretary and admins, and rejects bad input, writing nothing", async () => {
    for (const who of [stranger, hai, leader, otherSecretary]) {
      const before = await prisma().agendaItem.count();
      await h.say(who, cell.chatId, `/agenda #${meetingNo} @hai_dv Việc khác`);
      expect(h.lastText(cell.chatId)).toBe(REFUSED_SECRETARY);
      expect(await prisma().agendaItem.count()).toBe(before);
    }
    const cases: [string, string][] = [
      [`/agenda #${meetingNo} @hai_dv ${"Nội dung ".repeat(460).slice(0, 4096)}`, "Nội dung dài quá"],
      [`/agenda #${meetingNo} @hai_dv`, "Cách giao nội dung"],
      [`/agenda #${meetingNo} Việc không có người`, "Cách giao nội dung"],
      [`/agenda #${meetingNo} @khongco Việc`, "Không tìm thấy đảng viên"],
      [`/agenda #99999 @hai_dv Việc`, "99999"],
    ];
    for (const [command, expected] of cases) {
      const before = await prisma().agendaItem.count();
      await h.say(secretary, cell.chatId, command);
      expect(h.lastText(cell.chatId), command.slice(0, 40)).toContain(expected);
      expect(await prisma().agendaItem.count()).toBe(before);
    }
    // An admin may assign, from the cell's group.
    await h.say(h.admin, cell.chatId, `/agenda #${meetingNo} @tam_tt Phân công trực`);
    expect(h.lastText(cell.chatId)).toContain("Đã giao cho đồng chí Tâm chuẩn bị “Phân công trực”");
  });

  it("takes pre-meeting opinions privately through the deep link, named, text and voice", async () => {
    h.emulator.startBot(h.botAccount, hai, `o_${meetingId}`);
    await h.flush();
    const ask = lastPrivate(hai);
    expect(ask.text).toContain(`Ý kiến trước cuộc họp #${meetingNo} (Thứ Sáu, 04/12/2026 lúc 19:30)`);
    // The question carries a [Thôi] button and no internal code; the answers are plain messages.
    expect(ask.reply_markup).toEqual({ inline_keyboard: [[{ text: "✖️ Thôi", callback_data: "tq:x" }]] });
    expect(ask.text).not.toMatch(/mã:|ref:/);
    await h.say(hai, hai.id, "Đề nghị bàn việc vệ sinh ngõ xóm");
    expect(h.lastText(hai.id)).toContain("Đã ghi nhận ý kiến của đồng chí");
    // More points are welcome until the meeting starts: a voice note, as a reply this time.
    h.emulator.sendVoice(h.botAccount, hai, hai.id, { duration: 4, replyToMessageId: ask.message_id });
    await h.flush();
    const responses = await prisma().response.findMany({ where: { prompt: { meetingId } } });
    expect(responses).toHaveLength(2);
    const member = await h.app.repos.members.findByTelegramId(hai.id);
    expect(responses.every((r) => r.memberId === member!.id)).toBe(true);
    expect(responses.map((r) => r.text)).toContain("Đề nghị bàn việc vệ sinh ngõ xóm");
    expect(responses.some((r) => r.voiceFileId !== null)).toBe(true);
    const prompt = await prisma().prompt.findFirstOrThrow({ where: { meetingId } });
    expect(prompt).toMatchObject({ kind: "pre_meeting", anonymous: false, cellId: cell.cell.id });
    expect(await prisma().participation.count({ where: { promptId: prompt.id } })).toBe(1);
  });

  it("refuses opinions from non-members and for meetings that are over, storing nothing", async () => {
    const before = await prisma().response.count();
    for (const who of [stranger, otherSecretary, h.admin]) {
      h.emulator.startBot(h.botAccount, who, `o_${meetingId}`);
      await h.flush();
      expect(lastPrivate(who).text).toContain("không phải là đảng viên của chi bộ");
    }
    const cancelled = await h.app.repos.meetings.create({
      cellId: cell.cell.id,
      kind: "thematic",
      startsAt: new Date("2026-12-10T12:30:00Z"),
      place: null,
      title: null,
      createdByMemberId: null,
    });
    await h.app.repos.meetings.cancel(cancelled.id, h.clock.now());
    h.emulator.startBot(h.botAccount, hai, `o_${cancelled.id}`);
    await h.flush();
    expect(lastPrivate(hai).text).toContain(
      `Cuộc họp #${cancelled.number} đã bắt đầu, đã kết thúc hoặc đã hủy`,
    );
    expect(await prisma().response.count()).toBe(before);
  });

  it("shows opinions with names to the secretary only, privately; never in the group", async () => {
    for (const who of [stranger, hai, leader, otherSecretary]) {
      await h.say(who, cell.chatId, `/opinions #${meetingNo}`);
      expect(h.lastText(cell.chatId)).toBe(REFUSED_SECRETARY);
    }
    await h.say(hai, hai.id, `/opinions #${meetingNo}`);
    expect(h.lastText(hai.id)).toBe(REFUSED_SECRETARY);

    await h.say(secretary, cell.chatId, `/opinions #${meetingNo}`);
    expect(h.lastText(cell.chatId)).toBe(
      "Trợ lý đã gửi riêng danh sách ý kiến cho đồng chí (không đăng trong nhóm).",
    );
    const listMessage = h.emulator.lastBotMessage(h.botAccount, secretary.id)!;
    const list = listMessage.text!;
    // A reply to the list is not an opinion.
    const responses = await prisma().response.count();
    await h.say(secretary, secretary.id, "Đã xem", { replyToMessageId: listMessage.message_id });
    expect(await prisma().response.count()).toBe(responses);
    expect(list).toContain(`Ý kiến trước cuộc họp #${meetingNo}`);
    expect(list).toContain("Đồng chí Hải Nguyễn");
    expect(list).toContain("Đề nghị bàn việc vệ sinh ngõ xóm");
    expect(list).toContain("🎤 tin nhắn thoại");
    await h.say(secretary, secretary.id, "/opinions");
    expect(h.lastText(secretary.id)).toContain("Đề nghị bàn việc vệ sinh ngõ xóm");
    await h.say(h.admin, cell.chatId, `/opinions #${meetingNo}`);
    expect(h.lastText(h.admin.id)).toContain("Đề nghị bàn việc vệ sinh ngõ xóm");

    // Nothing of the opinions ever reached the group.
    for (const text of h.texts(cell.chatId)) expect(text).not.toContain("vệ sinh ngõ xóm");
    expect(other.chatId).not.toBe(cell.chatId);
  });
});
