// The prompts' scheduled work (src/scheduler/jobs.ts): the group post and its live count, the private
// question of a built-in prompt, the nudges (recipients decided when each goes), the close and what
// follows it (the creator's notice, the self-review summary for the secretary), and the monthly
// self-review chain. Rows carry prompt and member ids only: never an answer.
import type { JobDeps } from "../../bot/feature-module.ts";
import type { BotServices } from "../../bot/context.ts";
import { PermanentJobError, singleMessageJob, type Job, type JobMessage } from "../../scheduler/jobs.ts";
import type { OutboxRow } from "../../scheduler/types.ts";
import type { PromptView } from "../../db/repositories/prompts.ts";
import { cellLocale } from "../meetings/announcement.ts";
import { isOpen } from "./answers.ts";
import { groupPost, translatorFor } from "./render.ts";
import {
  PROMPT_ASK_KIND,
  PROMPT_CLOSE_KIND,
  PROMPT_CLOSED_NOTICE_KIND,
  PROMPT_NUDGE_KIND,
  PROMPT_NUDGE_PLAN_KIND,
  PROMPT_POST_KIND,
  PROMPT_REFRESH_KIND,
  audienceMember,
  nudgeRow,
  privateQuestion,
  promptCounts,
  promptKeyPrefix,
  refreshRow,
} from "./service.ts";
import { createSelfReviewJobs, selfReviewSummary } from "./self-review.ts";

function numberOf(row: OutboxRow, field: string): number {
  const value = row.payload[field];
  if (typeof value !== "number") throw new PermanentJobError(`${row.kind} payload needs ${field}`);
  return value;
}

