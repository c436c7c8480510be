// Reading the dates and times secretaries actually type, in Vietnamese or English, always day-first and
// always in an explicit time zone. A hand-written scanner (no chrono-node, no Date guessing): the text is
// split into words, each word (or short run of words) is recognised as a date, a weekday, a week or month
// modifier, a time, a part of the day or a filler word; anything else makes the whole text "unrecognised".
// The pieces are then combined; contradictions are "ambiguous", never guessed.
//
// Rules (the parse tests pin each of them down):
// - Dates are day-first: "05/12", "5/12/2026", "05-12", "5.12", "5/12/26" (= 2026), "ngày 5 tháng 12 [năm 2026]";
//   ISO "2026-12-05" is also read. "12/5" in English is still 12 May.
// - A year left out means the next occurrence that is not already past: today or later this year, otherwise
//   next year. If that is more than 10 months away (e.g. "27/11" typed on 28/11) the person almost surely meant
//   a day that has passed, so the answer is "past" (the message says to write the year if next year is meant).
// - Weekdays: "thứ 2".."thứ 7", "thứ hai".."thứ bảy", "T2".."T7", "chủ nhật", "CN", English names.
//   "thứ 6 tuần sau" / "tuần tới" / "next friday": that day in next week (weeks start on Monday);
//   "tuần sau nữa": the week after; "tuần này" / "this friday": this week (may be past);
//   "thứ 6 tới": the next Friday strictly after today; a bare "thứ 6": the next Friday — and if today is
//   Friday, bare "thứ 6" is "ambiguous" (today or in a week?), whatever the time.
//   A weekday written next to a date ("Thứ Sáu, 04/12/2026") must agree with it, otherwise "ambiguous".
// - Relative days: "hôm nay"/"nay"/"today", "mai"/"ngày mai"/"tomorrow", "ngày kia"/"mốt"/"ngày mốt"/
//   "day after tomorrow" (+2); "hôm qua", "hôm kia", "yesterday" are understood and are "past".
//   "cuối tháng" / "end of month": the last day of this month; "cuối tháng sau"/"tới", "end of next month".
//   "cuối tuần" (Saturday or Sunday?) is "ambiguous".
// - Times: "19h30", "19:30", "19h", "19g", "19g30", "8 giờ 30 [phút]", "7 giờ rưỡi" (7:30), "8 giờ kém 15"
//   (7:45), "7pm", "7:30 pm", "noon". With a part of the day: "sáng" 0–11; "trưa" 11–14 ("1h trưa" = 13:00,
//   "trưa" alone = 12:00); "chiều" 12–19 ("2h chiều" = 14:00); "tối" 17–23 ("7h tối" = 19:00);
//   "đêm"/"khuya" 21–23 and 0–4 ("11h đêm" = 23:00, "2h đêm" = 02:00 of that date). An hour outside the
//   part of the day ("15h sáng") is "impossible_time", as are "25:00", "24h" and "19h75".
// - Without a part of the day the 24-hour clock is assumed, except hours 1–6: "7h" is 07:00 and "19h" is
//   19:00, but "3h" or "6:30" could be morning or afternoon/evening, so they are "ambiguous". A leading zero
//   ("06:30", "05h") says the 24-hour clock is meant and is accepted.
// - Meetings (`meetingHours`): hours 7–11 without a part of the day are "ambiguous" too ("7h30": 07:30 in
//   the morning or 19:30 in the evening?); a leading zero ("07:30") still says the morning is meant.
// - An ambiguous text says what is ambiguous (`ambiguity`); an ambiguous hour also gives both readings
//   (`choices`, the instants still to come) so that a caller can offer them as buttons.
// - Midnight: "12h đêm", "12h tối" and "midnight" are "ambiguous" (the start or the end of the named day?);
//   "0h" / "00:00" / "12am" is the start of the named day.
// - Without a date, a time means today ("14h" → today 14:00; already past → "past").
// - Without a time the result is the start of the day with hasTime false; callers that need a time pass
//   `requireTime` (or call requireTime()) to get "missing_time". A date alone is "past" only if the day is.
// - With a time, an instant before `now` is "past" (unless `allowPast`).
// - Case, Vietnamese diacritics ("thu 6", "chu nhat", "chieu"), extra spaces and commas do not matter.
//   Without diacritics "toi" is "tới" (next) right after a weekday or "tuần", otherwise "tối" (evening).
import {
  addDays,
  addMonths,
  compareDates,
  isValidDate,
  lastDayOfMonth,
  localParts,
  weekdayOf,
  zonedTimeToUtc,
  type LocalDate,
  type LocalTime,
} from "./calendar.ts";

