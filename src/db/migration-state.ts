// Whether a database already has every shipped migration, decided from `_prisma_migrations` with
// one query and no schema engine: loading the engine (WebAssembly, ~16 MB and a third of a second of
// compilation) is then left to the starts that really have something to apply.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../package-root.ts";
import type { Provider } from "./url.ts";

/** prisma/migrations/<provider>: one standard Prisma migration history per provider. */
export function migrationsDirOf(provider: Provider): string {
  return join(PACKAGE_ROOT, "prisma", "migrations", provider);
}

/** A migration of prisma/migrations/<provider>: its directory name and its script's checksum. */
export interface ShippedMigration {
  name: string;
  /** Hex SHA-256 of migration.sql as it is on disk: what Prisma records in `checksum`. */
  checksum: string;
}

/** One row of `_prisma_migrations` as RECORDED_MIGRATIONS_SQL reads it. */
export interface RecordedMigration {
  name: string;
  checksum: string;
  /** SQLite answers 0/1, PostgreSQL true/false. */
  finished: boolean | number;
  rolledBack: boolean | number;
}

/** The one query; it fails with "no such table" / 42P01 on a database never migrated. */
export const RECORDED_MIGRATIONS_SQL =
  'SELECT migration_name AS "name", checksum AS "checksum", finished_at IS NOT NULL AS "finished", ' +
  'rolled_back_at IS NOT NULL AS "rolledBack" FROM _prisma_migrations';

export async function shippedMigrations(dir: string): Promise<ShippedMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  return Promise.all(
    names.map(async (name) => ({
      name,
      checksum: createHash("sha256")
        .update(await readFile(join(dir, name, "migration.sql")))
        .digest("hex"),
    })),
  );
}

/**
 * True when every shipped migration is recorded as applied (finished, not rolled back) with the same
 * checksum, and no migration is left half-done. Anything else (a new migration, an edited one, a
 * failed one) goes to the engine, which applies, or reports, exactly as before.
 */
export function isUpToDate(
  shipped: readonly ShippedMigration[],
  recorded: readonly RecordedMigration[],
): boolean {
  if (recorded.some((row) => !row.finished && !row.rolledBack)) return false;
  const applied = new Map(
    recorded.filter((row) => row.finished && !row.rolledBack).map((row) => [row.name, row.checksum]),
  );
  return shipped.every((migration) => applied.get(migration.name) === migration.checksum);
}

/** True for the error of RECORDED_MIGRATIONS_SQL on a database that has no migrations table yet. */
export function isMissingTable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === "42P01" || (typeof message === "string" && /no such table/i.test(message));
}
