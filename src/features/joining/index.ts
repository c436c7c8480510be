// Joining a cell: invitations, /start join links, and the managers' approval.
import type { FeatureModule } from "../../bot/feature-module.ts";
import { createJoiningFeature } from "./handlers.ts";

export const joiningModule: FeatureModule = {
  name: "joining",
  // Handles /start payloads of join links and passes every other /start on.
  composer: createJoiningFeature,
  commands: [
    {
      command: "invite",
      descriptionKey: "cmd-invite",
      audience: "manager",
      chats: "both",
      menu: { private: 201, group: 201 },
    },
  ],
};
