// Pure arithmetic of monthly meeting schedules (no grammY, no Prisma): which day and hour each
// month's regular meeting falls on in the cell's time zone, when it is announced, and the key of the
// scheduled-delivery row that creates it. The calendar arithmetic is calendar.ts's.
import {
  addDays,
  addMonths,
  lastDayOfMonth,
  localMonthBounds,
  localParts,
  zonedTimeToUtc,
} from "../../datetime/calendar.ts";

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
  const next = addMonths({ year: p.year, month: p.month, day: 1 }, count);
  return periodOf(next.year, next.month);
}

/** The local day the pattern falls on in a month (the last day for LAST_DAY_OF_MONTH). */
export function dayIn(pattern: Pick<SchedulePattern, "dayOfMonth">, year: number, month: number): number {
  const last = lastDayOfMonth(year, month).day;
  return pattern.dayOfMonth === LAST_DAY_OF_MONTH ? last : Math.min(pattern.dayOfMonth, last);
}

/** The occurrence of the pattern in `period`: its start and its announcement time. */
export function occurrenceIn(pattern: SchedulePattern, period: Period, timeZone: string): Occurrence {
  const p = parsePeriod(period);
  if (!p) throw new RangeError(`bad period ${period}`);
  const [hour, minute] = pattern.time.split(":").map(Number) as [number, number];
  const date = { year: p.year, month: p.month, day: dayIn(pattern, p.year, p.month) };
  const startsAt = zonedTimeToUtc(date, { hour, minute }, timeZone);
  // N calendar days before, at the announcement hour.
  const back = addDays(date, -pattern.announceDaysAhead);
  const announceAt = zonedTimeToUtc(back, { hour: ANNOUNCE_HOUR, minute: 0 }, timeZone);
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
  return localMonthBounds(p.year, p.month, timeZone);
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
