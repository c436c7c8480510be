// The job of the monthly schedule's rows (kind SCHEDULE_DELIVERY_KIND). The row
// `schedule:<id>:<YYYY-MM>` is due when that month's regular meeting must be announced. It sends
// nothing itself: its plan only decides whether the schedule still runs (reading, never writing),
// and its afterSent step does the work, idempotently, since a failure retries it:
// - keeps the next occurrences' rows scheduled (a failed month never ends the chain);
// - creates the month's meeting (the unique (scheduleId, startsAt) makes a retry find it);
// - plans its reminders;
// - schedules the announcement row, due now (announcement-job.ts), and wakes the scheduler so the
//   announcement goes out in the same tick; that job stores the posted message on the meeting.
import type { JobDeps } from "../../bot/feature-module.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { MeetingScheduleView } from "../../db/repositories/meeting-schedules.ts";
import { PermanentJobError, type Job } from "../../scheduler/jobs.ts";
import type { OutboxRow } from "../../scheduler/types.ts";
import { cellLocale } from "./announcement.ts";
import { announcementRow } from "./announcement-job.ts";
import { planMeetingReminders } from "./reminders.ts";
import {
  nextPeriod,
  occurrenceIn,
  parsePeriod,
  periodBounds,
  SCHEDULE_DELIVERY_KIND,
  scheduleRows,
} from "./schedule-plan.ts";

interface SchedulePayload {
  scheduleId: number;
  period: string;
}

function parsePayload(row: OutboxRow): SchedulePayload {
  const { scheduleId, period } = row.payload;
  if (typeof scheduleId !== "number" || typeof period !== "string" || !parsePeriod(period)) {
    throw new PermanentJobError("schedule payload needs scheduleId and period");
  }
  return { scheduleId, period };
}

export function createMeetingScheduleJobs({ services }: JobDeps): Record<string, Job> {
  const { repos, clock, logger } = services;

  /** The schedule and its cell while both are active; why not otherwise. */
  async function running(
    scheduleId: number,
  ): Promise<{ schedule: MeetingScheduleView; cell: CellView } | { skip: string }> {
    const schedule = await repos.meetingSchedules.get(scheduleId);
    if (!schedule?.active) return { skip: "schedule off" };
    const cell = await repos.cells.get(schedule.cellId);
    if (!cell?.active) return { skip: "cell inactive" };
    return { schedule, cell };
  }

  /** Keeps the occurrences after `period` scheduled. */
  async function keepChain(schedule: MeetingScheduleView, period: string, timeZone: string): Promise<void> {
    await repos.outbox.schedule(scheduleRows(schedule, nextPeriod(period), timeZone, clock.now()));
  }

  const monthly: Job = {
    async plan(row) {
      const found = await running(parsePayload(row).scheduleId);
      return "skip" in found ? { skip: found.skip } : { messages: [] };
    },

    async afterSent(row) {
      const { scheduleId, period } = parsePayload(row);
      const found = await running(scheduleId);
      if ("skip" in found) return; // stopped between the plan and now: nothing to do
      const { schedule, cell } = found;
      const log = logger.child({ scheduleId, period, cellId: cell.id });
      const loc = await cellLocale(services, cell.id);
      await keepChain(schedule, period, loc.timeZone);
      const occurrence = occurrenceIn(schedule, period, loc.timeZone);
      const now = clock.now();
      if (occurrence.startsAt.getTime() <= now.getTime()) {
        log.info("the month's occurrence has passed; not created");
        return;
      }
      if (cell.chatId === null) {
        log.warn("the cell has no group; the month's meeting is not created");
        return;
      }

      let meetingId: number;
      const existing = await repos.meetingSchedules.findMeeting(schedule.id, occurrence.startsAt);
      if (existing) {
        if (existing.state !== "planned") return;
        meetingId = existing.id;
      } else {
        // One regular meeting a month: one created by hand (or by an earlier schedule) stands.
        const { from, to } = periodBounds(period, loc.timeZone);
        const other = await repos.meetingSchedules.otherRegularMeetingBetween(cell.id, schedule.id, from, to);
        if (other) {
          log.info({ meetingId: other.id }, "a regular meeting is already planned this month");
          return;
        }
        const created = await repos.meetingSchedules.createMeeting({
          cellId: cell.id,
          scheduleId: schedule.id,
          startsAt: occurrence.startsAt,
          place: schedule.place,
        });
        meetingId = created.id;
        if (created.created) log.info({ meetingId }, "regular meeting created from the schedule");
      }
      const meeting = await repos.meetings.get(meetingId);
      if (!meeting || meeting.announcementMessageId !== null) return;
      await planMeetingReminders(services, meeting.id);
      await repos.outbox.schedule([
        announcementRow({
          id: meeting.id,
          cellId: cell.id,
          chatId: cell.chatId,
          startsAt: meeting.startsAt,
          now,
        }),
      ]);
      services.scheduler.wake();
    },
  };

  return { [SCHEDULE_DELIVERY_KIND]: monthly };
}
