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
import type { RsvpCounts } from "../../db/repositories/rsvps.ts";
import type { NewDelivery } from "../../db/repositories/outbox.ts";
import { PermanentJobError, singleMessageJob, type Job } from "../../scheduler/jobs.ts";
import type { OutboxRow } from "../../scheduler/types.ts";
import {
  announcementText,
  cellLocale,
  reasonKeyboardWith,
  renderAnnouncementEdit,
  rsvpKeyboard,
} from "./announcement.ts";

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

/**
 * How long a refresh waits for more answers. Presses within it share one edit; the ticker's beat
 * (5 s) adds to it, which is fine: the presser has their answer at once, the post catches up.
 */
export const ANNOUNCEMENT_REFRESH_DELAY_MS = 2_000;

/** The row that refreshes the counts of meeting `meetingId`'s announcement (one key per meeting). */
export function announcementRefreshRow(meeting: {
  id: number;
  cellId: number;
  /** The announcement's chat: the row is paced and ordered with the group's other messages. */
  chatId: number;
  now: Date;
}): NewDelivery {
  return {
    key: `meeting:${meeting.id}:refresh`,
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

function countsKey(counts: RsvpCounts): string {
  return `${counts.attend}/${counts.absent}/${counts.unsure}/${counts.noAnswer}`;
}

function isOpen(state: string): boolean {
  return state === "planned" || state === "in_progress";
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

  // The counts each refresh row's plan showed, for its afterSent step (same claim, same process).
  const shown = new Map<number, string>();

  const refresh: Job = {
    async plan(row) {
      const meeting = await repos.meetings.get(meetingIdOf(row));
      if (!meeting) return { skip: "meeting deleted" };
      // A cancellation or a close edits the announcement itself; answers are no longer taken.
      if (!isOpen(meeting.state)) return { skip: `meeting ${meeting.state}` };
      const edit = await renderAnnouncementEdit(services, botUsername, meeting);
      if (!edit) return { skip: "not announced" };
      shown.set(row.id, countsKey(edit.counts));
      return {
        messages: [
          {
            type: "edit_text",
            chatId: edit.chatId,
            messageId: edit.messageId,
            text: edit.text,
            ...(edit.replyMarkup ? { replyMarkup: edit.replyMarkup } : {}),
          },
        ],
      };
    },
    async afterSent(row) {
      // The key is freed first: a press from now on re-arms a row of its own. A press that came
      // while this row was claimed found it in flight and left it alone, so compare what the
      // edit showed with the counts now, and ask for one more refresh if they moved meanwhile.
      await repos.outbox.releaseKey(row.id, row.key);
      const before = shown.get(row.id);
      shown.delete(row.id);
      const meeting = await repos.meetings.get(meetingIdOf(row));
      if (!meeting || !isOpen(meeting.state) || meeting.announcementChatId === null) return;
      const counts = await repos.rsvps.counts(meeting.id, meeting.cellId);
      if (before === countsKey(counts)) return;
      await repos.outbox.rearm(
        announcementRefreshRow({
          id: meeting.id,
          cellId: meeting.cellId,
          chatId: meeting.announcementChatId,
          now: clock.now(),
        }),
      );
    },
  };

  const askReason = singleMessageJob(async (row) => {
    const meeting = await repos.meetings.get(meetingIdOf(row));
    if (!meeting) return { skip: "meeting deleted" };
    if (!isOpen(meeting.state)) return { skip: `meeting ${meeting.state}` };
    const loc = await cellLocale(services, meeting.cellId);
    const t = (key: string, vars?: Record<string, string>) => services.translate(loc.locale, key, vars);
    return {
      text: t("meeting-reason-ask-group", { ref: String(meeting.id) }),
      replyMarkup: reasonKeyboardWith(t, meeting.id),
    };
  });

  return {
    [MEETING_ANNOUNCEMENT_KIND]: announce,
    [MEETING_ANNOUNCEMENT_REFRESH_KIND]: refresh,
    [MEETING_REASON_ASK_KIND]: askReason,
  };
}
