// The meeting announcement in the cell's group (PRODUCT §7): text, RSVP buttons, counts, and its
// later edits (counts, move, cancellation). Rendered in the cell's language, so that an edit caused
// by someone writing in English privately does not switch the group post's language.
import { InlineKeyboard, type Api } from "grammy";
import type { BotServices } from "../../bot/context.ts";
import { editStoredMessage } from "../../bot/kit/edit-pressed.ts";
import { formatDateTime } from "../../datetime/format.ts";
import { localParts } from "../../datetime/calendar.ts";
import { isOneOf, meetingKinds, type MeetingKind } from "../../db/enums.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { MeetingView } from "../../db/repositories/meetings.ts";
import type { RsvpCounts } from "../../db/repositories/rsvps.ts";
import { getEffectiveSettings } from "../settings/settings.ts";
import { privateRemindersButton } from "../reach/reach.ts";
import { opinionButton } from "./opinion-link.ts";

export interface CellLocale {
  locale: string;
  timeZone: string;
}

export async function cellLocale(services: BotServices, cellId: number): Promise<CellLocale> {
  const settings = await getEffectiveSettings(services.repos, cellId);
  return {
    locale: settings?.language ?? services.config.defaultLocale,
    timeZone: settings?.timeZone ?? services.config.defaultTimeZone,
  };
}

const DEFAULT_TITLE_KEYS = {
  regular: "meeting-default-title-regular",
  thematic: "meeting-default-title-thematic",
  extraordinary: "meeting-default-title-extraordinary",
  field_trip: "meeting-default-title-field-trip",
} as const satisfies Record<MeetingKind, string>;

/** The title a meeting is shown by: its own, else the default for its kind and month. */
export function meetingTitle(
  services: BotServices,
  loc: CellLocale,
  meeting: Pick<MeetingView, "title" | "kind" | "startsAt">,
): string {
  if (meeting.title) return meeting.title;
  // The database only holds known kinds; a stray value is shown as it is rather than guessed.
  if (!isOneOf(meetingKinds, meeting.kind)) return meeting.kind;
  const { month, year } = localParts(meeting.startsAt, loc.timeZone);
  return services.translate(loc.locale, DEFAULT_TITLE_KEYS[meeting.kind], {
    month: `${String(month).padStart(2, "0")}/${year}`,
  });
}

export function rsvpKeyboard(services: BotServices, loc: CellLocale, meetingId: number, botUsername: string) {
  const t = (key: string) => services.translate(loc.locale, key);
  return new InlineKeyboard()
    .text(t("meeting-rsvp-attend-button"), `rsvp:${meetingId}:a`)
    .text(t("meeting-rsvp-absent-button"), `rsvp:${meetingId}:n`)
    .text(t("meeting-rsvp-unsure-button"), `rsvp:${meetingId}:u`)
    .row()
    .add(opinionButton({ translate: services.translate, locale: loc.locale, botUsername }, meetingId))
    .row()
    .add(privateRemindersButton({ translate: services.translate, locale: loc.locale, botUsername }));
}

export function countsLine(services: BotServices, locale: string, counts: RsvpCounts): string {
  const line = services.translate(locale, "meeting-counts", {
    attend: counts.attend,
    absent: counts.absent,
    noAnswer: counts.noAnswer,
  });
  return counts.unsure > 0
    ? `${line}${services.translate(locale, "meeting-counts-unsure", { unsure: counts.unsure })}`
    : line;
}

