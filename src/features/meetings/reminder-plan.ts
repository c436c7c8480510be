// The reminder rows of one meeting, as pure data (PRODUCT §4B "Reminders"): no Prisma, no grammY.
//
// Decisions (documented here because the tests and the renderers rely on them):
// - Audience by offset size: ≥ 2 days → a group post and a private reminder to every reachable member;
//   ≥ 12 h → a group post; < 12 h → a private reminder to members who have not said they attend (the
//   renderer decides at send time, so a late "attend" still saves them the nudge).
// - Private reminders are decided when they are due, not when the meeting is planned: each offset has
//   one row (`meeting:<id>:r:<offset>:members`) whose job lists the members who are then active, not
//   exempt and reachable (a member who opened the private chat after the announcement included) and
//   writes one row per member, due at once (`memberReminderRows`).
// - Agenda owners get their own private reminder 1 day before; the secretary and deputies get, 2 days
//   before, the list of agenda parts not ready (the renderer skips it when there is none).
// - Every row expires at the meeting start: a reminder still unsent when the meeting starts is dropped.
// - Catch-up: when an offset's time has already passed at planning time but the meeting is still ahead
//   (a meeting created or moved at short notice), only the NEAREST passed offset is sent, at once, and only
//   its private rows: its group post is skipped because the group has just seen the announcement or the
//   move notice. Older passed offsets are skipped. Agenda rows whose time has passed are skipped too (the
//   owner has just been given the part; the secretary has just set the agenda).
// - Quiet hours apply to every row, group posts included (a group post rings every member's phone as
//   well): a row due in quiet hours waits for their end; if that would be at or after the meeting start,
//   it goes 15 minutes before the quiet hours began instead; if that moment has already passed, it is
//   skipped.
// - Rows are keyed `meeting:<id>:r:<offset>:group`, `meeting:<id>:r:<offset>:m:<memberId>`,
//   `meeting:<id>:r:agenda:<itemId>`, `meeting:<id>:r:agenda-check:<memberId>`: all under
//   `meeting:<id>:r:`, so rescheduling and cancelling reminders never touches rows other meeting
//   features keep under `meeting:<id>:` (announcements, notices, prompts). Keys do not contain the start
//   time: after a move the same keys are rescheduled, and a reminder already sent is not sent again.
import { addDays, localParts, zonedTimeToUtc, type LocalDate } from "../../datetime/calendar.ts";
import type { QuietHours } from "../settings/model.ts";

export const MEETING_REMINDER_KINDS = {
  group: "meeting-reminder-group",
  private: "meeting-reminder-private",
  members: "meeting-reminder-members",
  agendaOwner: "meeting-agenda-owner",
  agendaCheck: "meeting-agenda-check",
} as const;

/** When agenda owners and the secretary's readiness check are reminded, in minutes before the start. */
export const AGENDA_OWNER_OFFSET_MINUTES = 1440;
export const AGENDA_CHECK_OFFSET_MINUTES = 2880;
/** How long before quiet hours begin a row goes when waiting for their end would be too late. */
export const BEFORE_QUIET_MINUTES = 15;

const MINUTE = 60_000;

export type PrivateAudience = "all" | "unconfirmed";

export interface PlanMember {
  memberId: number;
  chatId: number;
}

export interface PlanAgendaItem {
  itemId: number;
  /** The owner, when reachable; null: nobody to remind. */
  owner: PlanMember | null;
}

export interface ReminderPlanInput {
  meetingId: number;
  cellId: number;
  startsAt: Date;
  now: Date;
  /** Minutes before the start, any order. */
  offsets: readonly number[];
  quietHours: QuietHours | null;
  timeZone: string;
  /** The cell's group, when bound. */
  groupChatId: number | null;
  agendaItems: readonly PlanAgendaItem[];
  /** Secretary and deputies, reachable. */
  managers: readonly PlanMember[];
}

export interface ReminderPayload {
  meetingId: number;
  /** ISO start time the row was planned for: a row planned for another time is stale. */
  startsAt: string;
  offsetMinutes: number;
  audience?: PrivateAudience;
  itemId?: number;
}

export interface PlannedRow {
  key: string;
  kind: string;
  chatId: number | null;
  memberId: number | null;
  cellId: number;
  payload: ReminderPayload;
  dueAt: Date;
  expiresAt: Date;
}

/** The prefix of every reminder row of a meeting (and of nothing else). */
export function reminderKeyPrefix(meetingId: number): string {
  return `meeting:${meetingId}:r:`;
}

export interface OffsetAudience {
  group: boolean;
  private: PrivateAudience | null;
}

export function audienceForOffset(offsetMinutes: number): OffsetAudience {
  if (offsetMinutes >= 2 * 1440) return { group: true, private: "all" };
  if (offsetMinutes >= 12 * 60) return { group: true, private: null };
  return { group: false, private: "unconfirmed" };
}

