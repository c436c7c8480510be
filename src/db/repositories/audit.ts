import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { toDbId } from "../ids.ts";

export interface AuditInput {
  action: string;
  targetType: string;
  targetId?: string | number;
  actorTelegramId?: number;
  actorMemberId?: number;
  organisationId?: number;
  cellId?: number;
  before?: unknown;
  after?: unknown;
  /** When it happened (the injected clock); the database's own time only when left out. */
  at?: Date;
}

export function createAuditRepository(db: Db, clock: Clock) {
  return {
    async record(entry: AuditInput): Promise<void> {
      await db.auditEntry.create({
        data: {
          action: entry.action,
          targetType: entry.targetType,
          targetId: entry.targetId === undefined ? null : String(entry.targetId),
          actorTgId: entry.actorTelegramId === undefined ? null : toDbId(entry.actorTelegramId),
          actorMemberId: entry.actorMemberId ?? null,
          organisationId: entry.organisationId ?? null,
          cellId: entry.cellId ?? null,
          before: entry.before === undefined ? null : JSON.stringify(entry.before),
          after: entry.after === undefined ? null : JSON.stringify(entry.after),
          createdAt: entry.at ?? clock.now(),
        },
      });
    },

    async list(filter: { action?: string; targetType?: string } = {}) {
      return db.auditEntry.findMany({ where: filter, orderBy: { id: "asc" } });
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
