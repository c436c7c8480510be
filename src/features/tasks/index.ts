// Tasks (PRODUCT §4C, §7): giving a task to members or a party group, the assignee's buttons and
// progress reports, evaluation with feedback to the member, following and changing tasks, and the
// reminders and escalation of tasks that are due or overdue.
import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import type { FeatureModule } from "../../bot/feature-module.ts";
import { createAssigneeFeature } from "./assignee.ts";
import { createTaskCreationFeature } from "./create.ts";
import { createGuidedTaskFeature } from "./guided.ts";
import { createTaskManageFeature } from "./manage.ts";
import { createTaskReminderJobs } from "./reminders.ts";
import { createReviewFeature } from "./review.ts";

function createTasksComposer(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(createTaskCreationFeature());
  feature.use(createGuidedTaskFeature());
  feature.use(createAssigneeFeature());
  feature.use(createReviewFeature());
  feature.use(createTaskManageFeature());
  return feature;
}

export const tasksModule: FeatureModule = {
  name: "tasks",
  composer: createTasksComposer,
  // Menus: after the meetings' daily commands (100–109), tasks take 150–159: giving a task, the
  // list everyone follows, and the evaluation. The rest are typed with a task's number.
  commands: [
    {
      command: "task",
      descriptionKey: "cmd-task",
      audience: "group_leader",
      chats: "both",
      menu: { private: 150, group: 150 },
    },
    {
      command: "tasks",
      descriptionKey: "cmd-tasks",
      audience: "member",
      chats: "both",
      menu: { private: 151, group: 151 },
    },
    {
      command: "review",
      descriptionKey: "cmd-review",
      audience: "group_leader",
      chats: "both",
      menu: { private: 152 },
    },
    { command: "task_info", descriptionKey: "cmd-task-info", audience: "member", chats: "both" },
    { command: "edit_task", descriptionKey: "cmd-edit-task", audience: "group_leader", chats: "both" },
    { command: "cancel_task", descriptionKey: "cmd-cancel-task", audience: "group_leader", chats: "both" },
  ],
  jobs: (deps) => createTaskReminderJobs(deps),
};
