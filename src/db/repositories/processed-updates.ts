// Deduplicates Telegram updates by update_id: webhooks may redeliver, and an update must be handled
// once even when two instances receive it.
import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { isUniqueViolation } from "../prisma-errors.ts";
import { Lru } from "../../lru.ts";

/**
 * How long an update_id is remembered. Telegram keeps an undelivered update for 24 hours and a
 * webhook redelivers within that time; three days leave room for a service that was down over a
 * weekend without letting the table grow with every update ever received.
 */
export const PROCESSED_UPDATE_RETENTION_MS = 3 * 24 * 60 * 60_000;

export interface ProcessedUpdateRepository {
  /** Records `updateId`; true the first time, false if it was already recorded. */
  markProcessed(updateId: number): Promise<boolean>;
  /** Forgets one update, so that a redelivery of it is handled (its handling failed for lack of a database). */
  forget(updateId: number): Promise<void>;
  /** Resolves when the database answers a trivial query; rejects when it cannot be reached. */
  ping(): Promise<void>;
  /** Forgets updates recorded before `date` (Telegram keeps undelivered updates for 24 hours). */
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
    async forget(updateId) {
      await prisma.processedUpdate.deleteMany({ where: { updateId: BigInt(updateId) } });
    },
    async ping() {
      await prisma.$queryRawUnsafe("SELECT 1");
    },
  };
}

/** Update ids the in-memory dedupe remembers: far more than Telegram redelivers after a restart. */
export const MEMORY_DEDUPE_CAPACITY = 100_000;

/**
 * The dedupe of the only instance (DEDUPE=memory): update ids in a bounded in-memory LRU instead of
 * one INSERT per update. With one instance every redelivery reaches the process that saw the first
 * delivery, as long as it runs. What it does not cover: an update handled just before a crash whose
 * acknowledgement (the next getUpdates offset, the webhook's answer) never reached Telegram is
 * handled again after the restart; DEDUPE=database closes that gap at one INSERT per update. ping,
 * and pruning what an earlier DEDUPE=database run recorded, still go to the database.
 */
export function createMemoryProcessedUpdates(
  database: ProcessedUpdateRepository,
  capacity = MEMORY_DEDUPE_CAPACITY,
): ProcessedUpdateRepository {
  const seen = new Lru<number, true>(capacity);
  return {
    markProcessed(updateId) {
      if (!Number.isSafeInteger(updateId))
        return Promise.reject(new RangeError(`${updateId} is not an update_id`));
      if (seen.has(updateId)) return Promise.resolve(false);
      seen.set(updateId, true);
      return Promise.resolve(true);
    },
    forget(updateId) {
      seen.delete(updateId);
      return Promise.resolve();
    },
    ping: () => database.ping(),
    pruneOlderThan: (date) => database.pruneOlderThan(date),
    pruneExpired: (retentionMs) => database.pruneExpired(retentionMs),
  };
}
