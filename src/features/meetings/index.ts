// Meetings (PRODUCT §4B, §7): announcing, RSVPs and opinions, the agenda, check-in and closing, the
// monthly schedule, and the reminders that lead up to a meeting.
import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import type { FeatureModule } from "../../bot/feature-module.ts";
import { createAgendaFeature } from "./agenda.ts";
import { createMeetingAnnouncementJobs } from "./announcement-job.ts";
import { createMeetingAttendanceFeature } from "./checkin.ts";
import { createMeetingsCoreFeature } from "./handlers-core.ts";
import { createOpinionsFeature } from "./opinions.ts";
import { createMeetingReminderJobs } from "./reminder-renderers.ts";
import { createMeetingScheduleFeature } from "./schedule.ts";
import { createMeetingScheduleJobs } from "./schedule-renderer.ts";

function createMeetingsComposer(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(createMeetingsCoreFeature());
  feature.use(createMeetingAttendanceFeature());
  feature.use(createMeetingScheduleFeature());
  feature.use(createAgendaFeature());
  return feature;
}

export const meetingsModule: FeatureModule = {
  name: "meetings",
  composer: createMeetingsComposer,
  // Opinions handle the /start payloads of opinion links (and pass the others on), so they run
  // before everyday's generic /start.
  early: createOpinionsFeature,
  commands: [
    {
      command: "meetings",
      descriptionKey: "cmd-meetings",
      audience: "member",
      chats: "both",
      menu: { group: 0 },
    },
    // Members see the agenda; managers assign its parts with arguments.
    {
      command: "agenda",
      descriptionKey: "cmd-agenda",
      audience: "member",
      chats: "both",
      menu: { group: 1 },
    },
    { command: "meeting", descriptionKey: "cmd-meeting", audience: "manager", chats: "both" },
    { command: "move_meeting", descriptionKey: "cmd-move-meeting", audience: "manager", chats: "both" },
    { command: "cancel_meeting", descriptionKey: "cmd-cancel-meeting", audience: "manager", chats: "both" },
    {
      command: "meeting_schedule",
      descriptionKey: "cmd-meeting-schedule",
      audience: "manager",
      chats: "both",
    },
    { command: "opinions", descriptionKey: "cmd-opinions", audience: "manager", chats: "both" },
    // Group leaders check in the members of their party group by proxy.
    { command: "checkin", descriptionKey: "cmd-checkin", audience: "group_leader", chats: "both" },
    { command: "close_meeting", descriptionKey: "cmd-close-meeting", audience: "manager", chats: "both" },
    { command: "attendance", descriptionKey: "cmd-attendance", audience: "manager", chats: "both" },
  ],
  jobs: (deps) => ({
    ...createMeetingReminderJobs({
      repos: deps.services.repos,
      translate: deps.services.translate,
      defaultLocale: deps.services.config.defaultLocale,
      clock: deps.services.clock,
      botUsername: deps.botUsername,
    }),
    ...createMeetingScheduleJobs(deps),
    ...createMeetingAnnouncementJobs(deps),
  }),
};
