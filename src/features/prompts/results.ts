// The results of a prompt (PRODUCT §4D): counts and percentages per option, the average and the
// distribution of ratings, typed answers listed. Named prompts list names (only ever sent to the
// secretary and deputies privately). Anonymous prompts never show a name, show nothing but the number
// of answers until MIN_ANONYMOUS people have answered, hide any count of a breakdown below that
// threshold, and list typed answers in a fresh random order. The group summary never has names.
import { clip } from "../../bot/kit/clip.ts";
import {
  shuffled,
  type PromptView,
  type QuestionView,
  type ResponseView,
} from "../../db/repositories/prompts.ts";
import { MIN_ANONYMOUS } from "./parse.ts";
import { answerLabel, type Translate } from "./render.ts";

/** Texts are cut into messages of at most this many characters. */
const CHUNK = 3500;

export interface ResultsInput {
  prompt: PromptView;
  answers: readonly ResponseView[];
  participants: number;
  asked: number;
  /** Names next to named answers (the secretary's private view); never for the group. */
  withNames: boolean;
  /** Typed answers listed (not in the group summary, where a named one could be recognised). */
  withTexts: boolean;
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 100) / whole);
}

function valueOf(question: QuestionView, a: ResponseView): number | null {
  return question.kind === "rating" ? a.rating : a.choice;
}

function questionResult(t: Translate, input: ResultsInput, question: QuestionView, index: number): string[] {
  const { prompt } = input;
  const answers = input.answers.filter((a) => a.questionId === question.id);
  const lines = [
    t("prompt-results-question", { n: index + 1, text: clip(question.text, 300), count: answers.length }),
  ];
  if (question.kind === "text") {
    if (!input.withTexts) return lines;
    if (answers.length === 0) lines.push(t("prompt-results-none"));
    lines.push(...wordsLines(t, input, answers));
    return lines;
  }
  const values =
    question.kind === "rating"
      ? [1, 2, 3, 4, 5]
      : question.kind === "yes_no"
        ? [0, 1]
        : question.options.map((_, i) => i);
  const counted = answers.map((a) => valueOf(question, a)).filter((v): v is number => v !== null);
  for (const v of values) {
    const count = counted.filter((c) => c === v).length;
    const label = answerLabel(t, question, v);
    // A breakdown cell of fewer than MIN_ANONYMOUS answers (but not none) could single someone out.
    if (prompt.anonymous && count > 0 && count < MIN_ANONYMOUS) {
      lines.push(t("prompt-results-hidden", { label }));
      continue;
    }
    let line = t("prompt-results-count", { label, count, percent: percent(count, counted.length) });
    if (!prompt.anonymous && input.withNames && count > 0) {
      const names = answers
        .filter((a) => valueOf(question, a) === v)
        .map((a) => a.fullName ?? a.displayName ?? "?")
        .sort((x, y) => x.localeCompare(y, "vi"));
      line += t("prompt-results-names", { names: names.join(", ") });
    }
    lines.push(line);
  }
  if (question.kind === "rating" && counted.length > 0) {
    const average = counted.reduce((s, v) => s + v, 0) / counted.length;
    lines.push(t("prompt-results-average", { average: average.toFixed(1) }));
  }
  // The words some gave with their choice (the self-review's first question).
  const worded = answers.filter((a) => a.text !== null || a.voiceFileId !== null);
  if (input.withTexts && worded.length > 0) {
    lines.push(t("prompt-results-words"));
    lines.push(...wordsLines(t, input, worded));
  }
  return lines;
}

/** Typed or spoken answers, one a line: named for the secretary, shuffled and nameless when anonymous. */
function wordsLines(t: Translate, input: ResultsInput, answers: readonly ResponseView[]): string[] {
  const { prompt } = input;
  const listed = prompt.anonymous ? shuffled(answers) : answers;
  return listed.map((a) => {
    const body = a.text ?? t("prompt-results-voice");
    const name = !prompt.anonymous && input.withNames ? (a.fullName ?? a.displayName) : null;
    return name
      ? t("prompt-results-text-named", { name, text: body })
      : t("prompt-results-text", { text: body });
  });
}

/** The results as messages, or the one line "đã có 2 câu trả lời" for an anonymous prompt below k. */
export function renderResults(t: Translate, input: ResultsInput): string[] {
  const { prompt } = input;
  const header = t("prompt-results-header", {
    ref: prompt.id,
    answered: input.participants,
    asked: input.asked,
    state: prompt.state === "open" ? "open" : "closed",
    anonymous: prompt.anonymous ? "yes" : "no",
  });
  if (prompt.anonymous && input.participants < MIN_ANONYMOUS) {
    return [`${header}\n${t("prompt-results-too-few", { count: input.participants, min: MIN_ANONYMOUS })}`];
  }
  const lines = [header];
  prompt.questions.forEach((q, i) => lines.push(...questionResult(t, input, q, i)));
  return chunk(lines);
}

/** Joins lines into messages no longer than CHUNK characters (a longer line is cut). */
export function chunk(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = clip(raw, CHUNK);
    if (current !== "" && current.length + 1 + line.length > CHUNK) {
      out.push(current);
      current = line;
    } else current = current === "" ? line : `${current}\n${line}`;
  }
  if (current !== "") out.push(current);
  return out;
}
