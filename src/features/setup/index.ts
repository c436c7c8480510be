// Setting the ward up: registering cells and the committee's chat, naming the organisation, and
// noticing when the bot is added to or removed from a group.
import type { FeatureModule } from "../../bot/feature-module.ts";
import { createSetupFeature } from "./handlers.ts";

export const setupModule: FeatureModule = {
  name: "setup",
  composer: createSetupFeature,
  commands: [
    // In no menu: group menus are for members and secretaries, and an admin registers a cell once.
    { command: "register_cell", descriptionKey: "cmd-register-cell", audience: "admin", chats: "group" },
    {
      command: "register_committee",
      descriptionKey: "cmd-register-committee",
      audience: "admin",
      chats: "both",
      menu: { private: 400 },
    },
    {
      command: "org_name",
      descriptionKey: "cmd-org-name",
      audience: "admin",
      chats: "both",
      menu: { private: 401 },
    },
  ],
};