export type { LocalDate, LocalTime } from "./calendar.ts";

export const DATETIME_PROBLEMS = [
  "empty",
  "unrecognised",
  "impossible_date",
  "impossible_time",
  "ambiguous",
  "past",
  "missing_time",
] as const;
export type DateTimeProblem = (typeof DATETIME_PROBLEMS)[number];

/** What an "ambiguous" text leaves open, so that the answer can say it. */
export const AMBIGUITIES = [
  "hour",
  "midnight",
  "weekday_today",
  "weekend",
  "which_day",
  "weekday_mismatch",
  "two_days",
  "two_values",
] as const;
export type Ambiguity = (typeof AMBIGUITIES)[number];

/** The message of each ambiguity (locales/<locale>/common.ftl); "hour" is asked with its two readings. */
export const DATETIME_AMBIGUITY_KEYS = {
  hour: "datetime-ambiguous-hour",
  midnight: "datetime-ambiguous-midnight",
  weekday_today: "datetime-ambiguous-weekday-today",
  weekend: "datetime-ambiguous-weekend",
  which_day: "datetime-ambiguous-which-day",
  weekday_mismatch: "datetime-ambiguous-weekday-mismatch",
  two_days: "datetime-ambiguous-two-days",
  two_values: "datetime-ambiguous-two-values",
} as const satisfies Record<Ambiguity, string>;

/** The message of each problem (locales/<locale>/common.ftl), for every feature that reads dates. */
export const DATETIME_PROBLEM_KEYS = {
  empty: "datetime-problem-empty",
  unrecognised: "datetime-problem-unrecognised",
  impossible_date: "datetime-problem-impossible_date",
  impossible_time: "datetime-problem-impossible_time",
  ambiguous: "datetime-problem-ambiguous",
  past: "datetime-problem-past",
  missing_time: "datetime-problem-missing_time",
} as const satisfies Record<DateTimeProblem, string>;

export interface ParseOptions {
  /** The business clock's now (ctx.services.clock.now()). */
  now: Date;
  /** IANA zone of the organisation or cell, e.g. "Asia/Ho_Chi_Minh". */
  timeZone: string;
  /** Fail with "missing_time" when only a day is given. */
  requireTime?: boolean;
  /** Accept moments before `now` (e.g. recording something that happened). */
  allowPast?: boolean;
  /**
   * A meeting's time: hours 7–11 without a part of the day are "ambiguous" as well (a meeting at
   * "7h30" is as likely in the evening as in the morning).
   */
  meetingHours?: boolean;
}

export interface ParseFailure {
  ok: false;
  problem: DateTimeProblem;
  /** For logs and tests, not for users (localise with DATETIME_PROBLEM_KEYS instead). */
  detail?: string;
  /** With "ambiguous": what is left open (localise with DATETIME_AMBIGUITY_KEYS). */
  ambiguity?: Ambiguity;
  /** With an ambiguous hour: its two readings, earlier first (07:30 and 19:30); one may be past. */
  choices?: Date[];
}

export interface DateTimeOk {
  ok: true;
  /** The instant; midnight at the start of the local day when hasTime is false. */
  at: Date;
  hasTime: boolean;
  /** The calendar day in the given zone. */
  date: LocalDate;
  /** The wall-clock time, when one was given. */
  time?: LocalTime;
}

export type DateTimeResult = DateTimeOk | ParseFailure;
export type DateResult = (DateTimeOk & { hasTime: false }) | ParseFailure;
export type TimeResult = { ok: true; hour: number; minute: number } | ParseFailure;

