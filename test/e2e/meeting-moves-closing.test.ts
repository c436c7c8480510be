// Issue 9 items 1–4 as they were seen, through the emulator on both databases: a moved meeting
// (private corrections, the "moved from" line that stays, answers asked again), closing (a
// confirmation with the counts, the chair counted present, one group message with the conclusions),
// repeated-absence alerts after the reason window, late joiners reminded and welcomed. A member who
// chose English gets English private messages.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postAnnouncement } from "../../src/features/meetings/announcement.ts";
import { planMeetingReminders } from "../../src/features/meetings/reminders.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";
import { nextMeetingNumber } from "../support/meeting-number.ts";

/** A local time in Hà Nội (UTC+7) as an instant. */
const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);
const NOT_FOR_YOU = "Nút này không dành cho đồng chí.";

describe.each(SUPPORTED_PROVIDERS)("moves, closing, absence alerts and late joiners on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let hai: User; // secretary
  let mai: User; // deputy, English
  let an: User; // answers "absent, work" before the move
  let binh: User; // answers "attend" before the move
  let john: User; // English member, answers "attend" before the move
  let cuc: User; // answers nothing
  let late: User; // opens the private chat only after the announcement
  let meetingId = 0;
  /** The meeting's number in the cell: what commands and messages use. */
  let meetingNo = 0;

  const prisma = () => h.app.database.prisma;
  const group = () => cell.chatId;
  const memberId = (u: User) => cell.members.get(u.id)!.memberId;
  const pressOn = async (user: User, chatId: number, data: string) => {
    const msg = h.emulator.lastBotMessage(h.botAccount, chatId)!;
    const update = await h.press(user, chatId, msg.message_id, data);
    return h.emulator.callbackAnswer(update.callback_query!.id)?.text;
  };
  const tickAt = async (at: Date) => {
    h.clock.set(at);
    await h.app.scheduler.tick();
  };
  const announcement = async () => {
    const m = await prisma().meeting.findUniqueOrThrow({ where: { id: meetingId } });
    return h.emulator
      .botMessages(h.botAccount, group())
      .find((msg) => msg.message_id === m.announcementMessageId)!.text!;
  };

  beforeAll(async () => {
    h = await createHarness({ provider, start: local("2026-12-01 08:00") });
    const user = (firstName: string, lastName?: string) =>
      h.emulator.createUser({ firstName, ...(lastName ? { lastName } : {}) });
    hai = user("Hải");
    mai = user("Mai");
    an = user("An");
    binh = user("Bình");
    john = user("John", "Smith");
    cuc = user("Cúc");
    late = user("Muộn");
    cell = await seedCell(h, "Chi bộ Khu phố 3", [
      { user: hai, role: "secretary" },
      { user: mai, role: "deputy" },
      { user: an },
      { user: binh },
      { user: john },
      { user: cuc },
      { user: late, started: false },
    ]);
    await prisma().member.updateMany({
      where: { id: { in: [memberId(mai), memberId(john)] } },
      data: { locale: "en" },
    });
    // Added to the cell without ever having opened the private chat (as a join request makes them).
    await prisma().member.update({ where: { id: memberId(late) }, data: { unreachableAt: null } });
    const meeting = await prisma().meeting.create({
      data: {
        cellId: cell.cell.id,
        number: await nextMeetingNumber(prisma(), cell.cell.id),
        startsAt: local("2026-12-04 19:30"),
        place: "Nhà văn hóa KP3",
      },
    });
    meetingId = meeting.id;
    meetingNo = meeting.number;
    await planMeetingReminders(h.app.services, meetingId);
    const view = (await h.app.repos.meetings.get(meetingId))!;
    await postAnnouncement(h.app.services, h.app.bot.api, h.app.bot.botInfo.username, cell.cell, view);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("reminds a member who opened the private chat after the announcement (item 4)", async () => {
    // 3 days before: everyone reachable then; Muộn has not opened the private chat.
    await tickAt(local("2026-12-01 19:30"));
    for (const u of [hai, mai, an, binh, john, cuc]) {
      expect(h.texts(u.id).some((t) => t.includes("Nhà văn hóa KP3"))).toBe(true);
    }
    expect(h.texts(late.id)).toEqual([]);
    expect(h.emulator.lastBotMessage(h.botAccount, john.id)!.text).toContain("A reminder for comrade John");

    // Muộn opens the private chat from the group's 🔔 link: a first welcome, not "welcome back".
    await h.say(late, late.id, "/start r");
    expect(h.lastText(late.id)).toContain("Kính chào đồng chí Muộn!");
    expect(h.lastText(late.id)).not.toContain("trở lại");
    // A member who had the chat open and sends /start again gets the full welcome again ("welcome
    // back" is for someone who comes back after blocking the bot).
    await h.say(cuc, cuc.id, "/start");
    expect(h.lastText(cuc.id)).toContain("Kính chào đồng chí Cúc!");
  });

  it("a move tells privately who was told, keeps the moved line, and asks answers again (item 1)", async () => {
    await pressOn(an, group(), `rsvp:${meetingId}:n`);
    await pressOn(an, an.id, `rsvp:${meetingId}:r:w`);
    await pressOn(binh, group(), `rsvp:${meetingId}:a`);
    await pressOn(john, group(), `rsvp:${meetingId}:a`);
    h.clock.set(local("2026-12-02 09:00"));
    await h.app.scheduler.tick();

    await h.say(hai, group(), `/move_meeting #${meetingNo} 06/12 17:12`);
    expect(h.lastText(group())).toContain("Chủ Nhật, 06/12/2026 lúc 17:12");
    expect(await announcement()).toContain("Đã dời lịch (trước đây: Thứ Sáu, 04/12/2026 lúc 19:30)");
    // Answers given for Friday are no answers for Sunday until confirmed.
    expect(await announcement()).toContain("Đã xác nhận: 0 tham dự · 0 vắng · 7 chưa trả lời");
    const rsvps = await prisma().rsvp.findMany({ where: { meetingId } });
    expect(rsvps.every((r) => r.beforeMove)).toBe(true);

    await h.app.scheduler.tick();
    const moved = (u: User) => h.texts(u.id).filter((t) => t.startsWith("🔁"));
    expect(moved(an)).toEqual([
      "🔁 Chi bộ Khu phố 3: sinh hoạt thường kỳ tháng 12/2026 đã dời sang Chủ Nhật, 06/12/2026 lúc 17:12 (trước đây: Thứ Sáu, 04/12/2026 lúc 19:30).\n" +
        "Trước khi dời, đồng chí đã báo: vắng mặt (công việc). Xin đồng chí xác nhận lại theo giờ mới bằng một nút bên dưới.",
    ]);
    expect(moved(binh)[0]).toContain("Trước khi dời, đồng chí đã báo: tham dự.");
    expect(moved(john)).toEqual([
      "🔁 Chi bộ Khu phố 3: regular meeting for 12/2026 is moved to Sunday, 06/12/2026 at 17:12 (previously: Friday, 04/12/2026 at 19:30).\n" +
        "Before the move you answered: attending. Please confirm again for the new time with a button below.",
    ]);
    expect(moved(cuc)[0]).toContain("Xin đồng chí xác nhận tham dự theo giờ mới");
    expect(moved(mai)[0]).toContain("Please confirm whether you will attend at the new time");
    // The secretary moved it (not told); Muộn had not been told the old time.
    expect(moved(hai)).toEqual([]);
    expect(moved(late)).toEqual([]);
    const buttons = h.emulator.lastBotMessage(h.botAccount, an.id)!.buttons.map((b) => b.callback_data);
    expect(buttons).toEqual([`rsvp:${meetingId}:a`, `rsvp:${meetingId}:n`, `rsvp:${meetingId}:u`]);
    // A second tick sends nothing again.
    const before = h.texts(an.id).length;
    await h.app.scheduler.tick();
    expect(h.texts(an.id)).toHaveLength(before);

    // Bình confirms with the same button: counted again; the moved line stays after the refresh.
    expect(await pressOn(binh, binh.id, `rsvp:${meetingId}:a`)).toContain("Đã ghi nhận: đồng chí tham dự");
    expect(
      (await prisma().rsvp.findFirstOrThrow({ where: { meetingId, memberId: memberId(binh) } })).beforeMove,
    ).toBe(false);
    h.clock.advance(10_000);
    await h.app.scheduler.tick();
    expect(await announcement()).toContain("Đã dời lịch (trước đây: Thứ Sáu, 04/12/2026 lúc 19:30)");
    expect(await announcement()).toContain("Đã xác nhận: 1 tham dự · 0 vắng · 6 chưa trả lời");

    // 2 hours before the new time: the nudge shows An's answer as given before the move; Bình, who
    // confirmed, gets none; Muộn, reachable now, gets it.
    await tickAt(local("2026-12-06 15:12"));
    expect(h.lastText(an.id)).toContain("Trước khi dời, đồng chí đã báo: vắng mặt (công việc).");
    expect(h.lastText(an.id)).toContain("17:12 chiều nay");
    expect(h.texts(binh.id).filter((t) => t.includes("17:12 chiều nay"))).toEqual([]);
    expect(h.lastText(late.id)).toContain("Kính nhắc đồng chí Muộn: 17:12 chiều nay");
    expect(h.lastText(john.id)).toContain("Before the move you answered: attending.");
  });

  it("asks before freezing a register without check-in; only the asker confirms (item 2)", async () => {
    h.clock.set(local("2026-12-06 19:30"));
    await h.say(hai, group(), `/close_meeting #${meetingNo} Thống nhất thu đảng phí quý IV`);
    const question = h.emulator.lastBotMessage(h.botAccount, group())!;
    expect(question.text).toContain("chưa mở điểm danh");
    // The secretary who closes counts as present; nobody else checked in.
    expect(question.text).toContain("• Có mặt: 1 (trong đó điểm danh hộ: 0)");
    expect(question.text).toContain("• Vắng không có lý do: 6");
    expect(question.buttons.map((b) => b.text)).toEqual(["✅ Chốt sổ", "Thôi"]);
    const [yes, no] = question.buttons.map((b) => b.callback_data!);
    expect((await prisma().meeting.findUniqueOrThrow({ where: { id: meetingId } })).state).toBe("planned");
    expect(await prisma().attendance.count({ where: { meetingId } })).toBe(0);

    // Someone else, even the deputy, cannot confirm it; a forged request id neither.
    // Mai chose English: the alert is for her alone, so in English.
    expect(await pressOn(mai, group(), yes!)).toBe("This button is not meant for you.");
    expect(await pressOn(an, group(), yes!)).toBe(NOT_FOR_YOU);
    expect(await pressOn(hai, group(), yes!.replace(/:\d+:y$/, ":1:y"))).toBe(NOT_FOR_YOU);
    // "Thôi" writes nothing.
    await pressOn(hai, group(), no!);
    expect(h.emulator.lastBotMessage(h.botAccount, group())!.text).toContain("Chưa chốt sổ");
    expect((await prisma().meeting.findUniqueOrThrow({ where: { id: meetingId } })).state).toBe("planned");

    // Asked again and confirmed: one group message with the counts and the conclusions.
    await h.say(hai, group(), `/close_meeting #${meetingNo} Thống nhất thu đảng phí quý IV`);
    const before = h.texts(group()).length;
    const confirm = h.emulator.lastBotMessage(h.botAccount, group())!.buttons[0]!.callback_data!;
    await pressOn(hai, group(), confirm);
    const closed = await prisma().meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(closed.state).toBe("closed");
    expect(closed.conclusions).toBe("Thống nhất thu đảng phí quý IV");
    const posted = h.texts(group()).slice(before);
    const result = posted.filter((t) => t.startsWith("✅"));
    expect(result).toHaveLength(1);
    expect(result[0]).toContain("và chốt sổ điểm danh");
    expect(result[0]).toContain("📝 Kết luận: Thống nhất thu đảng phí quý IV");
    expect(result[0]).toContain("• Vắng không có lý do: 6");
    const rows = new Map(
      (await prisma().attendance.findMany({ where: { meetingId } })).map((r) => [r.memberId, r.status]),
    );
    expect(rows.get(memberId(hai))).toBe("present");
    // An's "absent for work" was for Friday and never confirmed: no reason for Sunday.
    expect(rows.get(memberId(an))).toBe("absent_unexcused");
  });

  it("asks the reason privately, and alerts only after the reason window (item 3)", async () => {
    // One absence without a reason is enough to alert in this cell.
    await prisma().cell.update({ where: { id: cell.cell.id }, data: { settings: '{"absenceThreshold":1}' } });
    await h.app.scheduler.tick();
    const ask = h.emulator.lastBotMessage(h.botAccount, an.id)!;
    expect(ask.text).toContain("ghi đồng chí vắng mặt chưa có lý do");
    expect(ask.text).toContain("trước Thứ Ba, 08/12/2026 lúc 19:30");
    expect(h.lastText(john.id)).toContain("shows you as absent without a reason");
    expect(h.lastText(john.id)).toContain("before Tuesday, 08/12/2026 at 19:30");
    // Nothing is alerted at close.
    expect(await prisma().scheduledDelivery.count({ where: { key: { startsWith: "absence:" } } })).toBe(0);

    // An gives a reason a minute later: An is never alerted.
    h.clock.advance(60_000);
    await h.press(an, an.id, ask.message_id, `ab:${meetingId}:w`);
    await tickAt(local("2026-12-08 19:29"));
    expect(await prisma().scheduledDelivery.count({ where: { key: { startsWith: "absence:" } } })).toBe(0);

    await tickAt(local("2026-12-08 19:30"));
    const alerts = (u: User) => h.texts(u.id).filter((t) => t.startsWith("🔔"));
    const names = ["Mai", "Bình", "John Smith", "Cúc", "Muộn"];
    expect(alerts(hai).sort()).toEqual(
      names
        .map(
          (name) =>
            `🔔 Đồng chí ${name} (Chi bộ Khu phố 3) đã vắng họp không có lý do 1 lần trong năm 2026. Đề nghị đồng chí trao đổi, nhắc nhở đồng chí ấy.`,
        )
        .sort(),
    );
    expect(alerts(hai).join("\n")).not.toContain("chi bộ Chi bộ");
    expect(alerts(hai).join("\n")).not.toContain("Đồng chí An ");
    // The English deputy gets them in English.
    expect(alerts(mai)).toContain(
      "🔔 Bình (Chi bộ Khu phố 3) has been absent without a reason once in 2026. Please talk with them about it.",
    );
    // Not about herself.
    expect(alerts(mai)).toHaveLength(4);
    await h.app.scheduler.tick();
    expect(alerts(hai)).toHaveLength(5);
  });
});
