import { describe, expect, it } from "vitest";
import {
  DATETIME_PROBLEMS,
  foldVietnamese,
  givenForMessage,
  parseDate,
  parseDateTime,
  parseTime,
  requireTime,
  type DateTimeResult,
} from "../../src/datetime/parse.ts";
import { localParts } from "../../src/datetime/calendar.ts";

const TZ = "Asia/Ho_Chi_Minh";
/** Saturday 28/11/2026, 10:00 in Hà Nội / TP.HCM. */
const NOW = new Date("2026-11-28T03:00:00Z");

const pad = (n: number): string => String(n).padStart(2, "0");

/** "2026-12-04 19:30" with a time, "2026-12-04" without, or the problem's name. */
function show(r: DateTimeResult, timeZone = TZ): string {
  if (!r.ok) return r.problem;
  const p = localParts(r.at, timeZone);
  const day = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  if (!r.hasTime) {
    expect([p.hour, p.minute]).toEqual([0, 0]);
    return day;
  }
  return `${day} ${pad(p.hour)}:${pad(p.minute)}`;
}

// [typed text, expected] with now = Saturday 28/11/2026 10:00 (Asia/Ho_Chi_Minh).
const CASES: [string, string][] = [
  // The three texts chrono-node misreads (issue 4).
  ["thứ 2 tới 7h sáng", "2026-11-30 07:00"],
  ["hôm nay 14h", "2026-11-28 14:00"],
  ["19h30 thứ sáu tuần sau", "2026-12-04 19:30"],
  // Day-first dates.
  ["05/12", "2026-12-05"],
  ["5/12/2026", "2026-12-05"],
  ["05-12", "2026-12-05"],
  ["5.12", "2026-12-05"],
  ["ngày 5/12", "2026-12-05"],
  ["5/12/26", "2026-12-05"],
  ["ngày 5 tháng 12", "2026-12-05"],
  ["ngày 5 tháng 12 năm 2026 19h", "2026-12-05 19:00"],
  ["2026-12-05 19:30", "2026-12-05 19:30"],
  ["12/5", "2027-05-12"],
  ["05/01", "2027-01-05"],
  ["15/09", "2027-09-15"],
  ["28/11", "2026-11-28"],
  ["28/11 15h", "2026-11-28 15:00"],
  ["29/02/2028", "2028-02-29"],
  // Times.
  ["19h30", "2026-11-28 19:30"],
  ["19:30", "2026-11-28 19:30"],
  ["19h", "2026-11-28 19:00"],
  ["19g", "2026-11-28 19:00"],
  ["19g30", "2026-11-28 19:30"],
  ["mai 7h sáng", "2026-11-29 07:00"],
  ["mai 7 giờ sáng", "2026-11-29 07:00"],
  ["2 giờ chiều", "2026-11-28 14:00"],
  ["2h chiều", "2026-11-28 14:00"],
  ["mai 7h tối", "2026-11-29 19:00"],
  ["8 giờ 30 mai", "2026-11-29 08:30"],
  ["mai 8 giờ 30 phút", "2026-11-29 08:30"],
  ["trưa", "2026-11-28 12:00"],
  ["trưa mai", "2026-11-29 12:00"],
  ["1h trưa", "2026-11-28 13:00"],
  ["11h đêm", "2026-11-28 23:00"],
  ["mai 0h", "2026-11-29 00:00"],
  ["7 giờ rưỡi tối", "2026-11-28 19:30"],
  ["8 giờ kém 15 tối", "2026-11-28 19:45"],
  ["mai 7h", "2026-11-29 07:00"],
  ["mai 06:30", "2026-11-29 06:30"],
  ["mai 19h tối", "2026-11-29 19:00"],
  ["7 tối", "2026-11-28 19:00"],
  // Weekdays (today is Saturday).
  ["thứ 2", "2026-11-30"],
  ["thứ hai", "2026-11-30"],
  ["thứ 6", "2026-12-04"],
  ["thứ sáu", "2026-12-04"],
  ["thứ tư", "2026-12-02"],
  ["thứ 7 tuần sau", "2026-12-05"],
  ["thứ 7 tới", "2026-12-05"],
  ["thứ 7 tuần này 15h", "2026-11-28 15:00"],
  ["chủ nhật", "2026-11-29"],
  ["CN", "2026-11-29"],
  ["chủ nhật tuần sau", "2026-12-06"],
  ["chủ nhật tuần tới 8h", "2026-12-06 08:00"],
  ["thứ 6 tuần sau nữa", "2026-12-11"],
  ["tuần sau thứ 3 19h", "2026-12-01 19:00"],
  ["T6", "2026-12-04"],
  ["thứ 6 tuần sau 19h30", "2026-12-04 19:30"],
  ["tối thứ 6 lúc 19h30", "2026-12-04 19:30"],
  ["Thứ Sáu, 04/12/2026 lúc 19:30", "2026-12-04 19:30"],
  ["05/12 19:30", "2026-12-05 19:30"],
  ["thứ 6 ngày 04/12", "2026-12-04"],
  ["ngày 05/12/2026 vào lúc 19 giờ 30", "2026-12-05 19:30"],
  ["thứ ba tuần sau lúc 14 giờ", "2026-12-01 14:00"],
  ["7:30 sáng mai", "2026-11-29 07:30"],
  ["cuoi thang toi 9h", "2026-12-31 09:00"],
  ["1/1", "2027-01-01"],
  ["19:30 05/12", "2026-12-05 19:30"],
  // Relative days.
  ["hôm nay", "2026-11-28"],
  ["nay 15h", "2026-11-28 15:00"],
  ["tối nay", "2026-11-28"],
  ["mai", "2026-11-29"],
  ["ngày mai", "2026-11-29"],
  ["ngày kia", "2026-11-30"],
  ["mốt", "2026-11-30"],
  ["ngày mốt 9h", "2026-11-30 09:00"],
  ["cuối tháng", "2026-11-30"],
  ["cuối tháng 14h", "2026-11-30 14:00"],
  ["cuối tháng sau", "2026-12-31"],
  // English.
  ["today 3 pm", "2026-11-28 15:00"],
  ["tomorrow", "2026-11-29"],
  ["tomorrow 7pm", "2026-11-29 19:00"],
  ["tomorrow at 7:30 pm", "2026-11-29 19:30"],
  ["next friday 7:30 pm", "2026-12-04 19:30"],
  ["friday", "2026-12-04"],
  ["friday next week 19:00", "2026-12-04 19:00"],
  ["this sunday 9am", "2026-11-29 09:00"],
  ["end of month", "2026-11-30"],
  ["end of next month", "2026-12-31"],
  ["day after tomorrow 10am", "2026-11-30 10:00"],
  ["12pm tomorrow", "2026-11-29 12:00"],
  ["12am tomorrow", "2026-11-29 00:00"],
  ["tonight 8pm", "2026-11-28 20:00"],
  ["noon tomorrow", "2026-11-29 12:00"],
  ["Friday, 04/12/2026 at 19:30", "2026-12-04 19:30"],
  // Without diacritics, any case, any spacing.
  ["thu 6 tuan sau 19h30", "2026-12-04 19:30"],
  ["chu nhat 9h sang", "2026-11-29 09:00"],
  ["mai 2h chieu", "2026-11-29 14:00"],
  ["thu 2 toi 7h sang", "2026-11-30 07:00"],
  ["toi mai 7h", "2026-11-29 19:00"],
  ["thu 6 toi", "2026-12-04"],
  ["  THỨ   SÁU   TUẦN  SAU  19H30 ", "2026-12-04 19:30"],
  ["CHỦ NHẬT", "2026-11-29"],
  ["ngay mai 8g", "2026-11-29 08:00"],
  // Impossible.
  ["31/11", "impossible_date"],
  ["30/02", "impossible_date"],
  ["29/02", "impossible_date"],
  ["0/5", "impossible_date"],
  ["5/13", "impossible_date"],
  ["thứ 8", "impossible_date"],
  ["thứ 1", "impossible_date"],
  ["thứ nhất", "impossible_date"],
  ["25:00", "impossible_time"],
  ["19h75", "impossible_time"],
  ["mai 24h", "impossible_time"],
  ["mai 15h sáng", "impossible_time"],
  ["mai 3h tối", "impossible_time"],
  ["13pm tomorrow", "impossible_time"],
  // Past.
  ["27/11", "past"],
  ["05/10", "past"],
  ["27/11/2026", "past"],
  ["28/11 9h", "past"],
  ["7h sáng", "past"],
  ["hôm qua", "past"],
  ["hôm kia 19h", "past"],
  ["yesterday", "past"],
  ["thứ 5 tuần này", "past"],
  ["05/12/2025 19:30", "past"],
  // Ambiguous: a question back, never a guess.
  ["mai 3h", "ambiguous"],
  ["mai 6:30", "ambiguous"],
  ["12h đêm", "ambiguous"],
  ["mai 12h tối", "ambiguous"],
  ["midnight", "ambiguous"],
  ["thứ bảy", "ambiguous"],
  ["thứ 7 19h", "ambiguous"],
  ["saturday", "ambiguous"],
  ["tuần sau", "ambiguous"],
  ["cuối tuần", "ambiguous"],
  ["Thứ Năm, 04/12/2026", "ambiguous"],
  ["05/12 thứ 6", "ambiguous"],
  ["mai 05/12", "ambiguous"],
  ["chủ nhật 12/5", "ambiguous"],
  ["sáng mai 7h tối", "ambiguous"],
  // Not a date at all.
  ["", "empty"],
  ["   ", "empty"],
  ["abc", "unrecognised"],
  ["🙂", "unrecognised"],
  ["19", "unrecognised"],
  ["thứ 6 và 19h", "unrecognised"],
  ["họp chi bộ", "unrecognised"],
  ["x".repeat(4096), "unrecognised"],
  ["Привет 19h", "unrecognised"],
];