/** Longer texts are not a date (and are not worth scanning). */
const MAX_LENGTH = 120;

type Period = "morning" | "noon" | "afternoon" | "evening" | "night";

interface Token {
  /** lower case, with diacritics */
  raw: string;
  /** lower case, diacritics removed, đ → d */
  f: string;
}

interface ClockTime {
  hour: number;
  minute: number;
  zeroPadded: boolean;
  meridiem?: "am" | "pm";
}

interface Found {
  explicit?: { day: number; month: number; year?: number };
  relative?: number;
  weekday?: number;
  weekOffset?: number;
  upcoming?: boolean;
  monthEnd?: number;
  time?: ClockTime;
  period?: Period;
}

type Kind = "date" | "weekday" | "week" | "time" | "period" | "filler";
type Step = { consumed: number; kind: Kind } | ParseFailure;

function fail(problem: DateTimeProblem, detail?: string): ParseFailure {
  return detail === undefined ? { ok: false, problem } : { ok: false, problem, detail };
}

function unclear(ambiguity: Ambiguity, detail: string): ParseFailure {
  return { ok: false, problem: "ambiguous", detail, ambiguity };
}

function isFailure(x: unknown): x is ParseFailure {
  return typeof x === "object" && x !== null && (x as { ok?: unknown }).ok === false;
}

/** Removes Vietnamese diacritics character by character, so raw and folded strings stay aligned. */
export function foldVietnamese(text: string): string {
  let out = "";
  for (const ch of text) {
    if (ch === "đ") out += "d";
    else if (ch === "Đ") out += "D";
    else out += ch.normalize("NFD").replace(/\p{M}/gu, "");
  }
  return out;
}

