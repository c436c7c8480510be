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
import type { DemoLanguage } from "./language.ts";
import { SCRIPT_TEXT, type ScriptText } from "./script-text.ts";
import { knowFullName, nameOf, Transcript } from "./transcript.ts";

export interface DemoOptions {
  /** Receives the transcript line by line (default: console.log). */
  print?: (line: string) => void;
  /**
   * Telegram's flood limits in the emulator (default false: with them the script takes over a
   * minute, mostly waiting out the 20-posts-per-minute limit of the cell's group).
   */
  limits?: boolean;
  /**
   * The ward's language (default "vi"): the bot's texts (DEFAULT_LOCALE of the service, so every
   * group and member), the narration, what people type and the names of the cells.
   */
  language?: DemoLanguage;
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

export class DemoError extends Error {
  override name = "DemoError";
}

export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const language = options.language ?? "vi";
  const text = SCRIPT_TEXT[language];
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
    const botAccount = emulator.createBot({ username: "trolychibo_bot", firstName: text.botName });
    const admin = emulator.createUser({
      firstName: "Hùng",
      lastName: "Trần Văn",
      username: "tranhung",
      languageCode: language,
    });
    const config = parseConfig({
      BOT_TOKEN: botAccount.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: `file:${join(dataDir, "demo.sqlite")}`,
      ADMIN_IDS: String(admin.id),
      // The ward's language: the organisation, its groups and members have chosen none, so the
      // bot speaks this one everywhere.
      DEFAULT_LOCALE: language,
      LOG_LEVEL: "error",
    });
    // Errors only, on stderr, so they never mix with the conversation.
    const logger = createLogger({
      level: "error",
      secrets: [config.botToken],
      destination: pino.destination({ fd: 2, sync: true }),
    });
    app = await startApp({ config, logger, clock, receiveUpdates: false, startTicker: false });
    const summary = await playScript({ emulator, botAccount, app, clock, admin, print, language, text });
    const durationMs = performance.now() - started;
    print("");
    print(text.finished((durationMs / 1000).toFixed(1)));
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
  language: DemoLanguage;
  text: ScriptText;
}

