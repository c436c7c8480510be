// The digest's arithmetic (PRODUCT §4E), pure: from the aggregated rows of the reports repository
// to each cell's figures, the ward's totals, the 12-month trend and the cells that need attention.
// No grammY, no Prisma, no clock: everything it needs is in its arguments.
import type { DigestPolicy } from "../settings/model.ts";
import type {
  MeetingFigures,
  PromptFigures,
  ReportCell,
  SelfReviewFigures,
  TaskFigures,
} from "../../db/repositories/reports.ts";

/** A calendar month of the organisation. */
export interface Period {
  year: number;
  /** 1–12 */
  month: number;
}

export function previousPeriod(p: Period, back = 1): Period {
  const index = p.year * 12 + (p.month - 1) - back;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** "2026-11": the period in keys and in Prompt.period. */
export function periodKey(p: Period): string {
  return `${p.year}-${String(p.month).padStart(2, "0")}`;
}

/** "11/2026": the period as people write it. */
export function periodLabel(p: Period): string {
  return `${String(p.month).padStart(2, "0")}/${p.year}`;
}

/** A share as a fraction 0–1, or null when there was nobody to count. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** A fraction as whole per cent, or null. */
export function percent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100);
}

export interface HeldPlanned {
  held: number;
  planned: number;
}

export interface CellDigest {
  cellId: number;
  name: string;
  regular: HeldPlanned;
  thematic: HeldPlanned;
  /** Meetings of the month that were called off (they count as planned, not held). */
  cancelled: number;
  /** In a quarter's last month: no thematic meeting was held in the quarter. */
  noThematicInQuarter: boolean;
  /** Over the meetings held: expected members, present (in person or by proxy). */
  expected: number;
  present: number;
  attendance: number | null;
  previousAttendance: number | null;
  /** Change from the previous month, in percentage points (whole), or null. */
  change: number | null;
  excused: number;
  unexcused: number;
  tasks: Omit<TaskFigures, "cellId">;
  prompts: { count: number; audience: number; responded: number; rate: number | null };
  rating: { sum: number; count: number; average: number | null };
  selfReview: { expected: number; submitted: number; rate: number | null } | null;
  unreachable: number;
  repeatedAbsentees: number;
  attention: AttentionReason[];
}

export type AttentionReason =
  | { kind: "no_meeting" }
  | { kind: "attendance"; percent: number; threshold: number }
  | { kind: "repeated_absence"; count: number }
  | { kind: "self_review"; percent: number; threshold: number }
  | { kind: "no_thematic" };

export interface WardDigest {
  period: Period;
  cells: CellDigest[];
  totals: Omit<CellDigest, "cellId" | "name" | "attention" | "noThematicInQuarter"> & { cellCount: number };
  /** The ward's attendance rate of each of the 12 months up to the period, oldest first. */
  trend: { period: Period; attendance: number | null }[];
  attention: CellDigest[];
}

/** What the arithmetic needs: the repository's rows for the 12 months up to the period. */
export interface DigestInputs {
  period: Period;
  /** [from, to) of each month, for placing meetings; `monthOf` gives a meeting's month. */
  monthOf: (at: Date) => Period;
  /** Instant the period starts: a cell created after it was registered mid-month. */
  periodStart: Date;
  cells: readonly ReportCell[];
  /** Meetings of the 12 months up to and including the period. */
  meetings: readonly MeetingFigures[];
  tasks: readonly TaskFigures[];
  prompts: readonly PromptFigures[];
  selfReviews: readonly SelfReviewFigures[];
  unreachable: ReadonlyMap<number, number>;
  /** Members with repeated absence, per cell (already at or over each cell's threshold). */
  repeatedAbsentees: ReadonlyMap<number, number>;
  policy: DigestPolicy;
}

/** A meeting that took place: closed, or still open for check-in at the period's end. */
export function isHeld(state: string): boolean {
  return state === "closed" || state === "in_progress";
}

function attendanceOf(meetings: readonly MeetingFigures[]) {
  let expected = 0;
  let present = 0;
  let excused = 0;
  let unexcused = 0;
  for (const m of meetings) {
    if (m.state !== "closed") continue;
    expected += m.expected;
    present += m.present;
    excused += m.excused;
    unexcused += m.unexcused;
  }
  return { expected, present, excused, unexcused, attendance: rate(present, expected) };
}

