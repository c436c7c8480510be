// The service as `npm start` runs it: time from spawn to the first getUpdates the emulator sees,
// and its memory when idle and after a throughput run through long polling; each beside the
// do-nothing grammY bot started the same way (plain node, compiled JavaScript) and driven by the same load.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Figure } from "../figure.ts";
import { actAsMembers } from "../load.ts";
import { formatNumber } from "../report.ts";
import type { BenchSizes } from "../sizes.ts";
import { spawnService, startCommand, type Service } from "../spawn.ts";
import type { Stage } from "../stage.ts";
import { createThrowawayDatabase } from "../databases.ts";
import { createRandom, median, sleep, waitUntil } from "../stats.ts";

/** Compiled JavaScript under plain node, as `npm start` runs dist/main.js: the ratio compares bots, not loaders. */
const BASELINE_COMMAND = `exec node ${join("bench", "do-nothing-main.mjs")}`;

function serviceEnv(stage: Stage, databaseUrl: string): Record<string, string> {
  return {
    BOT_TOKEN: stage.account.token,
    TELEGRAM_API_ROOT: stage.emulator.apiRoot,
    DATABASE_URL: databaseUrl,
    ADMIN_IDS: String(stage.admin.id),
    BOT_MODE: "polling",
    LOG_LEVEL: "warn",
  };
}

/** One ignorable group message waiting for the bot, so its first getUpdates is answered at once. */
function primeFirstPoll(stage: Stage, target: "bot" | "baseline"): void {
  actAsMembers(stage, target, 1, createRandom(7), "ignored");
}

function baselineEnv(stage: Stage): Record<string, string> {
  return { BOT_TOKEN: stage.baselineAccount.token, TELEGRAM_API_ROOT: stage.emulator.apiRoot };
}

export function startup(sizes: BenchSizes): Figure {
  const id = "startup";
  return {
    name: "start-up",
    provider: "sqlite",
    rows: [{ id, figure: "start-up to first getUpdates (npm start's command, fresh SQLite)", goal: "< 1 s" }],
    async run(stage) {
      const command = startCommand();
      const bot: number[] = [];
      const baseline: number[] = [];
      for (let round = 0; round < sizes.startupRounds; round++) {
        // A fresh database each time: the first start of a new install, migrations included.
        const database = await createThrowawayDatabase("sqlite");
        try {
          primeFirstPoll(stage, "bot");
          const service = await spawnService(
            command,
            serviceEnv(stage, database.url),
            stage.emulator,
            stage.account.token,
          );
          bot.push(service.readyMs);
          await service.stop();
        } finally {
          await database.drop();
        }
        primeFirstPoll(stage, "baseline");
        const base = await spawnService(
          BASELINE_COMMAND,
          baselineEnv(stage),
          stage.emulator,
          stage.baselineAccount.token,
        );
        baseline.push(base.readyMs);
        await base.stop();
      }
      const ms = median(bot);
      const baseMs = median(baseline);
      return {
        [id]: {
          measured: `${formatNumber(ms / 1000, 2)} s (${command})`,
          baseline: `${formatNumber(baseMs / 1000, 2)} s (node, grammY bot.start)`,
          ratio: ms / baseMs,
          met: ms < 1000,
          values: { ms, baselineMs: baseMs, rounds: sizes.startupRounds },
        },
      };
    },
  };
}

/** Idle memory after start-up, then memory after `count` mixed updates went through long polling. */
async function memoryOf(
  stage: Stage,
  service: Service,
  target: "bot" | "baseline",
  count: number,
): Promise<{ idleMb: number; afterMb: number; handled: boolean }> {
  await sleep(stage.sizes.memorySettleMs);
  const idleMb = service.rssMb();
  const { emulator } = stage;
  const token = target === "bot" ? stage.account.token : stage.baselineAccount.token;
  const account = target === "bot" ? stage.account : stage.baselineAccount;
  const firstCall = emulator.calls().length;
  const random = createRandom(target === "bot" ? 404 : 405);
  let presses = 0;
  // In chunks, so that the queue never holds the whole run at once (as with a real backlog).
  const chunk = 200;
  for (let done = 0; done < count; done += chunk) {
    const kinds = actAsMembers(stage, target, Math.min(chunk, count - done), random);
    presses += kinds.filter((k) => k === "rsvp").length;
    await waitUntil(() => emulator.pendingUpdateCount(account) < chunk / 2, 60_000);
  }
  const answered = () =>
    emulator
      .calls()
      .slice(firstCall)
      .filter((c) => c.token === token && c.method.toLowerCase() === "answercallbackquery").length;
  const handled = await waitUntil(
    () => emulator.pendingUpdateCount(account) === 0 && answered() >= presses,
    120_000,
    100,
  );
  await sleep(stage.sizes.memorySettleMs / 2);
  return { idleMb, afterMb: service.rssMb(), handled };
}

export function memory(sizes: BenchSizes): Figure {
  const id = "memory";
  return {
    name: "memory",
    provider: "sqlite",
    rows: [
      {
        id,
        figure: `memory (RSS): idle / after ${formatNumber(sizes.memoryLoadUpdates)} updates by polling`,
        goal: "< 100 / < 150 MB",
      },
    ],
    async run(stage) {
      // The service runs on a copy of the seeded ward: its start-up migration check cannot run on
      // an SQLite file another process (the in-process app) holds open.
      const dir = await mkdtemp(join(tmpdir(), "chibo-bench-mem-"));
      let bot;
      try {
        const copy = join(dir, "ward.sqlite");
        await stage.app.database.prisma.$executeRawUnsafe(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);
        primeFirstPoll(stage, "bot");
        const service = await spawnService(
          startCommand(),
          serviceEnv(stage, `file:${copy}`),
          stage.emulator,
          stage.account.token,
        );
        try {
          bot = await memoryOf(stage, service, "bot", sizes.memoryLoadUpdates);
        } finally {
          await service.stop();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      primeFirstPoll(stage, "baseline");
      const base = await spawnService(
        BASELINE_COMMAND,
        baselineEnv(stage),
        stage.emulator,
        stage.baselineAccount.token,
      );
      let baseline;
      try {
        baseline = await memoryOf(stage, base, "baseline", sizes.memoryLoadUpdates);
      } finally {
        await base.stop();
      }
      const ratio = bot.afterMb / baseline.afterMb;
      const unhandled = [bot.handled ? "" : "the service", baseline.handled ? "" : "the baseline"].filter(
        Boolean,
      );
      return {
        [id]: {
          measured: `${formatNumber(bot.idleMb)} / ${formatNumber(bot.afterMb)} MB`,
          baseline: `${formatNumber(baseline.idleMb)} / ${formatNumber(baseline.afterMb)} MB`,
          ratio,
          met: bot.handled && bot.idleMb < 100 && bot.afterMb < 150,
          values: {
            idleMb: bot.idleMb,
            afterMb: bot.afterMb,
            baselineIdleMb: baseline.idleMb,
            baselineAfterMb: baseline.afterMb,
            ratio,
          },
          note: `RSS of the node process running the service${unhandled.length ? `; ${unhandled.join(" and ")} did not finish the load in time` : ""}`,
        },
      };
    },
  };
}
