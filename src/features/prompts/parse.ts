// Reading `/ask [anon|ẩn danh] <question> [| <option> | <option> …] [hạn <date> [<time>]] [cho …]`
// (PRODUCT §4D, issue 11): pure, no grammY, no database. The result names the audience as typed
// (a party group's name or member references); the handler resolves them in the cell.
import { cleanText, foldText } from "../../clean-text.ts";
import { endOfLocalDay } from "../../datetime/calendar.ts";
import { parseDateTime, type DateTimeProblem } from "../../datetime/parse.ts";
import type { QuestionKind } from "../../db/repositories/prompts.ts";

export const MAX_QUESTION = 1000;
export const MAX_OPTION = 100;
/** Options longer than this are numbered on their buttons, with the full text in the message. */
export const BUTTON_OPTION = 40;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;
/** Without "hạn", a prompt stays open this many days. */
export const DEFAULT_OPEN_DAYS = 7;
/** Anonymity needs at least this many people, here and in the results (k-anonymity). */
export const MIN_ANONYMOUS = 3;

export type AskAudience =
  { kind: "cell" } | { kind: "group"; name: string } | { kind: "members"; refs: string[] };

export interface AskDraft {
  anonymous: boolean;
  question: string;
  kind: QuestionKind;
  options: string[];
  /** null: none typed (the preview sets the default, DEFAULT_OPEN_DAYS from then). */
  closesAt: Date | null;
  audience: AskAudience;
}

export type AskProblem =
  | { problem: "empty" }
  | { problem: "question-too-long" }
  | { problem: "one-option" }
  | { problem: "too-many-options" }
  | { problem: "duplicate-option"; option: string }
  | { problem: "option-too-long"; option: string }
  | { problem: "empty-option" }
  | { problem: "deadline"; reason: DateTimeProblem; given: string }
  | { problem: "audience-empty" };

