// Throwaway databases for the benchmark, made the way test/support/databases.ts makes them: SQLite
// in a fresh temporary directory, PostgreSQL as a new database `chibo_b_<random>` on the local
// server (the tests' server: TEST_DATABASE_URL, else postgres@ or root@127.0.0.1), dropped afterwards.
// Migrations are applied by startApp, exactly as at start-up.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withPgDatabase, type Provider } from "../src/db/url.ts";
import { onServer, postgresServerUrl } from "../test/support/postgres-server.ts";

export interface ThrowawayDatabase {
  provider: Provider;
  url: string;
  drop(): Promise<void>;
}

export async function createThrowawayDatabase(provider: Provider): Promise<ThrowawayDatabase> {
  if (provider === "sqlite") {
    const dir = await mkdtemp(join(tmpdir(), "chibo-bench-"));
    return {
      provider,
      url: `file:${join(dir, "bench.sqlite")}`,
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const server = await postgresServerUrl();
  const name = `chibo_b_${randomBytes(6).toString("hex")}`;
  await onServer(server, `CREATE DATABASE "${name}"`);
  return {
    provider,
    url: withPgDatabase(server, name),
    drop: () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
