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
import { createAbsenceJobs } from "./absence-alerts.ts";
import { createMeetingMoveJobs } from "./moves.ts";
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
  // Menus, most used first: announcing and following a meeting, its check-in and closing, then the
  // rarer changes. The monthly schedule is set once, privately.
  commands: [
    {
      command: "meeting",
      descriptionKey: "cmd-meeting",
      audience: "manager",
      chats: "both",
      menu: { private: 100, group: 100 },
    },
    {
      command: "meetings",
      descriptionKey: "cmd-meetings",
      audience: "member",
      chats: "both",
      menu: { private: 101, group: 101 },
    },
    // Members see the agenda; managers assign its parts with arguments.
    {
      command: "agenda",
      descriptionKey: "cmd-agenda",
      audience: "member",
      chats: "both",
      menu: { private: 102, group: 102 },
    },
    // Group leaders check in the members of their party group by proxy.
    {
      command: "checkin",
      descriptionKey: "cmd-checkin",
      audience: "group_leader",
      chats: "both",
      menu: { private: 103, group: 103 },
    },
    {
      command: "close_meeting",
      descriptionKey: "cmd-close-meeting",
      audience: "manager",
      chats: "both",
      menu: { private: 104, group: 104 },
    },
    {
      command: "attendance",
      descriptionKey: "cmd-attendance",
      audience: "manager",
      chats: "both",
      menu: { private: 105, group: 105 },
    },
    {
      command: "opinions",
      descriptionKey: "cmd-opinions",
      audience: "manager",
      chats: "both",
      menu: { private: 106, group: 106 },
    },
    {
      command: "move_meeting",
      descriptionKey: "cmd-move-meeting",
      audience: "manager",
      chats: "both",
      menu: { private: 107, group: 107 },
    },
    {
      command: "cancel_meeting",
      descriptionKey: "cmd-cancel-meeting",
      audience: "manager",
      chats: "both",
      menu: { private: 108, group: 108 },
    },
    {
      command: "meeting_schedule",
      descriptionKey: "cmd-meeting-schedule",
      audience: "manager",
      chats: "both",
      menu: { private: 109 },
    },
  ],
  jobs: (deps) => ({
    ...createMeetingReminderJobs({
      repos: deps.services.repos,
      translate: deps.services.translate,
      defaultLocale: deps.services.config.defaultLocale,
      clock: deps.services.clock,
      botUsername: deps.botUsername,
      wake: () => deps.services.scheduler.wake(),
    }),
    ...createMeetingScheduleJobs(deps),
    ...createMeetingAnnouncementJobs(deps),
    ...createMeetingMoveJobs(deps),
    ...createAbsenceJobs(deps),
  }),
};
