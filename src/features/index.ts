// The registry: every capability of the bot, in the order its handlers run. The composition root
// (src/app.ts) passes this list to createBot (handlers, in this order), to the scheduler (each
// module's jobs) and to the command menus (each module's commands). Nothing under src/bot or
// src/scheduler imports a feature; a test checks.
//
// Order: createBot installs every module's `early` handlers first (meetings' opinion links), then
// every module's `composer` in this order, which is the order the bot has always used. It matters
// for /start: joining's join links come before everyday's generic /start, and pass other payloads
// on. Beyond that, handlers match distinct commands, callback prefixes and reply tags, and call
// next() for what is not theirs; the typed-reply handlers of meetings come after the other
// modules' commands, so a command typed as a reply to a meeting prompt still runs as a command.
import type { FeatureModule } from "../bot/feature-module.ts";
import { adminsModule } from "./admins/index.ts";
import { backupsModule } from "./backups/index.ts";
import { digestsModule } from "./digests/index.ts";
import { everydayModule } from "./everyday/index.ts";
import { groupsModule } from "./groups/index.ts";
import { joiningModule } from "./joining/index.ts";
import { maintenanceModule } from "./maintenance/index.ts";
import { meetingsModule } from "./meetings/index.ts";
import { memberDataModule } from "./member-data/index.ts";
import { membersModule } from "./members/index.ts";
import { promptsModule } from "./prompts/index.ts";
import { rosterModule } from "./roster/index.ts";
import { settingsModule } from "./settings/index.ts";
import { setupModule } from "./setup/index.ts";
import { tasksModule } from "./tasks/index.ts";

export const FEATURES: readonly FeatureModule[] = [
  joiningModule,
  everydayModule,
  adminsModule,
  membersModule,
  groupsModule,
  setupModule,
  rosterModule,
  settingsModule,
  memberDataModule,
  meetingsModule,
  tasksModule,
  promptsModule,
  maintenanceModule,
  backupsModule,
  digestsModule,
];
