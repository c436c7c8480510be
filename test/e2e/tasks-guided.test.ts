// The guided /task flow (buttons for the assignees and the due date, the title typed) and
// "Giao nhiệm vụ từ kết luận" offered after /close_meeting, through the emulator on both databases.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { announceTypedMeeting } from "../support/meeting-preview.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);

describe.each(SUPPORTED_PROVIDERS)("the guided /task flow on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let lan: User;
  let hai: User;
  let binh: User;
  let cuc: User;

  beforeAll(async () => {
    h = await createHarness({ provider, start: local("2026-12-01 09:00") });
    lan = h.emulator.createUser({ firstName: "Lan", username: "lan_bt" });
    hai = h.emulator.createUser({ firstName: "Hải", username: "hai_tt" });
    binh = h.emulator.createUser({ firstName: "Bình", username: "binh_dv" });
    cuc = h.emulator.createUser({ firstName: "Cúc", username: "cuc_dv" });
    cell = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: lan, role: "secretary" },
      { user: hai, role: "group_leader" },
      { user: binh },
      { user: cuc },
    ]);
    const { repos } = h.app;
    const group = (await repos.partyGroups.create(cell.cell.id, "Tổ 1"))!;
    await repos.partyGroups.setLeader(group.id, cell.members.get(hai.id)!.memberId);
    for (const u of [hai, binh]) {
      await repos.memberships.setPartyGroup(cell.members.get(u.id)!.membershipId, group.id);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  const last = (chat: number) => h.emulator.lastBotMessage(h.botAccount, chat)!;
  const prisma = () => h.app.database.prisma;
  const data = (chat: number, text: string) =>
    last(chat).buttons.find((b) => b.text.includes(text))!.callback_data!;

  it("gives a task step by step: a group, the title typed, the end of the month", async () => {
    await h.say(lan, lan.id, "/task");
    const who = last(lan.id);
    expect(who.text).toContain("Bước 1: giao cho ai?");
    expect(who.buttons.map((b) => b.text)).toEqual(
      expect.arrayContaining(["👥 Tổ 1", "🏛 Cả chi bộ", "#2 Hải", "#3 Bình", "#4 Cúc", "✖️ Thôi"]),
    );
    await h.press(lan, lan.id, who.message_id, data(lan.id, "Tổ 1"));
    expect(last(lan.id).text).toContain("Bước 2: xin gõ nội dung nhiệm vụ");
    await h.say(lan, lan.id, "x".repeat(501));
    expect(last(lan.id).text).toContain("dài quá (501 ký tự)");
    expect(await prisma().task.count()).toBe(0);
    await h.say(lan, lan.id, "Vận động đóng góp quỹ khuyến học");
    expect(last(lan.id).text).toBe("Bước 3: hạn hoàn thành?");
    await h.press(lan, lan.id, last(lan.id).message_id, data(lan.id, "Cuối tháng"));
    const preview = last(lan.id);
    expect(preview.text).toContain("Giao cho 2 đồng chí: Hải, Bình");
    expect(preview.text).toContain("Hạn: Thứ Năm, 31/12/2026.");
    const taskId = (await prisma().task.findFirstOrThrow()).id;
    await h.press(lan, lan.id, preview.message_id, `tk:ok:${taskId}`);
    expect(last(binh.id).text).toContain(
      "📌 Nhiệm vụ mới (đồng chí Lan giao): Vận động đóng góp quỹ khuyến học",
    );
    expect(last(binh.id).text).toContain("Hạn: Thứ Năm, 31/12/2026.");
  });

  it("lets a group leader choose only within their group, and types a due date", async () => {
    await h.say(hai, hai.id, "/task");
    const who = last(hai.id);
    expect(who.buttons.map((b) => b.text)).toEqual(["👥 Tổ 1", "#3 Bình", "✖️ Thôi"]);
    // A forged choice of a member outside the group changes nothing.
    await h.press(
      hai,
      hai.id,
      who.message_id,
      `tkw:${cell.cell.id}:0:m${cell.members.get(cuc.id)!.memberId}`,
    );
    expect(await prisma().pendingQuestion.count()).toBe(0);
    await h.press(hai, hai.id, who.message_id, data(hai.id, "Bình"));
    await h.say(hai, hai.id, "Thăm hỏi gia đình đồng chí Tư");
    await h.press(hai, hai.id, last(hai.id).message_id, data(hai.id, "Gõ ngày"));
    await h.say(hai, hai.id, "hôm qua");
    expect(last(hai.id).text).toContain("đã qua rồi");
    await h.say(hai, hai.id, "thứ 6 tuần sau 17h");
    expect(last(hai.id).text).toContain("Hạn: Thứ Sáu, 11/12/2026 lúc 17:00.");
    expect(last(hai.id).text).toContain("Giao cho 1 đồng chí: Bình");
  });

  it("offers tasks from a closed meeting's conclusions", async () => {
    await announceTypedMeeting(h, lan, cell.chatId, "/meeting 02/12 19h30 | Hội trường");
    const meeting = await prisma().meeting.findFirstOrThrow();
    h.clock.set(local("2026-12-02 21:00"));
    await prisma().meeting.update({ where: { id: meeting.id }, data: { state: "in_progress" } });
    await h.say(lan, cell.chatId, `/close_meeting #${meeting.id} Tổng vệ sinh khu phố trước Tết`);
    // Nobody was checked in: the register is frozen after the secretary confirms.
    const confirm = h.emulator.lastBotMessage(h.botAccount, cell.chatId)!;
    const yes = confirm.buttons.find((b) => b.text.includes("Chốt sổ"))?.callback_data;
    if (yes) await h.press(lan, cell.chatId, confirm.message_id, yes);
    const offer = h.emulator
      .botMessages(h.botAccount, lan.id)
      .filter((m) => m.buttons.some((b) => b.callback_data === `tkm:${meeting.id}`))
      .at(-1);
    expect(offer?.text).toContain(`Cuộc họp #${meeting.id} đã kết thúc`);
    await h.press(lan, lan.id, offer!.message_id, `tkm:${meeting.id}`);
    await h.press(lan, lan.id, last(lan.id).message_id, data(lan.id, "Cúc"));
    expect(last(lan.id).text).toContain("Kết luận buổi sinh hoạt");
    expect(last(lan.id).text).toContain("Tổng vệ sinh khu phố trước Tết");
    await h.say(lan, lan.id, "Tổ chức tổng vệ sinh");
    await h.press(lan, lan.id, last(lan.id).message_id, data(lan.id, "Không có hạn"));
    expect(last(lan.id).text).toContain(`Theo kết luận buổi sinh hoạt #${meeting.id}`);
    expect(last(lan.id).text).toContain("Không có hạn cụ thể.");
    // A member pressing the offer's button is refused.
    const before = await prisma().task.count();
    await h.press(cuc, cell.chatId, last(cell.chatId).message_id, `tkm:${meeting.id}`);
    expect(await prisma().pendingQuestion.count({ where: { userId: BigInt(cuc.id) } })).toBe(0);
    expect(await prisma().task.count()).toBe(before);
  });
});
