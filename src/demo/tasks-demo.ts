// The demo's tasks scene (issue 10): a task given after the meeting from its conclusions, a progress
// report, one task done on time and evaluated (the member receives the feedback), one overdue with
// its nudge and the secretary's escalation. Called with one line from run-demo.ts, with the script's
// helpers, so that it prints into the same transcript.
import type { User } from "grammy/types";
import type { RunningApp } from "../app.ts";
import type { ManualClock } from "../clock.ts";
import type { StoredMessage } from "../emulator/index.ts";

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
}

export async function playTasksDemo(s: TasksDemoScene): Promise<void> {
  const { lan, binh, dao } = s.people;
  const prisma = s.app.database.prisma;
  const lastTaskId = async () => (await prisma.task.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0;

  s.heading("Giao nhiệm vụ theo kết luận cuộc họp");
  s.clock.set(s.local("2026-12-05 08:30"));
  await s.say(
    lan,
    s.cellChatId,
    `/task @lebinh Tổ chức tổng vệ sinh môi trường khu phố hạn 12/12 | họp #${s.meetingNumber}`,
  );
  const first = await lastTaskId();
  await s.press(lan, s.withButton(s.cellChatId, `tk:ok:${first}`, "the task preview"), `tk:ok:${first}`);
  s.expectText(binh.id, "📌 Nhiệm vụ mới (đồng chí Trần Thị Lan giao)");
  await s.say(lan, s.cellChatId, "/task @vodao Lập danh sách hộ khó khăn cần thăm hạn 08/12 17h");
  const second = await lastTaskId();
  await s.press(lan, s.withButton(s.cellChatId, `tk:ok:${second}`, "the task preview"), `tk:ok:${second}`);

  s.heading("Đảng viên nhận nhiệm vụ và báo cáo tiến độ");
  const binhTask = s.withButton(binh.id, `tk:a:${first}`, "Bình's task");
  await s.press(binh, binhTask, `tk:a:${first}`);
  await s.press(binh, s.withButton(binh.id, `tk:p:${first}`, "Bình's task"), `tk:p:${first}`);
  await s.say(binh, binh.id, "Đã họp tổ, phân công 3 nhóm, chuẩn bị dụng cụ xong.");
  s.expectText(lan.id, "📝 Đồng chí Lê Văn Bình báo cáo tiến độ");
  const daoTask = s.withButton(dao.id, `tk:a:${second}`, "Đào's task");
  await s.press(dao, daoTask, `tk:a:${second}`);

  s.heading("Nhắc hạn, quá hạn và báo Bí thư");
  await s.tick(s.local("2026-12-07 17:00"), "một ngày trước hạn");
  await s.tick(s.local("2026-12-08 08:00"), "sáng ngày đến hạn");
  await s.tick(s.local("2026-12-09 08:00"), "sáng hôm sau hạn: nhắc việc quá hạn");
  s.expectText(dao.id, "đã quá hạn");
  await s.tick(s.local("2026-12-11 08:00"), "quá hạn 3 ngày: báo Bí thư");
  s.expectText(lan.id, `⏰ Nhiệm vụ #${second}`);

  s.heading("Hoàn thành, đánh giá và phản hồi cho đảng viên");
  s.clock.set(s.local("2026-12-11 16:00"));
  await s.press(binh, s.withButton(binh.id, `tk:d:${first}`, "Bình's task"), `tk:d:${first}`);
  const ask = s.withButton(lan.id, "tk:e:", "the evaluation request");
  const grade = ask.buttons.find((b) => b.callback_data?.endsWith(":g"))?.callback_data;
  if (!grade) throw s.fail("the evaluation request has no [Tốt] button");
  await s.press(lan, ask, grade);
  await s.say(lan, lan.id, "Khu phố sạch đẹp, bà con rất hoan nghênh. Cảm ơn đồng chí!");
  s.expectText(binh.id, "được đánh giá TỐT");
  await s.say(dao, dao.id, "/tasks");
  await s.say(lan, s.cellChatId, "/tasks");
}
