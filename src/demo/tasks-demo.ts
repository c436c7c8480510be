// The demo's tasks scene (issue 10): a task given after the meeting from its conclusions, a progress
// report, one task done on time and evaluated (the member receives the feedback), one overdue with
// its nudge and the secretary's escalation. Called with one line from run-demo.ts, with the script's
// helpers, so that it prints into the same transcript.
import type { User } from "grammy/types";
import type { RunningApp } from "../app.ts";
import type { ManualClock } from "../clock.ts";
import type { StoredMessage } from "../emulator/index.ts";
import type { DemoLanguage, PerLanguage } from "./language.ts";
import { nameOf } from "./transcript.ts";

const TEXT: PerLanguage<{
  givenHeading: string;
  cleanUp: string;
  cleanUpDue: string;
  meetingRef: string;
  households: string;
  householdsDue: string;
  newTask(assigner: string): string;
  progressHeading: string;
  progress: string;
  progressReported(name: string): string;
  remindersHeading: string;
  dayBefore: string;
  dueMorning: string;
  overdueNudge: string;
  overdueFragment: string;
  escalation: string;
  escalated(ref: number): string;
  doneHeading: string;
  evaluation: string;
  evaluatedGood: string;
}> = {
  vi: {
    givenHeading: "Giao nhiệm vụ theo kết luận cuộc họp",
    cleanUp: "Tổ chức tổng vệ sinh môi trường khu phố",
    cleanUpDue: "hạn 12/12",
    meetingRef: "họp",
    households: "Lập danh sách hộ khó khăn cần thăm",
    householdsDue: "hạn 08/12 17h",
    newTask: (assigner) => `📌 Nhiệm vụ mới (đồng chí ${assigner} giao)`,
    progressHeading: "Đảng viên nhận nhiệm vụ và báo cáo tiến độ",
    progress: "Đã họp tổ, phân công 3 nhóm, chuẩn bị dụng cụ xong.",
    progressReported: (name) => `📝 Đồng chí ${name} báo cáo tiến độ`,
    remindersHeading: "Nhắc hạn, quá hạn và báo Bí thư",
    dayBefore: "một ngày trước hạn",
    dueMorning: "sáng ngày đến hạn",
    overdueNudge: "sáng hôm sau hạn: nhắc việc quá hạn",
    overdueFragment: "đã quá hạn",
    escalation: "quá hạn 3 ngày: báo Bí thư",
    escalated: (ref) => `⏰ Nhiệm vụ #${ref}`,
    doneHeading: "Hoàn thành, đánh giá và phản hồi cho đảng viên",
    evaluation: "Khu phố sạch đẹp, bà con rất hoan nghênh. Cảm ơn đồng chí!",
    evaluatedGood: "được đánh giá TỐT",
  },
  en: {
    givenHeading: "Tasks given from the meeting's conclusions",
    cleanUp: "Organise a clean-up day in the neighbourhood",
    cleanUpDue: "due 12/12",
    meetingRef: "meeting",
    households: "List the households in need to visit",
    householdsDue: "due 08/12 17:00",
    newTask: (assigner) => `📌 New task (given by ${assigner})`,
    progressHeading: "Members take their tasks and report progress",
    progress: "Met with the group, split into 3 teams, tools ready.",
    progressReported: (name) => `📝 ${name} reports progress`,
    remindersHeading: "Due-date reminders, an overdue task and the secretary told",
    dayBefore: "one day before the due date",
    dueMorning: "the morning of the due date",
    overdueNudge: "the morning after the due date: an overdue reminder",
    overdueFragment: "is overdue",
    escalation: "3 days overdue: the secretary is told",
    escalated: (ref) => `⏰ Task #${ref}`,
    doneHeading: "Done, evaluated, and feedback to the member",
    evaluation: "The neighbourhood is clean and residents are very pleased. Thank you!",
    evaluatedGood: "was evaluated GOOD",
  },
};

export interface TasksDemoScene {
  app: RunningApp;
  clock: ManualClock;
  cellChatId: number;
  /** The meeting's number in the cell, as the secretary types it. */
  meetingNumber: number;
  people: { lan: User; binh: User; dao: User };
  heading(text: string): void;
  line(text: string): void;
  say(from: User, chatId: number, text: string): Promise<void>;
  press(from: User, message: StoredMessage, data: string): Promise<void>;
  tick(at: Date, why: string): Promise<void>;
  withButton(chatId: number, prefix: string, what: string): StoredMessage;
  expectText(chatId: number, fragment: string): void;
  local(text: string): Date;
  fail(message: string): Error;
  language: DemoLanguage;
}

export async function playTasksDemo(s: TasksDemoScene): Promise<void> {
  const { lan, binh, dao } = s.people;
  const text = TEXT[s.language];
  const prisma = s.app.database.prisma;
  const lastTaskId = async () => (await prisma.task.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0;

  s.heading(text.givenHeading);
  s.clock.set(s.local("2026-12-05 08:30"));
  await s.say(
    lan,
    s.cellChatId,
    `/task @lebinh ${text.cleanUp} ${text.cleanUpDue} | ${text.meetingRef} #${s.meetingNumber}`,
  );
  const first = await lastTaskId();
  await s.press(lan, s.withButton(s.cellChatId, `tk:ok:${first}`, "the task preview"), `tk:ok:${first}`);
  s.expectText(binh.id, text.newTask(nameOf(lan)));
  await s.say(lan, s.cellChatId, `/task @vodao ${text.households} ${text.householdsDue}`);
  const second = await lastTaskId();
  await s.press(lan, s.withButton(s.cellChatId, `tk:ok:${second}`, "the task preview"), `tk:ok:${second}`);

  s.heading(text.progressHeading);
  const binhTask = s.withButton(binh.id, `tk:a:${first}`, "Bình's task");
  await s.press(binh, binhTask, `tk:a:${first}`);
  await s.press(binh, s.withButton(binh.id, `tk:p:${first}`, "Bình's task"), `tk:p:${first}`);
  await s.say(binh, binh.id, text.progress);
  s.expectText(lan.id, text.progressReported(nameOf(binh)));
  const daoTask = s.withButton(dao.id, `tk:a:${second}`, "Đào's task");
  await s.press(dao, daoTask, `tk:a:${second}`);

  s.heading(text.remindersHeading);
  await s.tick(s.local("2026-12-07 17:00"), text.dayBefore);
  await s.tick(s.local("2026-12-08 08:00"), text.dueMorning);
  await s.tick(s.local("2026-12-09 08:00"), text.overdueNudge);
  s.expectText(dao.id, text.overdueFragment);
  await s.tick(s.local("2026-12-11 08:00"), text.escalation);
  s.expectText(lan.id, text.escalated(second));

  s.heading(text.doneHeading);
  s.clock.set(s.local("2026-12-11 16:00"));
  await s.press(binh, s.withButton(binh.id, `tk:d:${first}`, "Bình's task"), `tk:d:${first}`);
  const ask = s.withButton(lan.id, "tk:e:", "the evaluation request");
  const grade = ask.buttons.find((b) => b.callback_data?.endsWith(":g"))?.callback_data;
  if (!grade) throw s.fail("the evaluation request has no “good” button");
  await s.press(lan, ask, grade);
  await s.say(lan, lan.id, text.evaluation);
  s.expectText(binh.id, text.evaluatedGood);
  await s.say(dao, dao.id, "/tasks");
  await s.say(lan, s.cellChatId, "/tasks");
}
