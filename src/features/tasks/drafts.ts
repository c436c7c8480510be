// How long a task's preview (and the draft behind it, typed or guided) waits for the secretary's
// press. A preview left alone is forgotten after a day: its press then says so, and the daily
// maintenance deletes the drafts so that abandoned previews do not pile up.
import type { TaskView } from "../../db/repositories/tasks.ts";

export const TASK_DRAFT_LIFETIME_MS = 24 * 3_600_000;

/** The creation time before which a draft is stale at `now`. */
export function staleDraftsBefore(now: Date): Date {
  return new Date(now.getTime() - TASK_DRAFT_LIFETIME_MS);
}

export function isDraftExpired(task: Pick<TaskView, "state" | "createdAt">, now: Date): boolean {
  return task.state === "draft" && task.createdAt.getTime() < staleDraftsBefore(now).getTime();
}
