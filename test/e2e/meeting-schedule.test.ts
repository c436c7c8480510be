import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

describe.each(SUPPORTED_PROVIDERS)("recurring meetings on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let other: SeededCell;
  let secretary: User;
  let member: User;
  let leader: User;
  let stranger: User;
  let otherSecretary: User;

  const prisma = () => h.app.database.prisma;
  const schedulesCount = () => prisma().meetingSchedule.count();
  const meetingsOf = (cellId: number) =>
    prisma().meeting.findMany({ where: { cellId }, orderBy: { startsAt: "asc" } });

  beforeAll(async () => {
    // Tuesday 1 December 2026, 08:00 in Hanoi.
    h = await createHarness({ provider, start: new Date("2026-12-01T01:00:00Z") });
    secretary = h.emulator.createUser({ firstName: "Lan", lastName: "Trần", username: "lan_bithu" });
    member = h.emulator.createUser({ firstName: "Hải", username: "hai_dv" });
    leader = h.emulator.createUser({ firstName: "Tâm", username: "tam_tt" });
    stranger = h.emulator.createUser({ firstName: "Khách" });
    otherSecretary = h.emulator.createUser({ firstName: "Bình", username: "binh_bt" });
    cell = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: secretary, role: "secretary" },
      { user: member },
      { user: leader, role: "group_leader" },
    ]);
    other = await seedCell(h, "Chi bộ Khu phố 2", [{ user: otherSecretary, role: "secretary" }]);
    h.emulator.addMember(cell.chatId, stranger);
    h.emulator.addMember(cell.chatId, otherSecretary);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("refuses /meeting_schedule to everyone but the secretary and admins, writing nothing", async () => {
    for (const who of [stranger, member, leader, otherSecretary]) {
      const schedules = await schedulesCount();
      const rows = await prisma().scheduledDelivery.count();
      const audits = await prisma().auditEntry.count();
      await h.say(who, cell.chatId, "/meeting_schedule monthly 15 19h30 | Hội trường");
      expect(h.lastText(cell.chatId)).toBe(
        "Lệnh này chỉ dành cho Bí thư hoặc Phó Bí thư chi bộ. Đồng chí có thể xem việc của mình bằng /me.",
      );
      expect(await schedulesCount()).toBe(schedules);
      expect(await prisma().scheduledDelivery.count()).toBe(rows);
      expect(await prisma().auditEntry.count()).toBe(audits);
    }
    // The other cell's secretary may schedule their own cell, from its group.
    await h.say(otherSecretary, other.chatId, "/meeting_schedule monthly 3 8h sáng");
    expect(h.lastText(other.chatId)).toContain("Đã đặt lịch sinh hoạt thường kỳ cho Chi bộ Khu phố 2");
    // Less than 7 days ahead: it will be announced at once.
    expect(h.lastText(other.chatId)).toContain("Cuộc họp tới: Thứ Năm, 03/12/2026 lúc 08:00");
    expect(h.lastText(other.chatId)).toContain("Trợ lý sẽ thông báo trong nhóm ngay bây giờ.");
    await h.say(otherSecretary, other.chatId, "/meeting_schedule off");
    expect(h.lastText(other.chatId)).toContain("Đã dừng lịch sinh hoạt thường kỳ");
  });

  it("answers bad input clearly and writes nothing", async () => {
    const cases: [string, string][] = [
      ["/meeting_schedule monthly 31 19h30", "“31” không phải là ngày họp hợp lệ"],
      ["/meeting_schedule monthly 0 19h30", "“0” không phải là ngày họp hợp lệ"],
      ["/meeting_schedule monthly 15 25:00", "25:00"],
      ["/meeting_schedule monthly 15", "Cách đặt lịch sinh hoạt thường kỳ"],
      ["/meeting_schedule weekly 15 19h", "Cách đặt lịch sinh hoạt thường kỳ"],
      [
        `/meeting_schedule monthly 15 19h30 | ${"Hội trường ".repeat(410).slice(0, 4096)}`,
        "Địa điểm dài quá",
      ],
      [`/meeting_schedule monthly 15 ${"1".repeat(4096)}`, "1111"],
      ["/meeting_schedule ahead 0", "không hợp lệ"],
      ["/meeting_schedule ahead 🙂", "không hợp lệ"],
    ];
    for (const [command, expected] of cases) {
      const schedules = await schedulesCount();
      const rows = await prisma().scheduledDelivery.count();
      await h.say(secretary, cell.chatId, command);
      expect(h.lastText(cell.chatId), command.slice(0, 60)).toContain(expected);
      expect(await schedulesCount()).toBe(schedules);
      expect(await prisma().scheduledDelivery.count()).toBe(rows);
    }
    await h.say(secretary, cell.chatId, "/meeting_schedule ahead 3");
    expect(h.lastText(cell.chatId)).toBe("Chi bộ chưa có lịch sinh hoạt thường kỳ.");
  });

  it("stores the schedule, shows the next meeting, and announces it 7 days ahead", async () => {
    await h.say(secretary, cell.chatId, "/meeting_schedule monthly 15 19h30 | Hội trường Khu phố 1");
    const reply = h.lastText(cell.chatId)!;
    expect(reply).toContain("Đã đặt lịch sinh hoạt thường kỳ cho Chi bộ Khu phố 1");
    expect(reply).toContain("Ngày 15 hằng tháng, lúc 19:30, tại Hội trường Khu phố 1");
    expect(reply).toContain("Cuộc họp tới: Thứ Ba, 15/12/2026 lúc 19:30");
    expect(reply).toContain("Thứ Ba, 08/12/2026 lúc 08:00 (7 ngày trước)");
    const schedule = await prisma().meetingSchedule.findFirstOrThrow({
      where: { cellId: cell.cell.id, active: true },
    });
    expect(schedule).toMatchObject({
      dayOfMonth: 15,
      time: "19:30",
      place: "Hội trường Khu phố 1",
      announceDaysAhead: 7,
    });
    expect((await h.app.repos.audit.list({ action: "meeting_schedule.set" })).length).toBeGreaterThan(0);

    // The day before the announcement: nothing yet.
    h.clock.set(new Date("2026-12-08T00:59:00Z"));
    await h.app.scheduler.tick();
    expect(await meetingsOf(cell.cell.id)).toHaveLength(0);

    const before = h.emulator.botMessages(h.botAccount, cell.chatId).length;
    h.clock.set(new Date("2026-12-08T01:00:00Z"));
    await h.app.scheduler.tick();
    const meetings = await meetingsOf(cell.cell.id);
    expect(meetings).toHaveLength(1);
    const meeting = meetings[0]!;
    expect(meeting).toMatchObject({
      scheduleId: schedule.id,
      kind: "regular",
      state: "planned",
      place: "Hội trường Khu phố 1",
    });
    expect(meeting.startsAt.toISOString()).toBe("2026-12-15T12:30:00.000Z");
    const posted = h.emulator.botMessages(h.botAccount, cell.chatId).slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.text).toContain("Thứ Ba, 15/12/2026 lúc 19:30");
    expect(posted[0]!.text).toContain("Hội trường Khu phố 1");
    const urls = posted[0]!.buttons.map((b) => b.url ?? b.callback_data);
    expect(urls).toContain(`rsvp:${meeting.id}:a`);
    expect(urls).toContain(`https://t.me/chibo_test_bot?start=o_${meeting.id}`);
    // The same tick stored the announcement on the meeting (so RSVP counts can update it).
    const linked = await h.app.repos.meetings.get(meeting.id);
    expect(linked?.announcementMessageId).toBe(posted[0]!.message_id);
    expect(linked?.announcementChatId).toBe(cell.chatId);
    // The schedule row sent nothing itself; the announcement row recorded its one message.
    const monthRow = await h.app.repos.outbox.get(`schedule:${schedule.id}:2026-12`);
    expect(monthRow?.status).toBe("sent");
    expect(await h.app.repos.outbox.sentMessages(monthRow!.id)).toEqual([]);
    const announceRow = await h.app.repos.outbox.get(`meeting:${meeting.id}:announce`);
    expect(announceRow).toMatchObject({ status: "sent", resultMessageId: posted[0]!.message_id });
    expect(await h.app.repos.outbox.sentMessages(announceRow!.id)).toEqual([
      expect.objectContaining({ position: 0, chatId: cell.chatId, messageId: posted[0]!.message_id }),
    ]);
    // Reminders were planned for it, and the following months stay scheduled.
    expect((await h.app.repos.outbox.listByKeyPrefix(`meeting:${meeting.id}:r:`)).length).toBeGreaterThan(0);
    const chain = await h.app.repos.outbox.listByKeyPrefix(`schedule:${schedule.id}:`);
    expect(chain.map((r) => r.key)).toEqual(
      expect.arrayContaining([`schedule:${schedule.id}:2027-01`, `schedule:${schedule.id}:2027-02`]),
    );

    // Ticking again creates and announces nothing more.
    await h.app.scheduler.tick();
    await h.app.scheduler.tick();
    expect(await meetingsOf(cell.cell.id)).toHaveLength(1);
    expect(h.emulator.botMessages(h.botAccount, cell.chatId).slice(before)).toHaveLength(1);
  });

  it("moves the next announcement with /meeting_schedule ahead", async () => {
    const schedule = await prisma().meetingSchedule.findFirstOrThrow({
      where: { cellId: cell.cell.id, active: true },
    });
    await h.say(secretary, cell.chatId, "/meeting_schedule ahead 3");
    expect(h.lastText(cell.chatId)).toContain("trước 3 ngày");
    // December's meeting is already announced; January's will be announced 3 days before.
    expect(h.lastText(cell.chatId)).toContain("Cuộc họp tới: Thứ Ba, 15/12/2026 lúc 19:30");
    expect(h.lastText(cell.chatId)).toContain("Đã thông báo trong nhóm (cuộc họp #");
    const row = await h.app.repos.outbox.get(`schedule:${schedule.id}:2027-01`);
    expect(row?.status).toBe("pending");
    expect(row?.dueAt.toISOString()).toBe("2027-01-12T01:00:00.000Z");
    const after = await h.app.repos.outbox.get(`schedule:${schedule.id}:2027-02`);
    expect(after?.status).toBe("pending");
    expect(after?.dueAt.toISOString()).toBe("2027-02-12T01:00:00.000Z");
    await h.say(secretary, cell.chatId, "/meeting_schedule");
    expect(h.lastText(cell.chatId)).toContain("Lịch sinh hoạt thường kỳ của Chi bộ Khu phố 1");

    // Next month's meeting: created and announced 3 days before, not earlier.
    h.clock.set(new Date("2027-01-12T00:59:00Z"));
    await h.app.scheduler.tick();
    expect(await meetingsOf(cell.cell.id)).toHaveLength(1);
    h.clock.set(new Date("2027-01-12T01:00:00Z"));
    await h.app.scheduler.tick();
    const meetings = await meetingsOf(cell.cell.id);
    expect(meetings.map((m) => m.startsAt.toISOString())).toEqual([
      "2026-12-15T12:30:00.000Z",
      "2027-01-15T12:30:00.000Z",
    ]);
    expect(h.lastText(cell.chatId)).toContain("Thứ Sáu, 15/01/2027 lúc 19:30");
    expect(await h.app.repos.outbox.get(`schedule:${schedule.id}:2027-03`)).not.toBeNull();
  });

  it("stops with /meeting_schedule off: no meeting is created on a cancelled schedule", async () => {
    const schedule = await prisma().meetingSchedule.findFirstOrThrow({
      where: { cellId: cell.cell.id, active: true },
    });
    await h.say(secretary, cell.chatId, "/meeting_schedule off");
    expect(h.lastText(cell.chatId)).toContain("Đã dừng lịch sinh hoạt thường kỳ của Chi bộ Khu phố 1");
    const stopped = await prisma().meetingSchedule.findUniqueOrThrow({ where: { id: schedule.id } });
    expect(stopped.active).toBe(false);
    expect(stopped.cancelledAt).not.toBeNull();
    const rows = await h.app.repos.outbox.listByKeyPrefix(`schedule:${schedule.id}:`);
    expect(rows.filter((r) => r.status === "pending")).toHaveLength(0);

    // Even a row that slipped through (written before the schedule was stopped) creates nothing.
    await h.app.repos.outbox.schedule([
      {
        key: `schedule:${schedule.id}:2027-04`,
        kind: "meeting_schedule",
        cellId: cell.cell.id,
        payload: { scheduleId: schedule.id, period: "2027-04" },
        dueAt: h.clock.now(),
      },
    ]);
    const before = (await meetingsOf(cell.cell.id)).length;
    h.clock.set(new Date("2027-01-20T01:00:00Z"));
    await h.app.scheduler.tick();
    h.clock.set(new Date("2027-02-12T01:00:00Z"));
    await h.app.scheduler.tick();
    expect(await meetingsOf(cell.cell.id)).toHaveLength(before);
    expect((await h.app.repos.outbox.get(`schedule:${schedule.id}:2027-04`))?.status).toBe("dropped");
    await h.say(secretary, cell.chatId, "/meeting_schedule off");
    expect(h.lastText(cell.chatId)).toBe("Chi bộ chưa có lịch sinh hoạt thường kỳ.");
  });

  it("lets an admin set a schedule for the last day of the month, and speaks the group's language", async () => {
    await h.say(h.admin, cell.chatId, "/meeting_schedule monthly cuối tháng 7h sáng");
    const reply = h.lastText(cell.chatId)!;
    expect(reply).toContain("Ngày cuối cùng hằng tháng, lúc 07:00");
    expect(reply).toContain("Cuộc họp tới: Chủ Nhật, 28/02/2027 lúc 07:00");
    expect(await prisma().meetingSchedule.count({ where: { cellId: cell.cell.id, active: true } })).toBe(1);
    await h.say(h.admin, cell.chatId, "/lang en");
    await h.say(secretary, cell.chatId, "/meeting_schedule");
    expect(h.lastText(cell.chatId)).toContain("The last day of every month at 07:00");
    expect(h.lastText(cell.chatId)).toContain("Next meeting: Sunday, 28/02/2027 at 07:00");
    await h.say(h.admin, cell.chatId, "/lang vi");
  });
});
