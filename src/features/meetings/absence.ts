// The attendance register as pure data (PRODUCT §4B check-in and closing, §4E definitions): who is
// expected, what closing writes for each member, the counts of the group's result, and when a
// member's absences without a reason call for the secretary's attention. No grammY, no Prisma.
import { localParts, zonedTimeToUtc } from "../../datetime/calendar.ts";
import { absenceReasons, isOneOf, type AbsenceReason } from "../../db/enums.ts";

/** One-letter codes of absence reasons in callback data (`ab:<meetingId>:<code>`). */
export const REASON_CODES = { h: "health", w: "work", f: "family", o: "other" } as const satisfies Record<
  string,
  AbsenceReason
>;
export type ReasonCode = keyof typeof REASON_CODES;

export function reasonFromCode(code: string): AbsenceReason | null {
  return Object.hasOwn(REASON_CODES, code) ? REASON_CODES[code as ReasonCode] : null;
}

/** Longest free-text reason a member may give. */
export const MAX_REASON_TEXT = 500;
/** Longest conclusions (minutes) a meeting may store. */
export const MAX_CONCLUSIONS = 4000;

/**
 * Attendance.reason as stored: the reason word (health | work | family | other), followed by ": "
 * and the member's own words when they wrote some.
 */
export function storedReason(reason: AbsenceReason, text: string | null | undefined): string {
  const words = text?.trim();
  return words ? `${reason}: ${words}` : reason;
}

/** The reason word of a stored reason, when it has one. */
export function reasonOfStored(stored: string | null): AbsenceReason | null {
  if (!stored) return null;
  const word = stored.split(":")[0]!.trim();
  return isOneOf(absenceReasons, word) ? word : null;
}

export interface RegisterMemberInput {
  memberId: number;
  /** Membership status: exempt members are not expected. */
  status: string;
}

export interface ExistingRow {
  memberId: number;
  status: string;
}

export interface RsvpInput {
  memberId: number;
  answer: string;
  reason: string | null;
  reasonText: string | null;
  /** Given for the time before a move and not confirmed since: counts as no answer. */
  beforeMove?: boolean;
}

export interface RegisterRow {
  memberId: number;
  status: "present" | "absent_excused" | "absent_unexcused";
  reason: string | null;
  expected: true;
}

export interface RegisterPlan {
  /** Rows closing writes for expected members who were neither present nor checked in by proxy. */
  rows: RegisterRow[];
  /** Whether each member of the cell (and anyone already in the register) counts as expected. */
  expectedByMember: Map<number, boolean>;
}

/** Expected = a member of the cell when the meeting started who is not exempt from meetings. */
export function isExpected(member: { status: string }): boolean {
  return member.status !== "exempt";
}

/**
 * What closing writes: the members in `presentIds` (whoever closes the meeting: they chaired it) are
 * present when nothing else was recorded for them; every other expected member without a row is
 * absent — with a reason when they answered the announcement "absent" with one (and confirmed it
 * after any move), without a reason otherwise. Exempt members get no absence.
 */
export function planRegister(
  members: readonly RegisterMemberInput[],
  existing: readonly ExistingRow[],
  rsvps: readonly RsvpInput[],
  presentIds: ReadonlySet<number> = new Set(),
): RegisterPlan {
  const expectedByMember = new Map<number, boolean>();
  for (const row of existing) expectedByMember.set(row.memberId, false);
  for (const m of members) expectedByMember.set(m.memberId, isExpected(m));
  const recorded = new Set(existing.map((r) => r.memberId));
  const rsvpOf = new Map(rsvps.filter((r) => r.beforeMove !== true).map((r) => [r.memberId, r]));
  const rows: RegisterRow[] = [];
  for (const m of members) {
    if (!isExpected(m) || recorded.has(m.memberId)) continue;
    if (presentIds.has(m.memberId)) {
      rows.push({ memberId: m.memberId, status: "present", reason: null, expected: true });
      continue;
    }
    const rsvp = rsvpOf.get(m.memberId);
    if (rsvp?.answer === "absent" && isOneOf(absenceReasons, rsvp.reason)) {
      rows.push({
        memberId: m.memberId,
        status: "absent_excused",
        reason: storedReason(rsvp.reason, rsvp.reasonText),
        expected: true,
      });
    } else {
      rows.push({ memberId: m.memberId, status: "absent_unexcused", reason: null, expected: true });
    }
  }
  return { rows, expectedByMember };
}