describe("parseDateTime (now = Saturday 28/11/2026 10:00, Asia/Ho_Chi_Minh)", () => {
  it("has a table of at least 60 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map(([text]) => text)).size).toBe(CASES.length);
  });

  it.each(CASES)("%j → %s", (text, expected) => {
    expect(show(parseDateTime(text, { now: NOW, timeZone: TZ }))).toBe(expected);
  });

  it("covers every problem", () => {
    const seen = new Set(CASES.map(([, expected]) => expected));
    for (const problem of DATETIME_PROBLEMS.filter((p) => p !== "missing_time")) {
      expect(seen.has(problem), problem).toBe(true);
    }
  });

  it("returns the instant, the calendar day and the wall-clock time", () => {
    const r = parseDateTime("thứ 6 tuần sau 19h30", { now: NOW, timeZone: TZ });
    expect(r).toEqual({
      ok: true,
      at: new Date("2026-12-04T12:30:00Z"),
      hasTime: true,
      date: { year: 2026, month: 12, day: 4 },
      time: { hour: 19, minute: 30 },
    });
  });

  it("a day without a time is midnight at its start, hasTime false", () => {
    const r = parseDateTime("05/12", { now: NOW, timeZone: TZ });
    expect(r).toEqual({
      ok: true,
      at: new Date("2026-12-04T17:00:00Z"),
      hasTime: false,
      date: { year: 2026, month: 12, day: 5 },
    });
  });

  it("explains the problem in detail for logs", () => {
    const r = parseDateTime("thứ 8", { now: NOW, timeZone: TZ });
    expect(r).toMatchObject({ ok: false, problem: "impossible_date", detail: "thứ 8" });
  });
});

