// Every time the service stores comes from its clock. A meeting month (with a party group, a join
// request and a restart) runs on a manual clock set in 2031; afterwards every date-time column of every
// table is read from the database catalogue, and no value may lie near the real time of the test run:
// one that does was written by Prisma's @updatedAt / @default(now()), the database or `new Date()`.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinButtonData } from "../../src/features/joining/links.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { storedTimes } from "../support/stored-times.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

/** A local time in Hà Nội (UTC+7) as an instant. */
const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);
const DAY = 24 * 60 * 60_000;

describe.each(SUPPORTED_PROVIDERS)("stored times on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let lan: User; // secretary
  let hai: User; // group leader, prepares an agenda part
  let binh: User;
  let cuc: User; // absent for health
  let bay: User; // never opened the bot: checked in by proxy

  beforeAll(async () => {
    // Update ids recorded in the database (DEDUPE=database), so that table's times are checked too.
    h = await createHarness({ provider, start: local("2031-11-27 10:00"), env: { DEDUPE: "database" } });
    lan = h.emulator.createUser({ firstName: "Lan", username: "lan_bt" });
    hai = h.emulator.createUser({ firstName: "Hải", username: "hai_tt" });
    binh = h.emulator.createUser({ firstName: "Bình", username: "binh_dv" });
    cuc = h.emulator.createUser({ firstName: "Cúc", username: "cuc_dv" });
    bay = h.emulator.createUser({ firstName: "Bảy" });
    cell = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: lan, role: "secretary" },
      { user: hai },
      { user: binh },
      { user: cuc },
      { user: bay, started: false },
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  const last = (chatId: number) => h.emulator.lastBotMessage(h.botAccount, chatId)!;
  const prisma = () => h.app.database.prisma;
  async function tickAt(at: string) {
    h.clock.set(local(at));
    await h.app.scheduler.tick();
  }

  it("writes only times from the injected clock, in every date-time column", async () => {
    await h.say(lan, cell.chatId, "/group new Tổ 1");
    await h.say(lan, cell.chatId, "/group leader Tổ 1 @hai_tt");

    // A newcomer asks to join with the invitation's button; the secretary approves.
    h.clock.set(local("2031-11-27 11:00"));
    const newcomer = h.emulator.createUser({ firstName: "Mới", username: "moi_dv" });
    h.emulator.startBot(h.botAccount, newcomer);
    h.emulator.addMember(cell.chatId, newcomer);
    await h.flush();
    await h.say(lan, cell.chatId, "/invite");
    await h.press(newcomer, cell.chatId, last(cell.chatId).message_id, joinButtonData(cell.cell.id));
    const request = await prisma().joinRequest.findFirstOrThrow({ where: { state: "pending" } });
    await h.press(lan, lan.id, last(lan.id).message_id, `jr:${request.id}:a`);
    expect((await prisma().joinRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe(
      "approved",
    );

    // The schedule announces December's meeting; members answer; an agenda part is prepared.
    h.clock.set(local("2031-11-28 10:00"));
    await h.say(lan, cell.chatId, "/meeting_schedule monthly 4 19:30 | Hội trường Khu phố 1");
    await tickAt("2031-11-28 10:01");
    await tickAt("2031-11-28 10:02");
    const meeting = await prisma().meeting.findFirstOrThrow({
      where: { cellId: cell.cell.id, state: "planned" },
    });
    const announcement = last(cell.chatId);
    await h.press(binh, cell.chatId, announcement.message_id, `rsvp:${meeting.id}:a`);
    await h.press(cuc, cell.chatId, announcement.message_id, `rsvp:${meeting.id}:n`);
    await h.press(cuc, cuc.id, last(cuc.id).message_id, `rsvp:${meeting.id}:r:h`);
    await h.say(lan, cell.chatId, `/agenda #${meeting.id} @hai_tt Báo cáo tình hình an ninh trật tự`);
    const agendaMsg = last(hai.id);
    const ready = agendaMsg.buttons.find((b) => b.callback_data?.startsWith("ag:"))!.callback_data!;
    await h.press(hai, hai.id, agendaMsg.message_id, ready);

    // Moved by a day; the reminders go out on their days, across a restart.
    await h.say(lan, cell.chatId, `/move_meeting #${meeting.id} 05/12 19h30`);
    await tickAt("2031-12-02 19:30");
    await h.restart();
    await tickAt("2031-12-03 19:30");
    await tickAt("2031-12-04 19:30");
    await tickAt("2031-12-05 17:30");

    // Check-in (one by proxy), closing, the absence question.
    h.clock.set(local("2031-12-05 19:25"));
    await h.say(lan, cell.chatId, "/checkin");
    const checkinPost = last(cell.chatId);
    const ci = checkinPost.buttons.find((b) => b.callback_data?.startsWith("ci:"))!.callback_data!;
    for (const person of [lan, hai, binh]) await h.press(person, cell.chatId, checkinPost.message_id, ci);
    await h.say(hai, cell.chatId, `/checkin #${cell.members.get(bay.id)!.number}`);
    h.clock.set(local("2031-12-05 21:00"));
    await h.say(lan, cell.chatId, "/close_meeting Thống nhất kế hoạch tháng 12");
    // Half the expected members absent: the secretary confirms the register (issue 9 item 2).
    const question = last(cell.chatId);
    const confirm = question.buttons.find((b) => b.callback_data?.startsWith("cm:"))!.callback_data!;
    await h.press(lan, cell.chatId, question.message_id, confirm);
    await tickAt("2031-12-05 21:01");
    expect((await prisma().meeting.findUniqueOrThrow({ where: { id: meeting.id } })).state).toBe("closed");

    const times = await storedTimes(h.app.database);
    const seen = new Set(times.map((t) => `${t.table}.${t.column}`));
    // The month touched these columns; a scan that saw none of them would prove nothing.
    for (const column of [
      "Organisation.createdAt",
      "Organisation.updatedAt",
      "Admin.createdAt",
      "Cell.createdAt",
      "Cell.updatedAt",
      "PartyGroup.createdAt",
      "Member.createdAt",
      "Member.updatedAt",
      "Membership.joinedAt",
      "JoinRequest.createdAt",
      "JoinRequest.decidedAt",
      "MeetingSchedule.createdAt",
      "Meeting.startsAt",
      "Meeting.createdAt",
      "Meeting.updatedAt",
      "Meeting.checkinOpenedAt",
      "Meeting.closedAt",
      "AgendaItem.createdAt",
      "AgendaItem.readyAt",
      "Rsvp.createdAt",
      "Rsvp.updatedAt",
      "Attendance.recordedAt",
      "Attendance.updatedAt",
      "Prompt.createdAt",
      "ScheduledDelivery.createdAt",
      "ScheduledDelivery.updatedAt",
      "ScheduledDelivery.sentAt",
      "ProcessedUpdate.processedAt",
      "AuditEntry.createdAt",
    ]) {
      expect(seen, column).toContain(column);
    }
    const realNow = Date.now();
    const nearRealNow = times
      .filter((t) => Math.abs(t.value.getTime() - realNow) < DAY)
      .map((t) => `${t.table}.${t.column} = ${t.value.toISOString()}`);
    expect([...new Set(nearRealNow)]).toEqual([]);
    // And everything lies in the simulated weeks (reminders due, leases and expiries included; the
    // monthly digest planned for next month expires at its end).
    const outside = times
      .filter((t) => t.value < local("2031-11-01 00:00") || t.value > local("2032-03-01 00:00"))
      .map((t) => `${t.table}.${t.column} = ${t.value.toISOString()}`);
    expect([...new Set(outside)]).toEqual([]);
  });
});
