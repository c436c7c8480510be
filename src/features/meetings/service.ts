// Creating, moving and cancelling meetings: validation, the database change, the announcement and the
// reminders, shared by the typed command and the guided flow.
import { GrammyError, type Api } from "grammy";
import type { BotContext, BotServices } from "../../bot/context.ts";
import { DATETIME_PROBLEM_KEYS, parseDateTime } from "../../datetime/parse.ts";
import { dateTimeProblemText } from "../../bot/kit/datetime-problem.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { MeetingView } from "../../db/repositories/meetings.ts";
import { isOneOf, meetingKinds, type MeetingKind } from "../../db/enums.ts";
import { clip } from "../../bot/kit/clip.ts";
import { cellLocale, postAnnouncement, refreshAnnouncement } from "./announcement.ts";
import { movedRow } from "./moves.ts";
import { cancelMeetingReminders, planMeetingReminders } from "./reminders.ts";
import { cleanText } from "../../clean-text.ts";
import { errorForLog } from "../../scheduler/telegram-errors.ts";

export const MAX_PLACE = 200;
export const MAX_TITLE = 200;

/** One-letter codes of the kinds, for callback data. */
export const KIND_CODES: Record<string, MeetingKind> = {
  r: "regular",
  t: "thematic",
  e: "extraordinary",
  f: "field_trip",
};
export function kindCode(kind: string): string {
  return Object.entries(KIND_CODES).find(([, k]) => k === kind)?.[0] ?? "r";
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** One line as it will be shown: see clean-text.ts. */
function cleanLine(text: string): string {
  return cleanText(text);
}

export function checkPlace(ctx: BotContext, raw: string): Checked<string | null> {
  const place = cleanLine(raw);
  if (place === "") return { ok: true, value: null };
  if ([...place].length > MAX_PLACE) {
    return {
      ok: false,
      message: ctx.t("meeting-place-too-long", { max: String(MAX_PLACE), length: String([...place].length) }),
    };
  }
  return { ok: true, value: place };
}

export function checkTitle(ctx: BotContext, raw: string): Checked<string | null> {
  const title = cleanLine(raw);
  if (title === "") return { ok: true, value: null };
  if ([...title].length > MAX_TITLE) {
    return {
      ok: false,
      message: ctx.t("meeting-title-too-long", { max: String(MAX_TITLE), length: String([...title].length) }),
    };
  }
  return { ok: true, value: title };
}

/** A start that could not be used: the localised problem, and an ambiguous hour's readings to offer. */
export type StartProblem = { ok: false; message: string; choices?: Date[] };

/**
 * A future meeting start (a date with a time) in the cell's time zone; the localised problem
 * otherwise. Hours 7–11 without a part of the day are ambiguous for a meeting: the problem then
 * carries the readings still to come, for buttons.
 */
export async function checkStart(
  ctx: BotContext,
  cellId: number,
  text: string,
): Promise<{ ok: true; value: Date } | StartProblem> {
  const loc = await cellLocale(ctx.services, cellId);
  const now = ctx.services.clock.now();
  const parsed = parseDateTime(text, { now, timeZone: loc.timeZone, requireTime: true, meetingHours: true });
  if (!parsed.ok) {
    const message = dateTimeProblemText(ctx.t.bind(ctx), parsed, text, loc.timeZone);
    const choices = parsed.choices?.filter((at) => at.getTime() > now.getTime());
    return choices && choices.length > 0 ? { ok: false, message, choices } : { ok: false, message };
  }
  if (parsed.at.getTime() <= now.getTime()) {
    return {
      ok: false,
      message: ctx.t(DATETIME_PROBLEM_KEYS.past, { given: clip(text.trim(), 64), detail: "" }),
    };
  }
  return { ok: true, value: parsed.at };
}

export interface MeetingDraft {
  kind: string;
  startsAt: Date;
  place: string | null;
  title: string | null;
}

/** A typed /meeting read as far as the start: the start's problem comes with the place and title. */
export type ReadMeeting =
  { ok: true; value: MeetingDraft } | (StartProblem & { place?: string | null; title?: string | null });

const MAX_START_WORDS = 12;

/** Words that may lead a place typed without "|": "19h30 tại Hội trường". */
const PLACE_LEADS = new Set(["tại", "ở", "tai", "o", "at", "@"]);

/**
 * Splits "<date> <time> [| <place>] [| <title>]". Without "|", the longest run of leading words that
 * reads as a date (or as a date with a problem: "05/12 25:00", "12/12 7h30") is the start and the
 * rest is the place ("/meeting 12/12 19h30 Hội trường KP2"), so that a problem is about the date
 * and not about the place.
 */
export function splitMeetingText(
  text: string,
  read: (when: string) => { ok: boolean; problem?: string; ambiguity?: string },
): { when: string; place: string; title: string } {
  if (text.includes("|")) {
    const [when = "", place = "", ...rest] = text.split("|");
    return { when, place, title: rest.join("|") };
  }
  const words = text.trim().split(/\s+/u);
  // A start is a few words: longer runs are not tried (a 4,096-character text stays cheap).
  const results = words.slice(0, MAX_START_WORDS).map((_, i) => read(words.slice(0, i + 1).join(" ")));
  const isDate = (r: { ok: boolean; problem?: string }): boolean =>
    r.ok || (r.problem !== "unrecognised" && r.problem !== "empty");
  let n = results.findLastIndex(isDate) + 1;
  // "12/12 19h30 5 Lý Thường Kiệt": the house number read as a second time; the place starts there.
  const clear = results.findLastIndex((r) => r.ok) + 1;
  if (clear > 0 && results[n - 1]?.ambiguity === "two_values") n = clear;
  if (n === 0 || n === words.length) return { when: text, place: "", title: "" };
  const tail = words.slice(n);
  if (PLACE_LEADS.has(tail[0]!.toLowerCase())) tail.shift();
  return { when: words.slice(0, n).join(" "), place: tail.join(" "), title: "" };
}

/** Reads a typed /meeting: its start, place and title, each checked. */
export async function parseMeetingCommand(
  ctx: BotContext,
  cellId: number,
  text: string,
): Promise<ReadMeeting> {
  const loc = await cellLocale(ctx.services, cellId);
  const now = ctx.services.clock.now();
  const parts = splitMeetingText(text, (when) => {
    const r = parseDateTime(when, { now, timeZone: loc.timeZone, meetingHours: true, allowPast: true });
    return r.ok ? { ok: true } : { ok: false, problem: r.problem, ambiguity: r.ambiguity };
  });
  const place = checkPlace(ctx, parts.place);
  if (!place.ok) return place;
  const title = checkTitle(ctx, parts.title);
  if (!title.ok) return title;
  const start = await checkStart(ctx, cellId, parts.when);
  if (!start.ok) return { ...start, place: place.value, title: title.value };
  return {
    ok: true,
    value: { kind: "regular", startsAt: start.value, place: place.value, title: title.value },
  };
}

/** Writes the meeting, announces it in the group, plans its reminders, and tells the creator. */
export async function createAndAnnounce(
  ctx: BotContext,
  cell: CellView,
  draft: MeetingDraft,
): Promise<MeetingView | null> {
  const { services } = ctx;
  // The same command or button twice (or two managers at once) must not make two meetings at one time.
  const existing = await services.repos.meetings.findOpenAt(cell.id, draft.startsAt);
  if (existing) {
    await ctx.reply(ctx.t("meeting-already-exists", { ref: String(existing.number) }));
    return null;
  }
  const kind = isOneOf(meetingKinds, draft.kind) ? draft.kind : "regular";
  const meeting = await services.repos.meetings.create({
    cellId: cell.id,
    kind,
    startsAt: draft.startsAt,
    place: draft.place,
    title: draft.title,
    createdByMemberId: ctx.caller?.member?.id ?? null,
  });
  ctx.log.info({ meetingId: meeting.id, cellId: cell.id }, "meeting created");
  await planMeetingReminders(services, meeting.id);
  let announced = false;
  try {
    announced = await postAnnouncement(services, ctx.api, ctx.me.username, cell, meeting);
  } catch (err) {
    // The group may have removed the bot: the meeting stands, the creator is told it was not announced.
    if (!(err instanceof GrammyError)) throw err;
    ctx.log.warn({ meetingId: meeting.id, err: errorForLog(err) }, "announcement not sent");
  }
  const inGroup = ctx.chat?.id === cell.chatId;
  if (!announced)
    await ctx.reply(ctx.t("meeting-created-no-group", { ref: String(meeting.number), cell: cell.name }));
  else if (!inGroup)
    await ctx.reply(ctx.t("meeting-created-private", { ref: String(meeting.number), cell: cell.name }));
  return meeting;
}

/** Reasons a meeting cannot be moved or cancelled any more; null when it can. */
export function closedProblem(ctx: BotContext, meeting: MeetingView): string | null {
  if (meeting.state === "cancelled")
    return ctx.t("meeting-already-cancelled", { ref: String(meeting.number) });
  if (meeting.state === "closed") return ctx.t("meeting-already-closed", { ref: String(meeting.number) });
  return null;
}

/**
 * Moves a meeting: the new time, its reminders planned again, the answers given so far marked as
 * given before the move, the announcement edited (it says "moved from …" until the meeting), and the
 * private corrections written (moves.ts decides who is told when they go out).
 */
export async function moveMeeting(
  services: BotServices,
  api: Api,
  botUsername: string,
  meeting: MeetingView,
  startsAt: Date,
  movedByMemberId: number | null,
): Promise<boolean> {
  const { repos, clock } = services;
  const moved = await repos.meetings.move(meeting.id, meeting.startsAt, startsAt);
  if (!moved) return false;
  await planMeetingReminders(services, meeting.id);
  await repos.outbox.schedule([
    movedRow({
      meetingId: meeting.id,
      cellId: meeting.cellId,
      from: meeting.startsAt,
      startsAt,
      movedByMemberId,
      now: clock.now(),
    }),
  ]);
  services.scheduler.wake();
  await refreshAnnouncement(services, api, botUsername, meeting.id);
  return true;
}

export async function cancelMeeting(
  services: BotServices,
  api: Api,
  botUsername: string,
  meeting: MeetingView,
): Promise<boolean> {
  const cancelled = await services.repos.meetings.cancel(meeting.id, services.clock.now());
  if (!cancelled) return false;
  await cancelMeetingReminders(services, meeting.id);
  await refreshAnnouncement(services, api, botUsername, meeting.id);
  return true;
}
