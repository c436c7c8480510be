// The load generator shared by the bot and the baseline: a realistic mix of updates made by the
// emulator (RSVP presses on a cell's meeting announcement, /me in private, plain group talk the
// bot must ignore), and drivers that hand them over in-process (bot.handleUpdate) or through a
// webhook, a fixed number in flight, timing each and the process's CPU.
import { createServer, request, Agent, type Server } from "node:http";
import { performance } from "node:perf_hooks";
import { webhookCallback, type Bot } from "grammy";
import type { Update, User } from "grammy/types";
import type { EmulatedBot } from "../src/emulator/index.ts";
import type { SeededCell, Stage } from "./stage.ts";
import { pick } from "./stats.ts";

export type UpdateKind = "rsvp" | "me" | "ignored";
export type Target = "bot" | "baseline";

export interface LoadItem {
  kind: UpdateKind;
  update: Update;
}

/** Share of each kind in the mix. */
export const MIX: readonly [UpdateKind, number][] = [
  ["rsvp", 0.6],
  ["me", 0.1],
  ["ignored", 0.3],
];

const ANSWERS = ["a", "a", "a", "a", "u", "u", "n"] as const;
const GROUP_TALK = [
  "Tối nay mấy giờ họp vậy các đồng chí?",
  "Đã nhận thông báo, cảm ơn đồng chí Bí thư.",
  "Mình sẽ đến sớm để chuẩn bị hội trường.",
  "Hôm nay khu phố có lịch phát quà cho hộ khó khăn.",
];

function accountOf(stage: Stage, target: Target): EmulatedBot {
  return target === "bot" ? stage.account : stage.baselineAccount;
}

function pickKind(random: () => number): UpdateKind {
  let roll = random();
  for (const [kind, share] of MIX) {
    if (roll < share) return kind;
    roll -= share;
  }
  return "ignored";
}

/**
 * Makes `count` updates for one of the two bots (kinds drawn from MIX unless `only` is given),
 * from members drawn across the whole ward. Updates the other bot also received are dropped.
 */
export function generateLoad(
  stage: Stage,
  target: Target,
  count: number,
  random: () => number,
  only?: UpdateKind,
): LoadItem[] {
  const { emulator } = stage;
  const account = accountOf(stage, target);
  // Whatever was queued before belongs to no one now.
  emulator.takeUpdates(stage.account);
  emulator.takeUpdates(stage.baselineAccount);
  const kinds = actAsMembers(stage, target, count, random, only);
  const updates = emulator.takeUpdates(account);
  if (updates.length !== count) {
    throw new Error(`the emulator queued ${updates.length} updates for ${count} user actions`);
  }
  return updates.map((update, i) => ({ kind: kinds[i]!, update }));
}

/**
 * Performs `count` member actions towards one bot and leaves the updates queued in the emulator
 * (for a bot that long-polls); what the other bot received is dropped. Returns the kinds in order.
 */
export function actAsMembers(
  stage: Stage,
  target: Target,
  count: number,
  random: () => number,
  only?: UpdateKind,
): UpdateKind[] {
  const { emulator } = stage;
  const account = accountOf(stage, target);
  const people: { cell: SeededCell; user: User }[] = [];
  for (const cell of [...stage.ward.cells, stage.ward.big]) {
    for (const user of cell.users) people.push({ cell, user });
  }
  const kinds: UpdateKind[] = [];
  for (let i = 0; i < count; i++) {
    const kind = only ?? pickKind(random);
    const { cell, user } = pick(random, people);
    if (kind === "rsvp") {
      const messageId = target === "bot" ? cell.announcementId : cell.baselineAnnouncementId;
      emulator.pressButton(
        account,
        user,
        cell.chatId,
        messageId,
        `rsvp:${cell.meetingId}:${pick(random, ANSWERS)}`,
      );
    } else if (kind === "me") {
      emulator.sendText(account, user, user.id, "/me");
    } else {
      emulator.sendText(account, user, cell.chatId, pick(random, GROUP_TALK));
    }
    kinds.push(kind);
  }
  emulator.takeUpdates(target === "bot" ? stage.baselineAccount : stage.account);
  return kinds;
}

export interface DriveResult {
  count: number;
  elapsedMs: number;
  /** CPU time (user + system) of this whole process: bot, emulator and load generator. */
  cpuMs: number;
  latenciesMs: number[];
  failures: number;
  firstFailure?: string;
}

export type Handle = (update: Update) => Promise<unknown>;

/** Hands the updates to `handle` with `inFlight` of them outstanding at any time. */
export async function drive(
  items: readonly LoadItem[],
  handle: Handle,
  inFlight: number,
): Promise<DriveResult> {
  const latenciesMs: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      const t0 = performance.now();
      try {
        await handle(item.update);
      } catch (error) {
        failures += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
      latenciesMs.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, inFlight) }, worker));
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    count: items.length,
    elapsedMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    latenciesMs,
    failures,
    ...(firstFailure === undefined ? {} : { firstFailure }),
  };
}

/** POSTs updates to a webhook the way Telegram does (secret token header), over kept-alive sockets. */
export function createWebhookPoster(port: number, secretToken: string, inFlight: number, path = "/telegram") {
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  const post: Handle = (update) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify(update);
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path,
          method: "POST",
          agent,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            "x-telegram-bot-api-secret-token": secretToken,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`webhook answered ${res.statusCode}`)),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}

/** The baseline's webhook: grammY's webhookCallback on a bare node:http server. */
export async function startBaselineWebhook(
  bot: Bot,
  secretToken: string,
): Promise<{ port: number; close(): Promise<void> }> {
  const handle = webhookCallback(bot, "http", { secretToken });
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
