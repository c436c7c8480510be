// Wall-clock arithmetic in an explicit IANA time zone, on Intl only (no Date guessing, no host zone).
// A LocalDate is a calendar day as people in the zone see it; instants are plain Dates (UTC inside).

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

function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const p = localParts(new Date(whole), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`. In a zone with daylight saving,
 * a time skipped by the change resolves to the instant one offset later; a repeated time to the first.
 */
export function zonedTimeToUtc(date: LocalDate, time: LocalTime, timeZone: string): Date {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  const first = offsetAt(asUtc, timeZone);
  let ms = asUtc - first;
  const second = offsetAt(ms, timeZone);
  if (second !== first) ms = asUtc - second;
  return new Date(ms);
}

/** Midnight at the start of the local day containing `at`. */
export function startOfLocalDay(at: Date, timeZone: string): Date {
  return zonedTimeToUtc(localDateOf(at, timeZone), { hour: 0, minute: 0 }, timeZone);
}

/** 0 = Sunday … 6 = Saturday (the day of the week of a calendar date, independent of any zone). */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The same day-of-month `months` later, clamped to the month's last day. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(date: LocalDate): boolean {
  return (
    Number.isInteger(date.year) &&
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

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** True if `timeZone` is an IANA zone Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}
