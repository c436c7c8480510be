import { describe, expect, it } from "vitest";
import { zonedTimeToUtc } from "../../src/datetime/calendar.ts";
import {
  LAST_DAY_OF_MONTH,
  nextOccurrence,
  nextPeriod,
  occurrenceIn,
  parseScheduleDay,
  periodBounds,
  scheduleDeliveryKey,
  scheduleRows,
} from "../../src/features/meetings/schedule-plan.ts";

const HCM = "Asia/Ho_Chi_Minh";
const monthly = (dayOfMonth: number, time = "19:30", announceDaysAhead = 7) => ({
  dayOfMonth,
  time,
  announceDaysAhead,
});

describe("parseScheduleDay", () => {
  it.each([
    ["4", 4],
    ["04", 4],
    ["1", 1],
    ["28", 28],
    ["ngày 15", 15],
    ["cuối tháng", LAST_DAY_OF_MONTH],
    ["Cuối", LAST_DAY_OF_MONTH],
    ["cuoi thang", LAST_DAY_OF_MONTH],
    ["last", LAST_DAY_OF_MONTH],
  ])("reads %s", (text, day) => {
    expect(parseScheduleDay(text)).toEqual({ ok: true, dayOfMonth: day });
  });

  it.each(["0", "29", "31", "32", "-1", "abc", "", "4.5", "🙂", "mười"])("refuses %s", (text) => {
    expect(parseScheduleDay(text).ok).toBe(false);
  });
});

describe("occurrences in the cell's time zone", () => {
  it.each([
    // [day, time, period, starts (UTC), announce (UTC, 08:00 local N days before)]
    [4, "19:30", "2026-12", "2026-12-04T12:30:00.000Z", "2026-11-27T01:00:00.000Z"],
    [1, "07:00", "2027-01", "2027-01-01T00:00:00.000Z", "2026-12-25T01:00:00.000Z"],
    [LAST_DAY_OF_MONTH, "19:30", "2027-02", "2027-02-28T12:30:00.000Z", "2027-02-21T01:00:00.000Z"],
    [LAST_DAY_OF_MONTH, "19:30", "2028-02", "2028-02-29T12:30:00.000Z", "2028-02-22T01:00:00.000Z"],
    [LAST_DAY_OF_MONTH, "00:00", "2026-04", "2026-04-29T17:00:00.000Z", "2026-04-23T01:00:00.000Z"],
    [28, "23:59", "2026-12", "2026-12-28T16:59:00.000Z", "2026-12-21T01:00:00.000Z"],
  ] as const)("day %s at %s in %s", (day, time, period, starts, announce) => {
    const o = occurrenceIn(monthly(day, time), period, HCM);
    expect(o.startsAt.toISOString()).toBe(starts);
    expect(o.announceAt.toISOString()).toBe(announce);
  });

  it("counts announcement days back across a month boundary", () => {
    const o = occurrenceIn(monthly(2, "19:30", 5), "2027-03", HCM);
    expect(o.announceAt.toISOString()).toBe("2027-02-25T01:00:00.000Z");
  });

  it("handles a zone with daylight saving time", () => {
    const o = occurrenceIn(monthly(10, "19:30"), "2026-07", "Europe/Berlin");
    expect(o.startsAt.toISOString()).toBe("2026-07-10T17:30:00.000Z");
    const w = occurrenceIn(monthly(10, "19:30"), "2026-12", "Europe/Berlin");
    expect(w.startsAt.toISOString()).toBe("2026-12-10T18:30:00.000Z");
    expect(
      zonedTimeToUtc(
        { year: 2026, month: 3, day: 29 },
        { hour: 12, minute: 0 },
        "Europe/Berlin",
      ).toISOString(),
    ).toBe("2026-03-29T10:00:00.000Z");
  });
});

describe("nextOccurrence", () => {
  it.each([
    // now (UTC) → next start (UTC)
    ["2026-12-01T01:00:00Z", "2026-12-04T12:30:00.000Z"],
    ["2026-12-04T12:29:00Z", "2026-12-04T12:30:00.000Z"],
    ["2026-12-04T12:30:00Z", "2027-01-04T12:30:00.000Z"],
    ["2026-12-31T20:00:00Z", "2027-01-04T12:30:00.000Z"], // already 1 January in Hanoi
  ])("from %s", (now, next) => {
    expect(nextOccurrence(monthly(4), new Date(now), HCM).startsAt.toISOString()).toBe(next);
  });

  it("uses the local month, not the UTC one", () => {
    // 31/12 20:00 UTC is 01/01 03:00 in Hanoi: January's meeting on the 1st at 19:30 is next.
    const o = nextOccurrence(monthly(1), new Date("2026-12-31T20:00:00Z"), HCM);
    expect(o.period).toBe("2027-01");
  });
});

describe("rows", () => {
  it("keys one row per schedule and month, and rolls over the year", () => {
    expect(scheduleDeliveryKey(3, "2026-12")).toBe("schedule:3:2026-12");
    expect(nextPeriod("2026-12")).toBe("2027-01");
    expect(nextPeriod("2026-11", 2)).toBe("2027-01");
  });

  it("schedules the next two occurrences, due at their announcement or at once", () => {
    const now = new Date("2026-12-01T01:00:00Z");
    const rows = scheduleRows({ id: 5, cellId: 2, ...monthly(4) }, "2026-12", HCM, now);
    expect(rows.map((r) => [r.key, r.dueAt.toISOString()])).toEqual([
      ["schedule:5:2026-12", now.toISOString()], // the 27/11 announcement time has passed
      ["schedule:5:2027-01", "2026-12-28T01:00:00.000Z"],
    ]);
    expect(rows[0]?.payload).toEqual({ scheduleId: 5, period: "2026-12" });
  });

  it("gives the local month's bounds", () => {
    const { from, to } = periodBounds("2026-12", HCM);
    expect(from.toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(to.toISOString()).toBe("2026-12-31T17:00:00.000Z");
  });
});