export interface RegisterSummary {
  /** Present in person (expected members only). */
  present: number;
  proxy: number;
  excused: number;
  unexcused: number;
  expected: number;
  /** (present + proxy) / expected, in whole per cent; 0 when nobody was expected. */
  ratePercent: number;
}

/** Counts of the frozen register; members who were not expected do not count (PRODUCT §4E). */
export function summariseRegister(rows: readonly { status: string; expected: boolean }[]): RegisterSummary {
  const s: RegisterSummary = { present: 0, proxy: 0, excused: 0, unexcused: 0, expected: 0, ratePercent: 0 };
  for (const row of rows) {
    if (!row.expected) continue;
    s.expected += 1;
    if (row.status === "present") s.present += 1;
    else if (row.status === "proxy") s.proxy += 1;
    else if (row.status === "absent_excused") s.excused += 1;
    else if (row.status === "absent_unexcused") s.unexcused += 1;
  }
  s.ratePercent = s.expected === 0 ? 0 : Math.round(((s.present + s.proxy) * 100) / s.expected);
  return s;
}

/** The counts the register will show once `plan` is written over the `existing` rows. */
export function summarisePlan(existing: readonly ExistingRow[], plan: RegisterPlan): RegisterSummary {
  const have = new Set(existing.map((r) => r.memberId));
  return summariseRegister([
    ...existing.map((r) => ({ status: r.status, expected: plan.expectedByMember.get(r.memberId) ?? false })),
    ...plan.rows.filter((r) => !have.has(r.memberId)),
  ]);
}

/**
 * Whether closing asks "are you sure?" first: nobody opened check-in, or the register would make
 * half the expected members or more absent (a forgotten check-in, the wrong meeting).
 */
export function closeNeedsConfirmation(summary: RegisterSummary, checkinOpened: boolean): boolean {
  if (!checkinOpened) return true;
  return summary.expected > 0 && (summary.excused + summary.unexcused) * 2 >= summary.expected;
}

/**
 * Whether reaching `count` absences without a reason in a year is a threshold crossing the secretary
 * is told about: at the threshold, and again at each further multiple of it (3, 6, 9… by default).
 */
export function isAlertCount(count: number, threshold: number): boolean {
  if (!Number.isInteger(threshold) || threshold < 1) return false;
  return count >= threshold && count % threshold === 0;
}

/** The calendar year of an instant in a time zone. */
export function yearIn(at: Date, timeZone: string): number {
  return localParts(at, timeZone).year;
}

/**
 * A window of instants that surely contains the whole calendar year `year` in any time zone; the
 * caller keeps those whose `yearIn` is `year`.
 */
export function yearWindow(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year - 1, 11, 30)), to: new Date(Date.UTC(year + 1, 0, 3)) };
}

/** The instants from the first moment of `year` to the first moment of the next, in the time zone. */
export function yearBounds(year: number, timeZone: string): { from: Date; to: Date } {
  const midnight = { hour: 0, minute: 0 };
  return {
    from: zonedTimeToUtc({ year, month: 1, day: 1 }, midnight, timeZone),
    to: zonedTimeToUtc({ year: year + 1, month: 1, day: 1 }, midnight, timeZone),
  };
}

/** How many of the given meeting start times fall in `year` in the time zone. */
export function countInYear(starts: readonly Date[], year: number, timeZone: string): number {
  return starts.filter((at) => yearIn(at, timeZone) === year).length;
}

/** Outbox key of one alert: at most one per member, year, count and recipient. */
export function absenceAlertKey(
  cellId: number,
  memberId: number,
  year: number,
  count: number,
  recipientMemberId: number,
): string {
  return `absence:${cellId}:${memberId}:${year}:${count}:to:${recipientMemberId}`;
}

/** Outbox key of the repeated-absence check of a closed meeting, due when its reason window ends. */
export function absenceCheckKey(meetingId: number): string {
  return `meeting:${meetingId}:absence-check`;
}

/** Outbox key of the private question asking an absent member for the reason. */
export function reasonAskKey(meetingId: number, memberId: number): string {
  return `meeting:${meetingId}:absent:m:${memberId}`;
}

/** The groups of a callback query's regular-expression match (empty when the filter was a string). */
export function matchOf(ctx: { match: string | RegExpMatchArray }): readonly (string | undefined)[] {
  return typeof ctx.match === "string" ? [] : ctx.match;
}
