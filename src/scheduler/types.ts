// The slice of the outbox repository the scheduler needs, and what renderers produce.
import type { Delivery as OutboxDelivery, OutboxRepository } from "../db/repositories/outbox.ts";
import type { Delivery } from "./sender.ts";

/** One scheduled delivery as the outbox hands it to a worker (`attempts` counts this claim). */
export type OutboxRow = OutboxDelivery;

/** The part of the outbox repository the scheduler uses. */
export type Outbox = Pick<
  OutboxRepository,
  "claimDue" | "dropExpired" | "markSent" | "markFailed" | "markDropped"
>;

type WithOptionalChat<T> = T extends unknown ? Omit<T, "chatId"> & { chatId?: number } : never;

/** A message to send; `chatId` defaults to the row's chat. */
export type RenderedDelivery = WithOptionalChat<Delivery>;

/** `skip`: nothing to send any more (the member already answered, the meeting was cancelled…). */
export type RenderResult = RenderedDelivery | { skip: string };

export type Renderer = (row: OutboxRow) => Promise<RenderResult>;

/** Thrown by a renderer when the row can never be rendered (bad payload): it fails at once. */
export class PermanentRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentRenderError";
  }
}
