// Runs every figure, each on its provider's stage, each on its own so that one failing fills its
// rows with "error: …" and the others still run; returns the report in table order.
import { performance } from "node:perf_hooks";
import type { Provider } from "../src/db/url.ts";
import type { Figure } from "./figure.ts";
import { rsvpBurst } from "./figures/burst.ts";
import { digestFigures } from "./figures/digests.ts";
import { absenceAlerts, closeMeeting } from "./figures/meetings.ts";
import { schedulerTick, wardFanout } from "./figures/scheduler.ts";
import { memory, startup } from "./figures/service.ts";
import { statementsPerUpdate } from "./figures/statements.ts";
import { inProcessThroughput, webhookThroughput } from "./figures/throughput.ts";
import { machineInfo, type BenchReport, type Row } from "./report.ts";
import type { BenchSizes } from "./sizes.ts";
import { createStage, type Stage } from "./stage.ts";
import { installStatementCounter } from "./statements.ts";

/** Figures in the order they run on each stage (a figure that leaves work behind runs late). */
export function figuresFor(sizes: BenchSizes): Figure[] {
  return [
    schedulerTick("sqlite", sizes),
    statementsPerUpdate(),
    inProcessThroughput(sizes),
    webhookThroughput("sqlite", sizes),
    startup(sizes),
    memory(sizes),
    wardFanout(sizes),
    closeMeeting("sqlite", sizes),
    absenceAlerts("sqlite", sizes),
    rsvpBurst(sizes),
    digestFigures("sqlite", sizes),
    schedulerTick("postgresql", sizes),
    webhookThroughput("postgresql", sizes),
    closeMeeting("postgresql", sizes),
    absenceAlerts("postgresql", sizes),
    digestFigures("postgresql", sizes),
  ];
}

/** Row order of the table: as PRODUCT §6 and issue 13 list the figures. */
export const TABLE_ORDER = [
  "updates.inprocess.sqlite",
  "updates.webhook.sqlite",
  "updates.webhook.postgresql",
  "latency.p99.webhook.sqlite",
  "statements.per.update",
  "burst.rsvp",
  "startup",
  "memory",
  "tick.sqlite",
  "tick.postgresql",
  "close.sqlite",
  "close.postgresql",
  "alerts.sqlite",
  "alerts.postgresql",
  "fanout",
  "digest.sqlite",
  "digest.postgresql",
  "export.sqlite",
  "export.postgresql",
] as const;

export interface BenchOptions {
  sizes: BenchSizes;
  /** Progress lines (stage set-up, each figure's time); the table is not printed here. */
  log?: (line: string) => void;
  /** Only the figures with one of these row ids (`--only startup,memory`); every figure by default. */
  only?: readonly string[];
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").trim().slice(0, 300);
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const { sizes } = options;
  const log = options.log ?? (() => undefined);
  installStatementCounter();
  const startedAt = new Date();
  const t0 = performance.now();
  const only = options.only;
  const figures = figuresFor(sizes).filter(
    (figure) => !only || figure.rows.some((row) => only.includes(row.id)),
  );
  const rows = new Map<string, Row>();
  for (const figure of figures) for (const spec of figure.rows) rows.set(spec.id, { ...spec });

  for (const provider of ["sqlite", "postgresql"] as const satisfies readonly Provider[]) {
    const mine = figures.filter((f) => f.provider === provider);
    if (mine.length === 0) continue;
    let stage: Stage | undefined;
    const seeding = performance.now();
    log(
      `${provider}: seeding a ward of ${sizes.cells} × ${sizes.membersPerCell} + ${sizes.bigCellMembers} members, ${sizes.historyMonths} months of meetings…`,
    );
    try {
      stage = await createStage(provider, sizes);
      log(`${provider}: ward ready in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    } catch (error) {
      log(`${provider}: could not set up: ${message(error)}`);
      for (const figure of mine) {
        for (const spec of figure.rows) rows.set(spec.id, { ...spec, error: `set-up: ${message(error)}` });
      }
      continue;
    }
    try {
      for (const figure of mine) {
        const started = performance.now();
        log(`${provider}: ${figure.name}…`);
        try {
          const results = await figure.run(stage);
          const seconds = (performance.now() - started) / 1000;
          for (const spec of figure.rows) {
            const result = results[spec.id];
            rows.set(
              spec.id,
              result ? { ...spec, result, seconds } : { ...spec, error: "not measured", seconds },
            );
          }
          log(`${provider}: ${figure.name} done in ${seconds.toFixed(1)} s`);
        } catch (error) {
          const seconds = (performance.now() - started) / 1000;
          log(`${provider}: ${figure.name} failed after ${seconds.toFixed(1)} s: ${message(error)}`);
          for (const spec of figure.rows) rows.set(spec.id, { ...spec, error: message(error), seconds });
        }
      }
    } finally {
      await stage.close();
    }
  }

  const ordered = [
    ...TABLE_ORDER.flatMap((id) => (rows.has(id) ? [rows.get(id)!] : [])),
    ...[...rows.values()].filter((row) => !(TABLE_ORDER as readonly string[]).includes(row.id)),
  ];
  return {
    startedAt: startedAt.toISOString(),
    mode: sizes.name,
    durationSeconds: Math.round((performance.now() - t0) / 100) / 10,
    machine: machineInfo(),
    sizes,
    rows: ordered,
  };
}
