// A typed /meeting shows the secretary a preview first (issue 9); tests that only need the meeting
// type the command and press [Thông báo] on the preview, as a secretary would.
import type { User } from "grammy/types";
import { expect } from "vitest";
import type { Harness } from "./harness.ts";

/** The newest bot message in the chat with a button whose data matches. */
export function messageWithButton(h: Harness, chatId: number, data: RegExp) {
  const msg = h.emulator
    .botMessages(h.botAccount, chatId)
    .filter(
      (m) => !m.deleted && m.buttons.some((b) => b.callback_data !== undefined && data.test(b.callback_data)),
    )
    .at(-1);
  if (!msg) throw new Error(`no message with a button ${String(data)} in chat ${chatId}`);
  const button = msg.buttons.find((b) => b.callback_data !== undefined && data.test(b.callback_data))!;
  return { msg, data: button.callback_data! };
}

/** Types `/meeting …` and presses [Thông báo] on the preview it shows. */
export async function announceTypedMeeting(h: Harness, user: User, chatId: number, command: string) {
  await h.say(user, chatId, command);
  const { msg, data } = messageWithButton(h, chatId, /^mg:\d+:ok:/);
  expect(msg.text).toContain("🕢");
  await h.press(user, chatId, msg.message_id, data);
}
