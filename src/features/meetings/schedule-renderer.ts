// Renderers of the monthly schedule's rows (kinds below). The row `schedule:<id>:<YYYY-MM>` is due
// when that month's regular meeting must be announced: its renderer creates the meeting (the unique
// (scheduleId, startsAt) makes a retry harmless), plans its reminders, keeps the next occurrences'
// rows scheduled, and returns the announcement as the message to send to the group.
//
// The scheduler records the sent message's id on the row, not on the meeting; the follow-up row
// `schedule-link:<id>:<YYYY-MM>` (outside the schedule's key prefix, so that rewriting or cancelling
// the schedule's rows never loses it) copies it to the meeting on the next tick, so that RSVP answers can
// update the announcement's counts like those of a meeting created with /meeting.
import type { BotServices } from "../../bot/context.ts";
import type { Clock } from "../../clock.ts";
import { parseConfig, type Config } from "../../config.ts";
import type { Repositories } from "../../db/repositories/index.ts";
import type { MeetingScheduleView } from "../../db/repositories/meeting-schedules.ts";
import type { Translator } from "../../i18n.ts";
import { createLogger, type Logger } from "../../logger.ts";
import {
  PermanentRenderError,
  type OutboxRow,
  type Renderer,
  type RenderResult,
} from "../../scheduler/types.ts";
import { announcementText, cellLocale, rsvpKeyboard } from "./announcement.ts";
import { planMeetingReminders } from "./reminders.ts";
import {
  nextPeriod,
  occurrenceIn,
  parsePeriod,
  periodBounds,
  SCHEDULE_DELIVERY_KIND,
  scheduleRows,
} from "./schedule-plan.ts";

export const SCHEDULE_LINK_KIND = "meeting_schedule_link";

export interface MeetingScheduleRendererDeps {
  repos: Repositories;
  clock: Clock;
  translate: Translator;
  defaultLocale: string;
  botUsername: string;
  /** The service's logger and configuration; quiet defaults when the caller does not pass them. */
  logger?: Logger;
  config?: Config;
}

interface SchedulePayload {
  scheduleId: number;
  period: string;
}

function parsePayload(row: OutboxRow): SchedulePayload {
  const { scheduleId, period } = row.payload;
  if (typeof scheduleId !== "number" || typeof period !== "string" || !parsePeriod(period)) {
    throw new PermanentRenderError("schedule payload needs scheduleId and period");
  }
  return { scheduleId, period };
}

export function createMeetingScheduleRenderers(deps: MeetingScheduleRendererDeps): Record<string, Renderer> {
  const services: BotServices = {
    repos: deps.repos,
    clock: deps.clock,
    translate: deps.translate,
    logger: deps.logger ?? createLogger({ level: "silent" }),
    config: deps.config ?? parseConfig({ DEFAULT_LOCALE: deps.defaultLocale, LOG_LEVEL: "silent" }),
  };
  const { repos, clock } = services;

  /** Keeps the occurrences after `period` scheduled (a failed row never ends the chain). */
  async function keepChain(schedule: MeetingScheduleView, period: string, timeZone: string): Promise<void> {
    await repos.outbox.schedule(scheduleRows(schedule, nextPeriod(period), timeZone, clock.now()));
  }

  async function announce(row: OutboxRow): Promise<RenderResult> {
    const { scheduleId, period } = parsePayload(row);
    const schedule = await repos.meetingSchedules.get(scheduleId);
    if (!schedule?.active) return { skip: "schedule off" };
    const cell = await repos.cells.get(schedule.cellId);
    if (!cell?.active) return { skip: "cell inactive" };
    const loc = await cellLocale(services, cell.id);
    await keepChain(schedule, period, loc.timeZone);
    const occurrence = occurrenceIn(schedule, period, loc.timeZone);
    if (occurrence.startsAt.getTime() <= clock.now().getTime()) return { skip: "occurrence passed" };
    if (cell.chatId === null) return { skip: "cell has no group" };

    let meetingId: number;
    const existing = await repos.meetingSchedules.findMeeting(schedule.id, occurrence.startsAt);
    if (existing) {
      if (existing.state !== "planned") return { skip: `meeting ${existing.state}` };
      meetingId = existing.id;
    } else {
      // One regular meeting a month: one created by hand (or by an earlier schedule) stands.
      const { from, to } = periodBounds(period, loc.timeZone);
      const other = await repos.meetingSchedules.otherRegularMeetingBetween(cell.id, schedule.id, from, to);
      if (other) return { skip: `regular meeting #${other.id} already planned this month` };
      meetingId = (
        await repos.meetingSchedules.createMeeting({
          cellId: cell.id,
          scheduleId: schedule.id,
          startsAt: occurrence.startsAt,
          place: schedule.place,
        })
      ).id;
      services.logger.info({ meetingId, scheduleId, period }, "regular meeting created from the schedule");
    }
    const meeting = await repos.meetings.get(meetingId);
    if (!meeting) return { skip: "meeting deleted" };
    if (meeting.announcementMessageId !== null) return { skip: "already announced" };
    await planMeetingReminders(services, meeting.id);
    await repos.outbox.schedule([
      {
        key: `schedule-link:${scheduleId}:${period}`,
        kind: SCHEDULE_LINK_KIND,
        cellId: cell.id,
        payload: { meetingId: meeting.id, announceKey: row.key, chatId: cell.chatId },
        dueAt: clock.now(),
        expiresAt: meeting.startsAt,
      },
    ]);
    const counts = await repos.rsvps.counts(meeting.id, cell.id);
    const keyboard = rsvpKeyboard(services, loc, meeting.id, deps.botUsername);
    return {
      chatId: cell.chatId,
      text: announcementText(services, loc, cell, meeting, counts),
      replyMarkup: keyboard,
    };
  }

  /** Copies the announcement's message id from the sent row to the meeting. */
  async function link(row: OutboxRow): Promise<RenderResult> {
    const { meetingId, announceKey, chatId } = row.payload;
    if (typeof meetingId !== "number" || typeof announceKey !== "string" || typeof chatId !== "number") {
      throw new PermanentRenderError("link payload needs meetingId and announceKey");
    }
    const announced = await repos.outbox.get(announceKey);
    if (!announced) return { skip: "announcement row gone" };
    if (announced.status === "pending" || announced.status === "claimed") {
      // Not sent yet: the scheduler tries this row again later.
      throw new Error("announcement not sent yet");
    }
    if (announced.status !== "sent" || announced.resultMessageId === null) {
      return { skip: `announcement ${announced.status}` };
    }
    // A group that became a supergroup meanwhile: the cell already follows it.
    const meeting = await repos.meetings.get(meetingId);
    const cell = meeting ? await repos.cells.get(meeting.cellId) : null;
    await repos.meetings.setAnnouncement(meetingId, cell?.chatId ?? chatId, announced.resultMessageId);
    return { skip: "announcement linked" };
  }

  return { [SCHEDULE_DELIVERY_KIND]: announce, [SCHEDULE_LINK_KIND]: link };
}
