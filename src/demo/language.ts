// The demo plays in Vietnamese or English: the bot's own texts follow the language of the ward it
// seeds (DEFAULT_LOCALE, so every member and group), and the operator-facing narration, what the
// people of the ward type and the names of its cells come from a small table per language kept
// beside the scene that prints them.
import type { Locale } from "../i18n.ts";

export type DemoLanguage = Locale;

/** Each language's version of a scene's texts, picked once per run. */
export type PerLanguage<T> = Record<DemoLanguage, T>;

/** Hồ Chí Minh City's calendar (UTC+7, no daylight saving) for the narration's dates and times. */
export function localParts(at: Date): {
  weekday: number;
  day: number;
  month: number;
  year: number;
  time: string;
} {
  const t = new Date(at.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return {
    weekday: t.getUTCDay(),
    day: t.getUTCDate(),
    month: t.getUTCMonth() + 1,
    year: t.getUTCFullYear(),
    time: `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`,
  };
}