function tokenize(text: string): Token[] {
  const lower = text.normalize("NFC").toLowerCase();
  return lower
    .replace(/[,;|()[\]!?"“”]/g, " ")
    .split(/\s+/)
    .map((w) => w.replace(/\.+$/, ""))
    .filter((w) => w !== "")
    .map((raw) => ({ raw, f: foldVietnamese(raw) }));
}

const FILLERS = new Set(["luc", "vao", "at", "on", "the", "in", "by", "-", "–", "—", "@", "buoi", "ban"]);

const VI_WEEKDAY_WORDS: Record<string, number> = {
  hai: 1,
  ba: 2,
  tu: 3,
  bon: 3,
  nam: 4,
  sau: 5,
  bay: 6,
};
/** Words after "thứ" that are numbers but no weekday: "thứ nhất", "thứ tám", "thứ một". */
const VI_NOT_WEEKDAY_WORDS = new Set(["nhat", "mot", "tam", "chin", "muoi"]);

const EN_WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

const PERIOD_WORDS: Record<string, Period> = {
  sang: "morning",
  morning: "morning",
  trua: "noon",
  noon: "noon",
  chieu: "afternoon",
  afternoon: "afternoon",
  toi: "evening",
  evening: "evening",
  dem: "night",
  khuya: "night",
  night: "night",
};

const NUMBER = /^\d{1,2}$/;
const DATE_DMY = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/;
const DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TIME_UNIT = /^(\d{1,2})(h|g|gio)(\d{1,2})?(?:p|ph|phut)?$/;
const TIME_COLON = /^(\d{1,2}):(\d{2})$/;
const TIME_MERIDIEM = /^(\d{1,2})(?::(\d{2}))?(am|pm)$/;
const WEEKDAY_COMPACT = /^(?:thu|th|t)(\d)$/;

function weekdayFromNumber(n: number): number | ParseFailure {
  // thứ 2 = Monday … thứ 7 = Saturday; JS numbering is 0 = Sunday.
  if (n >= 2 && n <= 7) return n - 1;
  return fail("impossible_date", `thứ ${n}`);
}

function startsDate(t: Token | undefined): boolean {
  if (!t) return false;
  return (
    DATE_DMY.test(t.f) ||
    DATE_ISO.test(t.f) ||
    WEEKDAY_COMPACT.test(t.f) ||
    ["thu", "cn", "chu", "ngay", "hom", "mai", "mot"].includes(t.f) ||
    t.f in EN_WEEKDAYS
  );
}

class Scanner {
  readonly found: Found = {};
  private prev: Kind | undefined;

  constructor(private readonly tokens: Token[]) {}

  run(): Found | ParseFailure {
    let i = 0;
    while (i < this.tokens.length) {
      const step = this.step(i);
      if (isFailure(step)) return step;
      i += step.consumed;
      this.prev = step.kind;
    }
    return this.found;
  }

  private f(i: number): string | undefined {
    return this.tokens[i]?.f;
  }

  private set<K extends keyof Found>(key: K, value: Found[K]): ParseFailure | undefined {
    const old = this.found[key];
    if (old !== undefined && JSON.stringify(old) !== JSON.stringify(value)) {
      return unclear("two_values", `two values for ${key}`);
    }
    this.found[key] = value;
    return undefined;
  }

  private ok(consumed: number, kind: Kind, problem?: ParseFailure): Step {
    return problem ?? { consumed, kind };
  }

  private step(i: number): Step {
    const tok = this.tokens[i]!;
    const t = tok.f;
    const n1 = this.f(i + 1);
    const n2 = this.f(i + 2);

    // Numeric dates.
    let m = DATE_ISO.exec(t);
    if (m) {
      return this.ok(1, "date", this.set("explicit", { year: +m[1]!, month: +m[2]!, day: +m[3]! }));
    }
    m = DATE_DMY.exec(t);
    if (m) {
      const year = m[3] === undefined ? undefined : m[3].length === 2 ? 2000 + +m[3] : +m[3];
      return this.ok(1, "date", this.set("explicit", { day: +m[1]!, month: +m[2]!, year }));
    }
    // "5 tháng 12 [năm 2026]" (after an optional "ngày").
    if (NUMBER.test(t) && n1 === "thang" && n2 !== undefined && NUMBER.test(n2)) {
      let year: number | undefined;
      let consumed = 3;
      const n4 = this.f(i + 4);
      if (this.f(i + 3) === "nam" && n4 !== undefined && /^\d{4}$/.test(n4)) {
        year = +n4;
        consumed = 5;
      }
      return this.ok(consumed, "date", this.set("explicit", { day: +t, month: +n2, year }));
    }

    // Relative days.
    if (t === "ngay" || t === "hom") {
      const offset =
        t === "ngay" ? { mai: 1, kia: 2, mot: 2 }[n1 ?? ""] : { nay: 0, qua: -1, kia: -2 }[n1 ?? ""];
      if (offset !== undefined) return this.ok(2, "date", this.set("relative", offset));
      return { consumed: 1, kind: "filler" }; // "ngày 5/12", "hôm thứ 6"
    }
    const single: Record<string, number> = { nay: 0, today: 0, mai: 1, tomorrow: 1, mot: 2, yesterday: -1 };
    if (t in single) return this.ok(1, "date", this.set("relative", single[t]));
    if (t === "tonight") {
      return this.ok(1, "date", this.set("relative", 0) ?? this.set("period", "evening"));
    }
    if (t === "day" && n1 === "after" && n2 === "tomorrow") {
      return this.ok(3, "date", this.set("relative", 2));
    }

    // Weekdays.
    m = WEEKDAY_COMPACT.exec(t);
    if (m) {
      const wd = weekdayFromNumber(+m[1]!);
      return isFailure(wd) ? wd : this.ok(1, "weekday", this.set("weekday", wd));
    }
    if (t === "thu" && n1 !== undefined) {
      let wd: number | ParseFailure | undefined;
      if (/^\d{1,2}$/.test(n1)) wd = weekdayFromNumber(+n1);
      else if (n1 in VI_WEEKDAY_WORDS) wd = VI_WEEKDAY_WORDS[n1];
      else if (VI_NOT_WEEKDAY_WORDS.has(n1)) wd = fail("impossible_date", `thứ ${n1}`);
      if (wd !== undefined) return isFailure(wd) ? wd : this.ok(2, "weekday", this.set("weekday", wd));
    }
    if ((t === "chu" && n1 === "nhat") || t === "cn" || t === "chunhat") {
      return this.ok(t === "chu" ? 2 : 1, "weekday", this.set("weekday", 0));
    }
    if (t in EN_WEEKDAYS) return this.ok(1, "weekday", this.set("weekday", EN_WEEKDAYS[t]));
    if ((t === "next" || t === "this") && n1 !== undefined) {
      const offset = t === "next" ? 1 : 0;
      if (n1 in EN_WEEKDAYS) {
        return this.ok(2, "weekday", this.set("weekday", EN_WEEKDAYS[n1]) ?? this.set("weekOffset", offset));
      }
      if (n1 === "week") return this.ok(2, "week", this.set("weekOffset", offset));
      if (t === "this" && n1 in PERIOD_WORDS) {
        return this.ok(2, "period", this.set("relative", 0) ?? this.set("period", PERIOD_WORDS[n1]));
      }
    }

    // Week and month modifiers.
    if (t === "tuan") {
      let offset: number | undefined = { sau: 1, toi: 1, nay: 0 }[n1 ?? ""];
      if (offset === undefined) return fail("unrecognised", tok.raw);
      let consumed = 2;
      if (offset === 1 && n2 === "nua") {
        offset = 2;
        consumed = 3;
      }
      return this.ok(consumed, "week", this.set("weekOffset", offset));
    }
    if (t === "cuoi" && n1 === "tuan") return unclear("weekend", "cuối tuần: thứ 7 hay chủ nhật?");
    if (t === "cuoi" && n1 === "thang") {
      const offset = { nay: 0, sau: 1, toi: 1 }[n2 ?? ""];
      return this.ok(offset === undefined ? 2 : 3, "date", this.set("monthEnd", offset ?? 0));
    }
    if (t === "end" && n1 === "of") {
      let j = i + 2;
      if (this.f(j) === "the") j++;
      let offset = 0;
      if (this.f(j) === "this") j++;
      else if (this.f(j) === "next") {
        offset = 1;
        j++;
      }
      if (this.f(j) === "month") return this.ok(j + 1 - i, "date", this.set("monthEnd", offset));
      return fail("unrecognised", tok.raw);
    }

    // "tới" (next) after a weekday; without diacritics "toi" right after a weekday or "tuần" is "tới" too.
    if (t === "toi" && (tok.raw === "tới" || (tok.raw !== "tối" && this.prev === "weekday"))) {
      if (this.prev !== "weekday") return fail("unrecognised", tok.raw);
      return this.ok(1, "week", this.set("upcoming", true));
    }

    // Times.
    const time = this.time(i);
    if (time) return time;

    // Parts of the day ("sang" without diacritics before a date may also be "sang" = "to": "dời sang thứ 6").
    if (t in PERIOD_WORDS) {
      if (tok.raw === "sang" && this.prev !== "time" && startsDate(this.tokens[i + 1])) {
        return { consumed: 1, kind: "filler" };
      }
      return this.ok(1, "period", this.set("period", PERIOD_WORDS[t]));
    }
    if (t === "midnight") return unclear("midnight", "midnight");

    if (FILLERS.has(t)) return { consumed: 1, kind: "filler" };
    return fail("unrecognised", tok.raw);
  }

  /** A time starting at token i, with its continuations ("8 giờ 30 phút", "7 giờ rưỡi", "7:30 pm"). */
  private time(i: number): Step | undefined {
    const t = this.f(i)!;
    let hourText: string;
    let minute: number | undefined;
    let meridiem: "am" | "pm" | undefined;
    let j = i + 1;
    let unit = false;

    const compact = t.replace(/\./g, "");
    let m = TIME_MERIDIEM.exec(compact);
    if (m) {
      hourText = m[1]!;
      if (m[2] !== undefined) minute = +m[2];
      meridiem = m[3] as "am" | "pm";
    } else if ((m = TIME_UNIT.exec(t))) {
      hourText = m[1]!;
      unit = true;
      if (m[3] !== undefined) minute = +m[3];
    } else if ((m = TIME_COLON.exec(t))) {
      hourText = m[1]!;
      minute = +m[2]!;
    } else if (NUMBER.test(t)) {
      const next = this.f(j);
      if (next === "h" || next === "g" || next === "gio") {
        unit = true;
        j++;
      } else if (next === undefined || !(next in PERIOD_WORDS || next === "am" || next === "pm")) {
        return undefined; // a bare number: not a time
      }
      hourText = t;
    } else {
      return undefined;
    }

    // Continuations after "8 giờ" / "8h".
    if (unit && minute === undefined) {
      const next = this.f(j);
      if (next !== undefined && NUMBER.test(next)) {
        minute = +next;
        j++;
        const after = this.f(j);
        if (after === "phut" || after === "p" || after === "ph") j++;
      } else if (next === "ruoi") {
        minute = 30;
        j++;
      } else if (next === "kem") {
        const by = this.f(j + 1);
        if (by === undefined || !NUMBER.test(by)) return fail("unrecognised", "kém");
        const less = +by;
        if (less < 1 || less > 59) return fail("impossible_time", `kém ${less}`);
        j += 2;
        if (this.f(j) === "phut" || this.f(j) === "p") j++;
        const h = +hourText - 1;
        hourText = String(h < 0 ? 23 : h);
        minute = 60 - less;
      }
    }
    if (meridiem === undefined) {
      const next = this.f(j);
      if (next === "am" || next === "pm") {
        meridiem = next;
        j++;
      }
    }

    const hour = +hourText;
    const min = minute ?? 0;
    if (hour > 23 || min > 59) return fail("impossible_time", `${hour}:${min}`);
    const value: ClockTime = { hour, minute: min, zeroPadded: hourText.length === 2 && hourText[0] === "0" };
    if (meridiem) value.meridiem = meridiem;
    return this.ok(j - i, "time", this.set("time", value));
  }
}

/** The 24-hour clock value of a time, given its part of the day; undefined for "no time". */
function resolveClock(
  time: ClockTime | undefined,
  period: Period | undefined,
  meetingHours = false,
): LocalTime | ParseFailure | undefined {
  if (!time) return period === "noon" ? { hour: 12, minute: 0 } : undefined;
  const { minute } = time;
  let hour = time.hour;
  if (time.meridiem) {
    if (hour < 1 || hour > 12) return fail("impossible_time", `${hour} ${time.meridiem}`);
    hour = time.meridiem === "am" ? hour % 12 : (hour % 12) + 12;
    if (!period) return { hour, minute };
    const check = withPeriod(hour, period);
    if (isFailure(check)) return check;
    if (check !== hour) return fail("impossible_time", `${time.hour}${time.meridiem} ${period}`);
    return { hour, minute };
  }
  if (period) {
    const resolved = withPeriod(hour, period);
    return isFailure(resolved) ? resolved : { hour: resolved, minute };
  }
  const unclearHour = hour >= 1 && (hour <= 6 || (meetingHours && hour <= 11));
  if (unclearHour && !time.zeroPadded) return unclear("hour", `${hour}h: sáng hay chiều/tối?`);
  return { hour, minute };
}

function withPeriod(hour: number, period: Period): number | ParseFailure {
  const bad = fail("impossible_time", `${hour}h ${period}`);
  const midnight = unclear("midnight", "12h đêm");
  switch (period) {
    case "morning":
      return hour <= 11 ? hour : bad;
    case "noon":
      if (hour === 11 || hour === 12 || hour === 13 || hour === 14) return hour;
      return hour === 1 || hour === 2 ? hour + 12 : bad;
    case "afternoon":
      if (hour === 12 || (hour >= 13 && hour <= 19)) return hour;
      return hour >= 1 && hour <= 7 ? hour + 12 : bad;
    case "evening":
      if (hour === 12) return midnight;
      if (hour >= 17 && hour <= 23) return hour;
      return hour >= 5 && hour <= 11 ? hour + 12 : bad;
    case "night":
      if (hour === 12) return midnight;
      if (hour <= 4 || (hour >= 21 && hour <= 23)) return hour;
      return hour >= 9 && hour <= 11 ? hour + 12 : bad;
  }
}

/** Monday = 0 … Sunday = 6. */
const mondayIndex = (weekday: number): number => (weekday + 6) % 7;

function explicitDate(
  e: { day: number; month: number; year?: number },
  today: LocalDate,
): LocalDate | ParseFailure {
  const given = `${e.day}/${e.month}${e.year === undefined ? "" : `/${e.year}`}`;
  if (e.month < 1 || e.month > 12 || e.day < 1 || e.day > 31) return fail("impossible_date", given);
  if (e.year !== undefined) {
    const date = { year: e.year, month: e.month, day: e.day };
    if (e.year < 1900 || e.year > 2999 || !isValidDate(date)) return fail("impossible_date", given);
    return date;
  }
  const thisYear = { year: today.year, month: e.month, day: e.day };
  const nextYear = { year: today.year + 1, month: e.month, day: e.day };
  if (!isValidDate(thisYear) && !isValidDate(nextYear)) return fail("impossible_date", given);
  if (isValidDate(thisYear) && compareDates(thisYear, today) >= 0) return thisYear;
  if (!isValidDate(nextYear) || compareDates(nextYear, addMonths(today, 10)) > 0) {
    return fail("past", `${given}: passed this year, next year is too far to be meant`);
  }
  return nextYear;
}

function resolveDate(found: Found, today: LocalDate): LocalDate | ParseFailure | undefined {
  const concrete: LocalDate[] = [];
  if (found.explicit) {
    const d = explicitDate(found.explicit, today);
    if (isFailure(d)) return d;
    concrete.push(d);
  }
  if (found.relative !== undefined) concrete.push(addDays(today, found.relative));
  if (found.monthEnd !== undefined) {
    const month = addMonths({ year: today.year, month: today.month, day: 1 }, found.monthEnd);
    concrete.push(lastDayOfMonth(month.year, month.month));
  }
  for (const d of concrete.slice(1)) {
    if (compareDates(d, concrete[0]!) !== 0) return unclear("two_days", "two different days");
  }

  let fromWeekday: LocalDate | undefined;
  if (found.weekday !== undefined) {
    const wd = found.weekday;
    const todayWd = weekdayOf(today);
    if (found.weekOffset !== undefined) {
      const monday = addDays(today, -mondayIndex(todayWd));
      fromWeekday = addDays(monday, 7 * found.weekOffset + mondayIndex(wd));
    } else {
      const delta = (wd - todayWd + 7) % 7;
      if (found.upcoming) fromWeekday = addDays(today, delta === 0 ? 7 : delta);
      else if (delta !== 0) fromWeekday = addDays(today, delta);
      else if (concrete.length === 0)
        return unclear("weekday_today", "that weekday is today: today or next week?");
    }
    const first = concrete[0];
    if (first) {
      if (weekdayOf(first) !== wd) return unclear("weekday_mismatch", "weekday does not match the date");
      if (fromWeekday && compareDates(fromWeekday, first) !== 0) {
        return unclear("weekday_mismatch", "week does not match the date");
      }
    }
  } else if (found.weekOffset !== undefined || found.upcoming) {
    if (concrete.length === 0) return unclear("which_day", "which day of that week?");
  }
  return concrete[0] ?? fromWeekday;
}

interface Mode {
  wantDate: boolean;
  wantTime: boolean;
}

function parse(text: string, opts: ParseOptions, mode: Mode): DateTimeResult {
  if (text.trim() === "") return fail("empty");
  if (text.length > MAX_LENGTH) return fail("unrecognised", "too long");
  const tokens = tokenize(text);
  if (tokens.length === 0) return fail("unrecognised");
  const found = new Scanner(tokens).run();
  if (isFailure(found)) return found;

  const hasDatePart =
    found.explicit !== undefined ||
    found.relative !== undefined ||
    found.monthEnd !== undefined ||
    found.weekday !== undefined ||
    found.weekOffset !== undefined ||
    found.upcoming !== undefined;
  const clock = resolveClock(found.time, found.period, opts.meetingHours === true);
  if (isFailure(clock)) return clock.ambiguity === "hour" ? withChoices(clock, found, opts) : clock;
  if (!mode.wantDate && hasDatePart) return fail("unrecognised", "a date where only a time is expected");
  if (!mode.wantTime && clock) return fail("unrecognised", "a time where only a date is expected");
  if (!hasDatePart && !clock) return fail("unrecognised", "neither a date nor a time");

  const now = localParts(opts.now, opts.timeZone);
  const today: LocalDate = { year: now.year, month: now.month, day: now.day };
  const date = resolveDate(found, today);
  if (isFailure(date)) return date;
  const day = date ?? today;

  const at = zonedTimeToUtc(day, clock ?? { hour: 0, minute: 0 }, opts.timeZone);
  if (!opts.allowPast) {
    if (clock ? at.getTime() < opts.now.getTime() : compareDates(day, today) < 0) {
      return fail("past", clock ? "that moment has passed" : "that day has passed");
    }
  }
  if (!clock) {
    if (opts.requireTime) return fail("missing_time");
    return { ok: true, at, hasTime: false, date: day };
  }
  return { ok: true, at, hasTime: true, date: day, time: clock };
}

/**
 * An ambiguous hour with its two readings (morning, and 12 hours later) on the day the text names;
 * "past" when both have passed, the day's own problem (impossible…) when it has one.
 */
function withChoices(failure: ParseFailure, found: Found, opts: ParseOptions): ParseFailure {
  const time = found.time;
  if (!time) return failure;
  const now = localParts(opts.now, opts.timeZone);
  const today: LocalDate = { year: now.year, month: now.month, day: now.day };
  const date = resolveDate(found, today);
  if (isFailure(date)) return date;
  const day = date ?? today;
  const choices = [time.hour, time.hour + 12].map((hour) =>
    zonedTimeToUtc(day, { hour, minute: time.minute }, opts.timeZone),
  );
  const later = choices[1]!;
  if (opts.allowPast !== true && later.getTime() < opts.now.getTime()) {
    return fail("past", "both readings of the hour have passed");
  }
  return { ...failure, choices };
}

/**
 * Reads a date, a time or both ("thứ 6 tuần sau 19h30", "05/12 19:30", "mai 7h tối") in `opts.timeZone`.
 * See the rules at the top of this file.
 */
export function parseDateTime(text: string, opts: ParseOptions): DateTimeResult {
  return parse(text, opts, { wantDate: true, wantTime: true });
}

/** Reads a day only ("05/12", "thứ 6 tuần sau", "cuối tháng"); a time in the text is "unrecognised". */
export function parseDate(text: string, opts: Omit<ParseOptions, "requireTime">): DateResult {
  return parse(text, { ...opts, requireTime: false }, { wantDate: true, wantTime: false }) as DateResult;
}

/** Reads a wall-clock time only ("19h30", "7h tối", "2 giờ chiều"); no date, no zone, no past check. */
export function parseTime(text: string): TimeResult {
  if (text.trim() === "") return fail("empty");
  if (text.length > MAX_LENGTH) return fail("unrecognised", "too long");
  const found = new Scanner(tokenize(text)).run();
  if (isFailure(found)) return found;
  const hasDatePart =
    found.explicit !== undefined ||
    found.relative !== undefined ||
    found.monthEnd !== undefined ||
    found.weekday !== undefined ||
    found.weekOffset !== undefined ||
    found.upcoming !== undefined;
  if (hasDatePart) return fail("unrecognised", "a date where only a time is expected");
  const clock = resolveClock(found.time, found.period);
  if (isFailure(clock)) return clock;
  if (!clock) return fail("unrecognised", "no time");
  return { ok: true, hour: clock.hour, minute: clock.minute };
}

/** Turns a day without a time into the "missing_time" problem. */
export function requireTime(result: DateTimeResult): DateTimeResult {
  if (result.ok && !result.hasTime) return fail("missing_time");
  return result;
}

/**
 * The typed text, trimmed and shortened, for the `{ $given }` of the `datetime-problem-*` messages
 * (a 4,096-character input must not be echoed back whole).
 */
export function givenForMessage(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  const chars = [...oneLine];
  return chars.length <= max ? oneLine : `${chars.slice(0, max - 1).join("")}…`;
}
