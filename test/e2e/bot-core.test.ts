import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { createHarness, type Harness } from "../support/harness.ts";

describe.each(SUPPORTED_PROVIDERS)("bot core on %s", (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ provider });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("greets /start in a private chat in Vietnamese and records the member as reachable", async () => {
    const user = h.emulator.createUser({ firstName: "Hải", lastName: "Nguyễn" });
    h.emulator.startBot(h.botAccount, user);
    await h.flush();
    expect(h.lastText(user.id)).toContain("Kính chào đồng chí Hải!");
    const member = await h.app.repos.members.findByTelegramId(user.id);
    expect(member?.reachable).toBe(true);
  });

  it("switches to English with /lang en and stays English", async () => {
    const user = h.emulator.createUser({ firstName: "Lan" });
    h.emulator.startBot(h.botAccount, user);
    await h.flush();
    await h.say(user, user.id, "/lang en");
    expect(h.lastText(user.id)).toBe("Switched to English.");
    await h.say(user, user.id, "/help");
    expect(h.lastText(user.id)).toContain("How to use the Party Cell Assistant");
    await h.say(user, user.id, "/lang vi");
    expect(h.lastText(user.id)).toBe("Đã chuyển sang Tiếng Việt.");
  });

  it("offers language buttons and applies the pressed one to the presser only", async () => {
    const user = h.emulator.createUser({ firstName: "Minh" });
    h.emulator.startBot(h.botAccount, user);
    await h.flush();
    await h.say(user, user.id, "/lang");
    const prompt = h.emulator.lastBotMessage(h.botAccount, user.id)!;
    expect(prompt.buttons.map((b) => b.callback_data)).toEqual(["lang:vi", "lang:en"]);
    const update = await h.press(user, user.id, prompt.message_id, "lang:en");
    expect(h.emulator.callbackAnswer(update.callback_query!.id)?.text).toBe("Switched to English.");
    const member = await h.app.repos.members.findByTelegramId(user.id);
    expect(member?.locale).toBe("en");
  });

  it("answers an unknown command with a hint, and an invalid /lang with the choices", async () => {
    const user = h.emulator.createUser({ firstName: "Tâm" });
    h.emulator.startBot(h.botAccount, user);
    await h.flush();
    await h.say(user, user.id, "/khongco");
    expect(h.lastText(user.id)).toBe(
      "Trợ lý chưa hiểu lệnh /khongco. Đồng chí gõ /help để xem các lệnh có thể dùng.",
    );
    await h.say(user, user.id, "/lang klingon");
    expect(h.lastText(user.id)).toContain("chưa hỗ trợ ngôn ngữ “klingon”");
  });

  it("refuses an admin command from a non-admin with a message and changes nothing", async () => {
    const user = h.emulator.createUser({ firstName: "Bình" });
    h.emulator.startBot(h.botAccount, user);
    await h.flush();
    const prisma = h.app.database.prisma;
    const adminsBefore = await prisma.admin.count();
    const auditsBefore = await prisma.auditEntry.count();
    await h.say(user, user.id, `/add_admin ${user.id}`);
    expect(h.lastText(user.id)).toBe(
      "Lệnh này chỉ dành cho quản trị viên Đảng ủy. Đồng chí có thể xem thông tin của mình bằng /me.",
    );
    await h.say(user, user.id, "/admins");
    expect(h.lastText(user.id)).toContain("chỉ dành cho quản trị viên");
    expect(await prisma.admin.count()).toBe(adminsBefore);
    expect(await prisma.auditEntry.count()).toBe(auditsBefore);
  });

  it("lets an admin add an admin, audited, and the new admin is recognised", async () => {
    const newcomer = h.emulator.createUser({ firstName: "Phúc" });
    h.emulator.startBot(h.botAccount, h.admin);
    h.emulator.startBot(h.botAccount, newcomer);
    await h.flush();
    await h.say(h.admin, h.admin.id, `/add_admin ${newcomer.id}`);
    expect(h.lastText(h.admin.id)).toBe("Đã thêm Phúc làm quản trị viên Đảng ủy.");
    await h.say(h.admin, h.admin.id, `/add_admin ${newcomer.id}`);
    expect(h.lastText(h.admin.id)).toBe("Phúc đã là quản trị viên Đảng ủy.");
    await h.say(h.admin, h.admin.id, "/add_admin abc");
    expect(h.lastText(h.admin.id)).toContain("không phải là mã số Telegram hợp lệ");
    const audits = await h.app.repos.audit.list({ action: "admin.add" });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.targetId).toBe(String(newcomer.id));
    await h.say(newcomer, newcomer.id, "/admins");
    expect(h.lastText(newcomer.id)).toContain("Quản trị viên Đảng ủy (2):");
    await h.say(newcomer, newcomer.id, "/help");
    expect(h.lastText(newcomer.id)).toContain("/register_cell");
    const help = h.emulator.lastBotMessage(h.botAccount, newcomer.id)!;
    await h.press(newcomer, newcomer.id, help.message_id, help.buttons[0]!.callback_data!);
    expect(h.lastText(newcomer.id)).toContain("/add_admin");
  });

  it("shows /help by role: members do not see admin commands", async () => {
    const user = h.emulator.createUser({ firstName: "Quý" });
    h.emulator.startBot(h.botAccount, user);
    await h.flush();
    await h.say(user, user.id, "/help");
    expect(h.lastText(user.id)).toContain("/me");
    expect(h.lastText(user.id)).not.toContain("/add_admin");
  });

  it("shows /me with what exists: admin flag, reachability, language", async () => {
    h.emulator.startBot(h.botAccount, h.admin);
    await h.flush();
    await h.say(h.admin, h.admin.id, "/me");
    const text = h.lastText(h.admin.id)!;
    expect(text).toContain("Thông tin của đồng chí Quản trị");
    expect(text).toContain("Quản trị viên Đảng ủy");
    expect(text).toContain("Nhắc riêng: đã bật");
  });

  it("handles the same update delivered twice only once", async () => {
    const user = h.emulator.createUser({ firstName: "Đức" });
    const update = h.emulator.startBot(h.botAccount, user);
    await h.flush();
    const before = h.emulator.botMessages(h.botAccount, user.id).length;
    h.emulator.enqueueRaw(h.botAccount, update);
    await h.flush();
    await h.app.bot.handleUpdate(update);
    expect(h.emulator.botMessages(h.botAccount, user.id).length).toBe(before);
  });

  it("registers the command menu per language", () => {
    const vi = h.emulator.commands(h.botAccount);
    const en = h.emulator.commands(h.botAccount, { languageCode: "en" });
    expect(vi.map((c) => c.command)).toEqual(["start", "help", "me", "lang"]);
    expect(vi.find((c) => c.command === "me")?.description).toBe("Thông tin của tôi");
    expect(en.find((c) => c.command === "me")?.description).toBe("My details");
    const groupVi = h.emulator.commands(h.botAccount, { scope: { type: "all_group_chats" } });
    const groupEn = h.emulator.commands(h.botAccount, {
      scope: { type: "all_group_chats" },
      languageCode: "en",
    });
    expect(groupVi.map((c) => c.command)).toEqual([
      "meetings",
      "agenda",
      "tasks",
      "asks",
      "members",
      "groups",
      "help",
    ]);
    expect(groupVi[0]?.description).toBe("Lịch sinh hoạt của chi bộ");
    expect(groupEn[0]?.description).toBe("The cell's meetings");
  });

  it("ignores commands addressed to another bot in a group and hints for ours", async () => {
    const member = h.emulator.createUser({ firstName: "Hoa" });
    const group = h.emulator.createGroup({ title: "Chi bộ Khu phố 9", members: [h.admin, member] });
    h.emulator.addBotToChat(h.botAccount, group.id, { by: h.admin });
    await h.flush();
    const before = h.texts(group.id).length;
    await h.say(member, group.id, "/weather@other_bot");
    expect(h.texts(group.id).length).toBe(before);
    await h.say(member, group.id, "/khongco@chibo_test_bot");
    expect(h.lastText(group.id)).toContain("chưa hiểu lệnh /khongco");
  });

  it("follows a group upgraded to a supergroup", async () => {
    const group = h.emulator.createGroup({ title: "Chi bộ Khu phố 3", members: [h.admin] });
    h.emulator.addBotToChat(h.botAccount, group.id, { by: h.admin });
    await h.flush();
    const prisma = h.app.database.prisma;
    const org = await prisma.organisation.create({ data: { name: "Đảng bộ phường Test" } });
    const cell = await prisma.cell.create({
      data: { organisationId: org.id, name: "Chi bộ Khu phố 3", chatId: BigInt(group.id) },
    });
    const newId = h.emulator.upgradeToSupergroup(group.id);
    await h.flush();
    const after = await prisma.cell.findUniqueOrThrow({ where: { id: cell.id } });
    expect(Number(after.chatId)).toBe(newId);
  });
});

describe("error boundary", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ provider: "sqlite" });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("answers a failing update with a kind message and keeps serving the next ones", async () => {
    const user = h.emulator.createUser({ firstName: "Sơn" });
    h.emulator.startBot(h.botAccount, user);
    await h.flush();
    const members = h.app.repos.members;
    const original = members.findByTelegramId.bind(members);
    let failures = 1;
    members.findByTelegramId = async (id) => {
      if (failures-- > 0) throw new Error("database went away");
      return original(id);
    };
    try {
      await h.say(user, user.id, "/me");
      expect(h.lastText(user.id)).toBe(
        "Xin lỗi đồng chí, Trợ lý gặp sự cố khi xử lý yêu cầu này. Đồng chí vui lòng thử lại sau ít phút.",
      );
      await h.say(user, user.id, "/me");
      expect(h.lastText(user.id)).toContain("Thông tin của đồng chí Sơn");
    } finally {
      members.findByTelegramId = original;
    }
  });
});
