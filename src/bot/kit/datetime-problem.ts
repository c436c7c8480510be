// The answer to a date or time that could not be used: what is wrong with it, in the reader's words.
// An ambiguous text says what it leaves open ("7:30 sáng hay 19:30 tối?"), not a generic lesson.
import { localParts } from "../../datetime/calendar.ts";
import { DATETIME_AMBIGUITY_KEYS, DATETIME_PROBLEM_KEYS, type ParseFailure } from "../../datetime/parse.ts";
import { clip } from "./clip.ts";

type Translate = (key: string, vars?: Record<string, string>) => string;

/** "7:30 sáng", "15:00 chiều", "19:30 tối" ("7:30 in the morning"…): one reading of an hour. */
export function hourReading(t: Translate, at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  const time = `${p.hour}:${String(p.minute).padStart(2, "0")}`;
  if (p.hour < 12) return t("datetime-hour-morning", { time });
  return t(p.hour < 18 ? "datetime-hour-afternoon" : "datetime-hour-evening", { time });
}

/** The localised message of a failed date or time; `typed` is what the person wrote. */
export function dateTimeProblemText(
  t: Translate,
  failure: ParseFailure,
  typed: string,
  timeZone: string,
): string {
  const given = clip(typed.trim(), 64);
  const { ambiguity, choices } = failure;
  if (failure.problem === "ambiguous" && ambiguity !== undefined) {
    if (ambiguity !== "hour") return t(DATETIME_AMBIGUITY_KEYS[ambiguity], { given });
    const [first, second] = choices ?? [];
    if (first && second) {
      return t(DATETIME_AMBIGUITY_KEYS.hour, {
        given,
        first: hourReading(t, first, timeZone),
        second: hourReading(t, second, timeZone),
      });
    }
  }
  return t(DATETIME_PROBLEM_KEYS[failure.problem], { given, detail: failure.detail ?? "" });
}
