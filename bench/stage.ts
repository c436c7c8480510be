// One provider's test bed: the project's Telegram emulator, a throwaway database, the real service
// started with startApp (no update source of its own: the benchmark feeds it), a do-nothing grammY
// bot beside it as the baseline, and a large ward seeded through the repositories.
import { Bot, InlineKeyboard } from "grammy";
import type { Update, User } from "grammy/types";
import { startApp, type RunningApp } from "../src/app.ts";
import type { BotServices } from "../src/bot/context.ts";
import { displayNameOf } from "../src/bot/kit/display-name.ts";
import { parseConfig, type Config } from "../src/config.ts";
import type { CellView } from "../src/db/repositories/cells.ts";
import type { NewRegisterRow } from "../src/db/repositories/attendance.ts";
import type { Provider } from "../src/db/url.ts";
import { startEmulator, type EmulatedBot, type TelegramEmulator } from "../src/emulator/index.ts";
import { postAnnouncement } from "../src/features/meetings/announcement.ts";
import { createLogger, type Logger } from "../src/logger.ts";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./databases.ts";
import type { BenchSizes } from "./sizes.ts";
import { createRandom, pick } from "./stats.ts";

export interface SeededCell {
  cell: CellView;
  chatId: number;
  /** Everyone in the cell; the first is its secretary, the second its deputy. */
  users: User[];
  memberIdOf: Map<number, number>;
  /** The upcoming meeting, announced in the group by the bot and by the baseline bot. */
  meetingId: number;
  announcementId: number;
  baselineAnnouncementId: number;
}

export interface Ward {
  organisationId: number;
  cells: SeededCell[];
  big: SeededCell;
}

export interface Stage {
  provider: Provider;
  sizes: BenchSizes;
  emulator: TelegramEmulator;
  account: EmulatedBot;
  baselineAccount: EmulatedBot;
  admin: User;
  database: ThrowawayDatabase;
  config: Config;
  logger: Logger;
  app: RunningApp;
  services: BotServices;
  /** The do-nothing grammY bot: it answers callback queries and nothing else. */
  baseline: Bot;
  ward: Ward;
  close(): Promise<void>;
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"];
const GIVEN = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thị Hoa", "Đức Hùng", "Thu Lan", "Hữu Phúc"];

/** The do-nothing grammY bot of the baseline figures. */
export function createDoNothingBot(token: string, apiRoot: string): Bot {
  const bot = new Bot(token, { client: { apiRoot } });
  bot.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  return bot;
}

export async function createStage(provider: Provider, sizes: BenchSizes): Promise<Stage> {
  const emulator = await startEmulator({ limits: false });
  const cleanups: (() => Promise<unknown>)[] = [() => emulator.close()];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    cleanups.length = 0;
  };
  try {
    const database = await createThrowawayDatabase(provider);
    cleanups.push(() => database.drop());
    const account = emulator.createBot({ username: "chibo_bench_bot", firstName: "Trợ lý Chi bộ" });
    const baselineAccount = emulator.createBot({ username: "do_nothing_bench_bot", firstName: "Baseline" });
    const admin = emulator.createUser({ firstName: "Quản trị", username: "quantri_bench" });
    const config = parseConfig({
      BOT_TOKEN: account.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: database.url,
      ADMIN_IDS: String(admin.id),
      LOG_LEVEL: "silent",
    });
    const logger = createLogger({ level: config.logLevel, secrets: [config.botToken] });
    const app = await startApp({ config, logger, receiveUpdates: false, startTicker: false });
    cleanups.push(() => app.stop());
    const services: BotServices = app.services;
    const baseline = createDoNothingBot(baselineAccount.token, emulator.apiRoot);
    await baseline.init();
    const base: StageBase = {
      provider,
      sizes,
      emulator,
      account,
      baselineAccount,
      admin,
      database,
      config,
      logger,
      app,
      services,
      baseline,
      close,
    };
    const stage: Stage = { ...base, ward: await seedWard(base) };
    return stage;
  } catch (error) {
    await close();
    throw error;
  }
}

/** A stage before its ward is seeded. */
type StageBase = Omit<Stage, "ward">;

/** Hands every update queued for the bot to it, one at a time; drops what the baseline received. */
export async function flushBot(stage: StageBase): Promise<Update[]> {
  const updates = stage.emulator.takeUpdates(stage.account);
  for (const update of updates) await stage.app.bot.handleUpdate(update);
  stage.emulator.takeUpdates(stage.baselineAccount);
  return updates;
}

async function seedWard(stage: StageBase): Promise<Ward> {
  const { repos } = stage.app;
  const random = createRandom(20_261_201);
  const org = await repos.organisations.forAdmin(stage.admin.id, {
    name: "Đảng bộ phường Bến Thành",
    timeZone: "Asia/Ho_Chi_Minh",
    locale: "vi",
  });
  const cells: SeededCell[] = [];
  for (let i = 0; i < stage.sizes.cells; i++) {
    cells.push(await seedCell(stage, org.id, `Chi bộ Khu phố ${i + 1}`, stage.sizes.membersPerCell, random));
  }
  const big = await seedCell(stage, org.id, "Chi bộ Cơ quan phường", stage.sizes.bigCellMembers, random);
  return { organisationId: org.id, cells, big };
}

