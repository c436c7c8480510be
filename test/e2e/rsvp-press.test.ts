// An RSVP press is answered at once, costs a handful of statements, and never waits on the group:
// the announcement's counts are refreshed by the scheduler, one edit per burst of presses, paced with
// the group's other messages, so a 429 on that edit holds up no press in this group or another.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installStatementCounter, statementCount } from "../../bench/statements.ts";
import { systemClock } from "../../src/clock.ts";
import { ANNOUNCEMENT_REFRESH_DELAY_MS } from "../../src/features/meetings/announcement-job.ts";
import { countsLine, postAnnouncement } from "../../src/features/meetings/announcement.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

// Counts every statement the drivers run, BEGIN and COMMIT included; before any database opens.
installStatementCounter();

const START = new Date("2026-12-01T01:00:00Z");
/** The retry_after of the 429 forced on the announcement's edit. */
const RETRY_AFTER_S = 4;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Announced {
  seeded: SeededCell;
  users: User[];
  meetingId: number;
  meetingNumber: number;
  messageId: number;
}

/** A cell of `size` members (who never opened the bot unless `started`) and an announced meeting. */
async function announcedCell(h: Harness, name: string, size: number, started = false): Promise<Announced> {
  const users = Array.from({ length: size }, (_, i) => h.emulator.createUser({ firstName: `${name} ${i}` }));
  const seeded = await seedCell(
    h,
    name,
    users.map((user) => ({ user, started })),
  );
  const meeting = await h.app.repos.meetings.create({
    cellId: seeded.cell.id,
    kind: "extraordinary",
    startsAt: new Date(h.app.services.clock.now().getTime() + 3 * 86_400_000),
    place: "Hội trường",
    title: null,
    createdByMemberId: null,
  });
  const { app } = h;
  await postAnnouncement(app.services, app.bot.api, app.bot.botInfo.username, seeded.cell, meeting);
  const stored = await app.repos.meetings.get(meeting.id);
  if (stored?.announcementMessageId == null) throw new Error("the announcement was not posted");
  return {
    seeded,
    users,
    meetingId: meeting.id,
    meetingNumber: meeting.number,
    messageId: stored.announcementMessageId,
  };
}

function announcementText(h: Harness, a: Announced): string {
  return (
    h.emulator.botMessages(h.botAccount, a.seeded.chatId).find((m) => m.message_id === a.messageId)?.text ??
    ""
  );
}

/** The counts line the announcement should show for what is stored now. */
async function expectedCounts(h: Harness, a: Announced): Promise<string> {
  const counts = await h.app.repos.rsvps.counts(a.meetingId, a.seeded.cell.id);
  return countsLine(h.app.services, "vi", counts);
}

