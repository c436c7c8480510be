// The Telegram kit (src/bot/kit/): the typed-answer protocol and the private send, through the real
// bot, middleware, database and the emulator.
import { Writable } from "node:stream";
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendPrivately } from "../../src/bot/kit/send-privately.ts";
import { createLogger } from "../../src/logger.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { announceTypedMeeting } from "../support/meeting-preview.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

// Tuesday 01/12/2026 08:00 in Hà Nội; the meetings below are on Friday 04/12.
const START = new Date("2026-12-01T01:00:00Z");
const CANCEL_KEYBOARD = { inline_keyboard: [[{ text: "✖️ Thôi", callback_data: "tq:x" }]] };
const NOT_UNDERSTOOD = "Trợ lý chỉ hiểu các lệnh và nút bấm. Đồng chí gõ /help để xem hướng dẫn.";

describe.each(SUPPORTED_PROVIDERS)("the Telegram kit on %s", (provider) => {
  let h: Harness;
  let cellNo = 0;

  beforeAll(async () => {
    h = await createHarness({ provider, start: START });
  });
  afterAll(async () => {
    await h?.close();
  });

  const prisma = () => h.app.database.prisma;
  const pendingOf = (user: User) =>
    prisma().pendingQuestion.findUnique({ where: { userId: BigInt(user.id) } });

  interface Ward {
    seeded: SeededCell;
    secretary: User;
    member: User;
    other: User;
    meetingId: number;
  }

  /** A cell with a meeting on Friday 04/12 19:30. */
  async function ward(): Promise<Ward> {
    cellNo += 1;
    const secretary = h.emulator.createUser({ firstName: `Lan${cellNo}` });
    const member = h.emulator.createUser({ firstName: `Hải${cellNo}` });
    const other = h.emulator.createUser({ firstName: `Bình${cellNo}` });
    const seeded = await seedCell(h, `Chi bộ Kit ${cellNo}`, [
      { user: secretary, role: "secretary" },
      { user: member },
      { user: other },
    ]);
    await announceTypedMeeting(h, secretary, seeded.chatId, "/meeting 04/12 19:30 | Hội trường");
    const meeting = await prisma().meeting.findFirstOrThrow({
      where: { cellId: seeded.cell.id },
      orderBy: { id: "desc" },
    });
    return { seeded, secretary, member, other, meetingId: meeting.id };
  }

  /** The member reports an absence and picks "other reason": the typed question is asked privately. */
  async function askReason(w: Ward, who: User = w.member) {
    const announcement = h.emulator
      .botMessages(h.botAccount, w.seeded.chatId)
      .filter((m) => m.text?.startsWith("📢"))
      .at(-1)!;
    await h.press(who, w.seeded.chatId, announcement.message_id, `rsvp:${w.meetingId}:n`);
    const reasons = h.emulator.lastBotMessage(h.botAccount, who.id)!;
    await h.press(who, who.id, reasons.message_id, `rsvp:${w.meetingId}:r:o`);
    return h.emulator.lastBotMessage(h.botAccount, who.id)!;
  }

  const reasonOf = async (w: Ward, who: User) => {
    const memberId = w.seeded.members.get(who.id)!.memberId;
    return prisma().rsvp.findFirstOrThrow({ where: { meetingId: w.meetingId, memberId } });
  };

  it("asks with a [Thôi] button and no internal code, and takes the next plain private message", async () => {
    const w = await ward();
    const question = await askReason(w);
    expect(question.text).toBe(
      `Xin đồng chí gõ lý do vắng mặt cuộc họp #${w.meetingId} rồi gửi (không quá 500 ký tự).`,
    );
    expect(question.reply_markup).toEqual(CANCEL_KEYBOARD);
    const row = await pendingOf(w.member);
    expect(row).toMatchObject({
      chatId: BigInt(w.member.id),
      kind: "rsvp-reason",
      messageId: question.message_id,
    });
    expect(JSON.parse(row!.payload)).toEqual({ meetingId: w.meetingId });
    // Times come from the injected clock, not from the database.
    expect(row!.createdAt.toISOString()).toBe(h.clock.now().toISOString());
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(24 * 3600 * 1000);

    await h.say(w.member, w.member.id, "Về quê chăm mẹ ốm");
    expect(h.lastText(w.member.id)).toBe("Đã ghi nhận lý do vắng mặt: “Về quê chăm mẹ ốm”. Cảm ơn đồng chí.");
    expect(await reasonOf(w, w.member)).toMatchObject({ reason: "other", reasonText: "Về quê chăm mẹ ốm" });
    expect(await pendingOf(w.member)).toBeNull();
    // The answered question loses its button; the next message is not an answer any more.
    expect(question.buttons).toEqual([]);
    await h.say(w.member, w.member.id, "Còn một điều nữa");
    expect(h.lastText(w.member.id)).toBe(NOT_UNDERSTOOD);
    expect((await reasonOf(w, w.member)).reasonText).toBe("Về quê chăm mẹ ốm");
    for (const text of h.texts(w.member.id)) expect(text).not.toMatch(/\((mã|ref): /);
  });

  it("takes a reply to the question too, and keeps the question open after an unusable answer", async () => {
    const w = await ward();
    const question = await askReason(w);
    await h.say(w.member, w.member.id, "   ", { replyToMessageId: question.message_id });
    expect(h.lastText(w.member.id)).toContain("Lý do cần có nội dung");
    expect(await pendingOf(w.member)).not.toBeNull();
    await h.say(w.member, w.member.id, "Đi công tác", { replyToMessageId: question.message_id });
    expect((await reasonOf(w, w.member)).reasonText).toBe("Đi công tác");
    expect(await pendingOf(w.member)).toBeNull();
  });

  it("never swallows a command: the command runs and the question stays", async () => {
    const w = await ward();
    await askReason(w);
    await h.say(w.member, w.member.id, "/me");
    expect(h.lastText(w.member.id)).toContain(`Thông tin của đồng chí ${w.member.first_name}`);
    expect(await pendingOf(w.member)).not.toBeNull();
    expect((await reasonOf(w, w.member)).reasonText).toBeNull();
    await h.say(w.member, w.member.id, "Ốm");
    expect((await reasonOf(w, w.member)).reasonText).toBe("Ốm");
  });

  it("drops the question on [Thôi]", async () => {
    const w = await ward();
    const question = await askReason(w);
    const pressed = await h.press(w.member, w.member.id, question.message_id, "tq:x");
    expect(h.emulator.callbackAnswer(pressed.callback_query!.id)?.text).toBe(
      "Đã thôi, đồng chí không cần trả lời câu hỏi này nữa.",
    );
    expect(await pendingOf(w.member)).toBeNull();
    expect(question.buttons).toEqual([]);
    await h.say(w.member, w.member.id, "Ốm");
    expect(h.lastText(w.member.id)).toBe(NOT_UNDERSTOOD);
    expect((await reasonOf(w, w.member)).reasonText).toBeNull();
    // A second press finds nothing to drop.
    const again = await h.press(w.member, w.member.id, question.message_id, "tq:x");
    expect(h.emulator.callbackAnswer(again.callback_query!.id)?.text).toBe("Nút này đã hết hiệu lực.");
  });

  it("ignores an expired question", async () => {
    const w = await ward();
    await askReason(w);
    h.clock.advance(24 * 3600 * 1000 + 1000);
    await h.say(w.member, w.member.id, "Ốm");
    expect(h.lastText(w.member.id)).toBe(NOT_UNDERSTOOD);
    expect((await reasonOf(w, w.member)).reasonText).toBeNull();
    expect(await pendingOf(w.member)).toBeNull();
  });

  it("replaces the previous question when a new one is asked", async () => {
    const w = await ward();
    await askReason(w);
    h.emulator.startBot(h.botAccount, w.member, `o_${w.meetingId}`);
    await h.flush();
    expect((await pendingOf(w.member))?.kind).toBe("opinion");
    await h.say(w.member, w.member.id, "Bàn việc sửa đường");
    expect(h.lastText(w.member.id)).toContain("Đã ghi nhận ý kiến");
    expect((await reasonOf(w, w.member)).reasonText).toBeNull();
    const opinions = await prisma().response.findMany({ where: { prompt: { meetingId: w.meetingId } } });
    expect(opinions.map((r) => r.text)).toEqual(["Bàn việc sửa đường"]);
  });

  it("in a group, takes only the asked person's reply and refuses anyone else's", async () => {
    const w = await ward();
    const chat = w.seeded.chatId;
    const cellId = w.seeded.cell.id;
    await h.say(w.secretary, chat, "/meeting");
    const steps = h.emulator.lastBotMessage(h.botAccount, chat)!;
    await h.press(w.secretary, chat, steps.message_id, `mg:${cellId}:k:r`);
    await h.press(w.secretary, chat, steps.message_id, `mg:${cellId}:dt:r`);
    const question = h.emulator.lastBotMessage(h.botAccount, chat)!;
    expect(question.reply_markup).toMatchObject({ force_reply: true, selective: true });
    expect(await pendingOf(w.secretary)).toMatchObject({ chatId: BigInt(chat), kind: "meeting-date" });

    await h.say(w.other, chat, "11/12", { replyToMessageId: question.message_id });
    expect(h.lastText(chat)).toBe(
      "Câu hỏi này đang chờ câu trả lời của đồng chí khác; Trợ lý không ghi nhận tin nhắn của đồng chí.",
    );
    expect(await pendingOf(w.other)).toBeNull();
    // The secretary's private chat is not where the question was asked.
    await h.say(w.secretary, w.secretary.id, "11/12");
    expect(h.lastText(w.secretary.id)).toBe(NOT_UNDERSTOOD);
    await h.say(w.secretary, chat, "11/12", { replyToMessageId: question.message_id });
    expect(h.lastText(chat)).toContain("Thứ Sáu, 11/12/2026");
    expect(await pendingOf(w.secretary)).toBeNull();
  });

  it("loads the pending question once per update, and not at all for a command", async () => {
    const w = await ward();
    await askReason(w);
    const questions = h.app.repos.pendingQuestions;
    const original = questions.findForUser.bind(questions);
    let loads = 0;
    questions.findForUser = async (userId) => {
      loads += 1;
      return original(userId);
    };
    try {
      await h.say(w.member, w.member.id, "/help");
      expect(loads).toBe(0);
      // Every feature with typed answers looks at this message; one query serves them all.
      await h.say(w.member, w.member.id, "x".repeat(600));
      expect(loads).toBe(1);
    } finally {
      questions.findForUser = original;
    }
  });

  it("drops a stored question it cannot read instead of guessing", async () => {
    const w = await ward();
    await askReason(w);
    await prisma().pendingQuestion.update({
      where: { userId: BigInt(w.member.id) },
      data: { payload: '{"meetingId":"not a number"}' },
    });
    await h.say(w.member, w.member.id, "Ốm");
    expect(h.lastText(w.member.id)).toBe(NOT_UNDERSTOOD);
    expect(await pendingOf(w.member)).toBeNull();
  });

  describe("sendPrivately", () => {
    function services() {
      const lines: Record<string, unknown>[] = [];
      const destination = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
          done();
        },
      });
      const logger = createLogger({ level: "info", destination });
      return { lines, services: { repos: h.app.repos, clock: h.clock, logger } };
    }

    it("sends, and returns the message", async () => {
      const w = await ward();
      const { services: s } = services();
      const result = await sendPrivately(s, h.app.bot.api, w.member.id, "Chào đồng chí");
      expect(result.status).toBe("sent");
      expect(h.lastText(w.member.id)).toBe("Chào đồng chí");
    });

    it("marks a member who never opened the bot unreachable at the clock's time, and says so", async () => {
      const stranger = h.emulator.createUser({ firstName: "Chưa mở" });
      await h.app.repos.members.upsertFromTelegram({ telegramId: stranger.id, displayName: "Chưa mở" }, true);
      const { services: s } = services();
      h.clock.advance(60_000);
      const result = await sendPrivately(s, h.app.bot.api, stranger.id, "Chào đồng chí");
      expect(result).toEqual({ status: "unreachable" });
      const member = await prisma().member.findFirstOrThrow({ where: { telegramId: BigInt(stranger.id) } });
      expect(member.reachable).toBe(false);
      expect(member.unreachableAt?.toISOString()).toBe(h.clock.now().toISOString());
    });

    it("marks a member who blocked the bot unreachable, and does not try one known to refuse", async () => {
      const w = await ward();
      h.emulator.blockBot(h.botAccount, w.other);
      const { services: s } = services();
      expect((await sendPrivately(s, h.app.bot.api, w.other.id, "Chào")).status).toBe("unreachable");
      const member = await h.app.repos.members.findByTelegramId(w.other.id);
      expect(member?.reachable).toBe(false);
      h.emulator.resetCalls();
      const again = await sendPrivately(s, h.app.bot.api, member!, "Chào");
      expect(again.status).toBe("unreachable");
      expect(h.emulator.calls().filter((c) => c.method === "sendMessage")).toHaveLength(0);
      expect((await sendPrivately(s, h.app.bot.api, { telegramId: null }, "Chào")).status).toBe(
        "unreachable",
      );
    });

    it("returns other failures as 'failed', logged with their context, without throwing", async () => {
      const w = await ward();
      const { services: s, lines } = services();
      h.emulator.failNext({ method: "sendMessage", chatId: w.member.id, errorCode: 400 });
      const result = await sendPrivately(s, h.app.bot.api, w.member.id, "Chào", {}, { meetingId: 7 });
      expect(result).toEqual({ status: "failed" });
      expect(lines.find((l) => l.msg === "private message not sent")).toMatchObject({
        meetingId: 7,
        telegramId: w.member.id,
        problem: "permanent",
      });
      expect((await h.app.repos.members.findByTelegramId(w.member.id))?.reachable).toBe(true);
    });

    it("follows a group that became a supergroup and sends again", async () => {
      const w = await ward();
      const oldId = w.seeded.chatId;
      const newId = h.emulator.upgradeToSupergroup(oldId);
      await h.flush();
      const { services: s } = services();
      const result = await sendPrivately(s, h.app.bot.api, oldId, "Thông báo");
      expect(result.status).toBe("sent");
      expect(h.lastText(newId)).toBe("Thông báo");
      expect((await h.app.repos.cells.get(w.seeded.cell.id))?.chatId).toBe(newId);
    });
  });
});