export function announcementText(
  services: BotServices,
  loc: CellLocale,
  cell: Pick<CellView, "name">,
  meeting: MeetingView,
  counts: RsvpCounts,
): string {
  const t = (key: string, vars?: Record<string, string | number>) =>
    services.translate(loc.locale, key, vars);
  const lines = [
    t("meeting-announcement-header", {
      cell: cell.name,
      title: meetingTitle(services, loc, meeting),
      ref: String(meeting.number),
    }),
    t("meeting-announcement-when", { when: formatDateTime(meeting.startsAt, loc.timeZone, loc.locale) }),
    meeting.place
      ? t("meeting-announcement-place", { place: meeting.place })
      : t("meeting-announcement-no-place"),
  ];
  if (meeting.state === "cancelled") {
    lines.unshift(t("meeting-announcement-cancelled-banner"));
    return lines.join("\n");
  }
  // Until the meeting, the announcement says where it was moved from (derived from the stored meeting,
  // so that every later edit keeps it).
  if (meeting.state === "planned" && meeting.movedFromStartsAt) {
    lines.push(
      t("meeting-announcement-moved-note", {
        from: formatDateTime(meeting.movedFromStartsAt, loc.timeZone, loc.locale),
      }),
    );
  }
  lines.push(t("meeting-announcement-call"));
  lines.push(countsLine(services, loc.locale, counts));
  return lines.join("\n");
}

/** Posts the announcement in the cell's group and remembers it; false when the cell has no group. */
export async function postAnnouncement(
  services: BotServices,
  api: Api,
  botUsername: string,
  cell: CellView,
  meeting: MeetingView,
): Promise<boolean> {
  if (cell.chatId === null) return false;
  const loc = await cellLocale(services, cell.id);
  const counts = await services.repos.rsvps.counts(meeting.id, cell.id);
  const sent = await api.sendMessage(cell.chatId, announcementText(services, loc, cell, meeting, counts), {
    reply_markup: rsvpKeyboard(services, loc, meeting.id, botUsername),
  });
  await services.repos.meetings.setAnnouncement(meeting.id, cell.chatId, sent.message_id);
  return true;
}

/** The stored announcement as it should read now, with the counts it shows. */
export interface AnnouncementEdit {
  chatId: number;
  messageId: number;
  text: string;
  /** The RSVP buttons while answers are taken; none once the meeting is cancelled or closed. */
  replyMarkup?: InlineKeyboard;
  counts: RsvpCounts;
}

/** Renders the stored announcement of `meeting` afresh; null when it was never posted. */
export async function renderAnnouncementEdit(
  services: BotServices,
  botUsername: string,
  meeting: MeetingView,
): Promise<AnnouncementEdit | null> {
  if (meeting.announcementChatId === null || meeting.announcementMessageId === null) return null;
  const cell = await services.repos.cells.get(meeting.cellId);
  if (!cell) return null;
  const loc = await cellLocale(services, cell.id);
  const counts = await services.repos.rsvps.counts(meeting.id, cell.id);
  const open = meeting.state === "planned" || meeting.state === "in_progress";
  return {
    chatId: meeting.announcementChatId,
    messageId: meeting.announcementMessageId,
    text: announcementText(services, loc, cell, meeting, counts),
    ...(open ? { replyMarkup: rsvpKeyboard(services, loc, meeting.id, botUsername) } : {}),
    counts,
  };
}

/**
 * Re-renders the stored announcement at once (new time after a move, the banner after a
 * cancellation). Best effort: a deleted or unchanged message is not an error. Answers do not come
 * here: they ask the outbox for a refresh (announcement-job.ts), so that a burst of presses makes
 * one edit, paced with the group's other sends.
 */
export async function refreshAnnouncement(
  services: BotServices,
  api: Api,
  botUsername: string,
  meetingId: number,
): Promise<void> {
  const meeting = await services.repos.meetings.get(meetingId);
  if (!meeting) return;
  const edit = await renderAnnouncementEdit(services, botUsername, meeting);
  if (!edit) return;
  await editStoredMessage(
    api,
    services.logger,
    { chatId: edit.chatId, messageId: edit.messageId },
    edit.text,
    edit.replyMarkup ? { reply_markup: edit.replyMarkup } : {},
    { meetingId },
  );
}

/** The reasons of an absence as buttons, in the language of `t`. */
export function reasonKeyboardWith(t: (key: string) => string, meetingId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("meeting-reason-health"), `rsvp:${meetingId}:r:h`)
    .text(t("meeting-reason-work"), `rsvp:${meetingId}:r:w`)
    .row()
    .text(t("meeting-reason-family"), `rsvp:${meetingId}:r:f`)
    .text(t("meeting-reason-other"), `rsvp:${meetingId}:r:o`);
}
