// Monthly digests, on-demand reports and the workbook for the committee (PRODUCT §4E).
import type { FeatureModule } from "../../bot/feature-module.ts";
import { createDigestJobs, seedDigests } from "./digest-job.ts";
import { createDigestsFeature } from "./handlers.ts";

export const digestsModule: FeatureModule = {
  name: "digests",
  composer: createDigestsFeature,
  commands: [
    {
      command: "report",
      descriptionKey: "cmd-report",
      audience: "manager",
      chats: "private",
      menu: { private: 410 },
    },
    {
      command: "export",
      descriptionKey: "cmd-export",
      audience: "manager",
      chats: "private",
      menu: { private: 411 },
    },
  ],
  jobs: createDigestJobs,
  // Each organisation's digest rows for this month and the next; a daily row keeps them current.
  start: seedDigests,
};
