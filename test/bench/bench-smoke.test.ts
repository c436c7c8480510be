// Keeps `npm run bench` from rotting: runs every figure's code path on a tiny ward with tiny counts
// (SQLite and PostgreSQL, the spawned service included) and checks the report's shape. The numbers
// themselves are not judged here: a busy test machine says nothing about speed. About 30 s on an idle
// machine (four tsx start-ups are most of it); the timeout leaves room for a shared one.
import { expect, it } from "vitest";
import { renderTable } from "../../bench/report.ts";
import { figuresFor, runBench, TABLE_ORDER } from "../../bench/run.ts";
import { SIZES } from "../../bench/sizes.ts";
import { describePostgres } from "../support/providers.ts";

// The bench seeds a ward on both databases.
describePostgres("npm run bench (smoke)", () => {
  it("fills every row of the table with finite numbers", { timeout: 180_000 }, async () => {
    const lines: string[] = [];
    const report = await runBench({ sizes: SIZES.smoke, log: (line) => lines.push(line) });

    const ids = report.rows.map((row) => row.id);
    expect(ids).toEqual([...TABLE_ORDER]);
    expect(new Set(figuresFor(SIZES.smoke).flatMap((f) => f.rows.map((r) => r.id)))).toEqual(
      new Set(TABLE_ORDER),
    );
    for (const row of report.rows) {
      expect({ id: row.id, error: row.error }).toEqual({ id: row.id, error: undefined });
      const result = row.result!;
      expect(result.measured, row.id).not.toBe("");
      expect(Object.keys(result.values).length, row.id).toBeGreaterThan(0);
      for (const [name, value] of Object.entries(result.values)) {
        expect(Number.isFinite(value), `${row.id}.${name} = ${value}`).toBe(true);
      }
      if (result.ratio !== null) expect(Number.isFinite(result.ratio), `${row.id} ratio`).toBe(true);
    }
    const table = renderTable(report.rows);
    for (const row of report.rows) expect(table).toContain(row.figure);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(lines.some((line) => line.includes("done in"))).toBe(true);
  });
});
