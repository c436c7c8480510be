// The prompts capability's domain steps, shared by the handlers and the jobs: publishing a prompt
// (its outbox rows: the group post, the private questions of built-in prompts, nudges, the close),
// counting who answered, and the private question a member gets. No grammY handlers here.
import type { InlineKeyboard } from "grammy";
import type { BotServices } from "../../bot/context.ts";
import { localDateOf } from "../../datetime/calendar.ts";
import { formatDate, formatDateTime } from "../../datetime/format.ts";
import type { NewDelivery } from "../../db/repositories/outbox.ts";
import type { AudienceMember, PromptView } from "../../db/repositories/prompts.ts";
import { cellLocale, type CellLocale } from "../meetings/announcement.ts";
import { LIVE_REFRESH_DELAY_MS } from "../meetings/live-refresh.ts";
import { shiftOutOfQuietHours } from "../meetings/reminder-plan.ts";
import { getEffectiveSettings } from "../settings/settings.ts";
import {
  answerKeyboard,
  promptInReadersLanguage,
  questionLines,
  translatorFor,
  type PostCounts,
  type Translate,
} from "./render.ts";
import { givenName } from "../../person-name.ts";

export const PROMPT_POST_KIND = "prompt_post";
export const PROMPT_REFRESH_KIND = "prompt_refresh";
export const PROMPT_CLOSE_KIND = "prompt_close";
export const PROMPT_ASK_KIND = "prompt_ask";
export const PROMPT_NUDGE_PLAN_KIND = "prompt_nudge_plan";
export const PROMPT_NUDGE_KIND = "prompt_nudge";
export const PROMPT_CLOSED_NOTICE_KIND = "prompt_closed_notice";

/** Nudges go this long before the close (and halfway through). */
export const LAST_NUDGE_BEFORE_MS = 12 * 60 * 60 * 1000;

export type PromptServices = Pick<BotServices, "repos" | "clock" | "config" | "translate" | "scheduler">;

export function promptKeyPrefix(promptId: number): string {
  return `prompt:${promptId}:`;
}

/** Who the prompt asks now, and how many of them answered. */
export async function promptCounts(services: PromptServices, prompt: PromptView): Promise<PostCounts> {
  const audience = await services.repos.prompts.audience(prompt);
  const answered = await services.repos.prompts.participantIds(prompt.id);
  return { asked: audience.length, answered: audience.filter((m) => answered.has(m.memberId)).length };
}

/** The member the prompt asks, or null when they are not (or no longer) in its audience. */
export async function audienceMember(
  services: PromptServices,
  prompt: PromptView,
  memberId: number,
): Promise<AudienceMember | null> {
  return (await services.repos.prompts.audience(prompt)).find((m) => m.memberId === memberId) ?? null;
}

/**
 * The outbox rows of a prompt that has just opened: the group post (when the cell has a group and
 * `post`), one private question per member (`askPrivately`, built-in prompts), the nudges halfway
 * and 12 h before the close, and the close. Keys name the prompt; writing them twice is harmless.
 */
export function openingRows(
  prompt: Pick<PromptView, "id" | "cellId" | "opensAt" | "closesAt">,
  options: { groupChatId: number | null; post: boolean; askMemberIds: readonly number[] },
): NewDelivery[] {
  const prefix = promptKeyPrefix(prompt.id);
  const payload = { promptId: prompt.id };
  const rows: NewDelivery[] = [];
  const closesAt = prompt.closesAt;
  if (options.post && options.groupChatId !== null) {
    rows.push({
      key: `${prefix}post`,
      kind: PROMPT_POST_KIND,
      chatId: options.groupChatId,
      cellId: prompt.cellId,
      payload,
      dueAt: prompt.opensAt,
      expiresAt: closesAt,
    });
  }
  for (const memberId of options.askMemberIds) {
    rows.push({
      key: `${prefix}ask:m:${memberId}`,
      kind: PROMPT_ASK_KIND,
      memberId,
      cellId: prompt.cellId,
      payload: { ...payload, memberId },
      dueAt: prompt.opensAt,
      expiresAt: closesAt,
    });
  }
  if (closesAt) {
    const span = closesAt.getTime() - prompt.opensAt.getTime();
    const half = new Date(prompt.opensAt.getTime() + span / 2);
    const last = new Date(closesAt.getTime() - LAST_NUDGE_BEFORE_MS);
    rows.push({
      key: `${prefix}nudge:half`,
      kind: PROMPT_NUDGE_PLAN_KIND,
      cellId: prompt.cellId,
      payload,
      dueAt: half,
      expiresAt: closesAt,
    });
    // A prompt open for less than a day gets the halfway nudge only.
    if (last.getTime() > half.getTime()) {
      rows.push({
        key: `${prefix}nudge:last`,
        kind: PROMPT_NUDGE_PLAN_KIND,
        cellId: prompt.cellId,
        payload,
        dueAt: last,
        expiresAt: closesAt,
      });
    }
    rows.push({
      key: `${prefix}close`,
      kind: PROMPT_CLOSE_KIND,
      cellId: prompt.cellId,
      ...(options.groupChatId === null ? {} : { chatId: options.groupChatId }),
      payload,
      dueAt: closesAt,
    });
  }
  return rows;
}

