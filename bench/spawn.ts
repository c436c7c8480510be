// Spawning a service as a person would start it, timing it until the emulator sees its first
// getUpdates, reading its memory, and stopping it (only the processes started here, by their id).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { TelegramEmulator } from "../src/emulator/index.ts";
import { sleep } from "./stats.ts";

export const REPO_ROOT = resolve(import.meta.dirname, "..");

/**
 * The command `npm start` runs, read from package.json so the two cannot drift. It runs the build in
 * dist/, so that is brought up to date first (what `npm start`'s prestart does), outside the timing.
 */
export function startCommand(): string {
  const build = spawnSync(process.execPath, [join(REPO_ROOT, "scripts", "build.mjs"), "--if-stale"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (build.status !== 0) throw new Error("could not build dist/ (npm run build) for the start command");
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  const command = pkg.scripts?.start;
  if (!command) throw new Error("package.json has no start script");
  return command;
}

export interface Service {
  child: ChildProcess;
  /** Milliseconds from spawn until the emulator received its first getUpdates. */
  readyMs: number;
  stderr(): string;
  /** Resident memory of the largest process of the tree (the node running the service), in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

/**
 * Runs `command` through a shell in the repository with only the given environment (plus PATH and
 * HOME), and waits until the emulator sees a getUpdates with `token`. The emulator records a call
 * when it has answered it, and a long poll with nothing to deliver is answered only at its timeout:
 * queue an update for the bot first (see primeFirstPoll), so that the first getUpdates returns at
 * once; its arrival time is what is measured.
 */
export async function spawnService(
  command: string,
  env: Record<string, string>,
  emulator: TelegramEmulator,
  token: string,
  timeoutMs = 60_000,
): Promise<Service> {
  const path = `${join(REPO_ROOT, "node_modules", ".bin")}:${process.env.PATH ?? ""}`;
  const firstCall = emulator.calls().length;
  const t0 = performance.now();
  const t0Wall = Date.now();
  const child = spawn(command, {
    cwd: REPO_ROOT,
    shell: true,
    // Its own process group, so stopping it reaches any child the command starts too.
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { PATH: path, HOME: process.env.HOME ?? "/tmp", ...env },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  let exited = false;
  const exit = new Promise<void>((resolveExit) =>
    child.once("exit", () => {
      exited = true;
      resolveExit();
    }),
  );
  const service: Service = {
    child,
    readyMs: Number.NaN,
    stderr: () => stderr,
    rssMb: () => treeRssMb(child.pid),
    async stop() {
      if (exited || child.pid === undefined) return;
      signalGroup(child.pid, "SIGTERM");
      // A graceful stop is not measured here; do not wait long for it.
      const stopped = await Promise.race([exit.then(() => true), sleep(3_000).then(() => false)]);
      if (!stopped) {
        signalGroup(child.pid, "SIGKILL");
        await exit;
      }
    },
  };
  let seen = firstCall;
  while (performance.now() - t0 < timeoutMs) {
    const calls = emulator.calls();
    for (; seen < calls.length; seen++) {
      const call = calls[seen]!;
      if (call.token === token && call.method.toLowerCase() === "getupdates") {
        service.readyMs = call.at - t0Wall;
        return service;
      }
    }
    if (exited) throw new Error(`the service exited before polling: ${stderr.trim() || "no output"}`);
    await sleep(5);
  }
  await service.stop();
  throw new Error(`no getUpdates within ${timeoutMs} ms: ${stderr.trim() || "no output"}`);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** The descendants of `pid` (and itself), from /proc. */
function processTree(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  }
  return tree;
}

function rssKbOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function treeRssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const largest = Math.max(0, ...processTree(pid).map(rssKbOf));
  if (largest === 0) throw new Error("cannot read the service's memory (/proc is needed)");
  return largest / 1024;
}
