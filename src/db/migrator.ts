// Brings a database up to date with prisma/migrations/<provider>/ at start-up, recording what it ran
// in `_prisma_migrations` exactly as `prisma migrate deploy` would, so either tool can take over.
import { mkdir, readdir } from "node:fs/promises";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import { DatabaseError, explainDatabaseError } from "./errors.ts";
import {
  isMissingTable,
  isUpToDate,
  migrationsDirOf,
  RECORDED_MIGRATIONS_SQL,
  shippedMigrations,
  type RecordedMigration,
  type ShippedMigration,
} from "./migration-state.ts";
import { providerOf, redactUrl, sqlitePathOf, type Provider } from "./url.ts";

/** The subset of a pino logger the database layer uses. */
export interface DbLogger {
  info(obj: object, msg?: string): void;
  warn?(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface MigrateResult {
  provider: Provider;
  /** Migrations applied by this call, oldest first; empty when the database was up to date. */
  applied: string[];
}

export interface MigrateOptions {
  /** Defaults to prisma/migrations/<provider>. */
  migrationsDir?: string;
  /** How long to wait for another process that is migrating the same PostgreSQL database. */
  lockTimeoutMs?: number;
}

/**
 * Our own session-level advisory lock key ("chib" in ASCII). Not Prisma's key (72707369): the engine
 * may take that one on its own connections while we hold ours.
 */
const MIGRATION_LOCK_KEY = 0x63686962;

/**
 * Applies the pending migrations to the database at `url`. Idempotent and safe to call at every
 * start-up: when `_prisma_migrations` already records every shipped migration with its checksum
 * (one query), it returns without loading the schema engine. On PostgreSQL concurrent callers queue
 * on an advisory lock, so when two instances start together one migrates and the other then finds
 * nothing to do. Throws a DatabaseError whose message says which database and why (with the
 * password redacted).
 */
export async function migrateDatabase(
  url: string,
  logger?: DbLogger,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const provider = providerOf(url);
  const migrationsDir = options.migrationsDir ?? migrationsDirOf(provider);
  await assertHasMigrations(migrationsDir);
  const shipped = await shippedMigrations(migrationsDir);

  const run = async (): Promise<MigrateResult> => {
    let applied: string[];
    try {
      // Loaded only now: the engine and its adapters are for the starts that have work to do.
      const { applyMigrations } = await import("./schema-engine.ts");
      applied = await applyMigrations(url, { migrationsDir });
    } catch (error) {
      throw explainDatabaseError(error, url, "migrating");
    }
    if (applied.length > 0) {
      logger?.info({ provider, applied, database: redactUrl(url) }, "database migrated");
    }
    return { provider, applied };
  };

  if (provider === "sqlite") {
    try {
      await mkdir(dirname(sqlitePathOf(url)), { recursive: true });
    } catch (error) {
      throw explainDatabaseError(error, url, "creating the directory of");
    }
    if (sqliteIsUpToDate(sqlitePathOf(url), shipped)) return { provider, applied: [] };
    return run();
  }
  return withAdvisoryLock(url, options.lockTimeoutMs ?? 300_000, logger, shipped, run);
}

/**
 * True when the SQLite file at `path` has every shipped migration. Any failure (no file yet, no
 * table, a file that is not a database) means "ask the engine", which then reports it properly.
 */
export function sqliteIsUpToDate(path: string, shipped: readonly ShippedMigration[]): boolean {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, timeout: 1_000 });
    return sqliteConnectionIsUpToDate(db, shipped);
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** The same check on a connection the caller holds open; throws what the query throws. */
export function sqliteConnectionIsUpToDate(
  db: BetterSqlite3.Database,
  shipped: readonly ShippedMigration[],
): boolean {
  let rows: RecordedMigration[];
  try {
    rows = db.prepare(RECORDED_MIGRATIONS_SQL).all() as RecordedMigration[];
  } catch (error) {
    if (isMissingTable(error)) return false;
    throw error;
  }
  return isUpToDate(shipped, rows);
}

async function assertHasMigrations(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  if (!entries.some((e) => e.isDirectory())) {
    throw new DatabaseError(`no migrations found in ${dir}: the installation is incomplete`);
  }
}

/**
 * On PostgreSQL: connects, and unless the migrations table already records every shipped migration
 * (then it answers "nothing applied" at once), takes the migration lock and runs `task`.
 */
async function withAdvisoryLock(
  url: string,
  timeoutMs: number,
  logger: DbLogger | undefined,
  shipped: readonly ShippedMigration[],
  task: () => Promise<MigrateResult>,
): Promise<MigrateResult> {
  const { default: pgDriver } = await import("pg");
  const client: pg.Client = new pgDriver.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // A dropped connection must not crash the process; the failing query reports it.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw explainDatabaseError(error, url, "connecting to");
  }
  let upToDate = false;
  try {
    upToDate = isUpToDate(shipped, (await client.query<RecordedMigration>(RECORDED_MIGRATIONS_SQL)).rows);
  } catch (error) {
    // No table yet: the engine creates it. Anything else it will meet (and report) too.
    if (!isMissingTable(error))
      logger?.warn?.({ database: redactUrl(url) }, "could not read the migrations table");
  }
  if (upToDate) {
    await client.end().catch(() => undefined);
    return { provider: "postgresql", applied: [] };
  }
  try {
    const tried = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      MIGRATION_LOCK_KEY,
    ]);
    if (!tried.rows[0]?.locked) {
      logger?.info(
        { database: redactUrl(url) },
        "waiting for another process to finish migrating the database",
      );
      await client.query(`SET lock_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw explainDatabaseError(error, url, "locking (for migration)");
  }
  try {
    return await task();
  } finally {
    // Ending the session releases the lock even if the unlock query fails.
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
