// Committee admins: adding, removing (those added by command) and listing them.
import type { FeatureModule } from "../../bot/feature-module.ts";
import { createAdminsFeature } from "./handlers.ts";

export const adminsModule: FeatureModule = {
  name: "admins",
  composer: createAdminsFeature,
  commands: [
    {
      command: "admins",
      descriptionKey: "cmd-admins",
      audience: "admin",
      chats: "both",
      menu: { private: 402 },
    },
    {
      command: "add_admin",
      descriptionKey: "cmd-add-admin",
      audience: "admin",
      chats: "both",
      menu: { private: 403 },
    },
    {
      command: "remove_admin",
      descriptionKey: "cmd-remove-admin",
      audience: "admin",
      chats: "both",
      menu: { private: 406 },
    },
  ],
};
