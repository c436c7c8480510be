// Feedback prompts (PRODUCT §4D, issue 11): /ask with options, ratings, yes/no or free text, answered
// by a tap or privately; live counts in the group; nudges; /results that keep anonymous answers
// anonymous; the post-meeting feedback after /close_meeting and the monthly self-review.
import type { FeatureModule } from "../../bot/feature-module.ts";
import { createPromptsFeature, createPromptLinksFeature } from "./handlers.ts";
import { createPromptJobs } from "./jobs.ts";
import { createPostMeetingJobs } from "./post-meeting.ts";
import { seedSelfReviews } from "./self-review.ts";

export const promptsModule: FeatureModule = {
  name: "prompts",
  composer: createPromptsFeature,
  // The /start payload of the "answer privately" links runs before everyday's generic /start.
  early: createPromptLinksFeature,
  commands: [
    {
      command: "ask",
      descriptionKey: "cmd-ask",
      audience: "manager",
      chats: "both",
      menu: { private: 170, group: 170 },
    },
    {
      command: "results",
      descriptionKey: "cmd-results",
      audience: "manager",
      chats: "both",
      menu: { private: 171, group: 171 },
    },
    {
      command: "asks",
      descriptionKey: "cmd-asks",
      audience: "member",
      chats: "both",
      menu: { private: 172, group: 172 },
    },
    { command: "close_ask", descriptionKey: "cmd-close-ask", audience: "manager", chats: "both" },
  ],
  jobs: (deps) => ({ ...createPromptJobs(deps), ...createPostMeetingJobs(deps) }),
  start: async (deps) => seedSelfReviews(deps.services),
};
