// Throwaway databases for integration tests, on both providers. SQLite: a fresh file in a temporary
// directory. PostgreSQL: a fresh database `chibo_t_<random>` on the server of TEST_DATABASE_URL
// (default postgresql://postgres@127.0.0.1:5432/test), dropped afterwards. Both are migrated with
// the project's migrations, exactly as at start-up.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { withPgDatabase } from "../../src/db/url.ts";
import { onServer, postgresServerUrl } from "./postgres-server.ts";
import { SUPPORTED_PROVIDERS, type TestProvider } from "./providers.ts";

export { ALL_PROVIDERS, describePostgres, type TestProvider } from "./providers.ts";
export { postgresServerUrl } from "./postgres-server.ts";
/** The providers selected for this run (both unless TEST_PROVIDERS says otherwise). */
export const providers = SUPPORTED_PROVIDERS;

export interface TestDatabase {
  provider: TestProvider;
  url: string;
  db: Database;
  /** Closes `db` and deletes the database. */
  drop(): Promise<void>;
}

export interface EmptyTestDatabase {
  provider: TestProvider;
  url: string;
  /** Deletes the database (close your own connections first). */
  drop(): Promise<void>;
}

/** Runs `fn` inside one `describe` block per provider, named "<name> [sqlite]", "<name> [postgresql]". */
export function describeEachProvider(name: string, fn: (provider: TestProvider) => void): void {
  describe.each(providers)(`${name} [%s]`, fn);
}

/** A migrated, empty database and an open connection to it. */
export async function createTestDatabase(provider: TestProvider): Promise<TestDatabase> {
  const empty = await createEmptyTestDatabase(provider);
  let db: Database;
  try {
    db = await openDatabase(empty.url, { migrate: true });
  } catch (error) {
    await empty.drop();
    throw error;
  }
  return {
    provider,
    url: empty.url,
    db,
    async drop() {
      await db.close();
      await empty.drop();
    },
  };
}

/** A database with no tables at all (for migration tests). */
export async function createEmptyTestDatabase(provider: TestProvider): Promise<EmptyTestDatabase> {
  if (provider === "sqlite") {
    const dir = await mkdtemp(join(tmpdir(), "chibo-test-"));
    return {
      provider,
      url: `file:${join(dir, "test.sqlite")}`,
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const server = await postgresServerUrl();
  const name = `chibo_t_${randomBytes(6).toString("hex")}`;
  await onServer(server, `CREATE DATABASE "${name}"`);
  return {
    provider,
    url: withPgDatabase(server, name),
    drop: () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
