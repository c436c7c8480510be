// Issue 9 item 10, as it was seen: "đồng chí An Nguyễn Văn", "Bình Trần Thị" (Telegram splits names
// Western style), and Khu phố 2's first meeting shown as #11. Names in Vietnamese order come from the
// roster import or the member's own /me → "Sửa họ tên"; members are addressed by their given name;
// meetings are numbered per cell and typed by that number.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

const LINK = /https:\/\/t\.me\/chibo_test_bot\?start=c_([A-Za-z0-9_-]{22})/g;

describe.each(SUPPORTED_PROVIDERS)("names and meeting numbers on %s", (provider) => {
  let h: Harness;
  let kp1: SeededCell;
  let kp2: SeededCell;
  let lan: User;
  let son: User;
  /** Telegram name typed Western style: first "Bình", last "Trần Thị". */
  let binh: User;
  /** Will claim the roster's "Nguyễn Văn An" with Telegram name "An Nguyễn Văn". */
  let an: User;

  const prisma = () => h.app.database.prisma;
  const since = (chatId: number, count: number) => h.texts(chatId).slice(count);
  const pressLast = async (who: User, chatId: number, data: string) => {
    const message = h.emulator.lastBotMessage(h.botAccount, chatId)!;
    expect(message.buttons.map((b) => b.callback_data)).toContain(data);
    const update = await h.press(who, chatId, message.message_id, data);
    return h.emulator.callbackAnswer(update.callback_query!.id);
  };
  const fullNameOf = async (user: User) =>
    (await prisma().member.findUnique({ where: { telegramId: BigInt(user.id) } }))?.fullName ?? null;

  beforeAll(async () => {
    h = await createHarness({ provider });
    lan = h.emulator.createUser({ firstName: "Lan", lastName: "Trần Thị", username: "tranlan" });
    son = h.emulator.createUser({ firstName: "Sơn", lastName: "Đỗ" });
    binh = h.emulator.createUser({ firstName: "Bình", lastName: "Trần Thị" });
    an = h.emulator.createUser({ firstName: "An", lastName: "Nguyễn Văn" });
    kp1 = await seedCell(h, "Chi bộ Khu phố 1", [{ user: lan, role: "secretary" }, { user: binh }]);
    kp2 = await seedCell(h, "Chi bộ Khu phố 2", [{ user: son, role: "secretary" }]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("greets a Telegram-only member by the first name as typed, and shows the name as Telegram does", async () => {
    const before = h.texts(binh.id).length;
    await h.say(binh, binh.id, "/start");
    await h.say(binh, binh.id, "/me");
    const [welcome, me] = since(binh.id, before);
    expect(welcome).toMatch(/^Kính chào đồng chí Bình!/);
    expect(me).toContain("Thông tin của đồng chí Bình");
    expect(me).toContain("Tên trên Telegram: Bình Trần Thị");
  });

  it("imports full names and shows them in Vietnamese order in /members and in the greeting", async () => {
    const csv = ["STT,Họ và tên", "1,Nguyễn Văn An", "2,Phạm Thị Mai"].join("\n");
    const privateSince = h.texts(lan.id).length;
    h.emulator.sendDocument(h.botAccount, lan, kp1.chatId, {
      fileName: "danh-sach.csv",
      mimeType: "text/csv",
      content: Buffer.from(csv, "utf8"),
      caption: "/import",
    });
    await h.flush();
    const report = since(lan.id, privateSince).join("\n");
    const tokens = [...report.matchAll(LINK)].map((m) => m[1]!);
    expect(tokens).toHaveLength(2);

    // An claims the roster's line with a Telegram account named "An Nguyễn Văn".
    const before = h.texts(an.id).length;
    h.emulator.startBot(h.botAccount, an, `c_${tokens[0]}`);
    await h.flush();
    expect(since(an.id, before).join("\n")).toContain("Kính chào đồng chí An!");
    expect(since(an.id, before).join("\n")).not.toContain("An Nguyễn Văn");

    const groupSince = h.texts(kp1.chatId).length;
    await h.say(lan, kp1.chatId, "/members");
    const list = since(kp1.chatId, groupSince).join("\n");
    expect(list).toContain("Nguyễn Văn An");
    expect(list).toContain("Phạm Thị Mai");
    expect(list).not.toContain("An Nguyễn Văn");

    await h.say(an, an.id, "/me");
    expect(h.lastText(an.id)).toContain("Họ và tên: Nguyễn Văn An");
  });

  it("lets a member set their full name in /me; [Thôi], an empty and a too long name write nothing", async () => {
    await h.say(binh, binh.id, "/me");
    await pressLast(binh, binh.id, "me:name");
    expect(h.lastText(binh.id)).toContain("Xin đồng chí gõ họ và tên đầy đủ, họ trước tên sau");

    // [Thôi]: the question is dropped; the next message is not taken as a name.
    const cancelled = await pressLast(binh, binh.id, "tq:x");
    expect(cancelled?.text).toBe("Đã thôi, đồng chí không cần trả lời câu hỏi này nữa.");
    await h.say(binh, binh.id, "Trần Thị Bình");
    expect(h.lastText(binh.id)).toBe(
      "Trợ lý chỉ hiểu các lệnh và nút bấm. Đồng chí gõ /help để xem hướng dẫn.",
    );
    expect(await fullNameOf(binh)).toBeNull();

    // Asked again: an invisible-only and a too long name are refused, the question stays open.
    await h.say(binh, binh.id, "/me");
    await pressLast(binh, binh.id, "me:name");
    await h.say(binh, binh.id, "\u200b\u200b");
    expect(h.lastText(binh.id)).toContain("Chưa có họ tên.");
    await h.say(binh, binh.id, `Trần Thị ${"Bình".repeat(30)}`);
    expect(h.lastText(binh.id)).toBe(
      "Họ tên dài quá 100 ký tự, Trợ lý chưa lưu. Xin đồng chí gõ lại cho gọn, hoặc bấm “Thôi”.",
    );
    await h.say(binh, binh.id, "Trần Thị Bình 🌸");
    expect(h.lastText(binh.id)).toContain("Trợ lý chưa lưu");
    expect(await fullNameOf(binh)).toBeNull();

    await h.say(binh, binh.id, "  Trần   Thị Bình ");
    expect(h.lastText(binh.id)).toBe(
      "✅ Đã lưu họ tên: Trần Thị Bình. Từ nay Trợ lý gọi đồng chí là “đồng chí Bình”.",
    );
    expect(await fullNameOf(binh)).toBe("Trần Thị Bình");

    // The cached person follows at once: /me and /members show the new name.
    await h.say(binh, binh.id, "/me");
    expect(h.lastText(binh.id)).toContain("Họ và tên: Trần Thị Bình");
    const groupSince = h.texts(kp1.chatId).length;
    await h.say(lan, kp1.chatId, "/members");
    const list = since(kp1.chatId, groupSince).join("\n");
    expect(list).toContain("Trần Thị Bình");
    expect(list).not.toContain("Bình Trần Thị");
  });

  it("refuses the button in a group and changes nothing", async () => {
    await h.say(son, kp2.chatId, "/me");
    const message = h.emulator.lastBotMessage(h.botAccount, kp2.chatId)!;
    expect(message.buttons).toEqual([]);
    // A forged press in the group.
    const update = await h.press(son, kp2.chatId, message.message_id, "me:name");
    expect(h.emulator.callbackAnswer(update.callback_query!.id)?.text).toBe(
      "Xin đồng chí gõ /me trong trò chuyện riêng với Trợ lý để sửa họ tên.",
    );
    expect(await prisma().pendingQuestion.count({ where: { userId: BigInt(son.id) } })).toBe(0);
    expect(await fullNameOf(son)).toBeNull();
  });

  it("numbers meetings per cell: Khu phố 2's first meeting is #1, and /close_meeting #1 there addresses it", async () => {
    const { meetings } = h.app.repos;
    const at = (day: number) => new Date(`2026-12-${day}T12:30:00Z`);
    const base = { kind: "regular", place: "Hội trường", title: null, createdByMemberId: null };
    const first = await meetings.create({ ...base, cellId: kp1.cell.id, startsAt: at(10) });
    const second = await meetings.create({ ...base, cellId: kp1.cell.id, startsAt: at(17) });
    const other = await meetings.create({ ...base, cellId: kp2.cell.id, startsAt: at(11) });
    expect([first.number, second.number, other.number]).toEqual([1, 2, 1]);
    expect(other.id).toBeGreaterThan(second.id);

    h.clock.set(new Date("2026-12-11T14:00:00Z"));
    const groupSince = h.texts(kp2.chatId).length;
    await h.say(son, kp2.chatId, "/meetings");
    const list = since(kp2.chatId, groupSince).join("\n");
    expect(list).toMatch(/^#1 · /m);
    expect(list).not.toContain(`#${other.id} `);

    await h.say(son, kp2.chatId, "/close_meeting #1");
    const asked = h.lastText(kp2.chatId)!;
    expect(asked).toContain("#1");
    expect(asked).toContain("chưa mở điểm danh");
    // Kp2's meeting is the one being closed: its confirmation button names it, not kp1's #1.
    const buttons = h.emulator.lastBotMessage(h.botAccount, kp2.chatId)!.buttons.map((b) => b.callback_data);
    expect(buttons.some((d) => d?.startsWith(`cm:${other.id}:`))).toBe(true);
    expect(buttons.some((d) => d?.startsWith(`cm:${first.id}:`))).toBe(false);

    // A number the cell does not have is refused (Khu phố 2 has no #2), whatever other cells have.
    await h.say(son, kp2.chatId, "/close_meeting #2");
    expect(h.lastText(kp2.chatId)).toBe(
      "Chi bộ không có cuộc họp số #2. Xin đồng chí xem số hiệu bằng /meetings.",
    );
    expect((await meetings.get(first.id))?.state).toBe("planned");
    expect((await meetings.get(second.id))?.state).toBe("planned");
  });

  it("gives concurrent creations in one cell distinct numbers", async () => {
    const { meetings } = h.app.repos;
    const base = { kind: "thematic", place: null, title: null, createdByMemberId: null, cellId: kp2.cell.id };
    const created = await Promise.all(
      [21, 22, 23, 24].map((day) =>
        meetings.create({ ...base, startsAt: new Date(`2026-12-${day}T12:30:00Z`) }),
      ),
    );
    expect(created.map((m) => m.number).sort()).toEqual([2, 3, 4, 5]);
  });
});
