// How commands name a meeting: its number in the cell, "#12" or "12", or nothing (the cell's meeting in progress, else the next
// planned one). Shared by every meeting command (/agenda, /checkin, /close_meeting, /move_meeting...).
import type { BotContext } from "../../bot/context.ts";
import type { MeetingView } from "../../db/repositories/meetings.ts";

/** How long after its start a planned meeting still counts as "the next one" when no reference is given. */
const GRACE_MS = 6 * 60 * 60 * 1000;

const PROBLEM_KEYS = {
  bad_ref: "meeting-ref-bad-ref",
  not_found: "meeting-ref-not-found",
  none_upcoming: "meeting-ref-none-upcoming",
} as const;

export type MeetingRefResult =
  { ok: true; meeting: MeetingView } | { ok: false; problem: keyof typeof PROBLEM_KEYS };

/** Parses "#12" / "12" (surrounding spaces allowed); null for anything else, undefined for empty. */
export function parseMeetingRef(refText: string | undefined): number | null | undefined {
  const text = (refText ?? "").trim();
  if (text === "") return undefined;
  const m = /^#?(\d{1,9})$/.exec(text);
  if (!m) return null;
  const number = Number(m[1]);
  return number > 0 ? number : null;
}

/** Finds the meeting a command names within the cell, without replying. */
export async function lookupMeetingByRef(
  ctx: BotContext,
  cellId: number,
  refText: string | undefined,
): Promise<MeetingRefResult> {
  const { repos, clock } = ctx.services;
  const number = parseMeetingRef(refText);
  if (number === null) return { ok: false, problem: "bad_ref" };
  if (number === undefined) {
    const meeting = await repos.meetings.nextOpen(cellId, new Date(clock.now().getTime() - GRACE_MS));
    return meeting ? { ok: true, meeting } : { ok: false, problem: "none_upcoming" };
  }
  // The number is the cell's own (issue 9 item 10): "#1" in Khu phố 2 is Khu phố 2's first meeting.
  const meeting = await repos.meetings.getByNumber(cellId, number);
  return meeting ? { ok: true, meeting } : { ok: false, problem: "not_found" };
}

/**
 * The meeting a command names ("#12", "12", or empty = the cell's meeting in progress or the next
 * planned one). Replies with a localised explanation and returns null when there is none.
 */
export async function findMeetingByRef(
  ctx: BotContext,
  cellId: number,
  refText: string | undefined,
): Promise<MeetingView | null> {
  const result = await lookupMeetingByRef(ctx, cellId, refText);
  if (result.ok) return result.meeting;
  const given = (refText ?? "").trim().slice(0, 32);
  await ctx.reply(ctx.t(PROBLEM_KEYS[result.problem], { given }));
  return null;
}
