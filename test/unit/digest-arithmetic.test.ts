// The digest's arithmetic (src/features/digests/arithmetic.ts) on hand-made rows: held vs planned,
// attendance and its change, the quarter's thematic flag, the ward's totals and the reasons a cell
// needs attention, with the organisation's thresholds.
import { describe, expect, it } from "vitest";
import type { MeetingFigures, ReportCell } from "../../src/db/repositories/reports.ts";
import {
  computeDigest,
  percent,
  periodLabel,
  previousPeriod,
  type DigestInputs,
  type Period,
} from "../../src/features/digests/arithmetic.ts";
import { MESSAGE_LIMIT, splitMessages } from "../../src/features/digests/render.ts";
import { defaultDigestPolicy, parseDigestPolicy } from "../../src/features/settings/model.ts";

const utcMonth = (at: Date): Period => ({ year: at.getUTCFullYear(), month: at.getUTCMonth() + 1 });
const cell = (id: number, createdAt = "2026-01-01T00:00:00Z"): ReportCell => ({
  id,
  name: `Khu phố ${id}`,
  createdAt: new Date(createdAt),
  settings: "{}",
});
let nextId = 1;
const meeting = (
  cellId: number,
  startsAt: string,
  kind: string,
  state: string,
  expected: number,
  present: number,
  unexcused = 0,
): MeetingFigures => ({
  meetingId: nextId++,
  cellId,
  kind,
  state,
  startsAt: new Date(startsAt),
  expected,
  present,
  excused: expected - present - unexcused,
  unexcused,
});

function inputs(period: Period, over: Partial<DigestInputs>): DigestInputs {
  return {
    period,
    monthOf: utcMonth,
    periodStart: new Date(Date.UTC(period.year, period.month - 1, 1)),
    cells: [],
    meetings: [],
    tasks: [],
    prompts: [],
    selfReviews: [],
    unreachable: new Map(),
    repeatedAbsentees: new Map(),
    policy: defaultDigestPolicy(),
    ...over,
  };
}

describe("periods", () => {
  it.each([
    [{ year: 2026, month: 1 }, 1, { year: 2025, month: 12 }],
    [{ year: 2026, month: 12 }, 11, { year: 2026, month: 1 }],
    [{ year: 2026, month: 3 }, 14, { year: 2025, month: 1 }],
  ])("%o minus %i months is %o", (p, back, expected) => {
    expect(previousPeriod(p, back)).toEqual(expected);
  });
  it("labels and rounds as people read them", () => {
    expect(periodLabel({ year: 2026, month: 11 })).toBe("11/2026");
    expect([percent(null), percent(2 / 3), percent(0.695), percent(1)]).toEqual([null, 67, 70, 100]);
  });
});

