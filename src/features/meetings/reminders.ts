// Meeting reminders as scheduled-delivery rows (PRODUCT §4B "Reminders").
// CONTRACT shared by the meetings helpers; the reminders helper implements the bodies.
import type { BotServices } from "../../bot/context.ts";

/** Writes (or rewrites, after a move) every reminder row of a planned meeting. Idempotent. */
export async function planMeetingReminders(services: BotServices, meetingId: number): Promise<void> {
  void services;
  void meetingId;
  return Promise.resolve();
}

/** Removes the pending reminder rows of a cancelled (or closed) meeting. */
export async function cancelMeetingReminders(services: BotServices, meetingId: number): Promise<void> {
  void services;
  void meetingId;
  return Promise.resolve();
}
