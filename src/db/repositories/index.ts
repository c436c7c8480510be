import type { Clock } from "../../clock.ts";
import type { Database } from "../client.ts";
import { createAdminRepository } from "./admins.ts";
import { createAgendaRepository } from "./agenda.ts";
import { createAttendanceRepository } from "./attendance.ts";
import { createAuditRepository } from "./audit.ts";
import { createCellRepository } from "./cells.ts";
import { createChatRepository } from "./chats.ts";
import { createJoinRequestRepository } from "./join-requests.ts";
import { createMeetingRepository } from "./meetings.ts";
import { createMeetingScheduleRepository } from "./meeting-schedules.ts";
import { createMeetingReminderRepository } from "./meeting-reminders.ts";
import { createMemberRepository } from "./members.ts";
import { createMembershipRepository } from "./memberships.ts";
import { createOrganisationRepository } from "./organisations.ts";
import { createOutboxRepository } from "./outbox.ts";
import { createPartyGroupRepository } from "./party-groups.ts";
import { createPendingQuestionRepository } from "./pending-questions.ts";
import { createProcessedUpdateRepository } from "./processed-updates.ts";
import { createPromptRepository } from "./prompts.ts";
import { createRosterRepository } from "./roster.ts";
import { createRsvpRepository } from "./rsvps.ts";
import { createSettingsRepository } from "./settings.ts";

/** Every repository over one database; handlers and jobs reach the data only through these. */
export function createRepositories(database: Database, clock?: Clock) {
  const prisma = database.prisma;
  return {
    admins: createAdminRepository(prisma),
    agenda: createAgendaRepository(prisma),
    attendance: createAttendanceRepository(prisma),
    audit: createAuditRepository(prisma),
    cells: createCellRepository(prisma),
    chats: createChatRepository(prisma),
    joinRequests: createJoinRequestRepository(prisma),
    meetings: createMeetingRepository(prisma),
    meetingSchedules: createMeetingScheduleRepository(prisma),
    meetingReminders: createMeetingReminderRepository(prisma),
    members: createMemberRepository(prisma),
    memberships: createMembershipRepository(prisma),
    organisations: createOrganisationRepository(prisma),
    outbox: createOutboxRepository(database, clock ? { clock } : {}),
    partyGroups: createPartyGroupRepository(prisma),
    pendingQuestions: createPendingQuestionRepository(prisma),
    processedUpdates: createProcessedUpdateRepository(prisma, clock),
    prompts: createPromptRepository(prisma),
    roster: createRosterRepository(prisma),
    rsvps: createRsvpRepository(prisma),
    settings: createSettingsRepository(prisma),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