describe("cells", () => {
  const DEC = { year: 2026, month: 12 };
  it.each([
    {
      name: "a regular month with a thematic meeting in the quarter",
      meetings: [
        meeting(1, "2026-10-10T12:00:00Z", "thematic", "closed", 10, 10),
        meeting(1, "2026-11-05T12:00:00Z", "regular", "closed", 10, 8),
        meeting(1, "2026-12-05T12:00:00Z", "regular", "closed", 10, 9, 1),
      ],
      cells: [cell(1)],
      want: { regular: { held: 1, planned: 1 }, attendance: 0.9, change: 10, flags: [] },
    },
    {
      name: "no meeting held and no thematic in the quarter (December closes a quarter)",
      meetings: [meeting(1, "2026-12-05T12:00:00Z", "regular", "cancelled", 10, 0)],
      cells: [cell(1)],
      want: {
        regular: { held: 0, planned: 1 },
        attendance: null,
        change: null,
        flags: ["no_meeting", "no_thematic"],
      },
    },
    {
      name: "no meeting planned at all still owes the regular one",
      meetings: [],
      cells: [cell(1)],
      want: {
        regular: { held: 0, planned: 1 },
        attendance: null,
        change: null,
        flags: ["no_meeting", "no_thematic"],
      },
    },
    {
      name: "a cell registered mid-month owes nothing yet",
      meetings: [],
      cells: [cell(1, "2026-12-10T00:00:00Z")],
      want: { regular: { held: 0, planned: 0 }, attendance: null, change: null, flags: [] },
    },
    {
      name: "low attendance, measured over closed meetings only",
      meetings: [
        meeting(1, "2026-10-10T12:00:00Z", "thematic", "closed", 10, 10),
        meeting(1, "2026-12-05T12:00:00Z", "regular", "closed", 10, 6, 4),
        meeting(1, "2026-12-20T12:00:00Z", "extraordinary", "planned", 10, 0),
      ],
      cells: [cell(1)],
      want: { regular: { held: 1, planned: 1 }, attendance: 0.6, change: null, flags: ["attendance"] },
    },
  ])("$name", ({ meetings, cells, want }) => {
    const digest = computeDigest(inputs(DEC, { cells, meetings }));
    const c = digest.cells[0]!;
    expect(c.regular).toEqual(want.regular);
    expect(c.attendance).toEqual(want.attendance);
    expect(c.change).toEqual(want.change);
    expect(c.attention.map((r) => r.kind)).toEqual(want.flags);
  });

  it("flags repeated absence and self-review under the organisation's thresholds", () => {
    const policy = parseDigestPolicy(
      '{"digest":{"repeatedAbsentees":3,"minSelfReviewPercent":80,"bogus":1}}',
    );
    expect(policy).toEqual({ ...defaultDigestPolicy(), repeatedAbsentees: 3, minSelfReviewPercent: 80 });
    const nov = { year: 2026, month: 11 };
    const digest = computeDigest(
      inputs(nov, {
        cells: [cell(1), cell(2)],
        meetings: [
          meeting(1, "2026-11-05T12:00:00Z", "regular", "closed", 10, 10),
          meeting(2, "2026-11-05T12:00:00Z", "regular", "closed", 20, 14),
        ],
        selfReviews: [
          { cellId: 1, expected: 10, submitted: 7 },
          { cellId: 2, expected: 20, submitted: 20 },
        ],
        repeatedAbsentees: new Map([
          [1, 2],
          [2, 3],
        ]),
        policy,
      }),
    );
    expect(digest.cells.map((c) => c.attention)).toEqual([
      [{ kind: "self_review", percent: 70, threshold: 80 }],
      [{ kind: "repeated_absence", count: 3 }],
    ]);
    // The ward's rate is over all expected members, not the mean of the cells' rates.
    expect(digest.totals.attendance).toBeCloseTo(24 / 30);
    expect(digest.totals.selfReview).toEqual({ expected: 30, submitted: 27, rate: 0.9 });
    expect(digest.totals.repeatedAbsentees).toBe(5);
  });

  it("keeps a ward trend of twelve months", () => {
    const digest = computeDigest(
      inputs(
        { year: 2026, month: 11 },
        {
          cells: [cell(1)],
          meetings: [
            meeting(1, "2025-12-05T12:00:00Z", "regular", "closed", 10, 5),
            meeting(1, "2026-10-05T12:00:00Z", "regular", "closed", 10, 7),
          ],
        },
      ),
    );
    expect(digest.trend.map((t) => periodLabel(t.period))).toEqual([
      "12/2025",
      "01/2026",
      "02/2026",
      "03/2026",
      "04/2026",
      "05/2026",
      "06/2026",
      "07/2026",
      "08/2026",
      "09/2026",
      "10/2026",
      "11/2026",
    ]);
    expect(digest.trend[0]!.attendance).toBe(0.5);
    expect(digest.trend[10]!.attendance).toBe(0.7);
    expect(digest.totals.previousAttendance).toBe(0.7);
  });
});

describe("splitting the digest", () => {
  it("keeps each cell's block whole and every message under Telegram's limit", () => {
    const blocks = Array.from(
      { length: 60 },
      (_, i) => `▪️ Khu phố ${i}\n${"• dòng số liệu\n".repeat(8).trim()}`,
    );
    const messages = splitMessages(blocks);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    // Nothing lost, nothing cut: the messages are the blocks, in order, joined by blank lines.
    expect(messages.join("\n\n")).toBe(blocks.join("\n\n"));
    for (const m of messages) expect(m.startsWith("▪️ Khu phố")).toBe(true);
  });

  it("cuts a block longer than a message between its lines", () => {
    const long = Array.from({ length: 400 }, (_, i) => `– đồng chí Nguyễn Văn ${i}`).join("\n");
    const messages = splitMessages(["Tiêu đề", long], 1000);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(1000);
    // The title and the first lines share a message (a blank line between), then lines follow on.
    expect(messages.join("\n").replace("Tiêu đề\n\n", "Tiêu đề\n")).toBe(`Tiêu đề\n${long}`);
  });
});
