// Opens the database named by a URL with the matching generated client and driver adapter:
// `file:./data/chibo.sqlite` (or a plain path) → SQLite through better-sqlite3;
// `postgresql://…` / `postgres://…` → PostgreSQL through pg.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql/client.ts";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client.ts";
import { explainDatabaseError } from "./errors.ts";
import { migrateDatabase, type DbLogger } from "./migrator.ts";
import { providerOf, sqlitePathOf, type Provider } from "./url.ts";

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
}

/** How long SQLite waits for another connection's write lock before failing with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (and with `migrate: true` first migrates) the database at `url`, checks that it answers and
 * returns it. Failures throw a DatabaseError saying which database and why, password redacted.
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<Database> {
  const provider = providerOf(url);
  if (options.migrate) await migrateDatabase(url, options.logger);
  const prisma = provider === "sqlite" ? createSqliteClient(url) : createPostgresClient(url);
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
    throw explainDatabaseError(error, url, "connecting to");
  }
  let closed: Promise<void> | undefined;
  return {
    prisma,
    provider,
    url,
    close: () => (closed ??= prisma.$disconnect()),
  };
}

function createSqliteClient(url: string): Db {
  const path = sqlitePathOf(url);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw explainDatabaseError(error, url, "creating the directory of");
  }
  const adapter = new PrismaBetterSqlite3({ url: path, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new SqlitePrismaClient({ adapter });
}

function createPostgresClient(url: string): Db {
  const adapter = new PrismaPg({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // Same models, same delegates and result types; only the generated provider differs.
  return new PostgresPrismaClient({ adapter }) as unknown as Db;
}