describe.each(SUPPORTED_PROVIDERS)("RSVP press on %s", (provider) => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness({ provider, start: START });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function settle() {
    h.clock.advance(ANNOUNCEMENT_REFRESH_DELAY_MS);
    await h.app.scheduler.tick();
  }

  async function statementsOf(user: User, a: Announced, data: string): Promise<number> {
    const before = statementCount();
    await h.press(user, a.seeded.chatId, a.messageId, data);
    return statementCount() - before;
  }

  it("costs 2 statements within a burst, 3 from someone not yet known, 1 for a repeat", async () => {
    const a = await announcedCell(h, "Chi bộ Đếm", 3, true);
    const [first, second] = a.users;
    // A press no handler takes loads the presser and the group into the hot cache; a second one
    // costs nothing: no statement runs before the handlers for someone already known.
    await statementsOf(first!, a, "zz:0");
    expect(await statementsOf(first!, a, "zz:0")).toBe(0);
    // The first answer of a burst: the press view, then the answer and the refresh it re-arms in
    // one transaction (BEGIN and COMMIT count).
    const press = await statementsOf(first!, a, `rsvp:${a.meetingId}:a`);
    expect(press).toBeLessThanOrEqual(6);
    // The refresh is pending now: the press view and one statement that writes the answer.
    expect(await statementsOf(first!, a, `rsvp:${a.meetingId}:u`)).toBe(2);
    // The same button again: one read, nothing written.
    expect(await statementsOf(first!, a, `rsvp:${a.meetingId}:u`)).toBe(1);
    // Someone not cached yet: their one-statement load, then as above.
    expect(await statementsOf(second!, a, `rsvp:${a.meetingId}:a`)).toBe(3);
    expect(await h.app.database.prisma.rsvp.count({ where: { meetingId: a.meetingId } })).toBe(2);
    // Three answers, one pending refresh.
    const rows = await h.app.repos.outbox.listByKeyPrefix(`meeting:${a.meetingId}:refresh`);
    expect(rows.map((r) => r.status)).toEqual(["pending"]);
    await settle();
    expect(announcementText(h, a)).toContain(await expectedCounts(h, a));
  });

  it("answers the callback query before the announcement is edited, and the edit comes from the scheduler", async () => {
    const a = await announcedCell(h, "Chi bộ Thứ tự", 2, true);
    h.emulator.resetCalls();
    const update = await h.press(a.users[0]!, a.seeded.chatId, a.messageId, `rsvp:${a.meetingId}:a`);
    expect(h.emulator.callbackAnswer(update.callback_query!.id)?.text).toContain("tham dự");
    // The press itself calls Telegram once: its answer.
    expect(h.emulator.calls().map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(announcementText(h, a)).toContain("0 tham dự");

    await settle();
    const calls = h.emulator.calls();
    const answered = calls.findIndex((c) => c.method === "answerCallbackQuery");
    const edited = calls.findIndex((c) => c.method === "editMessageText" && c.chatId === a.seeded.chatId);
    expect(answered).toBe(0);
    expect(edited).toBeGreaterThan(answered);
    expect(calls[edited]!.at).toBeGreaterThanOrEqual(calls[answered]!.at);
    expect(announcementText(h, a)).toContain("Đã xác nhận: 1 tham dự · 0 vắng · 1 chưa trả lời");
  });

  it("turns 50 presses in 2 s into at most 3 edits showing the final counts", async () => {
    const a = await announcedCell(h, "Chi bộ Đông", 50);
    const codes = ["a", "a", "a", "u", "n"] as const;
    const post = () =>
      h.emulator.botMessages(h.botAccount, a.seeded.chatId).find((m) => m.message_id === a.messageId)!;
    const editsBefore = post().edits;
    const groupBefore = h.texts(a.seeded.chatId).length;
    // 40 ms apart on the clock; the scheduler ticks every 400 ms meanwhile, as a busy ticker would.
    for (const [i, user] of a.users.entries()) {
      h.clock.advance(40);
      await h.press(user, a.seeded.chatId, a.messageId, `rsvp:${a.meetingId}:${codes[i % codes.length]!}`);
      if (i % 10 === 9) await h.app.scheduler.tick();
    }
    await settle();
    await settle();
    expect(post().edits - editsBefore).toBeGreaterThanOrEqual(1);
    expect(post().edits - editsBefore).toBeLessThanOrEqual(3);
    expect(await h.app.database.prisma.rsvp.count({ where: { meetingId: a.meetingId } })).toBe(50);
    expect(post().text).toContain("Đã xác nhận: 30 tham dự · 10 vắng · 10 chưa trả lời (10 chưa chắc)");
    // The ten absent members cannot be written to privately: asked in the group, at most once per
    // scheduler beat (seven here), not once per press.
    const asks = h.texts(a.seeded.chatId).slice(groupBefore);
    expect(asks.length).toBeGreaterThanOrEqual(1);
    expect(asks.length).toBeLessThan(7);
    for (const ask of asks) expect(ask).toContain(`vắng mặt cuộc họp #${a.meetingNumber}`);
  });
});

describe.each(SUPPORTED_PROVIDERS)("check-in press on %s", (provider) => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness({ provider, start: START });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("turns 20 check-ins in a few seconds into at most 3 edits of the post, with the final count", async () => {
    const users = Array.from({ length: 20 }, (_, i) => h.emulator.createUser({ firstName: `Có mặt ${i}` }));
    const seeded = await seedCell(
      h,
      "Chi bộ Điểm danh",
      users.map((user, i) => ({ user, role: i === 0 ? ("secretary" as const) : ("member" as const) })),
    );
    const meeting = await h.app.repos.meetings.create({
      cellId: seeded.cell.id,
      kind: "regular",
      startsAt: new Date(START.getTime() + 30 * 60_000),
      place: null,
      title: null,
      createdByMemberId: null,
    });
    await h.say(users[0]!, seeded.chatId, "/checkin");
    const post = h.emulator.lastBotMessage(h.botAccount, seeded.chatId)!;
    // The secretary who opened check-in chairs the meeting: present already.
    expect(post.text).toContain("Đã điểm danh: 1/20");
    let pressStatements = 0;
    for (const [i, user] of users.entries()) {
      h.clock.advance(100);
      const before = statementCount();
      await h.press(user, seeded.chatId, post.message_id, `ci:${meeting.id}`);
      pressStatements += statementCount() - before;
      if (i % 5 === 4) await h.app.scheduler.tick();
    }
    const perPress = pressStatements / users.length;
    h.clock.advance(ANNOUNCEMENT_REFRESH_DELAY_MS);
    await h.app.scheduler.tick();
    h.clock.advance(ANNOUNCEMENT_REFRESH_DELAY_MS);
    await h.app.scheduler.tick();
    expect(post.edits).toBeGreaterThanOrEqual(1);
    expect(post.edits).toBeLessThanOrEqual(3);
    expect(post.text).toContain("Đã điểm danh: 20/20");
    // The press no longer renders the post (settings, counts, members): it writes the check-in and
    // re-arms one row (8 statements every update pays, 3 to check in, at most 4 for the row).
    expect(perPress).toBeLessThanOrEqual(16); // + the paused-cell check
  });
});

