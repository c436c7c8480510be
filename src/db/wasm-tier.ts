// Prisma 7 runs its query compiler (and, when migrating, its schema engine) as WebAssembly. V8
// compiles a module with its baseline compiler (Liftoff) and then again, in the background, with its
// optimising one (TurboFan), keeping both: for the query compiler that second copy is ~60 MB of
// resident memory, more than the rest of the bot's heap (issue 13: idle RSS 233 → ~150 MB). Prisma
// caches the plan of each query shape, so the compiler runs once per shape and the optimised code
// buys nothing measurable: 0.18–0.19 CPU ms per findUnique + findMany with either (2 000 pairs,
// 3 rounds each, on SQLite). So V8 is told to keep the baseline code only.
import { setFlagsFromString } from "node:v8";

let applied = false;

/** Keeps WebAssembly at its baseline compilation; call before the first Prisma client is created. */
export function keepWasmBaselineCompiled(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString("--liftoff-only");
}
