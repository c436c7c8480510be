// The service as a real child process, for tests that need signals, the process's own stdout/stderr,
// or its CPU time. Output is collected with the time it arrived. By default it runs the sources
// (src/main.ts under tsx, as `npm run dev` does), so a test sees the code as it is without a build;
// `via: "npm"` runs `npm start` itself, which runs the compiled build in dist/.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const ROOT = join(import.meta.dirname, "..", "..");
const TSX_LOADER = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;

export interface ServiceProcess {
  child: ChildProcess;
  pid: number;
  /** Everything written so far to stdout and stderr. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the time (performance.now) the output first matched; rejects after timeoutMs. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<number>;
  /** Resolves with the exit code (null after a signal) and when it exited; rejects after timeoutMs. */
  exited(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Kills it hard if it is still running (test clean-up). */
  kill(): void;
}

export interface StartOptions {
  env: Record<string, string>;
  /** Working directory; a fresh temporary one by default. */
  cwd?: string;
  /**
   * "node" runs src/main.ts like `npm run dev`; "npm" runs `npm start` itself from the project root
   * (dist/main.js: call ensureBuilt() first, so that a build does not eat the test's time).
   */
  via?: "node" | "npm";
}

/** Brings dist/ up to date as `npm start`'s prestart would (nothing to do when it is). */
export function ensureBuilt(): void {
  const result = spawnSync(process.execPath, [join(ROOT, "scripts", "build.mjs"), "--if-stale"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

export function startService(options: StartOptions): ServiceProcess {
  const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), "chibo-proc-"));
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmpdir(), ...options.env };
  const child =
    options.via === "npm"
      ? spawn("npm", ["start", "--silent"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
      : spawn(process.execPath, ["--import", TSX_LOADER, join(ROOT, "src", "main.ts")], {
          cwd,
          env,
          stdio: ["ignore", "pipe", "pipe"],
        });
  let out = "";
  let err = "";
  const watchers = new Set<() => void>();
  const notify = () => watchers.forEach((w) => w());
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
    notify();
  });
  child.stderr.on("data", (d: Buffer) => {
    err += d.toString();
    notify();
  });
  let exit: { code: number | null; signal: NodeJS.Signals | null; at: number } | undefined;
  const exitWaiters = new Set<() => void>();
  child.on("exit", (code, signal) => {
    exit = { code, signal, at: performance.now() };
    exitWaiters.forEach((w) => w());
  });
  return {
    child,
    pid: child.pid!,
    output: () => out + err,
    stdout: () => out,
    stderr: () => err,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(out + err)) {
            watchers.delete(check);
            clearTimeout(timer);
            resolve(performance.now());
          }
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${out}\n${err}`));
        }, timeoutMs);
        watchers.add(check);
        check();
      });
    },
    exited(timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        if (exit) return resolve(exit);
        const timer = setTimeout(() => {
          exitWaiters.delete(done);
          reject(new Error(`still running after ${timeoutMs} ms; output:\n${out}\n${err}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          exitWaiters.delete(done);
          resolve(exit!);
        };
        exitWaiters.add(done);
      });
    },
    kill() {
      if (!exit) child.kill("SIGKILL");
    },
  };
}

/** CPU time (user + system) a process has used so far, in milliseconds, from /proc. */
export function cpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name in parentheses: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** The pids of every living descendant of `pid`, from /proc. */
export function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirProc()) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), entry]);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function readdirProc(): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** True while a process with this pid exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}
