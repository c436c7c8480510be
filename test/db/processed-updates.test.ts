import { afterAll, beforeAll, expect, it } from "vitest";
import { createProcessedUpdateRepository } from "../../src/db/repositories/processed-updates.ts";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/databases.ts";

describeEachProvider("processed updates", (provider) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await test.drop();
  });

  it("records an update_id once: true the first time, false after", async () => {
    const repo = createProcessedUpdateRepository(test.db.prisma);
    expect(await repo.markProcessed(1001)).toBe(true);
    expect(await repo.markProcessed(1001)).toBe(false);
    expect(await repo.markProcessed(1002)).toBe(true);
  });

  it("gives one true among concurrent deliveries of the same update", async () => {
    const repo = createProcessedUpdateRepository(test.db.prisma);
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
});
