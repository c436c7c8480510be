// Throwaway databases for the benchmark, made the way test/support/databases.ts makes them: SQLite
// in a fresh temporary directory, PostgreSQL as a new database `chibo_b_<random>` on the local
// server (TEST_DATABASE_URL, else postgres@127.0.0.1 or root@127.0.0.1), dropped afterwards.
// Migrations are applied by startApp, exactly as at start-up.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { withPgDatabase, type Provider } from "../src/db/url.ts";

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

const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/test";
let serverUrl: Promise<string> | undefined;

function postgresServerUrl(): Promise<string> {
  serverUrl ??= (async () => {
    const configured = process.env.TEST_DATABASE_URL;
    const candidates = configured
      ? [configured]
      : [DEFAULT_SERVER_URL, DEFAULT_SERVER_URL.replace("//postgres@", "//root@")];
    const failures: string[] = [];
    for (const url of candidates) {
      try {
        await onServer(url, "SELECT 1");
        return url;
      } catch (error) {
        failures.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    throw new Error(`no PostgreSQL server (set TEST_DATABASE_URL):\n  ${failures.join("\n  ")}`);
  })();
  return serverUrl;
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
