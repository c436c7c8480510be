// The contract between the scheduler and the capabilities that schedule work. A row of the outbox
// names a kind; the job of that kind turns the row, when it is due, into what to send, and may act
// on what Telegram returned. See src/features/README.md for how a feature registers its jobs.
//
// One claim of a row runs: plan → send each message not yet sent (each is recorded as soon as
// Telegram accepts it) → afterSent → done. Anything that fails is retried later with the row's
// recorded progress, so a message is never sent twice because a later step failed.
import type { SentMessage } from "../db/repositories/outbox.ts";
import type { Delivery } from "./sender.ts";
import type { OutboxRow } from "./types.ts";

export type { SentMessage };

type WithOptionalChat<T> = T extends unknown ? Omit<T, "chatId"> & { chatId?: number } : never;

/**
 * One message of a plan: a text, a photo, a document or an edit of an earlier message, each with
 * optional buttons and parse mode. `chatId` defaults to the row's chat.
 */
export type JobMessage = WithOptionalChat<Delivery>;

/**
 * What a due row comes to. `messages` may be empty: the job then does its work in `afterSent`.
 * `skip`: nothing to do any more (the member already answered, the meeting was cancelled…); the
 * row is dropped with the reason.
 */
export type JobPlan = { messages: readonly JobMessage[] } | { skip: string };

export interface Job {
  /**
   * Reads what it needs and decides what to send. It must not write: it runs again on every retry
   * of the row, and its writes would happen however the sends turn out. Messages are identified by
   * their position in `messages`: a retry skips the positions already sent, so keep the order
   * stable for a given row (a plan that changes on retry never resends a position already sent).
   * Throw PermanentJobError for a row that can never be planned (a bad payload); any other error
   * is retried later.
   */
  plan(row: OutboxRow): Promise<JobPlan>;
  /**
   * Runs once every message of the plan has been sent, in the same claim, with what Telegram
   * returned for each (every position, including those sent by an earlier claim). This is where a
   * job writes: store a message id, create the next rows (call `scheduler.wake()` for rows due
   * now). If it throws, the row is retried later: the plan runs again, sends nothing already sent,
   * and afterSent runs again, so it must be idempotent. It is not run for a skipped row, nor once
   * the row has expired.
   */
  afterSent?(row: OutboxRow, sent: readonly SentMessage[]): Promise<void>;
}

/** Thrown by a job when the row can never be handled (bad payload): the row fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

/** What a one-message job renders: its message, or why there is nothing to send. */
export type SingleMessage = JobMessage | { skip: string };

/** A job of at most one message, from a function that renders it. */
export function singleMessageJob(
  render: (row: OutboxRow) => Promise<SingleMessage>,
  afterSent?: Job["afterSent"],
): Job {
  return {
    async plan(row) {
      const rendered = await render(row);
      return "skip" in rendered ? rendered : { messages: [rendered] };
    },
    ...(afterSent ? { afterSent } : {}),
  };
}

/** What services may ask of the scheduler. */
export interface SchedulerWaker {
  /**
   * Asks for a tick soon, after writing rows that are due now, so that they do not wait for the
   * ticker's next beat. A tick in progress claims once more before it ends. Without a running
   * ticker (tests that tick by hand) and no tick in progress, it does nothing.
   */
  wake(): void;
}
