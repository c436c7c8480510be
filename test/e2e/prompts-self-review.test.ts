// The monthly self-review (issue 11, PRODUCT §4D, §7) on the harness's manual clock: opened on the
// 25th at 19:00 cell time for every active, non-exempt member, privately; the member's open and
// overdue tasks listed with the second question; a second answer replaces the first; nudges to those
// who have not answered halfway through (moved out of quiet hours) and 12 h before the close, at most
// one a day; restarts in the middle send nothing twice; at the close the secretary alone gets the
// summary: who submitted, who did not, the answers.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

describe.each(SUPPORTED_PROVIDERS)("the monthly self-review on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let secretary: User;
  let deputy: User;
  let exempt: User;
  let an: User;
  let binh: User;
  let cuc: User;
  let promptId = 0;
  let quiet: SeededCell;
  let quietSecretary: User;

  const prisma = () => h.app.database.prisma;
  const memberId = (u: User) => cell.members.get(u.id)!.memberId;
  const tickAll = async () => {
    for (let i = 0; i < 3; i++) await h.app.scheduler.tick();
  };
  const at = async (iso: string) => {
    h.clock.set(new Date(iso));
    await tickAll();
  };
  const privateTexts = (u: User, fragment: string) => h.texts(u.id).filter((t) => t.includes(fragment));
  const press = async (user: User, data: string) => {
    const msg = h.emulator.lastBotMessage(h.botAccount, user.id)!;
    const update = await h.press(user, user.id, msg.message_id, data);
    return h.emulator.callbackAnswer(update.callback_query!.id)?.text;
  };

  beforeAll(async () => {
    h = await createHarness({ provider });
    const user = (firstName: string, username: string) =>
      h.emulator.createUser({ firstName, username: `${username}_${provider.slice(0, 2)}` });
    secretary = user("Nguyễn Văn Hải", "bt_hai");
    deputy = user("Trần Thị Phó", "pho_bt");
    exempt = user("Bùi Văn Miễn", "bui_mien");
    an = user("Lê Văn An", "le_an");
    binh = user("Phạm Thị Bình", "pham_binh");
    cuc = user("Hoàng Văn Cúc", "hoang_cuc");
    cell = await seedCell(h, "Chi bộ Khu phố 7", [
      { user: secretary, role: "secretary" },
      { user: deputy, role: "deputy" },
      { user: exempt, status: "exempt" },
      { user: an },
      { user: binh },
      { user: cuc },
    ]);
    // A cell that turned the self-review off.
    quietSecretary = user("Đỗ Văn Tắt", "do_tat");
    quiet = await seedCell(h, "Chi bộ Khu phố 9", [{ user: quietSecretary, role: "secretary" }]);
    await h.say(quietSecretary, quiet.chatId, "/settings review off");
    await h.say(quietSecretary, quiet.chatId, "/settings review 31 19:00");
    expect(h.lastText(quiet.chatId)).toContain("/settings review 25 19:00");
    // An has one task still open and one overdue (the tasks capability's tables, written directly).
    for (const [title, due] of [
      ["Báo cáo an ninh trật tự khu phố", "2026-12-30T10:00:00Z"],
      ["Thu đảng phí quý IV", "2026-12-10T10:00:00Z"],
    ] as const) {
      await prisma().task.create({
        data: {
          cellId: cell.cell.id,
          title,
          dueAt: new Date(due),
          assignments: { create: { memberId: memberId(an), state: "accepted" } },
        },
      });
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it("opens on the 25th at 19:00 for active, non-exempt members, privately", async () => {
    // The day's seed row starts the chain of the cell registered after the service started.
    await tickAll();
    const chain = await prisma().scheduledDelivery.findFirstOrThrow({
      where: { key: `self-review:${cell.cell.id}:2026-12` },
    });
    expect(chain.dueAt.toISOString()).toBe("2026-12-25T12:00:00.000Z");
    await at("2026-12-25T11:59:00Z");
    expect(await prisma().prompt.count({ where: { kind: "self_review" } })).toBe(0);
    await at("2026-12-25T12:00:30Z");
    const prompt = await prisma().prompt.findFirstOrThrow({ where: { kind: "self_review" } });
    promptId = prompt.id;
    expect(prompt).toMatchObject({ anonymous: false, period: "2026-12", state: "open" });
    // Open until the end of the month in the cell's time.
    expect(prompt.closesAt!.toISOString()).toBe("2026-12-31T17:00:00.000Z");
    for (const u of [secretary, deputy, an, binh, cuc]) {
      const asked = privateTexts(u, "Tự kiểm điểm tháng 2026-12");
      expect(asked, u.first_name).toHaveLength(1);
      expect(asked[0]).toContain("Chỉ Bí thư chi bộ xem được câu trả lời.");
    }
    expect(privateTexts(exempt, "Tự kiểm điểm")).toHaveLength(0);
    // The cell that turned it off is not asked.
    expect(await prisma().prompt.count({ where: { kind: "self_review", cellId: quiet.cell.id } })).toBe(0);
    expect(privateTexts(quietSecretary, "Tự kiểm điểm")).toHaveLength(0);
    const buttons = h.emulator.lastBotMessage(h.botAccount, an.id)!.buttons.map((b) => b.text);
    expect(buttons).toEqual(["Tốt", "Khá", "Cần cố gắng"]);
  });

  it("takes the three answers, lists the member's tasks, and lets a second answer replace the first", async () => {
    const [q1, q2, q3] = await prisma().question.findMany({
      where: { promptId },
      orderBy: { position: "asc" },
    });
    expect(await press(an, `pk:a:${promptId}:${q1!.id}:1`)).toContain("Khá");
    // Optional words after the first choice (PRODUCT §4D): typed here, kept with the choice.
    expect(h.lastText(an.id)).toContain("Đồng chí có muốn nói thêm vài lời không?");
    expect(h.emulator.lastBotMessage(h.botAccount, an.id)!.buttons.map((b) => b.text)).toEqual(["⏭ Bỏ qua"]);
    await h.say(an, an.id, "Tôi đã đọc lại Di chúc của Bác cùng chi bộ.");
    expect(h.texts(an.id).at(-2)).toBe("Đã ghi nhận ý kiến của đồng chí.");
    expect(
      await prisma().response.findFirstOrThrow({ where: { questionId: q1!.id, memberId: memberId(an) } }),
    ).toMatchObject({ choice: 1, text: "Tôi đã đọc lại Di chúc của Bác cùng chi bộ." });
    const second = h.lastText(an.id)!;
    expect(second).toContain("thực hiện các nhiệm vụ được giao");
    expect(second).toContain("Báo cáo an ninh trật tự khu phố — hạn");
    expect(second).toContain("Thu đảng phí quý IV — ⚠️ quá hạn");
    await press(an, `pk:a:${promptId}:${q2!.id}:1`);
    expect(h.lastText(an.id)).toContain("Tự phê bình");
    await h.say(an, an.id, "Tôi cần đi họp đúng giờ hơn.");
    expect(h.lastText(an.id)).toContain("Đồng chí đã trả lời đủ các câu hỏi");
    // A second press edits: still one answer per question.
    h.clock.advance(60_000);
    const again = await h.press(
      an,
      an.id,
      h.emulator.lastBotMessage(h.botAccount, an.id)!.message_id,
      `pk:a:${promptId}:${q1!.id}:0`,
    );
    expect(h.emulator.callbackAnswer(again.callback_query!.id)?.text).toContain(
      "Đã đổi câu trả lời thành: Tốt",
    );
    // The words are offered again; [Bỏ qua] leads on to the second question, once.
    expect(h.lastText(an.id)).toContain("nói thêm vài lời");
    expect(await press(an, `pk:k:${promptId}:${q1!.id}`)).toBeUndefined();
    expect(h.lastText(an.id)).toContain("thực hiện các nhiệm vụ được giao");
    expect(await press(an, `pk:k:${promptId}:${q1!.id}`)).toBe("Nút này đã hết hiệu lực.");
    const mine = await prisma().response.findMany({ where: { promptId, memberId: memberId(an) } });
    expect(mine.map((r) => [r.questionId, r.choice ?? r.text]).sort()).toEqual(
      [
        [q1!.id, 0],
        [q2!.id, 1],
        [q3!.id, "Tôi cần đi họp đúng giờ hơn."],
      ].sort(),
    );
    // Bình, who reads in English, answers the first question only, with a voice note as her words;
    // that counts as having answered.
    await h.say(binh, binh.id, "/lang en");
    await press(binh, `pk:a:${promptId}:${q1!.id}:2`);
    expect(h.lastText(binh.id)).toContain("Would you like to add a few words?");
    expect(h.emulator.lastBotMessage(h.botAccount, binh.id)!.buttons.map((b) => b.text)).toEqual(["⏭ Skip"]);
    h.emulator.sendVoice(h.botAccount, binh, binh.id, { duration: 4 });
    await h.flush();
    expect(h.texts(binh.id)).toContain("Your words are recorded.");
    const spoken = await prisma().response.findFirstOrThrow({
      where: { questionId: q1!.id, memberId: memberId(binh) },
    });
    expect(spoken.choice).toBe(2);
    expect(spoken.voiceFileId).not.toBeNull();
  });

  it("nudges those who have not answered, out of quiet hours, once a day, and never twice after restarts", async () => {
    await h.restart();
    await tickAll();
    // Halfway (28/12 21:30 in Hà Nội) falls in quiet hours: the nudges wait until 06:30.
    await at("2026-12-28T14:31:00Z");
    for (const u of [secretary, deputy, cuc]) expect(privateTexts(u, "Kính nhắc đồng chí")).toHaveLength(0);
    await h.restart();
    await at("2026-12-28T23:31:00Z");
    for (const u of [secretary, deputy, cuc]) {
      const nudges = privateTexts(u, "Kính nhắc đồng chí");
      expect(nudges, u.first_name).toHaveLength(1);
      expect(nudges[0]).toContain("Tự kiểm điểm tháng 2026-12");
    }
    for (const u of [an, binh, exempt]) expect(privateTexts(u, "Kính nhắc đồng chí")).toHaveLength(0);
    await h.restart();
    await tickAll();
    // 12 hours before the close: 31/12 12:00 in Hà Nội, another day, so a second nudge.
    await at("2026-12-31T05:01:00Z");
    for (const u of [secretary, deputy, cuc]) expect(privateTexts(u, "Kính nhắc đồng chí")).toHaveLength(2);
    // The first question went once to each, whatever the restarts.
    for (const u of [secretary, deputy, an, binh, cuc]) {
      const asked = privateTexts(u, "Tự kiểm điểm tháng 2026-12").filter((t) => !t.includes("Kính nhắc"));
      expect(asked, u.first_name).toHaveLength(1);
    }
  });

  it("closes at the end of the month with the summary for the secretary alone", async () => {
    await at("2026-12-31T17:00:30Z");
    const summary = h.texts(secretary.id).filter((t) => t.includes("Tổng hợp tự kiểm điểm tháng 2026-12"));
    expect(summary).toHaveLength(1);
    expect(summary[0]).toContain("2/5 đồng chí đã nộp");
    expect(summary[0]).toContain("Chưa nộp (3): Nguyễn Văn Hải, Trần Thị Phó, Hoàng Văn Cúc");
    expect(summary[0]).toContain("Lê Văn An");
    expect(summary[0]).toContain("Tôi cần đi họp đúng giờ hơn.");
    expect(summary[0]).toContain("1. Cần cố gắng — [tin nhắn thoại]");
    expect(h.texts(deputy.id).some((t) => t.includes("Tổng hợp tự kiểm điểm"))).toBe(false);
    // Too late now.
    const q1 = await prisma().question.findFirstOrThrow({ where: { promptId, position: 0 } });
    const before = await prisma().response.count();
    expect(await press(cuc, `pk:a:${promptId}:${q1.id}:0`)).toContain("đã hết hạn");
    expect(await prisma().response.count()).toBe(before);
    // The chain goes on: January's row is written.
    expect(
      await prisma().scheduledDelivery.count({ where: { key: `self-review:${cell.cell.id}:2027-01` } }),
    ).toBe(1);
  });
});
