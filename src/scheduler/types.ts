// The slice of the outbox repository the scheduler needs. What jobs produce is in jobs.ts.
import type { Delivery as OutboxDelivery, OutboxRepository } from "../db/repositories/outbox.ts";

/** One scheduled delivery as the outbox hands it to a worker (`attempts` counts this claim). */
export type OutboxRow = OutboxDelivery;

/** The part of the outbox repository the scheduler uses. */
export type Outbox = Pick<
  OutboxRepository,
  | "claimDue"
  | "renewLeases"
  | "releaseClaimsOfOthers"
  | "inactiveCellIds"
  | "dropExpired"
  | "markSent"
  | "markFailed"
  | "markDropped"
  | "hold"
  | "recordMessage"
  | "sentMessages"
  | "ping"
>;
