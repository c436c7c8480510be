// Recording answers to prompts (PRODUCT §3, §4D): the checks every prompt shares — open, the question
// is the prompt's, the answer fits the question — and the one rule about time: a named answer keeps
// its instant, an anonymous one only its day in the cell's time zone (stored as midnight UTC of that
// date), so that nothing about when it was given can single out who gave it. No grammY here.
import { cleanText } from "../../clean-text.ts";
import type { Clock } from "../../clock.ts";
import type { Config } from "../../config.ts";
import { localDateOf } from "../../datetime/calendar.ts";
import type { Repositories } from "../../db/repositories/index.ts";
import type { AnswerInput, PromptInput, PromptView, QuestionView } from "../../db/repositories/prompts.ts";
import { anonymousOwnerKey } from "./owner-key.ts";

/** Longest typed answer, in characters. */
export const MAX_ANSWER_TEXT = 2000;

export interface PromptDeps {
  repos: Pick<Repositories, "prompts">;
  clock: Clock;
  /** The bot token keys the owner of anonymous answers (owner-key.ts). */
  config: Pick<Config, "botToken">;
}

/** "locked": an anonymous answer given earlier can no longer be found to be changed (owner-key.ts). */
export type AnswerProblem = "closed" | "unknown-question" | "empty" | "too-long" | "unfit" | "locked";

export type AnswerResult =
  { ok: true; anonymous: boolean; changed: boolean } | { ok: false; problem: AnswerProblem };

/** The calendar day of `at` in `timeZone`, as midnight UTC of that date. */
export function answerDay(at: Date, timeZone: string): Date {
  const d = localDateOf(at, timeZone);
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

/** Whether answers are taken now: open, and between its opening and its closing. */
export function isOpen(prompt: Pick<PromptView, "state" | "opensAt" | "closesAt">, now: Date): boolean {
  const t = now.getTime();
  return (
    prompt.state === "open" &&
    prompt.opensAt.getTime() <= t &&
    (prompt.closesAt === null || t < prompt.closesAt.getTime())
  );
}

/** A choice with the optional words that may follow it (the self-review's first question). */
function withWords(answer: AnswerInput, stored: AnswerInput): AnswerInput | AnswerProblem {
  const text = typeof answer.text === "string" ? cleanText(answer.text, { multiline: true }) : "";
  const voice = answer.voiceFileId ?? null;
  if (text === "" && voice === null) return stored;
  if ([...text].length > MAX_ANSWER_TEXT) return "too-long";
  return { ...stored, text: text === "" ? null : text, voiceFileId: voice };
}

/** The answer as it will be stored, or why it does not fit the question. */
function checkAnswer(question: QuestionView, answer: AnswerInput): AnswerInput | AnswerProblem {
  switch (question.kind) {
    case "text": {
      // Line breaks are kept (a member may list several points); invisible characters are not.
      const text = typeof answer.text === "string" ? cleanText(answer.text, { multiline: true }) : null;
      const voice = answer.voiceFileId ?? null;
      if (voice === null && (text === null || text === "")) return "empty";
      if (text !== null && [...text].length > MAX_ANSWER_TEXT) return "too-long";
      return { text: text === "" ? null : text, voiceFileId: voice };
    }
    case "choice": {
      const choice = answer.choice;
      if (choice === null || choice === undefined) return "empty";
      return Number.isInteger(choice) && choice >= 0 && choice < question.options.length
        ? withWords(answer, { choice })
        : "unfit";
    }
    case "rating": {
      const rating = answer.rating;
      if (rating === null || rating === undefined) return "empty";
      return Number.isInteger(rating) && rating >= 1 && rating <= 5 ? { rating } : "unfit";
    }
    case "yes_no": {
      const choice = answer.choice;
      if (choice === null || choice === undefined) return "empty";
      return choice === 0 || choice === 1 ? { choice } : "unfit";
    }
    default:
      return "unfit";
  }
}

/**
 * Records a member's answer to one question of a prompt, with their Participation. The caller has
 * checked in the database that the member may answer (is in the prompt's audience).
 */
export async function recordAnswer(
  deps: PromptDeps,
  input: { prompt: PromptView; questionId: number; memberId: number; answer: AnswerInput; timeZone: string },
): Promise<AnswerResult> {
  const now = deps.clock.now();
  const { prompt } = input;
  if (!isOpen(prompt, now)) return { ok: false, problem: "closed" };
  const question = prompt.questions.find((q) => q.id === input.questionId);
  if (!question) return { ok: false, problem: "unknown-question" };
  const checked = checkAnswer(question, input.answer);
  if (typeof checked === "string") return { ok: false, problem: checked };
  const stored = await deps.repos.prompts.recordAnswer({
    promptId: prompt.id,
    questionId: question.id,
    memberId: input.memberId,
    answer: checked,
    answeredOn: prompt.anonymous ? answerDay(now, input.timeZone) : now,
    ownerKey: anonymousOwnerKey(deps.config, prompt.id, input.memberId),
    // Pre-meeting opinions collect several points per member; every other prompt keeps the last answer.
    multiple: prompt.kind === "pre_meeting",
  });
  if (stored.status === "locked") return { ok: false, problem: "locked" };
  return { ok: true, anonymous: stored.anonymous, changed: stored.status === "changed" };
}

/** The meeting's prompt of `kind`, created (open, with the given questions) on first use. */
export async function meetingPrompt(
  deps: PromptDeps,
  input: Omit<PromptInput, "meetingId" | "opensAt"> & { meetingId: number },
): Promise<PromptView> {
  const existing = await deps.repos.prompts.findForMeeting(input.meetingId, input.kind);
  if (existing) return existing;
  return deps.repos.prompts.createPrompt({ ...input, opensAt: deps.clock.now() });
}
