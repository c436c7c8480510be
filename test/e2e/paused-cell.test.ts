// Issue 8.10: the bot removed from a cell's group, with a meeting ahead. The cell is paused: its
// reminders are held (not sent, not lost, not failed) and answers to its meeting are refused with a
// clear text; once the bot is back, the held reminders still ahead go out.
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

const PAUSED_VI =
  "Chi bộ Khu phố 9 đang tạm ngừng trên Trợ lý (Trợ lý đã rời nhóm của chi bộ), nên câu trả lời của đồng chí chưa được ghi nhận. Mọi việc sẽ tiếp tục khi Trợ lý được thêm lại vào nhóm.";

describe.each(SUPPORTED_PROVIDERS)("a paused cell on %s", (provider) => {
  let h: Harness;
  let seeded: SeededCell;
  let lan: User;
  let hai: User;
  let binh: User;

  beforeAll(async () => {
    h = await createHarness({ provider, start: local("2026-12-01 08:00") });
    lan = h.emulator.createUser({ firstName: "Lan" });
    hai = h.emulator.createUser({ firstName: "Hải" });
    binh = h.emulator.createUser({ firstName: "Bình" });
    seeded = await seedCell(h, "Chi bộ Khu phố 9", [
      { user: lan, role: "secretary" },
      { user: hai },
      { user: binh },
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("sends nothing and accepts no answers while paused, and sends the held reminders once the bot is back", async () => {
    const { repos, services, bot } = h.app;
    const created = await h.app.database.prisma.meeting.create({
      data: {
        cellId: seeded.cell.id,
        number: await nextMeetingNumber(h.app.database.prisma, seeded.cell.id),
        startsAt: local("2026-12-01 18:00"),
        place: "Nhà văn hoá",
        state: "planned",
      },
    });
    const meeting = (await repos.meetings.get(created.id))!;
    expect(await postAnnouncement(services, bot.api, bot.botInfo.username, seeded.cell, meeting)).toBe(true);
    const announcementId = (await repos.meetings.get(meeting.id))!.announcementMessageId!;
    await planMeetingReminders(services, meeting.id);
    const privateRows = async () =>
      (await repos.outbox.listByKeyPrefix(`meeting:${meeting.id}:r:`)).filter((r) => r.key.includes(":m:"));
    // The 2-hours-before nudge, 16:00: one row that lists its members when it goes out.
    const nudge = async () => (await repos.outbox.get(`meeting:${meeting.id}:r:120:members`))!;
    expect((await nudge()).status).toBe("pending");

    // The bot is removed from the group two hours before the reminders.
    h.clock.set(local("2026-12-01 14:00"));
    h.emulator.removeBotFromChat(h.botAccount, seeded.chatId, { by: h.admin });
    await h.flush();
    expect((await repos.cells.get(seeded.cell.id))?.active).toBe(false);

    // Due: held, not sent, not failed, not counted as an attempt.
    const before = [lan, hai, binh].map((u) => h.texts(u.id).length);
    h.clock.set(local("2026-12-01 16:00"));
    // (Other capabilities' rows may go out meanwhile: November's digest reaches the admins today.)
    expect(await h.app.scheduler.tick()).toMatchObject({ failed: 0 });
    h.clock.set(local("2026-12-01 16:05"));
    expect(await h.app.scheduler.tick()).toMatchObject({ messages: 0 }); // (the daily maintenance row may run)
    expect([lan, hai, binh].map((u) => h.texts(u.id).length)).toEqual(before);
    expect([(await nudge()).status, (await nudge()).attempts]).toEqual(["pending", 0]);
    expect(await privateRows()).toEqual([]);

    // An RSVP press on the announcement is refused with the paused text, and nothing is recorded.
    const press = await h.press(hai, seeded.chatId, announcementId, `rsvp:${meeting.id}:a`);
    expect(h.emulator.callbackAnswer(press.callback_query!.id)?.text).toBe(PAUSED_VI);
    expect(await h.app.database.prisma.rsvp.count({ where: { meetingId: meeting.id } })).toBe(0);

    // The bot is added back: the reminders still ahead go out, once each.
    h.emulator.addBotToChat(h.botAccount, seeded.chatId, { by: h.admin });
    await h.flush();
    expect((await repos.cells.get(seeded.cell.id))?.active).toBe(true);
    h.clock.set(local("2026-12-01 16:10"));
    expect(await h.app.scheduler.tick()).toMatchObject({ messages: 3 });
    expect([lan, hai, binh].map((u) => h.texts(u.id).length - before[[lan, hai, binh].indexOf(u)]!)).toEqual([
      1, 1, 1,
    ]);
    expect(h.texts(hai.id).at(-1)).toContain("Nhà văn hoá");
    expect((await privateRows()).map((r) => [r.status, r.attempts])).toEqual([
      ["sent", 1],
      ["sent", 1],
      ["sent", 1],
    ]);

    // And answers are accepted again.
    const again = await h.press(hai, seeded.chatId, announcementId, `rsvp:${meeting.id}:a`);
    expect(h.emulator.callbackAnswer(again.callback_query!.id)?.text).not.toBe(PAUSED_VI);
    expect(await h.app.database.prisma.rsvp.count({ where: { meetingId: meeting.id } })).toBe(1);
  });

  it("drops held reminders that expire while the cell is paused, never sending them late", async () => {
    // The first test left the bot back in the group; a fresh meeting, then the bot removed again.
    const { repos, services } = h.app;
    h.clock.set(local("2026-12-02 08:00"));
    const created = await h.app.database.prisma.meeting.create({
      data: {
        cellId: seeded.cell.id,
        number: await nextMeetingNumber(h.app.database.prisma, seeded.cell.id),
        startsAt: local("2026-12-02 18:00"),
        place: "Nhà văn hoá",
        state: "planned",
      },
    });
    await planMeetingReminders(services, created.id);
    h.emulator.removeBotFromChat(h.botAccount, seeded.chatId, { by: h.admin });
    await h.flush();
    const before = h.texts(hai.id).length;
    h.clock.set(local("2026-12-02 18:01"));
    expect(await h.app.scheduler.tick()).toMatchObject({ messages: 0 }); // (the daily maintenance row may run)
    const rows = (await repos.outbox.listByKeyPrefix(`meeting:${created.id}:r:`)).filter(
      (r) => r.key.includes(":m:") || r.key.endsWith(":members"),
    );
    // The nudge's row expired before it could list its members: nobody is reminded late.
    expect(rows.map((r) => [r.key, r.status, r.lastError])).toEqual([
      [`meeting:${created.id}:r:120:members`, "dropped", "expired"],
    ]);
    h.emulator.addBotToChat(h.botAccount, seeded.chatId, { by: h.admin });
    await h.flush();
    // The group may be greeted again; what matters is that no expired reminder reaches the member late.
    await h.app.scheduler.tick();
    expect(h.texts(hai.id).length).toBe(before);
  });
});
