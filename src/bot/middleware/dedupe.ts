import type { NextFunction } from "grammy";
import { isDatabaseUnavailable, isUnclassifiedPrismaError } from "../../db/prisma-errors.ts";
import type { ProcessedUpdateRepository } from "../../db/repositories/processed-updates.ts";
import type { BotContext } from "../context.ts";

/**
 * Thrown instead of answering when an update could not be handled because the database was
 * unavailable. The update is then not (or no longer) recorded as processed, so it can be handled
 * later: the webhook answers non-2xx and Telegram redelivers it; polling hands it to the bot again
 * after a pause. The error boundary lets it through without sending the member an error message.
 */
export class UpdateDeferredError extends Error {
  override name = "UpdateDeferredError";
  constructor(
    readonly updateId: number,
    cause: unknown,
  ) {
    super(`update ${updateId} deferred: the database is unavailable`, { cause });
  }
}

/**
 * Updates whose id was recorded but whose handling then failed for lack of a database, and whose
 * record could not be removed either (the database was still away). A redelivery of one of these is
 * handled despite the record. Kept per repository (one per running app) so parallel apps in one
 * process (tests) do not share them.
 */
const interrupted = new WeakMap<ProcessedUpdateRepository, Set<number>>();

/**
 * Handles each update_id once. Webhooks and restarts may redeliver an update; we record the id
 * before handling (at-most-once), because replaying a button press or a command is worse for
 * members than losing one update that crashed mid-way and can be repeated by a tap.
 *
 * A failure for lack of a database is the exception: nothing the member asked for can have been
 * done without it, so the record is taken back (or, if even that fails, the id is remembered as
 * interrupted in this process) and UpdateDeferredError tells the update source to deliver it again.
 */
export async function dedupeUpdates(ctx: BotContext, next: NextFunction): Promise<void> {
  const repo = ctx.services.processedUpdates;
  const updateId = ctx.update.update_id;
  let pending = interrupted.get(repo);
  let first: boolean;
  try {
    first = await repo.markProcessed(updateId);
  } catch (error) {
    if (await databaseFailed(error, repo)) throw new UpdateDeferredError(updateId, error);
    throw error;
  }
  if (!first && !pending?.has(updateId)) {
    ctx.log.debug({ updateId }, "duplicate update ignored");
    return;
  }
  try {
    await next();
  } catch (error) {
    if (!(await databaseFailed(error, repo))) {
      pending?.delete(updateId);
      throw error;
    }
    try {
      await repo.forget(updateId);
      pending?.delete(updateId);
    } catch {
      if (!pending) interrupted.set(repo, (pending = new Set()));
      pending.add(updateId);
    }
    throw new UpdateDeferredError(updateId, error);
  }
  pending?.delete(updateId);
}

/**
 * Whether a failure was the database's: by error class and code, and for a driver error that Prisma
 * passed through unclassified, by whether the database answers a trivial query right now (never by
 * the message text).
 */
async function databaseFailed(error: unknown, repo: ProcessedUpdateRepository): Promise<boolean> {
  if (isDatabaseUnavailable(error)) return true;
  if (!isUnclassifiedPrismaError(error)) return false;
  try {
    await repo.ping();
    return false;
  } catch {
    return true;
  }
}
