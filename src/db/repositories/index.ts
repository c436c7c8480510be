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
import { createReportRepository } from "./reports.ts";
import { createRosterRepository } from "./roster.ts";
import { createRsvpRepository } from "./rsvps.ts";
import { createSettingsRepository } from "./settings.ts";
import { createTaskRepository } from "./tasks.ts";

/**
 * Every repository over one database; handlers and jobs reach the data only through these. Every time
 * written to a row comes from `clock`, never from the database's or Prisma's own now(), so a test or
 * the demo running months on a manual clock stores the times it lived through.
 */
export function createRepositories(database: Database, clock: Clock) {
  const prisma = database.prisma;
  return {
    admins: createAdminRepository(prisma, clock),
    agenda: createAgendaRepository(prisma, clock),
    attendance: createAttendanceRepository(prisma, clock),
    audit: createAuditRepository(prisma, clock),
    cells: createCellRepository(prisma, clock),
    chats: createChatRepository(prisma, clock),
    joinRequests: createJoinRequestRepository(prisma, clock),
    meetings: createMeetingRepository(prisma, clock),
    meetingSchedules: createMeetingScheduleRepository(prisma, clock),
    meetingReminders: createMeetingReminderRepository(prisma),
    members: createMemberRepository(prisma, clock),
    memberships: createMembershipRepository(prisma, clock),
    organisations: createOrganisationRepository(prisma, clock),
    outbox: createOutboxRepository(database, { clock }),
    partyGroups: createPartyGroupRepository(prisma, clock),
    pendingQuestions: createPendingQuestionRepository(prisma),
    processedUpdates: createProcessedUpdateRepository(prisma, clock),
    prompts: createPromptRepository(prisma, clock),
    reports: createReportRepository(prisma),
    roster: createRosterRepository(prisma, clock),
    rsvps: createRsvpRepository(prisma, clock),
    settings: createSettingsRepository(prisma, clock),
    tasks: createTaskRepository(prisma, clock),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
