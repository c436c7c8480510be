// The scripted ward of `npm run demo`: the real service (startApp, a SQLite file in a temp dir, the
// scheduler) against the built-in Telegram emulator, on a manual clock. Updates are fed to the bot
// one by one (as the test harness does), so the transcript is the same on every run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Chat, Update, User } from "grammy/types";
import { pino } from "pino";
import { startApp, type RunningApp } from "../app.ts";
import { createManualClock, type ManualClock } from "../clock.ts";
import { parseConfig } from "../config.ts";
import {
  startEmulator,
  type EmulatedBot,
  type StoredMessage,
  type TelegramEmulator,
} from "../emulator/index.ts";
import { createLogger } from "../logger.ts";
import { playMoveAndConfirmedClose } from "./meeting-moves.ts";
import { playFeedbackDemo, playSelfReviewDemo, type FeedbackDemoContext } from "./prompts-demo.ts";
import { playTasksDemo } from "./tasks-demo.ts";
import { showMonthlyDigest } from "./digest.ts";
import { knowFullName, nameOf, Transcript } from "./transcript.ts";

export interface DemoOptions {
  /** Receives the transcript line by line (default: console.log). */
  print?: (line: string) => void;
  /**
   * Telegram's flood limits in the emulator (default false: with them the script takes over a
   * minute, mostly waiting out the 20-posts-per-minute limit of the cell's group).
   */
  limits?: boolean;
}

export interface DemoResult {
  durationMs: number;
  summary: DemoSummary;
}

export interface DemoSummary {
  cells: number;
  members: number;
  meetings: number;
  expected: number;
  attended: number;
}

/** A local time in Hồ Chí Minh City (UTC+7) as an instant. */
const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);

const WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

