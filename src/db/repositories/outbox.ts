// The outbox (model ScheduledDelivery): every reminder, nudge and digest is a row with a unique key,
// written when its cause is saved; scheduler ticks claim due rows, send them and record the outcome.
//
// Life of a row: pending → claimed (leased to one worker until claimedUntil) → sent | failed |
// dropped, or back to pending for a retry. A claim whose lease ran out (the worker died) is
// claimable again; a live worker keeps its claims by renewing their leases. Rows that expired before
// being sent are dropped, never sent late. Rows of an inactive (paused) cell are held: never claimed,
// still pending, until the cell is active again or they expire. Cancelling and rescheduling only
// touch pending rows.
import type { Clock } from "../../clock.ts";
import type { Database, Db } from "../client.ts";
import type { DeliveryStatus } from "../enums.ts";
import { Prisma, type ScheduledDelivery } from "../generated/sqlite/client.ts";
import type { PrismaClient as PostgresPrismaClient } from "../generated/postgresql/client.ts";
import { toDbId, toDbIdOrNull, toTgId, toTgIdOrNull } from "../ids.ts";
import { isUniqueViolation } from "../prisma-errors.ts";

export type JsonObject = { [key: string]: unknown };

/** One outbox row as the rest of the code sees it: numbers for chat ids, a parsed payload. */
export interface Delivery {
  id: number;
  key: string;
  kind: string;
  chatId: number | null;
  memberId: number | null;
  cellId: number | null;
  payload: JsonObject;
  dueAt: Date;
  expiresAt: Date | null;
  status: DeliveryStatus;
  /** Claims so far, including the current one: a claim counts as a send attempt. */
  attempts: number;
  claimedBy: string | null;
  claimedUntil: Date | null;
  sentAt: Date | null;
  lastError: string | null;
  resultMessageId: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A message a delivery sent (table DeliveryMessage). `position` is the message's place in its job's
 * plan; a retried delivery skips the positions already recorded, so nothing is sent twice.
 */
export interface SentMessage {
  position: number;
  /** The chat it reached (a group's supergroup id if it migrated meanwhile). */
  chatId: number;
  messageId: number | null;
  sentAt: Date;
}

export interface NewDelivery {
  /** Unique, e.g. "meeting:42:remind:3d:member:7"; writing the same key again is harmless. */
  key: string;
  kind: string;
  chatId?: number | null;
  memberId?: number | null;
  cellId?: number | null;
  payload: object;
  dueAt: Date;
  expiresAt?: Date | null;
}

/**
 * Makes a write conditional on the caller still holding the row's claim (status `claimed`,
 * `claimedBy` = `workerId`): a worker whose lease lapsed and whose row another worker took must
 * not put that row back or end it under the new owner's feet. The write then changes nothing and
 * returns false.
 */
export interface ClaimGuard {
  workerId: string;
}

export interface RescheduleResult {
  inserted: number;
  updated: number;
  cancelled: number;
}

export interface OutboxBacklog {
  /** Rows not finished: pending (due or not) or claimed. */
  pending: number;
  /** Rows that should be going out now: pending and due, or claimed with a lapsed lease. */
  due: number;
  /** The due time of the oldest due row; null when none is due. */
  oldestDueAt: Date | null;
}

export interface OutboxRepository {
  /** Inserts the rows whose key does not exist yet (whatever its status); returns how many. */
  schedule(rows: readonly NewDelivery[]): Promise<number>;
  /**
   * Makes the pending rows under `keyPrefix` match `rows` (a cause was edited, e.g. a meeting moved):
   * pending rows whose key is not in `rows` are cancelled; pending or cancelled rows whose key is
   * in `rows` take the new values and are pending again; new keys are inserted. Rows already
   * claimed, sent, failed or dropped are left alone (put the event time in the key if a moved event
   * must be announced again). Every key in `rows` must start with `keyPrefix`.
   */
  reschedule(keyPrefix: string, rows: readonly NewDelivery[]): Promise<RescheduleResult>;
  /**
   * Makes sure the work of `row.key` runs once more: inserts the row, or re-arms a finished one
   * (sent, failed, dropped or cancelled) as a fresh delivery: pending at `row.dueAt`, attempts from
   * zero, its recorded messages forgotten (so the next claim sends again). A row already pending
   * keeps its due time and values, so calls made before it is due coalesce into one delivery; a
   * row in flight (claimed) is left to finish, and its job decides whether it needs another run
   * (see `releaseKey`). True when a row became pending. One statement on PostgreSQL, two in one
   * transaction on SQLite.
   */
  rearm(row: NewDelivery): Promise<boolean>;
  /**
   * The statements of `rearm`, not run yet, for a repository that runs them in one transaction with
   * the write that calls for them (an RSVP answer and the refresh of the post that counts it).
   */
  rearmStatements(row: NewDelivery): Prisma.PrismaPromise<unknown>[];
  /**
   * Moves row `id` off its key `key` (to `<key>#<id>`) while it finishes, so that the next `schedule`
   * or `rearm` of that key makes a new row instead of finding this one claimed. A job whose row may
   * be asked for again while it runs calls this in its afterSent step. Idempotent.
   */
  releaseKey(id: number, key: string): Promise<void>;
  /** Cancels the pending rows whose key starts with `keyPrefix`; returns how many. */
  cancelByKeyPrefix(keyPrefix: string): Promise<number>;
  /**
   * Atomically claims up to `limit` rows that are due at `now` (pending, or claimed with a lease that
   * ran out) and not expired, leasing them to `workerId` for `leaseMs`. A row is claimed by exactly
   * one caller even across processes. Oldest due first; `attempts` is incremented. Rows of an
   * inactive cell are left pending (held).
   */
  claimDue(now: Date, workerId: string, limit: number, leaseMs: number): Promise<Delivery[]>;
  /**
   * Extends to `until` the leases of the rows among `ids` that `workerId` still holds (status
   * `claimed`, claimed by it), in one UPDATE; returns the ids renewed. An id missing from the answer
   * is no longer this worker's: its lease lapsed and another worker took it, or it was finished.
   */
  renewLeases(workerId: string, ids: readonly number[], until: Date): Promise<number[]>;
  /**
   * For a worker that is the only one on this database (SQLite: one service per file): every row
   * still claimed by another worker id was claimed by an earlier life of this service that died.
   * Those rows go back to pending at once instead of waiting for their leases. Returns how many.
   */
  releaseClaimsOfOthers(workerId: string): Promise<number>;
  /** Ids of the cells that are inactive (paused): their rows are held. */
  inactiveCellIds(): Promise<number[]>;
  /**
   * Puts a claimed row back to pending without counting the claim as an attempt, due as before: it
   * was held (its cell is paused), not tried. Only for a claim that sent nothing.
   */
  hold(id: number, reason: string, guard: ClaimGuard): Promise<boolean>;
  /** Answers when the database does (a trivial query); throws what the driver throws otherwise. */
  ping(): Promise<void>;
  /**
   * What waits to be sent, for monitoring: rows pending (due or not) and claimed, those due at
   * `now` (pending and due, or claimed with a lapsed lease), and the due time of the oldest of
   * them. Two grouped queries on the (status, dueAt) index.
   */
  backlog(now: Date): Promise<OutboxBacklog>;
  /** Marks rows whose `expiresAt` passed before they were sent as dropped, and returns them. */
  dropExpired(now: Date): Promise<Delivery[]>;
  /**
   * Records that the message at `position` of delivery `id` was sent. Recording a position twice
   * (a lease ran out and two workers sent it) keeps the first record and returns false.
   */
  recordMessage(id: number, message: SentMessage): Promise<boolean>;
  /** What delivery `id` has sent so far, by position. */
  sentMessages(id: number): Promise<SentMessage[]>;
  /**
   * The delivery is done; `messageId` is its first message's, for single-message kinds. With a
   * guard, only while the caller holds the claim; returns whether the row was changed.
   */
  markSent(id: number, messageId?: number, guard?: ClaimGuard): Promise<boolean>;
  /**
   * Records a failed send. Permanent: status `failed`. Otherwise back to `pending`, due again at
   * `retryAt` (default: an exponential back-off from the attempts so far). Guard: as markSent.
   */
  markFailed(
    id: number,
    error: string,
    permanent: boolean,
    retryAt?: Date,
    guard?: ClaimGuard,
  ): Promise<boolean>;
  markDropped(id: number, reason: string, guard?: ClaimGuard): Promise<boolean>;
  get(key: string): Promise<Delivery | null>;
  listByKeyPrefix(keyPrefix: string): Promise<Delivery[]>;
  /**
   * Deletes the finished rows (sent, failed, dropped, cancelled) that were due and last changed
   * before `before`, with the DeliveryMessage records of each; returns how many rows. Their keys
   * are forgotten with them, so a key written again afterwards is sent again: keep `before` well
   * after anything that could still reschedule the same cause (the daily maintenance job keeps 30
   * days). Pending and claimed rows are never touched.
   */
  pruneFinished(before: Date): Promise<number>;
}

export interface OutboxOptions {
  /** Every time the repository writes itself (sentAt, retry times, createdAt, updatedAt). */
  clock: Clock;
  /** Back-off of `markFailed` without `retryAt`: base · 2^(attempts-1), capped. */
  retryBaseMs?: number;
  retryMaxMs?: number;
}

const MAX_ERROR_LENGTH = 2_000;

/** Rows that will never be claimed again: what pruneFinished may delete once they are old. */
const FINISHED_STATUSES = [
  "sent",
  "failed",
  "dropped",
  "cancelled",
] as const satisfies readonly DeliveryStatus[];
const PRUNE_BATCH = 500;

export function createOutboxRepository(
  database: Pick<Database, "prisma" | "provider">,
  options: OutboxOptions,
): OutboxRepository {
  const { prisma, provider } = database;
  const { clock } = options;
  const retryBaseMs = options.retryBaseMs ?? 60_000;
  const retryMaxMs = options.retryMaxMs ?? 60 * 60_000;

  /** Rows a worker may claim at `now`, leaving out those of the cells in `paused`. */
  const claimable = (now: Date, paused: readonly number[]) => ({
    OR: [
      { status: "pending", dueAt: { lte: now } },
      { status: "claimed", claimedUntil: { lte: now } },
    ],
    AND: [
      { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      ...(paused.length > 0 ? [{ OR: [{ cellId: null }, { cellId: { notIn: [...paused] } }] }] : []),
    ],
  });

  async function inactiveCellIds(): Promise<number[]> {
    const cells = await prisma.cell.findMany({ where: { active: false }, select: { id: true } });
    return cells.map((cell) => cell.id);
  }

  /** The row is still claimed by `guard.workerId` (nothing when there is no guard). */
  const held = (guard: ClaimGuard | undefined) =>
    guard ? { status: "claimed", claimedBy: guard.workerId } : {};

  /** Rows under a prefix; `startsWith` is a LIKE on SQLite (case-insensitive), so filter exactly. */
  async function rowsUnder(client: Pick<Db, "scheduledDelivery">, keyPrefix: string) {
    const rows = await client.scheduledDelivery.findMany({
      where: { key: { startsWith: keyPrefix } },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    });
    return rows.filter((row) => row.key.startsWith(keyPrefix));
  }

  async function insertNew(client: Pick<Db, "scheduledDelivery">, rows: ReturnType<typeof toData>[]) {
    if (rows.length === 0) return 0;
    const now = clock.now();
    const data = rows.map((row) => ({ ...row, createdAt: now, updatedAt: now }));
    if (provider === "postgresql") {
      // One INSERT … ON CONFLICT DO NOTHING; the SQLite client has no skipDuplicates.
      const pgClient = client as unknown as Pick<PostgresPrismaClient, "scheduledDelivery">;
      const { count } = await pgClient.scheduledDelivery.createMany({ data, skipDuplicates: true });
      return count;
    }
    const existing = new Set(
      (
        await client.scheduledDelivery.findMany({
          where: { key: { in: data.map((d) => d.key) } },
          select: { key: true },
        })
      ).map((row) => row.key),
    );
    const missing = data.filter((d) => !existing.has(d.key));
    if (missing.length === 0) return 0;
    try {
      const { count } = await client.scheduledDelivery.createMany({ data: missing });
      return count;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // Another connection inserted some of these keys meanwhile: insert one by one.
    let count = 0;
    for (const row of missing) {
      try {
        await client.scheduledDelivery.create({ data: row });
        count++;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return count;
  }

  async function claimIdsPostgres(
    now: Date,
    workerId: string,
    limit: number,
    leaseMs: number,
  ): Promise<number[]> {
    const until = new Date(now.getTime() + leaseMs);
    // SKIP LOCKED: concurrent workers pass over each other's rows instead of waiting; a row another
    // worker claimed and committed meanwhile fails the re-checked WHERE and is left out. Rows of an
    // inactive cell stay pending (held); a cellId whose cell is gone does not hold its row.
    const rows = await prisma.$queryRaw<{ id: number }[]>`
      UPDATE "ScheduledDelivery"
      SET "status" = 'claimed', "claimedBy" = ${workerId}, "claimedUntil" = ${until},
          "attempts" = "attempts" + 1, "updatedAt" = ${clock.now()}
      WHERE "id" IN (
        SELECT "id" FROM "ScheduledDelivery"
        WHERE (("status" = 'pending' AND "dueAt" <= ${now})
            OR ("status" = 'claimed' AND "claimedUntil" <= ${now}))
          AND ("expiresAt" IS NULL OR "expiresAt" > ${now})
          AND NOT EXISTS (
            SELECT 1 FROM "Cell" c WHERE c."id" = "ScheduledDelivery"."cellId" AND c."active" = false
          )
        ORDER BY "dueAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING "id"`;
    return rows.map((row) => Number(row.id));
  }

  async function claimIdsSqlite(
    now: Date,
    workerId: string,
    limit: number,
    leaseMs: number,
  ): Promise<number[]> {
    const claimed: number[] = [];
    // Prisma cannot say "the row's cell is not paused" without a relation, so the paused cells come
    // first; SQLite has one writer, and a cell paused between the two statements is caught by the
    // scheduler's own check before it plans the row.
    const paused = await inactiveCellIds();
    // A worker that loses a race for every candidate tries again, so it does not report "nothing
    // due" while rows are waiting; a few rounds are plenty.
    for (let round = 0; round < 5 && claimed.length < limit; round++) {
      const candidates = await prisma.scheduledDelivery.findMany({
        where: claimable(now, paused),
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        take: limit - claimed.length,
        select: { id: true },
      });
      if (candidates.length === 0) break;
      // Compare-and-set: one UPDATE re-checks that each row is still claimable. SQLite runs one
      // writer at a time, so of two racing workers only the first sees a row as claimable.
      const won = await prisma.scheduledDelivery.updateManyAndReturn({
        where: { id: { in: candidates.map((c) => c.id) }, ...claimable(now, paused) },
        data: {
          status: "claimed",
          claimedBy: workerId,
          claimedUntil: new Date(now.getTime() + leaseMs),
          attempts: { increment: 1 },
          updatedAt: clock.now(),
        },
        select: { id: true },
      });
      claimed.push(...won.map((row) => row.id));
      if (won.length === candidates.length) break;
    }
    return claimed;
  }

  async function byIds(ids: number[]): Promise<Delivery[]> {
    if (ids.length === 0) return [];
    const rows = await prisma.scheduledDelivery.findMany({
      where: { id: { in: ids } },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toDelivery);
  }

  async function update(
    id: number,
    data: Parameters<Db["scheduledDelivery"]["update"]>[0]["data"],
    guard?: ClaimGuard,
  ): Promise<boolean> {
    if (!guard) {
      await prisma.scheduledDelivery.update({ where: { id }, data: { ...data, updatedAt: clock.now() } });
      return true;
    }
    const { count } = await prisma.scheduledDelivery.updateMany({
      where: { id, ...held(guard) },
      data: { ...data, updatedAt: clock.now() },
    });
    return count > 0;
  }

  /** Statuses of a row whose work is over: `rearm` makes it pending again. */
  const FINISHED = ["sent", "failed", "dropped", "cancelled"] as const;

  function rearmStatements(row: NewDelivery): Prisma.PrismaPromise<unknown>[] {
    const data = toData(row);
    const now = clock.now();
    const finished = Prisma.join([...FINISHED]);
    // Only a finished row is updated: a pending row keeps its due time (coalescing), a claimed
    // row is being worked on. Every column of a fresh delivery is reset, so the re-armed row is
    // claimed, counted and retried like a new one.
    const upsert = Prisma.sql`
      INSERT INTO "ScheduledDelivery"
        ("key", "kind", "chatId", "memberId", "cellId", "payload", "dueAt", "expiresAt",
         "status", "attempts", "createdAt", "updatedAt")
      VALUES (${data.key}, ${data.kind}, ${data.chatId}, ${data.memberId}, ${data.cellId},
              ${data.payload}, ${data.dueAt}, ${data.expiresAt}, 'pending', 0, ${now}, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "kind" = excluded."kind", "chatId" = excluded."chatId", "memberId" = excluded."memberId",
        "cellId" = excluded."cellId", "payload" = excluded."payload", "dueAt" = excluded."dueAt",
        "expiresAt" = excluded."expiresAt", "status" = 'pending', "attempts" = 0,
        "claimedBy" = NULL, "claimedUntil" = NULL, "sentAt" = NULL, "lastError" = NULL,
        "resultMessageId" = NULL, "updatedAt" = excluded."updatedAt"
      WHERE "ScheduledDelivery"."status" IN (${finished})`;
    if (provider === "postgresql") {
      // The messages of the row's previous run go in the same statement: every part of a WITH
      // sees the table as it was before, so the DELETE finds the re-armed row's old messages.
      return [
        prisma.$queryRaw<{ armed: number }[]>`
          WITH "armed" AS (${upsert} RETURNING "id"),
          "forgotten" AS (
            DELETE FROM "DeliveryMessage" WHERE "deliveryId" IN (SELECT "id" FROM "armed")
          )
          SELECT CAST(COUNT(*) AS INTEGER) AS "armed" FROM "armed"`,
      ];
    }
    return [
      prisma.$executeRaw`
        DELETE FROM "DeliveryMessage" WHERE "deliveryId" IN (
          SELECT "id" FROM "ScheduledDelivery" WHERE "key" = ${data.key} AND "status" IN (${finished}))`,
      prisma.$executeRaw(upsert),
    ];
  }

  /** Whether the last of `rearmStatements`' results says a row became pending. */
  function armed(results: readonly unknown[]): boolean {
    const last = results.at(-1);
    if (typeof last === "number") return last > 0;
    const first = Array.isArray(last) ? (last[0] as { armed?: unknown } | undefined) : undefined;
    return Number(first?.armed ?? 0) > 0;
  }

  return {
    async schedule(rows) {
      return insertNew(prisma, dedupe(rows).map(toData));
    },

    async reschedule(keyPrefix, rows) {
      if (keyPrefix === "") throw new Error("reschedule needs a non-empty key prefix");
      for (const row of rows) {
        if (!row.key.startsWith(keyPrefix)) throw new Error(`key "${row.key}" is not under "${keyPrefix}"`);
      }
      const wanted = new Map(dedupe(rows).map((row) => [row.key, toData(row)]));
      const updatedAt = clock.now();
      return prisma.$transaction(async (tx) => {
        const current = await rowsUnder(tx, keyPrefix);
        const byKey = new Map(current.map((row) => [row.key, row]));
        const toCancel = current
          .filter((row) => row.status === "pending" && !wanted.has(row.key))
          .map((r) => r.id);
        const { count: cancelled } = await tx.scheduledDelivery.updateMany({
          where: { id: { in: toCancel }, status: "pending" },
          data: { status: "cancelled", claimedBy: null, claimedUntil: null, updatedAt },
        });
        let updated = 0;
        const fresh: ReturnType<typeof toData>[] = [];
        for (const [key, data] of wanted) {
          const row = byKey.get(key);
          if (!row) fresh.push(data);
          else if (row.status === "pending" || row.status === "cancelled") {
            const { count } = await tx.scheduledDelivery.updateMany({
              where: { id: row.id, status: { in: ["pending", "cancelled"] } },
              data: {
                ...data,
                status: "pending",
                lastError: null,
                claimedBy: null,
                claimedUntil: null,
                updatedAt,
              },
            });
            updated += count;
          }
        }
        const inserted = await insertNew(tx, fresh);
        return { inserted, updated, cancelled };
      });
    },

    async rearm(row) {
      const statements = rearmStatements(row);
      const results = statements.length === 1 ? [await statements[0]] : await prisma.$transaction(statements);
      return armed(results);
    },

    rearmStatements,

    async releaseKey(id, key) {
      if (key.endsWith(`#${id}`)) return; // released by an earlier run of the same row
      await prisma.scheduledDelivery.updateMany({
        where: { id, key },
        data: { key: `${key}#${id}`, updatedAt: clock.now() },
      });
    },

    async cancelByKeyPrefix(keyPrefix) {
      if (keyPrefix === "") throw new Error("cancelByKeyPrefix needs a non-empty key prefix");
      const ids = (await rowsUnder(prisma, keyPrefix)).filter((r) => r.status === "pending").map((r) => r.id);
      if (ids.length === 0) return 0;
      const { count } = await prisma.scheduledDelivery.updateMany({
        where: { id: { in: ids }, status: "pending" },
        data: { status: "cancelled", updatedAt: clock.now() },
      });
      return count;
    },

    async claimDue(now, workerId, limit, leaseMs) {
      if (!Number.isInteger(limit) || limit <= 0) return [];
      if (!(leaseMs > 0)) throw new RangeError(`leaseMs must be positive, got ${leaseMs}`);
      const ids =
        provider === "postgresql"
          ? await claimIdsPostgres(now, workerId, limit, leaseMs)
          : await claimIdsSqlite(now, workerId, limit, leaseMs);
      return byIds(ids);
    },

    async renewLeases(workerId, ids, until) {
      if (ids.length === 0) return [];
      const rows = await prisma.scheduledDelivery.updateManyAndReturn({
        where: { id: { in: [...ids] }, status: "claimed", claimedBy: workerId },
        data: { claimedUntil: until, updatedAt: clock.now() },
        select: { id: true },
      });
      return rows.map((row) => row.id);
    },

    async releaseClaimsOfOthers(workerId) {
      const { count } = await prisma.scheduledDelivery.updateMany({
        where: { status: "claimed", NOT: { claimedBy: workerId } },
        data: { status: "pending", claimedBy: null, claimedUntil: null, updatedAt: clock.now() },
      });
      return count;
    },

    inactiveCellIds,

    async hold(id, reason, guard) {
      return update(
        id,
        {
          status: "pending",
          attempts: { decrement: 1 },
          lastError: reason.slice(0, MAX_ERROR_LENGTH),
          claimedBy: null,
          claimedUntil: null,
        },
        guard,
      );
    },

    async ping() {
      await prisma.$queryRaw`SELECT 1`;
    },

    async backlog(now) {
      const unfinished = { status: { in: ["pending", "claimed"] } };
      const dueWhere = {
        OR: [
          { status: "pending", dueAt: { lte: now } },
          { status: "claimed", claimedUntil: { lte: now } },
        ],
      };
      const [pending, due] = await Promise.all([
        prisma.scheduledDelivery.count({ where: unfinished }),
        prisma.scheduledDelivery.aggregate({
          where: dueWhere,
          _count: { _all: true },
          _min: { dueAt: true },
        }),
      ]);
      return { pending, due: due._count._all, oldestDueAt: due._min.dueAt };
    },

    async dropExpired(now) {
      // Pending rows, and claimed rows whose worker died, that can no longer be sent in time. Each
      // branch names its status and the expiry, so both walk the (status, expiresAt) index over
      // the expired rows only: the tick costs the same with 100 000 future rows as with none.
      const rows = await prisma.scheduledDelivery.updateManyAndReturn({
        where: {
          OR: [
            { status: "pending", expiresAt: { lte: now } },
            { status: "claimed", expiresAt: { lte: now }, claimedUntil: { lte: now } },
          ],
        },
        data: { status: "dropped", lastError: "expired", claimedUntil: null, updatedAt: clock.now() },
      });
      return rows.map(toDelivery);
    },

    async recordMessage(id, message) {
      try {
        await prisma.deliveryMessage.create({
          data: {
            deliveryId: id,
            position: message.position,
            chatId: toDbId(message.chatId),
            messageId: message.messageId,
            sentAt: message.sentAt,
          },
        });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async sentMessages(id) {
      const rows = await prisma.deliveryMessage.findMany({
        where: { deliveryId: id },
        orderBy: { position: "asc" },
      });
      return rows.map((row) => ({
        position: row.position,
        chatId: toTgId(row.chatId),
        messageId: row.messageId,
        sentAt: row.sentAt,
      }));
    },

    async markSent(id, messageId, guard) {
      return update(
        id,
        {
          status: "sent",
          sentAt: clock.now(),
          claimedUntil: null,
          lastError: null,
          resultMessageId: messageId ?? null,
        },
        guard,
      );
    },

    async markFailed(id, error, permanent, retryAt, guard) {
      const lastError = error.slice(0, MAX_ERROR_LENGTH);
      if (permanent) {
        return update(id, { status: "failed", lastError, claimedUntil: null }, guard);
      }
      let dueAt = retryAt;
      if (!dueAt) {
        const row = await prisma.scheduledDelivery.findUniqueOrThrow({
          where: { id },
          select: { attempts: true },
        });
        const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.max(0, row.attempts - 1));
        dueAt = new Date(clock.now().getTime() + delay);
      }
      return update(id, { status: "pending", dueAt, lastError, claimedBy: null, claimedUntil: null }, guard);
    },

    async markDropped(id, reason, guard) {
      return update(
        id,
        { status: "dropped", lastError: reason.slice(0, MAX_ERROR_LENGTH), claimedUntil: null },
        guard,
      );
    },

    async get(key) {
      const row = await prisma.scheduledDelivery.findUnique({ where: { key } });
      return row ? toDelivery(row) : null;
    },

    async listByKeyPrefix(keyPrefix) {
      return (await rowsUnder(prisma, keyPrefix)).map(toDelivery);
    },

    async pruneFinished(before) {
      // The (status, dueAt) index finds the candidates; updatedAt only narrows them (a row sent long
      // after it was due, when the service was down, is kept until that too is old). In batches, so
      // a first run over a year of rows neither holds one long transaction nor passes thousands of
      // ids in one statement.
      const finished = {
        status: { in: [...FINISHED_STATUSES] },
        dueAt: { lt: before },
        updatedAt: { lt: before },
      };
      let total = 0;
      for (;;) {
        const batch = await prisma.scheduledDelivery.findMany({
          where: finished,
          select: { id: true },
          take: PRUNE_BATCH,
        });
        if (batch.length === 0) return total;
        const ids = batch.map((row) => row.id);
        total += await prisma.$transaction(async (tx) => {
          // Explicitly rather than through the foreign key's cascade, which SQLite only applies
          // with foreign keys switched on; the row's conditions again, in case one changed since.
          await tx.deliveryMessage.deleteMany({ where: { deliveryId: { in: ids }, delivery: finished } });
          const { count } = await tx.scheduledDelivery.deleteMany({
            where: { id: { in: ids }, ...finished },
          });
          return count;
        });
        if (batch.length < PRUNE_BATCH) return total;
      }
    },
  };
}

/** The last row wins when a batch names a key twice. */
function dedupe(rows: readonly NewDelivery[]): NewDelivery[] {
  return [...new Map(rows.map((row) => [row.key, row])).values()];
}

function toData(row: NewDelivery) {
  if (row.key === "") throw new Error("a scheduled delivery needs a key");
  if (Number.isNaN(row.dueAt.getTime())) throw new RangeError(`invalid dueAt for "${row.key}"`);
  return {
    key: row.key,
    kind: row.kind,
    chatId: toDbIdOrNull(row.chatId),
    memberId: row.memberId ?? null,
    cellId: row.cellId ?? null,
    payload: serialisePayload(row.key, row.payload),
    dueAt: row.dueAt,
    expiresAt: row.expiresAt ?? null,
  };
}

function serialisePayload(key: string, payload: object): string {
  try {
    return JSON.stringify(payload);
  } catch (error) {
    // Typically a bigint: convert ids with toTgId before scheduling.
    throw new TypeError(
      `payload of "${key}" is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function parsePayload(text: string): JsonObject {
  const value: unknown = JSON.parse(text);
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : { value };
}

function toDelivery(row: ScheduledDelivery): Delivery {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind,
    chatId: toTgIdOrNull(row.chatId),
    memberId: row.memberId,
    cellId: row.cellId,
    payload: parsePayload(row.payload),
    dueAt: row.dueAt,
    expiresAt: row.expiresAt,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    claimedBy: row.claimedBy,
    claimedUntil: row.claimedUntil,
    sentAt: row.sentAt,
    lastError: row.lastError,
    resultMessageId: row.resultMessageId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
