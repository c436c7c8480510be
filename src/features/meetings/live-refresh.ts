// A job that keeps a live post (the announcement's RSVP counts, the check-in post's count) up to
// date: each press re-arms one outbox row per post (outbox.rearm), due a few seconds later, and the
// job edits the post with what the database holds when it runs. Presses before the row is due share
// its edit; a press while the row is in flight finds it claimed and leaves it alone, so the job's
// afterSent frees the key first (a press from then on makes a row of its own) and then compares
// what it showed with what the post should show now, asking for one more run if they differ.
import type { NewDelivery, OutboxRepository } from "../../db/repositories/outbox.ts";
import { PermanentJobError, type Job, type JobMessage } from "../../scheduler/jobs.ts";
import type { OutboxRow } from "../../scheduler/types.ts";

/**
 * How long a refresh waits for more presses. Presses within it share one edit; the ticker's beat
 * (5 s) adds to it, which is fine: the presser has their answer at once, the post catches up.
 */
export const LIVE_REFRESH_DELAY_MS = 2_000;

/** What a live post should show now. */
export interface LiveView {
  /** The edit that shows it. */
  message: JobMessage;
  /** The row that asks for another refresh of this post (its key names the post). */
  again: NewDelivery;
}

export type LiveViewOf = (meetingId: number) => Promise<LiveView | { skip: string }>;

export function meetingIdOf(row: OutboxRow): number {
  const { meetingId } = row.payload;
  if (typeof meetingId !== "number") throw new PermanentJobError(`${row.kind} payload needs meetingId`);
  return meetingId;
}

function shownOf(message: JobMessage): string {
  return JSON.stringify(message);
}

export function liveRefreshJob(
  outbox: Pick<OutboxRepository, "rearm" | "releaseKey">,
  view: LiveViewOf,
): Job {
  // What each row's plan showed, for its afterSent step (same claim, same process). An entry whose
  // row never reaches afterSent (a failed send) is replaced when the row is planned again.
  const shown = new Map<number, string>();
  return {
    async plan(row) {
      const live = await view(meetingIdOf(row));
      if ("skip" in live) return live;
      shown.set(row.id, shownOf(live.message));
      return { messages: [live.message] };
    },
    async afterSent(row) {
      await outbox.releaseKey(row.id, row.key);
      const before = shown.get(row.id);
      shown.delete(row.id);
      const live = await view(meetingIdOf(row));
      if ("skip" in live || shownOf(live.message) === before) return;
      await outbox.rearm(live.again);
    },
  };
}
