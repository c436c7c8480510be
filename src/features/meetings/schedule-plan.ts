// Pure arithmetic of monthly meeting schedules (no grammY, no Prisma): which day and hour each
// month's regular meeting falls on in the cell's time zone, when it is announced, and the key of the
// scheduled-delivery row that creates it.

/** Stored in MeetingSchedule.dayOfMonth for "the last day of the month" ("cuối tháng"). */
export const LAST_DAY_OF_MONTH = -1;
/** Days 29–31 do not exist every month: those schedules say "cuối tháng" instead. */
export const MAX_FIXED_DAY = 28;
export const DEFAULT_ANNOUNCE_DAYS_AHEAD = 7;
export const MAX_ANNOUNCE_DAYS_AHEAD = 28;
/** The local hour the announcement goes out, `announceDaysAhead` days before the meeting. */
export const ANNOUNCE_HOUR = 8;
/** Occurrences kept scheduled ahead, so that one failed row never ends the chain. */
export const OCCURRENCES_AHEAD = 2;
export const SCHEDULE_DELIVERY_KIND = "meeting_schedule";

export interface SchedulePattern {
  /** 1–28, or LAST_DAY_OF_MONTH. */
  dayOfMonth: number;
  /** "HH:mm", local to the cell. */
  time: string;
  announceDaysAhead: number;
}

/** A month as "YYYY-MM". */
export type Period = string;

export interface Occurrence {
  period: Period;
  startsAt: Date;
  announceAt: Date;
}

export type DayParse = { ok: true; dayOfMonth: number } | { ok: false; given: string };

const LAST_DAY_WORDS = new Set(["cuối", "cuối tháng", "cuoi", "cuoi thang", "last", "end", "last day"]);

/** "5", "05", "ngày 5", "cuối tháng", "last". Days 29–31, 0 and anything else are refused. */
export function parseScheduleDay(text: string): DayParse {
  const given = text.trim().toLowerCase().normalize("NFC").replace(/\s+/g, " ");
  if (LAST_DAY_WORDS.has(given)) return { ok: true, dayOfMonth: LAST_DAY_OF_MONTH };
  const m = /^(?:ngày |ngay |day )?(\d{1,2})$/.exec(given);
  if (m) {
    const day = Number(m[1]);
    if (day >= 1 && day <= MAX_FIXED_DAY) return { ok: true, dayOfMonth: day };
  }
  return { ok: false, given: text.trim() };
}

export function isValidTime(time: string): boolean {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  return m !== null && Number(m[1]) < 24 && Number(m[2]) < 60;
}

export function periodOf(year: number, month: number): Period {
  return `${year}-${String(month).padStart(2, "0")}`;
}

export function parsePeriod(period: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
}

export function nextPeriod(period: Period, count = 1): Period {
  const p = parsePeriod(period);
  if (!p) throw new RangeError(`bad period ${period}`);
  const index = p.year * 12 + (p.month - 1) + count;
  return periodOf(Math.floor(index / 12), (index % 12) + 1);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of `at` in `timeZone`. */
export function localParts(at: Date, timeZone: string): LocalParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

/** The instant a wall-clock time in `timeZone` denotes (the earlier one around a DST change). */
export function zonedInstant(local: LocalParts, timeZone: string): Date {
  const wanted = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const seen = localParts(new Date(guess), timeZone);
    const seenMs = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
    const diff = wanted - seenMs;
    if (diff === 0) break;
    guess += diff;
  }
  return new Date(guess);
}

/** The local day the pattern falls on in a month (the last day for LAST_DAY_OF_MONTH). */
export function dayIn(pattern: Pick<SchedulePattern, "dayOfMonth">, year: number, month: number): number {
  const last = daysInMonth(year, month);
  return pattern.dayOfMonth === LAST_DAY_OF_MONTH ? last : Math.min(pattern.dayOfMonth, last);
}