async function playScript(s: ScriptContext): Promise<DemoSummary> {
  const { emulator, botAccount: bot, app, clock, admin, language, text: tx } = s;
  const prisma = app.database.prisma;
  const t = new Transcript(emulator, bot, s.print, language);

  // Telegram names typed Western style, as people do ("Lan" + "Trần Thị"); the cell's list has
  // their full names in Vietnamese order, seeded below as a roster import writes them.
  const people: { user: User; fullName: string }[] = [];
  const person = (firstName: string, lastName: string, username: string, fullName: string) => {
    const user = emulator.createUser({ firstName, lastName, username, languageCode: language });
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
    chatId === from.id ? tx.privateChat : tx.inChat(t.label(chatId));
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
    t.line(tx.pressed(nameOf(from), button.text, where(message.chat_id, from)));
    const update = emulator.pressButton(bot, from, message.chat_id, message.message_id, data);
    await flush();
    const answer = update.callback_query ? emulator.callbackAnswer(update.callback_query.id) : undefined;
    if (answer?.text) t.line(`   💬 ${answer.show_alert ? tx.alert : tx.toast}: ${answer.text}`);
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
    t.line(`🕐 ${tx.timeLabel(at)}`);
  };
  const tick = async (at: Date, why: string) => {
    timeIs(at);
    t.note(tx.schedulerRuns(why));
    await app.scheduler.tick();
    if (t.flush() === 0) t.note(tx.nothingDue);
  };
  const group = (title: string, members: User[]) => {
    const chat = emulator.createGroup({ title, members }) as Chat.GroupChat;
    t.watchGroup(chat);
    return chat;
  };
  const addBot = async (chat: Chat.GroupChat) => {
    t.line("");
    t.line(tx.addsBot(nameOf(admin), t.label(chat.id)));
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

  for (const line of tx.intro) t.line(line);

  // ── 1. Setting up the ward ──────────────────────────────────────────────────────────────────────
  const { ward, joining, roster: rosterText, schedule, reminders, checkin: checkinText, close } = tx;
  t.heading(ward.heading);
  timeIs(clock.now());
  t.line("");
  t.line(`👤 ${nameOf(admin)} ${tx.privateChat}: /start`);
  emulator.startBot(bot, admin);
  await flush();
  t.line("");
  t.line(ward.othersStart);
  for (const p of [lan, hai, binh, cuc, dao, tung]) emulator.startBot(bot, p);
  await flush({ quiet: true });
  // Their full names, as the cell's list (a roster import) records them: shown in Vietnamese order
  // from now on, and each is addressed by the given name ("đồng chí Lan").
  for (const p of people) {
    const member = await app.repos.members.findByTelegramId(p.user.id);
    if (!member) throw new DemoError(`${p.fullName} did not open the private chat`);
    await app.repos.members.setFullName(member.id, p.fullName);
  }
  t.line(ward.fullNamesNote);

  const committee = group(ward.committeeGroup, [admin]);
  await addBot(committee);
  await say(admin, committee.id, "/register_committee");
  expectText(committee.id, ward.committeeRegistered(ward.committeeGroup));
  await say(admin, admin.id, `/org_name ${ward.organisation}`);

  const kp1 = group(ward.cellGroup, [admin, lan, hai, binh, cuc, dao]);
  const cty = group(ward.companyGroup, [admin, tung]);
  await addBot(kp1);
  await say(admin, kp1.id, `/register_cell ${ward.cellName} | ${ward.cellKind}`);
  await addBot(cty);
  await say(admin, cty.id, `/register_cell ${ward.companyName} | ${ward.companyKind}`);
  expectText(cty.id, ward.companyRegistered(ward.companyName));

  t.heading(joining.heading);
  await say(admin, kp1.id, "/invite");
  await joinAndApprove(lan, kp1.id, admin);
  await say(admin, kp1.id, `/role @tranlan ${joining.secretaryRole}`);
  await say(admin, cty.id, "/invite");
  await joinAndApprove(tung, cty.id, admin);
  await say(admin, cty.id, `/role @phamtung ${joining.secretaryRole}`);
  await say(lan, kp1.id, "/invite");
  for (const p of [hai, binh, cuc, dao]) await joinAndApprove(p, kp1.id, lan);
  expectText(hai.id, ward.cellName);

  t.heading(rosterText.heading);
  const csv = rosterText.csv.join("\n");
  t.line("");
  t.line(rosterText.sends(nameOf(lan), t.label(kp1.id), rosterText.fileName));
  for (const l of rosterText.csv) t.line(`      ┊ ${l}`);
  emulator.sendDocument(bot, lan, kp1.id, {
    fileName: rosterText.fileName,
    mimeType: "text/csv",
    content: Buffer.from(csv, "utf8"),
    caption: "/import",
  });
  await flush();
  expectText(lan.id, rosterText.imported);

  const cell = await prisma.cell.findFirst({ where: { name: ward.cellName } });
  if (!cell) throw new DemoError(`the cell “${ward.cellName}” was not registered`);
  const roster = await app.repos.memberships.listActive(cell.id);
  const mai = roster.find((m) => (m.fullName ?? m.displayName) === "Võ Thị Mai");
  if (!mai) throw new DemoError("Võ Thị Mai was not imported");

  t.line("");
  t.line(rosterText.groupLeaderNote);
  await say(lan, kp1.id, `/group leader ${rosterText.groupName} @nguyenhai`);
  await say(lan, kp1.id, "/members");

  // ── 2. A month of Chi bộ Khu phố 1 ──────────────────────────────────────────────────────────────
  t.heading(schedule.heading);
  clock.set(local("2026-11-28 10:30"));
  // A typed /meeting is shown to the secretary first; "7h30" alone is asked (morning or evening?).
  await say(lan, kp1.id, schedule.meetingCommand);
  const which = withButton(
    kp1.id,
    `mg:${cell.id}:pv:`,
    "the question: 7:30 in the morning or 19:30 in the evening?",
  );
  await press(
    lan,
    which,
    dataOf(which, (d) => d.includes(":202612041930:"), "the 19:30 button"),
  );
  const preview = withButton(kp1.id, `mg:${cell.id}:ok:`, "the meeting's preview");
  expectText(kp1.id, `📍 ${schedule.place}`);
  await press(
    lan,
    preview,
    dataOf(preview, (d) => d.includes(":ok:"), "the announce button"),
  );
  const meeting = await prisma.meeting.findFirst({ where: { cellId: cell.id }, orderBy: { id: "desc" } });
  if (!meeting) throw new DemoError("/meeting created no meeting");
  const announcement = lastWith(kp1.id, (m) => m.text?.startsWith("📢") ?? false, "the announcement");
  if (!announcement.text?.includes(schedule.announcedWhen))
    throw new DemoError(`the announcement does not show “${schedule.announcedWhen}”`);

  const id = meeting.id;
  const number = meeting.number;
  await press(lan, announcement, `rsvp:${id}:a`);
  await press(binh, announcement, `rsvp:${id}:a`);
  await press(cuc, announcement, `rsvp:${id}:n`);
  const reasonAsk = withButton(cuc.id, `rsvp:${id}:r:`, "the absence-reason question");
  await press(cuc, reasonAsk, `rsvp:${id}:r:h`);
  await press(hai, announcement, `rsvp:${id}:u`);

  await say(lan, kp1.id, `/agenda #${number} @nguyenhai ${schedule.agendaItem}`);
  const agendaMsg = withButton(hai.id, "ag:", "the agenda request with its ready button");

  t.heading(reminders.heading);
  await tick(local("2026-12-01 19:30"), reminders.threeDays);
  expectText(dao.id, reminders.reminderFragment);
  await tick(local("2026-12-02 19:30"), reminders.twoDays);
  clock.set(local("2026-12-02 20:15"));
  t.line("");
  t.line(reminders.agendaReady);
  await press(
    hai,
    agendaMsg,
    dataOf(agendaMsg, (d) => d.startsWith("ag:"), "the ready button"),
  );
  await tick(local("2026-12-03 19:30"), reminders.oneDay);
  await tick(local("2026-12-04 17:30"), reminders.twoHours);

  t.heading(checkinText.heading);
  timeIs(local("2026-12-04 19:25"));
  await say(lan, kp1.id, "/checkin");
  const checkin = withButton(kp1.id, "ci:", "the check-in post");
  const ci = dataOf(checkin, (d) => d.startsWith("ci:"), "the check-in button");
  for (const p of [lan, binh, hai]) await press(p, checkin, ci);
  t.line("");
  t.line(checkinText.proxyNote);
  await say(hai, kp1.id, `/checkin #${mai.number}`);
  expectText(kp1.id, checkinText.proxyDone("Võ Thị Mai"));

  t.heading(close.heading);
  timeIs(local("2026-12-04 21:00"));
  await say(lan, kp1.id, `/close_meeting ${close.conclusions}`);
  const closed = await prisma.meeting.findUnique({ where: { id } });
  if (closed?.state !== "closed") throw new DemoError("/close_meeting did not close the meeting");
  await tick(local("2026-12-04 21:01"), close.afterMeeting);
  const ask = withButton(dao.id, `ab:${id}:`, "the absence-reason question to Đào");
  clock.set(local("2026-12-05 07:40"));
  t.line("");
  t.line(close.nextMorning);
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
    language,
  };
  await playFeedbackDemo(promptsKit);
  const kit = { app, t, timeIs, say, press, withButton, dataOf, expectText, tick, flush, language };
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
    language,
  });
  await playMoveAndConfirmedClose(kit, { cell, chat: kp1, secretary: lan, attends: binh, absent: cuc });
  await playSelfReviewDemo(promptsKit);

  // ── 3. What the database holds ──────────────────────────────────────────────────────────────────
  const summary = await summarise(app, id);
  t.heading(tx.summary.heading);
  t.line(tx.summary.cells(summary.cells));
  t.line(tx.summary.members(summary.members));
  t.line(tx.summary.meetings(summary.meetings));
  const rate = summary.expected ? Math.round((100 * summary.attended) / summary.expected) : 0;
  t.line(tx.summary.meeting(number, summary.attended, summary.expected, rate));
  await showMonthlyDigest({ emulator, botAccount: bot, app, clock, admin, transcript: t, language });
  return summary;
}

async function summarise(app: RunningApp, meetingId: number): Promise<DemoSummary> {
  const prisma = app.database.prisma;
  const [cells, members, meetings, register] = await Promise.all([
    prisma.cell.count({ where: { active: true } }),
    // Exempt members (miễn sinh hoạt) are not counted as taking part.
    prisma.membership.count({ where: { active: true, status: { not: "exempt" } } }),
    prisma.meeting.count(),
    prisma.attendance.findMany({ where: { meetingId, expected: true } }),
  ]);
  const attended = register.filter((a) => a.status === "present" || a.status === "proxy").length;
  return { cells, members, meetings, expected: register.length, attended };
}
