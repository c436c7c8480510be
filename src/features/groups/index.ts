// Party groups (tổ đảng) inside a cell.
import type { FeatureModule } from "../../bot/feature-module.ts";
import { createGroupsFeature } from "./handlers.ts";

export const groupsModule: FeatureModule = {
  name: "groups",
  composer: createGroupsFeature,
  commands: [
    {
      command: "groups",
      descriptionKey: "cmd-groups",
      audience: "member",
      chats: "both",
      menu: { private: 205, group: 205 },
    },
    {
      command: "group",
      descriptionKey: "cmd-group",
      audience: "manager",
      chats: "both",
      menu: { private: 206 },
    },
  ],
};
