import type { MaybeInaccessibleMessage } from "grammy/types";
import { describe, expect, it } from "vitest";
import { callbackFamily, pressedMessageCarries } from "../../src/bot/kit/pressed-message.ts";

const chat = { id: -100, type: "supergroup" as const, title: "Chi bộ" };
const withButtons = (...data: string[]): MaybeInaccessibleMessage => ({
  message_id: 5,
  date: 1_700_000_000,
  chat,
  text: "📢",
  reply_markup: {
    inline_keyboard: [
      data.map((d) => ({ text: d, callback_data: d })),
      [{ text: "link", url: "https://t.me/x" }],
    ],
  },
});

describe("pressedMessageCarries", () => {
  it.each<[string, MaybeInaccessibleMessage | undefined, string, boolean | null]>([
    ["the same button", withButtons("rsvp:1:a", "rsvp:1:n"), "rsvp:1:a", true],
    ["another button of the family", withButtons("mem:3:1", "mem:3:3"), "mem:3:2", true],
    ["a family the message does not carry", withButtons("rsvp:1:a"), "mem:1:1", false],
    ["a prefix that is not the family", withButtons("member:1"), "mem:1:1", false],
    ["a message without buttons", { message_id: 5, date: 1, chat, text: "hi" }, "lang:en", false],
    ["a deleted (inaccessible) message", { message_id: 5, date: 0, chat }, "mem:1:1", null],
    ["an inline-mode message (none)", undefined, "mem:1:1", null],
  ])("%s", (_label, message, data, expected) => {
    expect(pressedMessageCarries(message, data)).toBe(expected);
  });

  it("names the family by the first word", () => {
    expect(callbackFamily("mg:12:ok:r:202612041930:m")).toBe("mg");
    expect(callbackFamily("plain")).toBe("plain");
  });
});
