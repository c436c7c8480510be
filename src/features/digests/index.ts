// Monthly digests, on-demand reports and the workbook for the committee (PRODUCT §4E).
import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import type { FeatureModule } from "../../bot/feature-module.ts";
import { createDigestJobs, seedDigests } from "./digest-job.ts";
import { createGroupReportFeature } from "./group.ts";
import { createDigestsFeature } from "./handlers.ts";

/** The private commands and their answers in groups. */
function createDigestsComposer(): Composer<BotContext> {
  return new Composer<BotContext>(createDigestsFeature(), createGroupReportFeature());
}

export const digestsModule: FeatureModule = {
  name: "digests",
  composer: createDigestsComposer,
  commands: [
    {
      command: "report",
      descriptionKey: "cmd-report",
      audience: "manager",
      // Answered in groups too (group.ts), but listed only in the private menu.
      chats: "both",
      menu: { private: 410 },
    },
    {
      command: "export",
      descriptionKey: "cmd-export",
      audience: "manager",
      chats: "both",
      menu: { private: 411 },
    },
  ],
  jobs: createDigestJobs,
  // Each organisation's digest rows for this month and the next; a daily row keeps them current.
  start: seedDigests,
};
