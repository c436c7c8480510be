// Does the database answer, right now, well enough for the bot to work? For the health endpoint.
//
// PostgreSQL: a trivial query through the service's own pool, within a short time limit.
// SQLite: `SELECT 1` would never touch the file, so the probe asks what the bot needs of it: the
// file is still there, and a write lock can be had (the bot writes on every update). A program
// that holds the file locked for writing (a sqlite3 shell left in a transaction, a copy tool)
// stops every write of the bot after its busy timeout; the probe reports that. It opens its own
// short-lived connection and never waits inside SQLite (better-sqlite3 is synchronous: a busy wait
// there would stall the whole service), retrying every 100 ms until the time limit instead.
import { existsSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import BetterSqlite3 from "better-sqlite3";
import type { Database } from "./client.ts";
import { messageOf } from "./errors.ts";
import { redactUrl, sqlitePathOf } from "./url.ts";

export type DatabaseProbe = { ok: true } | { ok: false; reason: string };

const RETRY_EVERY_MS = 100;

export async function probeDatabase(database: Database, timeoutMs = 2_000): Promise<DatabaseProbe> {
  const deadline = Date.now() + timeoutMs;
  try {
    if (database.provider === "sqlite") {
      const locked = await probeSqliteFile(sqlitePathOf(database.url), deadline);
      if (locked) return { ok: false, reason: locked };
    }
    const query = database.prisma.$queryRawUnsafe("SELECT 1");
    const answered = await Promise.race([
      query.then(() => true),
      delay(Math.max(0, deadline - Date.now()), false, { ref: false }),
    ]);
    // A query left behind settles on its own; its failure is of no further interest.
    query.catch(() => undefined);
    if (!answered) return { ok: false, reason: `database did not answer within ${timeoutMs} ms` };
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `database error: ${oneLine(error, database.url)}` };
  }
}

/** Undefined when the file is there and writable now; else why not. */
async function probeSqliteFile(path: string, deadline: number): Promise<string | undefined> {
  if (!existsSync(path)) return `SQLite database file ${path} is missing`;
  for (;;) {
    let probe: BetterSqlite3.Database | undefined;
    try {
      probe = new BetterSqlite3(path, { fileMustExist: true, timeout: 0 });
      probe.exec("BEGIN IMMEDIATE; ROLLBACK");
      return undefined;
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      const busy = typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code);
      if (!busy) return `SQLite database file ${path}: ${oneLine(error, path)}`;
      if (Date.now() + RETRY_EVERY_MS > deadline) {
        return `SQLite database ${path} is locked for writing by another program`;
      }
    } finally {
      probe?.close();
    }
    await delay(RETRY_EVERY_MS, undefined, { ref: false });
  }
}

function oneLine(error: unknown, url: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  const lines = messageOf(error)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^Invalid `.*` invocation/.test(line));
  const text = `${typeof code === "string" ? `${code} ` : ""}${lines.at(-1) ?? "unknown error"}`;
  const safe = text.split(url).join(redactUrl(url));
  return safe.length > 200 ? `${safe.slice(0, 200)}…` : safe;
}