/** The occurrence of the pattern in `period`: its start and its announcement time. */
export function occurrenceIn(pattern: SchedulePattern, period: Period, timeZone: string): Occurrence {
  const p = parsePeriod(period);
  if (!p) throw new RangeError(`bad period ${period}`);
  const [hour, minute] = pattern.time.split(":").map(Number) as [number, number];
  const day = dayIn(pattern, p.year, p.month);
  const startsAt = zonedInstant({ year: p.year, month: p.month, day, hour, minute }, timeZone);
  // N calendar days before, at the announcement hour (Date.UTC normalises day underflow).
  const back = new Date(Date.UTC(p.year, p.month - 1, day - pattern.announceDaysAhead));
  const announceAt = zonedInstant(
    {
      year: back.getUTCFullYear(),
      month: back.getUTCMonth() + 1,
      day: back.getUTCDate(),
      hour: ANNOUNCE_HOUR,
      minute: 0,
    },
    timeZone,
  );
  return { period, startsAt, announceAt };
}

/** The first occurrence that starts after `now`. */
export function nextOccurrence(pattern: SchedulePattern, now: Date, timeZone: string): Occurrence {
  const local = localParts(now, timeZone);
  let period = periodOf(local.year, local.month);
  for (let i = 0; i < 3; i++) {
    const o = occurrenceIn(pattern, period, timeZone);
    if (o.startsAt.getTime() > now.getTime()) return o;
    period = nextPeriod(period);
  }
  return occurrenceIn(pattern, period, timeZone);
}

/** `count` occurrences from the one in `period` on. */
export function occurrencesFrom(
  pattern: SchedulePattern,
  period: Period,
  count: number,
  timeZone: string,
): Occurrence[] {
  return Array.from({ length: count }, (_, i) => occurrenceIn(pattern, nextPeriod(period, i), timeZone));
}

export function scheduleKeyPrefix(scheduleId: number): string {
  return `schedule:${scheduleId}:`;
}

export function scheduleDeliveryKey(scheduleId: number, period: Period): string {
  return `${scheduleKeyPrefix(scheduleId)}${period}`;
}

/** When a row must go out: at the announcement time, or at once when that has passed. */
export function dueTime(occurrence: Occurrence, now: Date): Date {
  return occurrence.announceAt.getTime() > now.getTime() ? occurrence.announceAt : now;
}

/** First and last instants of a local month, [from, to). */
export function periodBounds(period: Period, timeZone: string): { from: Date; to: Date } {
  const p = parsePeriod(period);
  if (!p) throw new RangeError(`bad period ${period}`);
  const n = parsePeriod(nextPeriod(period))!;
  return {
    from: zonedInstant({ year: p.year, month: p.month, day: 1, hour: 0, minute: 0 }, timeZone),
    to: zonedInstant({ year: n.year, month: n.month, day: 1, hour: 0, minute: 0 }, timeZone),
  };
}

export interface ScheduleRowSource extends SchedulePattern {
  id: number;
  cellId: number;
}

/** A scheduled-delivery row (the outbox's NewDelivery shape) that announces one occurrence. */
export interface ScheduleRow {
  key: string;
  kind: string;
  cellId: number;
  payload: { scheduleId: number; period: Period };
  dueAt: Date;
}

/** The rows of `count` occurrences from `fromPeriod` on (due at their announcement, or now). */
export function scheduleRows(
  schedule: ScheduleRowSource,
  fromPeriod: Period,
  timeZone: string,
  now: Date,
  count = OCCURRENCES_AHEAD,
): ScheduleRow[] {
  return occurrencesFrom(schedule, fromPeriod, count, timeZone).map((o) => ({
    key: scheduleDeliveryKey(schedule.id, o.period),
    kind: SCHEDULE_DELIVERY_KIND,
    cellId: schedule.cellId,
    payload: { scheduleId: schedule.id, period: o.period },
    dueAt: dueTime(o, now),
  }));
}
