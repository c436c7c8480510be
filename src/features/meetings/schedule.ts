// Recurring meetings (PRODUCT §4B): `/meeting_schedule monthly <day> <time> [| <place>]` keeps a
// regular meeting every month, announced `announceDaysAhead` days before (`/meeting_schedule ahead
// <n>`); `/meeting_schedule off` stops it; `/meeting_schedule` alone shows it. The months are driven
// by scheduled-delivery rows (their job: schedule-renderer.ts), written here when the schedule is saved.
import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { resolveCommandCell } from "../../bot/cell-access.ts";
import { formatDateTime } from "../../datetime/format.ts";
import { DATETIME_PROBLEM_KEYS, parseTime } from "../../datetime/parse.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { MeetingScheduleView } from "../../db/repositories/meeting-schedules.ts";
import { clip } from "../../bot/kit/clip.ts";
import { cellLocale } from "./announcement.ts";
import {
  DEFAULT_ANNOUNCE_DAYS_AHEAD,
  LAST_DAY_OF_MONTH,
  MAX_ANNOUNCE_DAYS_AHEAD,
  nextOccurrence,
  nextPeriod,
  occurrenceIn,
  OCCURRENCES_AHEAD,
  parseScheduleDay,
  periodBounds,
  scheduleKeyPrefix,
  scheduleRows,
} from "./schedule-plan.ts";

/** Longest place, in characters (as for /meeting). */
export const MAX_SCHEDULE_PLACE = 200;

const MONTHLY_WORDS = new Set(["monthly", "hàng tháng", "hằng tháng", "hang thang", "tháng", "thang"]);
const OFF_WORDS = new Set(["off", "tắt", "tat", "dừng", "dung", "huỷ", "hủy", "huy"]);
const AHEAD_WORDS = new Set(["ahead", "trước", "truoc", "báo trước", "bao truoc"]);
const LAST_DAY_PHRASES = ["cuối tháng", "cuoi thang", "last day", "cuối", "cuoi", "last", "end"];

const pad = (n: number) => String(n).padStart(2, "0");

export function createMeetingScheduleFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("meeting_schedule", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "manager");
    if (!cell) return;
    const args = ctx.match.trim().normalize("NFC");
    const lower = args.toLowerCase();
    if (args === "") return showSchedule(ctx, cell);
    if (OFF_WORDS.has(lower)) return turnOff(ctx, cell);
    const ahead = [...AHEAD_WORDS].find((w) => lower === w || lower.startsWith(`${w} `));
    if (ahead) return setAhead(ctx, cell, args.slice(ahead.length).trim());
    const monthly = [...MONTHLY_WORDS]
      .sort((a, b) => b.length - a.length)
      .find((w) => lower === w || lower.startsWith(`${w} `));
    if (!monthly) {
      await ctx.reply(ctx.t("schedule-usage"));
      return;
    }
    await setMonthly(ctx, cell, args.slice(monthly.length).trim());
  });

  return feature;
}