describe.each(SUPPORTED_PROVIDERS)("RSVP press under Telegram's limits on %s", (provider) => {
  let h: Harness;

  beforeAll(async () => {
    // Real time: the emulator's limits and retry_after are in real time, and so is the scheduler here.
    h = await createHarness({ provider, app: { clock: systemClock } });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Hands a press to the bot without waiting; resolves with how long its answer took, in ms. */
  function pressTimed(user: User, a: Announced, data: string): Promise<number> {
    h.emulator.pressButton(h.botAccount, user, a.seeded.chatId, a.messageId, data);
    const [update] = h.emulator.takeUpdates(h.botAccount);
    const queryId = update!.callback_query!.id;
    const pressed = performance.now();
    void h.app.bot.handleUpdate(update!);
    return (async () => {
      while (h.emulator.callbackAnswer(queryId) === undefined) {
        if (performance.now() - pressed > 15_000) return Number.POSITIVE_INFINITY;
        await sleep(5);
      }
      return performance.now() - pressed;
    })();
  }

  it("answers every press at once while the edit waits out a 429, in this group and another", async () => {
    const a = await announcedCell(h, "Chi bộ Bận", 12, true);
    const b = await announcedCell(h, "Chi bộ Bên", 2, true);
    h.emulator.setLimits({});
    h.emulator.resetCalls();
    h.emulator.failNext({ method: "editMessageText", errorCode: 429, retryAfter: RETRY_AFTER_S });

    // Ten presses in one group within half a second.
    const burst: Promise<number>[] = [];
    for (const user of a.users.slice(0, 10)) {
      burst.push(pressTimed(user, a, `rsvp:${a.meetingId}:a`));
      await sleep(50);
    }
    const burstWaits = await Promise.all(burst);

    // The refresh is due; its edit draws the 429 and the scheduler waits it out.
    await sleep(ANNOUNCEMENT_REFRESH_DELAY_MS);
    const tick = h.app.scheduler.tick();
    while (!h.emulator.calls().some((c) => c.method === "editMessageText" && c.status === 429)) {
      await sleep(10);
    }
    // Meanwhile: another press in the same group, and one in another group.
    const during = await Promise.all([
      pressTimed(a.users[10]!, a, `rsvp:${a.meetingId}:u`),
      pressTimed(b.users[0]!, b, `rsvp:${b.meetingId}:a`),
    ]);
    const stillWaiting = await Promise.race([tick.then(() => false), sleep(0).then(() => true)]);

    // Every press answered (typically within a few tens of ms; the bound leaves room for a loaded
    // machine and stays well under the 429's wait, which a press that edits the post would share).
    for (const wait of [...burstWaits, ...during]) expect(wait).toBeLessThan(2_000);
    // The presses made during the wait, in this group and the other, were answered while the edit
    // was still waiting out its 429.
    expect(stillWaiting).toBe(true);
    await tick;
    // The press made during the edit's flight is shown by one more refresh.
    await sleep(ANNOUNCEMENT_REFRESH_DELAY_MS);
    await h.app.scheduler.tick();
    expect(announcementText(h, a)).toContain(await expectedCounts(h, a));
    expect(announcementText(h, a)).toContain("10 tham dự");
    expect(announcementText(h, b)).toContain(await expectedCounts(h, b));
    // Only the forced 429: the scheduler paced everything else within the group's limits.
    expect(h.emulator.calls().filter((c) => c.status === 429)).toHaveLength(1);
    h.emulator.setLimits(false);
  }, 30_000);
});
