// Calendar arithmetic in explicit IANA zones, by tables: a zone without daylight saving (Hà Nội / TP.HCM),
// two with it (Berlin: last Sundays of March and October; New York: second Sunday of March, first of
// November), month ends, leap years and year boundaries. Instants are written in UTC.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  addDays,
  addLocalDays,
  addLocalMonths,
  addMonths,
  compareDates,
  daysBetween,
  daysInMonth,
  endOfLocalDay,
  isValidDate,
  isValidTimeZone,
  lastDayOfMonth,
  localDateOf,
  localDaysBetween,
  localMonthBounds,
  localParts,
  nthWeekdayOfMonth,
  startOfLocalDay,
  weekdayOf,
  zonedTimeToUtc,
  type LocalDate,
} from "../../src/datetime/calendar.ts";

const HCM = "Asia/Ho_Chi_Minh";
const BERLIN = "Europe/Berlin";
const NY = "America/New_York";

/** "2031-03-30" → LocalDate. */
const d = (text: string): LocalDate => {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};
/** "2031-03-30 02:30" → date and time. */
const wall = (text: string) => {
  const [date, time] = text.split(" ") as [string, string];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return { date: d(date), time: { hour, minute } };
};
const iso = (at: Date) => at.toISOString().replace(".000Z", "Z");
const show = (p: LocalDate) =>
  `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;

afterEach(() => {
  vi.useRealTimers();
});

describe("localParts: the wall clock of an instant", () => {
  it.each([
    // instant (UTC), zone, local "YYYY-MM-DD HH:mm:ss", weekday (0 = Sunday)
    ["2031-01-01T16:59:59Z", HCM, "2031-01-01 23:59:59", 3],
    ["2031-01-01T17:00:00Z", HCM, "2031-01-02 00:00:00", 4],
    ["2030-12-31T23:30:00Z", BERLIN, "2031-01-01 00:30:00", 3],
    ["2031-12-31T22:59:00Z", BERLIN, "2031-12-31 23:59:00", 3],
    ["2032-01-01T04:59:00Z", NY, "2031-12-31 23:59:00", 3],
    ["2031-03-30T00:59:00Z", BERLIN, "2031-03-30 01:59:00", 0], // last minute of winter time
    ["2031-03-30T01:00:00Z", BERLIN, "2031-03-30 03:00:00", 0], // clocks jump to 03:00
    ["2031-10-26T00:30:00Z", BERLIN, "2031-10-26 02:30:00", 0], // 02:30 summer time
    ["2031-10-26T01:30:00Z", BERLIN, "2031-10-26 02:30:00", 0], // 02:30 again, winter time
    ["2031-03-09T07:00:00Z", NY, "2031-03-09 03:00:00", 0],
    ["2031-11-02T05:30:00Z", NY, "2031-11-02 01:30:00", 0],
    ["2031-11-02T06:30:00Z", NY, "2031-11-02 01:30:00", 0],
    ["2032-02-29T12:00:00Z", HCM, "2032-02-29 19:00:00", 0],
    ["2031-05-31T17:00:00Z", HCM, "2031-06-01 00:00:00", 0],
  ] as const)("%s in %s is %s", (at, zone, expected, weekday) => {
    const p = localParts(new Date(at), zone);
    const text = `${show(p)} ${[p.hour, p.minute, p.second].map((n) => String(n).padStart(2, "0")).join(":")}`;
    expect(text).toBe(expected);
    expect(p.weekday).toBe(weekday);
    expect(localDateOf(new Date(at), zone)).toEqual(d(expected.slice(0, 10)));
  });
});

describe("zonedTimeToUtc: a local wall time to an instant", () => {
  const table = [
    // local, zone, instant (UTC)
    ["2031-07-01 00:00", HCM, "2031-06-30T17:00:00Z"],
    ["2032-01-01 00:00", HCM, "2031-12-31T17:00:00Z"],
    ["2032-02-29 19:30", HCM, "2032-02-29T12:30:00Z"],
    ["2031-01-15 12:00", BERLIN, "2031-01-15T11:00:00Z"],
    ["2031-07-15 12:00", BERLIN, "2031-07-15T10:00:00Z"],
    ["2031-12-31 23:59", NY, "2032-01-01T04:59:00Z"],
    // Skipped by the spring change: the time one offset later (03:30 summer time).
    ["2031-03-30 02:30", BERLIN, "2031-03-30T01:30:00Z"],
    ["2031-03-09 02:30", NY, "2031-03-09T07:30:00Z"],
    // Repeated by the autumn change: the first of the two (still summer time).
    ["2031-10-26 02:30", BERLIN, "2031-10-26T00:30:00Z"],
    ["2031-11-02 01:30", NY, "2031-11-02T05:30:00Z"],
    // Either side of the changes.
    ["2031-03-30 01:59", BERLIN, "2031-03-30T00:59:00Z"],
    ["2031-03-30 03:00", BERLIN, "2031-03-30T01:00:00Z"],
    ["2031-10-26 03:00", BERLIN, "2031-10-26T02:00:00Z"],
    ["2031-11-02 02:00", NY, "2031-11-02T07:00:00Z"],
  ] as const;

  it.each(table)("%s in %s is %s", (local, zone, expected) => {
    const { date, time } = wall(local);
    expect(iso(zonedTimeToUtc(date, time, zone))).toBe(expected);
  });

  // The answer must not depend on the day the code runs (the injected clock is the only "now").
  it.each(["2031-01-15T12:00:00Z", "2031-07-15T12:00:00Z"])(
    "gives the same instants when the process runs on %s",
    (runningOn) => {
      vi.useFakeTimers({ now: new Date(runningOn), toFake: ["Date"] });
      for (const [local, zone, expected] of table) {
        const { date, time } = wall(local);
        expect(`${local} ${zone} → ${iso(zonedTimeToUtc(date, time, zone))}`).toBe(
          `${local} ${zone} → ${expected}`,
        );
      }
    },
  );
});

describe("calendar days and months", () => {
  it.each([
    // date, days, result
    ["2031-12-31", 1, "2032-01-01"],
    ["2032-01-01", -1, "2031-12-31"],
    ["2031-03-01", -1, "2031-02-28"],
    ["2032-03-01", -1, "2032-02-29"],
    ["2031-02-28", 1, "2031-03-01"],
    ["2032-02-28", 1, "2032-02-29"],
    ["2031-03-29", 1, "2031-03-30"], // across Berlin's spring change: a calendar day is a day
    ["2031-01-01", 365, "2032-01-01"],
    ["2032-01-01", 366, "2033-01-01"],
    ["2031-11-28", -7, "2031-11-21"],
    ["2031-12-04", -7, "2031-11-27"],
  ] as const)("%s + %i days = %s", (date, days, expected) => {
    expect(show(addDays(d(date), days))).toBe(expected);
  });

  it.each([
    // date, months, result (clamped to the month's last day)
    ["2031-01-31", 1, "2031-02-28"],
    ["2032-01-31", 1, "2032-02-29"],
    ["2031-03-31", 1, "2031-04-30"],
    ["2031-05-31", 1, "2031-06-30"], // the 31st in a 30-day month
    ["2031-08-31", 1, "2031-09-30"],
    ["2031-11-30", 3, "2032-02-29"],
    ["2031-12-15", 1, "2032-01-15"], // year boundary
    ["2032-01-15", -1, "2031-12-15"],
    ["2031-01-31", -2, "2030-11-30"],
    ["2028-02-29", 12, "2029-02-28"],
    ["2028-02-29", 48, "2032-02-29"],
    ["2031-10-31", -1, "2031-09-30"],
  ] as const)("%s + %i months = %s", (date, months, expected) => {
    expect(show(addMonths(d(date), months))).toBe(expected);
  });

  it.each([
    [2031, 2, 28],
    [2032, 2, 29],
    [2100, 2, 28], // divisible by 100, not by 400: no leap day
    [2000, 2, 29],
    [2031, 4, 30],
    [2031, 6, 30],
    [2031, 12, 31],
    [2032, 1, 31],
  ] as const)("%i-%i has %i days", (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
    expect(lastDayOfMonth(year, month)).toEqual({ year, month, day: days });
  });

  it.each([
    // year, month, weekday, n (-1: last), date or null
    [2031, 11, 4, 4, "2031-11-27"], // fourth Thursday
    [2031, 5, 1, -1, "2031-05-26"], // last Monday
    [2031, 3, 0, -1, "2031-03-30"], // last Sunday of March: Europe's spring change
    [2031, 10, 0, -1, "2031-10-26"],
    [2031, 3, 0, 2, "2031-03-09"], // second Sunday of March: America's spring change
    [2031, 11, 0, 1, "2031-11-02"],
    [2032, 2, 0, 5, "2032-02-29"], // a fifth Sunday on the leap day
    [2031, 2, 0, 5, null], // February 2031 has four Sundays
    [2031, 1, 3, 1, "2031-01-01"],
    [2031, 12, 3, -1, "2031-12-31"],
  ] as const)("%i-%i: weekday %i number %i is %s", (year, month, weekday, n, expected) => {
    const found = nthWeekdayOfMonth(year, month, weekday, n);
    expect(found === null ? null : show(found)).toBe(expected);
  });

  it.each([
    ["2031-12-31", "2032-01-01", 1],
    ["2032-01-01", "2031-12-31", -1],
    ["2032-02-28", "2032-03-01", 2],
    ["2031-02-28", "2031-03-01", 1],
    ["2031-01-01", "2032-01-01", 365],
    ["2032-01-01", "2033-01-01", 366],
    ["2031-03-29", "2031-03-31", 2], // over Berlin's 23-hour day: still two days
    ["2031-10-25", "2031-10-27", 2],
    ["2031-11-28", "2031-11-28", 0],
  ] as const)("from %s to %s: %i days", (a, b, days) => {
    expect(daysBetween(d(a), d(b))).toBe(days);
    expect(Math.sign(compareDates(d(a), d(b)))).toBe(days === 0 ? 0 : -Math.sign(days));
  });

  it.each([
    [2031, 1, 1, 3],
    [2031, 12, 31, 3],
    [2032, 2, 29, 0],
    [2000, 1, 1, 6],
  ] as const)("%i-%i-%i is weekday %i", (year, month, day, weekday) => {
    expect(weekdayOf({ year, month, day })).toBe(weekday);
  });

  it("tells real dates from impossible ones", () => {
    expect(isValidDate(d("2032-02-29"))).toBe(true);
    expect(isValidDate(d("2031-02-29"))).toBe(false);
    expect(isValidDate(d("2031-04-31"))).toBe(false);
    expect(isValidDate(d("2031-13-01"))).toBe(false);
    expect(isValidDate(d("2031-00-10"))).toBe(false);
    expect(isValidDate({ year: 2031.5, month: 1, day: 1 })).toBe(false);
  });

  it("knows IANA zones", () => {
    expect(isValidTimeZone(HCM)).toBe(true);
    expect(isValidTimeZone(NY)).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});

describe("local days and months of instants", () => {
  it.each([
    // instant, zone, start of its local day, start of the next local day
    ["2031-03-30T12:00:00Z", BERLIN, "2031-03-29T23:00:00Z", "2031-03-30T22:00:00Z"], // 23 hours
    ["2031-10-26T12:00:00Z", BERLIN, "2031-10-25T22:00:00Z", "2031-10-26T23:00:00Z"], // 25 hours
    ["2031-11-02T12:00:00Z", NY, "2031-11-02T04:00:00Z", "2031-11-03T05:00:00Z"],
    ["2031-03-09T12:00:00Z", NY, "2031-03-09T05:00:00Z", "2031-03-10T04:00:00Z"],
    ["2031-01-01T00:00:00Z", HCM, "2030-12-31T17:00:00Z", "2031-01-01T17:00:00Z"],
    ["2031-12-31T17:00:00Z", HCM, "2031-12-31T17:00:00Z", "2032-01-01T17:00:00Z"],
  ] as const)("the local day of %s in %s", (at, zone, start, end) => {
    expect(iso(startOfLocalDay(new Date(at), zone))).toBe(start);
    expect(iso(endOfLocalDay(new Date(at), zone))).toBe(end);
  });

  it.each([
    // year, month, zone, first instant, first instant of the next month
    [2031, 3, BERLIN, "2031-02-28T23:00:00Z", "2031-03-31T22:00:00Z"],
    [2031, 10, BERLIN, "2031-09-30T22:00:00Z", "2031-10-31T23:00:00Z"],
    [2031, 11, NY, "2031-11-01T04:00:00Z", "2031-12-01T05:00:00Z"],
    [2031, 12, HCM, "2031-11-30T17:00:00Z", "2031-12-31T17:00:00Z"],
    [2032, 2, HCM, "2032-01-31T17:00:00Z", "2032-02-29T17:00:00Z"],
  ] as const)("%i-%i in %s", (year, month, zone, from, to) => {
    const bounds = localMonthBounds(year, month, zone);
    expect([iso(bounds.from), iso(bounds.to)]).toEqual([from, to]);
  });

  it.each([
    // instant, days, zone, same wall time that many days later
    ["2031-03-29T09:00:00Z", 1, BERLIN, "2031-03-30T08:00:00Z"], // 10:00 CET → 10:00 CEST
    ["2031-10-25T08:00:00Z", 1, BERLIN, "2031-10-26T09:00:00Z"], // 10:00 CEST → 10:00 CET
    ["2031-11-01T16:00:00Z", 1, NY, "2031-11-02T17:00:00Z"],
    ["2031-03-09T16:00:00Z", -1, NY, "2031-03-08T17:00:00Z"], // 12:00 EDT → 12:00 EST
    ["2031-12-31T12:30:00Z", 1, HCM, "2032-01-01T12:30:00Z"],
    ["2032-02-28T12:30:00Z", 2, HCM, "2032-03-01T12:30:00Z"],
  ] as const)("%s + %i local days in %s", (at, days, zone, expected) => {
    expect(iso(addLocalDays(new Date(at), days, zone))).toBe(expected);
  });

  it.each([
    // instant, months, zone, same wall time (day clamped) that many months later
    ["2031-03-15T09:00:00Z", 1, BERLIN, "2031-04-15T08:00:00Z"], // 10:00 CET → 10:00 CEST
    ["2031-10-31T19:00:00Z", -1, BERLIN, "2031-09-30T18:00:00Z"], // 20:00 CET, 31st → 30th, CEST
    ["2031-01-31T14:00:00Z", 1, NY, "2031-02-28T14:00:00Z"],
    ["2031-10-15T13:00:00Z", 1, NY, "2031-11-15T14:00:00Z"], // 09:00 EDT → 09:00 EST
    ["2031-12-31T12:30:00Z", 2, HCM, "2032-02-29T12:30:00Z"],
    ["2031-05-31T12:30:00Z", 1, HCM, "2031-06-30T12:30:00Z"],
  ] as const)("%s + %i local months in %s", (at, months, zone, expected) => {
    expect(iso(addLocalMonths(new Date(at), months, zone))).toBe(expected);
  });

  it.each([
    // from, to, zone, calendar days between their local dates
    ["2031-12-31T16:59:00Z", "2031-12-31T17:00:00Z", HCM, 1], // 23:59 → 00:00 next day
    ["2031-12-31T17:00:00Z", "2032-01-01T16:59:00Z", HCM, 0],
    ["2031-03-29T23:30:00Z", "2031-03-30T21:59:00Z", BERLIN, 0], // one 23-hour local day
    ["2031-10-25T22:00:00Z", "2031-10-26T22:59:00Z", BERLIN, 0], // one 25-hour local day
    ["2031-11-01T12:00:00Z", "2031-11-03T12:00:00Z", NY, 2],
    ["2031-11-03T12:00:00Z", "2031-11-01T12:00:00Z", NY, -2],
  ] as const)("%s → %s in %s: %i days", (from, to, zone, days) => {
    expect(localDaysBetween(new Date(from), new Date(to), zone)).toBe(days);
  });
});
