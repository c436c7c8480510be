// Daily backups of an SQLite database (see backup-job.ts; the operator's commands are
// `npm run backup` and `npm run restore`, src/db/backup-cli.ts and restore-cli.ts). No commands and
// no messages.
import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import type { FeatureModule } from "../../bot/feature-module.ts";
import { createBackupJobs, scheduleNextBackup } from "./backup-job.ts";

export const backupsModule: FeatureModule = {
  name: "backups",
  composer: () => new Composer<BotContext>(),
  commands: [],
  jobs: createBackupJobs,
  // The chain of daily rows starts here; each run writes the next one.
  start: scheduleNextBackup,
};
