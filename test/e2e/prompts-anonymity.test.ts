// Anonymity that holds (issue 11), tested as an attacker with the database and the log file would:
// a scripted anonymous prompt with 5 members — a rating and a typed answer each (three typed
// privately, two as replies to the group post), one member changing their rating — then every table is dumped and the log (written at trace level) read, and nothing
// may link an answer to a member: no member or Telegram id on an answer, no time finer than the day,
// no row order that follows the order of answering, no outbox row, audit entry, delivery or log line
// that carries an answer or its ids.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { User } from "grammy/types";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { LIVE_REFRESH_DELAY_MS } from "../../src/features/meetings/live-refresh.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

describe.each(SUPPORTED_PROVIDERS)("anonymous prompts on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let secretary: User;
  const members: User[] = [];
  const dir = mkdtempSync(join(tmpdir(), "chibo-anon-"));
  const logFile = join(dir, "bot.log");
  let promptId = 0;
  const ratings = [2, 4, 5, 3, 1];
  const texts = [
    "Cần đúng giờ hơn",
    "Nên chuẩn bị tài liệu trước",
    "Mời thêm ý kiến",
    "Ngắn gọn hơn",
    "Tốt rồi",
  ];

  const prisma = () => h.app.database.prisma;
  const memberId = (u: User) => cell.members.get(u.id)!.memberId;
  const settle = async () => {
    h.clock.advance(LIVE_REFRESH_DELAY_MS);
    await h.app.scheduler.tick();
  };
  const press = async (user: User, chatId: number, data: string) => {
    const msg = h.emulator.lastBotMessage(h.botAccount, chatId)!;
    const update = await h.press(user, chatId, msg.message_id, data);
    return h.emulator.callbackAnswer(update.callback_query!.id)?.text;
  };

  beforeAll(async () => {
    const destination = pino.destination({ dest: logFile, sync: true });
    h = await createHarness({
      provider,
      app: { logger: createLogger({ level: "trace", destination }) },
    });
    const user = (firstName: string, username: string) =>
      h.emulator.createUser({ firstName, username: `${username}_${provider.slice(0, 2)}` });
    secretary = user("Nguyễn Văn Hải", "bt_hai");
    for (const [i, name] of ["An", "Bình", "Cúc", "Dũng", "Em"].entries())
      members.push(user(`Đảng viên ${name}`, `dv${i}`));
    cell = await seedCell(h, "Chi bộ Khu phố 5", [
      { user: secretary, role: "secretary" },
      ...members.map((u) => ({ user: u })),
    ]);
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("collects anonymous ratings and typed answers, showing results only from 3 answers", async () => {
    await h.say(
      secretary,
      cell.chatId,
      "/ask ẩn danh Đồng chí đánh giá buổi sinh hoạt chuyên đề thế nào? | 1-5 hạn 10/12/2026 20:00",
    );
    const draft = await prisma().prompt.findFirstOrThrow({
      where: { kind: "custom" },
      orderBy: { id: "desc" },
    });
    promptId = draft.id;
    expect(draft).toMatchObject({ state: "draft", anonymous: true });
    expect(h.lastText(cell.chatId)).toContain("Xem trước câu hỏi");
    await press(secretary, cell.chatId, `pk:p:${promptId}`);
    expect(h.lastText(cell.chatId)).toContain(`Đã gửi câu hỏi #${promptId}`);
    await h.app.scheduler.tick();
    const post = h.emulator.lastBotMessage(h.botAccount, cell.chatId)!;
    expect(post.text).toContain("ẩn danh");
    expect(post.text).toContain("Đã trả lời: 0/6");
    const q = (await prisma().question.findFirstOrThrow({ where: { promptId } })).id;
    // A rating of 6 (forged data) is refused, with nothing written.
    expect(await press(members[0]!, cell.chatId, `pk:a:${promptId}:${q}:6`)).toContain(
      "không có trong câu hỏi",
    );
    expect(await prisma().response.count()).toBe(0);
    expect(await prisma().participation.count()).toBe(0);

    for (const [i, u] of members.entries()) {
      h.clock.advance(37 * 60_000 + i * 1_234);
      const answer = await press(u, cell.chatId, `pk:a:${promptId}:${q}:${ratings[i]}`);
      expect(answer).toContain("Đã ghi nhận");
      if (i === 1) {
        // Two answers so far: the secretary sees only how many.
        await h.say(secretary, secretary.id, `/results ${promptId}`);
        expect(h.lastText(secretary.id)).toContain("Đã có 2 câu trả lời");
        expect(h.lastText(secretary.id)).not.toContain("điểm:");
      }
    }
    // The first member changes their mind: the last answer counts, once.
    expect(await press(members[0]!, cell.chatId, `pk:a:${promptId}:${q}:3`)).toContain("Đã đổi câu trả lời");
    ratings[0] = 3;
    await settle();
    expect(h.emulator.lastBotMessage(h.botAccount, cell.chatId)!.text).toBeDefined();
    expect(
      h.emulator.botMessages(h.botAccount, cell.chatId).find((m) => m.message_id === post.message_id)!.text,
    ).toContain("Đã trả lời: 5/6");
    await h.say(secretary, secretary.id, `/results ${promptId}`);
    const results = h.lastText(secretary.id)!;
    expect(results).toContain("5/6 đồng chí đã trả lời");
    // 3 points: two answers (3, 3) → hidden as fewer than 3; the others one each → hidden.
    expect(results).toContain("3 điểm: dưới 3");
    expect(results).toContain("Điểm trung bình: 3.2/5");
    expect(results).not.toMatch(/Đảng viên/);
    expect(await prisma().response.count({ where: { promptId } })).toBe(5);
    expect(await prisma().participation.count({ where: { promptId } })).toBe(5);
  });

  it("takes anonymous typed answers privately through the post's link and by replies to the post", async () => {
    await h.say(
      secretary,
      cell.chatId,
      "/ask anon Lần sinh hoạt tới cần làm tốt hơn điều gì? hạn 10/12/2026",
    );
    const draft = await prisma().prompt.findFirstOrThrow({
      where: { kind: "custom" },
      orderBy: { id: "desc" },
    });
    await press(secretary, cell.chatId, `pk:p:${draft.id}`);
    await h.app.scheduler.tick();
    const post = h.emulator.lastBotMessage(h.botAccount, cell.chatId)!;
    for (const [i, u] of members.entries()) {
      h.clock.advance(11 * 60_000 + i * 977);
      if (i < 3) {
        h.emulator.startBot(h.botAccount, u, `pk_${draft.id}`);
        await h.flush();
        await h.say(u, u.id, texts[i]!);
        expect(h.lastText(u.id)).toContain("Đã ghi nhận câu trả lời");
        continue;
      }
      // The last two reply to the group post. The bot, an administrator for the last one, removes
      // the reply from the group; before that it can only say so.
      if (i === 4) {
        h.emulator.addBotToChat(h.botAccount, cell.chatId, { by: secretary, asAdmin: true });
        await h.flush();
      }
      await h.say(u, cell.chatId, texts[i]!, { replyToMessageId: post.message_id });
      expect(h.lastText(cell.chatId)).toContain(
        i === 4
          ? "Trợ lý đã gỡ tin nhắn trả lời khỏi nhóm"
          : "tin nhắn trả lời trong nhóm thì mọi người trong nhóm đều đọc được",
      );
    }
    const replies = h.emulator
      .messages(cell.chatId)
      .filter((m) => m.reply_to_message_id === post.message_id && m.botId === undefined);
    expect(replies.map((m) => [m.text, m.deleted])).toEqual([
      [texts[3], false],
      [texts[4], true],
    ]);
    await h.say(secretary, secretary.id, `/results ${draft.id}`);
    const listed = h.lastText(secretary.id)!;
    for (const text of texts) expect(listed).toContain(text);
    expect(listed).not.toMatch(/Đảng viên/);
  });

  it("leaves nothing in any table or log line that links an answer to a member", async () => {
    const db = prisma();
    const tables: string[] =
      provider === "sqlite"
        ? (
            await db.$queryRawUnsafe<{ name: string }[]>(
              "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'",
            )
          ).map((r) => r.name)
        : (
            await db.$queryRawUnsafe<{ table_name: string }[]>(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT LIKE '_prisma%'",
            )
          ).map((r) => r.table_name);
    expect(tables).toContain("Response");
    const dump = new Map<string, Record<string, unknown>[]>();
    for (const table of tables) {
      const order =
        provider === "sqlite"
          ? `SELECT rowid AS "_order", * FROM "${table}"`
          : `SELECT ctid::text AS "_order", xmin::text AS "_xmin", * FROM "${table}"`;
      dump.set(table, await db.$queryRawUnsafe<Record<string, unknown>[]>(order));
    }
    const json = (v: unknown) =>
      JSON.stringify(v, (_, x: unknown) => (typeof x === "bigint" ? x.toString() : x));

    const anonymousPrompts = (dump.get("Prompt") ?? [])
      .filter((p) => Boolean(p["anonymous"]))
      .map((p) => Number(p["id"]));
    const answers = (dump.get("Response") ?? []).filter((r) =>
      anonymousPrompts.includes(Number(r["promptId"])),
    );
    expect(answers).toHaveLength(10);
    const answerIds = answers.map((r) => String(r["id"]));
    const ownerKeys = answers.map((r) => String(r["ownerKey"]));
    const memberIds = members.map(memberId);
    const telegramIds = members.map((u) => String(u.id));
    for (const r of answers) {
      // No member, no Telegram id, a random id, the day only.
      expect(r["memberId"]).toBeNull();
      expect(String(r["id"])).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      const day = new Date(r["answeredOn"] as string | Date);
      expect(day.getUTCHours() + day.getUTCMinutes() + day.getUTCSeconds() + day.getUTCMilliseconds()).toBe(
        0,
      );
      for (const t of telegramIds) expect(json(r)).not.toContain(t);
      expect(
        Object.keys(r)
          .filter((k) => !k.startsWith("_"))
          .sort(),
      ).toEqual(
        [
          "answeredOn",
          "choice",
          "id",
          "memberId",
          "ownerKey",
          "promptId",
          "questionId",
          "rating",
          "text",
          "voiceFileId",
        ].sort(),
      );
    }
    // Each prompt's answers were all written by its last answer (one rewrite, in a shuffled order):
    // the order rows are stored in is not the order members answered in.
    for (const id of anonymousPrompts) {
      const mine = answers.filter((r) => Number(r["promptId"]) === id);
      if (provider === "postgresql") expect(new Set(mine.map((r) => r["_xmin"])).size).toBe(1);
      else {
        const rowids = mine.map((r) => Number(r["_order"])).sort((a, b) => a - b);
        expect(rowids.at(-1)! - rowids[0]!).toBe(rowids.length - 1);
      }
    }
    // No other row anywhere names an answer (its id, its owner key, a typed text).
    for (const [table, rows] of dump) {
      if (table === "Response") continue;
      const text = json(rows);
      for (const id of answerIds) expect(text, table).not.toContain(id);
      for (const key of ownerKeys) expect(text, table).not.toContain(key);
      for (const t of texts) expect(text, table).not.toContain(t);
    }
    // Participation says who answered, with nothing else: no time, no answer.
    for (const p of dump.get("Participation") ?? []) {
      expect(
        Object.keys(p)
          .filter((k) => !k.startsWith("_"))
          .sort(),
      ).toEqual(["memberId", "promptId"]);
    }
    // Outbox rows of the anonymous prompts carry no member (except nudges, which carry no answer),
    // and their payloads only prompt ids; the audit log has no answer.
    for (const row of dump.get("ScheduledDelivery") ?? []) {
      if (!String(row["key"]).startsWith("prompt:")) continue;
      const payload = JSON.parse(String(row["payload"])) as Record<string, unknown>;
      expect(Object.keys(payload).every((k) => k === "promptId" || k === "memberId")).toBe(true);
      if (row["memberId"] !== null) expect(String(row["kind"])).toMatch(/^prompt_(ask|nudge|closed_notice)$/);
    }
    for (const a of dump.get("AuditEntry") ?? []) expect(String(a["action"])).not.toMatch(/answer|response/i);
    // The log file, at trace level: no answer, no answer id or key, and no line naming an answering
    // member together with a prompt.
    const log = readFileSync(logFile, "utf8");
    expect(log.length).toBeGreaterThan(0);
    for (const t of texts) expect(log).not.toContain(t);
    for (const id of answerIds) expect(log).not.toContain(id);
    for (const key of ownerKeys) expect(log).not.toContain(key);
    for (const line of log.split("\n")) {
      if (!/pk:a:|rating|prompt/i.test(line)) continue;
      for (const t of telegramIds) expect(line).not.toContain(t);
      for (const m of memberIds) expect(line).not.toMatch(new RegExp(`"memberId":${m}\\b`));
    }
  });
});
