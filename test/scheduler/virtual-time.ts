// Deterministic fake time for the rate limiter: `sleep` registers a timer, `run` jumps from timer
// to timer after letting every pending promise settle.
import type { Sleep } from "../../src/scheduler/rate-limiter.ts";

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

export interface VirtualTime {
  now: () => number;
  sleep: Sleep;
  /** Advances time timer by timer until `done` settles; returns its value. */
  run<T>(done: Promise<T>): Promise<T>;
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createVirtualTime(start = 0): VirtualTime {
  let current = start;
  let seq = 0;
  const timers: Timer[] = [];

  const sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const timer: Timer = { at: current + Math.max(0, ms), seq: seq++, resolve };
      timers.push(timer);
      signal?.addEventListener(
        "abort",
        () => {
          const index = timers.indexOf(timer);
          if (index >= 0) timers.splice(index, 1);
          reject(signal.reason as Error);
        },
        { once: true },
      );
    });

  async function run<T>(done: Promise<T>): Promise<T> {
    let finished = false;
    const watched = done.finally(() => {
      finished = true;
    });
    // Handled here so that a rejection seen only after a timer step is not reported as unhandled;
    // the caller still receives it from the returned promise.
    watched.catch(() => undefined);
    for (;;) {
      await settle();
      if (finished) return watched;
      if (timers.length === 0) {
        await settle();
        if (finished) return watched;
        throw new Error("virtual time: nothing scheduled but the work is not done");
      }
      let next = 0;
      for (let i = 1; i < timers.length; i++) {
        const a = timers[i]!;
        const b = timers[next]!;
        if (a.at < b.at || (a.at === b.at && a.seq < b.seq)) next = i;
      }
      const [timer] = timers.splice(next, 1);
      current = Math.max(current, timer!.at);
      timer!.resolve();
    }
  }

  return { now: () => current, sleep, run };
}