/** The row that refreshes the group post's count a moment after an answer (coalesced). */
export function refreshRow(
  prompt: Pick<PromptView, "id" | "cellId" | "announcementChatId">,
  now: Date,
): NewDelivery {
  return {
    key: `${promptKeyPrefix(prompt.id)}refresh`,
    kind: PROMPT_REFRESH_KIND,
    ...(prompt.announcementChatId === null ? {} : { chatId: prompt.announcementChatId }),
    cellId: prompt.cellId,
    payload: { promptId: prompt.id },
    dueAt: new Date(now.getTime() + LIVE_REFRESH_DELAY_MS),
  };
}

/**
 * The nudge of one member: at most one per member, prompt and local day (the key names the day),
 * moved out of the cell's quiet hours, never after the close. Null when it cannot go before the close.
 */
export async function nudgeRow(
  services: PromptServices,
  prompt: Pick<PromptView, "id" | "cellId" | "closesAt">,
  memberId: number,
): Promise<NewDelivery | null> {
  if (prompt.cellId === null || prompt.closesAt === null) return null;
  const now = services.clock.now();
  const settings = await getEffectiveSettings(services.repos, prompt.cellId);
  const loc = await cellLocale(services as BotServices, prompt.cellId);
  const due = shiftOutOfQuietHours(now, prompt.closesAt, now, settings?.quietHours ?? null, loc.timeZone);
  if (!due) return null;
  const day = localDateOf(due, loc.timeZone);
  const stamp = `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
  return {
    key: `${promptKeyPrefix(prompt.id)}nudge:m:${memberId}:${stamp}`,
    kind: PROMPT_NUDGE_KIND,
    memberId,
    cellId: prompt.cellId,
    payload: { promptId: prompt.id, memberId },
    dueAt: due,
    expiresAt: prompt.closesAt,
  };
}

const INTRO_KEYS = {
  custom: "prompt-private-intro-custom",
  post_meeting: "prompt-private-intro-post-meeting",
  self_review: "prompt-private-intro-self-review",
  pre_meeting: "prompt-private-intro-custom",
} as const;

function introKey(kind: string): (typeof INTRO_KEYS)[keyof typeof INTRO_KEYS] {
  return kind in INTRO_KEYS ? INTRO_KEYS[kind as keyof typeof INTRO_KEYS] : INTRO_KEYS.custom;
}

/** The private message that asks `member` question `index` of the prompt (in their own language). */
export async function privateQuestion(
  services: PromptServices,
  prompt: PromptView,
  member: Pick<AudienceMember, "memberId" | "locale" | "displayName" | "fullName">,
  index: number,
  options: { botUsername: string; nudge: boolean; cellName: string },
): Promise<{ text: string; replyMarkup: InlineKeyboard } | null> {
  const cellId = prompt.cellId;
  if (!prompt.questions[index] || cellId === null) return null;
  const loc: CellLocale = await cellLocale(services as BotServices, cellId);
  const locale = member.locale ?? loc.locale;
  const t: Translate = translatorFor(services, locale);
  prompt = promptInReadersLanguage(t, prompt);
  const question = prompt.questions[index]!;
  const lines: string[] = [];
  if (index === 0) {
    if (options.nudge) lines.push(t("prompt-nudge-intro", { name: givenName(member), ref: prompt.id }));
    lines.push(
      t(introKey(prompt.kind), {
        cell: options.cellName,
        ref: prompt.id,
        period: prompt.period ?? "",
        count: prompt.questions.length,
        anonymous: prompt.anonymous ? "yes" : "no",
      }),
    );
    if (prompt.closesAt)
      lines.push(
        t("prompt-private-deadline", { when: formatDateTime(prompt.closesAt, loc.timeZone, locale) }),
      );
  }
  const many = prompt.questions.length > 1;
  lines.push(...questionLines(t, question, many ? index + 1 : null));
  if (prompt.kind === "self_review" && index === 1) {
    const tasks = await services.repos.prompts.openTasksOf(member.memberId, cellId, services.clock.now());
    if (tasks.length === 0) lines.push(t("prompt-self-review-no-tasks"));
    else {
      lines.push(t("prompt-self-review-tasks-header", { count: tasks.length }));
      for (const task of tasks) {
        lines.push(
          t(task.overdue ? "prompt-self-review-task-overdue" : "prompt-self-review-task", {
            title: task.title,
            due: task.dueAt ? formatDate(task.dueAt, loc.timeZone, locale) : "",
            hasDue: task.dueAt ? "yes" : "no",
          }),
        );
      }
    }
  }
  return {
    text: lines.join("\n"),
    replyMarkup: answerKeyboard(t, prompt, question, { privateChat: true, botUsername: options.botUsername }),
  };
}
