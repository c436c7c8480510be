import type { Clock } from "../../clock.ts";
import type { Database } from "../client.ts";
import { createAdminRepository } from "./admins.ts";
import { createAuditRepository } from "./audit.ts";
import { createCellRepository } from "./cells.ts";
import { createChatRepository } from "./chats.ts";
import { createJoinRequestRepository } from "./join-requests.ts";
import { createMemberRepository } from "./members.ts";
import { createMembershipRepository } from "./memberships.ts";
import { createOrganisationRepository } from "./organisations.ts";
import { createOutboxRepository } from "./outbox.ts";
import { createPartyGroupRepository } from "./party-groups.ts";
import { createProcessedUpdateRepository } from "./processed-updates.ts";
import { createRosterRepository } from "./roster.ts";
import { createSettingsRepository } from "./settings.ts";

/** Every repository over one database; handlers and jobs reach the data only through these. */
export function createRepositories(database: Database, clock?: Clock) {
  const prisma = database.prisma;
  return {
    admins: createAdminRepository(prisma),
    audit: createAuditRepository(prisma),
    cells: createCellRepository(prisma),
    chats: createChatRepository(prisma),
    joinRequests: createJoinRequestRepository(prisma),
    members: createMemberRepository(prisma),
    memberships: createMembershipRepository(prisma),
    organisations: createOrganisationRepository(prisma),
    outbox: createOutboxRepository(database, clock ? { clock } : {}),
    partyGroups: createPartyGroupRepository(prisma),
    processedUpdates: createProcessedUpdateRepository(prisma, clock),
    roster: createRosterRepository(prisma),
    settings: createSettingsRepository(prisma),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
