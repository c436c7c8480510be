// A whole meeting month through commands, buttons and the scheduler on a manual clock: schedule,
// announcement, RSVPs with reasons, agenda readiness, a move, every reminder at its time to the
// right people only, check-in with a proxy, close, absence reasons and the repeated-absence alert.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";
import { nextMeetingNumber } from "../support/meeting-number.ts";

/** A local time in Hà Nội (UTC+7) as an instant. */
const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);

describe.each(SUPPORTED_PROVIDERS)("a meeting month on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let lan: User; // secretary
  let hai: User; // group leader of Tổ 1, prepares an agenda part
  let binh: User; // attends
  let cuc: User; // absent for health
  let dao: User; // never answers: absent without reason (third time this year)
  let bay: User; // no smartphone: never opened the bot, checked in by proxy
  let tu: User; // exempt from meetings
  const people = () => ({ lan, hai, binh, cuc, dao, bay, tu });

  beforeAll(async () => {
    h = await createHarness({ provider, start: local("2026-11-28 10:00") });
    lan = h.emulator.createUser({ firstName: "Lan", username: "lan_bt" });
    hai = h.emulator.createUser({ firstName: "Hải", username: "hai_tt" });
    binh = h.emulator.createUser({ firstName: "Bình", username: "binh_dv" });
    cuc = h.emulator.createUser({ firstName: "Cúc", username: "cuc_dv" });
    dao = h.emulator.createUser({ firstName: "Đào", username: "dao_dv" });
    bay = h.emulator.createUser({ firstName: "Bảy" });
    tu = h.emulator.createUser({ firstName: "Tư", username: "tu_dv" });
    cell = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: lan, role: "secretary" },
      { user: hai },
      { user: binh },
      { user: cuc },
      { user: dao },
      { user: bay, started: false },
      { user: tu, status: "exempt" },
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  const inbox = () =>
    Object.fromEntries(Object.entries(people()).map(([k, u]) => [k, h.texts(u.id).length])) as Record<
      keyof ReturnType<typeof people>,
      number
    >;
  /** Moves the clock, ticks the scheduler, and says who received how many new messages. */
  async function tickAt(at: string) {
    const before = { ...inbox(), group: h.texts(cell.chatId).length };
    h.clock.set(local(at));
    await h.app.scheduler.tick();
    const after = { ...inbox(), group: h.texts(cell.chatId).length };
    const delta: Record<string, number> = {};
    for (const [k, v] of Object.entries(after)) {
      const change = v - before[k as keyof typeof before];
      if (change !== 0) delta[k] = change;
    }
    return delta;
  }
  const last = (u: User | number) =>
    h.emulator.lastBotMessage(h.botAccount, typeof u === "number" ? u : u.id)!;
  const prisma = () => h.app.database.prisma;

  it("runs from the schedule to the repeated-absence alert", async () => {
    // Đào already missed two meetings this year without a reason.
    for (const month of ["2026-03-06 19:30", "2026-06-05 19:30"]) {
      const past = await prisma().meeting.create({
        data: {
          cellId: cell.cell.id,
          number: await nextMeetingNumber(prisma(), cell.cell.id),
          startsAt: local(month),
          state: "closed",
          closedAt: local(month),
        },
      });
      await prisma().attendance.create({
        data: {
          meetingId: past.id,
          memberId: cell.members.get(dao.id)!.memberId,
          status: "absent_unexcused",
        },
      });
    }

    // Party group: Hải leads Tổ 1 with Bảy.
    await h.say(lan, cell.chatId, "/group new Tổ 1");
    await h.say(lan, cell.chatId, "/group leader Tổ 1 @hai_tt");
    await h.say(lan, cell.chatId, `/group add Tổ 1 #${cell.members.get(bay.id)!.number}`);

    // The monthly schedule announces December's meeting at once (it is less than 7 days away).
    await h.say(lan, cell.chatId, "/meeting_schedule monthly 4 19:30 | Hội trường Khu phố 1");
    expect(h.lastText(cell.chatId)).toContain("Thứ Sáu, 04/12/2026 lúc 19:30");
    await tickAt("2026-11-28 10:01");
    const meeting = await prisma().meeting.findFirstOrThrow({
      where: { cellId: cell.cell.id, state: "planned" },
    });
    const announcement = last(cell.chatId);
    expect(announcement.text).toContain("🕢 Thứ Sáu, 04/12/2026 lúc 19:30");
    expect(announcement.text).toContain("📍 Hội trường Khu phố 1");
    // The announcement's afterSent step stored it on the meeting in the same tick.
    expect(meeting.announcementMessageId).toBe(announcement.message_id);
    expect(Number(meeting.announcementChatId)).toBe(cell.chatId);
    await tickAt("2026-11-28 10:02");

    // RSVPs: attend; absent for health (asked privately); not sure; a stranger changes nothing.
    await h.press(binh, cell.chatId, announcement.message_id, `rsvp:${meeting.id}:a`);
    await h.press(binh, cell.chatId, announcement.message_id, `rsvp:${meeting.id}:a`);
    await h.press(cuc, cell.chatId, announcement.message_id, `rsvp:${meeting.id}:n`);
    const reasonAsk = last(cuc);
    expect(reasonAsk.buttons.map((b) => b.callback_data)).toContain(`rsvp:${meeting.id}:r:h`);
    await h.press(cuc, cuc.id, reasonAsk.message_id, `rsvp:${meeting.id}:r:h`);
    await h.press(hai, cell.chatId, announcement.message_id, `rsvp:${meeting.id}:u`);
    const stranger = h.emulator.createUser({ firstName: "Khách" });
    h.emulator.addMember(cell.chatId, stranger);
    await h.press(stranger, cell.chatId, announcement.message_id, `rsvp:${meeting.id}:a`);
    const rsvps = await prisma().rsvp.findMany({
      where: { meetingId: meeting.id },
      orderBy: { memberId: "asc" },
    });
    expect(rsvps.map((r) => [r.answer, r.reason])).toEqual([
      ["unsure", null],
      ["attend", null],
      ["absent", "health"],
    ]);
    // The announcement's counts are refreshed by the scheduler, in one edit for all these answers.
    expect(await tickAt("2026-11-28 10:03")).toEqual({});
    expect(last(cell.chatId).text).toContain("1 tham dự · 1 vắng");

    // Agenda: Hải prepares a part.
    await h.say(lan, cell.chatId, `/agenda #${meeting.id} @hai_tt Báo cáo tình hình an ninh trật tự`);
    const agendaMsg = last(hai);
    expect(agendaMsg.text).toContain("Báo cáo tình hình an ninh trật tự");
    const readyButton = agendaMsg.buttons.find((b) => b.callback_data?.startsWith("ag:"))!;

    // Moved by a day: every reminder follows the meeting.
    await h.say(lan, cell.chatId, `/move_meeting #${meeting.id} 05/12 19h30`);
    expect(h.lastText(cell.chatId)).toContain("Thứ Bảy, 05/12/2026 lúc 19:30");
    const due = (await h.app.repos.outbox.listByKeyPrefix(`meeting:${meeting.id}:r:`))
      .filter((r) => r.status === "pending")
      .map((r) => r.dueAt.getTime());
    expect(Math.min(...due)).toBeGreaterThanOrEqual(local("2026-12-02 19:30").getTime());
    // Those who had answered are told privately, shown their answer and asked again (issue 9 item 1).
    expect(await tickAt("2026-11-28 10:04")).toEqual({ hai: 1, binh: 1, cuc: 1 });
    expect(h.lastText(cuc.id)).toContain("đã dời sang Thứ Bảy, 05/12/2026 lúc 19:30");
    expect(h.lastText(cuc.id)).toContain("Trước khi dời, đồng chí đã báo: vắng mặt (sức khỏe).");
    await h.press(binh, binh.id, last(binh).message_id, `rsvp:${meeting.id}:a`);
    await h.press(hai, hai.id, last(hai).message_id, `rsvp:${meeting.id}:u`);
    await h.press(cuc, cuc.id, last(cuc).message_id, `rsvp:${meeting.id}:n`);
    await h.press(cuc, cuc.id, last(cuc).message_id, `rsvp:${meeting.id}:r:h`);

    // Nothing is sent early.
    expect(await tickAt("2026-12-02 19:29")).toEqual({});
    // 3 days before: the group and every reachable, non-exempt member privately.
    expect(await tickAt("2026-12-02 19:30")).toEqual({ group: 1, lan: 1, hai: 1, binh: 1, cuc: 1, dao: 1 });
    expect(h.lastText(dao.id)).toContain("Kính nhắc đồng chí Đào");
    expect(h.lastText(cell.chatId)).toContain("Thứ Bảy, 05/12/2026 lúc 19:30, Chi bộ Khu phố 1 sinh hoạt");
    expect(h.lastText(cell.chatId)).toContain(
      "Đã xác nhận: 1 tham dự · 1 vắng · 4 chưa trả lời (1 chưa chắc).",
    );
    // A restart in the middle of the month: nothing is sent twice, nothing is lost.
    await h.restart();
    expect(await tickAt("2026-12-02 19:31")).toEqual({});
    // 2 days before: the secretary learns which parts are not ready.
    expect(await tickAt("2026-12-03 19:30")).toEqual({ lan: 1 });
    expect(h.lastText(lan.id)).toContain("Báo cáo tình hình an ninh trật tự");
    await h.press(hai, hai.id, agendaMsg.message_id, readyButton.callback_data!);
    expect((await prisma().agendaItem.findFirstOrThrow({ where: { meetingId: meeting.id } })).ready).toBe(
      true,
    );
    // 1 day before: the group only (Hải's part is ready, so no owner reminder).
    expect(await tickAt("2026-12-04 19:30")).toEqual({ group: 1 });
    // 2 hours before: privately, only to those who have not said they attend.
    expect(await tickAt("2026-12-05 17:30")).toEqual({ lan: 1, hai: 1, cuc: 1, dao: 1 });
    expect(await tickAt("2026-12-05 17:31")).toEqual({});

    // Check-in: members tap, the group leader checks in Bảy by proxy.
    h.clock.set(local("2026-12-05 19:25"));
    await h.say(lan, cell.chatId, "/checkin");
    const checkinPost = last(cell.chatId);
    const ci = checkinPost.buttons.find((b) => b.callback_data?.startsWith("ci:"))!.callback_data!;
    for (const person of [lan, hai, binh, binh])
      await h.press(person, cell.chatId, checkinPost.message_id, ci);
    await h.press(stranger, cell.chatId, checkinPost.message_id, ci);
    await h.say(hai, cell.chatId, `/checkin #${cell.members.get(bay.id)!.number}`);
    expect(h.lastText(cell.chatId)).toContain("Đã điểm danh hộ đồng chí Bảy");

    // Close: the register is frozen; the group sees counts, never absentees' names.
    h.clock.set(local("2026-12-05 21:00"));
    await h.say(lan, cell.chatId, "/close_meeting Thống nhất kế hoạch tháng 12");
    const result = h.lastText(cell.chatId)!;
    expect(result).not.toMatch(/Cúc|Đào/);
    const register = await prisma().attendance.findMany({
      where: { meetingId: meeting.id },
      include: { member: true },
      orderBy: { memberId: "asc" },
    });
    expect(register.map((a) => [a.member.displayName, a.status])).toEqual([
      ["Lan", "present"],
      ["Hải", "present"],
      ["Bình", "present"],
      ["Cúc", "absent_excused"],
      ["Đào", "absent_unexcused"],
      ["Bảy", "proxy"],
    ]);
    const closed = await prisma().meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect([closed.state, closed.conclusions]).toEqual(["closed", "Thống nhất kế hoạch tháng 12"]);
    expect(await prisma().prompt.count({ where: { meetingId: meeting.id, kind: "post_meeting" } })).toBe(1);

    // Đào is asked for a reason privately (through the outbox); the secretary is alerted privately
    // on the third absence once the 48-hour reason window is over.
    // Also due: the post-meeting feedback, to those present (privately) and the group.
    expect(await tickAt("2026-12-05 21:01")).toEqual({ dao: 1, group: 1, lan: 1, hai: 1, binh: 1 });
    const groupBefore = h.texts(cell.chatId).length;
    const ask = last(dao);
    expect(ask.buttons.some((b) => b.callback_data === `ab:${meeting.id}:w`)).toBe(true);
    // Meanwhile the feedback's halfway nudge reaches those present who have not answered it.
    expect(await tickAt("2026-12-07 20:59")).toEqual({ lan: 1, hai: 1, binh: 1 });
    expect(await tickAt("2026-12-07 21:00")).toEqual({ lan: 1 });
    expect(h.lastText(lan.id)).toContain("Đào");
    expect(h.lastText(lan.id)).toContain("3 lần trong năm 2026");
    expect(h.texts(cell.chatId).length).toBe(groupBefore);
    await h.press(dao, dao.id, ask.message_id, `ab:${meeting.id}:w`);
    const daoRow = await prisma().attendance.findFirstOrThrow({
      where: { meetingId: meeting.id, memberId: cell.members.get(dao.id)!.memberId },
    });
    expect(daoRow.status).toBe("absent_excused");
    // Nothing more is due this month.
    expect(await tickAt("2026-12-08 09:00")).toEqual({});
  });
});
