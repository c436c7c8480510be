// Issue 9, items 9 and 12: a pending question in a private chat is answered by the member's next plain
// message (text only where the question needs text), [Thôi] or /cancel drops it; the request for an
// absence's reason after closing says by when (48 hours after the close).
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { announceTypedMeeting } from "../support/meeting-preview.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

// Tuesday 01/12/2026 08:00 in Hà Nội.
const START = new Date("2026-12-01T01:00:00Z");

describe.each(SUPPORTED_PROVIDERS)("/cancel, plain answers and reason deadlines on %s", (provider) => {
  let h: Harness;
  let seeded: SeededCell;
  let secretary: User;
  let member: User;
  let quiet: User;
  let english: User;

  beforeAll(async () => {
    h = await createHarness({ provider, start: START });
    secretary = h.emulator.createUser({ firstName: "Lan" });
    member = h.emulator.createUser({ firstName: "Hải" });
    quiet = h.emulator.createUser({ firstName: "Bình" });
    english = h.emulator.createUser({ firstName: "John" });
    seeded = await seedCell(h, "Chi bộ Khu phố 3", [
      { user: secretary, role: "secretary" },
      { user: member },
      { user: quiet },
      { user: english },
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  const prisma = () => h.app.database.prisma;
  async function press(user: User, chatId: number, messageId: number, data: string) {
    const update = await h.press(user, chatId, messageId, data);
    return h.emulator.callbackAnswer(update.callback_query!.id);
  }
  const lastWith = (chatId: number, prefix: string) => {
    const msg = h.emulator
      .botMessages(h.botAccount, chatId)
      .filter((m) => m.buttons.some((b) => b.callback_data?.startsWith(prefix)))
      .at(-1);
    if (!msg) throw new Error(`no message with ${prefix}`);
    return msg;
  };

  it("answers a question with the next plain message, refuses a voice note, and /cancel drops it", async () => {
    const chat = seeded.chatId;
    const dm = member.id;
    await announceTypedMeeting(h, secretary, chat, "/meeting 04/12 19:30 | Hội trường");
    const meeting = await prisma().meeting.findFirstOrThrow({ where: { cellId: seeded.cell.id } });
    const memberId = seeded.members.get(member.id)!.memberId;

    await press(member, chat, lastWith(chat, "rsvp:").message_id, `rsvp:${meeting.id}:n`);
    const ask = lastWith(dm, `rsvp:${meeting.id}:r:`);
    expect(ask.text).not.toMatch(/mã:|rsvp:|#\w+\.\d/);
    await press(member, dm, ask.message_id, `rsvp:${meeting.id}:r:o`);
    const prompt = h.emulator.lastBotMessage(h.botAccount, dm)!;
    expect(prompt.text).toContain("gõ lý do vắng mặt");
    expect(prompt.text).not.toContain("mã:");
    expect(prompt.buttons.map((b) => b.text)).toEqual(["✖️ Thôi"]);

    // A voice note where text is needed: told so, the question stays.
    h.emulator.sendVoice(h.botAccount, member, dm, { duration: 3 });
    await h.flush();
    expect(h.lastText(dm)).toBe("Câu hỏi này cần câu trả lời bằng chữ. Xin đồng chí gõ rồi gửi.");

    // /cancel: the question goes, its button too; the next message is no answer.
    await h.say(member, dm, "/cancel");
    expect(h.lastText(dm)).toBe("Đã thôi. Trợ lý không chờ câu trả lời của đồng chí nữa.");
    const after = h.emulator.botMessages(h.botAccount, dm).find((m) => m.message_id === prompt.message_id)!;
    expect(after.buttons).toHaveLength(0);
    await h.say(member, dm, "Đi công tác");
    expect(
      (await prisma().rsvp.findFirst({ where: { meetingId: meeting.id, memberId } }))?.reasonText,
    ).toBeNull();
    await h.say(member, dm, "/cancel");
    expect(h.lastText(dm)).toBe("Đồng chí không có việc gì đang làm dở.");

    // Asked again, the next plain message (not a reply) answers.
    await press(member, dm, ask.message_id, `rsvp:${meeting.id}:r:o`);
    await h.say(member, dm, "Đi công tác tỉnh");
    expect((await prisma().rsvp.findFirst({ where: { meetingId: meeting.id, memberId } }))?.reasonText).toBe(
      "Đi công tác tỉnh",
    );

    // In English for a member who chose it.
    await h.say(english, english.id, "/lang en");
    await h.say(english, english.id, "/cancel");
    expect(h.lastText(english.id)).toBe("You are not in the middle of anything.");
  });

  it("asks for the reason of an absence by a deadline 48 hours after the close", async () => {
    const chat = seeded.chatId;
    h.clock.set(new Date("2026-12-04T12:35:00Z"));
    await h.say(secretary, chat, "/checkin");
    h.clock.set(new Date("2026-12-04T15:00:00Z")); // 22:00 in Hà Nội
    await h.say(secretary, chat, "/close_meeting Thống nhất kế hoạch tháng 12");
    const confirm = h.emulator.lastBotMessage(h.botAccount, chat)!;
    const yes = confirm.buttons.find((b) => b.text.includes("Chốt sổ"))?.callback_data;
    if (yes) await h.press(secretary, chat, confirm.message_id, yes);
    // The questions wait for the end of quiet hours (21:30–06:30 in Hà Nội).
    h.clock.set(new Date("2026-12-04T23:31:00Z"));
    await h.app.scheduler.tick();
    const ask = h.texts(quiet.id).find((t) => t.includes("chưa có lý do"));
    expect(ask).toContain("Xin đồng chí cho biết lý do trước");
    expect(ask).toMatch(/22:00.*06\/12\/2026|06\/12\/2026.*22:00/);
    const askEn = h.texts(english.id).find((t) => t.includes("without a reason"));
    expect(askEn).toContain("Please tell us why before");
    expect(askEn).toMatch(/22:00.*06\/12\/2026|06\/12\/2026.*22:00/);
  });
});
