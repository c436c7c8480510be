// Reads what a digest or a report needs from the reports repository (grouped queries, a handful of
// them whatever the ward's size) and hands it to the arithmetic.
import { localMonthBounds, localParts } from "../../datetime/calendar.ts";
import type { OrganisationView } from "../../db/repositories/organisations.ts";
import type { ReportRepository } from "../../db/repositories/reports.ts";
import { effectiveSettings, organisationSettings, parseDigestPolicy } from "../settings/model.ts";
import { computeDigest, periodKey, previousPeriod, type Period, type WardDigest } from "./arithmetic.ts";

export interface DigestScope {
  org: OrganisationView;
  period: Period;
  /** One cell, or null for the whole ward. */
  cellId: number | null;
}

/** [from, to) of a month in the organisation's time zone. */
export function periodBounds(period: Period, timeZone: string): { from: Date; to: Date } {
  return localMonthBounds(period.year, period.month, timeZone);
}

export async function loadDigest(reports: ReportRepository, scope: DigestScope): Promise<WardDigest> {
  const { org, period, cellId } = scope;
  const timeZone = organisationSettings(org).timeZone;
  const { from, to } = periodBounds(period, timeZone);
  const trendFrom = periodBounds(previousPeriod(period, 11), timeZone).from;
  const yearFrom = localMonthBounds(period.year, 1, timeZone).from;
  const cells = await reports.cells(org.id, to, cellId);
  const thresholds = new Map(cells.map((c) => [c.id, effectiveSettings(org, c).absenceThreshold]));
  const lowest = Math.min(...thresholds.values(), Number.MAX_SAFE_INTEGER);
  const [meetings, tasks, prompts, selfReviews, unreachable, absentees] = await Promise.all([
    reports.meetings(org.id, trendFrom, to, cellId),
    reports.tasks(org.id, from, to, cellId),
    reports.prompts(org.id, from, to, cellId),
    reports.selfReviews(org.id, periodKey(period), cellId),
    reports.unreachable(org.id, cellId),
    cells.length > 0 ? reports.unexcusedAbsences(org.id, yearFrom, to, lowest, cellId) : Promise.resolve([]),
  ]);
  // Repeated absence: at least the cell's own threshold of absences without a reason this year.
  const repeated = new Map<number, number>();
  for (const row of absentees) {
    if (row.count >= (thresholds.get(row.cellId) ?? Number.MAX_SAFE_INTEGER)) {
      repeated.set(row.cellId, (repeated.get(row.cellId) ?? 0) + 1);
    }
  }
  return computeDigest({
    period,
    monthOf: (at) => {
      const p = localParts(at, timeZone);
      return { year: p.year, month: p.month };
    },
    periodStart: from,
    cells,
    meetings,
    tasks,
    prompts,
    selfReviews,
    unreachable,
    repeatedAbsentees: repeated,
    policy: parseDigestPolicy(org.settings),
  });
}
