// Settings of a cell (its managers) and of the organisation (admins, `/settings org`, privately).
import type { FeatureModule } from "../../bot/feature-module.ts";
import { createSettingsFeature } from "./handlers.ts";

export const settingsModule: FeatureModule = {
  name: "settings",
  composer: createSettingsFeature,
  commands: [
    {
      command: "settings",
      descriptionKey: "cmd-settings",
      audience: "manager",
      chats: "both",
      menu: { private: 300 },
    },
  ],
};
