// The daily backup row (kind BACKUP_KIND): on SQLite, once a day at the organisation's backup time
// (02:00 by default, in its time zone), a consistent snapshot of the database goes to backups/
// beside the database file and only the newest BACKUP_KEEP are kept (src/db/backup.ts). It sends
// nothing; its afterSent step writes the next day's row first, then makes the backup, so a failed
// backup is retried by the outbox while tomorrow's still comes. On PostgreSQL there is no row: the
// database server's own tools (pg_dump) do it better, and the start step says so once.
// Keys are `backup:<local date>`, so a restart or a second instance never adds a second run.
import type { JobDeps } from "../../bot/feature-module.ts";
import { addDays, localDateOf, zonedTimeToUtc, type LocalDate } from "../../datetime/calendar.ts";
import { backupDirFor, backupSqlite, pruneBackups } from "../../db/backup.ts";
import type { NewDelivery } from "../../db/repositories/outbox.ts";
import { providerOf, sqlitePathOf } from "../../db/url.ts";
import type { Job } from "../../scheduler/jobs.ts";
import { defaultSettings, organisationSettings } from "../settings/model.ts";

export const BACKUP_KIND = "backup";
export const BACKUP_KEY_PREFIX = "backup:";

function isoDate(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** The row of the first run after `now` at local `time` ("HH:mm") in `timeZone`. */
export function nextBackupRow(now: Date, timeZone: string, time: string): NewDelivery {
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  let date = localDateOf(now, timeZone);
  let dueAt = zonedTimeToUtc(date, { hour, minute }, timeZone);
  if (dueAt.getTime() <= now.getTime()) {
    date = addDays(date, 1);
    dueAt = zonedTimeToUtc(date, { hour, minute }, timeZone);
  }
  return { key: `${BACKUP_KEY_PREFIX}${isoDate(date)}`, kind: BACKUP_KIND, payload: {}, dueAt };
}

/** When backups run: the first organisation's backup time and time zone, or the defaults. */
async function backupSchedule({
  services,
}: Pick<JobDeps, "services">): Promise<{ timeZone: string; time: string }> {
  const org = await services.repos.organisations.first();
  if (!org) return { timeZone: services.config.defaultTimeZone, time: defaultSettings().backupTime };
  const settings = organisationSettings(org);
  return { timeZone: settings.timeZone, time: settings.backupTime };
}

/** Writes the next run's row unless it exists (at start-up, and at each run). Nothing on PostgreSQL. */
export async function scheduleNextBackup(deps: JobDeps): Promise<void> {
  const { config, repos, clock, logger } = deps.services;
  if (providerOf(config.databaseUrl) !== "sqlite") {
    logger.info(
      "PostgreSQL: the bot makes no backups of its own; back the database up with pg_dump (see deploy/README.md)",
    );
    return;
  }
  const { timeZone, time } = await backupSchedule(deps);
  await repos.outbox.schedule([nextBackupRow(clock.now(), timeZone, time)]);
}

/**
 * After the backup time or the time zone changed in /settings: the pending run moves to the new
 * time at once (a run already made today is not made again under the same date's key).
 */
export async function rescheduleNextBackup(deps: Pick<JobDeps, "services">): Promise<void> {
  const { config, repos, clock } = deps.services;
  if (providerOf(config.databaseUrl) !== "sqlite") return;
  const { timeZone, time } = await backupSchedule(deps);
  await repos.outbox.reschedule(BACKUP_KEY_PREFIX, [nextBackupRow(clock.now(), timeZone, time)]);
}

export function createBackupJobs(deps: JobDeps): Record<string, Job> {
  const { config, clock, logger } = deps.services;
  const backup: Job = {
    plan: () => Promise.resolve({ messages: [] }),

    async afterSent(row) {
      // Tomorrow's first, counted from now: days of downtime give one catch-up run, not one a day.
      await scheduleNextBackup(deps);
      if (providerOf(config.databaseUrl) !== "sqlite") return;
      const path = sqlitePathOf(config.databaseUrl);
      const file = await backupSqlite(path, { now: clock.now() });
      const deleted = pruneBackups(backupDirFor(path), config.backupKeep);
      logger.info(
        {
          key: row.key,
          file: file.path,
          bytes: file.bytes,
          deleted: deleted.length,
          keep: config.backupKeep,
        },
        "daily backup written",
      );
    },
  };
  return { [BACKUP_KIND]: backup };
}
