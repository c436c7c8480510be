// The daily maintenance row (kind MAINTENANCE_KIND): once a day, at 03:00 in the service's default
// time zone (the quietest hour), tables that grow with every update or delivery are cut back to
// what is still useful. It sends nothing; its afterSent step does the work and writes the next
// day's row. Everything it does is idempotent, so a retry after a failure is harmless:
// - processed update ids older than their retention (3 days, processed-updates.ts);
// - typed-answer questions that expired;
// - finished outbox rows (sent, failed, dropped, cancelled) older than OUTBOX_RETENTION_MS, with the
//   records of the messages they sent;
// - task drafts (previews never confirmed) older than a day (tasks/drafts.ts).
// Keys are `maintenance:<local date>`: the start step and the chain write the same key for the
// same day, so a restart, or a second instance, never adds a second run.
import type { JobDeps } from "../../bot/feature-module.ts";
import { addDays, localDateOf, zonedTimeToUtc, type LocalDate } from "../../datetime/calendar.ts";
import type { NewDelivery } from "../../db/repositories/outbox.ts";
import type { Job } from "../../scheduler/jobs.ts";
import { staleDraftsBefore } from "../tasks/drafts.ts";

export const MAINTENANCE_KIND = "maintenance";
export const MAINTENANCE_KEY_PREFIX = "maintenance:";
/** Local time of the daily run. */
export const MAINTENANCE_TIME = { hour: 3, minute: 0 } as const;
/**
 * How long finished outbox rows are kept: long enough to look into last month's deliveries, and
 * far beyond anything that could still reschedule the same key (a reminder expires at its meeting).
 */
export const OUTBOX_RETENTION_MS = 30 * 24 * 60 * 60_000;

function isoDate(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** The row of the first run after `now`: today's 03:00 if still ahead, else tomorrow's. */
export function nextMaintenanceRow(now: Date, timeZone: string): NewDelivery {
  let date = localDateOf(now, timeZone);
  let dueAt = zonedTimeToUtc(date, MAINTENANCE_TIME, timeZone);
  if (dueAt.getTime() <= now.getTime()) {
    date = addDays(date, 1);
    dueAt = zonedTimeToUtc(date, MAINTENANCE_TIME, timeZone);
  }
  return {
    key: `${MAINTENANCE_KEY_PREFIX}${isoDate(date)}`,
    kind: MAINTENANCE_KIND,
    payload: {},
    dueAt,
  };
}

/** Writes the next run's row unless it exists (at start-up, and after each run). */
export async function scheduleNextMaintenance({ services }: JobDeps): Promise<void> {
  const { repos, clock, config } = services;
  await repos.outbox.schedule([nextMaintenanceRow(clock.now(), config.defaultTimeZone)]);
}

export function createMaintenanceJobs(deps: JobDeps): Record<string, Job> {
  const { repos, clock, logger } = deps.services;
  const maintenance: Job = {
    plan: () => Promise.resolve({ messages: [] }),

    async afterSent(row) {
      const now = clock.now();
      const processedUpdates = await repos.processedUpdates.pruneExpired();
      const pendingQuestions = await repos.pendingQuestions.pruneExpired(now);
      const deliveries = await repos.outbox.pruneFinished(new Date(now.getTime() - OUTBOX_RETENTION_MS));
      const taskDrafts = await repos.tasks.pruneDrafts(staleDraftsBefore(now));
      // Counted from now, not from this row's date: after days of downtime one overdue run catches
      // up and the chain goes on from today, instead of replaying every missed day.
      await scheduleNextMaintenance(deps);
      logger.info(
        { key: row.key, processedUpdates, pendingQuestions, deliveries, taskDrafts },
        "daily maintenance done",
      );
    },
  };
  return { [MAINTENANCE_KIND]: maintenance };
}
