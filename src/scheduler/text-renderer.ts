// The built-in job of kind "text" (one message): payload `{ text }` sends literally, payload
// `{ key, vars?, locale? }` is translated at send time (so a fix to a .ftl file reaches rows already
// written).
import type { ParseMode } from "grammy/types";
import type { Translator } from "../i18n.ts";
import { PermanentJobError, singleMessageJob, type Job, type JobMessage } from "./jobs.ts";

export type Translate = Translator;
type TranslationVars = Parameters<Translator>[2];

export type TextPayload =
  | { text: string; parseMode?: ParseMode }
  | { key: string; vars?: Record<string, unknown>; locale?: string; parseMode?: ParseMode };

export interface TextJobOptions {
  translate?: Translate;
  /** Locale for keyed payloads that name none. */
  defaultLocale?: string;
}

const PARSE_MODES: readonly string[] = ["HTML", "Markdown", "MarkdownV2"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function createTextJob(options: TextJobOptions = {}): Job {
  const defaultLocale = options.defaultLocale ?? "vi";
  // Throws become rejections, as the scheduler expects of a job.
  return singleMessageJob((row) => Promise.resolve(row.payload).then(render));

  function render(payload: unknown): JobMessage {
    if (!isRecord(payload)) throw new PermanentJobError("text payload is not an object");
    const parseMode =
      typeof payload.parseMode === "string" && PARSE_MODES.includes(payload.parseMode)
        ? (payload.parseMode as ParseMode)
        : undefined;
    let text: string;
    if (typeof payload.text === "string") {
      text = payload.text;
    } else if (typeof payload.key === "string") {
      if (!options.translate) throw new PermanentJobError("keyed text payload but no translate function");
      const locale = typeof payload.locale === "string" ? payload.locale : defaultLocale;
      // Payloads come from JSON, so their values are strings and numbers, which Fluent accepts.
      const vars = isRecord(payload.vars) ? (payload.vars as TranslationVars) : undefined;
      text = options.translate(locale, payload.key, vars);
    } else {
      throw new PermanentJobError("text payload has neither text nor key");
    }
    if (text.trim() === "") throw new PermanentJobError("rendered text is empty");
    return parseMode ? { text, parseMode } : { text };
  }
}
