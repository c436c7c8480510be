import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseError, openDatabase } from "../../src/db/client.ts";

describe("openDatabase on SQLite", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "chibo-client-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates the directory, migrates, and enables WAL, a busy timeout and foreign keys", async () => {
    const db = await openDatabase(`file:${join(dir, "nested", "a", "chibo.sqlite")}`, { migrate: true });
    try {
      expect(db.provider).toBe("sqlite");
      const [mode] = await db.prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      const [busy] = await db.prisma.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
      const [fk] =
        await db.prisma.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
      expect(mode?.journal_mode).toBe("wal");
      expect(Number(busy?.timeout)).toBeGreaterThanOrEqual(5_000);
      expect(Number(fk?.foreign_keys)).toBe(1);
      expect(await db.prisma.organisation.count()).toBe(0);
    } finally {
      await db.close();
      await db.close(); // idempotent
    }
  });

  it("accepts a plain path", async () => {
    const db = await openDatabase(join(dir, "plain.sqlite"), { migrate: true });
    try {
      expect(db.provider).toBe("sqlite");
      const org = await db.prisma.organisation.create({
        data: { name: "Đảng bộ phường", committeeChatId: -100123n },
      });
      expect(org.committeeChatId).toBe(-100123n);
    } finally {
      await db.close();
    }
  });
});

describe("openDatabase on PostgreSQL", () => {
  it("says which server it cannot reach, without the password", async () => {
    const error = await openDatabase("postgresql://chibo:s3cret@127.0.0.1:1/chibo").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as Error).message).toMatch(/^cannot reach PostgreSQL at 127\.0\.0\.1:1: /);
    expect((error as Error).message).not.toContain("s3cret");
  });
});