describe("options", () => {
  it("requireTime turns a day alone into missing_time", () => {
    const opts = { now: NOW, timeZone: TZ, requireTime: true };
    expect(show(parseDateTime("05/12", opts))).toBe("missing_time");
    expect(show(parseDateTime("thứ 6 tuần sau", opts))).toBe("missing_time");
    expect(show(parseDateTime("tối nay", opts))).toBe("missing_time");
    expect(show(parseDateTime("05/12 19h", opts))).toBe("2026-12-05 19:00");
    // A past day is reported as past first.
    expect(show(parseDateTime("hôm qua", opts))).toBe("past");
  });

  it("requireTime() does the same on a result", () => {
    const opts = { now: NOW, timeZone: TZ };
    expect(requireTime(parseDateTime("mai", opts))).toEqual({ ok: false, problem: "missing_time" });
    expect(show(requireTime(parseDateTime("mai 8h", opts)))).toBe("2026-11-29 08:00");
    expect(requireTime(parseDateTime("31/11", opts))).toMatchObject({ problem: "impossible_date" });
  });

  it("allowPast accepts moments already gone", () => {
    const opts = { now: NOW, timeZone: TZ, allowPast: true };
    expect(show(parseDateTime("hôm qua 19h", opts))).toBe("2026-11-27 19:00");
    expect(show(parseDateTime("7h sáng", opts))).toBe("2026-11-28 07:00");
    expect(show(parseDateTime("27/11/2026", opts))).toBe("2026-11-27");
  });

  it("a moment exactly now is not past, a minute before is", () => {
    const now = new Date("2026-11-28T12:30:00Z"); // 19:30 local
    expect(show(parseDateTime("19h30", { now, timeZone: TZ }))).toBe("2026-11-28 19:30");
    expect(show(parseDateTime("19h29", { now, timeZone: TZ }))).toBe("past");
  });
});

