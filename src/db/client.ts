// Opens the database named by a URL with the matching generated client and driver adapter:
// `file:./data/chibo.sqlite` (or a plain path) → SQLite through better-sqlite3;
// `postgresql://…` / `postgres://…` → PostgreSQL through pg.
import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import BetterSqlite3 from "better-sqlite3";
import type { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client.ts";
import { DatabaseError, explainDatabaseError } from "./errors.ts";
import { migrationsDirOf, shippedMigrations } from "./migration-state.ts";
import { migrateDatabase, sqliteConnectionIsUpToDate, type DbLogger } from "./migrator.ts";
import { providerOf, sqlitePathOf, type Provider } from "./url.ts";
import { keepWasmBaselineCompiled } from "./wasm-tier.ts";

export { DatabaseError } from "./errors.ts";
export type { DbLogger } from "./migrator.ts";
export { providerOf, redactUrl, type Provider } from "./url.ts";

/**
 * The Prisma client type the code is written against: the SQLite client's. The PostgreSQL client
 * generated from the same models has the same model API (our models use no provider-specific
 * types), so `openDatabase` casts it once to this type.
 */
export type Db = SqlitePrismaClient;

export interface Database {
  prisma: Db;
  provider: Provider;
  url: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Apply pending migrations before connecting (do it at start-up). */
  migrate?: boolean;
  logger?: DbLogger;
  /**
   * SQLite only: hold a lock that keeps any other process from opening the file with
   * `exclusive: true` while this one is open (the service does; tools and tests need not).
   */
  exclusive?: boolean;
  /** SQLite only: how long to wait for other processes that hold the file locked. Default 2 min. */
  lockWaitMs?: number;
  /** Cancels a wait for a locked SQLite file. */
  signal?: AbortSignal;
}

/** How long SQLite waits for another connection's write lock before failing with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (and with `migrate: true` first migrates) the database at `url`, checks that it answers and
 * returns it. Failures throw a DatabaseError saying which database and why, password redacted.
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<Database> {
  const provider = providerOf(url);
  let lock: InstanceLock | undefined;
  if (provider === "sqlite") {
    const path = sqlitePathOf(url);
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw explainDatabaseError(error, url, "creating the directory of");
    }
    if (options.exclusive) lock = acquireInstanceLock(path, url);
    try {
      await prepareSqliteFile(path, url, options);
    } catch (error) {
      lock?.release();
      throw error;
    }
  } else if (options.migrate) {
    await migrateDatabase(url, options.logger);
  }
  const prisma = provider === "sqlite" ? await createSqliteClient(url) : await createPostgresClient(url);
  try {
    if (provider === "sqlite") {
      // WAL lets readers proceed while one connection writes; the adapter gives each client one
      // connection, so these settings hold for every query this client makes.
      await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
      await prisma.$queryRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    } else {
      await prisma.$queryRawUnsafe("SELECT 1");
    }
  } catch (error) {
    await prisma.$disconnect().catch(() => undefined);
    lock?.release();
    throw explainDatabaseError(error, url, "connecting to");
  }
  let closed: Promise<void> | undefined;
  return {
    prisma,
    provider,
    url,
    close: () => (closed ??= prisma.$disconnect().finally(() => lock?.release())),
  };
}

/** Default for OpenDatabaseOptions.lockWaitMs. */
const SQLITE_LOCK_WAIT_MS = 120_000;
/** How often a wait for a locked SQLite file says so in the log. */
const SQLITE_WAIT_LOG_EVERY_MS = 5_000;

/**
 * Gets an SQLite file ready before Prisma opens it: switched to WAL and, with `migrate`, migrated.
 * Both need the file to themselves for a moment (the schema engine locks it exclusively, and so does
 * leaving rollback-journal mode), so a reader elsewhere (the sqlite3 shell, a backup) would make them
 * fail after the busy timeout with an obscure engine error. Instead we wait for the file, saying in
 * the log which file and why, and skip the engine altogether when no migration is pending, so a
 * reader never blocks an ordinary restart.
 */
async function prepareSqliteFile(path: string, url: string, options: OpenDatabaseOptions): Promise<void> {
  const deadline = Date.now() + (options.lockWaitMs ?? SQLITE_LOCK_WAIT_MS);
  const shipped = options.migrate ? await shippedMigrations(migrationsDirOf("sqlite")) : [];
  let lastLog = 0;
  const waitForFile = async (what: string): Promise<void> => {
    if (Date.now() >= deadline) {
      throw new DatabaseError(
        `SQLite database ${path} stayed locked by another process for ${Math.round((options.lockWaitMs ?? SQLITE_LOCK_WAIT_MS) / 1000)} s while ${what}; close the program that holds it open (a sqlite3 shell, a backup, another bot) and start again`,
      );
    }
    if (Date.now() - lastLog >= SQLITE_WAIT_LOG_EVERY_MS) {
      lastLog = Date.now();
      (options.logger?.warn ?? options.logger?.info)?.call(
        options.logger,
        { database: path },
        `waiting for SQLite database ${path}: another process holds it locked (${what} needs it alone for a moment)`,
      );
    }
    try {
      await delay(250, undefined, options.signal ? { signal: options.signal } : undefined);
    } catch {
      throw new DatabaseError(`stopped while waiting for SQLite database ${path}`);
    }
  };

  for (;;) {
    let probe: BetterSqlite3.Database | undefined;
    let pending = false;
    try {
      probe = new BetterSqlite3(path, { timeout: 1_000 });
      if (String(probe.pragma("journal_mode", { simple: true })).toLowerCase() !== "wal") {
        probe.pragma("journal_mode = WAL");
      }
      pending = Boolean(options.migrate) && !sqliteConnectionIsUpToDate(probe, shipped);
      // Take the lock the engine will need, so a holder is found (and waited for) here.
      if (pending) probe.exec(ENGINE_LOCK_PROBE);
    } catch (error) {
      probe?.close();
      if (isSqliteBusy(error)) {
        await waitForFile(pending ? "migrating" : "switching to WAL mode");
        continue;
      }
      throw explainDatabaseError(error, url, "opening");
    }
    probe.close();
    if (!pending) return;
    try {
      await migrateDatabase(url, options.logger);
      return;
    } catch (error) {
      // The engine reports a busy file in ways that cannot be told apart by code; ask the file.
      if (!isLockedNow(path)) throw error;
      await waitForFile("migrating");
    }
  }
}

/**
 * What the schema engine needs to migrate: the file in exclusive locking mode, which in WAL mode
 * means no other connection may have it open at all (a reader, even an idle one, makes the engine
 * fail after its busy timeout). Closing the probe connection gives the lock back.
 */
const ENGINE_LOCK_PROBE = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; ROLLBACK";

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

function isLockedNow(path: string): boolean {
  let probe: BetterSqlite3.Database | undefined;
  try {
    probe = new BetterSqlite3(path, { timeout: 0 });
    probe.exec(ENGINE_LOCK_PROBE);
    return false;
  } catch (error) {
    return isSqliteBusy(error);
  } finally {
    probe?.close();
  }
}

export interface InstanceLock {
  release(): void;
}

/**
 * One service per SQLite file: two would both deliver every reminder and fight over the outbox. The
 * lock is SQLite's own, on a small companion file `<database>.lock`: we keep a write transaction
 * open there for as long as the database is open, so the operating system drops it when the process
 * ends however it ends (no stale lock after a crash, no pid reuse to guess about). The holder's pid,
 * host and start time are committed beforehand so a second instance can say who holds it.
 */
export function acquireInstanceLock(path: string, url: string): InstanceLock {
  const lockPath = `${path}.lock`;
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(lockPath, { timeout: 2_000 });
  } catch (error) {
    throw explainDatabaseError(error, url, "locking");
  }
  const refuse = (): DatabaseError => {
    let holder = "";
    try {
      const row = db.prepare("SELECT pid, host, since FROM holder LIMIT 1").get() as
        { pid: number; host: string; since: string } | undefined;
      if (row) holder = ` (pid ${row.pid} on ${row.host}, since ${row.since})`;
    } catch {
      // The holder has not written its details yet.
    }
    db.close();
    return new DatabaseError(
      `SQLite database ${path} is already in use by another chibo-bot${holder}. Only one instance may use an SQLite database: stop the other one first (or give this one its own DATABASE_URL).`,
    );
  };
  try {
    db.exec("BEGIN IMMEDIATE");
  } catch (error) {
    if (isSqliteBusy(error)) throw refuse();
    db.close();
    throw explainDatabaseError(error, url, "locking");
  }
  try {
    db.exec(
      "CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, host TEXT NOT NULL, since TEXT NOT NULL)",
    );
    db.exec("DELETE FROM holder");
    db.prepare("INSERT INTO holder (pid, host, since) VALUES (?, ?, ?)").run(
      process.pid,
      hostname(),
      new Date().toISOString(),
    );
    db.exec("COMMIT");
    // Another instance may slip in between COMMIT and this BEGIN; then it holds the lock, not us.
    db.exec("BEGIN IMMEDIATE");
  } catch (error) {
    if (isSqliteBusy(error)) throw refuse();
    db.close();
    throw explainDatabaseError(error, url, "locking");
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      try {
        db.exec("ROLLBACK");
      } finally {
        db.close();
      }
    },
  };
}

// Each provider's generated client and driver adapter are imported when a database of that kind is
// opened: a process uses one of the two, and each costs a few hundred milliseconds to load.
async function createSqliteClient(url: string): Promise<Db> {
  keepWasmBaselineCompiled();
  const [{ PrismaBetterSqlite3 }, { PrismaClient: SqlitePrismaClient }] = await Promise.all([
    import("@prisma/adapter-better-sqlite3"),
    import("./generated/sqlite/client.ts"),
  ]);
  const path = sqlitePathOf(url);
  const adapter = new PrismaBetterSqlite3({ url: path, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new SqlitePrismaClient({ adapter });
}

async function createPostgresClient(url: string): Promise<Db> {
  keepWasmBaselineCompiled();
  const [{ PrismaPg }, { PrismaClient: PostgresPrismaClient }] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("./generated/postgresql/client.ts"),
  ]);
  const adapter = new PrismaPg({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // Same models, same delegates and result types; only the generated provider differs.
  return new PostgresPrismaClient({ adapter }) as unknown as Db;
}