async function seedCell(
  stage: StageBase,
  organisationId: number,
  name: string,
  size: number,
  random: () => number,
): Promise<SeededCell> {
  const { emulator, account, baselineAccount, admin, app, services } = stage;
  const { repos } = app;
  const users = Array.from({ length: size }, (_, j) =>
    emulator.createUser({
      firstName: pick(random, GIVEN),
      lastName: pick(random, FAMILY),
      username: `dv_${Math.floor(random() * 1e9).toString(36)}_${j}`,
      languageCode: "vi",
    }),
  );
  const group = emulator.createGroup({ title: name, members: [admin, ...users] });
  // Privacy mode off: the bots receive plain group talk too, as an admin bot would, and must ignore it.
  emulator.addBotToChat(account, group.id, { by: admin, privacyMode: false });
  emulator.addBotToChat(baselineAccount, group.id, { by: admin, privacyMode: false });
  await flushBot(stage);
  const { cell } = await repos.cells.register({
    organisationId,
    name,
    kind: "neighbourhood",
    chatId: group.id,
    chatTitle: name,
  });
  const memberIdOf = new Map<number, number>();
  for (const [j, user] of users.entries()) {
    emulator.startBot(account, user);
    emulator.startBot(baselineAccount, user);
    const member = await repos.members.upsertFromTelegram(
      { telegramId: user.id, username: user.username, displayName: displayNameOf(user) },
      true,
    );
    const { view } = await repos.memberships.join(member.id, cell.id, {
      role: j === 0 ? "secretary" : j === 1 ? "deputy" : "member",
      status: j % 15 === 14 ? "probationary" : "official",
    });
    memberIdOf.set(user.id, view.memberId);
  }
  // The members' /start updates are not handled: they are seeded as reachable directly.
  emulator.takeUpdates(account);
  emulator.takeUpdates(baselineAccount);
  const memberIds = [...memberIdOf.values()];
  const secretaryId = memberIds[0]!;
  await seedHistory(stage, cell.id, secretaryId, memberIds, random);

  const now = Date.now();
  const meeting = await repos.meetings.create({
    cellId: cell.id,
    kind: "regular",
    startsAt: new Date(now + 10 * 86_400_000),
    place: "Hội trường khu phố",
    title: null,
    createdByMemberId: secretaryId,
  });
  await postAnnouncement(services, app.bot.api, app.bot.botInfo.username, cell, meeting);
  const announced = await repos.meetings.get(meeting.id);
  if (announced?.announcementMessageId == null) throw new Error(`meeting ${meeting.id} was not announced`);
  const baselinePost = await stage.baseline.api.sendMessage(group.id, `Họp chi bộ: ${name}`, {
    reply_markup: new InlineKeyboard()
      .text("Tham dự", `rsvp:${meeting.id}:a`)
      .text("Vắng", `rsvp:${meeting.id}:n`)
      .text("Chưa chắc", `rsvp:${meeting.id}:u`),
  });
  return {
    cell,
    chatId: group.id,
    users,
    memberIdOf,
    meetingId: meeting.id,
    announcementId: announced.announcementMessageId,
    baselineAnnouncementId: baselinePost.message_id,
  };
}

/**
 * Monthly meetings of the past `historyMonths`, each closed with a full register (most present,
 * some excused, some absent without a reason) and the RSVPs that preceded it. Meetings and registers
 * go through the repositories; the RSVPs of the past are inserted in one statement per meeting,
 * because answering them one by one would dominate the seeding time without testing anything.
 */
async function seedHistory(
  stage: StageBase,
  cellId: number,
  secretaryId: number,
  memberIds: readonly number[],
  random: () => number,
): Promise<void> {
  const { repos, database } = stage.app;
  const now = new Date();
  for (let monthsAgo = stage.sizes.historyMonths; monthsAgo >= 1; monthsAgo--) {
    // The 5th of the month at 19:30 in Hồ Chí Minh City.
    const startsAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 5, 12, 30));
    const meeting = await repos.meetings.create({
      cellId,
      kind: "regular",
      startsAt,
      place: "Hội trường khu phố",
      title: null,
      createdByMemberId: secretaryId,
    });
    const rows: NewRegisterRow[] = [];
    const rsvps: { meetingId: number; memberId: number; answer: string; reason: string | null }[] = [];
    for (const memberId of memberIds) {
      const roll = random();
      if (roll < 0.78) {
        rows.push({ memberId, status: "present", reason: null, expected: true });
        if (random() < 0.7) rsvps.push({ meetingId: meeting.id, memberId, answer: "attend", reason: null });
      } else if (roll < 0.9) {
        rows.push({ memberId, status: "absent_excused", reason: "work", expected: true });
        rsvps.push({ meetingId: meeting.id, memberId, answer: "absent", reason: "work" });
      } else {
        rows.push({ memberId, status: "absent_unexcused", reason: null, expected: true });
      }
    }
    if (rsvps.length > 0) await database.prisma.rsvp.createMany({ data: rsvps });
    await repos.attendance.close({
      meetingId: meeting.id,
      fromStates: ["planned"],
      at: new Date(startsAt.getTime() + 2 * 3_600_000),
      conclusions: null,
      rows,
      expectedByMember: new Map(memberIds.map((id) => [id, true])),
    });
  }
}
