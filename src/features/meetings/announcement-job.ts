// The jobs of the announcement in the cell's group:
// - posting the announcement of a meeting that already exists, used by the monthly schedule
//   (schedule-renderer.ts): its plan renders the announcement with the RSVP buttons, and its
//   afterSent step stores the posted message on the meeting, so that RSVP answers, moves and
//   cancellations edit it like the announcement of a meeting created with /meeting;
// - refreshing its counts after answers: every press re-arms one row per meeting, due a few
//   seconds later, so a burst of presses makes one edit with the final counts, sent by the
//   scheduler through its rate limiter with the group's other messages (an edit on every press
//   drew 429s, and a handler waiting one out held every later press in that group);
// - asking in the group for the reason of an absence, for members the bot cannot write to
//   privately: one question per burst, also paced by the scheduler.
import type { JobDeps } from "../../bot/feature-module.ts";
import type { NewDelivery } from "../../db/repositories/outbox.ts";
import { PermanentJobError, singleMessageJob, type Job } from "../../scheduler/jobs.ts";
import {
  announcementText,
  cellLocale,
  reasonKeyboardWith,
  renderAnnouncementEdit,
  rsvpKeyboard,
} from "./announcement.ts";
import { CHECKIN_REFRESH_KIND, createCheckinRefreshJob } from "./checkin.ts";
import { LIVE_REFRESH_DELAY_MS, liveRefreshJob, meetingIdOf } from "./live-refresh.ts";

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

export const MEETING_ANNOUNCEMENT_REFRESH_KIND = "meeting_announcement_refresh";
export const MEETING_REASON_ASK_KIND = "meeting_reason_ask";

/** How long the announcement's refresh waits for more answers (see live-refresh.ts). */
export const ANNOUNCEMENT_REFRESH_DELAY_MS = LIVE_REFRESH_DELAY_MS;

/** The key of the row that refreshes meeting `meetingId`'s announcement. */
export function announcementRefreshKey(meetingId: number): string {
  return `meeting:${meetingId}:refresh`;
}

/** The row that refreshes the counts of meeting `meetingId`'s announcement (one key per meeting). */
export function announcementRefreshRow(meeting: {
  id: number;
  cellId: number;
  /** The announcement's chat: the row is paced and ordered with the group's other messages. */
  chatId: number;
  now: Date;
}): NewDelivery {
  return {
    key: announcementRefreshKey(meeting.id),
    kind: MEETING_ANNOUNCEMENT_REFRESH_KIND,
    chatId: meeting.chatId,
    cellId: meeting.cellId,
    payload: { meetingId: meeting.id },
    dueAt: new Date(meeting.now.getTime() + ANNOUNCEMENT_REFRESH_DELAY_MS),
  };
}

/** The row that asks group `chatId` for the reasons of absences from meeting `id`, due now. */
export function reasonAskRow(meeting: {
  id: number;
  cellId: number;
  chatId: number;
  now: Date;
}): NewDelivery {
  return {
    key: `meeting:${meeting.id}:reason-ask:${meeting.chatId}`,
    kind: MEETING_REASON_ASK_KIND,
    chatId: meeting.chatId,
    cellId: meeting.cellId,
    payload: { meetingId: meeting.id },
    dueAt: meeting.now,
  };
}

function isOpen(state: string): boolean {
  return state === "planned" || state === "in_progress";
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

  const refresh = liveRefreshJob(repos.outbox, async (meetingId) => {
    const meeting = await repos.meetings.get(meetingId);
    if (!meeting) return { skip: "meeting deleted" };
    // A cancellation or a close edits the announcement itself; answers are no longer taken.
    if (!isOpen(meeting.state)) return { skip: `meeting ${meeting.state}` };
    const edit = await renderAnnouncementEdit(services, botUsername, meeting);
    if (!edit) return { skip: "not announced" };
    return {
      message: {
        type: "edit_text",
        chatId: edit.chatId,
        messageId: edit.messageId,
        text: edit.text,
        ...(edit.replyMarkup ? { replyMarkup: edit.replyMarkup } : {}),
      },
      again: announcementRefreshRow({
        id: meeting.id,
        cellId: meeting.cellId,
        chatId: edit.chatId,
        now: clock.now(),
      }),
    };
  });

  const askReason = singleMessageJob(async (row) => {
    const meeting = await repos.meetings.get(meetingIdOf(row));
    if (!meeting) return { skip: "meeting deleted" };
    if (!isOpen(meeting.state)) return { skip: `meeting ${meeting.state}` };
    const loc = await cellLocale(services, meeting.cellId);
    const t = (key: string, vars?: Record<string, string>) => services.translate(loc.locale, key, vars);
    return {
      text: t("meeting-reason-ask-group", { ref: String(meeting.number) }),
      replyMarkup: reasonKeyboardWith(t, meeting.id),
    };
  });

  return {
    [MEETING_ANNOUNCEMENT_KIND]: announce,
    [MEETING_ANNOUNCEMENT_REFRESH_KIND]: refresh,
    [MEETING_REASON_ASK_KIND]: askReason,
    [CHECKIN_REFRESH_KIND]: createCheckinRefreshJob(services),
  };
}
