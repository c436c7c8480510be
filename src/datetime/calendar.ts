// The one module for calendar arithmetic in an explicit IANA time zone: the date reader, the meeting
// schedule, the reminder planner and the renderers share it. A LocalDate is a calendar day as people in
// the zone see it; instants are plain Dates (UTC inside). Zone rules come from Intl (the ICU data Node
// ships); nothing here reads the host's zone or the process's current time, so every answer depends
// only on its arguments (the injected clock is the only "now").
//
// Not on dayjs: its timezone plugin got our tables wrong (see test/unit/calendar.test.ts). Arithmetic
// on a zoned dayjs keeps the starting UTC offset, so adding days or months across a daylight-saving
// change lands an hour off, and dayjs.tz() resolves a repeated wall time (the autumn change) from the
// offset at the moment the code runs, giving different instants in winter and in summer.

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export interface LocalTime {
  /** 0–23 */
  hour: number;
  /** 0–59 */
  minute: number;
}

export interface LocalParts extends LocalDate, LocalTime {
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date and wall-clock time of `at` in `timeZone`. */
export function localParts(at: Date, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    return part ? Number(part.value) : 0;
  };
  const date = { year: get("year"), month: get("month"), day: get("day") };
  return {
    ...date,
    // Some ICU versions write midnight as "24" even with h23.
    hour: get("hour") % 24,
    minute: get("minute"),
    second: get("second"),
    weekday: weekdayOf(date),
  };
}

/** The calendar date of `at` in `timeZone`. */
export function localDateOf(at: Date, timeZone: string): LocalDate {
  const p = localParts(at, timeZone);
  return { year: p.year, month: p.month, day: p.day };
}

/** The zone's offset from UTC at the instant `ms`, in milliseconds (whole seconds). */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const p = localParts(new Date(whole), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`. In a zone with daylight saving,
 * a time skipped by the spring change resolves to the instant one offset later (02:30 → 03:30 summer
 * time); a time repeated by the autumn change to the first of the two.
 */
export function zonedTimeToUtc(date: LocalDate, time: LocalTime, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  // The offsets a day before and a day after: zones change their offset at most once in two days.
  const before = wall - offsetAt(wall - DAY_MS, timeZone);
  const after = wall - offsetAt(wall + DAY_MS, timeZone);
  const shows = (ms: number) => wall - ms === offsetAt(ms, timeZone);
  if (shows(before) && shows(after)) return new Date(Math.min(before, after));
  if (shows(after)) return new Date(after);
  // Shown with the earlier offset, or skipped: read with the earlier offset, a skipped time lands
  // as far after the change as it was after the jump (02:30 → 03:30 summer time).
  return new Date(before);
}

/** Midnight at the start of the local day containing `at`. */
export function startOfLocalDay(at: Date, timeZone: string): Date {
  return zonedTimeToUtc(localDateOf(at, timeZone), { hour: 0, minute: 0 }, timeZone);
}

/** The start of the next local day: the exclusive end of the local day containing `at` (23 to 25 hours). */
export function endOfLocalDay(at: Date, timeZone: string): Date {
  return zonedTimeToUtc(addDays(localDateOf(at, timeZone), 1), { hour: 0, minute: 0 }, timeZone);
}

/** The first instant of a local month and of the next one: [from, to). */
export function localMonthBounds(year: number, month: number, timeZone: string): { from: Date; to: Date } {
  const first = { year, month, day: 1 };
  const midnight = { hour: 0, minute: 0 };
  return {
    from: zonedTimeToUtc(first, midnight, timeZone),
    to: zonedTimeToUtc(addMonths(first, 1), midnight, timeZone),
  };
}

/** Keeps the seconds and milliseconds of `at` (offsets are whole minutes) on a minute-precise instant. */
function withSubMinute(minuteInstant: Date, at: Date): Date {
  const rest = ((at.getTime() % MINUTE_MS) + MINUTE_MS) % MINUTE_MS;
  return new Date(minuteInstant.getTime() + rest);
}

/** The same wall-clock time `days` local days later (not days × 24 hours across a DST change). */
export function addLocalDays(at: Date, days: number, timeZone: string): Date {
  const p = localParts(at, timeZone);
  return withSubMinute(zonedTimeToUtc(addDays(p, days), p, timeZone), at);
}

/** The same wall-clock time `months` later, on the same day of the month clamped to the month's last. */
export function addLocalMonths(at: Date, months: number, timeZone: string): Date {
  const p = localParts(at, timeZone);
  return withSubMinute(zonedTimeToUtc(addMonths(p, months), p, timeZone), at);
}

/** 0 = Sunday … 6 = Saturday (the day of the week of a calendar date, independent of any zone). */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The same day-of-month `months` later, clamped to the month's last day (31 January + 1 → 28/29 February). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function lastDayOfMonth(year: number, month: number): LocalDate {
  return { year, month, day: daysInMonth(year, month) };
}

/**
 * The `n`th `weekday` (0 = Sunday) of a month: n = 1 the first … 5 the fifth; n = -1 the last, -2 the
 * one before. Null when the month has no such day (a fifth Sunday in most months).
 */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): LocalDate | null {
  if (!Number.isInteger(n) || n === 0) throw new RangeError(`n must be a non-zero integer, got ${n}`);
  const last = daysInMonth(year, month);
  let day: number;
  if (n > 0) {
    const first = 1 + ((weekday - weekdayOf({ year, month, day: 1 }) + 7) % 7);
    day = first + 7 * (n - 1);
  } else {
    const lastOne = last - ((weekdayOf({ year, month, day: last }) - weekday + 7) % 7);
    day = lastOne + 7 * (n + 1);
  }
  return day >= 1 && day <= last ? { year, month, day } : null;
}

export function isValidDate(date: LocalDate): boolean {
  return (
    Number.isInteger(date.year) &&
    Number.isInteger(date.month) &&
    Number.isInteger(date.day) &&
    date.month >= 1 &&
    date.month <= 12 &&
    date.day >= 1 &&
    date.day <= daysInMonth(date.year, date.month)
  );
}

/** Negative if a is before b, 0 if the same day, positive if after. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whole calendar days from a to b (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** Calendar days from the local date of `from` to that of `to` in `timeZone` (0: the same local day). */
export function localDaysBetween(from: Date, to: Date, timeZone: string): number {
  return daysBetween(localDateOf(from, timeZone), localDateOf(to, timeZone));
}

/** True if `timeZone` is an IANA zone Intl knows (any letter case, as Intl accepts). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone === "") return false;
  try {
    // Not cached: the text may be typed by a user, and each spelling would stay in the cache.
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
