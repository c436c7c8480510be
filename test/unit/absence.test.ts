// The attendance register as pure data: what closing writes, the group's counts, threshold crossings
// and calendar years in the cell's time zone.
import { describe, expect, it } from "vitest";
import {
  absenceAlertKey,
  closeNeedsConfirmation,
  countInYear,
  isAlertCount,
  planRegister,
  reasonFromCode,
  reasonOfStored,
  storedReason,
  summariseRegister,
  summarisePlan,
  yearBounds,
  yearIn,
  yearWindow,
} from "../../src/features/meetings/absence.ts";

describe("planRegister", () => {
  const members = [
    { memberId: 1, status: "official" },
    { memberId: 2, status: "probationary" },
    { memberId: 3, status: "official" },
    { memberId: 4, status: "official" },
    { memberId: 5, status: "exempt" },
    { memberId: 6, status: "official" },
    { memberId: 7, status: "official" },
  ];
  const existing = [
    { memberId: 1, status: "present" },
    { memberId: 2, status: "proxy" },
    { memberId: 9, status: "present" }, // checked in, then left the cell
  ];
  const rsvps = [
    { memberId: 3, answer: "absent", reason: "work", reasonText: null },
    { memberId: 4, answer: "absent", reason: null, reasonText: null },
    { memberId: 6, answer: "attend", reason: null, reasonText: null },
    { memberId: 7, answer: "absent", reason: "other", reasonText: "  Đi công tác  " },
  ];

  it("writes absences for expected members only, excused when the RSVP gave a reason", () => {
    const plan = planRegister(members, existing, rsvps);
    expect(plan.rows).toEqual([
      { memberId: 3, status: "absent_excused", reason: "work", expected: true },
      { memberId: 4, status: "absent_unexcused", reason: null, expected: true },
      { memberId: 6, status: "absent_unexcused", reason: null, expected: true },
      { memberId: 7, status: "absent_excused", reason: "other: Đi công tác", expected: true },
    ]);
    expect(Object.fromEntries(plan.expectedByMember)).toEqual({
      1: true,
      2: true,
      3: true,
      4: true,
      5: false,
      6: true,
      7: true,
      9: false,
    });
  });

  it("ignores an RSVP reason that is not one of the known ones", () => {
    const plan = planRegister(
      [{ memberId: 1, status: "official" }],
      [],
      [{ memberId: 1, answer: "absent", reason: "lazy", reasonText: null }],
    );
    expect(plan.rows[0]?.status).toBe("absent_unexcused");
  });
});

describe("summariseRegister", () => {
  it("counts expected members only and rounds the rate", () => {
    const s = summariseRegister([
      { status: "present", expected: true },
      { status: "present", expected: true },
      { status: "proxy", expected: true },
      { status: "absent_excused", expected: true },
      { status: "absent_unexcused", expected: true },
      { status: "absent_unexcused", expected: true },
      { status: "present", expected: false },
    ]);
    expect(s).toEqual({ present: 2, proxy: 1, excused: 1, unexcused: 2, expected: 6, ratePercent: 50 });
    expect(summariseRegister([]).ratePercent).toBe(0);
    expect(
      summariseRegister([
        { status: "proxy", expected: true },
        { status: "absent_unexcused", expected: true },
        { status: "absent_unexcused", expected: true },
      ]).ratePercent,
    ).toBe(33);
  });
});

describe("threshold crossings", () => {
  it.each([
    [0, 3, false],
    [2, 3, false],
    [3, 3, true],
    [4, 3, false],
    [6, 3, true],
    [1, 1, true],
    [2, 1, true],
    [3, 0, false],
  ])("%i absences with threshold %i → %s", (count, threshold, expected) => {
    expect(isAlertCount(count, threshold)).toBe(expected);
  });

  it("keys one alert per member, year, count and recipient", () => {
    expect(absenceAlertKey(4, 17, 2026, 3, 2)).toBe("absence:4:17:2026:3:to:2");
  });
});

