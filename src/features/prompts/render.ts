// How a prompt looks: the group post (question, options, deadline, live count "12/20 đã trả lời",
// never who), the private question to one member, and the buttons of each. Every text is rendered in
// the locale it is given: the cell's for the group, the member's own for a private message.
import { InlineKeyboard } from "grammy";
import type { BotServices } from "../../bot/context.ts";
import { clip } from "../../bot/kit/clip.ts";
import { formatDateTime } from "../../datetime/format.ts";
import type { PromptView, QuestionView } from "../../db/repositories/prompts.ts";
import { BUTTON_OPTION } from "./parse.ts";

/** Prefix of every prompt button's callback data. */
export const PROMPT_DATA = "pk";
/** /start payload prefix of the deep link that asks a typed answer privately. */
export const ANSWER_PAYLOAD_PREFIX = "pk_";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function translatorFor(services: Pick<BotServices, "translate">, locale: string): Translate {
  return (key, vars) => services.translate(locale, key, vars);
}

/** Whether any option is too long for a button: then every button shows its number only. */
export function numberedOptions(question: QuestionView): boolean {
  return question.options.some((o) => [...o].length > BUTTON_OPTION);
}

/** The label of an answer value, for confirmations and results. */
export function answerLabel(t: Translate, question: QuestionView, value: number): string {
  switch (question.kind) {
    case "rating":
      return t("prompt-rating-label", { value });
    case "yes_no":
      return value === 0 ? t("prompt-yes") : t("prompt-no");
    default:
      return question.options[value] ?? "?";
  }
}

/**
 * The built-in prompts' questions, by prompt kind and position. Their stored text is in the cell's
 * language; each reader sees them in their own (issue 9 item 8: an English member of a Vietnamese
 * cell gets English questions and buttons).
 */
const BUILT_IN_QUESTION_KEYS: Readonly<
  Record<string, readonly { text: string; options?: readonly string[] }[]>
> = {
  post_meeting: [{ text: "post-meeting-q-rating" }, { text: "post-meeting-q-better" }],
  self_review: [
    { text: "self-review-q1", options: ["self-review-good", "self-review-fair", "self-review-try"] },
    {
      text: "self-review-q2",
      options: ["self-review-tasks-well", "self-review-tasks-done", "self-review-tasks-not"],
    },
    { text: "self-review-q3" },
  ],
};

/** The question as the reader of `t` sees it: built-in questions in their language. */
export function inReadersLanguage(t: Translate, promptKind: string, question: QuestionView): QuestionView {
  const keys = BUILT_IN_QUESTION_KEYS[promptKind]?.[question.position];
  if (!keys) return question;
  const options = keys.options;
  return {
    ...question,
    text: t(keys.text),
    options:
      options && options.length === question.options.length ? options.map((k) => t(k)) : question.options,
  };
}

/** The prompt with its questions as the reader of `t` sees them. */
export function promptInReadersLanguage(t: Translate, prompt: PromptView): PromptView {
  return { ...prompt, questions: prompt.questions.map((q) => inReadersLanguage(t, prompt.kind, q)) };
}

/** The question's lines: its text, and the options in full when the buttons show numbers. */
export function questionLines(t: Translate, question: QuestionView, index: number | null): string[] {
  const lines = [
    index === null ? question.text : t("prompt-question-numbered", { n: index, text: question.text }),
  ];
  if (question.kind === "choice" && numberedOptions(question)) {
    question.options.forEach((o, i) => lines.push(t("prompt-option-line", { n: i + 1, text: o })));
  }
  return lines;
}

/** The answer buttons of one question (a row per 5 rating values, 2 per row for long labels). */
export function answerKeyboard(
  t: Translate,
  prompt: Pick<PromptView, "id">,
  question: QuestionView,
  options: { privateChat: boolean; botUsername: string },
): InlineKeyboard {
  const kb = new InlineKeyboard();
  const data = (value: number) => `${PROMPT_DATA}:a:${prompt.id}:${question.id}:${value}`;
  switch (question.kind) {
    case "rating":
      for (let v = 1; v <= 5; v++) kb.text(String(v), data(v));
      break;
    case "yes_no":
      kb.text(t("prompt-yes"), data(0)).text(t("prompt-no"), data(1));
      break;
    case "choice": {
      const numbered = numberedOptions(question);
      question.options.forEach((o, i) => {
        kb.text(numbered ? String(i + 1) : clip(o, BUTTON_OPTION), data(i));
        if (!numbered && i % 2 === 1) kb.row();
      });
      break;
    }
    case "text":
      // A typed answer is given privately: a button there, a deep link from the group.
      if (options.privateChat)
        kb.text(t("prompt-write-button"), `${PROMPT_DATA}:t:${prompt.id}:${question.id}`);
      else
        kb.url(
          t("prompt-write-button"),
          `https://t.me/${options.botUsername}?start=${ANSWER_PAYLOAD_PREFIX}${prompt.id}`,
        );
      break;
  }
  return kb;
}

export interface PostCounts {
  answered: number;
  asked: number;
}

/** The group post of a prompt: open (with buttons for its first question) or closed. */
export function groupPost(
  t: Translate,
  prompt: PromptView,
  counts: PostCounts,
  place: { timeZone: string; locale: string; botUsername: string },
): { text: string; replyMarkup?: InlineKeyboard } {
  prompt = promptInReadersLanguage(t, prompt);
  const open = prompt.state === "open";
  const lines = [
    t(prompt.anonymous ? "prompt-post-header-anonymous" : "prompt-post-header-named", { ref: prompt.id }),
  ];
  const many = prompt.questions.length > 1;
  prompt.questions.forEach((q, i) => lines.push(...questionLines(t, q, many ? i + 1 : null)));
  if (prompt.closesAt) {
    lines.push(
      t(open ? "prompt-post-deadline" : "prompt-post-closed", {
        when: formatDateTime(prompt.closesAt, place.timeZone, place.locale),
      }),
    );
  }
  lines.push(t("prompt-post-count", { answered: counts.answered, asked: counts.asked }));
  if (!open) return { text: lines.join("\n") };
  const first = prompt.questions[0];
  if (!first) return { text: lines.join("\n") };
  if (many) {
    // Several questions are answered one after another in the private chat.
    lines.push(t("prompt-post-answer-privately"));
    return {
      text: lines.join("\n"),
      replyMarkup: new InlineKeyboard().url(
        t("prompt-answer-privately-button"),
        `https://t.me/${place.botUsername}?start=${ANSWER_PAYLOAD_PREFIX}${prompt.id}`,
      ),
    };
  }
  return {
    text: lines.join("\n"),
    replyMarkup: answerKeyboard(t, prompt, first, { privateChat: false, botUsername: place.botUsername }),
  };
}