const ANON_RE = /^(?:anon|ẩn danh|an danh)(?:\s+|$)/iu;
const DEADLINE_RE = /(?:^|\s)(?:hạn|han|deadline|due)\s+(.+)$/iu;
const AUDIENCE_RE = /(?:^|\s)(?:cho|for)\s+((?:tổ|to|group)\s+.+|@.+|#\d.*)$/iu;

/** Splits the trailing "hạn …" and "cho …" clauses (in either order) off a segment. */
function takeClauses(segment: string): { rest: string; deadline?: string; audience?: string } {
  let rest = segment;
  let deadline: string | undefined;
  let audience: string | undefined;
  for (let i = 0; i < 2; i++) {
    const d = deadline === undefined ? DEADLINE_RE.exec(rest) : null;
    const a = audience === undefined ? AUDIENCE_RE.exec(rest) : null;
    // The later clause is the trailing one: take it first.
    const pick = d && (!a || d.index > a.index) ? "d" : a ? "a" : null;
    if (pick === "d" && d) {
      deadline = d[1]!.trim();
      rest = rest.slice(0, d.index).trim();
    } else if (pick === "a" && a) {
      audience = a[1]!.trim();
      rest = rest.slice(0, a.index).trim();
    } else break;
  }
  return {
    rest,
    ...(deadline === undefined ? {} : { deadline }),
    ...(audience === undefined ? {} : { audience }),
  };
}

function readAudience(text: string | undefined): AskAudience | null {
  if (text === undefined) return { kind: "cell" };
  // The party group as typed ("tổ 1"); the handler compares it with the cell's group names.
  if (/^(?:tổ|to|group)\s+\S/iu.test(text)) return { kind: "group", name: text };
  const refs = text
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter((r) => r !== "");
  return refs.length === 0 ? null : { kind: "members", refs };
}

function kindOf(options: string[]): { kind: QuestionKind; options: string[] } {
  if (options.length === 0) return { kind: "text", options: [] };
  if (options.length === 1 && /^1\s*[-–]\s*5$/.test(options[0]!)) return { kind: "rating", options: [] };
  const folded = options.map((o) => foldText(o));
  const yesNo = folded.join("|");
  if (yesNo === "co|khong" || yesNo === "yes|no") return { kind: "yes_no", options };
  return { kind: "choice", options };
}

/** Why a question's text cannot be asked, or null when it can. */
export function questionProblem(question: string): AskProblem | null {
  if (question === "") return { problem: "empty" };
  if ([...question].length > MAX_QUESTION) return { problem: "question-too-long" };
  return null;
}

/** Why the options given cannot be a choice question's (2–10, none empty, long or repeated), or null. */
export function choiceProblem(options: readonly string[]): AskProblem | null {
  if (options.some((o) => o === "")) return { problem: "empty-option" };
  for (const o of options) if ([...o].length > MAX_OPTION) return { problem: "option-too-long", option: o };
  if (options.length < MIN_OPTIONS) return { problem: "one-option" };
  if (options.length > MAX_OPTIONS) return { problem: "too-many-options" };
  const seen = new Set<string>();
  for (const o of options) {
    const folded = foldText(o);
    if (seen.has(folded)) return { problem: "duplicate-option", option: o };
    seen.add(folded);
  }
  return null;
}

/**
 * 23:59 of the local day containing `at`: a deadline given as a day. Shown as "10/12 lúc 23:59",
 * where the day's exclusive end would read as the next day at 00:00.
 */
export function lastMinuteOfDay(at: Date, timeZone: string): Date {
  return new Date(endOfLocalDay(at, timeZone).getTime() - 60_000);
}

/** A typed deadline: the instant given, or the last minute of the day given without a time; never past. */
export function readDeadline(text: string, opts: { now: Date; timeZone: string }): Date | AskProblem {
  const at = parseDateTime(text, { now: opts.now, timeZone: opts.timeZone });
  if (!at.ok) return { problem: "deadline", reason: at.problem, given: text };
  const closesAt = at.hasTime ? at.at : lastMinuteOfDay(at.at, opts.timeZone);
  if (closesAt.getTime() <= opts.now.getTime()) return { problem: "deadline", reason: "past", given: text };
  return closesAt;
}

/** Reads the text after /ask. */
export function parseAsk(text: string, opts: { now: Date; timeZone: string }): AskDraft | AskProblem {
  let body = cleanText(text);
  let anonymous = false;
  const anon = ANON_RE.exec(body);
  if (anon) {
    anonymous = true;
    body = body.slice(anon[0].length).trim();
  }
  const segments = body.split("|").map((s) => s.trim());
  let deadline: string | undefined;
  let audienceText: string | undefined;
  // Clauses may trail the last segment or stand as segments of their own.
  while (segments.length > 0) {
    const last = segments[segments.length - 1]!;
    const { rest, deadline: d, audience: a } = takeClauses(last);
    if (d === undefined && a === undefined) break;
    deadline ??= d;
    audienceText ??= a;
    if (rest === "" && segments.length > 1) segments.pop();
    else {
      segments[segments.length - 1] = rest;
      break;
    }
  }
  const question = segments.shift() ?? "";
  const badQuestion = questionProblem(question);
  if (badQuestion) return badQuestion;
  const given = segments;
  if (given.some((o) => o === "")) return { problem: "empty-option" };
  for (const o of given) if ([...o].length > MAX_OPTION) return { problem: "option-too-long", option: o };
  const shaped = kindOf(given);
  if (shaped.kind === "choice") {
    const badOptions = choiceProblem(given);
    if (badOptions) return badOptions;
  }
  let closesAt: Date | null = null;
  if (deadline !== undefined) {
    const read = readDeadline(deadline, opts);
    if (!(read instanceof Date)) return read;
    closesAt = read;
  }
  const audience = readAudience(audienceText);
  if (!audience) return { problem: "audience-empty" };
  return { anonymous, question, kind: shaped.kind, options: shaped.options, closesAt, audience };
}

export function isProblem(parsed: AskDraft | AskProblem): parsed is AskProblem {
  return "problem" in parsed;
}
