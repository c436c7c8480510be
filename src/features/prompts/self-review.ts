// The monthly self-review (PRODUCT §4D, §7): on the cell's day (default the 25th at 19:00 cell time)
// every active, non-exempt member is asked privately three questions — following Hồ Chí Minh's
// example (tốt / khá / cần cố gắng), fulfilling their tasks (with their open and overdue tasks
// listed), and self-criticism in their own words (text or voice). Named, seen by the secretary only;
// open until the end of the month, with nudges; one per member per month (a second answer replaces
// the first). At the close the secretary gets a private summary: who submitted, who did not, the
// answers.
//
// The chain: one outbox row per cell and month (`self-review:<cell>:<YYYY-MM>`), written by the
// module's start and by each run for the next month; it sends nothing and, in its afterSent step,
// makes the month's prompt (found again by cell and period on a retry) and its rows.
import type { JobDeps } from "../../bot/feature-module.ts";
import type { BotServices } from "../../bot/context.ts";
import { localMonthBounds, localParts, zonedTimeToUtc } from "../../datetime/calendar.ts";
import type { NewDelivery } from "../../db/repositories/outbox.ts";
import type { PromptView } from "../../db/repositories/prompts.ts";
import { PermanentJobError, type Job } from "../../scheduler/jobs.ts";
import type { OutboxRow } from "../../scheduler/types.ts";
import { cellLocale } from "../meetings/announcement.ts";
import { getEffectiveSettings } from "../settings/settings.ts";
import { answerLabel, translatorFor } from "./render.ts";
import { chunk } from "./results.ts";
import { openingRows, promptKeyPrefix } from "./service.ts";

export const SELF_REVIEW_KIND = "prompt_self_review";
export const SELF_REVIEW_SUMMARY_KIND = "prompt_self_review_summary";

/** When a cell's self-review opens each month; null when the cell turned it off. */
export async function selfReviewSchedule(
  services: Pick<BotServices, "repos">,
  cellId: number,
): Promise<{ day: number; time: string } | null> {
  const settings = await getEffectiveSettings(services.repos, cellId);
  if (!settings) return null;
  return settings.selfReview;
}

