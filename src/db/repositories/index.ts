import type { Clock } from "../../clock.ts";
import type { Database } from "../client.ts";
import { createAdminRepository } from "./admins.ts";
import { createAuditRepository } from "./audit.ts";
import { createCellRepository } from "./cells.ts";
import { createChatRepository } from "./chats.ts";
import { createMemberRepository } from "./members.ts";
import { createMembershipRepository } from "./memberships.ts";
import { createOrganisationRepository } from "./organisations.ts";
import { createOutboxRepository } from "./outbox.ts";
import { createProcessedUpdateRepository } from "./processed-updates.ts";

/** Every repository over one database; handlers and jobs reach the data only through these. */
export function createRepositories(database: Database, clock?: Clock) {
  const prisma = database.prisma;
  return {
    admins: createAdminRepository(prisma),
    audit: createAuditRepository(prisma),
    cells: createCellRepository(prisma),
    chats: createChatRepository(prisma),
    members: createMemberRepository(prisma),
    memberships: createMembershipRepository(prisma),
    organisations: createOrganisationRepository(prisma),
    outbox: createOutboxRepository(database, clock ? { clock } : {}),
    processedUpdates: createProcessedUpdateRepository(prisma, clock),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
