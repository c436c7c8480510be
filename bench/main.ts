// `npm run bench [-- --quick]`: every figure of PRODUCT §6 / issue 13 in one table, each beside its
// baseline, also written to bench/results/<timestamp>.json. Progress goes to stderr.
import { join } from "node:path";
import { renderTable, writeReport } from "./report.ts";
import { runBench, TABLE_ORDER } from "./run.ts";
import { SIZES } from "./sizes.ts";
import { REPO_ROOT } from "./spawn.ts";

const USAGE = `usage: npm run bench [-- --quick | --full] [-- --only <row id>[,<row id>…]]

  (default) --full  the ward and loads of PRODUCT §6; under 15 minutes on an idle machine
  --quick           a smaller ward and fewer rounds; under 3 minutes
  --only IDS        only the figures of these rows, e.g. --only startup,memory
                    (row ids: ${TABLE_ORDER.join(", ")})

Prints one table and writes it as JSON to bench/results/. See bench/README.md.
`;

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? "").split(",").filter(Boolean) : undefined;
const flags = onlyAt >= 0 ? args.filter((_, i) => i !== onlyAt && i !== onlyAt + 1) : args;
const unknown = [
  ...flags.filter((a) => !["--quick", "--full", "--smoke"].includes(a)),
  ...(only ?? []).filter((id) => !(TABLE_ORDER as readonly string[]).includes(id)),
];
if (unknown.length > 0 || (only && only.length === 0)) {
  process.stderr.write(`unknown argument(s): ${unknown.join(" ") || "--only without row ids"}\n${USAGE}`);
  process.exit(2);
}
// --smoke: the test's tiny sizes, to try the harness itself (its numbers mean nothing).
const sizes = args.includes("--smoke") ? SIZES.smoke : args.includes("--quick") ? SIZES.quick : SIZES.full;
const log = (line: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const report = await runBench({ sizes, log, ...(only ? { only } : {}) });
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
