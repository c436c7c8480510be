// `npm run bench [-- --quick]`: every figure of PRODUCT §6 / issue 13 in one table, each beside its
// baseline, also written to bench/results/<timestamp>.json. Progress goes to stderr.
import { join } from "node:path";
import { renderTable, writeReport } from "./report.ts";
import { runBench } from "./run.ts";
import { SIZES } from "./sizes.ts";
import { REPO_ROOT } from "./spawn.ts";

const args = process.argv.slice(2);
const unknown = args.filter((a) => !["--quick", "--full", "--smoke"].includes(a));
if (unknown.length > 0) {
  process.stderr.write(`unknown argument(s): ${unknown.join(" ")}\nusage: npm run bench [-- --quick]\n`);
  process.exit(2);
}
// --smoke: the test's tiny sizes, to try the harness itself (its numbers mean nothing).
const sizes = args.includes("--smoke") ? SIZES.smoke : args.includes("--quick") ? SIZES.quick : SIZES.full;
const log = (line: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const report = await runBench({ sizes, log });
const path = await writeReport(report, join(REPO_ROOT, "bench", "results"));
const { machine } = report;
console.log(
  `chibo-bot benchmark (${report.mode}), ${report.startedAt}, ${report.durationSeconds} s; ` +
    `${machine.cpus} × ${machine.model}, load ${machine.loadAverage.join(" ")}, Node ${machine.node}`,
);
console.log("");
console.log(renderTable(report.rows));
console.log("");
console.log(`written to ${path}`);
// Stray sockets or timers of the services under test must not keep the process alive.
process.exit(0);
