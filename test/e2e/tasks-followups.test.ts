// What follows a task once given, through the emulator on both databases: the weekly "còn đang làm?"
// check of a task without a due date (only when the giver switched it on, once a week, not after
// done), a member who joins a party group receiving the group's open tasks, and previews that
// expire (a late press says so; the daily maintenance deletes stale drafts).
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);

describe.each(SUPPORTED_PROVIDERS)("task follow-ups on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let lan: User; // secretary
  let hai: User; // Tổ 1
  let binh: User;
  let cuc: User;

  const prisma = () => h.app.database.prisma;
  const last = (u: User) => h.emulator.lastBotMessage(h.botAccount, u.id)!;
  const count = (u: User) => h.texts(u.id).length;
  const data = (u: User, text: string) => last(u).buttons.find((b) => b.text.includes(text))?.callback_data;
  async function press(user: User, messageId: number, value: string) {
    const update = await h.press(user, user.id, messageId, value);
    return h.emulator.callbackAnswer(update.callback_query!.id);
  }
  /** Moves the clock and ticks the scheduler; how many messages each person received. */
  async function tickAt(at: string) {
    const people = { lan, hai, binh, cuc };
    const before = Object.fromEntries(Object.entries(people).map(([k, u]) => [k, count(u)]));
    h.clock.set(local(at));
    await h.app.scheduler.tick();
    const delta: Record<string, number> = {};
    for (const [k, u] of Object.entries(people)) {
      const change = count(u) - before[k]!;
      if (change !== 0) delta[k] = change;
    }
    return delta;
  }
  /** Types the command, confirms the preview (after `beforeConfirm`), returns the task's id. */
  async function give(text: string, beforeConfirm?: (previewId: number, taskId: number) => Promise<void>) {
    await h.say(lan, lan.id, text);
    const task = await prisma().task.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(task.state).toBe("draft");
    await beforeConfirm?.(last(lan).message_id, task.id);
    await press(lan, last(lan).message_id, `tk:ok:${task.id}`);
    return task.id;
  }

  beforeAll(async () => {
    h = await createHarness({ provider, start: local("2026-12-01 09:00") });
    const user = (firstName: string, username: string) =>
      h.emulator.createUser({ firstName, username: `${username}_${provider.slice(0, 2)}` });
    lan = user("Lan", "lan_bt");
    hai = user("Hải", "hai_tt");
    binh = user("Bình", "binh_dv");
    cuc = user("Cúc", "cuc_dv");
    cell = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: lan, role: "secretary" },
      { user: hai, role: "group_leader" },
      { user: binh },
      { user: cuc },
    ]);
    const { repos } = h.app;
    const group = (await repos.partyGroups.create(cell.cell.id, "Tổ 1"))!;
    await repos.partyGroups.setLeader(group.id, cell.members.get(hai.id)!.memberId);
    await repos.memberships.setPartyGroup(cell.members.get(hai.id)!.membershipId, group.id);
    // The welcome messages of the seeded members go out first.
    await h.app.scheduler.tick();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("asks “còn đang làm?” weekly only when switched on, once a week, and stops once done", async () => {
    // A task with a due date has no weekly switch.
    await h.say(lan, lan.id, "/task Cúc: Nộp sổ đảng viên hạn 20/12");
    expect(data(lan, "Mỗi tuần")).toBeUndefined();
    await press(lan, last(lan).message_id, data(lan, "Thôi")!);

    const weekly = await give("/task Bình: Theo dõi việc sửa đường hẻm", async (previewId, taskId) => {
      expect(data(lan, "Mỗi tuần hỏi")).toBe(`tk:w:${taskId}`);
      await press(lan, previewId, `tk:w:${taskId}`);
      expect(last(lan).text).toContain("🔁 Mỗi tuần Trợ lý sẽ hỏi các đồng chí được giao");
      expect(data(lan, "Thôi hỏi hằng tuần")).toBe(`tk:w:${taskId}`);
      // Another member pressing the switch changes nothing.
      const forged = await press(cuc, last(cuc)?.message_id ?? 1, `tk:w:${taskId}`);
      expect(forged?.show_alert).toBe(true);
    });
    await h.say(lan, lan.id, `/task_info ${weekly}`);
    expect(h.lastText(lan.id)).toContain("🔁 Mỗi tuần Trợ lý sẽ hỏi");
    const silent = await give("/task Cúc: Sưu tầm tư liệu lịch sử khu phố");
    expect(await prisma().task.findUniqueOrThrow({ where: { id: weekly } })).toMatchObject({
      state: "open",
      weeklyCheck: true,
      dueAt: null,
    });
    const rows = await prisma().scheduledDelivery.findMany({
      where: { key: { startsWith: `task:${weekly}:` } },
      select: { key: true, dueAt: true },
    });
    expect(rows).toEqual([{ key: `task:${weekly}:r:wk:2026-12-08`, dueAt: local("2026-12-08 09:00") }]);
    expect(
      await prisma().scheduledDelivery.count({ where: { key: { startsWith: `task:${silent}:` } } }),
    ).toBe(0);

    // Other features write to everyone at times (a month's end): count the checks themselves.
    // (As first sent: a press edits the message it was pressed on.)
    const checks = (u: User) =>
      h.emulator
        .botMessages(h.botAccount, u.id)
        .filter((m) => (m.editHistory[0]?.text ?? m.text ?? "").includes("còn đang làm chứ?")).length;
    await tickAt("2026-12-08 08:59");
    expect([checks(binh), checks(cuc)]).toEqual([0, 0]);
    expect(await tickAt("2026-12-08 09:00")).toEqual({ binh: 1 });
    expect(last(binh).text).toContain("còn đang làm chứ?");
    expect(last(binh).text).toContain("Theo dõi việc sửa đường hẻm");
    expect(last(binh).buttons.map((b) => b.callback_data)).toContain(`tk:d:${weekly}`);
    // A restart and another tick the same week send nothing more.
    await h.restart();
    await tickAt("2026-12-08 12:00");
    expect([checks(binh), checks(cuc)]).toEqual([1, 0]);
    await tickAt("2026-12-15 09:00");
    expect([checks(binh), checks(cuc)]).toEqual([2, 0]);
    // Done with the week's own button: no more checks.
    await press(binh, last(binh).message_id, `tk:d:${weekly}`);
    await tickAt("2026-12-22 09:00");
    await tickAt("2026-12-29 09:00");
    expect([checks(binh), checks(cuc)]).toEqual([2, 0]);
    expect(
      await prisma().scheduledDelivery.count({
        where: { key: { startsWith: `task:${weekly}:` }, status: "sent" },
      }),
    ).toBe(4); // two weekly rows and the two messages
  });

  it("gives a newcomer of the tổ the group's open tasks not yet due, sent privately", async () => {
    const open = await give("/task Tổ 1: Rà soát hộ nghèo trong tổ hạn 31/12");
    expect(last(hai).text).toContain("Rà soát hộ nghèo trong tổ");
    const past = await give("/task Tổ 1: Dọn vệ sinh hẻm 5 hạn 30/12");
    // Its due time has passed by the time Bình joins: not his to do.
    await prisma().task.update({ where: { id: past }, data: { dueAt: local("2026-12-29 08:00") } });
    const named = await give("/task Hải: Báo cáo quân số hạn 31/12");
    const binhBefore = count(binh);
    await h.say(lan, lan.id, `/group add Tổ 1 @${binh.username}`);
    expect(h.texts(lan.id).join("\n")).toContain(
      `Đồng chí Bình vào tổ nên cũng được giao 1 nhiệm vụ đang làm của tổ: #${open} “Rà soát hộ nghèo trong tổ”`,
    );
    expect(count(binh)).toBe(binhBefore + 1);
    expect(last(binh).text).toContain("📌 Nhiệm vụ mới (đồng chí Lan giao): Rà soát hộ nghèo trong tổ");
    const binhId = cell.members.get(binh.id)!.memberId;
    const of = async (taskId: number) =>
      prisma().taskAssignment.count({ where: { taskId, memberId: binhId } });
    expect([await of(open), await of(past), await of(named)]).toEqual([1, 0, 0]);
    // His reminders follow: the day before the due time.
    expect(
      await prisma().scheduledDelivery.count({
        where: { key: { startsWith: `task:${open}:r:m:${binhId}:` } },
      }),
    ).toBeGreaterThan(0);
    // Added again (already in the tổ): nothing twice.
    await h.say(lan, lan.id, `/group add Tổ 1 @${binh.username}`);
    expect(await of(open)).toBe(1);
    expect(count(binh)).toBe(binhBefore + 1);
    // Made the tổ's leader from outside it: Cúc joins, and gets the open task too.
    await h.say(lan, lan.id, `/group leader Tổ 1 @${cuc.username}`);
    const cucId = cell.members.get(cuc.id)!.memberId;
    expect(await prisma().taskAssignment.count({ where: { taskId: open, memberId: cucId } })).toBe(1);
    expect(last(cuc).text).toContain("Rà soát hộ nghèo trong tổ");
  });

  it("expires a preview after a day: the press says so, and the maintenance deletes stale drafts", async () => {
    await h.say(lan, lan.id, "/task Cúc: Viết bài cho bản tin hạn 31/12");
    const preview = last(lan);
    const draft = await prisma().task.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(draft.state).toBe("draft");
    const tasks = await prisma().task.count();
    const audits = await prisma().auditEntry.count();
    h.clock.set(local("2026-12-30 12:00"));
    const answer = await press(lan, preview.message_id, `tk:ok:${draft.id}`);
    expect(answer?.text).toContain("Bản xem trước này đã quá hạn");
    expect(h.emulator.lastBotMessage(h.botAccount, lan.id)!.buttons).toEqual([]);
    expect(await prisma().task.count()).toBe(tasks - 1);
    expect(await prisma().auditEntry.count()).toBe(audits);
    expect(await prisma().taskAssignment.count({ where: { taskId: draft.id } })).toBe(0);
    // Pressed again once gone: still the same clear answer.
    const again = await press(lan, preview.message_id, `tk:ok:${draft.id}`);
    expect(again?.text).toContain("Bản xem trước này đã quá hạn");

    // Two drafts left alone, one old and one fresh: the 03:00 maintenance deletes the old one only.
    await h.say(lan, lan.id, "/task Cúc: Việc cũ hạn 20/01/2027");
    const old = await prisma().task.findFirstOrThrow({ orderBy: { id: "desc" } });
    h.clock.set(local("2027-01-01 02:00"));
    await h.say(lan, lan.id, "/task Cúc: Việc mới hạn 20/01/2027");
    const fresh = await prisma().task.findFirstOrThrow({ orderBy: { id: "desc" } });
    await tickAt("2027-01-01 03:00");
    const left = await prisma().task.findMany({ where: { state: "draft" }, select: { id: true } });
    expect(left).toEqual([{ id: fresh.id }]);
    expect(old.id).not.toBe(fresh.id);
  });
});
