// Deduplicates Telegram updates by update_id: webhooks may redeliver, and an update must be handled
// once even when two instances receive it.
import type { Db } from "../client.ts";
import { isUniqueViolation } from "../prisma-errors.ts";

export interface ProcessedUpdateRepository {
  /** Records `updateId`; true the first time, false if it was already recorded. */
  markProcessed(updateId: number): Promise<boolean>;
  /** Forgets one update, so that a redelivery of it is handled (its handling failed for lack of a database). */
  forget(updateId: number): Promise<void>;
  /** Resolves when the database answers a trivial query; rejects when it cannot be reached. */
  ping(): Promise<void>;
  /** Forgets updates recorded before `date` (Telegram keeps undelivered updates for 24 hours). */
  pruneOlderThan(date: Date): Promise<number>;
}

export function createProcessedUpdateRepository(
  prisma: Db,
  clock: { now(): Date } = { now: () => new Date() },
): ProcessedUpdateRepository {
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
    async forget(updateId) {
      await prisma.processedUpdate.deleteMany({ where: { updateId: BigInt(updateId) } });
    },
    async ping() {
      await prisma.$queryRawUnsafe("SELECT 1");
    },
    async pruneOlderThan(date) {
      const { count } = await prisma.processedUpdate.deleteMany({ where: { processedAt: { lt: date } } });
      return count;
    },
  };
}