export function planReminderRows(input: ReminderPlanInput): PlannedRow[] {
  const { meetingId, cellId, startsAt, now } = input;
  if (startsAt.getTime() <= now.getTime()) return [];
  const prefix = reminderKeyPrefix(meetingId);
  const startIso = startsAt.toISOString();
  const offsets = [...new Set(input.offsets.filter((o) => Number.isFinite(o) && o > 0))].sort(
    (a, b) => b - a,
  );
  const nominal = (offset: number) => new Date(startsAt.getTime() - offset * MINUTE);
  // The nearest offset whose time has passed: the only one caught up.
  const catchUp = offsets.filter((o) => nominal(o).getTime() <= now.getTime()).at(-1);

  const rows: PlannedRow[] = [];
  const place = (due: Date): Date | null => {
    const at = due.getTime() < now.getTime() ? now : due;
    return shiftOutOfQuietHours(at, startsAt, now, input.quietHours, input.timeZone);
  };
  const base = { cellId, expiresAt: startsAt };

  for (const offset of offsets) {
    const due = nominal(offset);
    const passed = due.getTime() <= now.getTime();
    if (passed && offset !== catchUp) continue;
    const audience = audienceForOffset(offset);
    if (audience.group && !passed && input.groupChatId !== null) {
      const dueAt = place(due);
      if (dueAt) {
        rows.push({
          ...base,
          key: `${prefix}${offset}:group`,
          kind: MEETING_REMINDER_KINDS.group,
          chatId: input.groupChatId,
          memberId: null,
          payload: { meetingId, startsAt: startIso, offsetMinutes: offset },
          dueAt,
        });
      }
    }
    if (audience.private) {
      const dueAt = place(due);
      if (!dueAt) continue;
      rows.push({
        ...base,
        key: `${prefix}${offset}:members`,
        kind: MEETING_REMINDER_KINDS.members,
        chatId: null,
        memberId: null,
        payload: { meetingId, startsAt: startIso, offsetMinutes: offset, audience: audience.private },
        dueAt,
      });
    }
  }

  const ownerDue = nominal(AGENDA_OWNER_OFFSET_MINUTES);
  const ownerAt = ownerDue.getTime() > now.getTime() ? place(ownerDue) : null;
  if (ownerAt) {
    for (const item of input.agendaItems) {
      if (!item.owner) continue;
      rows.push({
        ...base,
        key: `${prefix}agenda:${item.itemId}`,
        kind: MEETING_REMINDER_KINDS.agendaOwner,
        chatId: item.owner.chatId,
        memberId: item.owner.memberId,
        payload: {
          meetingId,
          startsAt: startIso,
          offsetMinutes: AGENDA_OWNER_OFFSET_MINUTES,
          itemId: item.itemId,
        },
        dueAt: ownerAt,
      });
    }
  }

  const checkDue = nominal(AGENDA_CHECK_OFFSET_MINUTES);
  const checkAt = checkDue.getTime() > now.getTime() ? place(checkDue) : null;
  if (checkAt) {
    for (const m of input.managers) {
      rows.push({
        ...base,
        key: `${prefix}agenda-check:${m.memberId}`,
        kind: MEETING_REMINDER_KINDS.agendaCheck,
        chatId: m.chatId,
        memberId: m.memberId,
        payload: { meetingId, startsAt: startIso, offsetMinutes: AGENDA_CHECK_OFFSET_MINUTES },
        dueAt: checkAt,
      });
    }
  }
  return rows;
}

/**
 * The private reminders of one offset, written when its `members` row is due: one row per member the
 * bot can then write to, due at once, expiring at the meeting start. Keys are per member and offset,
 * so a retry or a second run writes nothing twice.
 */
export function memberReminderRows(input: {
  payload: ReminderPayload;
  cellId: number;
  members: readonly PlanMember[];
  now: Date;
}): PlannedRow[] {
  const { payload } = input;
  const prefix = reminderKeyPrefix(payload.meetingId);
  return input.members.map((m) => ({
    key: `${prefix}${payload.offsetMinutes}:m:${m.memberId}`,
    kind: MEETING_REMINDER_KINDS.private,
    chatId: m.chatId,
    memberId: m.memberId,
    cellId: input.cellId,
    payload: { ...payload },
    dueAt: input.now,
    expiresAt: new Date(payload.startsAt),
  }));
}

// ---------------------------------------------------------------------------------------------
// Quiet hours

/**
 * Where a row due at `due` goes: `due` itself outside quiet hours; the end of the quiet hours if that
 * is before the meeting starts; else 15 minutes before the quiet hours began, if that is not past;
 * else null (skipped).
 */
export function shiftOutOfQuietHours(
  due: Date,
  startsAt: Date,
  now: Date,
  quiet: QuietHours | null,
  timeZone: string,
): Date | null {
  if (!quiet || quiet.start === quiet.end) return due;
  const s = hhmmToMinutes(quiet.start);
  const e = hhmmToMinutes(quiet.end);
  const local = localParts(due, timeZone);
  const m = local.hour * 60 + local.minute;
  const spansMidnight = s > e;
  const inQuiet = spansMidnight ? m >= s || m < e : m >= s && m < e;
  if (!inQuiet) return due;
  // The quiet period containing `due` began on `startDay` and ends on `endDay` (local calendar days).
  const startDay = spansMidnight && m < e ? addDays(local, -1) : local;
  const endDay = spansMidnight && m >= s ? addDays(local, 1) : local;
  const end = zonedTime(endDay, e, timeZone);
  if (end.getTime() < startsAt.getTime()) return end;
  const before = new Date(zonedTime(startDay, s, timeZone).getTime() - BEFORE_QUIET_MINUTES * MINUTE);
  return before.getTime() >= now.getTime() && before.getTime() < startsAt.getTime() ? before : null;
}

function hhmmToMinutes(text: string): number {
  const [h, m] = text.split(":");
  return Number(h) * 60 + Number(m);
}

/** The instant when the wall clock in `timeZone` shows `minutes` after midnight on `day`. */
function zonedTime(day: LocalDate, minutes: number, timeZone: string): Date {
  return zonedTimeToUtc(day, { hour: Math.floor(minutes / 60), minute: minutes % 60 }, timeZone);
}
