// An in-memory outbox with the repository's semantics, for scheduler tests that are about pacing and
// control flow rather than storage (the database-backed outbox is covered by the integration tests).
import type { SentMessage } from "../../src/scheduler/jobs.ts";
import type { Outbox, OutboxRow } from "../../src/scheduler/types.ts";

export type MemoryRow = OutboxRow;

export function createMemoryOutbox() {
  const rows: MemoryRow[] = [];
  /** Cells whose rows are held (inactive). */
  const pausedCells = new Set<number>();
  /** While true, every call fails as a database outage would (see `outageError`). */
  let down = false;
  let outageError: () => Error = () => new Error("database down");
  const available = () => {
    if (down) throw outageError();
  };
  /** The write applies: no guard, or the row is still claimed by the guard's worker. */
  const holds = (r: MemoryRow, guard: { workerId: string } | undefined) =>
    !guard || (r.status === "claimed" && r.claimedBy === guard.workerId);
  /** Delivery id → the messages it sent (the DeliveryMessage table). */
  const messages = new Map<number, SentMessage[]>();
  let nextId = 1;

  const outbox: Outbox & {
    rows: MemoryRow[];
    messages: Map<number, SentMessage[]>;
    pausedCells: Set<number>;
    /** Makes every call fail with `error()` until `setDown(false)`. */
    setDown(value: boolean, error?: () => Error): void;
    add(row: Partial<Omit<OutboxRow, "status">> & Pick<OutboxRow, "key" | "dueAt">): MemoryRow;
    byKey(key: string): MemoryRow | undefined;
  } = {
    rows,
    messages,
    pausedCells,
    setDown(value, error) {
      down = value;
      if (error) outageError = error;
    },
    add(row) {
      const stored: MemoryRow = {
        id: nextId++,
        kind: "text",
        chatId: null,
        memberId: null,
        cellId: null,
        payload: {},
        expiresAt: null,
        attempts: 0,
        claimedBy: null,
        claimedUntil: null,
        sentAt: null,
        lastError: null,
        resultMessageId: null,
        createdAt: new Date(0),
        updatedAt: new Date(0),
        ...row,
        status: "pending",
      };
      rows.push(stored);
      return stored;
    },
    byKey: (key) => rows.find((r) => r.key === key),
    async claimDue(now, workerId, limit, leaseMs) {
      available();
      const due = rows
        .filter(
          (r) =>
            (r.cellId === null || !pausedCells.has(r.cellId)) &&
            ((r.status === "pending" && r.dueAt <= now) || r.status === "claimed") &&
            (!r.expiresAt || r.expiresAt > now) &&
            (r.status === "pending" ||
              (r.status === "claimed" && r.claimedUntil !== null && r.claimedUntil <= now)),
        )
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id)
        .slice(0, limit);
      for (const r of due) {
        r.status = "claimed";
        r.claimedBy = workerId;
        r.claimedUntil = new Date(now.getTime() + leaseMs);
        r.attempts++;
      }
      return Promise.resolve(due.map((r) => ({ ...r })));
    },
    async renewLeases(workerId, ids, until) {
      available();
      const renewed = rows.filter(
        (r) => ids.includes(r.id) && r.status === "claimed" && r.claimedBy === workerId,
      );
      for (const r of renewed) r.claimedUntil = until;
      return Promise.resolve(renewed.map((r) => r.id));
    },
    async releaseClaimsOfOthers(workerId) {
      available();
      const released = rows.filter((r) => r.status === "claimed" && r.claimedBy !== workerId);
      for (const r of released) {
        r.status = "pending";
        r.claimedBy = null;
        r.claimedUntil = null;
      }
      return Promise.resolve(released.length);
    },
    async inactiveCellIds() {
      available();
      return Promise.resolve([...pausedCells]);
    },
    async hold(id, reason, guard) {
      available();
      const r = rows.find((x) => x.id === id)!;
      if (!holds(r, guard)) return Promise.resolve(false);
      r.status = "pending";
      r.attempts--;
      r.lastError = reason;
      r.claimedBy = null;
      r.claimedUntil = null;
      return Promise.resolve(true);
    },
    async ping() {
      available();
      return Promise.resolve();
    },
    async dropExpired(now) {
      available();
      const dropped: OutboxRow[] = [];
      for (const r of rows) {
        if (r.status === "pending" && r.expiresAt && r.expiresAt <= now) {
          r.status = "dropped";
          r.lastError = "expired";
          dropped.push({ ...r });
        }
      }
      return Promise.resolve(dropped);
    },
    async recordMessage(id, message) {
      available();
      const list = messages.get(id) ?? [];
      if (list.some((m) => m.position === message.position)) return Promise.resolve(false);
      list.push({ ...message });
      messages.set(id, list);
      return Promise.resolve(true);
    },
    async sentMessages(id) {
      available();
      const list = [...(messages.get(id) ?? [])].sort((a, b) => a.position - b.position);
      return Promise.resolve(list.map((m) => ({ ...m })));
    },
    async markSent(id, messageId, guard) {
      available();
      const r = rows.find((x) => x.id === id)!;
      if (!holds(r, guard)) return Promise.resolve(false);
      r.status = "sent";
      r.claimedUntil = null;
      r.resultMessageId = messageId ?? null;
      return Promise.resolve(true);
    },
    async markFailed(id, error, permanent, retryAt, guard) {
      available();
      const r = rows.find((x) => x.id === id)!;
      if (!holds(r, guard)) return Promise.resolve(false);
      r.lastError = error;
      r.status = permanent ? "failed" : "pending";
      r.claimedBy = permanent ? r.claimedBy : null;
      r.claimedUntil = null;
      if (!permanent && retryAt) r.dueAt = retryAt;
      return Promise.resolve(true);
    },
    async markDropped(id, reason, guard) {
      available();
      const r = rows.find((x) => x.id === id)!;
      if (!holds(r, guard)) return Promise.resolve(false);
      r.status = "dropped";
      r.claimedUntil = null;
      r.lastError = reason;
      return Promise.resolve(true);
    },
  };
  return outbox;
}
