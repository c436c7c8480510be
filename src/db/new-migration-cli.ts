// npm run db:new-migration -- <name> [--empty] [--postgres-url postgresql://…]
//
// For each provider, diffs its migration history against the schema composed from
// prisma/models.prisma and writes prisma/migrations/<provider>/<timestamp>_<name>/migration.sql.
// Both providers always get the same folder name, so the histories stay in lock-step; a provider
// with nothing to change gets an empty (comment-only) migration. --empty writes empty migrations to
// fill in by hand (data migrations). PostgreSQL needs a server to replay the history on: a throwaway
// shadow database is created and dropped there (default: DATABASE_URL if it is PostgreSQL, else
// postgresql://postgres@127.0.0.1:5432/postgres).
import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { messageOf } from "./errors.ts";
import {
  diffSql,
  isEmptyMigration,
  lockfileContent,
  migrationsDirOf,
  projectRoot,
  readMigrations,
  schemaTextOf,
} from "./schema-engine.ts";
import { providerOf, redactUrl, type Provider } from "./url.ts";

const PROVIDERS: readonly Provider[] = ["sqlite", "postgresql"];
const DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** `Add meeting notes!` → `add_meeting_notes`. */
function migrationSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);
}

/** UTC `YYYYMMDDHHMMSS`, as `prisma migrate dev` names folders. */
function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

async function existingNames(provider: Provider): Promise<string[]> {
  const entries = await readdir(migrationsDirOf(provider), { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

/** A timestamp after every existing folder of both providers, even if the clock went backwards. */
async function nextTimestamp(now: Date): Promise<string> {
  let stamp = migrationTimestamp(now);
  const latest = (await Promise.all(PROVIDERS.map(existingNames)))
    .flat()
    .map((name) => name.slice(0, 14))
    .sort()
    .at(-1);
  if (latest && stamp <= latest) {
    const next = (BigInt(latest) + 1n).toString();
    stamp = next;
  }
  return stamp;
}

function postgresUrlFrom(flag: string | undefined): string {
  if (flag) return flag;
  try {
    const { databaseUrl } = loadConfig();
    if (providerOf(databaseUrl) === "postgresql") return databaseUrl;
  } catch {
    // An incomplete .env must not stop us from writing a migration; use the local default.
  }
  return DEFAULT_POSTGRES_URL;
}

interface NewMigrationResult {
  name: string | undefined;
  written: string[];
}

async function createMigration(
  rawName: string,
  options: { empty?: boolean; postgresUrl: string; now?: Date },
): Promise<NewMigrationResult> {
  const slug = migrationSlug(rawName);
  if (!slug) throw new Error(`"${rawName}" has no letters or digits to name a migration with`);

  const scripts = new Map<Provider, string>();
  for (const provider of PROVIDERS) {
    if (options.empty) {
      scripts.set(provider, "");
      continue;
    }
    const history = await readMigrations(provider);
    const sql = await diffSql(provider, history, await schemaTextOf(provider), {
      postgresUrl: options.postgresUrl,
    });
    scripts.set(provider, isEmptyMigration(sql) ? "" : sql);
  }
  if (!options.empty && [...scripts.values()].every((sql) => sql === "")) {
    return { name: undefined, written: [] };
  }

  const name = `${await nextTimestamp(options.now ?? new Date())}_${slug}`;
  const written: string[] = [];
  for (const [provider, sql] of scripts) {
    const dir = migrationsDirOf(provider);
    await mkdir(join(dir, name), { recursive: true });
    const lockfile = join(dir, "migration_lock.toml");
    if (!existsSync(lockfile)) await writeFile(lockfile, lockfileContent(provider));
    const file = join(dir, name, "migration.sql");
    await writeFile(file, sql === "" ? "-- This is an empty migration.\n" : sql);
    written.push(file);
  }
  return { name, written };
}

const USAGE = `usage: npm run db:new-migration -- <name> [--empty] [--postgres-url postgresql://…]

Writes prisma/migrations/{sqlite,postgresql}/<timestamp>_<name>/migration.sql: what takes each
provider's migration history to prisma/models.prisma (run \`npm run prisma:generate\` first).
  --empty          write the migration even when nothing changed (for hand-written SQL)
  --postgres-url   a PostgreSQL server for the engine's throwaway shadow database
                   (default: DATABASE_URL when it is PostgreSQL, else ${DEFAULT_POSTGRES_URL})`;

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        empty: { type: "boolean" },
        "postgres-url": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    console.error(`${messageOf(error)}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const rawName = positionals.join(" ");
  if (!rawName) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const postgresUrl = postgresUrlFrom(values["postgres-url"]);
  try {
    const result = await createMigration(rawName, { empty: values.empty ?? false, postgresUrl });
    if (!result.name) {
      console.log("No changes: the migrations of both providers already match prisma/models.prisma.");
      return;
    }
    console.log(`Created migration ${result.name}:`);
    for (const file of result.written) console.log(`  ${relative(projectRoot, file)}`);
  } catch (error) {
    console.error(
      `db:new-migration failed (PostgreSQL shadow server ${redactUrl(postgresUrl)}): ${messageOf(error)}`,
    );
    process.exitCode = 1;
  }
}

await main();
