// A cell's members: the list, roles and statuses.
import type { FeatureModule } from "../../bot/feature-module.ts";
import { createMembersFeature } from "./handlers.ts";

export const membersModule: FeatureModule = {
  name: "members",
  composer: createMembersFeature,
  commands: [
    {
      command: "members",
      descriptionKey: "cmd-members",
      audience: "member",
      chats: "both",
      menu: { private: 200, group: 200 },
    },
    {
      command: "role",
      descriptionKey: "cmd-role",
      audience: "manager",
      chats: "both",
      menu: { private: 202 },
    },
    {
      command: "status",
      descriptionKey: "cmd-status",
      audience: "manager",
      chats: "both",
      menu: { private: 203 },
    },
  ],
};