function isQuarterEnd(p: Period): boolean {
  return p.month % 3 === 0;
}

function changeOf(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : (percent(now) ?? 0) - (percent(before) ?? 0);
}

/** The cells' figures, the ward's totals and trend, and the cells that need attention. */
export function computeDigest(input: DigestInputs): WardDigest {
  const { period, policy } = input;
  const previous = previousPeriod(period);
  const quarterMonths = [previousPeriod(period, 2), previousPeriod(period, 1), period];
  const byCell = new Map<number, MeetingFigures[]>();
  for (const m of input.meetings) {
    const list = byCell.get(m.cellId) ?? [];
    list.push(m);
    byCell.set(m.cellId, list);
  }
  // Each meeting's month, found once: the time-zone arithmetic costs more than everything else here.
  const monthOfMeeting = new Map(input.meetings.map((m) => [m, periodKey(input.monthOf(m.startsAt))]));
  const inMonth = (list: readonly MeetingFigures[], p: Period) => {
    const key = periodKey(p);
    return list.filter((m) => monthOfMeeting.get(m) === key);
  };

  const cells = input.cells.map((cell): CellDigest => {
    const all = byCell.get(cell.id) ?? [];
    const month = inMonth(all, period);
    const registeredMidMonth = cell.createdAt.getTime() > input.periodStart.getTime();
    const count = (kind: string, held: boolean) =>
      month.filter((m) => m.kind === kind && (held ? isHeld(m.state) : true)).length;
    // Every cell holds a regular meeting each month (PRODUCT §1): a month without one planned
    // still shows 0 of 1, except for a cell registered during the month.
    const regularPlanned = count("regular", false);
    const regular = {
      held: count("regular", true),
      planned: registeredMidMonth ? regularPlanned : Math.max(1, regularPlanned),
    };
    const thematic = { held: count("thematic", true), planned: count("thematic", false) };
    const heldAny = month.some((m) => isHeld(m.state));
    const thematicInQuarter = quarterMonths.some((q) =>
      inMonth(all, q).some((m) => m.kind === "thematic" && isHeld(m.state)),
    );
    // A cell registered during the quarter's last month is not flagged.
    const noThematicInQuarter = isQuarterEnd(period) && !registeredMidMonth && !thematicInQuarter;

    const now = attendanceOf(month);
    const before = attendanceOf(inMonth(all, previous));
    const t = input.tasks.find((x) => x.cellId === cell.id);
    const prompts = input.prompts.filter((p) => p.cellId === cell.id);
    const audience = prompts.reduce((s, p) => s + p.audience, 0);
    const responded = prompts.reduce((s, p) => s + Math.min(p.responded, p.audience), 0);
    const rated = prompts.filter((p) => p.kind === "post_meeting");
    const ratingSum = rated.reduce((s, p) => s + p.ratingSum, 0);
    const ratingCount = rated.reduce((s, p) => s + p.ratingCount, 0);
    const review = input.selfReviews.find((s) => s.cellId === cell.id);
    const digest: CellDigest = {
      cellId: cell.id,
      name: cell.name,
      regular,
      thematic,
      cancelled: month.filter((m) => m.state === "cancelled").length,
      noThematicInQuarter,
      expected: now.expected,
      present: now.present,
      attendance: now.attendance,
      previousAttendance: before.attendance,
      change: changeOf(now.attendance, before.attendance),
      excused: now.excused,
      unexcused: now.unexcused,
      tasks: {
        assigned: t?.assigned ?? 0,
        onTime: t?.onTime ?? 0,
        late: t?.late ?? 0,
        overdue: t?.overdue ?? 0,
      },
      prompts: { count: prompts.length, audience, responded, rate: rate(responded, audience) },
      rating: {
        sum: ratingSum,
        count: ratingCount,
        average: ratingCount > 0 ? ratingSum / ratingCount : null,
      },
      selfReview: review
        ? {
            expected: review.expected,
            submitted: Math.min(review.submitted, review.expected),
            rate: rate(Math.min(review.submitted, review.expected), review.expected),
          }
        : null,
      unreachable: input.unreachable.get(cell.id) ?? 0,
      repeatedAbsentees: input.repeatedAbsentees.get(cell.id) ?? 0,
      attention: [],
    };
    digest.attention = attentionReasons(digest, { heldAny, registeredMidMonth }, policy);
    return digest;
  });

  const trend = Array.from({ length: 12 }, (_, i) => {
    const p = previousPeriod(period, 11 - i);
    const { attendance } = attendanceOf(inMonth(input.meetings, p));
    return { period: p, attendance };
  });

  const previousWard = trend[10]?.attendance ?? null;
  return {
    period,
    cells,
    totals: totalsOf(cells, previousWard),
    trend,
    attention: cells.filter((c) => c.attention.length > 0),
  };
}

