import type { Clock } from "../../clock.ts";
import type { Database } from "../client.ts";
import { createAdminRepository } from "./admins.ts";
import { createAuditRepository } from "./audit.ts";
import { createChatRepository } from "./chats.ts";
import { createMemberRepository } from "./members.ts";
import { createOutboxRepository } from "./outbox.ts";
import { createProcessedUpdateRepository } from "./processed-updates.ts";

/** Every repository over one database; handlers and jobs reach the data only through these. */
export function createRepositories(database: Database, clock?: Clock) {
  const prisma = database.prisma;
  return {
    admins: createAdminRepository(prisma),
    audit: createAuditRepository(prisma),
    chats: createChatRepository(prisma),
    members: createMemberRepository(prisma),
    outbox: createOutboxRepository(database, clock ? { clock } : {}),
    processedUpdates: createProcessedUpdateRepository(prisma, clock),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
