// Meeting reminders end to end: rows written by planMeetingReminders, sent by the scheduler on a manual
// clock through the emulator, checked by recipient chat.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotServices } from "../../src/bot/context.ts";
import { cancelMeetingReminders, planMeetingReminders } from "../../src/features/meetings/reminders.ts";
import { createLogger } from "../../src/logger.ts";
import { collectJobs } from "../../src/bot/feature-module.ts";
import { FEATURES } from "../../src/features/index.ts";
import { createScheduler } from "../../src/scheduler/scheduler.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";
import { nextMeetingNumber } from "../support/meeting-number.ts";

/** A local time in Hà Nội (UTC+7) as an instant. */
const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);

describe.each(SUPPORTED_PROVIDERS)("meeting reminders on %s", (provider) => {
  let h: Harness;
  let services: BotServices;
  let seeded: SeededCell;
  let lan: User; // secretary
  let hai: User; // member, owns an agenda part
  let binh: User; // member, owns a ready part, will say they attend
  let bay: User; // member who never opened a private chat
  let tu: User; // exempt member
  const memberId = (u: User) => seeded.members.get(u.id)!.memberId;

  beforeAll(async () => {
    h = await createHarness({ provider, start: local("2026-12-01 08:00") });
    services = h.app.services;
    lan = h.emulator.createUser({ firstName: "Lan" });
    hai = h.emulator.createUser({ firstName: "Hải" });
    binh = h.emulator.createUser({ firstName: "Bình" });
    bay = h.emulator.createUser({ firstName: "Bảy" });
    tu = h.emulator.createUser({ firstName: "Tư" });
    seeded = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: lan, role: "secretary" },
      { user: hai },
      { user: binh },
      { user: bay, started: false },
      { user: tu, status: "exempt" },
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function createMeeting(startsAt: Date, place = "Hội trường Khu phố 1") {
    return h.app.database.prisma.meeting.create({
      data: {
        cellId: seeded.cell.id,
        number: await nextMeetingNumber(h.app.database.prisma, seeded.cell.id),
        startsAt,
        place,
        state: "planned",
      },
    });
  }
  const rowsOf = (meetingId: number) => h.app.repos.outbox.listByKeyPrefix(`meeting:${meetingId}:`);
  const count = (u: User | number) => h.texts(typeof u === "number" ? u : u.id).length;
  const counts = () => ({
    group: count(seeded.chatId),
    lan: count(lan),
    hai: count(hai),
    binh: count(binh),
    bay: count(bay),
    tu: count(tu),
  });
  /** Sets the clock, ticks, and returns how many messages each chat received. */
  async function tickAt(at: Date) {
    const before = counts();
    h.clock.set(at);
    const result = await h.app.scheduler.tick();
    const after = counts();
    const delta = Object.fromEntries(
      Object.entries(after).map(([k, v]) => [k, v - before[k as keyof typeof before]]),
    );
    return { result, delta };
  }

  it("writes exactly the expected rows, once, and sends each at its time to the right people", async () => {
    h.clock.set(local("2026-12-01 08:00"));
    const meeting = await createMeeting(local("2026-12-04 19:30"));
    const prisma = h.app.database.prisma;
    const part1 = await prisma.agendaItem.create({
      data: { meetingId: meeting.id, memberId: memberId(hai), title: "Báo cáo an ninh trật tự", position: 1 },
    });
    await prisma.agendaItem.create({
      data: {
        meetingId: meeting.id,
        memberId: memberId(binh),
        title: "Thu đảng phí",
        position: 2,
        ready: true,
      },
    });
    await prisma.agendaItem.create({
      data: { meetingId: meeting.id, memberId: null, title: "Kết nạp quần chúng", position: 3 },
    });
    await planMeetingReminders(services, meeting.id);
    await planMeetingReminders(services, meeting.id); // idempotent
    const p = `meeting:${meeting.id}:r:`;
    const rows = await rowsOf(meeting.id);
    expect(rows.map((r) => r.key).sort()).toEqual(
      [
        `${p}4320:group`,
        // One row per private reminder: its members are listed when it is due.
        `${p}4320:members`,
        `${p}1440:group`,
        `${p}120:members`,
        ...rows.filter((r) => r.key.includes(":agenda:")).map((r) => r.key),
        `${p}agenda-check:${memberId(lan)}`,
      ].sort(),
    );
    expect(rows.filter((r) => r.key.includes(":agenda:"))).toHaveLength(2); // part 3 has no owner
    expect(
      rows.every((r) => r.status === "pending" && r.expiresAt?.getTime() === meeting.startsAt.getTime()),
    ).toBe(true);

    // Nothing is due before 3 days ahead.
    expect((await tickAt(local("2026-12-01 19:29"))).delta).toEqual({
      group: 0,
      lan: 0,
      hai: 0,
      binh: 0,
      bay: 0,
      tu: 0,
    });

    // 3 days before: the group and every reachable member (not the exempt one, not the unreachable one).
    const three = await tickAt(local("2026-12-01 19:30"));
    expect(three.delta).toEqual({ group: 1, lan: 1, hai: 1, binh: 1, bay: 0, tu: 0 });
    const groupPost = h.emulator.lastBotMessage(h.botAccount, seeded.chatId)!;
    expect(groupPost.text).toContain("Thứ Sáu, 04/12/2026 lúc 19:30,");
    expect(groupPost.text).toContain("Hội trường Khu phố 1");
    expect(JSON.stringify(groupPost.reply_markup)).toContain("https://t.me/chibo_test_bot?start=r");
    const nudge = h.emulator.lastBotMessage(h.botAccount, hai.id)!;
    expect(nudge.text).toContain("Kính nhắc đồng chí Hải");
    expect(nudge.text).toContain("Đồng chí chưa xác nhận — xin bấm một nút bên dưới.");
    expect(JSON.stringify(nudge.reply_markup)).toContain(`rsvp:${meeting.id}:a`);
    expect(JSON.stringify(nudge.reply_markup)).toContain(`rsvp:${meeting.id}:n`);

    // 2 days before: the secretary learns which parts are not ready (not Bình's ready one).
    const two = await tickAt(local("2026-12-02 19:30"));
    expect(two.delta).toEqual({ group: 0, lan: 1, hai: 0, binh: 0, bay: 0, tu: 0 });
    const check = h.lastText(lan.id)!;
    expect(check).toContain("Báo cáo an ninh trật tự — đồng chí Hải");
    expect(check).toContain(`Kết nạp quần chúng`);
    expect(check).not.toContain("Thu đảng phí");

    // 1 day before: the group, and Hải for the part he is responsible for (Bình's is ready).
    const one = await tickAt(local("2026-12-03 19:30"));
    expect(one.delta).toEqual({ group: 1, lan: 0, hai: 1, binh: 0, bay: 0, tu: 0 });
    expect(h.lastText(seeded.chatId)).toContain("19:30 tối mai (Thứ Sáu, 04/12)");
    expect(h.lastText(hai.id)).toContain("«Báo cáo an ninh trật tự»");
    expect((await h.app.repos.outbox.get(`${p}agenda:${part1.id}`))?.status).toBe("sent");

    // Bình says he attends; Lan says she is absent. 2 hours before: Lan and Hải only.
    await prisma.rsvp.create({ data: { meetingId: meeting.id, memberId: memberId(binh), answer: "attend" } });
    await prisma.rsvp.create({ data: { meetingId: meeting.id, memberId: memberId(lan), answer: "absent" } });
    const last = await tickAt(local("2026-12-04 17:30"));
    expect(last.delta).toEqual({ group: 0, lan: 1, hai: 1, binh: 0, bay: 0, tu: 0 });
    expect(h.lastText(hai.id)).toBe(
      "Kính nhắc đồng chí Hải: 19:30 tối nay (Thứ Sáu, 04/12) Chi bộ Khu phố 1 sinh hoạt tại Hội trường Khu phố 1.\n" +
        "Đồng chí chưa xác nhận — xin bấm một nút bên dưới.",
    );
    expect(h.lastText(lan.id)).toContain("Đồng chí đã báo vắng mặt");
    // Bình, who attends, is not even written a nudge.
    expect(await h.app.repos.outbox.get(`${p}120:m:${memberId(binh)}`)).toBeNull();
    expect((await h.app.repos.outbox.get(`${p}120:m:${memberId(hai)}`))?.status).toBe("sent");

    // A second tick, and a new scheduler as after a restart, send nothing again.
    expect((await tickAt(local("2026-12-04 17:31"))).delta).toEqual({
      group: 0,
      lan: 0,
      hai: 0,
      binh: 0,
      bay: 0,
      tu: 0,
    });
    const restarted = createScheduler({
      outbox: h.app.repos.outbox,
      members: h.app.repos.members,
      chats: h.app.repos.chats,
      api: h.app.bot.api,
      clock: h.clock,
      logger: createLogger({ level: "silent" }),
      jobs: collectJobs(FEATURES, { services, botUsername: h.app.bot.botInfo.username }),
    });
    const before = counts();
    expect((await restarted.tick()).sent).toBe(0);
    expect(counts()).toEqual(before);
    // Planning again after everything was sent changes nothing either.
    await planMeetingReminders(services, meeting.id);
    expect((await rowsOf(meeting.id)).filter((r) => r.status === "pending")).toEqual([]);
  });

  it("waits for the end of quiet hours with a private nudge", async () => {
    h.clock.set(local("2026-12-05 08:00"));
    const meeting = await createMeeting(local("2026-12-10 07:00"));
    await planMeetingReminders(services, meeting.id);
    const row = await h.app.repos.outbox.get(`meeting:${meeting.id}:r:120:members`);
    expect(row?.dueAt).toEqual(local("2026-12-10 06:30"));
    // Earlier reminders go out; the 2-hour nudge (due 05:00, in quiet hours) waits.
    await tickAt(local("2026-12-10 05:00"));
    expect((await h.app.repos.outbox.get(row!.key))?.status).toBe("pending");
    // Bình blocked the bot meanwhile: re-checked at send time, he is skipped.
    await h.app.repos.members.markUnreachable(binh.id, h.clock.now());
    const morning = await tickAt(local("2026-12-10 06:30"));
    expect(morning.delta).toEqual({ group: 0, lan: 1, hai: 1, binh: 0, bay: 0, tu: 0 });
    // Bình blocked the bot before the nudge was due: he is not among its recipients.
    expect(await h.app.repos.outbox.get(`meeting:${meeting.id}:r:120:m:${memberId(binh)}`)).toBeNull();
    expect(h.lastText(hai.id)).toContain("07:00 sáng nay");
    await cancelMeetingReminders(services, meeting.id);
  });

  it("a move shifts every pending row; a cancel removes them", async () => {
    h.clock.set(local("2026-12-11 08:00"));
    const meeting = await createMeeting(local("2026-12-20 19:30"));
    await planMeetingReminders(services, meeting.id);
    const before = new Map((await rowsOf(meeting.id)).map((r) => [r.key, r.dueAt.getTime()]));
    const moved = await h.app.database.prisma.meeting.update({
      where: { id: meeting.id },
      data: { startsAt: local("2026-12-21 19:30") },
    });
    await planMeetingReminders(services, meeting.id);
    const after = await rowsOf(meeting.id);
    expect(after.map((r) => r.key).sort()).toEqual([...before.keys()].sort());
    for (const row of after) {
      expect(row.status).toBe("pending");
      expect(row.dueAt.getTime() - before.get(row.key)!).toBe(86_400_000);
      expect(row.expiresAt).toEqual(moved.startsAt);
      expect(row.payload.startsAt).toBe(moved.startsAt.toISOString());
    }
    // The old 3-day time passes: nothing goes out.
    expect((await tickAt(local("2026-12-17 19:30"))).delta.group).toBe(0);

    await h.app.database.prisma.meeting.update({ where: { id: meeting.id }, data: { state: "cancelled" } });
    await cancelMeetingReminders(services, meeting.id);
    expect((await rowsOf(meeting.id)).every((r) => r.status === "cancelled")).toBe(true);
    const later = await tickAt(local("2026-12-21 18:00"));
    expect(later.delta).toEqual({ group: 0, lan: 0, hai: 0, binh: 0, bay: 0, tu: 0 });
    // Other capabilities' daily rows (maintenance, backups, seeds) may have been due meanwhile and
    // sent nothing; the cancelled rows stay so.
    expect((await rowsOf(meeting.id)).every((r) => r.status === "cancelled")).toBe(true);
  });

  it("drops a reminder whose meeting has started, and one whose meeting moved without re-planning", async () => {
    h.clock.set(local("2026-12-18 08:00"));
    const meeting = await createMeeting(local("2026-12-22 19:30"));
    await planMeetingReminders(services, meeting.id);
    // The service was down for days: everything due is now past the start. (Before the 25th, when
    // the monthly self-review would write to the members too.)
    const late = await tickAt(local("2026-12-22 19:31"));
    expect(late.delta).toEqual({ group: 0, lan: 0, hai: 0, binh: 0, bay: 0, tu: 0 });
    expect((await rowsOf(meeting.id)).every((r) => r.status === "dropped")).toBe(true);

    h.clock.set(local("2026-12-22 08:00"));
    const other = await createMeeting(local("2026-12-27 19:30"));
    await planMeetingReminders(services, other.id);
    await h.app.database.prisma.meeting.update({
      where: { id: other.id },
      data: { startsAt: local("2026-12-28 19:30") },
    });
    const stale = await tickAt(local("2026-12-24 19:30"));
    expect(stale.delta.group).toBe(0);
    expect((await h.app.repos.outbox.get(`meeting:${other.id}:r:4320:group`))?.lastError).toBe(
      "meeting moved",
    );
    await cancelMeetingReminders(services, other.id);
  });
});
