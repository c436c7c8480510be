// How long a member has to give the reason of an absence after a meeting is closed (PRODUCT §4, issue 9:
// reason requests say by when). The window is meant to become a cell setting (default 48 h); every
// text that names the deadline asks this one function, so switching to the setting is one change.

export const DEFAULT_REASON_WINDOW_HOURS = 48;

/** The moment a reason for an absence from a meeting closed at `closedAt` is due. */
export function reasonDeadline(closedAt: Date, windowHours: number = DEFAULT_REASON_WINDOW_HOURS): Date {
  return new Date(closedAt.getTime() + windowHours * 3_600_000);
}
