import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { migrateDatabase } from "../../src/db/migrator.ts";
import {
  diffSql,
  isEmptyMigration,
  migrationsDirOf,
  readMigrations,
  schemaEngineStats,
  schemaTextOf,
} from "../../src/db/schema-engine.ts";
import {
  ALL_PROVIDERS,
  createEmptyTestDatabase,
  describeEachProvider,
  describePostgres,
  postgresServerUrl,
  type EmptyTestDatabase,
} from "../support/databases.ts";

async function folderNames(provider: "sqlite" | "postgresql"): Promise<string[]> {
  const entries = await readdir(migrationsDirOf(provider), { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

describe("migration histories", () => {
  it("move in lock-step: both providers have the same migration folders", async () => {
    const [sqlite, postgresql] = await Promise.all(ALL_PROVIDERS.map(folderNames));
    expect(sqlite?.length).toBeGreaterThan(0);
    expect(postgresql).toEqual(sqlite);
    for (const name of sqlite ?? []) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });

  it.each(ALL_PROVIDERS)(
    "%s: every folder has a migration.sql and the lock file names the provider",
    async (provider) => {
      const dir = migrationsDirOf(provider);
      expect(await readFile(join(dir, "migration_lock.toml"), "utf8")).toContain(`provider = "${provider}"`);
      for (const name of await folderNames(provider)) {
        expect((await readFile(join(dir, name, "migration.sql"), "utf8")).length).toBeGreaterThan(0);
      }
    },
  );
});

describeEachProvider("schema drift", (provider) => {
  const options = async () => (provider === "postgresql" ? { postgresUrl: await postgresServerUrl() } : {});

  it("the migration history produces exactly prisma/models.prisma (else: npm run db:new-migration -- <name>)", async () => {
    const sql = await diffSql(
      provider,
      await readMigrations(provider),
      await schemaTextOf(provider),
      await options(),
    );
    expect(sql, `models.prisma and prisma/migrations/${provider} differ:\n${sql}`).toSatisfy(
      isEmptyMigration,
    );
  });

  it("the check notices a model the migrations lack", async () => {
    const schema = `${await schemaTextOf(provider)}\nmodel DriftProbe {\n  id Int @id\n}\n`;
    const sql = await diffSql(provider, await readMigrations(provider), schema, await options());
    expect(isEmptyMigration(sql)).toBe(false);
    expect(sql).toContain('CREATE TABLE "DriftProbe"');
  });
});

describeEachProvider("migrateDatabase", (provider) => {
  let target: EmptyTestDatabase;
  beforeAll(async () => {
    target = await createEmptyTestDatabase(provider);
  });
  afterAll(async () => {
    await target?.drop();
  });

  it("applies every migration to a fresh database, then finds nothing to do", async () => {
    const names = await folderNames(provider);
    const logged: object[] = [];
    const logger = { info: (o: object) => logged.push(o), error: (o: object) => logged.push(o) };

    expect(await migrateDatabase(target.url, logger)).toEqual({ provider, applied: names });
    expect(logged).toEqual([expect.objectContaining({ applied: names })]);
    expect(await migrateDatabase(target.url, logger)).toEqual({ provider, applied: [] });
    expect(logged).toHaveLength(1);

    const db = await openDatabase(target.url);
    try {
      const history = await db.prisma.$queryRawUnsafe<{ migration_name: string; finished: number }[]>(
        `SELECT migration_name, CASE WHEN finished_at IS NULL OR rolled_back_at IS NOT NULL THEN 0 ELSE 1 END AS finished
         FROM _prisma_migrations ORDER BY migration_name`,
      );
      expect(history.map((row) => row.migration_name)).toEqual(names);
      expect(history.every((row) => Number(row.finished) === 1)).toBe(true);
      expect(await db.prisma.scheduledDelivery.count()).toBe(0);
    } finally {
      await db.close();
    }
  });

  it("leaves the schema engine unloaded when the recorded migrations match the shipped ones", async () => {
    await migrateDatabase(target.url);
    const before = schemaEngineStats();
    expect(await migrateDatabase(target.url)).toEqual({ provider, applied: [] });
    const db = await openDatabase(target.url, { migrate: true });
    await db.close();
    expect(schemaEngineStats()).toEqual({ ...before, live: 0 });
  });

  it("still runs the engine for a migration the database lacks, and for an edited one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "chibo-more-migrations-"));
    try {
      await migrateDatabase(target.url);
      const migrationsDir = join(dir, provider);
      await cp(migrationsDirOf(provider), migrationsDir, { recursive: true });
      await mkdir(join(migrationsDir, "29991231000000_probe"));
      await writeFile(
        join(migrationsDir, "29991231000000_probe", "migration.sql"),
        'CREATE TABLE "MigrationProbe" ("id" INTEGER NOT NULL PRIMARY KEY);\n',
      );
      const loads = schemaEngineStats().loads;
      expect(await migrateDatabase(target.url, undefined, { migrationsDir })).toEqual({
        provider,
        applied: ["29991231000000_probe"],
      });
      expect(schemaEngineStats()).toMatchObject({ loads: loads + 1, live: 0 });
      // Nothing left to do: no engine.
      await migrateDatabase(target.url, undefined, { migrationsDir });
      expect(schemaEngineStats().loads).toBe(loads + 1);
      // A script changed after it was applied (its checksum differs): the engine decides.
      await writeFile(
        join(migrationsDir, "29991231000000_probe", "migration.sql"),
        'CREATE TABLE "MigrationProbe" ("id" INTEGER NOT NULL PRIMARY KEY); -- edited\n',
      );
      await migrateDatabase(target.url, undefined, { migrationsDir }).catch(() => undefined);
      expect(schemaEngineStats().loads).toBe(loads + 2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("migrateDatabase on SQLite", () => {
  it("names the migration that failed, and refuses to go on until it is resolved", async () => {
    const dir = await mkdtemp(join(tmpdir(), "chibo-bad-migration-"));
    try {
      const migrationsDir = join(dir, "migrations");
      await mkdir(join(migrationsDir, "20260101000000_broken"), { recursive: true });
      await writeFile(join(migrationsDir, "migration_lock.toml"), 'provider = "sqlite"\n');
      await writeFile(
        join(migrationsDir, "20260101000000_broken", "migration.sql"),
        "CREATE TABLE oops (;\n",
      );
      const url = `file:${join(dir, "db.sqlite")}`;
      await expect(migrateDatabase(url, undefined, { migrationsDir })).rejects.toThrow(
        /^migrating SQLite database .*db\.sqlite failed: .*syntax error \(in migration 20260101000000_broken\)$/,
      );
      await expect(migrateDatabase(url, undefined, { migrationsDir })).rejects.toThrow(/failed migrations/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describePostgres("migrateDatabase on PostgreSQL", () => {
  it("lets two concurrent callers share one database: one migrates, the other waits and finds nothing", async () => {
    const target = await createEmptyTestDatabase("postgresql");
    try {
      const results = await Promise.all([migrateDatabase(target.url), migrateDatabase(target.url)]);
      const applied = results.map((r) => r.applied.length).sort();
      expect(applied).toEqual([0, (await folderNames("postgresql")).length]);
    } finally {
      await target.drop();
    }
  });

  it("waits for a process that holds the migration lock", async () => {
    const target = await createEmptyTestDatabase("postgresql");
    const holder = new pg.Client({ connectionString: target.url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [0x63686962]);
      const info: string[] = [];
      const migrating = migrateDatabase(target.url, {
        info: (_o, msg) => info.push(msg ?? ""),
        error: () => {},
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(info).toEqual(["waiting for another process to finish migrating the database"]);
      await holder.query("SELECT pg_advisory_unlock($1)", [0x63686962]);
      expect((await migrating).applied.length).toBeGreaterThan(0);
    } finally {
      await holder.end();
      await target.drop();
    }
  });

  it("explains an unreachable server without leaking the password", async () => {
    const error = await migrateDatabase("postgresql://chibo:s3cret@127.0.0.1:1/chibo").catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^cannot reach PostgreSQL at 127\.0\.0\.1:1: /);
    expect((error as Error).message).not.toContain("s3cret");
  });

  it("explains a database that does not exist", async () => {
    const server = await postgresServerUrl();
    const url = server.replace(/\/[^/]*$/, "/chibo_no_such_database");
    await expect(migrateDatabase(url)).rejects.toThrow(/the database does not exist/);
  });
});

describeEachProvider("meeting numbers migration", (provider) => {
  let target: EmptyTestDatabase;
  let dir: string;
  beforeAll(async () => {
    target = await createEmptyTestDatabase(provider);
    dir = await mkdtemp(join(tmpdir(), "chibo-meeting-numbers-"));
  });
  afterAll(async () => {
    await target?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("numbers each cell's existing meetings 1, 2, … in order of creation, then keeps them unique per cell", async () => {
    const NUMBERS = "20261203202759_meeting_numbers_and_first_names";
    // The history up to the migration before it, applied to a database that then gets meetings.
    const before = join(dir, provider);
    await cp(migrationsDirOf(provider), before, { recursive: true });
    const later = (await folderNames(provider)).filter((name) => name >= NUMBERS);
    for (const name of later) await rm(join(before, name), { recursive: true });
    await migrateDatabase(target.url, undefined, { migrationsDir: before });

    const stamp = (day: number) =>
      provider === "sqlite" ? `'2026-11-${day}T08:00:00.000+00:00'` : `TIMESTAMP '2026-11-${day} 08:00:00'`;
    const db = await openDatabase(target.url);
    try {
      const run = (sql: string) => db.prisma.$executeRawUnsafe(sql);
      await run(`INSERT INTO "Organisation" ("id", "name", "updatedAt") VALUES (1, 'Đảng bộ', ${stamp(1)})`);
      for (const [id, name] of [
        [1, "Khu phố 1"],
        [2, "Khu phố 2"],
      ] as const) {
        await run(
          `INSERT INTO "Cell" ("id", "organisationId", "name", "updatedAt") VALUES (${id}, 1, '${name}', ${stamp(1)})`,
        );
      }
      // Ids interleave the two cells; meeting 13 of Khu phố 1 was created before meeting 11.
      const meetings: [id: number, cellId: number, createdDay: number][] = [
        [10, 1, 2],
        [11, 1, 9],
        [12, 2, 3],
        [13, 1, 5],
        [14, 2, 8],
      ];
      for (const [id, cellId, day] of meetings) {
        await run(
          `INSERT INTO "Meeting" ("id", "cellId", "startsAt", "createdAt", "updatedAt")
           VALUES (${id}, ${cellId}, ${stamp(20)}, ${stamp(day)}, ${stamp(day)})`,
        );
      }
    } finally {
      await db.close();
    }

    expect((await migrateDatabase(target.url)).applied).toEqual(later);
    const after = await openDatabase(target.url);
    try {
      const rows = await after.prisma.$queryRawUnsafe<{ id: number | bigint; number: number | bigint }[]>(
        `SELECT "id", "number" FROM "Meeting" ORDER BY "id"`,
      );
      expect(rows.map((r) => [Number(r.id), Number(r.number)])).toEqual([
        [10, 1],
        [11, 3],
        [12, 1],
        [13, 2],
        [14, 2],
      ]);
      // A second meeting numbered 2 in Khu phố 2 is refused.
      await expect(
        after.prisma.meeting.create({
          data: { cellId: 2, number: 2, startsAt: new Date(), updatedAt: new Date() },
        }),
      ).rejects.toThrow();
    } finally {
      await after.close();
    }
  });
});
