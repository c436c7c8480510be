// The daily maintenance job, through the real service on a manual clock: it runs at 03:00 Hanoi
// time, prunes what is past its retention and keeps the rest, and its chain of daily rows goes on
// without ever holding two rows for one day, across restarts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTBOX_RETENTION_MS } from "../../src/features/maintenance/maintenance-job.ts";
import { PROCESSED_UPDATE_RETENTION_MS } from "../../src/db/repositories/processed-updates.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { createHarness, type Harness } from "../support/harness.ts";

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

describe.each(SUPPORTED_PROVIDERS)("daily maintenance on %s", (provider) => {
  let h: Harness;
  const prisma = () => h.app.database.prisma;
  const maintenanceRows = () =>
    prisma().scheduledDelivery.findMany({
      where: { kind: "maintenance" },
      orderBy: { dueAt: "asc" },
      select: { key: true, status: true, dueAt: true },
    });

  beforeAll(async () => {
    // Tuesday 1 December 2026, 08:00 in Hanoi.
    h = await createHarness({ provider, start: new Date("2026-12-01T01:00:00Z") });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("is scheduled at start-up for the next 03:00, once, however often the service restarts", async () => {
    const expected = [
      { key: "maintenance:2026-12-02", status: "pending", dueAt: new Date("2026-12-01T20:00:00Z") },
    ];
    expect(await maintenanceRows()).toEqual(expected);
    await h.restart();
    await h.restart();
    expect(await maintenanceRows()).toEqual(expected);
    // Nothing is due before 03:00: a tick at 02:59 leaves it pending.
    h.clock.set(new Date("2026-12-01T19:59:00Z"));
    await h.app.scheduler.tick();
    expect(await maintenanceRows()).toEqual(expected);
  });

  it("prunes what is past its retention at 03:00, keeps the rest, and schedules the next day", async () => {
    const runAt = new Date("2026-12-01T20:00:00Z");
    const ago = (ms: number) => new Date(runAt.getTime() - ms);
    const db = prisma();
    await db.processedUpdate.createMany({
      data: [
        { updateId: 9_000_001n, processedAt: ago(PROCESSED_UPDATE_RETENTION_MS + HOUR) },
        { updateId: 9_000_002n, processedAt: ago(PROCESSED_UPDATE_RETENTION_MS - HOUR) },
      ],
    });
    const question = { chatId: 1n, kind: "test", payload: "{}", createdAt: ago(DAY) };
    await db.pendingQuestion.createMany({
      data: [
        { ...question, userId: 8_000_001n, expiresAt: ago(HOUR) },
        { ...question, userId: 8_000_002n, expiresAt: new Date(runAt.getTime() + HOUR) },
      ],
    });
    const old = ago(OUTBOX_RETENTION_MS + DAY);
    const recent = ago(OUTBOX_RETENTION_MS - DAY);
    const delivery = async (key: string, status: string, at: Date, changed = at) => {
      const row = await db.scheduledDelivery.create({
        data: { key, kind: "text", chatId: 1n, status, dueAt: at, createdAt: at, updatedAt: changed },
      });
      await db.deliveryMessage.create({
        data: { deliveryId: row.id, position: 0, chatId: 1n, messageId: row.id, sentAt: at },
      });
      return row.id;
    };
    const gone = [
      await delivery("t:old-sent", "sent", old),
      await delivery("t:old-failed", "failed", old),
      await delivery("t:old-dropped", "dropped", old),
      await delivery("t:old-cancelled", "cancelled", old),
    ];
    const kept = [
      await delivery("t:recent-sent", "sent", recent),
      // Due long ago but sent only recently (the service was down): kept until that too is old.
      await delivery("t:late-sent", "sent", old, recent),
      // Never finished: pending and claimed rows are not the pruner's, however old.
      await delivery("t:old-pending", "pending", old),
    ];

    h.clock.set(runAt);
    await h.app.scheduler.tick();

    expect(await maintenanceRows()).toEqual([
      { key: "maintenance:2026-12-02", status: "sent", dueAt: runAt },
      { key: "maintenance:2026-12-03", status: "pending", dueAt: new Date("2026-12-02T20:00:00Z") },
    ]);
    const updates = await db.processedUpdate.findMany({ where: { updateId: { gte: 9_000_000n } } });
    expect(updates.map((u) => u.updateId)).toEqual([9_000_002n]);
    const questions = await db.pendingQuestion.findMany({ where: { userId: { gte: 8_000_000n } } });
    expect(questions.map((q) => q.userId)).toEqual([8_000_002n]);
    const rows = await db.scheduledDelivery.findMany({ where: { key: { startsWith: "t:" } } });
    expect(rows.map((r) => r.key).sort()).toEqual(["t:late-sent", "t:old-pending", "t:recent-sent"]);
    expect(await db.deliveryMessage.count({ where: { deliveryId: { in: gone } } })).toBe(0);
    expect(await db.deliveryMessage.count({ where: { deliveryId: { in: kept } } })).toBe(3);
    // The job sent nothing to anyone.
    expect(await db.deliveryMessage.count({ where: { delivery: { kind: "maintenance" } } })).toBe(0);
  });

  it("goes on the next day, and after days of downtime runs once and continues from today", async () => {
    await h.restart();
    h.clock.set(new Date("2026-12-02T20:00:30Z"));
    await h.app.scheduler.tick();
    expect((await maintenanceRows()).map((r) => [r.key, r.status])).toEqual([
      ["maintenance:2026-12-02", "sent"],
      ["maintenance:2026-12-03", "sent"],
      ["maintenance:2026-12-04", "pending"],
    ]);

    // Down from before the 4th's run until the 7th at 10:00: one overdue run, then the 8th.
    h.clock.set(new Date("2026-12-07T03:00:00Z"));
    await h.restart();
    await h.app.scheduler.tick();
    await h.app.scheduler.tick();
    expect((await maintenanceRows()).map((r) => [r.key, r.status])).toEqual([
      ["maintenance:2026-12-02", "sent"],
      ["maintenance:2026-12-03", "sent"],
      ["maintenance:2026-12-04", "sent"],
      ["maintenance:2026-12-08", "pending"],
    ]);
  });
});
