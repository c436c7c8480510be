// A month of tasks through commands, buttons and the scheduler on a manual clock (issue 10, "Done
// when"): tasks given to two members and to a party group (one member unreachable), accepted, a
// progress report in text and in voice, done on time and late, declined with a reason and given to
// someone else, the reminders at their times to the right people only, a restart in the middle with
// nothing sent twice, the overdue nudge, the 3-days-overdue escalation to the secretary only, the
// evaluation and its correction reaching the member, and /tasks for each role.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

/** A local time in Hà Nội (UTC+7) as an instant. */
const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);

describe.each(SUPPORTED_PROVIDERS)("a month of tasks on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let lan: User; // secretary
  let hai: User; // leader of Tổ 1
  let binh: User; // Tổ 1
  let cuc: User; // Tổ 1
  let dao: User; // declines
  let bay: User; // Tổ 1, never opened the bot
  const people = () => ({ lan, hai, binh, cuc, dao, bay });

  beforeAll(async () => {
    h = await createHarness({ provider, start: local("2026-12-01 09:00") });
    lan = h.emulator.createUser({ firstName: "Lan", username: "lan_bt" });
    hai = h.emulator.createUser({ firstName: "Hải", username: "hai_tt" });
    binh = h.emulator.createUser({ firstName: "Bình", username: "binh_dv" });
    cuc = h.emulator.createUser({ firstName: "Cúc", username: "cuc_dv" });
    dao = h.emulator.createUser({ firstName: "Đào", username: "dao_dv" });
    bay = h.emulator.createUser({ firstName: "Bảy" });
    cell = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: lan, role: "secretary" },
      { user: hai, role: "group_leader" },
      { user: binh },
      { user: cuc },
      { user: dao },
      { user: bay, started: false },
    ]);
    const { repos } = h.app;
    const group = (await repos.partyGroups.create(cell.cell.id, "Tổ 1"))!;
    await repos.partyGroups.setLeader(group.id, cell.members.get(hai.id)!.memberId);
    for (const u of [hai, binh, cuc, bay]) {
      await repos.memberships.setPartyGroup(cell.members.get(u.id)!.membershipId, group.id);
    }
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
  const memberId = (u: User) => cell.members.get(u.id)!.memberId;
  const assignmentOf = async (taskId: number, u: User) =>
    (await prisma().taskAssignment.findFirst({
      where: { taskId, memberId: memberId(u) },
      orderBy: { id: "desc" },
    }))!;
  const audits = (action: string) => prisma().auditEntry.count({ where: { action } });

  it("runs from giving the tasks to the evaluation", async () => {
    // ---- Task 1: to two members, due on a day (the end of that day) -------------------------------
    await h.say(
      lan,
      cell.chatId,
      "/task @binh_dv, @dao_dv Chuẩn bị báo cáo tình hình an ninh trật tự hạn 10/12",
    );
    const preview = last(cell.chatId);
    expect(preview.text).toContain("Nội dung: Chuẩn bị báo cáo tình hình an ninh trật tự");
    expect(preview.text).toContain("Giao cho 2 đồng chí: Bình, Đào");
    expect(preview.text).toContain("Hạn: Thứ Năm, 10/12/2026.");
    expect(await prisma().taskAssignment.count()).toBe(2);
    const task1 = (await prisma().task.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    expect(h.texts(binh.id).some((t) => t.includes("Nhiệm vụ mới"))).toBe(false);
    // Only the one who typed the command confirms it.
    await h.press(hai, cell.chatId, preview.message_id, `tk:ok:${task1}`);
    expect(await prisma().task.count({ where: { state: "draft" } })).toBe(1);
    await h.press(lan, cell.chatId, preview.message_id, `tk:ok:${task1}`);
    await h.press(lan, cell.chatId, preview.message_id, `tk:ok:${task1}`);
    expect(last(binh).text).toBe(
      "📌 Nhiệm vụ mới (đồng chí Lan giao): Chuẩn bị báo cáo tình hình an ninh trật tự\nHạn: Thứ Năm, 10/12/2026.",
    );
    expect(last(binh).buttons.map((b) => b.text)).toEqual([
      "✅ Nhận nhiệm vụ",
      "📝 Báo cáo tiến độ",
      "🏁 Đã xong",
      "❌ Không thực hiện được",
    ]);
    expect(h.texts(binh.id).filter((t) => t.includes("Nhiệm vụ mới"))).toHaveLength(1);
    expect(h.texts(dao.id).filter((t) => t.includes("Nhiệm vụ mới"))).toHaveLength(1);
    expect(last(cell.chatId).text).toContain(`Đã giao nhiệm vụ #${task1} cho 2 đồng chí`);
    expect(await audits("task.create")).toBe(1);

    // ---- Task 2: to a party group with an unreachable member, due at a time ----------------------
    await h.say(lan, lan.id, "/task Tổ 1 Vận động đóng góp quỹ khuyến học hạn 05/12 17h");
    const preview2 = last(lan);
    expect(preview2.text).toContain("Giao cho 4 đồng chí: Hải, Bình, Cúc, Bảy");
    expect(preview2.text).toContain("Hạn: Thứ Bảy, 05/12/2026 lúc 17:00.");
    expect(preview2.text).toContain("1 đồng chí chưa mở trò chuyện riêng");
    const task2 = (await prisma().task.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    const groupBefore = h.texts(cell.chatId).length;
    await h.press(lan, lan.id, preview2.message_id, `tk:ok:${task2}`);
    expect(last(lan).text).toContain("Chưa nhắn riêng được cho: Bảy");
    expect(h.texts(cell.chatId).length).toBe(groupBefore + 1);
    const fallback = last(cell.chatId);
    expect(fallback.text).toContain("Bảy: đồng chí Lan giao nhiệm vụ");
    expect(fallback.entities?.some((e) => e.type === "text_mention" && e.user.id === bay.id)).toBe(true);
    expect(fallback.buttons.map((b) => b.url ?? b.callback_data)).toContain(
      "https://t.me/chibo_test_bot?start=r",
    );
    expect((await prisma().task.findUniqueOrThrow({ where: { id: task2 } })).partyGroupId).not.toBeNull();

    // ---- Accept (twice: once), progress in text and in voice -------------------------------------
    const binhTask1 = last(binh); // task 2 arrived last; find task 1's message
    void binhTask1;
    const msg1 = h.emulator
      .botMessages(h.botAccount, binh.id)
      .find((m) => m.buttons.some((b) => b.callback_data === `tk:a:${task1}`))!;
    await h.press(binh, binh.id, msg1.message_id, `tk:a:${task1}`);
    await h.press(binh, binh.id, msg1.message_id, `tk:a:${task1}`);
    expect((await assignmentOf(task1, binh)).state).toBe("accepted");
    expect(await audits("task.accept")).toBe(1);
    expect(
      h.emulator.botMessages(h.botAccount, binh.id).find((m) => m.message_id === msg1.message_id)!.text,
    ).toContain("Đồng chí đã nhận nhiệm vụ");

    await h.press(binh, binh.id, msg1.message_id, `tk:p:${task1}`);
    expect(last(binh).text).toContain("Xin đồng chí gửi báo cáo tiến độ");
    const lanBefore = h.texts(lan.id).length;
    await h.say(binh, binh.id, "Đã thu thập xong số liệu của 3 tổ dân phố");
    expect(last(binh).text).toContain("Đã ghi nhận báo cáo tiến độ");
    expect(h.texts(lan.id).length).toBe(lanBefore + 1);
    expect(last(lan).text).toBe(
      `📝 Đồng chí Bình báo cáo tiến độ nhiệm vụ #${task1} “Chuẩn bị báo cáo tình hình an ninh trật tự”:\nĐã thu thập xong số liệu của 3 tổ dân phố`,
    );
    // The next plain message is not a report any more.
    await h.say(binh, binh.id, "Cảm ơn");
    expect(await prisma().taskReport.count()).toBe(1);

    const cucMsg = h.emulator
      .botMessages(h.botAccount, cuc.id)
      .find((m) => m.buttons.some((b) => b.callback_data === `tk:p:${task2}`))!;
    await h.press(cuc, cuc.id, cucMsg.message_id, `tk:p:${task2}`);
    h.emulator.sendVoice(h.botAccount, cuc, cuc.id, { duration: 12 });
    await h.flush();
    const voice = await prisma().taskReport.findFirstOrThrow({ where: { kind: "voice" } });
    expect(voice.voiceFileId).toBeTruthy();
    // The assigner gets the notice, then the voice note itself (copied: no download, same file).
    const toLan = h.emulator.botMessages(h.botAccount, lan.id);
    expect(toLan.at(-2)!.text).toContain("Đồng chí Cúc gửi báo cáo tiến độ nhiệm vụ");
    expect(toLan.at(-1)).toMatchObject({ kind: "voice" });
    expect(toLan.at(-1)!.voice!.fileId).toBe(voice.voiceFileId);
    expect(h.emulator.calls().filter((c) => c.method === "copyMessage" && c.status === 200)).toHaveLength(1);

    // ---- Declined with a reason, given to someone else -------------------------------------------
    const daoMsg = h.emulator
      .botMessages(h.botAccount, dao.id)
      .find((m) => m.buttons.some((b) => b.callback_data === `tk:n:${task1}`))!;
    await h.press(dao, dao.id, daoMsg.message_id, `tk:n:${task1}`);
    const reasons = last(dao);
    expect(reasons.buttons.map((b) => b.text)).toContain("Bận công việc");
    await h.press(dao, dao.id, reasons.message_id, `tk:r:${task1}:b`);
    await h.press(dao, dao.id, reasons.message_id, `tk:r:${task1}:b`);
    expect((await assignmentOf(task1, dao)).state).toBe("declined");
    expect(await audits("task.decline")).toBe(1);
    const notice = last(lan);
    expect(notice.text).toBe(
      `❌ Đồng chí Đào không thực hiện được nhiệm vụ #${task1} “Chuẩn bị báo cáo tình hình an ninh trật tự”. Lý do: Bận công việc.`,
    );
    const daoAssignment = await assignmentOf(task1, dao);
    await h.press(lan, lan.id, notice.message_id, `tk:ra:${daoAssignment.id}`);
    const pick = last(lan);
    expect(pick.buttons.map((b) => b.text)).toContain("Hải");
    await h.press(lan, lan.id, pick.message_id, `tk:rt:${daoAssignment.id}:${memberId(hai)}`);
    await h.press(lan, lan.id, pick.message_id, `tk:rt:${daoAssignment.id}:${memberId(cuc)}`);
    expect(last(hai).text).toContain("Chuẩn bị báo cáo tình hình an ninh trật tự");
    expect(await prisma().taskAssignment.count({ where: { taskId: task1 } })).toBe(3);
    expect(await audits("task.reassign")).toBe(1);
    // Đào's old buttons now say the task went to someone else, and change nothing.
    await h.press(dao, dao.id, daoMsg.message_id, `tk:d:${task1}`);
    expect((await assignmentOf(task1, dao)).state).toBe("cancelled");

    // ---- Reminders of task 2 (due Sat 05/12 17:00), with a restart in the middle -----------------
    expect(await tickAt("2026-12-04 16:59")).toEqual({});
    expect(await tickAt("2026-12-04 17:00")).toEqual({ hai: 1, binh: 1, cuc: 1 });
    expect(last(binh).text).toContain("Kính nhắc đồng chí Bình: nhiệm vụ");
    await h.restart();
    expect(await tickAt("2026-12-04 17:01")).toEqual({});
    expect(await tickAt("2026-12-05 08:00")).toEqual({ hai: 1, binh: 1, cuc: 1 });
    expect(last(cuc).text).toContain("hôm nay là hạn của nhiệm vụ");
    // The group leader finishes on time, from the morning reminder.
    h.clock.set(local("2026-12-05 09:00"));
    await h.press(hai, hai.id, last(hai).message_id, `tk:d:${task2}`);
    expect(last(lan).text).toContain("(đúng hạn)");

    // Cúc finishes late; Bình does not.
    h.clock.set(local("2026-12-05 18:00"));
    const cucReminder = last(cuc);
    await h.press(cuc, cuc.id, cucReminder.message_id, `tk:d:${task2}`);
    expect((await assignmentOf(task2, cuc)).state).toBe("done");
    expect(last(lan).text).toContain("đã hoàn thành nhiệm vụ");
    expect(last(lan).text).toContain("(sau hạn)");
    expect(await tickAt("2026-12-06 08:00")).toEqual({ binh: 1 });
    expect(last(binh).text).toContain("đã quá hạn");
    expect(await tickAt("2026-12-07 08:00")).toEqual({});
    // Three days after the due day: the secretary (who gave it) only, with who has not finished.
    expect(await tickAt("2026-12-08 08:00")).toEqual({ lan: 1 });
    expect(last(lan).text).toContain(`⏰ Nhiệm vụ #${task2}`);
    expect(last(lan).text).toContain("• Bình: chưa có báo cáo tiến độ");
    expect(last(lan).text).not.toContain("Cúc");
    expect(last(lan).text).not.toContain("Hải");
    expect(await tickAt("2026-12-08 08:01")).toEqual({});

    // ---- Task 1: the evening before its due day, Bình finishes on time --------------------------
    expect(await tickAt("2026-12-09 21:15")).toEqual({ binh: 1, hai: 1 });
    h.clock.set(local("2026-12-10 07:00"));
    await h.press(binh, binh.id, msg1.message_id, `tk:d:${task1}`);
    await h.press(binh, binh.id, msg1.message_id, `tk:d:${task1}`);
    expect(await audits("task.done")).toBe(3);
    const evaluate = last(lan);
    expect(evaluate.text).toContain("(đúng hạn)");
    expect(await tickAt("2026-12-10 08:00")).toEqual({ hai: 1 });

    // ---- Evaluation, comment, correction ---------------------------------------------------------
    const binhAssignment = await assignmentOf(task1, binh);
    // A member cannot evaluate; a forged press names nothing of theirs.
    await h.press(dao, dao.id, daoMsg.message_id, `tk:e:${binhAssignment.id}:n`);
    expect(await prisma().taskEvaluation.count()).toBe(0);
    await h.press(lan, lan.id, evaluate.message_id, `tk:e:${binhAssignment.id}:g`);
    await h.press(lan, lan.id, evaluate.message_id, `tk:e:${binhAssignment.id}:g`);
    expect(await audits("task.evaluate")).toBe(1);
    expect(last(binh).text).toContain("được đánh giá TỐT");
    expect(last(lan).text).toContain("Đồng chí có muốn gửi thêm lời nhận xét");
    await h.say(lan, lan.id, "Báo cáo đầy đủ, số liệu rõ ràng.");
    expect(last(binh).text).toBe(
      "💬 Đồng chí Lan gửi lời nhận xét về nhiệm vụ “Chuẩn bị báo cáo tình hình an ninh trật tự”: Báo cáo đầy đủ, số liệu rõ ràng.",
    );
    await h.say(lan, lan.id, `/review ${task1} @binh_dv hoàn thành Cần bổ sung phần kiến nghị`);
    expect(last(binh).text).toContain("(Đánh giá đã được điều chỉnh.)");
    expect(last(binh).text).toContain("HOÀN THÀNH");
    expect(await audits("task.evaluation.correct")).toBe(1);
    const evaluation = await prisma().taskEvaluation.findUniqueOrThrow({
      where: { assignmentId: binhAssignment.id },
    });
    expect([evaluation.grade, evaluation.comment]).toEqual(["done", "Cần bổ sung phần kiến nghị"]);

    // ---- /tasks for each role --------------------------------------------------------------------
    await h.say(binh, binh.id, "/tasks");
    expect(h.texts(binh.id).slice(-2).join("\n")).toContain(`#${task2} Vận động đóng góp quỹ khuyến học`);
    expect(h.texts(binh.id).slice(-1)[0]).toContain("Tình trạng: quá hạn");
    await h.say(hai, hai.id, "/tasks");
    expect(last(hai).text).toContain("Nhiệm vụ của tổ đồng chí phụ trách");
    expect(last(hai).text).toContain(`#${task2}`);
    await h.say(lan, cell.chatId, "/tasks");
    const list = last(cell.chatId).text!;
    expect(list).toContain("⏰ Quá hạn (1):");
    expect(list).toContain("🏁 Đã xong, chờ đánh giá (1):");
    expect(list).toContain(`#${task2} Vận động đóng góp quỹ khuyến học`);
    await h.say(lan, lan.id, `/task_info ${task1}`);
    expect(last(lan).text).toContain("• Bình: đã xong, đúng hạn");
    expect(last(lan).text).toContain("Đánh giá: Hoàn thành");
    expect(last(lan).text).toContain("• Đào: đã giao cho đồng chí khác");
    await h.say(binh, binh.id, "/me");
    expect(last(binh).text).toContain(`#${task2} Vận động đóng góp quỹ khuyến học`);

    // ---- Moving and cancelling -------------------------------------------------------------------
    await h.say(lan, lan.id, `/edit_task ${task1} hạn 20/12`);
    expect(last(lan).text).toContain(`Đã đổi hạn nhiệm vụ #${task1}`);
    expect(last(hai).text).toContain("đổi hạn: Chủ Nhật, 20/12/2026");
    await h.say(lan, lan.id, `/cancel_task ${task1}`);
    expect(last(hai).text).toContain("đã được hủy");
    const pending = (await h.app.repos.outbox.listByKeyPrefix(`task:${task1}:r:`)).filter(
      (r) => r.status === "pending",
    );
    expect(pending).toEqual([]);
    expect(await tickAt("2026-12-19 21:15")).toEqual({});
  });
});
