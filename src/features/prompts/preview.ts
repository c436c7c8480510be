// The one ending of /ask, typed or guided: the prompt saved as a draft and shown to the secretary as
// it will be posted, with who is asked and until when, and [📨 Gửi câu hỏi] / [Hủy]. Nothing reaches
// the members before the press (handlers.ts posts the draft).
import { InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { clip } from "../../bot/kit/clip.ts";
import { formatDateTime } from "../../datetime/format.ts";
import { DATETIME_PROBLEM_KEYS, givenForMessage } from "../../datetime/parse.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { QuestionKind } from "../../db/repositories/prompts.ts";
import { cellLocale } from "../meetings/announcement.ts";
import {
  DEFAULT_OPEN_DAYS,
  MAX_OPTION,
  MAX_OPTIONS,
  MAX_QUESTION,
  MIN_ANONYMOUS,
  type AskProblem,
} from "./parse.ts";
import { PROMPT_DATA, groupPost, translatorFor } from "./render.ts";

/** Who is asked, resolved in the cell. */
export type AskAudienceChoice =
  { kind: "cell" } | { kind: "group"; id: number; name: string } | { kind: "members"; memberIds: number[] };

export interface AskSpec {
  anonymous: boolean;
  question: string;
  kind: QuestionKind;
  options: string[];
  /** "default": DEFAULT_OPEN_DAYS from now; null: open until /close_ask. */
  closesAt: Date | null | "default";
  audience: AskAudienceChoice;
}

export function askProblemText(ctx: BotContext, p: AskProblem): string {
  switch (p.problem) {
    case "empty":
      return ctx.t("ask-usage");
    case "question-too-long":
      return ctx.t("ask-question-too-long", { max: MAX_QUESTION });
    case "one-option":
      return ctx.t("ask-one-option");
    case "too-many-options":
      return ctx.t("ask-too-many-options", { max: MAX_OPTIONS });
    case "duplicate-option":
      return ctx.t("ask-duplicate-option", { option: clip(p.option, 60) });
    case "option-too-long":
      return ctx.t("ask-option-too-long", { option: clip(p.option, 40), max: MAX_OPTION });
    case "empty-option":
      return ctx.t("ask-empty-option");
    case "audience-empty":
      return ctx.t("ask-audience-empty");
    case "deadline":
      return `${ctx.t("ask-deadline-problem")} ${ctx.t(DATETIME_PROBLEM_KEYS[p.reason], { given: givenForMessage(p.given) })}`;
  }
}

/**
 * Saves the prompt as a draft and replies with its preview; false (after a clear answer, with
 * nothing kept) when an anonymous prompt would ask fewer than MIN_ANONYMOUS members.
 */
export async function previewAsk(ctx: BotContext, cell: CellView, spec: AskSpec): Promise<boolean> {
  const { repos, clock } = ctx.services;
  const { audience } = spec;
  if (spec.anonymous && audience.kind === "members" && audience.memberIds.length < MIN_ANONYMOUS) {
    await ctx.reply(ctx.t("ask-anonymous-too-few", { min: MIN_ANONYMOUS }));
    return false;
  }
  const now = clock.now();
  // The default deadline is fixed now, so that the post says what the preview said.
  const closesAt =
    spec.closesAt === "default" ? new Date(now.getTime() + DEFAULT_OPEN_DAYS * 86_400_000) : spec.closesAt;
  const prompt = await repos.prompts.createPrompt({
    organisationId: cell.organisationId,
    cellId: cell.id,
    kind: "custom",
    anonymous: spec.anonymous,
    audience: audience.kind,
    partyGroupId: audience.kind === "group" ? audience.id : null,
    targetMemberIds: audience.kind === "members" ? audience.memberIds : [],
    createdByMemberId: ctx.caller?.member?.id ?? null,
    opensAt: now,
    closesAt,
    state: "draft",
    questions: [{ kind: spec.kind, text: spec.question, options: spec.options }],
  });
  const asked = await repos.prompts.audience(prompt);
  if (spec.anonymous && asked.length < MIN_ANONYMOUS) {
    await repos.prompts.deleteDraft(prompt.id);
    await ctx.reply(ctx.t("ask-anonymous-too-few", { min: MIN_ANONYMOUS }));
    return false;
  }
  const loc = await cellLocale(ctx.services, cell.id);
  const locale = await ctx.i18n.getLocale();
  const preview = groupPost(
    translatorFor(ctx.services, locale),
    { ...prompt, state: "open" },
    { answered: 0, asked: asked.length },
    { timeZone: loc.timeZone, locale, botUsername: ctx.me.username },
  );
  const audienceLine =
    audience.kind === "group"
      ? ctx.t("ask-preview-audience-group", { name: audience.name, count: asked.length })
      : audience.kind === "members"
        ? ctx.t("ask-preview-audience-members", { count: asked.length })
        : ctx.t("ask-preview-audience-cell", { count: asked.length });
  await ctx.reply(
    [
      ctx.t("ask-preview-header"),
      "",
      preview.text,
      "",
      audienceLine,
      closesAt
        ? ctx.t("ask-preview-closes", { when: formatDateTime(closesAt, loc.timeZone, locale) })
        : ctx.t("ask-preview-no-deadline", { ref: prompt.id }),
    ].join("\n"),
    {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("ask-post-button"), `${PROMPT_DATA}:p:${prompt.id}`)
        .text(ctx.t("ask-drop-button"), `${PROMPT_DATA}:x:${prompt.id}`),
    },
  );
  return true;
}