export function createPromptJobs(deps: JobDeps): Record<string, Job> {
  const { services, botUsername } = deps;
  const { repos, clock } = services;

  const load = async (row: OutboxRow): Promise<PromptView | null> =>
    repos.prompts.get(numberOf(row, "promptId"));

  /** The group post as it should look now, or null when there is no group post to show. */
  const postOf = async (prompt: PromptView) => {
    if (prompt.cellId === null) return null;
    const loc = await cellLocale(services, prompt.cellId);
    const counts = await promptCounts(services, prompt);
    return groupPost(translatorFor(services, loc.locale), prompt, counts, { ...loc, botUsername });
  };

  const post = singleMessageJob(
    async (row) => {
      const prompt = await load(row);
      if (!prompt) return { skip: "prompt deleted" };
      if (!isOpen(prompt, clock.now())) return { skip: `prompt ${prompt.state}` };
      if (prompt.announcementMessageId !== null) return { skip: "already posted" };
      const shown = await postOf(prompt);
      if (!shown) return { skip: "no cell" };
      return { text: shown.text, ...(shown.replyMarkup ? { replyMarkup: shown.replyMarkup } : {}) };
    },
    async (row, sent) => {
      const posted = sent[0];
      if (posted?.messageId === undefined || posted.messageId === null)
        throw new PermanentJobError("the prompt was posted but Telegram returned no message");
      await repos.prompts.setAnnouncement(numberOf(row, "promptId"), posted.chatId, posted.messageId);
    },
  );

  // The live count, coalesced like the meeting announcement's (meetings/live-refresh.ts): the row's
  // key is freed once it ran, and one more run is asked for when the count moved meanwhile.
  const shownByRow = new Map<number, string>();
  const editOf = async (prompt: PromptView): Promise<JobMessage | null> => {
    if (prompt.announcementChatId === null || prompt.announcementMessageId === null) return null;
    const shown = await postOf(prompt);
    if (!shown) return null;
    return {
      type: "edit_text",
      chatId: prompt.announcementChatId,
      messageId: prompt.announcementMessageId,
      text: shown.text,
      ...(shown.replyMarkup ? { replyMarkup: shown.replyMarkup } : {}),
    };
  };
  const refresh: Job = {
    async plan(row) {
      const prompt = await load(row);
      if (!prompt) return { skip: "prompt deleted" };
      if (prompt.state !== "open") return { skip: `prompt ${prompt.state}` };
      const edit = await editOf(prompt);
      if (!edit) return { skip: "not posted" };
      shownByRow.set(row.id, JSON.stringify(edit));
      return { messages: [edit] };
    },
    async afterSent(row) {
      await repos.outbox.releaseKey(row.id, row.key);
      const before = shownByRow.get(row.id);
      shownByRow.delete(row.id);
      const prompt = await load(row);
      if (!prompt || prompt.state !== "open") return;
      const edit = await editOf(prompt);
      if (edit && JSON.stringify(edit) !== before) await repos.outbox.rearm(refreshRow(prompt, clock.now()));
    },
  };

  /** The private question (first of the prompt) to the row's member, if they still have to answer. */
  const privateJob = (nudge: boolean) =>
    singleMessageJob(async (row) => {
      const prompt = await load(row);
      if (!prompt) return { skip: "prompt deleted" };
      if (!isOpen(prompt, clock.now())) return { skip: `prompt ${prompt.state}` };
      const memberId = numberOf(row, "memberId");
      if (await repos.prompts.hasParticipated(prompt.id, memberId)) return { skip: "answered" };
      // Decided now: a member who left the cell or the party group is no longer asked.
      const member = await audienceMember(services, prompt, memberId);
      if (!member) return { skip: "not in the audience" };
      if (member.telegramId === null || !member.reachable) return { skip: "not reachable privately" };
      const cell = prompt.cellId === null ? null : await repos.cells.get(prompt.cellId);
      if (!cell) return { skip: "no cell" };
      const q = await privateQuestion(services, prompt, member, 0, {
        botUsername,
        nudge,
        cellName: cell.name,
      });
      if (!q) return { skip: "no question" };
      return { chatId: member.telegramId, text: q.text, replyMarkup: q.replyMarkup };
    });

  // Halfway and 12 h before the close: one row per member who has not answered at that moment.
  const nudgePlan: Job = {
    async plan(row) {
      const prompt = await load(row);
      if (!prompt) return { skip: "prompt deleted" };
      if (!isOpen(prompt, clock.now())) return { skip: `prompt ${prompt.state}` };
      return { messages: [] };
    },
    async afterSent(row) {
      const prompt = await load(row);
      if (!prompt || !isOpen(prompt, clock.now())) return;
      const answered = await repos.prompts.participantIds(prompt.id);
      const rows = [];
      for (const m of await repos.prompts.audience(prompt)) {
        if (answered.has(m.memberId) || m.telegramId === null || !m.reachable) continue;
        const nudge = await nudgeRow(services, prompt, m.memberId);
        if (nudge) rows.push(nudge);
      }
      await repos.outbox.schedule(rows);
      services.scheduler.wake();
    },
  };

  // The close: the group post shows the final count without buttons; then the follow-ups.
  const close: Job = {
    async plan(row) {
      const prompt = await load(row);
      if (!prompt) return { skip: "prompt deleted" };
      if (prompt.state === "draft") return { skip: "draft" };
      const closed: PromptView = { ...prompt, state: "closed" };
      const edit = await editOf(closed);
      return { messages: edit ? [edit] : [] };
    },
    async afterSent(row) {
      const promptId = numberOf(row, "promptId");
      await repos.prompts.transition(promptId, "open", "closed");
      await repos.outbox.cancelByKeyPrefix(`${promptKeyPrefix(promptId)}nudge:`);
      const prompt = await repos.prompts.get(promptId);
      if (!prompt) return;
      await repos.outbox.schedule(await closingFollowUps(services, prompt));
      services.scheduler.wake();
    },
  };

  // The creator hears that their prompt closed, with the count and how to see the results.
  const closedNotice = singleMessageJob(async (row) => {
    const prompt = await load(row);
    if (!prompt) return { skip: "prompt deleted" };
    const member = await repos.members.findById(numberOf(row, "memberId"));
    if (!member || member.telegramId === null || !member.reachable) return { skip: "not reachable" };
    const loc = await cellLocale(services, prompt.cellId ?? 0);
    const counts = await promptCounts(services, prompt);
    const t = translatorFor(services, member.locale ?? loc.locale);
    return { chatId: member.telegramId, text: t("prompt-closed-notice", { ref: prompt.id, ...counts }) };
  });

  return {
    [PROMPT_POST_KIND]: post,
    [PROMPT_REFRESH_KIND]: refresh,
    [PROMPT_ASK_KIND]: privateJob(false),
    [PROMPT_NUDGE_KIND]: privateJob(true),
    [PROMPT_NUDGE_PLAN_KIND]: nudgePlan,
    [PROMPT_CLOSE_KIND]: close,
    [PROMPT_CLOSED_NOTICE_KIND]: closedNotice,
    ...createSelfReviewJobs(deps),
  };
}

/** What follows a close: the self-review summary to the secretaries, or the creator's notice. */
async function closingFollowUps(services: BotServices, prompt: PromptView) {
  const prefix = promptKeyPrefix(prompt.id);
  const now = services.clock.now();
  if (prompt.kind === "self_review") return selfReviewSummary(services, prompt, now);
  if (prompt.createdByMemberId === null) return [];
  return [
    {
      key: `${prefix}closed:m:${prompt.createdByMemberId}`,
      kind: PROMPT_CLOSED_NOTICE_KIND,
      memberId: prompt.createdByMemberId,
      cellId: prompt.cellId,
      payload: { promptId: prompt.id, memberId: prompt.createdByMemberId },
      dueAt: now,
    },
  ];
}
