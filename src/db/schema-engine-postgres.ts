// The schema engine's PostgreSQL adapters (see schema-engine.ts), in a module of their own so that
// pg and its Prisma adapter are loaded only when a PostgreSQL database is migrated: SQLite's first
// start does not pay for them (issue 13: ~12 MB and ~0.1 s).
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { EngineAdapterFactory } from "./schema-engine.ts";
import { withPgDatabase } from "./url.ts";

/**
 * A PostgreSQL adapter factory for the engine. Two departures from PrismaPg's own factory:
 * - its shadow database is a throwaway database on the same server, dropped on dispose (PrismaPg's
 *   connectToShadowDb spreads `{ connectionString, database }`, where the connection string wins, so
 *   its "shadow" would be the real database, and it never closes its first pool);
 * - every connection reports PostgreSQL's one-byte `"char"` columns (pg_constraint.contype…) as
 *   text: adapter-pg 7.10 rejects that type, and the engine 8.1 reads it when it describes a schema
 *   (diffing from a migration history), failing with "Column type 'char' could not be deserialized".
 */
export function postgresFactory(url: string): EngineAdapterFactory {
  const connectTo = (connectionString: string) =>
    new PrismaPg(catalogFriendlyPool(connectionString), { disposeExternalPool: true }).connect();
  return {
    provider: "postgres",
    adapterName: new PrismaPg({ connectionString: url }).adapterName,
    connect: () => connectTo(url),
    async connectToShadowDb() {
      const name = `chibo_shadow_${randomUUID().replaceAll("-", "")}`;
      await withPgClient(url, (client) => client.query(`CREATE DATABASE "${name}"`));
      const adapter = await connectTo(withPgDatabase(url, name));
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await withPgClient(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      };
      return adapter;
    },
  };
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

function catalogFriendlyPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      // pg-pool's own query() passes a callback; direct callers get a promise.
      const last = args.at(-1);
      if (typeof last === "function") {
        const callback = last as (error: unknown, result: unknown) => void;
        args[args.length - 1] = (error: unknown, result: unknown) => callback(error, charAsText(result));
      }
      const result = query(...args);
      return result instanceof Promise ? result.then(charAsText) : result;
    };
  });
  return pool;
}

function charAsText<T>(result: T): T {
  const fields = (result as { fields?: unknown } | undefined)?.fields;
  if (Array.isArray(fields)) {
    for (const field of fields as { dataTypeID: number }[]) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}

async function withPgClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
