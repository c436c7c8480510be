// /start, /help, /lang, /me, /cancel: what everyone who writes to the bot can do.
import type { FeatureModule } from "../../bot/feature-module.ts";
import { createEverydayFeature } from "./handlers.ts";

export const everydayModule: FeatureModule = {
  name: "everyday",
  composer: createEverydayFeature,
  commands: [
    {
      command: "start",
      descriptionKey: "cmd-start",
      audience: "everyone",
      chats: "both",
      menu: { private: 900 },
    },
    {
      command: "help",
      descriptionKey: "cmd-help",
      audience: "everyone",
      chats: "both",
      menu: { private: 901, group: 901 },
    },
    { command: "me", descriptionKey: "cmd-me", audience: "everyone", chats: "both", menu: { private: 902 } },
    // Out of the menus (kept short); a question waiting for an answer also carries [Thôi].
    { command: "cancel", descriptionKey: "cmd-cancel", audience: "everyone", chats: "both" },
    // In a group only an admin may change the group's language.
    {
      command: "lang",
      descriptionKey: "cmd-lang",
      audience: "everyone",
      chats: "both",
      menu: { private: 903 },
    },
  ],
};
