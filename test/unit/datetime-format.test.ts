import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatLocalDate,
  formatNumericDate,
  formatShortDate,
  formatTime,
  formatWeekdayShortDate,
  weekdayName,
} from "../../src/datetime/format.ts";
import { DATETIME_PROBLEMS, parseDateTime } from "../../src/datetime/parse.ts";
import { createI18n, SUPPORTED_LOCALES } from "../../src/i18n.ts";

const HCM = "Asia/Ho_Chi_Minh";
/** Friday 04/12/2026 19:30 in Hà Nội. */
const MEETING = new Date("2026-12-04T12:30:00Z");

describe("formatDateTime", () => {
  it("writes the date the Vietnamese way", () => {
    expect(formatDateTime(MEETING, HCM, "vi")).toBe("Thứ Sáu, 04/12/2026 lúc 19:30");
    expect(formatDateTime(MEETING, HCM, "en")).toBe("Friday, 04/12/2026 at 19:30");
  });

  it("uses the given time zone, not the host's", () => {
    expect(formatDateTime(MEETING, "UTC", "vi")).toBe("Thứ Sáu, 04/12/2026 lúc 12:30");
    expect(formatDateTime(MEETING, "America/New_York", "en")).toBe("Friday, 04/12/2026 at 07:30");
    expect(formatDateTime(MEETING, "Pacific/Kiritimati", "vi")).toBe("Thứ Bảy, 05/12/2026 lúc 02:30");
    expect(formatDateTime(MEETING, "Asia/Kolkata", "en")).toBe("Friday, 04/12/2026 at 18:00");
  });

  it("is exact around midnight", () => {
    expect(formatDateTime(new Date("2026-12-04T16:59:00Z"), HCM, "vi")).toBe("Thứ Sáu, 04/12/2026 lúc 23:59");
    expect(formatDateTime(new Date("2026-12-04T17:00:00Z"), HCM, "vi")).toBe("Thứ Bảy, 05/12/2026 lúc 00:00");
    expect(formatDateTime(new Date("2026-12-31T17:00:00Z"), HCM, "vi")).toBe("Thứ Sáu, 01/01/2027 lúc 00:00");
    expect(formatDateTime(new Date("2026-12-31T16:59:59Z"), HCM, "en")).toBe("Thursday, 31/12/2026 at 23:59");
  });

  it("follows daylight saving where the zone has it", () => {
    expect(formatDateTime(new Date("2027-03-27T18:30:00Z"), "Europe/Berlin", "en")).toBe(
      "Saturday, 27/03/2027 at 19:30",
    );
    expect(formatDateTime(new Date("2027-03-28T17:30:00Z"), "Europe/Berlin", "en")).toBe(
      "Sunday, 28/03/2027 at 19:30",
    );
  });

  it("treats any locale but English as Vietnamese", () => {
    expect(formatDateTime(MEETING, HCM, "vi-VN")).toBe("Thứ Sáu, 04/12/2026 lúc 19:30");
    expect(formatDateTime(MEETING, HCM, "en-GB")).toBe("Friday, 04/12/2026 at 19:30");
  });

  it("reads back what it writes", () => {
    const now = new Date("2026-11-28T03:00:00Z");
    for (const locale of SUPPORTED_LOCALES) {
      const text = formatDateTime(MEETING, HCM, locale);
      const r = parseDateTime(text, { now, timeZone: HCM });
      expect(r.ok && r.at.toISOString(), text).toBe(MEETING.toISOString());
    }
  });
});

describe("the other formats", () => {
  it("formatDate, formatTime, formatShortDate and friends", () => {
    expect(formatDate(MEETING, HCM, "vi")).toBe("Thứ Sáu, 04/12/2026");
    expect(formatDate(MEETING, HCM, "en")).toBe("Friday, 04/12/2026");
    expect(formatTime(MEETING, HCM)).toBe("19:30");
    expect(formatTime(new Date("2026-12-04T01:05:00Z"), HCM)).toBe("08:05");
    expect(formatTime(new Date("2026-12-04T17:00:00Z"), HCM)).toBe("00:00");
    expect(formatShortDate(MEETING, HCM)).toBe("04/12");
    expect(formatShortDate(MEETING, "Pacific/Kiritimati")).toBe("05/12");
    expect(formatWeekdayShortDate(MEETING, HCM, "vi")).toBe("Thứ Sáu, 04/12");
    expect(formatNumericDate(MEETING, HCM)).toBe("04/12/2026");
    expect(formatLocalDate({ year: 2026, month: 12, day: 10 }, "vi")).toBe("Thứ Năm, 10/12/2026");
  });

  it("names every weekday, capitalised", () => {
    const week = [
      ["Thứ Hai, 30/11/2026", "Monday, 30/11/2026"],
      ["Thứ Ba, 01/12/2026", "Tuesday, 01/12/2026"],
      ["Thứ Tư, 02/12/2026", "Wednesday, 02/12/2026"],
      ["Thứ Năm, 03/12/2026", "Thursday, 03/12/2026"],
      ["Thứ Sáu, 04/12/2026", "Friday, 04/12/2026"],
      ["Thứ Bảy, 05/12/2026", "Saturday, 05/12/2026"],
      ["Chủ Nhật, 06/12/2026", "Sunday, 06/12/2026"],
    ];
    week.forEach(([vi, en], i) => {
      const at = new Date(Date.UTC(2026, 10, 30 + i, 5)); // noon in Hà Nội
      expect(formatDate(at, HCM, "vi")).toBe(vi);
      expect(formatDate(at, HCM, "en")).toBe(en);
    });
    expect(weekdayName(0, "vi")).toBe("Chủ Nhật");
    expect(weekdayName(7, "en")).toBe("Sunday");
  });
});

describe("problem messages", () => {
  const i18n = createI18n({ defaultLocale: "vi" });

  it.each(SUPPORTED_LOCALES)("every problem has a %s message that quotes the text", (locale) => {
    for (const problem of DATETIME_PROBLEMS) {
      const text = i18n.t(locale, `datetime-problem-${problem}`, { given: "31/11 25h" });
      expect(text, problem).not.toMatch(/^datetime-problem/);
      expect(text.length, problem).toBeGreaterThan(40);
      if (problem !== "empty" && problem !== "missing_time") expect(text, problem).toContain("31/11 25h");
    }
  });
});
