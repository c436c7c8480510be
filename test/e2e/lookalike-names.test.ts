// Names and free text shown to others are stored without invisible characters, and a join request
// whose name reads like an existing member's is flagged to the approver.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAnswer } from "../../src/features/prompts/answers.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { announceTypedMeeting } from "../support/meeting-preview.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

const INVISIBLE = /\p{Cf}/u;

describe.each(SUPPORTED_PROVIDERS)("lookalike names on %s", (provider) => {
  let h: Harness;
  let kp: SeededCell;
  let secretary: User;
  let hung: User;

  const prisma = () => h.app.database.prisma;
  const hungNumber = () => kp.members.get(hung.id)!.number;

  /** A person opens the private chat and asks to join through the cell's deep link. */
  const requestToJoin = async (user: User) => {
    h.emulator.startBot(h.botAccount, user);
    await h.flush();
    await h.say(user, user.id, `/start j_${kp.cell.id}`);
    return prisma().joinRequest.findFirstOrThrow({ where: { telegramId: BigInt(user.id) } });
  };

  beforeAll(async () => {
    h = await createHarness({ provider });
    secretary = h.emulator.createUser({ firstName: "Lan", lastName: "Nguyễn" });
    hung = h.emulator.createUser({ firstName: "Hùng", lastName: "Lê" });
    kp = await seedCell(h, "Chi bộ Khu phố 1", [{ user: secretary, role: "secretary" }, { user: hung }]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("stores a Telegram name without zero-width or bidi characters, and warns the secretary it matches a member's", async () => {
    // Looks exactly like "Hùng Lê"; the U+202E would reverse everything after it on the line.
    const impostor = h.emulator.createUser({ firstName: "Hùng\u200b", lastName: "Lê\u202e" });
    const request = await requestToJoin(impostor);
    expect(request.displayName).toBe("Hùng Lê");
    const member = await prisma().member.findUniqueOrThrow({ where: { telegramId: BigInt(impostor.id) } });
    expect(member.displayName).toBe("Hùng Lê");

    const ask = h.lastText(secretary.id)!;
    expect(ask).toContain("Đồng chí Hùng Lê xin tham gia chi bộ trên Trợ lý.");
    expect(ask).not.toMatch(INVISIBLE);
    expect(ask).toContain(
      `⚠️ Lưu ý: tên “Hùng Lê” (số #${hungNumber()}) đã có trong danh sách chi bộ, và tên người xin tham gia trùng với tên này (không tính chữ hoa, dấu và ký tự ẩn). Có thể là người khác mạo danh, hoặc chính đồng chí ấy dùng tài khoản thứ hai. Xin đồng chí kiểm tra trực tiếp với đồng chí Hùng Lê trước khi chấp thuận.`,
    );
  });

  it("flags a name that differs only in case and diacritics, in English for an English-speaking secretary", async () => {
    await h.say(secretary, secretary.id, "/lang en");
    await requestToJoin(h.emulator.createUser({ firstName: "HUNG", lastName: "LE" }));
    expect(h.lastText(secretary.id)).toContain(
      `⚠️ Please note: “Hùng Lê” (#${hungNumber()}) is already in the cell, and the requester's name matches it (ignoring case, diacritics and invisible characters). It may be someone else posing as them, or the same comrade with a second account. Please check with Hùng Lê in person before approving.`,
    );
    await h.say(secretary, secretary.id, "/lang vi");
  });

  it("does not flag a different name", async () => {
    await requestToJoin(h.emulator.createUser({ firstName: "Hùng", lastName: "Lê Minh" }));
    const ask = h.lastText(secretary.id)!;
    expect(ask).toContain("Đồng chí Hùng Lê Minh xin tham gia");
    expect(ask).not.toContain("⚠️");
  });

  it("cleans roster names, so a disguised copy of a member's name is caught as the same name", async () => {
    const csv = "Họ và tên\nTrần\u200b Văn\u202e Bình\nHùng\u2060 Lê\n";
    await h.say(secretary, secretary.id, "/lang vi");
    h.emulator.sendDocument(h.botAccount, secretary, secretary.id, {
      fileName: "ds.csv",
      mimeType: "text/csv",
      content: Buffer.from(csv),
      caption: "/import",
    });
    await h.flush();
    const names = (await h.app.repos.memberships.listActive(kp.cell.id)).map((m) => m.fullName);
    expect(names).toContain("Trần Văn Bình");
    expect(names.filter((n) => n !== null && INVISIBLE.test(n))).toEqual([]);
    expect(h.texts(secretary.id).join("\n")).toContain(
      "• Dòng 3 (Hùng Lê): chi bộ đã có đảng viên cùng họ tên.",
    );
  });

  it("cleans a meeting place and title typed by the secretary", async () => {
    await announceTypedMeeting(
      h,
      secretary,
      kp.chatId,
      "/meeting 04/12 19:30 | Hội\u200b trường\u202e KP1 | Chuyên\u2066 đề\u2069",
    );
    const meeting = await prisma().meeting.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(meeting.place).toBe("Hội trường KP1");
    expect(meeting.title).toBe("Chuyên đề");
    expect(h.lastText(kp.chatId)).not.toMatch(INVISIBLE);
  });

  it("cleans reasons and opinions where they are stored, whatever path they come by", async () => {
    const meeting = await prisma().meeting.findFirstOrThrow({ orderBy: { id: "desc" } });
    const memberId = kp.members.get(hung.id)!.memberId;
    const { repos } = h.app;
    await repos.rsvps.answer(meeting.id, memberId, "absent");
    expect(await repos.rsvps.setReason(meeting.id, memberId, "other", "Đi\u200b công\u202e tác")).toBe(true);
    const rsvp = await prisma().rsvp.findFirstOrThrow({ where: { meetingId: meeting.id, memberId } });
    expect(rsvp.reasonText).toBe("Đi công tác");

    const at = h.clock.now();
    const prompt = await repos.prompts.createPrompt({
      organisationId: kp.cell.organisationId,
      cellId: kp.cell.id,
      meetingId: meeting.id,
      kind: "pre_meeting",
      anonymous: false,
      createdByMemberId: null,
      opensAt: at,
      closesAt: meeting.startsAt,
      questions: [{ kind: "text", text: "Ý kiến" }],
    });
    const questionId = prompt.questions[0]!.id;
    // Straight into the repository...
    await repos.prompts.recordAnswer({
      promptId: prompt.id,
      questionId,
      memberId,
      answer: { text: "Ý 1:\u202e tăng cường\n\n\n\nÝ 2:\u200b sinh hoạt" },
      answeredOn: at,
      ownerKey: "unused-for-a-named-prompt",
    });
    // ...and through the prompts domain, where a point made of invisible characters only is empty.
    const deps = { repos, clock: h.clock, config: h.app.services.config };
    const answer = (text: string) =>
      recordAnswer(deps, { prompt, questionId, memberId, answer: { text }, timeZone: "Asia/Ho_Chi_Minh" });
    expect(await answer("\u200b\u2060 \u202e")).toEqual({ ok: false, problem: "empty" });
    expect(await answer("  Ý 3:\u200b  đúng   giờ ")).toEqual({ ok: true, anonymous: false, changed: false });
    const texts = (await prisma().response.findMany({ where: { promptId: prompt.id } })).map((r) => r.text);
    expect(texts.sort()).toEqual(["Ý 1: tăng cường\n\nÝ 2: sinh hoạt", "Ý 3: đúng giờ"]);
  });
});