describe("time zones", () => {
  it("reads the wall clock of the given zone", () => {
    const utc = parseDateTime("hôm nay 14h", { now: NOW, timeZone: "UTC" });
    expect(utc.ok && utc.at.toISOString()).toBe("2026-11-28T14:00:00.000Z");
    const hcm = parseDateTime("hôm nay 14h", { now: NOW, timeZone: TZ });
    expect(hcm.ok && hcm.at.toISOString()).toBe("2026-11-28T07:00:00.000Z");
    const ny = parseDateTime("05/12 19:30", { now: NOW, timeZone: "America/New_York" });
    expect(ny.ok && ny.at.toISOString()).toBe("2026-12-06T00:30:00.000Z");
  });

  it("'today' is the zone's today around midnight", () => {
    const now = new Date("2026-11-28T17:30:00Z"); // 00:30 Sunday 29/11 in Hà Nội, still Saturday in UTC
    expect(show(parseDateTime("hôm nay", { now, timeZone: TZ }))).toBe("2026-11-29");
    expect(show(parseDateTime("hôm nay", { now, timeZone: "UTC" }), "UTC")).toBe("2026-11-28");
    expect(show(parseDateTime("mai 8h", { now, timeZone: TZ }))).toBe("2026-11-30 08:00");
    // Sunday in Hà Nội: a bare "chủ nhật" is today or next week → ambiguous; Monday is tomorrow.
    expect(show(parseDateTime("chủ nhật", { now, timeZone: TZ }))).toBe("ambiguous");
    expect(show(parseDateTime("thứ 2", { now, timeZone: TZ }))).toBe("2026-11-30");
    expect(show(parseDateTime("thứ 2 tuần sau", { now, timeZone: TZ }))).toBe("2026-11-30");
  });

  it("handles daylight saving in zones that have it", () => {
    const now = new Date("2027-03-01T00:00:00Z");
    const berlin = "Europe/Berlin";
    const winter = parseDateTime("27/03/2027 19:30", { now, timeZone: berlin });
    expect(winter.ok && winter.at.toISOString()).toBe("2027-03-27T18:30:00.000Z");
    const summer = parseDateTime("28/03/2027 19:30", { now, timeZone: berlin });
    expect(summer.ok && summer.at.toISOString()).toBe("2027-03-28T17:30:00.000Z");
    // 02:30 does not exist that night; it is read one offset later (03:30 summer time).
    const gap = parseDateTime("28/03/2027 02:30", { now, timeZone: berlin });
    expect(gap.ok && gap.at.toISOString()).toBe("2027-03-28T01:30:00.000Z");
  });

  it("year roll-over at the end of December", () => {
    const now = new Date("2026-12-30T03:00:00Z"); // Wednesday 30/12/2026
    const opts = { now, timeZone: TZ };
    expect(show(parseDateTime("05/01", opts))).toBe("2027-01-05");
    expect(show(parseDateTime("cuối tháng", opts))).toBe("2026-12-31");
    expect(show(parseDateTime("cuối tháng sau", opts))).toBe("2027-01-31");
    expect(show(parseDateTime("thứ 6 tuần sau", opts))).toBe("2027-01-08");
    expect(show(parseDateTime("ngày kia", opts))).toBe("2027-01-01");
  });
});

