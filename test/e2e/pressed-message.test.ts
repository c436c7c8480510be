// A button edits only the message it belongs to: callback data copied onto another of the bot's
// messages (a forged press) must leave that message as it is.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CANCEL_TYPED_DATA } from "../../src/bot/kit/typed-answer.ts";
import { ANNOUNCEMENT_REFRESH_DELAY_MS } from "../../src/features/meetings/announcement-job.ts";
import type { StoredMessage } from "../../src/emulator/index.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { announceTypedMeeting } from "../support/meeting-preview.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

describe.each(SUPPORTED_PROVIDERS)("pressed-message guard on %s", (provider) => {
  let h: Harness;
  let kp: SeededCell;
  let secretary: User;
  let member: User;
  let announcement: StoredMessage;

  /** What a reader of the chat sees of a message, and how often it was edited. */
  const snapshot = (m: StoredMessage) => ({
    text: m.text,
    buttons: m.buttons.map((b) => ({ ...b })),
    edits: m.edits,
    deleted: m.deleted,
  });
  const current = (chatId: number, messageId: number) =>
    h.emulator.botMessages(h.botAccount, chatId).find((m) => m.message_id === messageId)!;

  beforeAll(async () => {
    h = await createHarness({ provider });
    secretary = h.emulator.createUser({ firstName: "Lan", lastName: "Nguyễn" });
    member = h.emulator.createUser({ firstName: "Hùng", lastName: "Lê" });
    kp = await seedCell(h, "Chi bộ Khu phố 1", [{ user: secretary, role: "secretary" }, { user: member }]);
    await announceTypedMeeting(h, secretary, kp.chatId, "/meeting 04/12 19:30 | Hội trường Khu phố 1");
    announcement = h.emulator
      .botMessages(h.botAccount, kp.chatId)
      .find((m) => m.buttons.some((b) => b.callback_data?.startsWith("rsvp:")))!;
    expect(announcement.text).toContain("Hội trường Khu phố 1");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("a member's forged mem:<cell>:1 on the announcement leaves it unchanged; the list comes as a new message", async () => {
    const before = snapshot(announcement);
    const since = h.texts(kp.chatId).length;
    await h.press(member, kp.chatId, announcement.message_id, `mem:${kp.cell.id}:1`);
    expect(snapshot(current(kp.chatId, announcement.message_id))).toEqual(before);
    const sent = h.texts(kp.chatId).slice(since);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("Hùng Lê");
  });

  it("an admin's forged lang:en on the announcement changes the language but not the announcement", async () => {
    const before = snapshot(announcement);
    const update = await h.press(h.admin, kp.chatId, announcement.message_id, "lang:en");
    expect(h.emulator.callbackAnswer(update.callback_query!.id)?.text).toBe("Switched to English.");
    expect(snapshot(current(kp.chatId, announcement.message_id))).toEqual(before);
    await h.say(h.admin, kp.chatId, "/lang vi");
  });

  it("the secretary's settings button copied onto the announcement does not turn it into the settings menu", async () => {
    await h.say(secretary, kp.chatId, "/settings");
    const menu = h.emulator.lastBotMessage(h.botAccount, kp.chatId)!;
    const data = menu.buttons.find((b) => b.callback_data?.startsWith("set:"))?.callback_data;
    expect(data).toBeDefined();
    const before = snapshot(announcement);
    await h.press(secretary, kp.chatId, announcement.message_id, data!);
    expect(snapshot(current(kp.chatId, announcement.message_id))).toEqual(before);

    // The same button on its own message still edits it in place.
    const menuEdits = current(kp.chatId, menu.message_id).edits;
    await h.press(secretary, kp.chatId, menu.message_id, data!);
    expect(current(kp.chatId, menu.message_id).edits).toBe(menuEdits + 1);
  });

  it("a forged [Thôi] of a typed question on the announcement does not strip its buttons", async () => {
    const before = snapshot(announcement);
    const update = await h.press(member, kp.chatId, announcement.message_id, CANCEL_TYPED_DATA);
    expect(h.emulator.callbackAnswer(update.callback_query!.id)?.text).toBeTruthy();
    expect(snapshot(current(kp.chatId, announcement.message_id))).toEqual(before);
  });

  it("a genuine press on the announcement still works", async () => {
    const rsvp = announcement.buttons.find((b) => b.callback_data?.endsWith(":a"))!.callback_data!;
    const update = await h.press(member, kp.chatId, announcement.message_id, rsvp);
    expect(h.emulator.callbackAnswer(update.callback_query!.id)?.text).toBeTruthy();
    // The counts are refreshed by the scheduler a moment later.
    h.clock.advance(ANNOUNCEMENT_REFRESH_DELAY_MS);
    await h.app.scheduler.tick();
    expect(current(kp.chatId, announcement.message_id).text).toContain("1 tham dự");
  });
});