function localTimeLabel(at: Date): string {
  const t = new Date(at.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return (
    `${WEEKDAYS[t.getUTCDay()]}, ${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ` +
    `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`
  );
}

export class DemoError extends Error {
  override name = "DemoError";
}

export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const started = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), "chibo-demo-"));
  const clock = createManualClock(local("2026-11-28 10:00"));
  let emulator: TelegramEmulator | undefined;
  let app: RunningApp | undefined;
  try {
    emulator = await startEmulator({
      limits: options.limits === true ? {} : false,
      now: () => clock.now().getTime(),
    });
    const botAccount = emulator.createBot({ username: "trolychibo_bot", firstName: "Trợ lý Chi bộ" });
    const admin = emulator.createUser({
      firstName: "Hùng",
      lastName: "Trần Văn",
      username: "tranhung",
      languageCode: "vi",
    });
    const config = parseConfig({
      BOT_TOKEN: botAccount.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: `file:${join(dataDir, "demo.sqlite")}`,
      ADMIN_IDS: String(admin.id),
      LOG_LEVEL: "error",
    });
    // Errors only, on stderr, so they never mix with the conversation.
    const logger = createLogger({
      level: "error",
      secrets: [config.botToken],
      destination: pino.destination({ fd: 2, sync: true }),
    });
    app = await startApp({ config, logger, clock, receiveUpdates: false, startTicker: false });
    const summary = await playScript({ emulator, botAccount, app, clock, admin, print });
    const durationMs = performance.now() - started;
    print("");
    print(`(Demo chạy xong trong ${(durationMs / 1000).toFixed(1)} giây.)`);
    return { durationMs, summary };
  } finally {
    await app?.stop();
    await emulator?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface ScriptContext {
  emulator: TelegramEmulator;
  botAccount: EmulatedBot;
  app: RunningApp;
  clock: ManualClock;
  admin: User;
  print: (line: string) => void;
}

async function playScript(s: ScriptContext): Promise<DemoSummary> {
  const { emulator, botAccount: bot, app, clock, admin } = s;
  const prisma = app.database.prisma;
  const t = new Transcript(emulator, bot, s.print);

  // Telegram names typed Western style, as people do ("Lan" + "Trần Thị"); the cell's list has
  // their full names in Vietnamese order, seeded below as a roster import writes them.
  const people: { user: User; fullName: string }[] = [];
  const person = (firstName: string, lastName: string, username: string, fullName: string) => {
    const user = emulator.createUser({ firstName, lastName, username, languageCode: "vi" });
    knowFullName(user, fullName);
    t.watchUser(user);
    people.push({ user, fullName });
    return user;
  };
  knowFullName(admin, "Trần Văn Hùng");
  people.push({ user: admin, fullName: "Trần Văn Hùng" });
  t.watchUser(admin);
  const lan = person("Lan", "Trần Thị", "tranlan", "Trần Thị Lan");
  const hai = person("Hải", "Nguyễn Văn", "nguyenhai", "Nguyễn Văn Hải");
  const binh = person("Bình", "Lê Văn", "lebinh", "Lê Văn Bình");
  const cuc = person("Cúc", "Phạm Thị", "phamcuc", "Phạm Thị Cúc");
  const dao = person("Đào", "Võ Thị", "vodao", "Võ Thị Đào");
  const tung = person("Tùng", "Phạm Văn", "phamtung", "Phạm Văn Tùng");

  /** Hands every pending update to the bot, then prints what people saw. */
  const flush = async (opts: { quiet?: boolean } = {}) => {
    const updates: Update[] = emulator.takeUpdates(bot);
    for (const update of updates) await app.bot.handleUpdate(update);
    t.flush(opts);
    return updates;
  };
  const where = (chatId: number, from: User) =>
    chatId === from.id ? "(tin riêng với bot)" : `trong ${t.label(chatId)}`;
  const say = async (from: User, chatId: number, text: string) => {
    t.line("");
    t.line(`👤 ${nameOf(from)} ${where(chatId, from)}: ${text}`);
    emulator.sendText(bot, from, chatId, text);
    await flush();
  };
  const press = async (from: User, message: StoredMessage, data: string) => {
    const button = message.buttons.find((b) => b.callback_data === data);
    if (!button)
      throw new DemoError(`no button “${data}” on the bot's message in ${t.label(message.chat_id)}`);
    t.line("");
    t.line(`👆 ${nameOf(from)} bấm [${button.text}] ${where(message.chat_id, from)}`);
    const update = emulator.pressButton(bot, from, message.chat_id, message.message_id, data);
    await flush();
    const answer = update.callback_query ? emulator.callbackAnswer(update.callback_query.id) : undefined;
    if (answer?.text) t.line(`   💬 ${answer.show_alert ? "hộp thoại" : "thông báo nhanh"}: ${answer.text}`);
  };
  const lastWith = (chatId: number, predicate: (m: StoredMessage) => boolean, what: string) => {
    const found = emulator
      .botMessages(bot, chatId)
      .filter((m) => !m.deleted && predicate(m))
      .at(-1);
    if (!found) throw new DemoError(`expected ${what} in ${t.label(chatId)}, the bot sent none`);
    return found;
  };
  const withButton = (chatId: number, prefix: string, what: string) =>
    lastWith(chatId, (m) => m.buttons.some((b) => b.callback_data?.startsWith(prefix)), what);
  const dataOf = (m: StoredMessage, test: (data: string) => boolean, what: string) => {
    const data = m.buttons.map((b) => b.callback_data).find((d) => d !== undefined && test(d));
    if (!data) throw new DemoError(`expected ${what} in ${t.label(m.chat_id)}`);
    return data;
  };
  const expectText = (chatId: number, fragment: string) => {
    const found = emulator.botMessages(bot, chatId).some((m) => m.text?.includes(fragment));
    if (!found) throw new DemoError(`expected “${fragment}” in ${t.label(chatId)}`);
  };
  const timeIs = (at: Date) => {
    clock.set(at);
    t.line("");
    t.line(`🕐 ${localTimeLabel(at)}`);
  };
  const tick = async (at: Date, why: string) => {
    timeIs(at);
    t.note(`Bộ hẹn giờ chạy (${why}).`);
    await app.scheduler.tick();
    if (t.flush() === 0) t.note("Không có tin nào đến hạn.");
  };
  const group = (title: string, members: User[]) => {
    const chat = emulator.createGroup({ title, members }) as Chat.GroupChat;
    t.watchGroup(chat);
    return chat;
  };
  const addBot = async (chat: Chat.GroupChat) => {
    t.line("");
    t.line(`➕ ${nameOf(admin)} thêm Trợ lý Chi bộ vào ${t.label(chat.id)}`);
    emulator.addBotToChat(bot, chat.id, { by: admin });
    await flush();
  };
  /** The person presses the newest invitation's join button; the approver taps “approve”. */
  const joinAndApprove = async (who: User, chatId: number, approver: User) => {
    const invitation = withButton(chatId, "join:", "an invitation with a join button");
    await press(
      who,
      invitation,
      dataOf(invitation, (d) => d.startsWith("join:"), "a join button"),
    );
    const request = lastWith(
      approver.id,
      (m) =>
        (m.text?.includes(who.first_name) ?? false) && m.buttons.some((b) => b.callback_data?.endsWith(":a")),
      `an approval request for ${nameOf(who)}`,
    );
    await press(
      approver,
      request,
      dataOf(request, (d) => d.endsWith(":a"), "an approve button"),
    );
  };

  t.line("Trợ lý Chi bộ — bản chạy thử với Telegram giả lập cục bộ (không cần mạng, không cần token).");
  t.line("Dữ liệu: tệp SQLite tạm thời. Đồng hồ chạy nhanh: một tháng sinh hoạt trong vài giây.");

  // ── 1. Setting up the ward ──────────────────────────────────────────────────────────────────────
  t.heading("1. Đảng ủy phường lập Đảng bộ trên Trợ lý");
  timeIs(clock.now());
  t.line("");
  t.line(`👤 ${nameOf(admin)} (tin riêng với bot): /start`);
  emulator.startBot(bot, admin);
  await flush();
  t.line("");
  t.line("(Lan, Hải, Bình, Cúc, Đào và Tùng cũng mở chat riêng với bot bằng /start để nhận nhắc riêng.)");
  for (const p of [lan, hai, binh, cuc, dao, tung]) emulator.startBot(bot, p);
  await flush({ quiet: true });
  // Their full names, as the cell's list (a roster import) records them: shown in Vietnamese order
  // from now on, and each is addressed by the given name ("đồng chí Lan").
  for (const p of people) {
    const member = await app.repos.members.findByTelegramId(p.user.id);
    if (!member) throw new DemoError(`${p.fullName} did not open the private chat`);
    await app.repos.members.setFullName(member.id, p.fullName);
  }
  t.line("(Họ tên đầy đủ của các đồng chí được ghi theo danh sách đảng viên của chi bộ.)");

  const committee = group("Đảng ủy phường An Phú", [admin]);
  await addBot(committee);
  await say(admin, committee.id, "/register_committee");
  expectText(committee.id, "Đã đăng ký “Đảng ủy phường An Phú”");
  await say(admin, admin.id, "/org_name Đảng bộ phường An Phú");

  const kp1 = group("Chi bộ KP1", [admin, lan, hai, binh, cuc, dao]);
  const cty = group("Chi bộ Công ty May", [admin, tung]);
  await addBot(kp1);
  await say(admin, kp1.id, "/register_cell Chi bộ Khu phố 1 | khu phố");
  await addBot(cty);
  await say(admin, cty.id, "/register_cell Chi bộ Công ty May An Phú | doanh nghiệp");
  expectText(cty.id, "Chi bộ Công ty May An Phú (chi bộ doanh nghiệp)");

  t.heading("2. Đảng viên vào chi bộ: mời, bấm nút, Bí thư duyệt");
  await say(admin, kp1.id, "/invite");
  await joinAndApprove(lan, kp1.id, admin);
  await say(admin, kp1.id, "/role @tranlan bí thư");
  await say(admin, cty.id, "/invite");
  await joinAndApprove(tung, cty.id, admin);
  await say(admin, cty.id, "/role @phamtung bí thư");
  await say(lan, kp1.id, "/invite");
  for (const p of [hai, binh, cuc, dao]) await joinAndApprove(p, kp1.id, lan);
  expectText(hai.id, "Chi bộ Khu phố 1");

  t.heading("3. Bí thư nhập danh sách đảng viên từ tệp CSV");
  const csv = [
    "Họ và tên,Vai trò,Tổ đảng,Tình trạng",
    "Võ Thị Mai,đảng viên,Tổ 1,chính thức",
    "Đặng Văn Tư,tổ trưởng,Tổ 2,dự bị",
    "Hồ Văn Năm,giám đốc,,",
    "Lý Văn Sáu,,,miễn sinh hoạt",
  ].join("\n");
  t.line("");
  t.line(`👤 ${nameOf(lan)} trong ${t.label(kp1.id)}: 📎 danh-sach.csv — chú thích “/import”`);
  for (const l of csv.split("\n")) t.line(`      ┊ ${l}`);
  emulator.sendDocument(bot, lan, kp1.id, {
    fileName: "danh-sach.csv",
    mimeType: "text/csv",
    content: Buffer.from(csv, "utf8"),
    caption: "/import",
  });
  await flush();
  expectText(lan.id, "Đã nhận: 3 đảng viên. Bị từ chối: 1 dòng.");

  const cell = await prisma.cell.findFirst({ where: { name: "Chi bộ Khu phố 1" } });
  if (!cell) throw new DemoError("the cell “Chi bộ Khu phố 1” was not registered");
  const roster = await app.repos.memberships.listActive(cell.id);
  const mai = roster.find((m) => (m.fullName ?? m.displayName) === "Võ Thị Mai");
  if (!mai) throw new DemoError("Võ Thị Mai was not imported");

  t.line("");
  t.line("(Tổ 1 đã được tạo khi nhập danh sách; Bí thư giao cho Hải làm tổ trưởng.)");
  await say(lan, kp1.id, "/group leader Tổ 1 @nguyenhai");
  await say(lan, kp1.id, "/members");

  // ── 2. A month of Chi bộ Khu phố 1 ──────────────────────────────────────────────────────────────
  t.heading("4. Chi bộ Khu phố 1 lên lịch sinh hoạt tháng 12");
  clock.set(local("2026-11-28 10:30"));
  // A typed /meeting is shown to the secretary first; "7h30" alone is asked (morning or evening?).
  await say(lan, kp1.id, "/meeting 04/12 7h30 Hội trường Khu phố 1");
  const which = withButton(kp1.id, `mg:${cell.id}:pv:`, "the question “7:30 sáng hay 19:30 tối?”");
  await press(
    lan,
    which,
    dataOf(which, (d) => d.includes(":202612041930:"), "the 19:30 button"),
  );
  const preview = withButton(kp1.id, `mg:${cell.id}:ok:`, "the meeting's preview");
  expectText(kp1.id, "📍 Hội trường Khu phố 1");
  await press(
    lan,
    preview,
    dataOf(preview, (d) => d.includes(":ok:"), "the [Thông báo] button"),
  );
  const meeting = await prisma.meeting.findFirst({ where: { cellId: cell.id }, orderBy: { id: "desc" } });
  if (!meeting) throw new DemoError("/meeting created no meeting");
  const announcement = lastWith(kp1.id, (m) => m.text?.startsWith("📢") ?? false, "the announcement");
  if (!announcement.text?.includes("Thứ Sáu, 04/12/2026 lúc 19:30"))
    throw new DemoError("the announcement does not show “Thứ Sáu, 04/12/2026 lúc 19:30”");

  const id = meeting.id;
  const number = meeting.number;
  await press(lan, announcement, `rsvp:${id}:a`);
  await press(binh, announcement, `rsvp:${id}:a`);
  await press(cuc, announcement, `rsvp:${id}:n`);
  const reasonAsk = withButton(cuc.id, `rsvp:${id}:r:`, "the absence-reason question");
  await press(cuc, reasonAsk, `rsvp:${id}:r:h`);
  await press(hai, announcement, `rsvp:${id}:u`);

  await say(lan, kp1.id, `/agenda #${number} @nguyenhai Báo cáo tình hình an ninh trật tự`);
  const agendaMsg = withButton(hai.id, "ag:", "the agenda request with its ready button");

  t.heading("5. Nhắc họp do bộ hẹn giờ gửi");
  await tick(local("2026-12-01 19:30"), "3 ngày trước cuộc họp");
  expectText(dao.id, "Kính nhắc đồng chí");
  await tick(local("2026-12-02 19:30"), "2 ngày trước cuộc họp");
  clock.set(local("2026-12-02 20:15"));
  t.line("");
  t.line("(20:15 — Hải đã chuẩn bị xong phần báo cáo.)");
  await press(
    hai,
    agendaMsg,
    dataOf(agendaMsg, (d) => d.startsWith("ag:"), "the ready button"),
  );
  await tick(local("2026-12-03 19:30"), "1 ngày trước cuộc họp");
  await tick(local("2026-12-04 17:30"), "2 giờ trước cuộc họp");

  t.heading("6. Điểm danh tại hội trường");
  timeIs(local("2026-12-04 19:25"));
  await say(lan, kp1.id, "/checkin");
  const checkin = withButton(kp1.id, "ci:", "the check-in post");
  const ci = dataOf(checkin, (d) => d.startsWith("ci:"), "the check-in button");
  for (const p of [lan, binh, hai]) await press(p, checkin, ci);
  t.line("");
  t.line("(Đồng chí Mai không dùng điện thoại thông minh; tổ trưởng Hải điểm danh hộ.)");
  await say(hai, kp1.id, `/checkin #${mai.number}`);
  expectText(kp1.id, "Đã điểm danh hộ đồng chí Võ Thị Mai");

  t.heading("7. Kết thúc cuộc họp");
  timeIs(local("2026-12-04 21:00"));
  await say(lan, kp1.id, "/close_meeting Thống nhất kế hoạch tháng 12: vệ sinh môi trường, thăm hộ khó khăn");
  const closed = await prisma.meeting.findUnique({ where: { id } });
  if (closed?.state !== "closed") throw new DemoError("/close_meeting did not close the meeting");
  await tick(local("2026-12-04 21:01"), "sau khi họp");
  const ask = withButton(dao.id, `ab:${id}:`, "the absence-reason question to Đào");
  clock.set(local("2026-12-05 07:40"));
  t.line("");
  t.line("(Sáng hôm sau, Đào trả lời câu hỏi lý do vắng mặt.)");
  await press(dao, ask, `ab:${id}:w`);
  await say(lan, kp1.id, "/meetings");
  const promptsKit: FeedbackDemoContext = {
    app,
    t,
    local,
    say,
    press,
    tick,
    timeIs,
    withButton,
    expectText,
    secretary: lan,
    present: [binh, hai, lan],
    group: kp1,
    meetingId: id,
  };
  await playFeedbackDemo(promptsKit);
  const kit = { app, t, timeIs, say, press, withButton, dataOf, expectText, tick, flush };
  await playTasksDemo({
    app,
    clock,
    cellChatId: kp1.id,
    meetingNumber: number,
    people: { lan, binh, dao },
    heading: (x) => t.heading(x),
    line: (x) => t.line(x),
    say,
    press,
    tick,
    withButton,
    expectText,
    local,
    fail: (m) => new DemoError(m),
  });
  await playMoveAndConfirmedClose(kit, { cell, chat: kp1, secretary: lan, attends: binh, absent: cuc });
  await playSelfReviewDemo(promptsKit);

  // ── 3. What the database holds ──────────────────────────────────────────────────────────────────
  const summary = await summarise(app, id);
  t.heading("Tổng kết từ cơ sở dữ liệu");
  t.line(`   Chi bộ: ${summary.cells}`);
  t.line(`   Đảng viên đang sinh hoạt: ${summary.members}`);
  t.line(`   Cuộc họp: ${summary.meetings}`);
  const rate = summary.expected ? Math.round((100 * summary.attended) / summary.expected) : 0;
  t.line(
    `   Cuộc họp #${number}: ${summary.attended}/${summary.expected} đồng chí dự kiến có mặt (kể cả điểm danh hộ) — tỷ lệ ${rate}%`,
  );
  await showMonthlyDigest({ emulator, botAccount: bot, app, clock, admin, transcript: t });
  return summary;
}

async function summarise(app: RunningApp, meetingId: number): Promise<DemoSummary> {
  const prisma = app.database.prisma;
  const [cells, members, meetings, register] = await Promise.all([
    prisma.cell.count({ where: { active: true } }),
    prisma.membership.count({ where: { active: true } }),
    prisma.meeting.count(),
    prisma.attendance.findMany({ where: { meetingId, expected: true } }),
  ]);
  const attended = register.filter((a) => a.status === "present" || a.status === "proxy").length;
  return { cells, members, meetings, expected: register.length, attended };
}
