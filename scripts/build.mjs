// `npm run build`: compiles src/ to dist/ with tsconfig.build.json (what `npm start` runs).
//   node scripts/build.mjs                 build, or fail
//   node scripts/build.mjs --if-available  (postinstall) build unless TypeScript is not installed,
//                                          as in a production-only install that copies dist/ in
//   node scripts/build.mjs --if-stale      (prestart) build only when dist/ is missing or older
//                                          than a file in src/; nothing to do without src/
// The new output is written beside dist/ and swapped in only when the compiler succeeded, so a
// failed build leaves the previous one runnable and no file of a deleted module lingers.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const dist = join(root, "dist");
const entry = join(dist, "main.js");
const USAGE = "usage: node scripts/build.mjs [--if-available | --if-stale]";

function say(line) {
  process.stderr.write(`chibo-bot build: ${line}\n`);
}

function tscPath() {
  try {
    return createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
  } catch {
    return undefined;
  }
}

/** The newest modification time of any file under `dir`, in ms. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!existsSync(entry)) return "dist/ has not been built yet";
  const built = statSync(entry).mtimeMs;
  const configs = ["tsconfig.json", "tsconfig.build.json"].map((f) => join(root, f)).filter(existsSync);
  const newest = Math.max(newestMtime(src), ...configs.map((f) => statSync(f).mtimeMs));
  return newest > built ? "src/ has changed since the last build" : undefined;
}

/**
 * Runs `task` holding the directory lock dist.building/ (mkdir is atomic), so that two builds started
 * together (two terminals, two test files starting the service) do not write over each other; the
 * second then finds a fresh dist/ and has nothing to do. The holder's pid is in the lock: a lock
 * whose holder has died (a build cut short by Ctrl+C) is taken over.
 */
function withBuildLock(task) {
  const lock = join(root, "dist.building");
  const pidFile = join(lock, "pid");
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(pidFile, String(process.pid));
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      if (holderIsGone(pidFile)) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    return task(lock);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function holderIsGone(pidFile) {
  let pid;
  try {
    pid = Number(readFileSync(pidFile, "utf8"));
  } catch {
    // No pid yet: the holder is between mkdir and writing it, unless that was long ago.
    try {
      return Date.now() - statSync(dirname(pidFile)).mtimeMs > 60_000;
    } catch {
      return false; // released meanwhile
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return error.code === "ESRCH";
  }
}

function build(tsc, lock) {
  const next = join(lock, "dist");
  const result = spawnSync(
    process.execPath,
    [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", next],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (result.status !== 0) {
    say("the TypeScript compiler failed; dist/ was left as it was");
    return result.status ?? 1;
  }
  const old = join(lock, "old");
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(next, dist);
  return 0;
}

function main(args) {
  const mode = args[0];
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  if (args.length > 1 || (mode !== undefined && mode !== "--if-available" && mode !== "--if-stale")) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (mode !== undefined && !existsSync(src)) return 0; // a deployment made of dist/ only
  if (mode === "--if-stale" && !isStale()) return 0;
  const tsc = tscPath();
  if (!tsc) {
    if (mode === "--if-stale") {
      say(
        `${isStale()}, and TypeScript is not installed to build it: run \`npm install\` (with the dev dependencies) or \`npm run build\`.`,
      );
      return 1;
    }
    if (mode === "--if-available") {
      say(
        "TypeScript is not installed (a production-only install), so dist/ is not built here; copy it from a build made with the dev dependencies.",
      );
      return 0;
    }
    say("TypeScript is not installed: run `npm install` with the dev dependencies first.");
    return 1;
  }
  return withBuildLock((lock) => {
    if (mode === "--if-stale") {
      const why = isStale(); // again: a build that held the lock may have just made it fresh
      if (!why) return 0;
      say(`${why}: compiling src/ to dist/ first (npm run build)…`);
    }
    return build(tsc, lock);
  });
}

process.exitCode = main(process.argv.slice(2));