describe("calendar years in the cell's time zone", () => {
  it("puts a meeting on New Year's Eve evening UTC into the next local year", () => {
    const at = new Date("2026-12-31T18:00:00Z"); // 01:00 on 1 January 2027 in Hà Nội
    expect(yearIn(at, "Asia/Ho_Chi_Minh")).toBe(2027);
    expect(yearIn(at, "UTC")).toBe(2026);
  });

  it("counts only the starts of the year, from a window wide enough for any zone", () => {
    const w = yearWindow(2026);
    expect(w.from.getTime()).toBeLessThan(Date.UTC(2025, 11, 31, 10));
    expect(w.to.getTime()).toBeGreaterThan(Date.UTC(2027, 0, 1, 14));
    const starts = [
      new Date("2025-12-31T16:30:00Z"), // 2025-12-31 23:30 local
      new Date("2025-12-31T17:30:00Z"), // 2026-01-01 00:30 local
      new Date("2026-06-15T12:00:00Z"),
      new Date("2026-12-31T18:00:00Z"), // 2027 local
    ];
    expect(countInYear(starts, 2026, "Asia/Ho_Chi_Minh")).toBe(2);
  });
});

describe("reasons", () => {
  it("maps button codes, and stores and reads reasons", () => {
    expect(reasonFromCode("h")).toBe("health");
    expect(reasonFromCode("o")).toBe("other");
    expect(reasonFromCode("x")).toBeNull();
    expect(reasonFromCode("toString")).toBeNull();
    expect(storedReason("family", null)).toBe("family");
    expect(storedReason("other", " Ốm: sốt cao ")).toBe("other: Ốm: sốt cao");
    expect(reasonOfStored("other: Ốm: sốt cao")).toBe("other");
    expect(reasonOfStored("lazy")).toBeNull();
    expect(reasonOfStored(null)).toBeNull();
  });
});

describe("closing as people run it (issue 9 items 1 and 2)", () => {
  const members = [1, 2, 3, 4].map((memberId) => ({ memberId, status: "official" }));

  it("counts whoever closes as present unless a row says otherwise", () => {
    const plan = planRegister(members, [{ memberId: 2, status: "proxy" }], [], new Set([1, 2]));
    expect(plan.rows.find((r) => r.memberId === 1)?.status).toBe("present");
    expect(plan.rows.some((r) => r.memberId === 2)).toBe(false);
    expect(summarisePlan([{ memberId: 2, status: "proxy" }], plan)).toMatchObject({
      present: 1,
      proxy: 1,
      unexcused: 2,
      expected: 4,
      ratePercent: 50,
    });
  });

  it("does not excuse an absence given for the time before a move", () => {
    const answer = { answer: "absent", reason: "work", reasonText: null };
    const plan = planRegister(
      members,
      [],
      [
        { memberId: 3, ...answer, beforeMove: true },
        { memberId: 4, ...answer, beforeMove: false },
      ],
    );
    expect(plan.rows.find((r) => r.memberId === 3)?.status).toBe("absent_unexcused");
    expect(plan.rows.find((r) => r.memberId === 4)?.status).toBe("absent_excused");
  });

  it("asks for confirmation without check-in, or with half the expected members absent", () => {
    const summary = (present: number, absent: number) =>
      summariseRegister([
        ...Array.from({ length: present }, () => ({ status: "present", expected: true })),
        ...Array.from({ length: absent }, () => ({ status: "absent_unexcused", expected: true })),
      ]);
    expect(closeNeedsConfirmation(summary(9, 0), false)).toBe(true);
    expect(closeNeedsConfirmation(summary(5, 4), true)).toBe(false);
    expect(closeNeedsConfirmation(summary(4, 4), true)).toBe(true);
    expect(closeNeedsConfirmation(summary(0, 0), true)).toBe(false);
  });

  it("bounds a calendar year in the cell's time zone", () => {
    expect(yearBounds(2026, "Asia/Ho_Chi_Minh")).toEqual({
      from: new Date("2025-12-31T17:00:00Z"),
      to: new Date("2026-12-31T17:00:00Z"),
    });
  });
});
