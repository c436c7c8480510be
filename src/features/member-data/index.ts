// A person's data: export and erasure, by committee admins in a private chat.
import type { FeatureModule } from "../../bot/feature-module.ts";
import { createMemberDataFeature } from "./handlers.ts";

export const memberDataModule: FeatureModule = {
  name: "member-data",
  composer: createMemberDataFeature,
  commands: [
    {
      command: "export_member",
      descriptionKey: "cmd-export-member",
      audience: "admin",
      chats: "private",
      menu: { private: 404 },
    },
    {
      command: "erase_member",
      descriptionKey: "cmd-erase-member",
      audience: "admin",
      chats: "private",
      menu: { private: 405 },
    },
  ],
};