function periodOf(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** The chain row of the month after `at` (or of `at`'s month when its day is still ahead). */
export async function nextSelfReviewRow(
  services: BotServices,
  cellId: number,
  after: Date,
): Promise<NewDelivery | null> {
  const schedule = await selfReviewSchedule(services, cellId);
  const loc = await cellLocale(services, cellId);
  const day = schedule?.day ?? 25;
  const [hour, minute] = (schedule?.time ?? "19:00").split(":").map(Number) as [number, number];
  const local = localParts(after, loc.timeZone);
  let year = local.year;
  let month = local.month;
  let due = zonedTimeToUtc({ year, month, day }, { hour, minute }, loc.timeZone);
  if (due.getTime() <= after.getTime()) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    due = zonedTimeToUtc({ year, month, day }, { hour, minute }, loc.timeZone);
  }
  return {
    key: `self-review:${cellId}:${periodOf(year, month)}`,
    kind: SELF_REVIEW_KIND,
    cellId,
    payload: { cellId, period: periodOf(year, month) },
    dueAt: due,
  };
}

export const SELF_REVIEW_SEED_KIND = "prompt_self_review_seed";

/** The daily row that starts the chain of cells registered since (key names the UTC day). */
function seedRow(at: Date): NewDelivery {
  return {
    key: `self-review-seed:${at.toISOString().slice(0, 10)}`,
    kind: SELF_REVIEW_SEED_KIND,
    payload: {},
    dueAt: at,
  };
}

/** Writes the next chain row of every active cell (idempotent: the keys name cell and month). */
async function seedCells(services: BotServices): Promise<void> {
  const now = services.clock.now();
  const rows: NewDelivery[] = [];
  for (const cell of await services.repos.prompts.activeCells()) {
    const row = await nextSelfReviewRow(services, cell.id, now);
    if (row) rows.push(row);
  }
  await services.repos.outbox.schedule(rows);
}

/**
 * The module's start: the chain rows of every active cell, and today's seed row, which does the same
 * once a day for cells registered in the meantime and writes tomorrow's.
 */
export async function seedSelfReviews(services: BotServices): Promise<void> {
  await seedCells(services);
  await services.repos.outbox.schedule([seedRow(services.clock.now())]);
}

function questionsFor(t: (key: string) => string) {
  return [
    {
      kind: "choice" as const,
      text: t("self-review-q1"),
      options: [t("self-review-good"), t("self-review-fair"), t("self-review-try")],
    },
    {
      kind: "choice" as const,
      text: t("self-review-q2"),
      options: [t("self-review-tasks-well"), t("self-review-tasks-done"), t("self-review-tasks-not")],
    },
    { kind: "text" as const, text: t("self-review-q3") },
  ];
}

/** Opens the month's self-review of a cell (or finds it opened by an earlier try). */
export async function openSelfReview(
  services: BotServices,
  cellId: number,
  period: string,
): Promise<PromptView | null> {
  const { repos, clock } = services;
  const cell = await repos.cells.get(cellId);
  if (!cell?.active) return null;
  const existing = await repos.prompts.findSelfReview(cellId, period);
  if (existing) return existing;
  const loc = await cellLocale(services, cellId);
  const [year, month] = period.split("-").map(Number) as [number, number];
  const { to } = localMonthBounds(year, month, loc.timeZone);
  const now = clock.now();
  const t = translatorFor(services, loc.locale);
  const prompt = await repos.prompts.createPrompt({
    organisationId: cell.organisationId,
    cellId,
    kind: "self_review",
    title: null,
    anonymous: false,
    audience: "cell",
    period,
    createdByMemberId: null,
    opensAt: now,
    closesAt: to,
    questions: questionsFor(t),
  });
  const audience = await repos.prompts.audience(prompt);
  await repos.outbox.schedule(
    openingRows(prompt, { groupChatId: null, post: false, askMemberIds: audience.map((m) => m.memberId) }),
  );
  return prompt;
}

function stringOf(row: OutboxRow, field: string): string {
  const value = row.payload[field];
  if (typeof value !== "string") throw new PermanentJobError(`${row.kind} payload needs ${field}`);
  return value;
}

/** One summary row per secretary of the cell (deputies do not see self-reviews). */
export async function selfReviewSummary(
  services: BotServices,
  prompt: PromptView,
  now: Date,
): Promise<NewDelivery[]> {
  if (prompt.cellId === null) return [];
  const secretaries = await services.repos.memberships.listActive(prompt.cellId);
  return secretaries
    .filter((m) => m.role === "secretary")
    .map((m) => ({
      key: `${promptKeyPrefix(prompt.id)}summary:m:${m.memberId}`,
      kind: SELF_REVIEW_SUMMARY_KIND,
      memberId: m.memberId,
      cellId: prompt.cellId,
      payload: { promptId: prompt.id, memberId: m.memberId },
      dueAt: now,
    }));
}

export function createSelfReviewJobs(deps: JobDeps): Record<string, Job> {
  const { services } = deps;
  const { repos, clock } = services;

  const chain: Job = {
    plan() {
      // Nothing to send: the work is in afterSent.
      return Promise.resolve({ messages: [] });
    },
    async afterSent(row) {
      const cellId = row.cellId ?? Number(row.payload["cellId"]);
      const period = stringOf(row, "period");
      if ((await selfReviewSchedule(services, cellId)) !== null)
        await openSelfReview(services, cellId, period);
      const next = await nextSelfReviewRow(services, cellId, new Date(clock.now().getTime() + 60_000));
      if (next && next.key !== row.key) await repos.outbox.schedule([next]);
      services.scheduler.wake();
    },
  };

  const summary: Job = {
    async plan(row) {
      const prompt = await repos.prompts.get(Number(row.payload["promptId"]));
      if (!prompt || prompt.cellId === null) return { skip: "prompt deleted" };
      const member = await repos.members.findById(Number(row.payload["memberId"]));
      if (!member || member.telegramId === null || !member.reachable) return { skip: "not reachable" };
      const loc = await cellLocale(services, prompt.cellId);
      const t = translatorFor(services, member.locale ?? loc.locale);
      const audience = await repos.prompts.audience(prompt);
      const answered = await repos.prompts.participantIds(prompt.id);
      const answers = await repos.prompts.listAnswers(prompt.id);
      const name = (m: { fullName: string | null; displayName: string }) => m.fullName ?? m.displayName;
      const lines = [
        t("self-review-summary-header", {
          period: prompt.period ?? "",
          answered: audience.filter((m) => answered.has(m.memberId)).length,
          asked: audience.length,
        }),
      ];
      const missing = audience.filter((m) => !answered.has(m.memberId)).map(name);
      lines.push(
        t("self-review-summary-missing", { count: missing.length, names: missing.join(", ") || "—" }),
      );
      for (const m of audience.filter((a) => answered.has(a.memberId))) {
        lines.push(t("self-review-summary-member", { name: name(m) }));
        prompt.questions.forEach((q, i) => {
          const mine = answers.filter((a) => a.memberId === m.memberId && a.questionId === q.id);
          for (const a of mine) {
            const words = a.text ?? (a.voiceFileId === null ? null : t("prompt-results-voice"));
            const choice = answerLabel(t, q, a.choice ?? a.rating ?? -1);
            const value =
              q.kind === "text"
                ? (words ?? "")
                : words === null
                  ? choice
                  : t("self-review-summary-with-words", { choice, words });
            lines.push(t("self-review-summary-answer", { n: i + 1, value }));
          }
        });
      }
      return { messages: chunk(lines).map((text) => ({ chatId: member.telegramId!, text })) };
    },
  };

  const seed: Job = {
    plan() {
      // Nothing to send: the work is in afterSent.
      return Promise.resolve({ messages: [] });
    },
    async afterSent(row) {
      await seedCells(services);
      const next = seedRow(new Date(row.dueAt.getTime() + 86_400_000));
      // Never a row in the past: after a long stop the chain resumes from today.
      const now = clock.now();
      await repos.outbox.schedule([
        next.dueAt.getTime() > now.getTime() ? next : seedRow(new Date(now.getTime() + 86_400_000)),
      ]);
      services.scheduler.wake();
    },
  };

  return { [SELF_REVIEW_KIND]: chain, [SELF_REVIEW_SUMMARY_KIND]: summary, [SELF_REVIEW_SEED_KIND]: seed };
}
