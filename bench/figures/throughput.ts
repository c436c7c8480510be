// Updates per second and CPU per update, the bot beside the do-nothing grammY bot, in alternating
// rounds on the same load generator: in-process (bot.handleUpdate) and through a webhook, where the
// p99 latency at `inFlight` outstanding updates is taken too.
import { randomBytes } from "node:crypto";
import { startWebhookServer } from "../../src/server/webhook.ts";
import type { Provider } from "../../src/db/url.ts";
import { PROVIDER_LABEL, type Figure } from "../figure.ts";
import {
  createWebhookPoster,
  drive,
  generateLoad,
  startBaselineWebhook,
  type DriveResult,
  type Handle,
} from "../load.ts";
import { formatNumber, type RowResult } from "../report.ts";
import type { BenchSizes } from "../sizes.ts";
import type { Stage } from "../stage.ts";
import { createRandom, median, percentile } from "../stats.ts";

interface Summary {
  rate: number;
  cpuMs: number;
  p99Ms: number;
  p50Ms: number;
  failures: number;
  firstFailure?: string;
}

function summarise(results: readonly DriveResult[]): Summary {
  const failures = results.reduce((n, r) => n + r.failures, 0);
  const firstFailure = results.find((r) => r.firstFailure)?.firstFailure;
  return {
    rate: median(results.map((r) => (r.count * 1000) / r.elapsedMs)),
    cpuMs: median(results.map((r) => r.cpuMs / r.count)),
    p99Ms: median(results.map((r) => percentile(r.latenciesMs, 99))),
    p50Ms: median(results.map((r) => percentile(r.latenciesMs, 50))),
    failures,
    ...(firstFailure === undefined ? {} : { firstFailure }),
  };
}

/** Warm-up (not counted), then rounds: bot, baseline, bot, baseline… */
async function alternate(
  stage: Stage,
  seed: number,
  handleBot: Handle,
  handleBaseline: Handle,
): Promise<{ bot: Summary; baseline: Summary }> {
  const { rounds, updatesPerRound, inFlight } = stage.sizes;
  const random = createRandom(seed);
  const warm = Math.min(100, updatesPerRound);
  await drive(generateLoad(stage, "bot", warm, random), handleBot, inFlight);
  await drive(generateLoad(stage, "baseline", warm, random), handleBaseline, inFlight);
  const bot: DriveResult[] = [];
  const baseline: DriveResult[] = [];
  for (let round = 0; round < rounds; round++) {
    bot.push(await drive(generateLoad(stage, "bot", updatesPerRound, random), handleBot, inFlight));
    baseline.push(
      await drive(generateLoad(stage, "baseline", updatesPerRound, random), handleBaseline, inFlight),
    );
  }
  return { bot: summarise(bot), baseline: summarise(baseline) };
}

function failureNote(bot: Summary, baseline: Summary): string | undefined {
  const notes: string[] = [];
  if (bot.failures > 0) notes.push(`${bot.failures} bot updates failed (${bot.firstFailure})`);
  if (baseline.failures > 0)
    notes.push(`${baseline.failures} baseline updates failed (${baseline.firstFailure})`);
  return notes.length ? notes.join("; ") : undefined;
}

function rateRow(
  bot: Summary,
  baseline: Summary,
  judge: (rate: number, ratio: number) => boolean,
  extra?: string,
): RowResult {
  const ratio = bot.rate / baseline.rate;
  const note = [extra, failureNote(bot, baseline)].filter(Boolean).join("; ");
  return {
    measured: `${formatNumber(bot.rate)} /s (${formatNumber(bot.cpuMs, 2)} CPU ms)`,
    baseline: `${formatNumber(baseline.rate)} /s (${formatNumber(baseline.cpuMs, 2)} CPU ms)`,
    ratio,
    met: bot.failures === 0 && judge(bot.rate, ratio),
    values: {
      updatesPerSecond: bot.rate,
      cpuMsPerUpdate: bot.cpuMs,
      p50Ms: bot.p50Ms,
      p99Ms: bot.p99Ms,
      failures: bot.failures,
      baselineUpdatesPerSecond: baseline.rate,
      baselineCpuMsPerUpdate: baseline.cpuMs,
      baselineP99Ms: baseline.p99Ms,
      ratio,
    },
    ...(note ? { note } : {}),
  };
}

export function inProcessThroughput(sizes: BenchSizes): Figure {
  return {
    name: "throughput in-process",
    provider: "sqlite",
    rows: [
      {
        id: "updates.inprocess.sqlite",
        figure: "updates/s, in-process (bot.handleUpdate), SQLite",
        goal: "≥ 1,000/s and ≥ 0.25× (stretch 0.5×)",
      },
    ],
    async run(stage) {
      const { bot, baseline } = await alternate(
        stage,
        101,
        (u) => stage.app.bot.handleUpdate(u),
        (u) => stage.baseline.handleUpdate(u),
      );
      const stretch = bot.rate / baseline.rate >= 0.5;
      return {
        "updates.inprocess.sqlite": rateRow(
          bot,
          baseline,
          (rate, ratio) => rate >= 1000 && ratio >= 0.25,
          `stretch 0.5× (PRODUCT §6) ${stretch ? "met" : "not met"}; ${sizes.inFlight} in flight, CPU of the whole process (bot + emulator)`,
        ),
      };
    },
  };
}

export function webhookThroughput(provider: Provider, sizes: BenchSizes): Figure {
  const rateId = `updates.webhook.${provider}`;
  const latencyId = `latency.p99.webhook.${provider}`;
  return {
    name: `throughput webhook ${provider}`,
    provider,
    rows: [
      { id: rateId, figure: `updates/s, webhook, ${PROVIDER_LABEL[provider]}`, goal: "≥ 0.2×" },
      ...(provider === "sqlite"
        ? [
            {
              id: latencyId,
              figure: `p99 latency at ${sizes.inFlight} updates in flight, webhook SQLite`,
              goal: "< 50 ms",
            },
          ]
        : []),
    ],
    async run(stage) {
      const secret = randomBytes(18).toString("base64url");
      const server = await startWebhookServer({
        bot: stage.app.bot,
        secretToken: secret,
        port: 0,
        host: "127.0.0.1",
        logger: stage.logger,
      });
      const baselineServer = await startBaselineWebhook(stage.baseline, secret);
      const botPoster = createWebhookPoster(server.port, secret, sizes.inFlight);
      const baselinePoster = createWebhookPoster(baselineServer.port, secret, sizes.inFlight);
      try {
        const { bot, baseline } = await alternate(stage, 202, botPoster.post, baselinePoster.post);
        const rows: Record<string, RowResult> = {
          [rateId]: rateRow(bot, baseline, (_rate, ratio) => ratio >= 0.2),
        };
        if (provider === "sqlite") {
          rows[latencyId] = {
            measured: `${formatNumber(bot.p99Ms, 1)} ms (p50 ${formatNumber(bot.p50Ms, 1)})`,
            baseline: `${formatNumber(baseline.p99Ms, 1)} ms (p50 ${formatNumber(baseline.p50Ms, 1)})`,
            ratio: bot.p99Ms / baseline.p99Ms,
            met: bot.failures === 0 && bot.p99Ms < 50,
            values: {
              p99Ms: bot.p99Ms,
              p50Ms: bot.p50Ms,
              baselineP99Ms: baseline.p99Ms,
              baselineP50Ms: baseline.p50Ms,
            },
          };
        }
        return rows;
      } finally {
        botPoster.close();
        baselinePoster.close();
        await baselineServer.close();
        server.server.closeAllConnections();
        await server.close();
      }
    },
  };
}
