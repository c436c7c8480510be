import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANNOUNCEMENT_REFRESH_DELAY_MS } from "../../src/features/meetings/announcement-job.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";
import { announceTypedMeeting, messageWithButton } from "../support/meeting-preview.ts";

// Tuesday 01/12/2026 08:00 in Hà Nội.
const START = new Date("2026-12-01T01:00:00Z");

describe.each(SUPPORTED_PROVIDERS)("meetings core on %s", (provider) => {
  let h: Harness;
  let cellNo = 0;

  beforeAll(async () => {
    h = await createHarness({ provider, start: START });
  });
  afterAll(async () => {
    await h?.close();
  });

  const prisma = () => h.app.database.prisma;
  const meetingCount = () => prisma().meeting.count();
  const rsvpCount = () => prisma().rsvp.count();

  interface Ward {
    seeded: SeededCell;
    secretary: User;
    leader: User;
    member: User;
    quiet: User;
    exempt: User;
  }

  async function ward(): Promise<Ward> {
    cellNo += 1;
    const secretary = h.emulator.createUser({ firstName: `Lan${cellNo}` });
    const leader = h.emulator.createUser({ firstName: `Tổ${cellNo}` });
    const member = h.emulator.createUser({ firstName: `Hải${cellNo}` });
    const quiet = h.emulator.createUser({ firstName: `Bình${cellNo}` });
    const exempt = h.emulator.createUser({ firstName: `Cụ${cellNo}` });
    const seeded = await seedCell(h, `Chi bộ Khu phố ${cellNo}`, [
      { user: secretary, role: "secretary" },
      { user: leader, role: "group_leader" },
      { user: member },
      { user: quiet, started: false },
      { user: exempt, status: "exempt" },
    ]);
    return { seeded, secretary, leader, member, quiet, exempt };
  }

  function announcementOf(chatId: number) {
    const msg = h.emulator
      .botMessages(h.botAccount, chatId)
      .filter((m) => m.text?.startsWith("📢"))
      .at(-1);
    if (!msg) throw new Error("no announcement");
    return msg;
  }

  async function lastMeeting() {
    const row = await prisma().meeting.findFirst({ orderBy: { id: "desc" } });
    if (!row) throw new Error("no meeting");
    return row;
  }

  async function press(user: User, chatId: number, messageId: number, data: string) {
    const update = await h.press(user, chatId, messageId, data);
    return h.emulator.callbackAnswer(update.callback_query!.id);
  }

  /** Lets the scheduler send what presses asked for: the announcement's refresh, a group question. */
  async function settle() {
    h.clock.advance(ANNOUNCEMENT_REFRESH_DELAY_MS);
    await h.app.scheduler.tick();
  }

  it("creates a meeting by command and announces it with RSVP buttons and counts", async () => {
    const w = await ward();
    const chat = w.seeded.chatId;
    await announceTypedMeeting(h, w.secretary, chat, "/meeting 04/12 19:30 | Hội trường Khu phố 1");
    const meeting = await lastMeeting();
    expect(meeting.cellId).toBe(w.seeded.cell.id);
    expect(meeting.kind).toBe("regular");
    expect(meeting.place).toBe("Hội trường Khu phố 1");
    expect(meeting.startsAt.toISOString()).toBe("2026-12-04T12:30:00.000Z");
    const ann = announcementOf(chat);
    expect(ann.text).toBe(
      [
        `📢 Chi bộ Khu phố ${cellNo} — sinh hoạt thường kỳ tháng 12/2026 (#${meeting.number})`,
        "🕢 Thứ Sáu, 04/12/2026 lúc 19:30",
        "📍 Hội trường Khu phố 1",
        "Đề nghị các đồng chí xác nhận tham dự bằng nút bên dưới.",
        "Đã xác nhận: 0 tham dự · 0 vắng · 4 chưa trả lời",
      ].join("\n"),
    );
    expect(ann.buttons.map((b) => b.callback_data ?? b.url)).toEqual([
      `rsvp:${meeting.id}:a`,
      `rsvp:${meeting.id}:n`,
      `rsvp:${meeting.id}:u`,
      `https://t.me/chibo_test_bot?start=o_${meeting.id}`,
      "https://t.me/chibo_test_bot?start=r",
    ]);
    expect(ann.buttons.map((b) => b.text).slice(0, 3)).toEqual(["✅ Tham dự", "❌ Vắng mặt", "❔ Chưa chắc"]);
    expect(Number(meeting.announcementChatId)).toBe(chat);
    expect(meeting.announcementMessageId).toBe(ann.message_id);

    // Privately, with a title: announced in the group, the secretary is told.
    await announceTypedMeeting(
      h,
      w.secretary,
      w.secretary.id,
      "/meeting 18/12 14h | Nhà văn hóa | Sinh hoạt chuyên đề về chuyển đổi số",
    );
    const second = await lastMeeting();
    expect(second.title).toBe("Sinh hoạt chuyên đề về chuyển đổi số");
    expect(h.lastText(w.secretary.id)).toBe(
      `Đã tạo cuộc họp #${second.number} và thông báo trong nhóm Chi bộ Khu phố ${cellNo}.`,
    );
    expect(announcementOf(chat).text).toContain("Sinh hoạt chuyên đề về chuyển đổi số");
    expect(announcementOf(chat).text).toContain("🕢 Thứ Sáu, 18/12/2026 lúc 14:00");
  });

  it("refuses bad input with a clear message and writes nothing", async () => {
    const w = await ward();
    const chat = w.seeded.chatId;
    const before = await meetingCount();
    const cases: [string, string][] = [
      ["/meeting 31/11 19:30", "Không có ngày"],
      ["/meeting 05/12", "còn thiếu giờ"],
      ["/meeting 30/11 19:30", "đã qua rồi"],
      ["/meeting 05/12 25:00", "không hợp lệ"],
      ["/meeting hôm nào đó", "chưa hiểu"],
      [`/meeting 05/12 19:30 | ${"Đ".repeat(4000)}`, "Địa điểm dài 4000 ký tự"],
      [`/meeting 05/12 19:30 | Hội trường | ${"x".repeat(201)}`, "Tiêu đề dài 201 ký tự"],
    ];
    for (const [text, expected] of cases) {
      await h.say(w.secretary, chat, text);
      expect(h.lastText(chat), text.slice(0, 40)).toContain(expected);
    }
    expect(await meetingCount()).toBe(before);
  });

  it("records RSVPs: twice keeps one, a change keeps the latest, counts are edited", async () => {
    const w = await ward();
    const chat = w.seeded.chatId;
    await announceTypedMeeting(h, w.secretary, chat, "/meeting 04/12 19:30 | Hội trường");
    const meeting = await lastMeeting();
    const ann = announcementOf(chat);
    const memberId = w.seeded.members.get(w.member.id)!.memberId;

    const first = await press(w.member, chat, ann.message_id, `rsvp:${meeting.id}:a`);
    expect(first?.text).toContain("tham dự");
    await press(w.member, chat, ann.message_id, `rsvp:${meeting.id}:a`);
    const rows = await prisma().rsvp.findMany({ where: { meetingId: meeting.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ memberId, answer: "attend" });
    await settle();
    expect(announcementOf(chat).text).toContain("Đã xác nhận: 1 tham dự · 0 vắng · 3 chưa trả lời");

    await press(w.member, chat, ann.message_id, `rsvp:${meeting.id}:u`);
    const changed = await prisma().rsvp.findMany({ where: { meetingId: meeting.id } });
    expect(changed).toHaveLength(1);
    expect(changed[0]!.answer).toBe("unsure");
    await settle();
    expect(announcementOf(chat).text).toContain(
      "Đã xác nhận: 0 tham dự · 0 vắng · 4 chưa trả lời (1 chưa chắc)",
    );

    // The exempt member may answer but is not counted as expected.
    await press(w.exempt, chat, ann.message_id, `rsvp:${meeting.id}:a`);
    await settle();
    expect(announcementOf(chat).text).toContain("Đã xác nhận: 1 tham dự · 0 vắng · 4 chưa trả lời");
  });

  it("asks absent members for a reason privately, or in the group without names when unreachable", async () => {
    const w = await ward();
    const chat = w.seeded.chatId;
    await announceTypedMeeting(h, w.secretary, chat, "/meeting 04/12 19:30 | Hội trường");
    const meeting = await lastMeeting();
    const ann = announcementOf(chat);
    const memberId = w.seeded.members.get(w.member.id)!.memberId;
    const quietId = w.seeded.members.get(w.quiet.id)!.memberId;

    // Reachable: asked privately.
    const answer = await press(w.member, chat, ann.message_id, `rsvp:${meeting.id}:n`);
    expect(answer?.text).toContain("nhắn riêng");
    const ask = h.emulator.lastBotMessage(h.botAccount, w.member.id)!;
    expect(ask.text).toContain(`vắng mặt cuộc họp #${meeting.number}`);
    expect(ask.buttons.map((b) => b.callback_data)).toEqual([
      `rsvp:${meeting.id}:r:h`,
      `rsvp:${meeting.id}:r:w`,
      `rsvp:${meeting.id}:r:f`,
      `rsvp:${meeting.id}:r:o`,
    ]);
    await press(w.member, w.member.id, ask.message_id, `rsvp:${meeting.id}:r:h`);
    expect(await prisma().rsvp.findFirst({ where: { meetingId: meeting.id, memberId } })).toMatchObject({
      answer: "absent",
      reason: "health",
    });
    await settle();
    expect(announcementOf(chat).text).toContain("0 tham dự · 1 vắng · 3 chưa trả lời");

    // Unreachable: a small question in the group that names nobody.
    const groupBefore = h.texts(chat).length;
    const quietAnswer = await press(w.quiet, chat, ann.message_id, `rsvp:${meeting.id}:n`);
    expect(quietAnswer?.show_alert).toBe(true);
    await settle();
    const groupAsk = h.emulator.lastBotMessage(h.botAccount, chat)!;
    expect(h.texts(chat).length).toBe(groupBefore + 1);
    expect(groupAsk.text).toContain(`vắng mặt cuộc họp #${meeting.number}`);
    expect(groupAsk.text).not.toContain("Bình");
    await press(w.quiet, chat, groupAsk.message_id, `rsvp:${meeting.id}:r:f`);
    expect(
      await prisma().rsvp.findFirst({ where: { meetingId: meeting.id, memberId: quietId } }),
    ).toMatchObject({
      reason: "family",
    });
    // Someone who did not report an absence cannot set a reason.
    const notAbsent = await press(w.leader, chat, groupAsk.message_id, `rsvp:${meeting.id}:r:w`);
    expect(notAbsent?.text).toContain("không báo vắng mặt");
  });

  it("takes an 'other' reason as typed text in reply to a private prompt", async () => {
    const w = await ward();
    const chat = w.seeded.chatId;
    await announceTypedMeeting(h, w.secretary, chat, "/meeting 04/12 19:30 | Hội trường");
    const meeting = await lastMeeting();
    const ann = announcementOf(chat);
    const memberId = w.seeded.members.get(w.member.id)!.memberId;
    await press(w.member, chat, ann.message_id, `rsvp:${meeting.id}:n`);
    const ask = h.emulator.lastBotMessage(h.botAccount, w.member.id)!;
    await press(w.member, w.member.id, ask.message_id, `rsvp:${meeting.id}:r:o`);
    const prompt = h.emulator.lastBotMessage(h.botAccount, w.member.id)!;
    expect(prompt.text).toBe(
      `Xin đồng chí gõ lý do vắng mặt cuộc họp #${meeting.number} rồi gửi (không quá 500 ký tự).`,
    );
    expect(prompt.reply_markup).toEqual({ inline_keyboard: [[{ text: "✖️ Thôi", callback_data: "tq:x" }]] });
    await h.say(w.member, w.member.id, "x".repeat(600));
    expect(h.lastText(w.member.id)).toContain("không quá 500 ký tự");
    await h.say(w.member, w.member.id, "Đi công tác tỉnh xa", { replyToMessageId: prompt.message_id });
    expect(h.lastText(w.member.id)).toContain("Đi công tác tỉnh xa");
    expect(await prisma().rsvp.findFirst({ where: { meetingId: meeting.id, memberId } })).toMatchObject({
      answer: "absent",
      reason: "other",
      reasonText: "Đi công tác tỉnh xa",
    });
  });

  it("a stranger or a member of another cell pressing changes nothing and is told", async () => {
    const w = await ward();
    const other = await ward();
    const chat = w.seeded.chatId;
    await announceTypedMeeting(h, w.secretary, chat, "/meeting 04/12 19:30 | Hội trường");
    const meeting = await lastMeeting();
    const ann = announcementOf(chat);
    const stranger = h.emulator.createUser({ firstName: "Lạ" });
    h.emulator.addMember(chat, stranger);
    h.emulator.addMember(chat, other.member);
    await h.flush();
    const before = await rsvpCount();
    const textBefore = announcementOf(chat).text;
    for (const who of [stranger, other.member]) {
      const answer = await press(who, chat, ann.message_id, `rsvp:${meeting.id}:a`);
      expect(answer?.show_alert).toBe(true);
      expect(answer?.text).toContain(`chỉ dành cho đảng viên của Chi bộ Khu phố ${cellNo - 1}`);
      const reason = await press(who, chat, ann.message_id, `rsvp:${meeting.id}:r:h`);
      expect(reason?.show_alert).toBe(true);
    }
    expect(await rsvpCount()).toBe(before);
    expect(announcementOf(chat).text).toBe(textBefore);
  });

  it("walks the guided flow with buttons and typed answers to the end", async () => {
    const w = await ward();
    const chat = w.seeded.chatId;
    const dm = w.secretary.id;
    // A meeting with a place first, so that "the last place" is offered.
    await announceTypedMeeting(h, w.secretary, chat, "/meeting 04/12 19:30 | Hội trường Tổ 5");
    const before = await meetingCount();

    await h.say(w.secretary, dm, "/meeting");
    const kindMsg = h.emulator.lastBotMessage(h.botAccount, dm)!;
    const cellId = w.seeded.cell.id;
    expect(kindMsg.buttons.map((b) => b.callback_data)).toEqual([
      `mg:${cellId}:k:r`,
      `mg:${cellId}:k:t`,
      `mg:${cellId}:k:e`,
      `mg:${cellId}:k:f`,
      `mg:${cellId}:x`,
    ]);
    // Someone else pressing is refused.
    const intruder = await press(w.member, chat, announcementOf(chat).message_id, `mg:${cellId}:k:t`);
    expect(intruder?.text).toContain("chỉ dành cho Bí thư");

    await press(w.secretary, dm, kindMsg.message_id, `mg:${cellId}:k:t`);
    // A second press edits nothing and is no error.
    const again = await press(w.secretary, dm, kindMsg.message_id, `mg:${cellId}:k:t`);
    expect(again?.text ?? "").not.toContain("lỗi");
    const dateMsg = h.emulator.lastBotMessage(h.botAccount, dm)!;
    expect(dateMsg.message_id).toBe(kindMsg.message_id);
    expect(dateMsg.text).toContain("Loại: Sinh hoạt chuyên đề");
    const dates = dateMsg.buttons.filter((b) => b.callback_data?.includes(":d:"));
    expect(dates).toHaveLength(7);
    expect(dates[0]).toEqual({ text: "Thứ Tư, 02/12", callback_data: `mg:${cellId}:d:t:20261202` });
    expect(dateMsg.buttons.every((b) => Buffer.byteLength(b.callback_data ?? "") <= 64)).toBe(true);

    await press(w.secretary, dm, dateMsg.message_id, `mg:${cellId}:d:t:20261203`);
    const timeMsg = h.emulator.lastBotMessage(h.botAccount, dm)!;
    expect(timeMsg.buttons.map((b) => b.text).slice(0, 3)).toEqual(["07:30", "14:00", "19:30"]);
    // "Type a time": in the private chat the next message answers, a reply is not needed.
    await press(w.secretary, dm, timeMsg.message_id, `mg:${cellId}:tt:t:20261203`);
    const timePrompt = h.emulator.lastBotMessage(h.botAccount, dm)!;
    expect(timePrompt.reply_markup).toEqual({
      inline_keyboard: [[{ text: "✖️ Thôi", callback_data: "tq:x" }]],
    });
    await h.say(w.secretary, dm, "25h");
    expect(h.lastText(dm)).toContain("không hợp lệ");
    await h.say(w.secretary, dm, "8h tối");
    const placeMsg = h.emulator.lastBotMessage(h.botAccount, dm)!;
    expect(placeMsg.text).toContain("🕢 Thứ Năm, 03/12/2026 lúc 20:00");
    expect(placeMsg.buttons[0]!.text).toBe("Hội trường Tổ 5");

    await press(w.secretary, dm, placeMsg.message_id, `mg:${cellId}:pt:t:202612032000`);
    const placePrompt = h.emulator.lastBotMessage(h.botAccount, dm)!;
    await h.say(w.secretary, dm, "Đ".repeat(300), { replyToMessageId: placePrompt.message_id });
    expect(h.lastText(dm)).toContain("Địa điểm dài 300 ký tự");
    await h.say(w.secretary, dm, "Nhà văn hóa  khu phố", { replyToMessageId: placePrompt.message_id });
    const confirm = h.emulator.lastBotMessage(h.botAccount, dm)!;
    expect(confirm.text).toContain("📍 Nhà văn hóa khu phố");
    expect(await meetingCount()).toBe(before);
    await press(w.secretary, dm, confirm.message_id, `mg:${cellId}:ok:t:202612032000:m`);
    // A second press of the same confirm creates nothing more.
    await press(w.secretary, dm, confirm.message_id, `mg:${cellId}:ok:t:202612032000:m`);
    expect(await meetingCount()).toBe(before + 1);
    const meeting = await lastMeeting();
    expect(meeting).toMatchObject({ kind: "thematic", place: "Nhà văn hóa khu phố", title: null });
    expect(meeting.startsAt.toISOString()).toBe("2026-12-03T13:00:00.000Z");
    expect(announcementOf(chat).text).toContain("sinh hoạt chuyên đề tháng 12/2026");
    expect(h.texts(dm).join("\n")).toContain(`Đã tạo cuộc họp #${meeting.number}`);

    // Typed date, then the last place button.
    await h.say(w.secretary, chat, "/meeting");
    const k2 = h.emulator.lastBotMessage(h.botAccount, chat)!;
    await press(w.secretary, chat, k2.message_id, `mg:${cellId}:k:r`);
    await press(w.secretary, chat, k2.message_id, `mg:${cellId}:dt:r`);
    const datePrompt = h.emulator.lastBotMessage(h.botAccount, chat)!;
    // In the group the prompt names the secretary, so that only their app opens the reply.
    expect(datePrompt.message.entities?.[0]).toMatchObject({ type: "text_mention", offset: 0 });
    expect(datePrompt.reply_markup).toMatchObject({ force_reply: true, selective: true });
    // Someone else's reply to it changes nothing.
    await h.say(w.member, chat, "12/12", { replyToMessageId: datePrompt.message_id });
    expect(h.lastText(chat)).toContain("đang chờ câu trả lời của đồng chí khác");
    await h.say(w.secretary, chat, "31/11", { replyToMessageId: datePrompt.message_id });
    expect(h.lastText(chat)).toContain("Không có ngày");
    await h.say(w.secretary, chat, "10/12", { replyToMessageId: datePrompt.message_id });
    const t2 = h.emulator.lastBotMessage(h.botAccount, chat)!;
    await press(w.secretary, chat, t2.message_id, `mg:${cellId}:t:r:202612101930`);
    await press(w.secretary, chat, t2.message_id, `mg:${cellId}:p:r:202612101930:l`);
    const c2 = h.emulator.lastBotMessage(h.botAccount, chat)!;
    expect(c2.text).toContain("📍 Nhà văn hóa khu phố");
    await press(w.secretary, chat, c2.message_id, `mg:${cellId}:ok:r:202612101930:m`);
    expect(await lastMeeting()).toMatchObject({ kind: "regular", place: "Nhà văn hóa khu phố" });
    expect(await meetingCount()).toBe(before + 2);
  });

  it("lets a secretary of several cells pick the cell with buttons", async () => {
    const a = await ward();
    const b = await ward();
    await h.app.repos.memberships.join(a.seeded.members.get(a.secretary.id)!.memberId, b.seeded.cell.id, {
      role: "secretary",
      status: "official",
    });
    const dm = a.secretary.id;
    const before = await meetingCount();
    await h.say(a.secretary, dm, "/meeting 05/12 8h sáng | Sân bóng");
    const pick = h.emulator.lastBotMessage(h.botAccount, dm)!;
    expect(pick.buttons.map((x) => x.callback_data).sort()).toEqual(
      [`cp:meeting:${a.seeded.cell.id}`, `cp:meeting:${b.seeded.cell.id}`].sort(),
    );
    expect(pick.text).toContain("/meeting 05/12 8h sáng | Sân bóng");
    expect(await meetingCount()).toBe(before);
    await press(a.secretary, dm, pick.message_id, `cp:meeting:${b.seeded.cell.id}`);
    expect(await meetingCount()).toBe(before);
    const preview = messageWithButton(h, dm, /^mg:\d+:ok:/);
    expect(preview.msg.text).toContain(`Chi bộ Khu phố ${cellNo}`);
    await press(a.secretary, dm, preview.msg.message_id, preview.data);
    const meeting = await lastMeeting();
    expect(meeting).toMatchObject({ cellId: b.seeded.cell.id, place: "Sân bóng" });
    // Pressed again: the same meeting is not created twice.
    const again = await press(a.secretary, dm, pick.message_id, `cp:meeting:${b.seeded.cell.id}`);
    expect(again?.text).toBeTruthy();
    expect(await meetingCount()).toBe(before + 1);
    // The same command again: refused, one meeting at one time.
    await h.say(b.secretary, b.seeded.chatId, "/meeting 05/12 8h sáng | Sân bóng");
    expect(h.lastText(b.seeded.chatId)).toContain(`đã có cuộc họp #${meeting.number}`);
    expect(await meetingCount()).toBe(before + 1);
    expect(announcementOf(b.seeded.chatId).text).toContain("🕢 Thứ Bảy, 05/12/2026 lúc 08:00");
  });

  it("lists meetings with state and counts", async () => {
    const w = await ward();
    const chat = w.seeded.chatId;
    await h.say(w.secretary, chat, "/meetings");
    expect(h.lastText(chat)).toContain("chưa có cuộc họp nào");
    await announceTypedMeeting(h, w.secretary, chat, "/meeting 04/12 19:30 | Hội trường");
    const m1 = await lastMeeting();
    await announceTypedMeeting(h, w.secretary, chat, "/meeting 20/12 19:30 | Hội trường");
    const m2 = await lastMeeting();
    await press(w.member, chat, announcementOf(chat).message_id, `rsvp:${m2.id}:a`);
    await h.say(w.secretary, chat, `/cancel_meeting #${m1.number}`);
    await h.say(w.member, chat, "/meetings");
    const text = h.lastText(chat)!;
    expect(text).toContain(`📅 Cuộc họp của Chi bộ Khu phố ${cellNo}`);
    expect(text).toContain(
      `#${m1.number} · Thứ Sáu, 04/12/2026 lúc 19:30 · sinh hoạt thường kỳ tháng 12/2026 · đã hủy`,
    );
    expect(text).toContain(
      `#${m2.number} · Chủ Nhật, 20/12/2026 lúc 19:30 · sinh hoạt thường kỳ tháng 12/2026 · sắp diễn ra · 1 tham dự / 0 vắng / 3 chưa trả lời`,
    );
  });

  it("cancels a meeting: state, announcement, group told; refused twice", async () => {
    const w = await ward();
    const chat = w.seeded.chatId;
    await announceTypedMeeting(h, w.secretary, chat, "/meeting 04/12 19:30 | Hội trường");
    const meeting = await lastMeeting();
    await h.say(w.secretary, chat, "/cancel_meeting");
    expect(h.lastText(chat)).toContain("Cách dùng: /cancel_meeting");
    await h.say(w.secretary, chat, "/cancel_meeting #99999");
    expect(h.lastText(chat)).toContain("không có cuộc họp số #99999");
    await h.say(w.secretary, w.secretary.id, `/cancel_meeting #${meeting.number}`);
    expect(h.lastText(w.secretary.id)).toBe(`Đã hủy cuộc họp #${meeting.number} và báo cho nhóm chi bộ.`);
    expect((await prisma().meeting.findUnique({ where: { id: meeting.id } }))!.state).toBe("cancelled");
    expect(h.lastText(chat)).toContain(`cuộc họp #${meeting.number}`);
    expect(h.lastText(chat)).toContain("Thứ Sáu, 04/12/2026 lúc 19:30 đã được hủy");
    const edited = h.emulator
      .botMessages(h.botAccount, chat)
      .find((m) => m.message_id === meeting.announcementMessageId)!;
    expect(edited.text).toContain("🚫 CUỘC HỌP ĐÃ HỦY");
    expect(edited.buttons).toHaveLength(0);
    // A stale RSVP button (e.g. in an earlier reminder) no longer records anything.
    const stale = await press(w.member, chat, edited.message_id, `rsvp:${meeting.id}:a`);
    expect(stale?.text).toBe("Cuộc họp này đã bị hủy, không cần xác nhận nữa.");
    expect(await prisma().rsvp.count({ where: { meetingId: meeting.id } })).toBe(0);
    await h.say(w.secretary, chat, `/cancel_meeting ${meeting.number}`);
    expect(h.lastText(chat)).toBe(`Cuộc họp #${meeting.number} đã bị hủy trước đó.`);
    await h.say(w.secretary, chat, `/move_meeting #${meeting.number} 11/12 19:30`);
    expect(h.lastText(chat)).toBe(`Cuộc họp #${meeting.number} đã bị hủy trước đó.`);
  });

  it("moves a meeting: new time, announcement annotated, group told the Vietnamese way; the past refused", async () => {
    const w = await ward();
    const chat = w.seeded.chatId;
    await announceTypedMeeting(h, w.secretary, chat, "/meeting 04/12 19:30 | Hội trường");
    const meeting = await lastMeeting();
    await h.say(w.secretary, chat, `/move_meeting #${meeting.number} 30/11 19:30`);
    expect(h.lastText(chat)).toContain("đã qua rồi");
    await h.say(w.secretary, chat, `/move_meeting #${meeting.number}`);
    expect(h.lastText(chat)).toContain("Cách dùng: /move_meeting");
    expect((await prisma().meeting.findUnique({ where: { id: meeting.id } }))!.startsAt.toISOString()).toBe(
      "2026-12-04T12:30:00.000Z",
    );
    await h.say(w.secretary, chat, `/move_meeting #${meeting.number} thứ sáu tuần sau 19h30`);
    expect((await prisma().meeting.findUnique({ where: { id: meeting.id } }))!.startsAt.toISOString()).toBe(
      "2026-12-11T12:30:00.000Z",
    );
    expect(h.lastText(chat)).toContain(
      `được dời từ Thứ Sáu, 04/12/2026 lúc 19:30 sang Thứ Sáu, 11/12/2026 lúc 19:30`,
    );
    const ann = h.emulator
      .botMessages(h.botAccount, chat)
      .find((m) => m.message_id === meeting.announcementMessageId)!;
    expect(ann.text).toContain("🕢 Thứ Sáu, 11/12/2026 lúc 19:30");
    expect(ann.text).toContain("🔁 Đã dời lịch (trước đây: Thứ Sáu, 04/12/2026 lúc 19:30).");
    expect(ann.buttons).toHaveLength(5);
  });

  describe("authorisation", () => {
    interface Roles {
      w: Ward;
      rows: [string, User][];
    }
    async function roles(): Promise<Roles> {
      const w = await ward();
      const other = await ward();
      const stranger = h.emulator.createUser({ firstName: "Người lạ" });
      h.emulator.startBot(h.botAccount, stranger);
      h.emulator.addMember(w.seeded.chatId, stranger);
      h.emulator.addMember(w.seeded.chatId, other.secretary);
      await h.flush();
      return {
        w,
        rows: [
          ["stranger", stranger],
          ["member", w.member],
          ["group leader", w.leader],
          ["other cell's secretary", other.secretary],
          ["secretary", w.secretary],
          ["admin", h.admin],
        ],
      };
    }
    const managers = new Set(["secretary", "admin"]);
    const members = new Set(["member", "group leader", "secretary", "admin"]);

    it("/meeting, /cancel_meeting and /move_meeting: managers only", async () => {
      const { w, rows } = await roles();
      const chat = w.seeded.chatId;
      await announceTypedMeeting(h, w.secretary, chat, "/meeting 20/12 19:30 | Hội trường");
      const target = await lastMeeting();
      for (const [i, [role, user]] of rows.entries()) {
        const meetings = await meetingCount();
        await h.say(user, chat, `/meeting 21/12 ${13 + i}:00 | Hội trường`);
        if (managers.has(role)) {
          const { msg, data } = messageWithButton(h, chat, /^mg:\d+:ok:/);
          await h.press(user, chat, msg.message_id, data);
          expect(await meetingCount(), role).toBe(meetings + 1);
        } else {
          expect(h.lastText(chat), role).toBe(
            "Lệnh này chỉ dành cho Bí thư hoặc Phó Bí thư chi bộ. Đồng chí có thể xem việc của mình bằng /me.",
          );
          expect(await meetingCount(), role).toBe(meetings);
          await h.say(user, chat, `/move_meeting #${target.number} 22/12 19:30`);
          expect(h.lastText(chat), role).toContain("chỉ dành cho Bí thư");
          await h.say(user, chat, `/cancel_meeting #${target.number}`);
          expect(h.lastText(chat), role).toContain("chỉ dành cho Bí thư");
          const row = await prisma().meeting.findUnique({ where: { id: target.id } });
          expect(row, role).toMatchObject({ state: "planned", startsAt: target.startsAt });
        }
      }
      await h.say(h.admin, chat, `/move_meeting #${target.number} 22/12 19:30`);
      expect((await prisma().meeting.findUnique({ where: { id: target.id } }))!.startsAt.toISOString()).toBe(
        "2026-12-22T12:30:00.000Z",
      );
      await h.say(h.admin, chat, `/cancel_meeting #${target.number}`);
      expect((await prisma().meeting.findUnique({ where: { id: target.id } }))!.state).toBe("cancelled");
    });

    it("/meetings: members of the cell only", async () => {
      const { w, rows } = await roles();
      const chat = w.seeded.chatId;
      for (const [role, user] of rows) {
        const meetings = await meetingCount();
        await h.say(user, chat, "/meetings");
        if (members.has(role)) expect(h.lastText(chat), role).toContain("chưa có cuộc họp nào");
        else expect(h.lastText(chat), role).toContain("chỉ dành cho");
        expect(await meetingCount(), role).toBe(meetings);
      }
    });
  });
});