describe("parseDate and parseTime", () => {
  it("parseDate reads a day and refuses a time", () => {
    const opts = { now: NOW, timeZone: TZ };
    expect(show(parseDate("thứ 6 tuần sau", opts))).toBe("2026-12-04");
    expect(show(parseDate("cuối tháng", opts))).toBe("2026-11-30");
    expect(show(parseDate("05/12 19h", opts))).toBe("unrecognised");
    expect(show(parseDate("trưa mai", opts))).toBe("unrecognised");
    expect(show(parseDate("tối thứ 6", opts))).toBe("2026-12-04");
    expect(show(parseDate("hôm qua", opts))).toBe("past");
    expect(show(parseDate("", opts))).toBe("empty");
  });

  it.each([
    ["19h30", 19, 30],
    ["19:30", 19, 30],
    ["7h sáng", 7, 0],
    ["2 giờ chiều", 14, 0],
    ["7h tối", 19, 0],
    ["19g", 19, 0],
    ["8 giờ 30", 8, 30],
    ["trưa", 12, 0],
    ["7:30 pm", 19, 30],
    ["00:00", 0, 0],
  ])("parseTime(%j) → %i:%i", (text, hour, minute) => {
    expect(parseTime(text)).toEqual({ ok: true, hour, minute });
  });

  it.each([
    ["", "empty"],
    ["25:00", "impossible_time"],
    ["19h75", "impossible_time"],
    ["3h", "ambiguous"],
    ["12h đêm", "ambiguous"],
    ["mai 19h", "unrecognised"],
    ["tối", "unrecognised"],
    ["abc", "unrecognised"],
  ])("parseTime(%j) → %s", (text, problem) => {
    expect(parseTime(text)).toMatchObject({ ok: false, problem });
  });
});

describe("foldVietnamese", () => {
  it("removes diacritics and keeps the length", () => {
    const text = "thứ sáu tuần sau, chủ nhật, đêm, Đồng chí";
    expect(foldVietnamese(text)).toBe("thu sau tuan sau, chu nhat, dem, Dong chi");
    expect(foldVietnamese(text)).toHaveLength(text.length);
  });
});

describe("givenForMessage", () => {
  it("keeps short texts and shortens long ones", () => {
    expect(givenForMessage("  thứ 6\n 19h30 ")).toBe("thứ 6 19h30");
    const long = givenForMessage("x".repeat(4096));
    expect([...long]).toHaveLength(60);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("meeting hours (issue 9: 7h–11h without a part of the day)", () => {
  const meeting = { now: NOW, timeZone: TZ, meetingHours: true };
  const local = (at: Date) =>
    show({ ok: true, at, hasTime: true, date: localParts(at, TZ), time: { hour: 0, minute: 0 } });

  it.each([
    ["12/12 7h30", ["2026-12-12 07:30", "2026-12-12 19:30"]],
    ["12/12 11h", ["2026-12-12 11:00", "2026-12-12 23:00"]],
    ["12/12 3h", ["2026-12-12 03:00", "2026-12-12 15:00"]],
    // Today at 10:00: 07:30 has passed (the caller offers only the evening), 19:30 has not.
    ["7h30", ["2026-11-28 07:30", "2026-11-28 19:30"]],
  ])("%j is ambiguous for a meeting, with its readings %j", (text, readings) => {
    const r = parseDateTime(text, meeting);
    expect(r).toMatchObject({ ok: false, problem: "ambiguous", ambiguity: "hour" });
    expect(r.ok ? [] : (r.choices ?? []).map(local)).toEqual(readings);
  });

  it.each([
    ["12/12 7h30 sáng", "2026-12-12 07:30"],
    ["12/12 7h30 tối", "2026-12-12 19:30"],
    ["12/12 07:30", "2026-12-12 07:30"],
    ["12/12 12h", "2026-12-12 12:00"],
    ["12/12 19h30", "2026-12-12 19:30"],
  ])("%j is clear for a meeting → %s", (text, expected) => {
    expect(show(parseDateTime(text, meeting))).toBe(expected);
  });

  it("says past when both readings have passed", () => {
    expect(parseDateTime("27/11/2026 9h", meeting)).toMatchObject({ ok: false, problem: "past" });
  });

  it("keeps the everyday reading of 7h–11h when not a meeting", () => {
    expect(show(parseDateTime("12/12 7h30", { now: NOW, timeZone: TZ }))).toBe("2026-12-12 07:30");
  });

  it.each([
    ["cuối tuần", "weekend"],
    ["thứ bảy", "weekday_today"],
    ["tuần sau", "which_day"],
    ["Thứ Năm, 04/12/2026", "weekday_mismatch"],
    ["mai 05/12", "two_days"],
    ["midnight", "midnight"],
    ["12h đêm", "midnight"],
    ["sáng mai 7h tối", "two_values"],
  ])("%j says what is ambiguous: %s", (text, ambiguity) => {
    expect(parseDateTime(text, { now: NOW, timeZone: TZ })).toMatchObject({
      problem: "ambiguous",
      ambiguity,
    });
  });
});
