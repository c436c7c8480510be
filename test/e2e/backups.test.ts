// Daily backups through the real service on a manual clock. SQLite: at 02:00 (Hanoi) the job writes
// a snapshot into backups/ beside the database while the bot goes on writing; the snapshot restores
// to a database with exactly the migrated schema that holds every row written before it; only the
// newest BACKUP_KEEP are kept; a restore refuses while the bot has the database open. PostgreSQL:
// no backup rows at all (pg_dump is the way).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { setImmediate } from "node:timers/promises";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { backupDirFor, checkBackup, listBackups, restoreSqlite } from "../../src/db/backup.ts";
import { openDatabase } from "../../src/db/client.ts";
import { readMigrations } from "../../src/db/schema-engine.ts";
import { sqlitePathOf } from "../../src/db/url.ts";
import {
  createEmptyTestDatabase,
  describeEachProvider,
  type EmptyTestDatabase,
} from "../support/databases.ts";
import { createHarness, type Harness } from "../support/harness.ts";

/** The schema of an SQLite file as SQLite stores it: tables, indexes, triggers, views. */
function schemaOf(path: string): string[] {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return (
      db
        .prepare(
          "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
        )
        .all() as { type: string; name: string; sql: string | null }[]
    ).map((row) => `${row.type} ${row.name}: ${row.sql ?? ""}`);
  } finally {
    db.close();
  }
}

describeEachProvider("daily backups", (provider) => {
  let h: Harness;
  const prisma = () => h.app.database.prisma;
  const backupRows = () =>
    prisma().scheduledDelivery.findMany({
      where: { kind: "backup" },
      orderBy: { dueAt: "asc" },
      select: { key: true, status: true, dueAt: true },
    });

  beforeAll(async () => {
    // Tuesday 1 December 2026, 08:00 in Hanoi.
    h = await createHarness({ provider, start: new Date("2026-12-01T01:00:00Z"), env: { BACKUP_KEEP: "3" } });
  });
  afterAll(async () => {
    await h?.close();
  });

  if (provider === "postgresql") {
    it("schedules nothing: PostgreSQL is backed up with pg_dump", async () => {
      expect(await backupRows()).toEqual([]);
      h.clock.set(new Date("2026-12-01T19:30:00Z"));
      await h.app.scheduler.tick();
      expect(await backupRows()).toEqual([]);
    });
    return;
  }

  it("writes a snapshot at 02:00 while the bot writes, which restores whole and migrated", async () => {
    expect(await backupRows()).toEqual([
      { key: "backup:2026-12-02", status: "pending", dueAt: new Date("2026-12-01T19:00:00Z") },
    ]);
    // Members who started the bot before the backup.
    const users = Array.from({ length: 12 }, (_, i) =>
      h.emulator.createUser({ firstName: `Người ${i + 1}` }),
    );
    for (const user of users) h.emulator.startBot(h.botAccount, user);
    await h.flush();
    const membersBefore = await prisma().member.count();
    expect(membersBefore).toBeGreaterThanOrEqual(users.length);

    // 02:00: the backup runs while the service keeps writing outbox rows, one after another.
    h.clock.set(new Date("2026-12-01T19:00:05Z"));
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await h.app.repos.outbox.schedule([
          {
            key: `load:${written}`,
            kind: "text",
            payload: { text: "x" },
            dueAt: new Date("2027-01-01T00:00:00Z"),
          },
        ]);
        written++;
        // The bot's writes come from network events; this loop must not starve the event loop.
        await setImmediate();
      }
    })();
    const tick = await h.app.scheduler.tick();
    writing = false;
    await writer;
    expect(tick.sent).toBeGreaterThanOrEqual(1);
    expect(written).toBeGreaterThan(0);

    const path = sqlitePathOf(h.testDb.url);
    const backups = listBackups(backupDirFor(path));
    expect(backups.map((b) => b.name)).toEqual(["chibo-20261201T190005Z.sqlite"]);
    expect(dirname(backups[0]!.path)).toBe(join(dirname(path), "backups"));
    // The chain goes on: tomorrow's row is there.
    expect((await backupRows()).map((r) => [r.key, r.status])).toEqual([
      ["backup:2026-12-02", "sent"],
      ["backup:2026-12-03", "pending"],
    ]);

    // Restored elsewhere, it is a database this version runs without migrating, with the schema the
    // migrations make, and the rows written before the snapshot.
    const target = join(mkdtempSync(join(tmpdir(), "chibo-restore-")), "restored.sqlite");
    restoreSqlite(target, backups[0]!.path);
    const migrations = await readMigrations("sqlite");
    expect(checkBackup(target).migrations).toEqual(migrations.migrationDirectories.map((m) => m.path).sort());
    let fresh: EmptyTestDatabase | undefined;
    try {
      fresh = await createEmptyTestDatabase("sqlite");
      await (await openDatabase(fresh.url, { migrate: true })).close();
      expect(schemaOf(target)).toEqual(schemaOf(sqlitePathOf(fresh.url)));
    } finally {
      await fresh?.drop();
    }
    const restored = await openDatabase(`file:${target}`, { migrate: true });
    try {
      expect(await restored.prisma.member.count()).toBe(membersBefore);
      const load = await restored.prisma.scheduledDelivery.count({ where: { key: { startsWith: "load:" } } });
      expect(load).toBeLessThanOrEqual(written);
      const integrity =
        await restored.prisma.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
      expect(integrity).toEqual([{ integrity_check: "ok" }]);
    } finally {
      await restored.close();
    }
  });

  it("keeps the newest BACKUP_KEEP backups", async () => {
    for (const day of ["02", "03", "04", "05"]) {
      h.clock.set(new Date(`2026-12-${day}T19:00:00Z`));
      await h.app.scheduler.tick();
    }
    const path = sqlitePathOf(h.testDb.url);
    expect(listBackups(backupDirFor(path)).map((b) => b.name)).toEqual([
      "chibo-20261203T190000Z.sqlite",
      "chibo-20261204T190000Z.sqlite",
      "chibo-20261205T190000Z.sqlite",
    ]);
  });

  it("refuses to restore over the database of a running bot, and leaves it alone", async () => {
    const path = sqlitePathOf(h.testDb.url);
    const [backup] = listBackups(backupDirFor(path));
    const members = await prisma().member.count();
    expect(() => restoreSqlite(path, backup!.path)).toThrow(/already in use by another chibo-bot/);
    expect(await prisma().member.count()).toBe(members);
    expect(await prisma().member.findFirst()).not.toBeNull();
  });
});