/** "<day> <time> [| <place>]" → a new active schedule (replacing the cell's current one). */
async function setMonthly(ctx: BotContext, cell: CellView, text: string): Promise<void> {
  const bar = text.indexOf("|");
  const when = (bar < 0 ? text : text.slice(0, bar)).trim();
  const place =
    bar < 0
      ? ""
      : text
          .slice(bar + 1)
          .replace(/\s+/gu, " ")
          .trim();
  const lowerWhen = when.toLowerCase();
  const lastPhrase = LAST_DAY_PHRASES.find((p) => lowerWhen === p || lowerWhen.startsWith(`${p} `));
  const dayText = lastPhrase ?? when.split(/\s+/)[0] ?? "";
  const timeText = when.slice(dayText.length).trim();
  if (dayText === "" || timeText === "") {
    await ctx.reply(ctx.t("schedule-usage"));
    return;
  }
  const day = parseScheduleDay(dayText);
  if (!day.ok) {
    await ctx.reply(ctx.t("schedule-bad-day", { given: clip(day.given, 32) }));
    return;
  }
  const time = parseTime(timeText);
  if (!time.ok) {
    await ctx.reply(
      ctx.t(DATETIME_PROBLEM_KEYS[time.problem], { given: clip(timeText, 64), detail: time.detail ?? "" }),
    );
    return;
  }
  if ([...place].length > MAX_SCHEDULE_PLACE) {
    await ctx.reply(ctx.t("schedule-place-too-long", { max: MAX_SCHEDULE_PLACE, length: [...place].length }));
    return;
  }

  const { repos, clock } = ctx.services;
  const now = clock.now();
  const loc = await cellLocale(ctx.services, cell.id);
  const previous = await repos.meetingSchedules.activeForCell(cell.id);
  for (const id of await repos.meetingSchedules.deactivateForCell(cell.id, now)) {
    await repos.outbox.cancelByKeyPrefix(scheduleKeyPrefix(id));
  }
  const schedule = await repos.meetingSchedules.create({
    cellId: cell.id,
    dayOfMonth: day.dayOfMonth,
    time: `${pad(time.hour)}:${pad(time.minute)}`,
    place: place === "" ? null : place,
    announceDaysAhead: previous?.announceDaysAhead ?? DEFAULT_ANNOUNCE_DAYS_AHEAD,
  });
  const next = nextOccurrence(schedule, now, loc.timeZone);
  await repos.outbox.schedule(scheduleRows(schedule, next.period, loc.timeZone, now));
  // A meeting less than `announceDaysAhead` days away is announced now, not at the next beat.
  ctx.services.scheduler.wake();
  await repos.audit.record({
    action: "meeting_schedule.set",
    targetType: "meeting_schedule",
    targetId: schedule.id,
    actorTelegramId: ctx.from!.id,
    ...(ctx.caller?.member ? { actorMemberId: ctx.caller.member.id } : {}),
    organisationId: cell.organisationId,
    cellId: cell.id,
    before: previous ? describeForAudit(previous) : null,
    after: describeForAudit(schedule),
  });
  ctx.log.info({ cellId: cell.id, scheduleId: schedule.id }, "meeting schedule set");
  await ctx.reply(
    [ctx.t("schedule-set", { cell: cell.name }), await describeSchedule(ctx, schedule, loc.timeZone)].join(
      "\n",
    ),
  );
}

async function turnOff(ctx: BotContext, cell: CellView): Promise<void> {
  const { repos, clock } = ctx.services;
  const previous = await repos.meetingSchedules.activeForCell(cell.id);
  const ids = await repos.meetingSchedules.deactivateForCell(cell.id, clock.now());
  if (ids.length === 0) {
    await ctx.reply(ctx.t("schedule-none"));
    return;
  }
  for (const id of ids) await repos.outbox.cancelByKeyPrefix(scheduleKeyPrefix(id));
  await repos.audit.record({
    action: "meeting_schedule.off",
    targetType: "meeting_schedule",
    targetId: ids.join(","),
    actorTelegramId: ctx.from!.id,
    ...(ctx.caller?.member ? { actorMemberId: ctx.caller.member.id } : {}),
    organisationId: cell.organisationId,
    cellId: cell.id,
    before: previous ? describeForAudit(previous) : null,
  });
  await ctx.reply(ctx.t("schedule-off", { cell: cell.name }));
}

