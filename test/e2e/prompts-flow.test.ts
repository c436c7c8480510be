// Feedback prompts end to end (issue 11): a named choice prompt with numbered long options, answered
// by taps and changed, results with names for the secretary and a name-free summary in the group;
// every bad input of the issue answered clearly with nothing written; the authorisation matrix over
// the prompt commands and buttons; the post-meeting feedback after a real /close_meeting, answered
// privately with a rating and a voice note; answers after the close refused.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIVE_REFRESH_DELAY_MS } from "../../src/features/meetings/live-refresh.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { REFUSED_MANAGER, REFUSED_MEMBERS, seedCell, type SeededCell } from "../support/ward.ts";
import { nextMeetingNumber } from "../support/meeting-number.ts";

describe.each(SUPPORTED_PROVIDERS)("feedback prompts on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let other: SeededCell;
  let secretary: User;
  let deputy: User;
  let otherSecretary: User;
  let stranger: User;
  const members: User[] = [];
  let named = 0;

  const prisma = () => h.app.database.prisma;
  const memberId = (u: User) => cell.members.get(u.id)!.memberId;
  const counts = async () => ({
    prompts: await prisma().prompt.count(),
    questions: await prisma().question.count(),
    responses: await prisma().response.count(),
    participations: await prisma().participation.count(),
    targets: await prisma().promptTarget.count(),
    deliveries: await prisma().scheduledDelivery.count(),
  });
  const press = async (user: User, chatId: number, data: string) => {
    const msg = h.emulator.lastBotMessage(h.botAccount, chatId)!;
    const update = await h.press(user, chatId, msg.message_id, data);
    return h.emulator.callbackAnswer(update.callback_query!.id)?.text;
  };
  const newestPrompt = () => prisma().prompt.findFirstOrThrow({ orderBy: { id: "desc" } });

  beforeAll(async () => {
    h = await createHarness({ provider });
    const user = (firstName: string, username: string) =>
      h.emulator.createUser({ firstName, username: `${username}_${provider.slice(0, 2)}` });
    secretary = user("Nguyễn Văn Hải", "bt_hai");
    deputy = user("Trần Thị Phó", "pho_bt");
    otherSecretary = user("Đinh Văn Khác", "dinh_khac");
    stranger = user("Người Lạ", "nguoi_la");
    for (const [i, name] of ["An", "Bình", "Cúc", "Dũng"].entries())
      members.push(user(`Đảng viên ${name}`, `dv${i}`));
    cell = await seedCell(h, "Chi bộ Khu phố 3", [
      { user: secretary, role: "secretary" },
      { user: deputy, role: "deputy" },
      ...members.map((u) => ({ user: u })),
    ]);
    other = await seedCell(h, "Chi bộ Khu phố 8", [{ user: otherSecretary, role: "secretary" }]);
    for (const u of [stranger, otherSecretary]) h.emulator.addMember(cell.chatId, u);
    h.emulator.startBot(h.botAccount, stranger);
    await h.flush();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("runs a named choice prompt: numbered long options, taps, a change, names for the secretary only", async () => {
    const long = "Tổ chức ra quân làm sạch đường phố vào sáng Chủ nhật";
    await h.say(
      secretary,
      cell.chatId,
      `/ask Chi bộ chọn hoạt động nào tháng này? | Thăm gia đình chính sách | ${long} hạn 10/12/2026 20:00`,
    );
    const preview = h.lastText(cell.chatId)!;
    expect(preview).toContain("Xem trước câu hỏi (chưa gửi)");
    expect(preview).toContain(`2) ${long}`);
    expect(preview).toContain("Hạn trả lời: Thứ Năm, 10/12/2026 lúc 20:00");
    named = (await newestPrompt()).id;
    await press(secretary, cell.chatId, `pk:p:${named}`);
    // A second press posts nothing more.
    expect(await press(secretary, cell.chatId, `pk:p:${named}`)).toBe(`Câu hỏi #${named} đã được gửi rồi.`);
    await h.app.scheduler.tick();
    const post = h.emulator.lastBotMessage(h.botAccount, cell.chatId)!;
    expect(post.text).toContain("Đã trả lời: 0/6");
    expect(post.buttons.map((b) => b.text)).toEqual(["1", "2"]);
    const q = (await prisma().question.findFirstOrThrow({ where: { promptId: named } })).id;
    expect(await press(members[0]!, cell.chatId, `pk:a:${named}:${q}:0`)).toBe(
      "Đã ghi nhận: Thăm gia đình chính sách. Cảm ơn đồng chí!",
    );
    // A double tap records once.
    await press(members[0]!, cell.chatId, `pk:a:${named}:${q}:0`);
    await press(members[1]!, cell.chatId, `pk:a:${named}:${q}:1`);
    expect(await press(members[1]!, cell.chatId, `pk:a:${named}:${q}:0`)).toContain("Đã đổi câu trả lời");
    expect(await prisma().response.count({ where: { promptId: named } })).toBe(2);
    h.clock.advance(LIVE_REFRESH_DELAY_MS);
    await h.app.scheduler.tick();
    const shown = h.emulator
      .botMessages(h.botAccount, cell.chatId)
      .find((m) => m.message_id === post.message_id)!;
    expect(shown.text).toContain("Đã trả lời: 2/6");
    expect(shown.text).not.toContain("Đảng viên");
    await h.say(secretary, cell.chatId, `/results ${named}`);
    expect(h.lastText(cell.chatId)).toBe("Trợ lý đã gửi kết quả vào tin nhắn riêng cho đồng chí.");
    const results = h.lastText(secretary.id)!;
    expect(results).toContain("Thăm gia đình chính sách: 2 (100%) — Đảng viên An, Đảng viên Bình");
    // The summary button posts counts without names in the group.
    await press(secretary, secretary.id, `pk:s:${named}`);
    const summary = h.lastText(cell.chatId)!;
    expect(summary).toContain("Thăm gia đình chính sách: 2 (100%)");
    expect(summary).not.toContain("Đảng viên");
  });

  it("answers every bad input clearly and writes nothing", async () => {
    const before = await counts();
    const cases: [string, string][] = [
      ["/ask | Phương án A | Phương án B", "Cách gửi câu hỏi lấy ý kiến"],
      [`/ask ${"Câu hỏi rất dài ".repeat(70)}`, "Câu hỏi dài quá 1.000 ký tự"],
      ["/ask Chọn một? | Chỉ một", "cần ít nhất 2 phương án"],
      [
        `/ask Chọn? | ${Array.from({ length: 11 }, (_, i) => `PA ${i + 1}`).join(" | ")}`,
        "tối đa 10 phương án",
      ],
      ["/ask Chọn? | Có mặt | có mặt", "bị lặp lại"],
      [`/ask Chọn? | Ngắn | ${"Dài ".repeat(30)}`, "dài quá 100 ký tự"],
      ["/ask Họp lại? | 1-5 hạn 01/11/2026", "Hạn trả lời chưa đúng"],
      [
        `/ask ẩn danh Góp ý? | 1-5 cho @dv0_${provider.slice(0, 2)} @dv1_${provider.slice(0, 2)}`,
        "ít nhất 3 đồng chí",
      ],
    ];
    for (const [text, expected] of cases) {
      await h.say(secretary, cell.chatId, text);
      expect(h.lastText(cell.chatId), text).toContain(expected);
    }
    // /results by a member; a rating of 6 and another prompt's option (forged callback data).
    await h.say(members[2]!, cell.chatId, `/results ${named}`);
    expect(h.lastText(cell.chatId)).toBe(REFUSED_MANAGER);
    const q = (await prisma().question.findFirstOrThrow({ where: { promptId: named } })).id;
    expect(await press(members[2]!, cell.chatId, `pk:a:${named}:${q}:6`)).toContain("không có trong câu hỏi");
    expect(await press(members[2]!, cell.chatId, `pk:a:${named}:${q + 999}:0`)).toBe(
      "Nút này đã hết hiệu lực.",
    );
    expect(await counts()).toEqual(before);
  });

  it("refuses prompt commands and buttons to those who may not use them, changing nothing", async () => {
    await h.say(secretary, cell.chatId, "/ask anon Góp ý cho chi ủy? | 1-5");
    const draft = (await newestPrompt()).id;
    const q = (await prisma().question.findFirstOrThrow({ where: { promptId: named } })).id;
    const before = await counts();
    for (const u of [stranger, members[3]!, otherSecretary]) {
      for (const command of ["/ask Câu hỏi? | A | B", `/results ${named}`, `/close_ask ${named}`]) {
        await h.say(u, cell.chatId, command);
        expect(h.lastText(cell.chatId), `${u.first_name} ${command}`).toBe(REFUSED_MANAGER);
      }
      await h.say(u, cell.chatId, "/asks");
      if (u === members[3]) expect(h.lastText(cell.chatId)).toContain("Các câu hỏi của Chi bộ Khu phố 3");
      else expect(h.lastText(cell.chatId)).toBe(REFUSED_MEMBERS);
      expect(await press(u, cell.chatId, `pk:p:${draft}`)).toBe("Nút này đã hết hiệu lực.");
      expect(await press(u, cell.chatId, `pk:x:${draft}`)).toBe("Nút này đã hết hiệu lực.");
      expect(await press(u, cell.chatId, `pk:s:${named}`)).toBe("Nút này đã hết hiệu lực.");
      if (u !== members[3]) {
        // Answering a prompt of another cell.
        expect(await press(u, cell.chatId, `pk:a:${named}:${q}:0`)).toBe(
          "Câu hỏi này không dành cho đồng chí.",
        );
      }
    }
    // The other cell's secretary in their own group cannot reach this cell's prompt either.
    await h.say(otherSecretary, other.chatId, `/results ${named}`);
    expect(h.lastText(other.chatId)).toBe(`Chi bộ không có câu hỏi số ${named}. Xem các câu hỏi bằng /asks.`);
    await h.say(otherSecretary, other.chatId, `/close_ask ${named}`);
    expect(h.lastText(other.chatId)).toBe(`Chi bộ không có câu hỏi số ${named}. Xem các câu hỏi bằng /asks.`);
    expect(await counts()).toEqual(before);
    // The deputy and an admin may: the deputy drops the draft, an admin reads the results.
    await press(deputy, cell.chatId, `pk:x:${draft}`);
    expect(await prisma().prompt.count({ where: { id: draft } })).toBe(0);
    h.emulator.startBot(h.botAccount, h.admin);
    await h.flush();
    await h.say(h.admin, cell.chatId, `/results ${named}`);
    expect(h.lastText(h.admin.id)).toContain(`Kết quả câu hỏi #${named}`);
  });

  it("closes with /close_ask; a later answer is told the prompt has ended", async () => {
    await h.say(secretary, cell.chatId, `/close_ask ${named}`);
    expect(h.lastText(cell.chatId)).toContain(`Đã kết thúc câu hỏi #${named}: 2/6`);
    await h.app.scheduler.tick();
    const q = (await prisma().question.findFirstOrThrow({ where: { promptId: named } })).id;
    const before = await counts();
    expect(await press(members[3]!, cell.chatId, `pk:a:${named}:${q}:1`)).toBe(
      "Câu hỏi này đã hết hạn, câu trả lời không được ghi nhận. Cảm ơn đồng chí.",
    );
    expect(await counts()).toEqual(before);
    // The creator hears of the close privately.
    expect(h.lastText(secretary.id)).toContain(`Câu hỏi #${named} đã kết thúc: 2/6`);
    await h.say(secretary, cell.chatId, `/close_ask ${named}`);
    expect(h.lastText(cell.chatId)).toBe(`Câu hỏi #${named} đã kết thúc trước đó.`);
  });

  it("sends the post-meeting feedback to those present after a real /close_meeting", async () => {
    const meeting = await prisma().meeting.create({
      data: {
        cellId: cell.cell.id,
        number: await nextMeetingNumber(prisma(), cell.cell.id),
        kind: "regular",
        startsAt: new Date(h.clock.now().getTime() + 60 * 60_000),
        title: "Sinh hoạt tháng 12",
      },
    });
    h.clock.advance(61 * 60_000);
    await h.say(secretary, cell.chatId, `/checkin #${meeting.id}`);
    const checkinPost = h.emulator.lastBotMessage(h.botAccount, cell.chatId)!;
    // The secretary who opened check-in is recorded present already; two members press.
    for (const u of [members[0]!, members[1]!]) {
      const pressed = await h.press(
        u,
        cell.chatId,
        checkinPost.message_id,
        checkinPost.buttons[0]!.callback_data!,
      );
      expect(h.emulator.callbackAnswer(pressed.callback_query!.id)?.text).toContain("có mặt");
    }
    // A member without a smartphone is checked in by the secretary (by proxy).
    await h.say(secretary, cell.chatId, `/checkin #${meeting.id} @dv2_${provider.slice(0, 2)}`);
    await h.say(secretary, cell.chatId, `/close_meeting #${meeting.id} Thống nhất kế hoạch`);
    await h.app.scheduler.tick();
    await h.app.scheduler.tick();
    const feedback = await prisma().prompt.findFirstOrThrow({
      where: { meetingId: meeting.id, kind: "post_meeting" },
    });
    expect(feedback).toMatchObject({ state: "open", anonymous: true });
    expect(feedback.closesAt!.getTime() - feedback.opensAt.getTime()).toBe(3 * 86_400_000);
    const targets = (await prisma().promptTarget.findMany({ where: { promptId: feedback.id } }))
      .map((t) => t.memberId)
      .sort();
    expect(targets).toEqual([secretary, members[0]!, members[1]!, members[2]!].map(memberId).sort());
    // Present members are asked privately; the absent one is not.
    const ask = h.emulator.lastBotMessage(h.botAccount, members[0]!.id)!;
    expect(ask.text).toContain("Góp ý sau buổi sinh hoạt của Chi bộ Khu phố 3");
    expect(ask.text).toContain("Đồng chí đánh giá buổi sinh hoạt vừa qua thế nào");
    expect(h.lastText(members[3]!.id) ?? "").not.toContain("Góp ý sau buổi sinh hoạt");
    const [rating, better] = await prisma().question.findMany({
      where: { promptId: feedback.id },
      orderBy: { position: "asc" },
    });
    expect(await press(members[0]!, members[0]!.id, `pk:a:${feedback.id}:${rating!.id}:4`)).toContain(
      "4 điểm",
    );
    expect(h.lastText(members[0]!.id)).toContain("Lần sinh hoạt tới cần làm tốt hơn điều gì?");
    h.emulator.sendVoice(h.botAccount, members[0]!, members[0]!.id, { duration: 5 });
    await h.flush();
    expect(h.lastText(members[0]!.id)).toContain("Đồng chí đã trả lời đủ các câu hỏi");
    const stored = await prisma().response.findMany({ where: { promptId: feedback.id } });
    expect(stored).toHaveLength(2);
    expect(stored.every((r) => r.memberId === null)).toBe(true);
    expect(stored.some((r) => r.voiceFileId !== null)).toBe(true);
    // Someone who was absent cannot answer it.
    expect(await press(members[3]!, cell.chatId, `pk:a:${feedback.id}:${rating!.id}:1`)).toBe(
      "Câu hỏi này không dành cho đồng chí.",
    );
    expect(better).toBeDefined();
  });
});
