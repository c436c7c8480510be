// The people behind a cell's figures, for its secretary's summary (and the committee's digest only
// when the organisation's policy allows): members absent without a reason at least the cell's
// threshold of times this year, members with overdue tasks, members who did not submit the
// month's self-review.
import { localMonthBounds } from "../../datetime/calendar.ts";
import type { OrganisationView } from "../../db/repositories/organisations.ts";
import type { ReportRepository } from "../../db/repositories/reports.ts";
import { effectiveSettings, organisationSettings } from "../settings/model.ts";
import { periodKey, type Period, type WardDigest } from "./arithmetic.ts";
import { periodBounds } from "./data.ts";
import type { CellNames } from "./render.ts";

export async function loadNames(
  reports: ReportRepository,
  org: OrganisationView,
  period: Period,
  digest: WardDigest,
): Promise<Map<number, CellNames>> {
  const timeZone = organisationSettings(org).timeZone;
  const { to } = periodBounds(period, timeZone);
  const yearFrom = localMonthBounds(period.year, 1, timeZone).from;
  const cellIds = digest.cells.map((c) => c.cellId);
  const only = cellIds.length === 1 ? cellIds[0]! : null;
  const cells = await reports.cells(org.id, to, only);
  const threshold = new Map(cells.map((c) => [c.id, effectiveSettings(org, c).absenceThreshold]));
  const lowest = Math.min(...threshold.values(), Number.MAX_SAFE_INTEGER);
  const absences =
    cells.length > 0 ? await reports.unexcusedAbsences(org.id, yearFrom, to, lowest, only) : [];
  const out = new Map<number, CellNames>();
  for (const cellId of cellIds) {
    const [overdue, missing] = await Promise.all([
      reports.overdueAssignees(cellId, to),
      reports.missingSelfReviews(cellId, periodKey(period)),
    ]);
    out.set(cellId, {
      repeatedAbsentees: absences
        .filter((a) => a.cellId === cellId && a.count >= (threshold.get(cellId) ?? Number.MAX_SAFE_INTEGER))
        .map((a) => ({ name: a.name, count: a.count })),
      overdue: overdue.map((o) => ({ name: o.name, count: o.count })),
      missingSelfReview: missing.map((m) => ({ name: m.name, count: 1 })),
    });
  }
  return out;
}
