// The built-in renderer for kind "text": payload `{ text }` sends literally, payload
// `{ key, vars?, locale? }` is translated at send time (so a fix to a .ftl file reaches rows already
// written).
import type { ParseMode } from "grammy/types";
import type { Translator } from "../i18n.ts";
import { PermanentRenderError, type RenderedDelivery, type Renderer } from "./types.ts";

export type Translate = Translator;
type TranslationVars = Parameters<Translator>[2];

export type TextPayload =
  | { text: string; parseMode?: ParseMode }
  | { key: string; vars?: Record<string, unknown>; locale?: string; parseMode?: ParseMode };

export interface TextRendererOptions {
  translate?: Translate;
  /** Locale for keyed payloads that name none. */
  defaultLocale?: string;
}

const PARSE_MODES: readonly string[] = ["HTML", "Markdown", "MarkdownV2"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function createTextRenderer(options: TextRendererOptions = {}): Renderer {
  const defaultLocale = options.defaultLocale ?? "vi";
  // Throws become rejections, as the scheduler expects of a renderer.
  return (row) => Promise.resolve(row.payload).then(render);

  function render(payload: unknown): RenderedDelivery {
    if (!isRecord(payload)) throw new PermanentRenderError("text payload is not an object");
    const parseMode =
      typeof payload.parseMode === "string" && PARSE_MODES.includes(payload.parseMode)
        ? (payload.parseMode as ParseMode)
        : undefined;
    let text: string;
    if (typeof payload.text === "string") {
      text = payload.text;
    } else if (typeof payload.key === "string") {
      if (!options.translate) throw new PermanentRenderError("keyed text payload but no translate function");
      const locale = typeof payload.locale === "string" ? payload.locale : defaultLocale;
      // Payloads come from JSON, so their values are strings and numbers, which Fluent accepts.
      const vars = isRecord(payload.vars) ? (payload.vars as TranslationVars) : undefined;
      text = options.translate(locale, payload.key, vars);
    } else {
      throw new PermanentRenderError("text payload has neither text nor key");
    }
    if (text.trim() === "") throw new PermanentRenderError("rendered text is empty");
    return parseMode ? { text, parseMode } : { text };
  }
}
