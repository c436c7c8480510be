// The guided /ask (issue 11) and answers given by replying to a prompt's group post, end to end:
// /ask alone in the group moves to the private chat; kind, anonymity, deadline and audience by
// buttons (presets and a typed date read by src/datetime), members named by a typed message, the
// question and its options as the next private message, ending in the typed /ask's preview; bad
// input at each typed step answered with nothing written; forged presses refused; a restart in the
// middle of the flow and between the post and its sending loses nothing and sends nothing twice; a
// free-text prompt answered by text and voice replies to its post (last answer counts, closed ones
// refused); the whole flow in English too.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { REFUSED_MANAGER, seedCell, type SeededCell } from "../support/ward.ts";

describe.each(SUPPORTED_PROVIDERS)("guided /ask and replies to a prompt's post on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let other: SeededCell;
  let secretary: User;
  let otherSecretary: User;
  let english: User;
  const members: User[] = [];
  let groupId = 0;
  let freeText = 0;
  const suffix = provider.slice(0, 2);

  const prisma = () => h.app.database.prisma;
  const memberId = (u: User) => cell.members.get(u.id)!.memberId;
  const counts = async () => ({
    prompts: await prisma().prompt.count(),
    questions: await prisma().question.count(),
    responses: await prisma().response.count(),
    participations: await prisma().participation.count(),
    targets: await prisma().promptTarget.count(),
  });
  /** Presses `data` on the last message the bot sent to `chatId`; returns the toast. */
  const press = async (user: User, chatId: number, data: string) => {
    const msg = h.emulator.lastBotMessage(h.botAccount, chatId)!;
    const update = await h.press(user, chatId, msg.message_id, data);
    return h.emulator.callbackAnswer(update.callback_query!.id)?.text;
  };
  const buttons = (chatId: number) =>
    h.emulator.lastBotMessage(h.botAccount, chatId)!.buttons.map((b) => b.text);
  const newestPrompt = () => prisma().prompt.findFirstOrThrow({ orderBy: { id: "desc" } });

  beforeAll(async () => {
    h = await createHarness({ provider });
    const user = (firstName: string, username: string) =>
      h.emulator.createUser({ firstName, username: `${username}_${suffix}` });
    secretary = user("Nguyễn Văn Hải", "bt_hai");
    otherSecretary = user("Đinh Văn Khác", "dinh_khac");
    english = user("John Smith", "john_s");
    for (const [i, name] of ["An", "Bình", "Cúc", "Dũng"].entries())
      members.push(user(`Đảng viên ${name}`, `dv${i}`));
    cell = await seedCell(h, "Chi bộ Khu phố 4", [
      { user: secretary, role: "secretary" },
      { user: english, role: "deputy" },
      ...members.map((u) => ({ user: u })),
    ]);
    other = await seedCell(h, "Chi bộ Khu phố 6", [{ user: otherSecretary, role: "secretary" }]);
    await h.say(secretary, cell.chatId, "/group new Tổ 1");
    await h.say(secretary, cell.chatId, `/group add Tổ 1 @dv0_${suffix}, @dv1_${suffix}`);
    groupId = (await prisma().partyGroup.findFirstOrThrow({ where: { cellId: cell.cell.id } })).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("moves /ask alone from the group to the private chat and builds a choice prompt for a party group", async () => {
    const c = cell.cell.id;
    await h.say(secretary, cell.chatId, "/ask");
    expect(h.lastText(cell.chatId)).toBe("Trợ lý đã nhắn riêng cho đồng chí để soạn câu hỏi từng bước.");
    expect(h.lastText(secretary.id)).toContain("Soạn câu hỏi gửi Chi bộ Khu phố 4");
    expect(buttons(secretary.id)).toEqual([
      "🔘 Chọn phương án",
      "👍 Có / Không",
      "⭐ Chấm điểm 1–5",
      "✍️ Trả lời bằng lời",
      "Hủy",
    ]);
    const before = await counts();
    await press(secretary, secretary.id, `pkg:${c}:c`);
    expect(buttons(secretary.id)).toEqual(["Ghi tên", "Ẩn danh", "Hủy"]);
    await press(secretary, secretary.id, `pkg:${c}:c:0`);
    expect(buttons(secretary.id)).toEqual([
      "1 ngày",
      "3 ngày",
      "Cuối tuần (hết Chủ nhật)",
      "Không hạn",
      "📅 Gõ ngày khác",
      "Hủy",
    ]);
    await press(secretary, secretary.id, `pkg:${c}:c:0:3`);
    expect(buttons(secretary.id)).toEqual(["Cả chi bộ", "👥 Tổ 1", "👤 Một số đồng chí", "Hủy"]);
    await press(secretary, secretary.id, `pkg:${c}:c:0:3:g${groupId}`);
    expect(h.lastText(secretary.id)).toContain("câu hỏi ở dòng đầu, rồi mỗi phương án một dòng");
    // Bad input at the typed step: answered, the question stays, nothing written.
    for (const [typed, expected] of [
      ["Chỉ có câu hỏi?", "cần ít nhất 2 phương án"],
      ["Chọn?\nCó mặt\ncó mặt", "bị lặp lại"],
      [`Chọn?\n${Array.from({ length: 11 }, (_, i) => `PA ${i + 1}`).join("\n")}`, "tối đa 10 phương án"],
      [`Chọn?\nNgắn\n${"Dài ".repeat(30)}`, "dài quá 100 ký tự"],
      [`${"Câu hỏi rất dài ".repeat(70)}\nA\nB`, "Câu hỏi dài quá 1.000 ký tự"],
    ]) {
      await h.say(secretary, secretary.id, typed!);
      expect(h.lastText(secretary.id), typed).toContain(expected);
    }
    expect(await counts()).toEqual(before);
    await h.say(secretary, secretary.id, "Tổ chọn ngày ra quân nào?\nSáng thứ Bảy\n\nSáng Chủ nhật");
    const preview = h.lastText(secretary.id)!;
    expect(preview).toContain("Xem trước câu hỏi (chưa gửi)");
    expect(preview).toContain("Tổ chọn ngày ra quân nào?");
    expect(preview).toContain("Hỏi: Tổ 1 (2 đồng chí).");
    expect(buttons(secretary.id)).toEqual(["📨 Gửi câu hỏi", "Hủy"]);
    const draft = await newestPrompt();
    expect(draft).toMatchObject({
      state: "draft",
      anonymous: false,
      audience: "group",
      partyGroupId: groupId,
    });
    expect(draft.closesAt!.getTime() - draft.createdAt.getTime()).toBe(3 * 86_400_000);
    const question = await prisma().question.findFirstOrThrow({ where: { promptId: draft.id } });
    expect(question).toMatchObject({
      kind: "choice",
      options: JSON.stringify(["Sáng thứ Bảy", "Sáng Chủ nhật"]),
    });
    // A restart between the press and the sending: the post and the private questions go once.
    await press(secretary, secretary.id, `pk:p:${draft.id}`);
    await h.restart();
    for (let i = 0; i < 3; i++) await h.app.scheduler.tick();
    const posts = h.texts(cell.chatId).filter((t) => t.includes(`(#${draft.id})`));
    expect(posts).toHaveLength(1);
    for (const u of [members[0]!, members[1]!])
      expect(h.texts(u.id).filter((t) => t.includes(`câu hỏi #${draft.id}`))).toHaveLength(1);
    expect(h.texts(members[2]!.id).some((t) => t.includes(`câu hỏi #${draft.id}`))).toBe(false);
  });

  it("reads a typed deadline and named members for an anonymous rating, across a restart", async () => {
    const c = cell.cell.id;
    await h.say(secretary, secretary.id, "/ask");
    await press(secretary, secretary.id, `pkg:${c}:r`);
    await press(secretary, secretary.id, `pkg:${c}:r:1`);
    await press(secretary, secretary.id, `pkg:${c}:r:1:t`);
    expect(h.lastText(secretary.id)).toContain("Xin đồng chí gõ hạn trả lời");
    const before = await counts();
    await h.say(secretary, secretary.id, "hôm qua");
    expect(h.lastText(secretary.id)).toContain("Hạn trả lời chưa đúng");
    await h.say(secretary, secretary.id, "ngày 40/12");
    expect(h.lastText(secretary.id)).toContain("Hạn trả lời chưa đúng");
    // The flow lives in the database: a restart in the middle loses nothing.
    await h.restart();
    await h.say(secretary, secretary.id, "15/12/2026 20h");
    expect(h.lastText(secretary.id)).toContain("hạn Thứ Ba, 15/12/2026 lúc 20:00");
    const audienceStep = h.emulator.lastBotMessage(h.botAccount, secretary.id)!;
    const membersButton = audienceStep.buttons.find((b) => b.text === "👤 Một số đồng chí")!;
    await press(secretary, secretary.id, membersButton.callback_data!);
    expect(h.lastText(secretary.id)).toContain("gõ tên ít nhất 3 đồng chí");
    await h.say(secretary, secretary.id, `@dv0_${suffix} @dv1_${suffix}`);
    expect(h.lastText(secretary.id)).toContain("ít nhất 3 đồng chí");
    await h.say(secretary, secretary.id, `@dv0_${suffix}, Người Không Có`);
    expect(h.lastText(secretary.id)).toContain("Người Không Có");
    expect(await counts()).toEqual(before);
    await h.say(secretary, secretary.id, `Đảng viên An, Đảng viên Bình\n@dv2_${suffix}`);
    expect(h.lastText(secretary.id)).toContain("Xin đồng chí gõ nội dung câu hỏi.");
    await h.say(secretary, secretary.id, "Đồng chí đánh giá công tác dân vận của chi bộ thế nào?");
    const preview = h.lastText(secretary.id)!;
    expect(preview).toContain("ẩn danh");
    expect(preview).toContain("Hỏi: 3 đồng chí được chọn.");
    expect(preview).toContain("Hạn trả lời: Thứ Ba, 15/12/2026 lúc 20:00.");
    const draft = await newestPrompt();
    expect(draft).toMatchObject({ state: "draft", anonymous: true, audience: "members" });
    expect(draft.closesAt!.toISOString()).toBe("2026-12-15T13:00:00.000Z");
    const targets = (await prisma().promptTarget.findMany({ where: { promptId: draft.id } }))
      .map((t) => t.memberId)
      .sort();
    expect(targets).toEqual(members.slice(0, 3).map(memberId).sort());
    // [Hủy] drops the draft.
    await press(secretary, secretary.id, `pk:x:${draft.id}`);
    expect(await prisma().prompt.count({ where: { id: draft.id } })).toBe(0);
  });

  it("refuses the flow's buttons to anyone who does not manage the cell, and forged data", async () => {
    const c = cell.cell.id;
    await h.say(members[0]!, cell.chatId, "/ask");
    expect(h.lastText(cell.chatId)).toBe(REFUSED_MANAGER);
    const before = await counts();
    const pending = await prisma().pendingQuestion.count();
    for (const u of [members[0]!, otherSecretary]) {
      h.emulator.startBot(h.botAccount, u);
      await h.flush();
      for (const data of [`pkg:${c}:c`, `pkg:${c}:c:0:3:a`, `pkg:${c}:t:0:n:m`, `pkg:${c}:x`]) {
        expect(await press(u, u.id, data), `${u.first_name} ${data}`).toBe("Nút này đã hết hiệu lực.");
      }
    }
    // Another cell's party group in this cell's flow.
    const foreign = await prisma().partyGroup.create({ data: { cellId: other.cell.id, name: "Tổ 9" } });
    await h.say(secretary, secretary.id, "/ask");
    expect(await press(secretary, secretary.id, `pkg:${c}:c:0:3:g${foreign.id}`)).toBe(
      "Nút này đã hết hiệu lực.",
    );
    // A press in the group (forged: the flow's buttons are only ever sent privately).
    expect(await press(secretary, cell.chatId, `pkg:${c}:c`)).toBe("Nút này đã hết hiệu lực.");
    expect(await counts()).toEqual(before);
    expect(await prisma().pendingQuestion.count()).toBe(pending);
    await press(secretary, secretary.id, `pkg:${c}:x`);
    expect(h.lastText(secretary.id)).toBe("Đã hủy, câu hỏi không được gửi.");
    // A secretary who never opened the private chat is told how to, in the group.
    const shy = h.emulator.createUser({ firstName: "Lý Văn Kín", username: `ly_kin_${suffix}` });
    const third = await seedCell(h, "Chi bộ Khu phố 10", [{ user: shy, role: "secretary", started: false }]);
    await h.say(shy, third.chatId, "/ask");
    expect(h.lastText(third.chatId)).toContain("Câu hỏi được soạn trong tin nhắn riêng");
    expect(h.emulator.lastBotMessage(h.botAccount, third.chatId)!.buttons[0]!.url).toContain("t.me/");
    expect(h.texts(shy.id)).toEqual([]);
  });

  it("posts a free-text prompt without a deadline, answered by replies to its group post", async () => {
    const c = cell.cell.id;
    await h.say(secretary, secretary.id, "/ask");
    await press(secretary, secretary.id, `pkg:${c}:t`);
    await press(secretary, secretary.id, `pkg:${c}:t:0`);
    await press(secretary, secretary.id, `pkg:${c}:t:0:n`);
    await press(secretary, secretary.id, `pkg:${c}:t:0:n:a`);
    await h.say(secretary, secretary.id, "Đồng chí đề xuất việc gì cho khu phố dịp Tết?");
    freeText = (await newestPrompt()).id;
    expect(h.lastText(secretary.id)).toContain(
      `Không có hạn trả lời: câu hỏi mở đến khi đồng chí kết thúc bằng /close_ask ${freeText}.`,
    );
    await press(secretary, secretary.id, `pk:p:${freeText}`);
    await h.app.scheduler.tick();
    const post = h.emulator.lastBotMessage(h.botAccount, cell.chatId)!;
    expect(post.text).toContain("Đồng chí đề xuất việc gì cho khu phố dịp Tết?");
    expect((await prisma().prompt.findUniqueOrThrow({ where: { id: freeText } })).closesAt).toBeNull();
    await h.say(members[3]!, cell.chatId, "/asks");
    expect(h.lastText(cell.chatId)).toContain(`#${freeText} Đồng chí đề xuất việc gì`);
    expect(h.lastText(cell.chatId)).toContain("chưa đặt hạn");

    const reply = async (u: User, text: string) =>
      h.say(u, cell.chatId, text, { replyToMessageId: post.message_id });
    await reply(members[0]!, "Tổ chức gói bánh chưng cho các gia đình chính sách");
    expect(h.lastText(cell.chatId)).toBe("Đã ghi nhận câu trả lời của đồng chí. Cảm ơn đồng chí!");
    h.emulator.sendVoice(h.botAccount, members[1]!, cell.chatId, {
      duration: 6,
      replyToMessageId: post.message_id,
    });
    await h.flush();
    expect(h.lastText(cell.chatId)).toBe("Đã ghi nhận câu trả lời của đồng chí. Cảm ơn đồng chí!");
    // The last answer counts.
    await reply(members[0]!, "Trang trí đường phố đón Tết");
    expect(h.lastText(cell.chatId)).toBe("Đã thay câu trả lời trước bằng câu trả lời này.");
    const stored = await prisma().response.findMany({ where: { promptId: freeText } });
    expect(stored).toHaveLength(2);
    expect(stored.find((r) => r.memberId === memberId(members[0]!))!.text).toBe(
      "Trang trí đường phố đón Tết",
    );
    expect(stored.find((r) => r.memberId === memberId(members[1]!))!.voiceFileId).not.toBeNull();
    // Someone outside the cell, and a reply to a choice prompt's post: nothing written.
    const before = await counts();
    h.emulator.addMember(cell.chatId, otherSecretary);
    await reply(otherSecretary, "Tôi cũng góp ý");
    expect(h.lastText(cell.chatId)).toBe("Câu hỏi này không dành cho đồng chí.");
    await h.say(secretary, cell.chatId, "/ask Chọn màu cờ? | Đỏ | Vàng");
    await press(secretary, cell.chatId, `pk:p:${(await newestPrompt()).id}`);
    await h.app.scheduler.tick();
    const choicePost = h.emulator.lastBotMessage(h.botAccount, cell.chatId)!;
    const beforeChoice = await counts();
    // Forged data: the free-text prompt's question under the choice prompt's id.
    const freeQuestion = await prisma().question.findFirstOrThrow({ where: { promptId: freeText } });
    expect(
      await press(members[2]!, cell.chatId, `pk:a:${(await newestPrompt()).id}:${freeQuestion.id}:0`),
    ).toBe("Nút này đã hết hiệu lực.");
    await h.say(members[2]!, cell.chatId, "Đỏ", { replyToMessageId: choicePost.message_id });
    expect(h.lastText(cell.chatId)).toContain("được trả lời bằng nút bấm dưới câu hỏi");
    expect(await counts()).toEqual(beforeChoice);
    // Closed: "đã hết hạn", nothing written.
    await h.say(secretary, cell.chatId, `/close_ask ${freeText}`);
    const afterClose = await counts();
    await reply(members[2]!, "Muộn rồi");
    expect(h.lastText(cell.chatId)).toBe(
      "Câu hỏi này đã hết hạn, câu trả lời không được ghi nhận. Cảm ơn đồng chí.",
    );
    expect(await counts()).toEqual(afterClose);
    expect(before.responses).toBe(afterClose.responses);
    // The secretary reads both answers, the voice note marked as such.
    await h.say(secretary, secretary.id, `/results ${freeText}`);
    const results = h.lastText(secretary.id)!;
    expect(results).toContain("Đảng viên An: Trang trí đường phố đón Tết");
    expect(results).toContain("Đảng viên Bình: [tin nhắn thoại]");
  });

  it("walks the same flow in English for an English-speaking deputy, and in an English group", async () => {
    const c = cell.cell.id;
    await h.say(english, english.id, "/lang en");
    await h.say(english, english.id, "/ask");
    expect(h.lastText(english.id)).toContain("A question for Chi bộ Khu phố 4");
    expect(buttons(english.id)).toEqual([
      "🔘 Options to choose",
      "👍 Yes / No",
      "⭐ Rating 1–5",
      "✍️ Answer in words",
      "Cancel",
    ]);
    await press(english, english.id, `pkg:${c}:y`);
    expect(buttons(english.id)).toEqual(["Named", "Anonymous", "Cancel"]);
    await press(english, english.id, `pkg:${c}:y:0`);
    await press(english, english.id, `pkg:${c}:y:0:w`);
    expect(h.lastText(english.id)).toContain("End of the week (Sunday)");
    await press(english, english.id, `pkg:${c}:y:0:w:a`);
    expect(h.lastText(english.id)).toContain("Please type the question.");
    await h.say(english, english.id, "Should the cell meet on Saturday mornings?");
    const preview = h.lastText(english.id)!;
    expect(preview).toContain("Preview (not sent yet):");
    // "End of the week": Sunday 06/12 (today is Thursday 03/12) until 23:59.
    expect(preview).toContain("Deadline: Sunday, 06/12/2026 at 23:59.");
    expect(preview).toContain("Asked: the whole cell (6 members).");
    expect(buttons(english.id)).toEqual(["📨 Send the question", "Cancel"]);
    const draft = await newestPrompt();
    const question = await prisma().question.findFirstOrThrow({ where: { promptId: draft.id } });
    expect(question.kind).toBe("yes_no");
    await press(english, english.id, `pk:x:${draft.id}`);

    // Bad input in English, typed and guided: a clear answer, nothing written.
    const before = await counts();
    for (const [typed, expected] of [
      ["/ask | Red | Yellow", "How to ask the cell"],
      ["/ask Pick one? | Only", "needs at least 2 options"],
      ["/ask Pick one? | Red | red", "The option “red” appears twice."],
      ["/ask Rate it? | 1-5 due 01/11/2026", "The deadline is not right:"],
      [`/ask anon Rate it? | 1-5 for @dv0_${suffix} @dv1_${suffix}`, "must ask at least 3 members"],
    ]) {
      await h.say(english, english.id, typed!);
      expect(h.lastText(english.id), typed).toContain(expected);
    }
    await h.say(english, english.id, "/ask");
    await press(english, english.id, `pkg:${c}:c`);
    await press(english, english.id, `pkg:${c}:c:0`);
    await press(english, english.id, `pkg:${c}:c:0:3`);
    await press(english, english.id, `pkg:${c}:c:0:3:a`);
    expect(h.lastText(english.id)).toContain("one option per line");
    await h.say(english, english.id, "Pick one?\nOnly one option");
    expect(h.lastText(english.id)).toContain("needs at least 2 options");
    expect(await counts()).toEqual(before);
    await press(english, english.id, "tq:x");

    // In a group set to English, /ask alone and a reply to a free-text post are answered in English.
    await h.say(secretary, cell.chatId, "/lang en");
    await h.say(english, cell.chatId, "/ask");
    expect(h.lastText(cell.chatId)).toBe(
      "I have written to you privately to prepare the question step by step.",
    );
    await h.say(secretary, cell.chatId, "/ask What should we improve? hạn 31/12/2026");
    await press(secretary, cell.chatId, `pk:p:${(await newestPrompt()).id}`);
    await h.app.scheduler.tick();
    const post = h.emulator.lastBotMessage(h.botAccount, cell.chatId)!;
    await h.say(members[3]!, cell.chatId, "Start on time", { replyToMessageId: post.message_id });
    expect(h.lastText(cell.chatId)).toBe("Your answer is recorded. Thank you!");
    await h.say(secretary, cell.chatId, `/close_ask ${(await newestPrompt()).id}`);
    const closed = await counts();
    await h.say(members[2]!, cell.chatId, "Too late", { replyToMessageId: post.message_id });
    expect(h.lastText(cell.chatId)).toBe("This question is closed; the answer was not recorded. Thank you.");
    expect(await counts()).toEqual(closed);
  });
});
