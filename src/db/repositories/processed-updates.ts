// Deduplicates Telegram updates by update_id: webhooks may redeliver, and an update must be handled
// once even when two instances receive it.
import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { isUniqueViolation } from "../prisma-errors.ts";

/**
 * How long an update_id is remembered. Telegram keeps an undelivered update for 24 hours and a
 * webhook redelivers within that time; three days leave room for a service that was down over a
 * weekend without letting the table grow with every update ever received.
 */
export const PROCESSED_UPDATE_RETENTION_MS = 3 * 24 * 60 * 60_000;

export interface ProcessedUpdateRepository {
  /** Records `updateId`; true the first time, false if it was already recorded. */
  markProcessed(updateId: number): Promise<boolean>;
  /** Forgets updates recorded before `date`; returns how many. */
  pruneOlderThan(date: Date): Promise<number>;
  /**
   * Forgets updates recorded more than `retentionMs` (default PROCESSED_UPDATE_RETENTION_MS) before
   * the clock's now; returns how many. Meant to run as a periodic job.
   */
  pruneExpired(retentionMs?: number): Promise<number>;
}

export function createProcessedUpdateRepository(prisma: Db, clock: Clock): ProcessedUpdateRepository {
  async function pruneOlderThan(date: Date): Promise<number> {
    // processedAt is indexed: the delete walks the index, not the table.
    const { count } = await prisma.processedUpdate.deleteMany({ where: { processedAt: { lt: date } } });
    return count;
  }
  return {
    async markProcessed(updateId) {
      if (!Number.isSafeInteger(updateId)) throw new RangeError(`${updateId} is not an update_id`);
      try {
        await prisma.processedUpdate.create({
          data: { updateId: BigInt(updateId), processedAt: clock.now() },
        });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    pruneOlderThan,
    async pruneExpired(retentionMs = PROCESSED_UPDATE_RETENTION_MS) {
      if (!(retentionMs > 0)) throw new RangeError(`retentionMs must be positive, got ${retentionMs}`);
      return pruneOlderThan(new Date(clock.now().getTime() - retentionMs));
    },
  };
}
