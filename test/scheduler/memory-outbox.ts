// An in-memory outbox with the repository's semantics, for scheduler tests that are about pacing and
// control flow rather than storage (the database-backed outbox is covered by the integration tests).
import type { SentMessage } from "../../src/scheduler/jobs.ts";
import type { Outbox, OutboxRow } from "../../src/scheduler/types.ts";

export type MemoryRow = OutboxRow;

export function createMemoryOutbox() {
  const rows: MemoryRow[] = [];
  /** Delivery id → the messages it sent (the DeliveryMessage table). */
  const messages = new Map<number, SentMessage[]>();
  let nextId = 1;

  const outbox: Outbox & {
    rows: MemoryRow[];
    messages: Map<number, SentMessage[]>;
    add(row: Partial<Omit<OutboxRow, "status">> & Pick<OutboxRow, "key" | "dueAt">): MemoryRow;
    byKey(key: string): MemoryRow | undefined;
  } = {
    rows,
    messages,
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
    claimDue(now, workerId, limit, leaseMs) {
      const due = rows
        .filter(
          (r) =>
            r.dueAt <= now &&
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
    dropExpired(now) {
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
    recordMessage(id, message) {
      const list = messages.get(id) ?? [];
      if (list.some((m) => m.position === message.position)) return Promise.resolve(false);
      list.push({ ...message });
      messages.set(id, list);
      return Promise.resolve(true);
    },
    sentMessages(id) {
      const list = [...(messages.get(id) ?? [])].sort((a, b) => a.position - b.position);
      return Promise.resolve(list.map((m) => ({ ...m })));
    },
    markSent(id, messageId) {
      const r = rows.find((x) => x.id === id)!;
      r.status = "sent";
      r.resultMessageId = messageId ?? null;
      return Promise.resolve();
    },
    markFailed(id, error, permanent, retryAt) {
      const r = rows.find((x) => x.id === id)!;
      r.lastError = error;
      r.status = permanent ? "failed" : "pending";
      if (!permanent && retryAt) r.dueAt = retryAt;
      return Promise.resolve();
    },
    markDropped(id, reason) {
      const r = rows.find((x) => x.id === id)!;
      r.status = "dropped";
      r.lastError = reason;
      return Promise.resolve();
    },
  };
  return outbox;
}
