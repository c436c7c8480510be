import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { createOutboxRepository, type NewDelivery } from "../../src/db/repositories/outbox.ts";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/databases.ts";

const T0 = new Date("2026-03-01T00:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const MINUTE = 60_000;

function delivery(key: string, dueMinutes: number, extra: Partial<NewDelivery> = {}): NewDelivery {
  return {
    key,
    kind: "text",
    chatId: -1001234567890,
    payload: { text: key },
    dueAt: at(dueMinutes),
    ...extra,
  };
}

describeEachProvider("outbox", (provider) => {
  let test: TestDatabase;
  let now = T0;
  const clock = { now: () => now };
  const outbox = () => createOutboxRepository(test.db, { clock });

  beforeAll(async () => {
    test = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await test?.drop();
  });
  beforeEach(async () => {
    now = T0;
    await test.db.prisma.scheduledDelivery.deleteMany();
  });

  it("schedules a key once, whatever is written again", async () => {
    const repo = outbox();
    const row = delivery("meeting:1:remind:1d", 10, {
      memberId: 7,
      cellId: 3,
      expiresAt: at(60),
      payload: { n: 1 },
    });
    expect(await repo.schedule([row])).toBe(1);
    expect(await repo.schedule([{ ...row, payload: { n: 2 } }, delivery("meeting:1:remind:1h", 20)])).toBe(1);
    expect(await repo.schedule([delivery("x:1", 1), delivery("x:1", 2)])).toBe(1);
    expect(await test.db.prisma.scheduledDelivery.count()).toBe(3);

    const stored = await repo.get("meeting:1:remind:1d");
    expect(stored).toMatchObject({
      key: "meeting:1:remind:1d",
      kind: "text",
      chatId: -1001234567890,
      memberId: 7,
      cellId: 3,
      payload: { n: 1 },
      dueAt: at(10),
      expiresAt: at(60),
      status: "pending",
      attempts: 0,
    });
    expect(typeof stored?.chatId).toBe("number");
    expect(await repo.get("nope")).toBeNull();
    expect((await repo.listByKeyPrefix("meeting:1:")).map((d) => d.key)).toEqual([
      "meeting:1:remind:1d",
      "meeting:1:remind:1h",
    ]);
  });

  it("refuses a payload that is not JSON", async () => {
    await expect(outbox().schedule([delivery("bad", 1, { payload: { id: 1n } })])).rejects.toThrow(
      /not JSON/,
    );
  });

  it("claims each row exactly once when two connections race for them", async () => {
    const repo = outbox();
    const total = 120;
    await repo.schedule(Array.from({ length: total }, (_, i) => delivery(`race:${i}`, i % 7)));
    const other = await openDatabase(test.url);
    try {
      const repos = [repo, createOutboxRepository(other, { clock })];
      const drain = async (worker: number) => {
        const ids: number[] = [];
        for (;;) {
          const rows = await repos[worker % 2]!.claimDue(at(10), `w${worker}`, 7, 5 * MINUTE);
          if (rows.length === 0) return ids;
          for (const row of rows) {
            expect(row).toMatchObject({ status: "claimed", claimedBy: `w${worker}`, attempts: 1 });
            ids.push(row.id);
          }
        }
      };
      const claimed = await Promise.all([drain(0), drain(1), drain(2), drain(3)]);
      const all = claimed.flat();
      expect(all).toHaveLength(total);
      expect(new Set(all).size).toBe(total);
      expect(claimed.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
    } finally {
      await other.close();
    }
  });

  it("claims due rows only, oldest first, up to the limit", async () => {
    const repo = outbox();
    await repo.schedule([delivery("c", 3), delivery("a", 1), delivery("later", 30), delivery("b", 2)]);
    expect((await repo.claimDue(at(5), "w", 2, MINUTE)).map((d) => d.key)).toEqual(["a", "b"]);
    expect((await repo.claimDue(at(5), "w", 10, MINUTE)).map((d) => d.key)).toEqual(["c"]);
    expect(await repo.claimDue(at(5), "w", 10, MINUTE)).toEqual([]);
  });

  it("makes a row claimable again when its worker's lease runs out", async () => {
    const repo = outbox();
    await repo.schedule([delivery("lease", 0)]);
    const [first] = await repo.claimDue(at(0), "dead-worker", 10, 5 * MINUTE);
    expect(first).toMatchObject({ claimedBy: "dead-worker", claimedUntil: at(5), attempts: 1 });
    expect(await repo.claimDue(at(4), "w2", 10, 5 * MINUTE)).toEqual([]);
    const [again] = await repo.claimDue(at(5), "w2", 10, 5 * MINUTE);
    expect(again).toMatchObject({ id: first?.id, claimedBy: "w2", claimedUntil: at(10), attempts: 2 });
  });

  it("drops rows that expired before being sent, and never claims them", async () => {
    const repo = outbox();
    await repo.schedule([
      delivery("expired", 0, { expiresAt: at(10) }),
      delivery("still-useful", 0, { expiresAt: at(60) }),
      delivery("no-expiry", 0),
      delivery("claimed-then-died", 0, { expiresAt: at(10) }),
    ]);
    await repo.claimDue(at(0), "w", 1, 5 * MINUTE); // "expired" is first by id; same dueAt
    expect((await repo.claimDue(at(20), "w", 10, MINUTE)).map((d) => d.key).sort()).toEqual([
      "no-expiry",
      "still-useful",
    ]);
    const dropped = await repo.dropExpired(at(20));
    expect(dropped.map((d) => d.key).sort()).toEqual(["claimed-then-died", "expired"]);
    expect(dropped.every((d) => d.status === "dropped")).toBe(true);
    expect(await repo.dropExpired(at(20))).toEqual([]);
    expect((await repo.get("still-useful"))?.status).toBe("claimed");
  });

  it("retries a transient failure later and stops after a permanent one", async () => {
    const repo = outbox();
    await repo.schedule([delivery("retry", 0)]);
    const [row] = await repo.claimDue(at(0), "w", 1, MINUTE);
    await repo.markFailed(row!.id, "429 Too Many Requests", false, at(3));
    expect(await repo.get("retry")).toMatchObject({
      status: "pending",
      dueAt: at(3),
      attempts: 1,
      lastError: "429 Too Many Requests",
      claimedUntil: null,
    });
    expect(await repo.claimDue(at(2), "w", 1, MINUTE)).toEqual([]);
    const [second] = await repo.claimDue(at(3), "w", 1, MINUTE);
    expect(second).toMatchObject({ id: row!.id, attempts: 2 });

    now = at(3);
    await repo.markFailed(row!.id, "network", false); // default back-off: 60 s · 2^(2-1)
    expect(await repo.get("retry")).toMatchObject({ status: "pending", dueAt: at(5) });

    const [third] = await repo.claimDue(at(5), "w", 1, MINUTE);
    await repo.markFailed(third!.id, "403 bot was blocked", true);
    expect(await repo.get("retry")).toMatchObject({
      status: "failed",
      attempts: 3,
      lastError: "403 bot was blocked",
    });
    expect(await repo.claimDue(at(100), "w", 10, MINUTE)).toEqual([]);
  });

  it("records sends and drops", async () => {
    const repo = outbox();
    await repo.schedule([delivery("send", 0), delivery("skip", 0)]);
    const rows = await repo.claimDue(at(0), "w", 10, MINUTE);
    now = at(1);
    await repo.markSent(rows.find((r) => r.key === "send")!.id, 4242);
    await repo.markDropped(rows.find((r) => r.key === "skip")!.id, "member already answered");
    expect(await repo.get("send")).toMatchObject({ status: "sent", sentAt: at(1), resultMessageId: 4242 });
    expect(await repo.get("skip")).toMatchObject({ status: "dropped", lastError: "member already answered" });
    expect(await repo.claimDue(at(100), "w", 10, MINUTE)).toEqual([]);
  });

  it("records each message of a delivery once, by position, with 64-bit chat ids", async () => {
    const repo = outbox();
    await repo.schedule([delivery("digest", 0), delivery("other", 0)]);
    const [row, other] = await repo.claimDue(at(0), "w", 10, MINUTE);
    const group = -1001234567890;
    expect(await repo.sentMessages(row!.id)).toEqual([]);
    expect(await repo.recordMessage(row!.id, { position: 1, chatId: 42, messageId: 8, sentAt: at(2) })).toBe(
      true,
    );
    expect(
      await repo.recordMessage(row!.id, { position: 0, chatId: group, messageId: 7, sentAt: at(1) }),
    ).toBe(true);
    // A second record of a position (two workers after a lease ran out) keeps the first.
    expect(
      await repo.recordMessage(row!.id, { position: 0, chatId: group, messageId: 99, sentAt: at(3) }),
    ).toBe(false);
    expect(await repo.sentMessages(row!.id)).toEqual([
      { position: 0, chatId: group, messageId: 7, sentAt: at(1) },
      { position: 1, chatId: 42, messageId: 8, sentAt: at(2) },
    ]);
    expect(await repo.sentMessages(other!.id)).toEqual([]);
    // The records go with their delivery.
    await test.db.prisma.scheduledDelivery.delete({ where: { id: row!.id } });
    expect(await test.db.prisma.deliveryMessage.count()).toBe(0);
  });

  it("cancels pending rows under a key prefix only", async () => {
    const repo = outbox();
    await repo.schedule([
      delivery("meeting:4:remind:1d", 0),
      delivery("meeting:4:remind:1h", 60),
      delivery("meeting:42:remind:1d", 60),
      delivery("MEETING:4:other", 60),
    ]);
    const [sent] = await repo.claimDue(at(0), "w", 1, MINUTE);
    await repo.markSent(sent!.id);
    expect(await repo.cancelByKeyPrefix("meeting:4:")).toBe(1);
    const statuses = Object.fromEntries(
      (await test.db.prisma.scheduledDelivery.findMany()).map((row) => [row.key, row.status]),
    );
    expect(statuses).toEqual({
      "meeting:4:remind:1d": "sent",
      "meeting:4:remind:1h": "cancelled",
      "meeting:42:remind:1d": "pending",
      "MEETING:4:other": "pending",
    });
  });

  it("reschedules the pending rows of a cause", async () => {
    const repo = outbox();
    await repo.schedule([
      delivery("meeting:5:remind:3d", 0),
      delivery("meeting:5:remind:1d", 100),
      delivery("meeting:5:remind:1h", 200),
    ]);
    const [sent] = await repo.claimDue(at(0), "w", 1, MINUTE);
    await repo.markSent(sent!.id);

    const result = await repo.reschedule("meeting:5:", [
      delivery("meeting:5:remind:3d", 1000),
      delivery("meeting:5:remind:1d", 1100, { payload: { moved: true } }),
      delivery("meeting:5:remind:2h", 1150),
    ]);
    expect(result).toEqual({ inserted: 1, updated: 1, cancelled: 1 });
    const rows = Object.fromEntries((await repo.listByKeyPrefix("meeting:5:")).map((d) => [d.key, d]));
    expect(rows["meeting:5:remind:3d"]).toMatchObject({ status: "sent", dueAt: at(0) });
    expect(rows["meeting:5:remind:1d"]).toMatchObject({
      status: "pending",
      dueAt: at(1100),
      payload: { moved: true },
    });
    expect(rows["meeting:5:remind:2h"]).toMatchObject({ status: "pending", dueAt: at(1150) });
    expect(rows["meeting:5:remind:1h"]).toMatchObject({ status: "cancelled" });

    // Moving it back revives the cancelled row under its key.
    await repo.reschedule("meeting:5:", [delivery("meeting:5:remind:1h", 1190)]);
    expect(await repo.get("meeting:5:remind:1h")).toMatchObject({ status: "pending", dueAt: at(1190) });
    await expect(repo.reschedule("meeting:5:", [delivery("meeting:6:x", 1)])).rejects.toThrow(/not under/);
  });

  /** A cell (of a fresh organisation) whose rows the outbox holds while it is inactive. */
  async function cell(active: boolean): Promise<number> {
    const org = await test.db.prisma.organisation.create({ data: { name: "Đảng bộ thử" } });
    const created = await test.db.prisma.cell.create({
      data: { organisationId: org.id, name: "Chi bộ thử", active },
    });
    return created.id;
  }

  it("holds the rows of an inactive cell: not claimed, still pending, expiring as usual, resumed when active", async () => {
    const repo = outbox();
    const paused = await cell(false);
    const running = await cell(true);
    await repo.schedule([
      delivery("paused", 0, { cellId: paused, expiresAt: at(60) }),
      delivery("paused-short", 0, { cellId: paused, expiresAt: at(10) }),
      delivery("running", 0, { cellId: running }),
      delivery("no-cell", 0),
      // A cell that no longer exists holds nothing.
      delivery("gone-cell", 0, { cellId: 999_999 }),
    ]);
    expect(await repo.inactiveCellIds()).toContain(paused);
    const claimed = await repo.claimDue(at(1), "w", 10, 60 * MINUTE);
    expect(claimed.map((d) => d.key).sort()).toEqual(["gone-cell", "no-cell", "running"]);
    expect(await repo.get("paused")).toMatchObject({ status: "pending", attempts: 0 });

    expect((await repo.dropExpired(at(20))).map((d) => d.key)).toEqual(["paused-short"]);
    await test.db.prisma.cell.update({ where: { id: paused }, data: { active: true } });
    expect((await repo.claimDue(at(21), "w", 10, MINUTE)).map((d) => d.key)).toEqual(["paused"]);
  });

  it("renews the leases a worker still holds, and only those", async () => {
    const repo = outbox();
    await repo.schedule([delivery("mine", 0), delivery("theirs", 0), delivery("done", 0)]);
    const mine = (await repo.claimDue(at(0), "me", 1, MINUTE))[0]!;
    const theirs = (await repo.claimDue(at(0), "them", 1, MINUTE))[0]!;
    const done = (await repo.claimDue(at(0), "me", 1, MINUTE))[0]!;
    await repo.markSent(done.id, 7, { workerId: "me" });
    now = at(0.5);
    const renewed = await repo.renewLeases("me", [mine.id, theirs.id, done.id], at(1.5));
    expect(renewed).toEqual([mine.id]);
    expect(await repo.get("mine")).toMatchObject({ status: "claimed", claimedUntil: at(1.5) });
    expect(await repo.get("theirs")).toMatchObject({ claimedUntil: at(1) });
    // Renewed past its first lease: nobody else may claim it.
    expect((await repo.claimDue(at(1.2), "other", 10, MINUTE)).map((d) => d.key)).toEqual(["theirs"]);
  });

  it("writes an outcome only while the writer holds the claim, when asked to", async () => {
    const repo = outbox();
    await repo.schedule([delivery("taken", 0)]);
    const first = (await repo.claimDue(at(0), "slow", 1, MINUTE))[0]!;
    // The slow worker's lease lapsed and another worker took the row.
    await repo.claimDue(at(2), "fast", 1, MINUTE);
    expect(await repo.markFailed(first.id, "late", false, at(3), { workerId: "slow" })).toBe(false);
    expect(await repo.markDropped(first.id, "late", { workerId: "slow" })).toBe(false);
    expect(await repo.hold(first.id, "late", { workerId: "slow" })).toBe(false);
    expect(await repo.markSent(first.id, 1, { workerId: "slow" })).toBe(false);
    expect(await repo.get("taken")).toMatchObject({ status: "claimed", claimedBy: "fast", attempts: 2 });
    expect(await repo.markSent(first.id, 5, { workerId: "fast" })).toBe(true);
    expect(await repo.get("taken")).toMatchObject({ status: "sent", resultMessageId: 5 });
  });

  it("puts a held row back without counting the claim as an attempt", async () => {
    const repo = outbox();
    await repo.schedule([delivery("held", 0)]);
    const row = (await repo.claimDue(at(0), "w", 1, MINUTE))[0]!;
    expect(row.attempts).toBe(1);
    expect(await repo.hold(row.id, "cell paused", { workerId: "w" })).toBe(true);
    expect(await repo.get("held")).toMatchObject({
      status: "pending",
      attempts: 0,
      claimedBy: null,
      dueAt: at(0),
      lastError: "cell paused",
    });
  });

  it("releases the rows other workers left claimed, for a worker alone on its database", async () => {
    const repo = outbox();
    await repo.schedule([delivery("dead-a", 0), delivery("dead-b", 0), delivery("mine", 0)]);
    await repo.claimDue(at(0), "dead", 2, 5 * MINUTE);
    await repo.claimDue(at(0), "alive", 1, 5 * MINUTE);
    expect(await repo.releaseClaimsOfOthers("alive")).toBe(2);
    expect((await repo.claimDue(at(0.1), "alive", 10, 5 * MINUTE)).map((d) => d.key)).toEqual([
      "dead-a",
      "dead-b",
    ]);
    await repo.ping();
  });

  it("prunes old finished rows with their messages, in batches, and nothing else", async () => {
    const repo = outbox();
    // More than one batch of old sent rows, each with a recorded message.
    const old = Array.from({ length: 1_203 }, (_, i) => delivery(`old:${i}`, 0));
    await repo.schedule(old);
    await test.db.prisma.scheduledDelivery.updateMany({ data: { status: "sent", updatedAt: at(0) } });
    const oldIds = (await test.db.prisma.scheduledDelivery.findMany({ select: { id: true } })).map(
      (r) => r.id,
    );
    await test.db.prisma.deliveryMessage.createMany({
      data: oldIds.map((id) => ({ deliveryId: id, position: 0, chatId: 1n, messageId: id, sentAt: at(0) })),
    });
    now = at(10);
    await repo.schedule([delivery("old:pending", 0), delivery("new:sent", 20)]);
    now = at(30);
    await repo.markSent((await repo.get("new:sent"))!.id, 5);

    expect(await repo.pruneFinished(at(5))).toBe(1_203);
    expect(
      (await test.db.prisma.scheduledDelivery.findMany({ select: { key: true } })).map((r) => r.key).sort(),
    ).toEqual(["new:sent", "old:pending"]);
    expect(await test.db.prisma.deliveryMessage.count()).toBe(0);
    // Due before the cut but changed after it: kept.
    expect(await repo.pruneFinished(at(25))).toBe(0);
    expect(await repo.pruneFinished(at(31))).toBe(1);
  });
});

describeEachProvider("outbox rearm", (provider) => {
  let test: TestDatabase;
  let now = T0;
  const clock = { now: () => now };
  const outbox = () => createOutboxRepository(test.db, { clock });
  const refresh = (dueMinutes: number, extra: Partial<NewDelivery> = {}) =>
    delivery("meeting:9:refresh", dueMinutes, { cellId: 4, payload: { meetingId: 9 }, ...extra });

  beforeAll(async () => {
    test = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await test?.drop();
  });
  beforeEach(async () => {
    now = T0;
    await test.db.prisma.scheduledDelivery.deleteMany();
  });

  it("inserts a row, and a pending row keeps its due time however often it is re-armed", async () => {
    const repo = outbox();
    expect(await repo.rearm(refresh(1))).toBe(true);
    now = at(0.5);
    expect(await repo.rearm(refresh(2, { payload: { meetingId: 9, n: 2 } }))).toBe(false);
    const row = await repo.get("meeting:9:refresh");
    expect(row).toMatchObject({
      status: "pending",
      dueAt: at(1),
      payload: { meetingId: 9 },
      chatId: -1001234567890,
      cellId: 4,
      attempts: 0,
      createdAt: T0,
    });
    // The stored times compare like the ones Prisma writes: the row is due exactly at its time.
    expect(await repo.claimDue(at(0.99), "w", 10, MINUTE)).toHaveLength(0);
    expect((await repo.claimDue(at(1), "w", 10, MINUTE)).map((r) => r.key)).toEqual(["meeting:9:refresh"]);
  });

  it("leaves a claimed row alone, and re-arms a finished one as a fresh delivery", async () => {
    const repo = outbox();
    await repo.rearm(refresh(1));
    const [claimed] = await repo.claimDue(at(1), "w", 10, MINUTE);
    now = at(1.5);
    expect(await repo.rearm(refresh(3))).toBe(false);
    expect(await repo.get("meeting:9:refresh")).toMatchObject({
      status: "claimed",
      dueAt: at(1),
      attempts: 1,
    });
    await repo.recordMessage(claimed!.id, {
      position: 0,
      chatId: -1001234567890,
      messageId: 77,
      sentAt: now,
    });
    await repo.markSent(claimed!.id, 77);

    now = at(5);
    expect(await repo.rearm(refresh(7, { payload: { meetingId: 9, n: 2 } }))).toBe(true);
    const again = await repo.get("meeting:9:refresh");
    expect(again).toMatchObject({
      id: claimed!.id,
      status: "pending",
      dueAt: at(7),
      payload: { meetingId: 9, n: 2 },
      attempts: 0,
      claimedBy: null,
      claimedUntil: null,
      sentAt: null,
      lastError: null,
      resultMessageId: null,
      updatedAt: at(5),
    });
    // Its earlier message is forgotten: no claim of the new run skips its position as sent.
    expect(await repo.sentMessages(claimed!.id)).toEqual([]);

    let due = 7;
    for (const finish of [
      (id: number) => repo.markDropped(id, "meeting cancelled"),
      (id: number) => repo.markFailed(id, "403", true),
    ]) {
      const [row] = await repo.claimDue(at(due), "w", 10, MINUTE);
      await finish(row!.id);
      due += 1;
      expect(await repo.rearm(refresh(due))).toBe(true);
      expect(await repo.get("meeting:9:refresh")).toMatchObject({
        status: "pending",
        attempts: 0,
        dueAt: at(due),
      });
    }
    expect(await test.db.prisma.scheduledDelivery.count()).toBe(1);
  });

  it("runs its statements in another repository's transaction, and a released key makes a new row", async () => {
    const repo = outbox();
    const prisma = test.db.prisma;
    await prisma.$transaction([
      prisma.processedUpdate.create({ data: { updateId: 1n, processedAt: T0 } }),
      ...repo.rearmStatements(refresh(1)),
    ]);
    expect(await repo.get("meeting:9:refresh")).toMatchObject({ status: "pending" });
    // A failing transaction writes neither.
    await expect(
      prisma.$transaction([
        ...repo.rearmStatements(delivery("meeting:10:refresh", 1)),
        prisma.processedUpdate.create({ data: { updateId: 1n, processedAt: T0 } }),
      ]),
    ).rejects.toThrow();
    expect(await repo.get("meeting:10:refresh")).toBeNull();

    const [claimed] = await repo.claimDue(at(1), "w", 10, MINUTE);
    await repo.releaseKey(claimed!.id, claimed!.key);
    await repo.releaseKey(claimed!.id, `meeting:9:refresh#${claimed!.id}`);
    expect(await repo.rearm(refresh(2))).toBe(true);
    await repo.markSent(claimed!.id);
    const rows = await repo.listByKeyPrefix("meeting:9:refresh");
    expect(rows.map((r) => [r.key, r.status])).toEqual([
      [`meeting:9:refresh#${claimed!.id}`, "sent"],
      ["meeting:9:refresh", "pending"],
    ]);
  });
});
