// A part of the demo script (issue 9): an extraordinary meeting that is moved — each member who had
// been told the old time gets one private line with the new one, and those who had answered are
// asked to confirm again — and then closed without check-in, so that the secretary is first shown
// the counts and asked [Chốt sổ] [Thôi].
import type { User } from "grammy/types";
import type { StoredMessage } from "../emulator/index.ts";
import { postAnnouncement } from "../features/meetings/announcement.ts";
import { planMeetingReminders } from "../features/meetings/reminders.ts";
import type { RunningApp } from "../app.ts";
import type { DemoLanguage, PerLanguage } from "./language.ts";
import type { Transcript } from "./transcript.ts";

const TEXT: PerLanguage<{
  heading: string;
  scheduled: string;
  place: string;
  title: string;
  threeDays: string;
  movedNotices: string;
  beforeMove: string;
  noCheckin: string;
  conclusions: string;
  conclusionsLine(text: string): string;
}> = {
  vi: {
    heading: "Họp bất thường: dời lịch, nhắn riêng từng đồng chí, chốt sổ có xác nhận",
    scheduled: "Bí thư lên lịch họp bất thường tối Thứ Bảy 19/12 và thông báo trong nhóm.",
    place: "Hội trường Khu phố 1",
    title: "Họp bất thường về phòng chống bão",
    threeDays: "3 ngày trước cuộc họp",
    movedNotices: "báo riêng giờ mới cho các đồng chí đã được nhắc",
    beforeMove: "Trước khi dời, đồng chí đã báo: vắng mặt (công việc).",
    noCheckin: "Buổi họp diễn ra nhưng không ai mở điểm danh.",
    conclusions: "Phân công trực bão theo tổ",
    conclusionsLine: (text) => `📝 Kết luận: ${text}`,
  },
  en: {
    heading: "An extraordinary meeting: moved, each member told privately, closed with a confirmation",
    scheduled:
      "The secretary schedules an extraordinary meeting on Saturday 19/12 in the evening and announces it in the group.",
    place: "Neighbourhood 1 Hall",
    title: "Extraordinary meeting on storm preparedness",
    threeDays: "3 days before the meeting",
    movedNotices: "the new time, privately, to the members who were reminded",
    beforeMove: "Before the move you answered: absent (work).",
    noCheckin: "The meeting takes place, but nobody opens the check-in.",
    conclusions: "Storm watch duty shared out by party group",
    conclusionsLine: (text) => `📝 Conclusions: ${text}`,
  },
};

/** The demo script's own steps, handed over so that this part prints like the rest. */
export interface DemoSteps {
  app: RunningApp;
  t: Pick<Transcript, "heading" | "note">;
  timeIs(at: Date): void;
  say(from: User, chatId: number, text: string): Promise<void>;
  press(from: User, message: StoredMessage, data: string): Promise<void>;
  withButton(chatId: number, prefix: string, what: string): StoredMessage;
  dataOf(message: StoredMessage, test: (data: string) => boolean, what: string): string;
  expectText(chatId: number, fragment: string): void;
  tick(at: Date, why: string): Promise<void>;
  flush(): Promise<unknown>;
  language: DemoLanguage;
}

export interface DemoCell {
  cell: { id: number };
  chat: { id: number };
  secretary: User;
  attends: User;
  absent: User;
}

/** A local time in Hà Nội (UTC+7) as an instant: "2026-12-19 19:30". */
const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);

export async function playMoveAndConfirmedClose(s: DemoSteps, c: DemoCell): Promise<void> {
  const { app } = s;
  const text = TEXT[s.language];
  s.t.heading(text.heading);
  s.timeIs(local("2026-12-14 08:00"));
  s.t.note(text.scheduled);
  const created = await app.repos.meetings.create({
    cellId: c.cell.id,
    kind: "extraordinary",
    startsAt: local("2026-12-19 19:30"),
    place: text.place,
    title: text.title,
    createdByMemberId: null,
  });
  const cell = await app.repos.cells.get(c.cell.id);
  const meeting = await app.repos.meetings.get(created.id);
  if (!cell || !meeting) throw new Error("the extraordinary meeting was not created");
  await planMeetingReminders(app.services, meeting.id);
  await postAnnouncement(app.services, app.bot.api, app.bot.botInfo.username, cell, meeting);
  await s.flush();
  const announcement = s.withButton(c.chat.id, `rsvp:${meeting.id}:`, "the extraordinary announcement");
  await s.press(c.attends, announcement, `rsvp:${meeting.id}:a`);
  await s.press(c.absent, announcement, `rsvp:${meeting.id}:n`);
  const reason = s.withButton(c.absent.id, `rsvp:${meeting.id}:r:`, "the absence-reason question");
  await s.press(c.absent, reason, `rsvp:${meeting.id}:r:w`);
  await s.tick(local("2026-12-16 19:30"), text.threeDays);

  s.timeIs(local("2026-12-17 09:00"));
  await s.say(c.secretary, c.chat.id, `/move_meeting #${meeting.number} 20/12 08h00`);
  await s.tick(local("2026-12-17 09:01"), text.movedNotices);
  s.expectText(c.absent.id, text.beforeMove);
  const correction = s.withButton(c.attends.id, `rsvp:${meeting.id}:a`, "the private move notice");
  await s.press(c.attends, correction, `rsvp:${meeting.id}:a`);

  s.timeIs(local("2026-12-20 10:30"));
  s.t.note(text.noCheckin);
  await s.say(c.secretary, c.chat.id, `/close_meeting #${meeting.number} ${text.conclusions}`);
  const question = s.withButton(c.chat.id, `cm:${meeting.id}:`, "the close confirmation");
  await s.press(
    c.secretary,
    question,
    s.dataOf(question, (d) => d.endsWith(":y"), "the confirm-close button"),
  );
  s.expectText(c.chat.id, text.conclusionsLine(text.conclusions));
}
