// Issue 9, item 8: a member who chose English pressed ❌ in a Vietnamese group and got a Vietnamese
// alert and private message. A whole meeting month with that member: every message and alert they
// receive is English, while the group keeps its Vietnamese posts.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { announceTypedMeeting } from "../support/meeting-preview.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

// Tuesday 01/12/2026 08:00 in Hà Nội.
const START = new Date("2026-12-01T01:00:00Z");
/** Letters only Vietnamese writes: any of them in a text for the English member is a Vietnamese text. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;

describe.each(SUPPORTED_PROVIDERS)("a meeting month for a member who chose English on %s", (provider) => {
  let h: Harness;
  let seeded: SeededCell;
  let secretary: User;
  let john: User;
  const alerts: string[] = [];

  beforeAll(async () => {
    h = await createHarness({ provider, start: START });
    secretary = h.emulator.createUser({ firstName: "Lan", lastName: "Tran" });
    john = h.emulator.createUser({ firstName: "John", lastName: "Smith", username: "johnsmith" });
    const other = h.emulator.createUser({ firstName: "Minh", lastName: "Le" });
    seeded = await seedCell(h, "Ward Cell 7", [
      { user: secretary, role: "secretary" },
      { user: john },
      { user: other },
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function press(user: User, chatId: number, messageId: number, data: string) {
    const update = await h.press(user, chatId, messageId, data);
    const answer = h.emulator.callbackAnswer(update.callback_query!.id);
    if (user.id === john.id && answer?.text) alerts.push(answer.text);
    return answer;
  }
  const lastWith = (chatId: number, prefix: string) => {
    const msg = h.emulator
      .botMessages(h.botAccount, chatId)
      .filter((m) => m.buttons.some((b) => b.callback_data?.startsWith(prefix)))
      .at(-1);
    if (!msg) throw new Error(`no message with ${prefix}`);
    return msg;
  };

  it("walks the month: language, RSVP, reason, reminders, check-in, close", async () => {
    const chat = seeded.chatId;
    // The welcome of his first /start came before he chose English.
    const beforeChoice = h.emulator.botMessages(h.botAccount, john.id).length;
    await h.say(john, john.id, "/lang en");
    expect(h.lastText(john.id)).toContain("English");

    // Only the secretary sets the group's language: John is told so, in English.
    await h.say(john, chat, "/lang en");
    expect(h.lastText(chat)).toBe(
      "Only the cell’s secretary or deputy, or a committee admin, can change the group’s language. You can choose your own language with /lang in a private chat with the assistant.",
    );
    const groupLocale = await h.app.repos.chats.getLocale(chat);
    expect(groupLocale).not.toBe("en");

    await announceTypedMeeting(h, secretary, chat, "/meeting 04/12 19:30 | Hall 5");
    const meeting = await h.app.database.prisma.meeting.findFirstOrThrow({
      where: { cellId: seeded.cell.id },
    });
    const announcement = lastWith(chat, `rsvp:${meeting.id}:`);
    expect(announcement.text).toContain("Thứ Sáu, 04/12/2026 lúc 19:30");

    // ❌ in the Vietnamese group: the alert and the private question are English.
    const absent = await press(john, chat, announcement.message_id, `rsvp:${meeting.id}:n`);
    expect(absent?.show_alert).toBe(true);
    const ask = lastWith(john.id, `rsvp:${meeting.id}:r:`);
    expect(ask.buttons.map((b) => b.text)).not.toContain("Sức khỏe");
    await press(john, john.id, ask.message_id, `rsvp:${meeting.id}:r:o`);
    await h.say(john, john.id, "Working abroad that week");
    expect(h.lastText(john.id)).toContain("Working abroad that week");

    // Reminders up to the meeting, then check-in and closing.
    for (const at of [
      "2026-12-02T01:00:00Z",
      "2026-12-03T12:30:00Z",
      "2026-12-04T10:30:00Z",
      "2026-12-04T12:00:00Z",
    ]) {
      h.clock.set(new Date(at));
      await h.app.scheduler.tick();
    }
    h.clock.set(new Date("2026-12-04T12:35:00Z"));
    await h.say(secretary, chat, "/checkin");
    const post = lastWith(chat, `ci:${meeting.id}`);
    expect(post.text).toMatch(VIETNAMESE);
    const checkin = await press(john, chat, post.message_id, `ci:${meeting.id}`);
    expect(checkin?.text).toBeTruthy();
    h.clock.set(new Date("2026-12-04T14:00:00Z"));
    await h.say(secretary, chat, "/close_meeting Agreed the December plan");
    await h.app.scheduler.tick();

    const since = h.emulator.botMessages(h.botAccount, john.id).slice(beforeChoice);
    const received = since.filter((m) => !m.deleted).map((m) => m.text ?? "");
    expect(received.length).toBeGreaterThan(3);
    for (const text of [...received, ...alerts]) expect(text, text).not.toMatch(VIETNAMESE);
    // Buttons on what John received are English too.
    for (const msg of since) {
      for (const b of msg.buttons) expect(b.text, b.text).not.toMatch(VIETNAMESE);
    }
  });

  it("answers his presses on joining, settings, members, agenda, absence reasons and help in English", async () => {
    const chat = seeded.chatId;
    const answers: string[] = [];
    const pressed = async (user: User, messageId: number, data: string) => {
      const answer = await press(user, chat, messageId, data);
      answers.push(answer?.text ?? "");
      return answer;
    };

    // The invitation's [Join] button: he is already a member.
    await h.say(secretary, chat, "/invite");
    const invite = lastWith(chat, "join:");
    expect(invite.text).toMatch(VIETNAMESE);
    const join = invite.buttons.find((b) => b.callback_data?.startsWith("join:"))!.callback_data!;
    expect((await pressed(john, invite.message_id, join))?.text).toBe(
      "You are already a member of Ward Cell 7 in the assistant. Type /me to see your details.",
    );
    // Someone new who chose English asks to join from the group: the alert and the private note are English.
    const kate = h.emulator.createUser({ firstName: "Kate", lastName: "Brown" });
    h.emulator.addMember(chat, kate);
    h.emulator.startBot(h.botAccount, kate);
    await h.flush();
    await h.say(kate, kate.id, "/lang en");
    const kateAnswer = await h.press(kate, chat, invite.message_id, join);
    expect(h.emulator.callbackAnswer(kateAnswer.callback_query!.id)?.text).toContain(
      "Your request to join Ward Cell 7 has been sent.",
    );
    expect(h.lastText(kate.id)).toContain("Your request to join Ward Cell 7 has been sent.");

    // The secretary's settings panel, a members page, an agenda item, an absence reason and the
    // secretary's help, all pressed by him in the Vietnamese group.
    await h.say(secretary, chat, "/settings");
    const panel = lastWith(chat, "set:");
    expect(panel.text).toMatch(VIETNAMESE);
    const settings = await pressed(john, panel.message_id, `set:c:${seeded.cell.id}:quiet:off`);
    expect(settings).toMatchObject({ text: "This button is not meant for you.", show_alert: true });
    expect(JSON.parse((await h.app.repos.cells.get(seeded.cell.id))!.settings)).not.toHaveProperty(
      "quietHours",
    );
    await pressed(john, panel.message_id, `set:c:999999:menu:main`);
    await pressed(john, panel.message_id, "mem:999999:1");
    await pressed(john, panel.message_id, "ag:999999:r");
    await pressed(john, panel.message_id, "ab:999999:h");
    await h.say(secretary, chat, "/help");
    const help = lastWith(chat, "help:more:");
    await pressed(john, help.message_id, `help:more:${secretary.id}`);
    expect(answers.slice(1)).toEqual([
      "This button is not meant for you.",
      "This button is no longer valid.",
      "This button is no longer valid.",
      "This button is no longer valid.",
      "This button is not meant for you.",
      "This button is not meant for you.",
    ]);
    for (const text of answers) expect(text, text).not.toMatch(VIETNAMESE);
  });
});
