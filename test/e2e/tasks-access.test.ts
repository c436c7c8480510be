// Tasks: every bad input of issue 10 gets a clear answer and writes nothing, and the authorisation
// matrix over every task command and button × (stranger, member, leader of another group, leader of
// the group, other cell's secretary, secretary, admin), with the rows unchanged on every refusal.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { REFUSED_MEMBERS, seedCell, type SeededCell } from "../support/ward.ts";

const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);

describe.each(SUPPORTED_PROVIDERS)("task input and access on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let other: SeededCell;
  let sec: User;
  let leader1: User; // leads Tổ 1
  let an: User; // Tổ 1
  let leader2: User; // leads Tổ 2
  let ba: User; // Tổ 2, plain member
  let otherSec: User;
  let stranger: User;
  let taskId: number;
  let anAssignment: number;
  let draftId: number;

  const prisma = () => h.app.database.prisma;
  const group = () => cell.chatId;
  const last = (chat: number) => h.emulator.lastBotMessage(h.botAccount, chat)!;
  const memberId = (u: User) => cell.members.get(u.id)!.memberId;
  /** Everything a refused task command or button must leave alone. */
  const snapshot = async () => ({
    tasks: await prisma().task.findMany({
      orderBy: { id: "asc" },
      select: { id: true, state: true, dueAt: true, title: true },
    }),
    assignments: await prisma().taskAssignment.findMany({
      orderBy: { id: "asc" },
      select: { id: true, state: true, memberId: true, declineReason: true },
    }),
    reports: await prisma().taskReport.count(),
    evaluations: await prisma().taskEvaluation.findMany({ select: { grade: true, comment: true } }),
    audits: await prisma().auditEntry.count(),
    outbox: await prisma().scheduledDelivery.count({ where: { status: "pending" } }),
    questions: await prisma().pendingQuestion.count(),
  });

  beforeAll(async () => {
    h = await createHarness({ provider, start: local("2026-12-01 09:00") });
    const user = (firstName: string, username: string) =>
      h.emulator.createUser({ firstName, username: `${username}_${provider.slice(0, 2)}` });
    sec = user("Lan", "lan_bt");
    leader1 = user("Hải", "hai_tt");
    an = user("An", "an_dv");
    leader2 = user("Tâm", "tam_tt");
    ba = user("Ba", "ba_dv");
    cell = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: sec, role: "secretary" },
      { user: leader1, role: "group_leader" },
      { user: an },
      { user: leader2, role: "group_leader" },
      { user: ba },
    ]);
    otherSec = user("Khoa", "khoa_bt");
    other = await seedCell(h, "Chi bộ Khu phố 2", [{ user: otherSec, role: "secretary" }]);
    stranger = user("Lạ", "nguoi_la");
    h.emulator.startBot(h.botAccount, stranger);
    h.emulator.startBot(h.botAccount, h.admin);
    h.emulator.addMember(group(), stranger);
    h.emulator.addMember(group(), otherSec);
    await h.flush();
    const { repos } = h.app;
    const t1 = (await repos.partyGroups.create(cell.cell.id, "Tổ 1"))!;
    const t2 = (await repos.partyGroups.create(cell.cell.id, "Tổ 2"))!;
    await repos.partyGroups.create(other.cell.id, "Tổ 9");
    await repos.partyGroups.setLeader(t1.id, memberId(leader1));
    await repos.partyGroups.setLeader(t2.id, memberId(leader2));
    for (const [u, g] of [
      [leader1, t1],
      [an, t1],
      [leader2, t2],
      [ba, t2],
    ] as const) {
      await repos.memberships.setPartyGroup(cell.members.get(u.id)!.membershipId, g.id);
    }
    // A task for An, done; and a draft of the secretary's.
    await h.say(sec, group(), "/task @an_dv_" + provider.slice(0, 2) + " Viết bài tuyên truyền hạn 10/12");
    taskId = (await prisma().task.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    await h.press(sec, group(), last(group()).message_id, `tk:ok:${taskId}`);
    const anMsg = last(an.id);
    await h.press(an, an.id, anMsg.message_id, `tk:d:${taskId}`);
    anAssignment = (await prisma().taskAssignment.findFirstOrThrow({ where: { taskId } })).id;
    await h.say(sec, group(), `/task @ba_dv_${provider.slice(0, 2)} Việc nháp`);
    draftId = (await prisma().task.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("answers every bad input clearly and writes nothing", async () => {
    const an_ = `@an_dv_${provider.slice(0, 2)}`;
    const before = await snapshot();
    const cases: [string, string][] = [
      [`/task ${an_}`, "Xin ghi nội dung nhiệm vụ"],
      [`/task ${an_} hạn 10/12`, "Xin ghi nội dung nhiệm vụ"],
      [`/task ${an_} ${"x".repeat(501)}`, "Nội dung nhiệm vụ dài quá (501 ký tự)"],
      ["/task @khong_co_ai Làm báo cáo", "Không tìm thấy đảng viên “@khong_co_ai”"],
      [`/task @khoa_bt_${provider.slice(0, 2)} Làm báo cáo`, "Không tìm thấy đảng viên"],
      ["/task Tổ 9 Làm báo cáo", "Chi bộ không có tổ đảng “Tổ 9”"],
      [`/task ${an_} Làm báo cáo hạn 01/11`, "đã qua rồi"],
      [`/task ${an_} Làm báo cáo hạn hôm qua`, "đã qua rồi"],
      [`/task ${an_} Làm báo cáo hạn`, "Đồng chí ghi “hạn” nhưng chưa ghi ngày"],
      [`/task ${an_} Làm báo cáo hạn thứ 9`, "Không có ngày “thứ 9” trên lịch"],
      ["/task Làm báo cáo", "Xin cho biết giao cho ai"],
      [`/task ${an_} Làm báo cáo | họp #999`, "Không tìm thấy buổi sinh hoạt “#999”"],
      [`/review ${draftId} tốt`, "Không tìm thấy nhiệm vụ"],
      ["/review abc", "Cách đánh giá"],
      ["/edit_task 1", "Cách đổi hạn"],
      [`/edit_task ${taskId} hạn 20/12`, "đã kết thúc hoặc đã hủy"],
      ["/cancel_task x", "Cách hủy"],
      ["/task_info", "Xin ghi số nhiệm vụ"],
      ["/task_info 99999", "Không tìm thấy nhiệm vụ “99999”"],
    ];
    for (const [command, answer] of cases) {
      await h.say(sec, group(), command);
      expect(h.lastText(group()), command).toContain(answer);
    }
    expect(await snapshot()).toEqual(before);
    // /review on a task not done yet.
    await h.say(sec, group(), `/task @ba_dv_${provider.slice(0, 2)} Việc chưa xong hạn 20/12`);
    const open = (await prisma().task.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    await h.press(sec, group(), last(group()).message_id, `tk:ok:${open}`);
    const afterOpen = await snapshot();
    await h.say(sec, group(), `/review ${open} tốt`);
    expect(h.lastText(group())).toContain("chưa báo xong nhiệm vụ này");
    await h.say(sec, group(), `/edit_task ${open} hạn 01/11`);
    expect(h.lastText(group())).toContain("đã qua rồi");
    await h.say(sec, group(), `/edit_task ${open} hạn`);
    expect(h.lastText(group())).toContain("Đồng chí ghi “hạn” nhưng chưa ghi ngày");
    expect(await snapshot()).toEqual(afterOpen);
  });

  it("refuses every task command and button to those who may not use it, changing nothing", async () => {
    const refusedActors: [string, User][] = [
      ["stranger", stranger],
      ["member", ba],
      ["leader of another group", leader2],
      ["other cell's secretary", otherSec],
    ];
    const post = last(group()).message_id;
    for (const [who, actor] of refusedActors) {
      const before = await snapshot();
      for (const command of [
        `/task Tổ 1 Việc mới hạn 20/12`,
        `/task @an_dv_${provider.slice(0, 2)} Việc mới`,
        `/edit_task ${taskId} hạn 20/12`,
        `/cancel_task ${taskId}`,
        `/review ${taskId} tốt`,
        `/task_info ${taskId}`,
      ]) {
        await h.say(actor, group(), command);
        const answer = h.lastText(group())!;
        expect(answer, `${who}: ${command}`).toMatch(
          /chỉ dành cho|chỉ giao nhiệm vụ cho đảng viên trong tổ|Chỉ Bí thư|không theo dõi nhiệm vụ này/,
        );
      }
      if (actor === stranger || actor === otherSec) {
        await h.say(actor, group(), "/tasks");
        expect(h.lastText(group())).toBe(REFUSED_MEMBERS);
      }
      for (const data of [
        `tk:a:${taskId}`,
        `tk:d:${taskId}`,
        `tk:n:${taskId}`,
        `tk:r:${taskId}:h`,
        `tk:r:${taskId}:o`,
        `tk:p:${taskId}`,
        `tk:e:${anAssignment}:n`,
        `tk:ra:${anAssignment}`,
        `tk:rt:${anAssignment}:${memberId(ba)}`,
        `tk:ok:${draftId}`,
        `tk:x:${draftId}`,
        `tk:w:${draftId}`,
      ]) {
        const update = await h.press(actor, group(), post, data);
        const answer = h.emulator.callbackAnswer(update.callback_query!.id);
        expect(answer?.text, `${who}: ${data}`).toMatch(
          /không dành cho đồng chí|Chỉ Bí thư|hết hiệu lực|chỉ dành cho/,
        );
      }
      expect(await snapshot(), who).toEqual(before);
    }
    // The assignee's own buttons on a finished task record nothing more.
    const before = await snapshot();
    await h.press(an, group(), post, `tk:d:${taskId}`);
    await h.press(an, group(), post, `tk:a:${taskId}`);
    await h.press(an, group(), post, `tk:r:${taskId}:h`);
    expect(await snapshot()).toEqual(before);
  });

  it("lets the group's leader, the secretary and an admin do what they may", async () => {
    // The leader of An's group evaluates An; the secretary and an admin correct it.
    await h.say(leader1, group(), `/review ${taskId} tốt`);
    expect(h.lastText(group())).toContain("Đã ghi đánh giá “Tốt” cho đồng chí An");
    await h.say(sec, group(), `/review ${taskId} hoàn thành`);
    await h.say(h.admin, group(), `/review ${taskId} chưa đạt Cần làm lại`);
    const evaluation = await prisma().taskEvaluation.findUniqueOrThrow({
      where: { assignmentId: anAssignment },
    });
    expect([evaluation.grade, evaluation.comment]).toEqual(["not_done", "Cần làm lại"]);
    expect(await prisma().auditEntry.count({ where: { action: "task.evaluation.correct" } })).toBe(2);
    expect(h.lastText(an.id)).toContain("CHƯA ĐẠT");
    // A group leader gives a task to their own group, and only there.
    const drafts = await prisma().task.count({ where: { state: "draft" } });
    await h.say(leader1, group(), "/task Tổ 1 Dọn vệ sinh khu phố hạn 20/12");
    expect(h.lastText(group())).toContain("Giao cho 1 đồng chí: An");
    expect(await prisma().task.count({ where: { state: "draft" } })).toBe(drafts + 1);
    await h.say(leader1, group(), "/task Tổ 2 Dọn vệ sinh khu phố");
    expect(h.lastText(group())).toContain("Tổ trưởng chỉ giao nhiệm vụ cho đảng viên trong tổ mình");
    // Each sees /task_info of the task; the member sees their own.
    for (const u of [leader1, sec, h.admin, an]) {
      await h.say(u, group(), `/task_info ${taskId}`);
      expect(h.lastText(group())).toContain(`📌 Nhiệm vụ #${taskId}: Viết bài tuyên truyền`);
    }
    // The secretary moves and cancels.
    await h.say(sec, group(), `/task @ba_dv_${provider.slice(0, 2)} Việc để hủy hạn 20/12`);
    const t = (await prisma().task.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    await h.press(sec, group(), last(group()).message_id, `tk:ok:${t}`);
    await h.say(h.admin, group(), `/edit_task ${t} hạn 22/12`);
    expect(h.lastText(group())).toContain(`Đã đổi hạn nhiệm vụ #${t}: Thứ Ba, 22/12/2026`);
    await h.say(sec, group(), `/cancel_task ${t}`);
    expect(h.lastText(group())).toContain(`Đã hủy nhiệm vụ #${t}`);
    // A press on the cancelled task says so and changes nothing.
    const before = await snapshot();
    await h.press(ba, ba.id, last(ba.id).message_id, `tk:a:${t}`);
    expect(await snapshot()).toEqual(before);
  });
});
