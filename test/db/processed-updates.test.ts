import { afterAll, beforeAll, expect, it } from "vitest";
import { createManualClock } from "../../src/clock.ts";
import {
  createProcessedUpdateRepository,
  PROCESSED_UPDATE_RETENTION_MS,
} from "../../src/db/repositories/processed-updates.ts";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/databases.ts";

describeEachProvider("processed updates", (provider) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("records an update_id once: true the first time, false after", async () => {
    const repo = createProcessedUpdateRepository(
      test.db.prisma,
      createManualClock(new Date("2026-01-01T00:00:00Z")),
    );
    expect(await repo.markProcessed(1001)).toBe(true);
    expect(await repo.markProcessed(1001)).toBe(false);
    expect(await repo.markProcessed(1002)).toBe(true);
  });

  it("gives one true among concurrent deliveries of the same update", async () => {
    const repo = createProcessedUpdateRepository(
      test.db.prisma,
      createManualClock(new Date("2026-01-01T00:00:00Z")),
    );
    const results = await Promise.all(Array.from({ length: 5 }, () => repo.markProcessed(2001)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("prunes old records only", async () => {
    let now = new Date("2026-01-01T00:00:00Z");
    const repo = createProcessedUpdateRepository(test.db.prisma, { now: () => now });
    await repo.markProcessed(3001);
    now = new Date("2026-01-03T00:00:00Z");
    await repo.markProcessed(3002);
    expect(await repo.pruneOlderThan(new Date("2026-01-02T00:00:00Z"))).toBeGreaterThanOrEqual(1);
    expect(await repo.markProcessed(3001)).toBe(true);
    expect(await repo.markProcessed(3002)).toBe(false);
  });

  it("prunes what the clock says has expired, by processedAt, and keeps what is recent", async () => {
    const DAY = 24 * 60 * 60_000;
    const clock = createManualClock(new Date("2031-05-01T00:00:00Z"));
    const repo = createProcessedUpdateRepository(test.db.prisma, clock);
    await repo.markProcessed(4001); // 2031-05-01
    clock.advance(2 * DAY);
    await repo.markProcessed(4002); // 2031-05-03
    clock.advance(DAY + 1); // 2031-05-04 00:00:00.001: 4001 is just over three days old
    expect(PROCESSED_UPDATE_RETENTION_MS).toBe(3 * DAY);
    const before = await test.db.prisma.processedUpdate.count({
      where: { updateId: { in: [4001n, 4002n] } },
    });
    expect(before).toBe(2);
    expect(await repo.pruneExpired()).toBeGreaterThanOrEqual(1);
    const left = await test.db.prisma.processedUpdate.findMany({
      where: { updateId: { in: [4001n, 4002n] } },
      select: { updateId: true, processedAt: true },
    });
    expect(left).toEqual([{ updateId: 4002n, processedAt: new Date("2031-05-03T00:00:00Z") }]);
    // A shorter retention given by the caller prunes the younger one too; a senseless one is refused.
    expect(await repo.pruneExpired(DAY)).toBeGreaterThanOrEqual(1);
    expect(await repo.markProcessed(4002)).toBe(true);
    await expect(repo.pruneExpired(0)).rejects.toThrow(RangeError);
  });
});
