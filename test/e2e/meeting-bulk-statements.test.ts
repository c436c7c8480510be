// Issue 13 item 5: /close_meeting and the repeated-absence alerts work in bulk. The statements the
// process sends to its database are counted (bench/statements.ts) around each step, for a cell of
// 60 members nobody checked in; the counts do not grow with the cell (no query per member), and
// the private messages go through the outbox, never from the update handler.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installStatementCounter, statementCount } from "../../bench/statements.ts";
import { alertRepeatedAbsences } from "../../src/features/meetings/close.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";
import { nextMeetingNumber } from "../support/meeting-number.ts";

installStatementCounter();

const MEMBERS = 60;
/** A local time in Hà Nội (UTC+7) as an instant. */
const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);

describe.each(SUPPORTED_PROVIDERS)("closing a large cell in bulk on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let users: User[];

  beforeAll(async () => {
    h = await createHarness({ provider, start: local("2026-12-04 22:00") });
    users = Array.from({ length: MEMBERS }, (_, i) => h.emulator.createUser({ firstName: `Đảng viên ${i}` }));
    // Seeded without a private chat each (quicker), then made reachable in one statement.
    cell = await seedCell(
      h,
      "Chi bộ Khu phố Lớn",
      users.map((user, i) =>
        i === 0 ? { user, role: "secretary" as const } : { user, role: "member" as const, started: false },
      ),
    );
    await h.app.database.prisma.member.updateMany({
      where: { id: { in: [...cell.members.values()].map((m) => m.memberId) } },
      data: { reachable: true, unreachableAt: null },
    });
    // One of them has really opened the private chat, to read the question there.
    h.emulator.startBot(h.botAccount, users[5]!);
    await h.flush();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it("closes with fewer than 30 statements per update and asks the absentees through the outbox", async () => {
    const meeting = await h.app.database.prisma.meeting.create({
      data: {
        cellId: cell.cell.id,
        number: await nextMeetingNumber(h.app.database.prisma, cell.cell.id),
        startsAt: local("2026-12-04 19:30"),
        place: "Hội trường",
      },
    });
    const secretary = users[0]!;
    const calls = h.emulator.calls().length;
    let before = statementCount();
    await h.say(secretary, cell.chatId, `/close_meeting #${meeting.id}`);
    const asking = statementCount() - before;
    const question = h.emulator.lastBotMessage(h.botAccount, cell.chatId)!;
    const confirm = question.buttons.find((b) => b.callback_data?.endsWith(":y"))!.callback_data!;
    before = statementCount();
    await h.press(secretary, cell.chatId, question.message_id, confirm);
    const closing = statementCount() - before;
    expect((await h.app.repos.meetings.get(meeting.id))?.state).toBe("closed");
    expect(asking).toBeLessThan(30);
    expect(closing).toBeLessThan(30);
    // Inline: the question, its answer and edit, the result post — nothing per member.
    expect(h.emulator.calls().length - calls).toBeLessThan(10);
    const asks = await h.app.database.prisma.scheduledDelivery.count({
      where: { key: { startsWith: `meeting:${meeting.id}:absent:m:` } },
    });
    expect(asks).toBe(MEMBERS - 1);
    // The scheduler sends them.
    await h.app.scheduler.tick();
    expect(h.lastText(users[5]!.id)).toContain("vắng mặt chưa có lý do");
  });

  it("alerts about 59 absentees with fewer than 20 statements", async () => {
    await h.app.database.prisma.cell.update({
      where: { id: cell.cell.id },
      data: { settings: '{"absenceThreshold":1}' },
    });
    const meeting = (await h.app.repos.meetings.listSince(cell.cell.id, new Date(0), 10)).find(
      (m) => m.state === "closed",
    )!;
    const absent = users.slice(1).map((u) => cell.members.get(u.id)!.memberId);
    const view = (await h.app.repos.cells.get(cell.cell.id))!;
    const before = statementCount();
    const written = await alertRepeatedAbsences(h.app.services, view, meeting, absent);
    const statements = statementCount() - before;
    expect(written).toBe(MEMBERS - 1);
    expect(statements).toBeLessThan(20);
  });
});
