// The PostgreSQL server test (and benchmark) databases are made on. No vitest import: the global
// set-up and bench/databases.ts use it.
import pg from "pg";

const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/test";
let serverUrl: Promise<string> | undefined;

/**
 * The server test databases are created on: TEST_DATABASE_URL if set; otherwise the local server as
 * user postgres, or as root where only that role exists.
 */
export function postgresServerUrl(): Promise<string> {
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
    throw new Error(noServerMessage(failures));
  })();
  return serverUrl;
}

export async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function noServerMessage(failures: readonly string[]): string {
  return [
    "The tests and the benchmark need a PostgreSQL server, and none answers:",
    ...failures.map((failure) => `  ${failure}`),
    "",
    "Start one and run the tests again, for example:",
    "  sudo pg_ctlcluster <version> main start     (Debian/Ubuntu; pg_lsclusters lists the clusters)",
    "  docker run -d --name chibo-pg -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:17",
    "or set TEST_DATABASE_URL to a server where the user may create databases,",
    "or run the tests' SQLite half alone: npm run test:sqlite",
  ].join("\n");
}