/** Why a cell needs the committee's attention (PRODUCT §4E; thresholds from the organisation). */
export function attentionReasons(
  cell: CellDigest,
  facts: { heldAny: boolean; registeredMidMonth: boolean },
  policy: DigestPolicy,
): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (!facts.heldAny && !facts.registeredMidMonth) reasons.push({ kind: "no_meeting" });
  const attendance = percent(cell.attendance);
  if (attendance !== null && attendance < policy.minAttendancePercent) {
    reasons.push({ kind: "attendance", percent: attendance, threshold: policy.minAttendancePercent });
  }
  if (cell.repeatedAbsentees >= policy.repeatedAbsentees) {
    reasons.push({ kind: "repeated_absence", count: cell.repeatedAbsentees });
  }
  const review = percent(cell.selfReview?.rate ?? null);
  if (review !== null && review < policy.minSelfReviewPercent) {
    reasons.push({ kind: "self_review", percent: review, threshold: policy.minSelfReviewPercent });
  }
  if (cell.noThematicInQuarter) reasons.push({ kind: "no_thematic" });
  return reasons;
}

/** The ward's totals: counts added up, rates recomputed from the sums (not averaged). */
export function totalsOf(
  cells: readonly CellDigest[],
  previousAttendance: number | null,
): WardDigest["totals"] {
  const sum = (f: (c: CellDigest) => number) => cells.reduce((s, c) => s + f(c), 0);
  const expected = sum((c) => c.expected);
  const present = sum((c) => c.present);
  const audience = sum((c) => c.prompts.audience);
  const responded = sum((c) => c.prompts.responded);
  const ratingSum = sum((c) => c.rating.sum);
  const ratingCount = sum((c) => c.rating.count);
  const reviewed = cells.filter((c) => c.selfReview !== null);
  const reviewExpected = reviewed.reduce((s, c) => s + c.selfReview!.expected, 0);
  const reviewSubmitted = reviewed.reduce((s, c) => s + c.selfReview!.submitted, 0);
  const attendance = rate(present, expected);
  return {
    cellCount: cells.length,
    regular: { held: sum((c) => c.regular.held), planned: sum((c) => c.regular.planned) },
    thematic: { held: sum((c) => c.thematic.held), planned: sum((c) => c.thematic.planned) },
    cancelled: sum((c) => c.cancelled),
    expected,
    present,
    attendance,
    previousAttendance,
    change: changeOf(attendance, previousAttendance),
    excused: sum((c) => c.excused),
    unexcused: sum((c) => c.unexcused),
    tasks: {
      assigned: sum((c) => c.tasks.assigned),
      onTime: sum((c) => c.tasks.onTime),
      late: sum((c) => c.tasks.late),
      overdue: sum((c) => c.tasks.overdue),
    },
    prompts: { count: sum((c) => c.prompts.count), audience, responded, rate: rate(responded, audience) },
    rating: { sum: ratingSum, count: ratingCount, average: ratingCount > 0 ? ratingSum / ratingCount : null },
    selfReview:
      reviewed.length > 0
        ? {
            expected: reviewExpected,
            submitted: reviewSubmitted,
            rate: rate(reviewSubmitted, reviewExpected),
          }
        : null,
    unreachable: sum((c) => c.unreachable),
    repeatedAbsentees: sum((c) => c.repeatedAbsentees),
  };
}
