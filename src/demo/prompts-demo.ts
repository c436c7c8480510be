// The demo's feedback part (PRODUCT §4D): the post-meeting feedback that /close_meeting sent to the
// members who were present, answered anonymously (a rating and a typed answer), the results shown
// to the secretary once 3 have answered; then the monthly self-review on the 25th at 19:00, answered
// by one member, and the secretary's summary at the end of the month. Called with one line from the
// demo script, with the script's own helpers.
import type { Chat, User } from "grammy/types";
import type { RunningApp } from "../app.ts";
import type { StoredMessage } from "../emulator/index.ts";
import { DemoError } from "./run-demo.ts";
import type { DemoLanguage, PerLanguage } from "./language.ts";
import type { Transcript } from "./transcript.ts";

const TEXT: PerLanguage<{
  feedbackHeading: string;
  typed: [string, string, string];
  average: string;
  reviewHeading: string;
  reviewOpens: string;
  reviewWords: string;
  reviewAnswer: string;
  reviewCloses: string;
  reviewSummary: string;
}> = {
  vi: {
    feedbackHeading: "Góp ý sau buổi sinh hoạt (ẩn danh)",
    typed: ["Nên gửi tài liệu trước vài ngày", "Dành thêm thời gian thảo luận", "Bắt đầu đúng giờ hơn"],
    average: "Điểm trung bình",
    reviewHeading: "Tự kiểm điểm hằng tháng",
    reviewOpens: "ngày 25, 19:00 — mở tự kiểm điểm",
    reviewWords: "Tôi đã học tác phong giản dị, gần dân của Bác và làm theo ở khu phố.",
    reviewAnswer: "Tôi cần tích cực phát biểu hơn trong sinh hoạt chi bộ.",
    reviewCloses: "hết tháng — đóng tự kiểm điểm",
    reviewSummary: "Tổng hợp tự kiểm điểm tháng 2026-12",
  },
  en: {
    feedbackHeading: "Feedback after the meeting (anonymous)",
    typed: ["Please send the documents a few days ahead", "Leave more time for discussion", "Start on time"],
    average: "Average",
    reviewHeading: "The monthly self-review",
    reviewOpens: "the 25th, 19:00 — the self-review opens",
    reviewWords: "I studied Uncle Ho's simple, close-to-the-people style and follow it in the neighbourhood.",
    reviewAnswer: "I should speak up more in the cell's meetings.",
    reviewCloses: "end of the month — the self-review closes",
    reviewSummary: "Self-reviews for 2026-12",
  },
};

export interface FeedbackDemoContext {
  app: RunningApp;
  t: Transcript;
  /** A local time in Hồ Chí Minh City as an instant. */
  local: (text: string) => Date;
  say: (from: User, chatId: number, text: string) => Promise<void>;
  press: (from: User, message: StoredMessage, data: string) => Promise<void>;
  tick: (at: Date, why: string) => Promise<void>;
  timeIs: (at: Date) => void;
  withButton: (chatId: number, prefix: string, what: string) => StoredMessage;
  expectText: (chatId: number, fragment: string) => void;
  secretary: User;
  /** Members who were present, in the order they answer. */
  present: [User, User, User];
  group: Chat.GroupChat;
  meetingId: number;
  language: DemoLanguage;
}

export async function playFeedbackDemo(c: FeedbackDemoContext): Promise<void> {
  const prisma = c.app.database.prisma;
  const feedback = await prisma.prompt.findFirst({ where: { meetingId: c.meetingId, kind: "post_meeting" } });
  if (feedback?.state !== "open")
    throw new DemoError("the post-meeting feedback was not sent after the close");
  const [rating, better] = await prisma.question.findMany({
    where: { promptId: feedback.id },
    orderBy: { position: "asc" },
  });
  if (!rating || !better) throw new DemoError("the post-meeting feedback has no questions");

  const text = TEXT[c.language];
  c.t.heading(text.feedbackHeading);
  c.timeIs(c.local("2026-12-04 21:30"));
  const typed = text.typed;
  for (const [i, member] of c.present.entries()) {
    const ask = c.withButton(member.id, `pk:a:${feedback.id}:`, "the post-meeting feedback question");
    await c.press(member, ask, `pk:a:${feedback.id}:${rating.id}:${[4, 5, 3][i]}`);
    await c.say(member, member.id, typed[i]!);
  }
  await c.say(c.secretary, c.group.id, `/results ${feedback.id}`);
  c.expectText(c.secretary.id, text.average);
  const stored = await prisma.response.findMany({ where: { promptId: feedback.id } });
  if (stored.some((r) => r.memberId !== null)) throw new DemoError("an anonymous answer names its member");
}

/** The monthly self-review: opens on the 25th, one member answers, the secretary's summary at the close. */
export async function playSelfReviewDemo(c: FeedbackDemoContext): Promise<void> {
  const prisma = c.app.database.prisma;
  const text = TEXT[c.language];
  c.t.heading(text.reviewHeading);
  await c.tick(c.local("2026-12-25 19:00"), text.reviewOpens);
  const review = await prisma.prompt.findFirst({
    where: { kind: "self_review", cell: { chatId: BigInt(c.group.id) } },
    include: { questions: { orderBy: { position: "asc" } } },
  });
  if (!review) throw new DemoError("the self-review did not open on the 25th");
  const [q1, q2] = review.questions;
  const member = c.present[0];
  c.timeIs(c.local("2026-12-26 20:00"));
  await c.press(
    member,
    c.withButton(member.id, `pk:a:${review.id}:${q1!.id}:`, "the self-review"),
    `pk:a:${review.id}:${q1!.id}:0`,
  );
  // The optional words after the first choice.
  await c.say(member, member.id, text.reviewWords);
  await c.press(
    member,
    c.withButton(member.id, `pk:a:${review.id}:${q2!.id}:`, "the second question"),
    `pk:a:${review.id}:${q2!.id}:1`,
  );
  await c.say(member, member.id, text.reviewAnswer);
  await c.tick(c.local("2027-01-01 00:01"), text.reviewCloses);
  c.expectText(c.secretary.id, text.reviewSummary);
}
