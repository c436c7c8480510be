// The benchmark's one table and its JSON twin.
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";

/** What a figure promises to fill, known before it runs so a failure still prints its rows. */
export interface RowSpec {
  id: string;
  figure: string;
  goal: string;
}

export interface RowResult {
  /** As printed, e.g. "133 /s (9.0 CPU ms)". */
  measured: string;
  /** The reference it is compared with, as printed; "" when the figure has none. */
  baseline: string;
  /** measured ÷ baseline in the sense the goal is written (null when there is no baseline). */
  ratio: number | null;
  /** Whether the goal is met; null when the goal cannot be judged from this run. */
  met: boolean | null;
  /** Every number behind the row, for the JSON. */
  values: Record<string, number>;
  note?: string;
}

export interface Row extends RowSpec {
  result?: RowResult;
  error?: string;
  /** Seconds the figure that filled this row took. */
  seconds?: number;
}

export interface BenchReport {
  startedAt: string;
  mode: string;
  durationSeconds: number;
  machine: { cpus: number; model: string; loadAverage: number[]; memoryMb: number; node: string };
  sizes: object;
  rows: Row[];
}

export function machineInfo(): BenchReport["machine"] {
  const list = cpus();
  return {
    cpus: list.length,
    model: list[0]?.model ?? "unknown",
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    memoryMb: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
  };
}

export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Two significant decimals for ratios, more for small ones. */
export function formatRatio(value: number | null): string {
  if (value === null) return "—";
  if (!Number.isFinite(value)) return String(value);
  return value >= 10 ? value.toFixed(1) : value >= 0.1 ? value.toFixed(2) : value.toFixed(3);
}

function cellsOf(row: Row): string[] {
  if (row.error !== undefined) return [row.figure, `error: ${row.error}`, "", "", row.goal, ""];
  const r = row.result;
  if (!r) return [row.figure, "error: not measured", "", "", row.goal, ""];
  const met = r.met === null ? "?" : r.met ? "yes" : "no";
  return [row.figure, r.measured, r.baseline || "—", formatRatio(r.ratio), row.goal, met];
}

/** The table as plain text (fixed-width columns; long cells are not cut). */
export function renderTable(rows: readonly Row[]): string {
  const header = ["figure", "measured", "baseline", "ratio", "goal", "met"];
  const body = rows.map(cellsOf);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => [...cells[i]!].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c + " ".repeat(widths[i]! - [...c].length)).join(" | ")} |`;
  const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  const notes = rows.filter((row) => row.result?.note).map((row) => `  ${row.figure}: ${row.result!.note!}`);
  return [line(header), rule, ...body.map(line), ...(notes.length ? ["", "notes:", ...notes] : [])].join(
    "\n",
  );
}

/** Writes bench/results/<timestamp>.json (the mode is inside) and returns its path. */
export async function writeReport(report: BenchReport, directory: string): Promise<string> {
  await mkdir(directory, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-");
  const path = join(directory, `${stamp}.json`);
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
