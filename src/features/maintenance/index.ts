// Housekeeping the bot does by itself: a daily job that prunes what is no longer needed. No
// commands and no messages.
import type { FeatureModule } from "../../bot/feature-module.ts";
import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { createMaintenanceJobs, scheduleNextMaintenance } from "./maintenance-job.ts";

export const maintenanceModule: FeatureModule = {
  name: "maintenance",
  composer: () => new Composer<BotContext>(),
  commands: [],
  jobs: createMaintenanceJobs,
  // The chain of daily rows starts here; each run writes the next one.
  start: scheduleNextMaintenance,
};
