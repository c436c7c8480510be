// Meeting reminders as scheduled-delivery rows (PRODUCT §4B "Reminders").
// CONTRACT shared by the meetings helpers: call planMeetingReminders after creating or moving a meeting
// and after changing its agenda; call cancelMeetingReminders after cancelling or closing it.
// What is planned, when and for whom: see reminder-plan.ts; what is sent: the jobs in reminder-renderers.ts.
import type { BotServices } from "../../bot/context.ts";
import { getEffectiveSettings } from "../settings/settings.ts";
import {
  planReminderRows,
  reminderKeyPrefix,
  type PlanAgendaItem,
  type PlanMember,
} from "./reminder-plan.ts";

/** Writes (or rewrites, after a move) every reminder row of a planned meeting. Idempotent. */
export async function planMeetingReminders(services: BotServices, meetingId: number): Promise<void> {
  const { repos, clock } = services;
  const meeting = await repos.meetingReminders.meeting(meetingId);
  const now = clock.now();
  if (!meeting || meeting.state !== "planned" || meeting.startsAt.getTime() <= now.getTime()) {
    await repos.outbox.cancelByKeyPrefix(reminderKeyPrefix(meetingId));
    return;
  }
  const settings = await getEffectiveSettings(repos, meeting.cellId);
  if (!settings) return;
  // Members' private reminders are not listed here: each offset's row lists them when it is due.
  const [managers, items] = await Promise.all([
    repos.meetingReminders.reachableManagers(meeting.cellId),
    repos.meetingReminders.agendaItems(meetingId),
  ]);
  const agendaItems: PlanAgendaItem[] = [];
  for (const item of items) {
    const owner =
      item.memberId === null
        ? null
        : await repos.meetingReminders.reachableMember(meeting.cellId, item.memberId);
    agendaItems.push({ itemId: item.id, owner: owner ? toPlanMember(owner) : null });
  }
  const rows = planReminderRows({
    meetingId,
    cellId: meeting.cellId,
    startsAt: meeting.startsAt,
    now,
    offsets: settings.meetingReminderMinutes,
    quietHours: settings.quietHours,
    timeZone: settings.timeZone,
    groupChatId: meeting.groupChatId,
    agendaItems,
    managers: managers.map(toPlanMember),
  });
  const result = await repos.outbox.reschedule(reminderKeyPrefix(meetingId), rows);
  services.logger.debug({ meetingId, ...result }, "meeting reminders planned");
  // Catch-up reminders of a meeting set at short notice are due at once.
  if (rows.some((row) => row.dueAt.getTime() <= now.getTime())) services.scheduler.wake();
}

/** Removes the pending reminder rows of a cancelled (or closed) meeting. */
export async function cancelMeetingReminders(services: BotServices, meetingId: number): Promise<void> {
  const cancelled = await services.repos.outbox.cancelByKeyPrefix(reminderKeyPrefix(meetingId));
  services.logger.debug({ meetingId, cancelled }, "meeting reminders cancelled");
}

function toPlanMember(m: { memberId: number; chatId: number }): PlanMember {
  return { memberId: m.memberId, chatId: m.chatId };
}