async function setAhead(ctx: BotContext, cell: CellView, text: string): Promise<void> {
  const { repos, clock } = ctx.services;
  const n = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_ANNOUNCE_DAYS_AHEAD)) {
    await ctx.reply(ctx.t("schedule-bad-ahead", { given: clip(text, 32), max: MAX_ANNOUNCE_DAYS_AHEAD }));
    return;
  }
  const schedule = await repos.meetingSchedules.activeForCell(cell.id);
  if (!schedule) {
    await ctx.reply(ctx.t("schedule-none"));
    return;
  }
  await repos.meetingSchedules.setAnnounceDaysAhead(schedule.id, n);
  const updated = { ...schedule, announceDaysAhead: n };
  const loc = await cellLocale(ctx.services, cell.id);
  const now = clock.now();
  const next = nextOccurrence(updated, now, loc.timeZone);
  // Pending rows take the new announcement time; a month already announced stays announced. One
  // occurrence more than is kept ahead, so that every pending row of the chain is in the new list.
  await repos.outbox.reschedule(
    scheduleKeyPrefix(schedule.id),
    scheduleRows(updated, next.period, loc.timeZone, now, OCCURRENCES_AHEAD + 1),
  );
  ctx.services.scheduler.wake();
  await repos.audit.record({
    action: "meeting_schedule.ahead",
    targetType: "meeting_schedule",
    targetId: schedule.id,
    actorTelegramId: ctx.from!.id,
    ...(ctx.caller?.member ? { actorMemberId: ctx.caller.member.id } : {}),
    organisationId: cell.organisationId,
    cellId: cell.id,
    before: { announceDaysAhead: schedule.announceDaysAhead },
    after: { announceDaysAhead: n },
  });
  await ctx.reply(
    [ctx.t("schedule-ahead-set", { days: n }), await describeSchedule(ctx, updated, loc.timeZone)].join("\n"),
  );
}

async function showSchedule(ctx: BotContext, cell: CellView): Promise<void> {
  const schedule = await ctx.services.repos.meetingSchedules.activeForCell(cell.id);
  if (!schedule) {
    await ctx.reply([ctx.t("schedule-none"), ctx.t("schedule-usage")].join("\n\n"));
    return;
  }
  const loc = await cellLocale(ctx.services, cell.id);
  await ctx.reply(
    [
      ctx.t("schedule-current", { cell: cell.name }),
      await describeSchedule(ctx, schedule, loc.timeZone),
    ].join("\n"),
  );
}

/** The pattern, the next meeting and when it will be announced. */
async function describeSchedule(
  ctx: BotContext,
  schedule: MeetingScheduleView,
  timeZone: string,
): Promise<string> {
  const locale = await ctx.i18n.getLocale();
  const now = ctx.services.clock.now();
  const { meetingSchedules } = ctx.services.repos;
  let next = nextOccurrence(schedule, now, timeZone);
  const meeting = await meetingSchedules.findMeeting(schedule.id, next.startsAt);
  // One regular meeting a month: a hand-made one this month stands, and the schedule starts with the
  // next month (issue 9: it promised an announcement "now" and announced nothing).
  const { from, to } = periodBounds(next.period, timeZone);
  const handMade = meeting
    ? null
    : await meetingSchedules.otherRegularMeetingBetween(schedule.cellId, schedule.id, from, to);
  if (handMade) next = occurrenceIn(schedule, nextPeriod(next.period), timeZone);
  const announced = meeting ? "yes" : next.announceAt.getTime() > now.getTime() ? "no" : "now";
  const details = ctx.t("schedule-details", {
    announced,
    ref: meeting?.number ?? 0,
    day: schedule.dayOfMonth === LAST_DAY_OF_MONTH ? "last" : String(schedule.dayOfMonth),
    time: schedule.time,
    hasPlace: schedule.place ? "yes" : "no",
    place: schedule.place ?? "",
    next: formatDateTime(next.startsAt, timeZone, locale),
    announce: formatDateTime(next.announceAt, timeZone, locale),
    days: schedule.announceDaysAhead,
  });
  if (!handMade) return details;
  const already = ctx.t("schedule-month-has-meeting", {
    ref: handMade.number,
    when: formatDateTime(handMade.startsAt, timeZone, locale),
  });
  return `${details}\n${already}`;
}

function describeForAudit(s: MeetingScheduleView) {
  return { dayOfMonth: s.dayOfMonth, time: s.time, place: s.place, announceDaysAhead: s.announceDaysAhead };
}
