// Dates written the Vietnamese way: "Thứ Sáu, 04/12/2026 lúc 19:30" (English: "Friday, 04/12/2026 at 19:30").
// Always day-first and always in an explicit time zone (the organisation's or the cell's).
import { localParts, weekdayOf, type LocalDate, type LocalParts } from "./calendar.ts";

const WEEKDAYS_VI = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"] as const;
const WEEKDAYS_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** Any locale other than English gets Vietnamese (the default language). */
function isEnglish(locale: string): boolean {
  return locale.toLowerCase().startsWith("en");
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** "Thứ Sáu" / "Friday" for 0 = Sunday … 6 = Saturday. */
export function weekdayName(weekday: number, locale: string): string {
  const names = isEnglish(locale) ? WEEKDAYS_EN : WEEKDAYS_VI;
  return names[((weekday % 7) + 7) % 7] ?? "";
}

function dayMonthYear(p: LocalDate): string {
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

function hourMinute(p: LocalParts): string {
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "Thứ Sáu, 04/12/2026 lúc 19:30" / "Friday, 04/12/2026 at 19:30". */
export function formatDateTime(at: Date, timeZone: string, locale: string): string {
  const p = localParts(at, timeZone);
  const word = isEnglish(locale) ? "at" : "lúc";
  return `${weekdayName(p.weekday, locale)}, ${dayMonthYear(p)} ${word} ${hourMinute(p)}`;
}

/** "Thứ Sáu, 04/12/2026" / "Friday, 04/12/2026". */
export function formatDate(at: Date, timeZone: string, locale: string): string {
  const p = localParts(at, timeZone);
  return `${weekdayName(p.weekday, locale)}, ${dayMonthYear(p)}`;
}

/** "19:30" (24-hour clock, both languages). */
export function formatTime(at: Date, timeZone: string): string {
  return hourMinute(localParts(at, timeZone));
}

/** "04/12". */
export function formatShortDate(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${pad(p.day)}/${pad(p.month)}`;
}

/** "Thứ Sáu, 04/12" / "Friday, 04/12" — for texts that already say the year or the time around it. */
export function formatWeekdayShortDate(at: Date, timeZone: string, locale: string): string {
  const p = localParts(at, timeZone);
  return `${weekdayName(p.weekday, locale)}, ${pad(p.day)}/${pad(p.month)}`;
}

/** "04/12/2026" (no weekday). */
export function formatNumericDate(at: Date, timeZone: string): string {
  return dayMonthYear(localParts(at, timeZone));
}

/** "Thứ Sáu, 04/12/2026" for a calendar date with no instant (e.g. a task due on a day). */
export function formatLocalDate(date: LocalDate, locale: string): string {
  return `${weekdayName(weekdayOf(date), locale)}, ${dayMonthYear(date)}`;
}
