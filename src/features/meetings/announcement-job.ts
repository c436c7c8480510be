// The job that posts the announcement of a meeting that already exists (kind below), used by the
// monthly schedule (schedule-renderer.ts): its plan renders the announcement with the RSVP
// buttons, and its afterSent step stores the posted message on the meeting, so that RSVP answers,
// moves and cancellations edit it like the announcement of a meeting created with /meeting.
import type { JobDeps } from "../../bot/feature-module.ts";
import type { NewDelivery } from "../../db/repositories/outbox.ts";
import { PermanentJobError, singleMessageJob, type Job } from "../../scheduler/jobs.ts";
import type { OutboxRow } from "../../scheduler/types.ts";
import { announcementText, cellLocale, rsvpKeyboard } from "./announcement.ts";

export const MEETING_ANNOUNCEMENT_KIND = "meeting_announcement";

/** The row that announces meeting `meetingId` in its cell's group now (unique per meeting). */
export function announcementRow(meeting: {
  id: number;
  cellId: number;
  /** The cell's group: rows to one chat go out in order, and the row follows a migration. */
  chatId: number;
  startsAt: Date;
  now: Date;
}): NewDelivery {
  return {
    key: `meeting:${meeting.id}:announce`,
    kind: MEETING_ANNOUNCEMENT_KIND,
    chatId: meeting.chatId,
    cellId: meeting.cellId,
    payload: { meetingId: meeting.id },
    dueAt: meeting.now,
    // An announcement that could not go out before the meeting starts is no use any more.
    expiresAt: meeting.startsAt,
  };
}

function meetingIdOf(row: OutboxRow): number {
  const { meetingId } = row.payload;
  if (typeof meetingId !== "number") throw new PermanentJobError("announcement payload needs meetingId");
  return meetingId;
}

export function createMeetingAnnouncementJobs({ services, botUsername }: JobDeps): Record<string, Job> {
  const { repos, clock } = services;

  const announce = singleMessageJob(
    async (row) => {
      const meeting = await repos.meetings.get(meetingIdOf(row));
      if (!meeting) return { skip: "meeting deleted" };
      if (meeting.state !== "planned") return { skip: `meeting ${meeting.state}` };
      if (meeting.announcementMessageId !== null) return { skip: "already announced" };
      if (meeting.startsAt.getTime() <= clock.now().getTime()) return { skip: "meeting started" };
      const cell = await repos.cells.get(meeting.cellId);
      if (!cell?.active) return { skip: "cell inactive" };
      if (cell.chatId === null) return { skip: "cell has no group" };
      const loc = await cellLocale(services, cell.id);
      const counts = await repos.rsvps.counts(meeting.id, cell.id);
      return {
        chatId: cell.chatId,
        text: announcementText(services, loc, cell, meeting, counts),
        replyMarkup: rsvpKeyboard(services, loc, meeting.id, botUsername),
      };
    },
    async (row, sent) => {
      const posted = sent[0];
      if (posted?.messageId === undefined || posted.messageId === null) {
        throw new PermanentJobError("the announcement was sent but Telegram returned no message");
      }
      // The chat the message reached: a group that became a supergroup is followed by the sender.
      await repos.meetings.setAnnouncement(meetingIdOf(row), posted.chatId, posted.messageId);
    },
  );

  return { [MEETING_ANNOUNCEMENT_KIND]: announce };
}
