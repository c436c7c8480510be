// Importing a cell's roster from a CSV or Excel file.
import type { FeatureModule } from "../../bot/feature-module.ts";
import { createRosterFeature } from "./handlers.ts";

export const rosterModule: FeatureModule = {
  name: "roster",
  composer: createRosterFeature,
  // Listed in private menus only: a roster is usually prepared and sent from the secretary's own chat.
  commands: [
    {
      command: "import",
      descriptionKey: "cmd-import",
      audience: "manager",
      chats: "both",
      menu: { private: 204 },
    },
  ],
};
