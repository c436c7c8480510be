// Command menus per audience, through the real service and the emulator's setMyCommands: the shared
// menus in both languages at start-up, and each secretary's, group leader's and admin's own private
// menu, in their language, following their roles as they change.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotCommandScope } from "grammy/types";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

describe.each(SUPPORTED_PROVIDERS)("command menus on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let secretary: User;
  let member: User;
  let leader: User;
  let newcomer: User;

  const menu = (scope: BotCommandScope | undefined, languageCode?: string) =>
    h.emulator
      .commands(h.botAccount, {
        ...(scope ? { scope } : {}),
        ...(languageCode ? { languageCode } : {}),
      })
      .map((c) => c.command);
  const own = (user: User) =>
    h.emulator.commands(h.botAccount, { scope: { type: "chat", chat_id: user.id } });
  const ownCommands = (user: User) => own(user).map((c) => c.command);
  /** What the user's Telegram app shows in their private chat, with its language. */
  const shownPrivately = (user: User, languageCode: string) =>
    h.emulator
      .commands(h.botAccount, { scope: { type: "chat", chat_id: user.id }, languageCode, fallback: true })
      .map((c) => c.command);

  beforeAll(async () => {
    h = await createHarness({ provider });
    secretary = h.emulator.createUser({ firstName: "Lan", username: "lan_bithu", languageCode: "vi" });
    member = h.emulator.createUser({ firstName: "Hải", username: "hai_dv", languageCode: "en" });
    leader = h.emulator.createUser({ firstName: "Tâm", username: "tam_tt" });
    newcomer = h.emulator.createUser({ firstName: "Mới", username: "moi_dv" });
    cell = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: secretary, role: "secretary" },
      { user: member },
      { user: leader, role: "group_leader" },
      { user: newcomer, started: false },
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("registers everyone's, the groups' and the group administrators' menus in Vietnamese and English", () => {
    const everyday = h.emulator.commands(h.botAccount);
    expect(everyday).toEqual([
      { command: "start", description: "Bắt đầu và nhận nhắc việc riêng" },
      { command: "help", description: "Hướng dẫn sử dụng" },
      { command: "me", description: "Thông tin của tôi" },
      { command: "lang", description: "Đổi ngôn ngữ" },
    ]);
    expect(h.emulator.commands(h.botAccount, { languageCode: "en" })).toEqual([
      { command: "start", description: "Start and receive private reminders" },
      { command: "help", description: "How to use the assistant" },
      { command: "me", description: "My details" },
      { command: "lang", description: "Change language" },
    ]);
    const groups = { type: "all_group_chats" } as const;
    expect(menu(groups)).toEqual(["meetings", "agenda", "tasks", "asks", "members", "groups", "help"]);
    expect(h.emulator.commands(h.botAccount, { scope: groups, languageCode: "en" })[0]).toEqual({
      command: "meetings",
      description: "The cell's meetings",
    });
    const admins = { type: "all_chat_administrators" } as const;
    for (const languageCode of [undefined, "en"]) {
      const list = menu(admins, languageCode);
      expect(list.slice(0, 4)).toEqual(["meeting", "meetings", "agenda", "checkin"]);
      expect(list).toContain("invite");
      // The prompts that work in the group: asking and reading results for managers, the list for all.
      expect(list).toEqual(expect.arrayContaining(["ask", "results", "asks"]));
      expect(list).not.toContain("close_ask"); // typed with a number, from the results
      expect(list).not.toContain("role"); // a private-chat matter
      expect(list).not.toContain("add_admin");
      expect(list.at(-1)).toBe("help");
    }
    expect(h.emulator.commands(h.botAccount, { scope: admins })[0]).toEqual({
      command: "meeting",
      description: "Thông báo buổi sinh hoạt",
    });
  });

  it("gives secretaries and group leaders their own menu at start-up, and plain members none", async () => {
    // Seeded through the repositories: nothing has told Telegram yet.
    expect(own(secretary)).toEqual([]);
    await h.restart();
    expect(ownCommands(secretary).slice(0, 3)).toEqual(["meeting", "meetings", "agenda"]);
    expect(ownCommands(secretary)).toEqual(expect.arrayContaining(["role", "import", "settings", "lang"]));
    expect(ownCommands(secretary)).not.toContain("add_admin");
    expect(own(secretary)[0]).toEqual({ command: "meeting", description: "Thông báo buổi sinh hoạt" });
    expect(ownCommands(leader)).toEqual([
      "meetings",
      "agenda",
      "checkin",
      "task",
      "tasks",
      "review",
      "asks",
      "members",
      "groups",
      "start",
      "help",
      "me",
      "lang",
    ]);
    expect(own(member)).toEqual([]);
    // The member's app falls back to everyone's menu in their language.
    expect(shownPrivately(member, "en")).toEqual(["start", "help", "me", "lang"]);
    // The admin never wrote to the bot: Telegram would refuse a menu for a chat that does not exist.
    expect(own(h.admin)).toEqual([]);
  });

  it("gives a member made secretary a menu in their language, and takes it away when demoted", async () => {
    await h.say(member, member.id, "/lang en");
    expect(own(member)).toEqual([]);
    await h.say(secretary, cell.chatId, "/role @hai_dv phó bí thư");
    expect(h.lastText(cell.chatId)).toContain("Phó Bí thư");
    expect(own(member).slice(0, 2)).toEqual([
      { command: "meeting", description: "Announce a meeting" },
      { command: "meetings", description: "The cell's meetings" },
    ]);
    expect(shownPrivately(member, "vi")).toContain("meeting_schedule");

    // A change of language follows into the menu.
    await h.say(member, member.id, "/lang vi");
    expect(own(member)[0]).toEqual({ command: "meeting", description: "Thông báo buổi sinh hoạt" });

    await h.say(secretary, cell.chatId, "/role @hai_dv đảng viên");
    expect(own(member)).toEqual([]);
    expect(shownPrivately(member, "en")).toEqual(["start", "help", "me", "lang"]);
  });

  it("follows a party group's leadership: the new leader gets /checkin, the former one loses it", async () => {
    await h.say(secretary, cell.chatId, "/group new Tổ 1");
    await h.say(secretary, cell.chatId, "/group leader Tổ 1 @hai_dv");
    expect(h.lastText(cell.chatId)).toContain("Tổ 1");
    expect(ownCommands(member)).toContain("checkin");
    expect(ownCommands(member)).not.toContain("meeting");
    // Another leader for the group: Hải leads nothing any more and is a plain member again.
    await h.say(secretary, cell.chatId, "/group leader Tổ 1 @tam_tt");
    expect(h.lastText(cell.chatId)).toContain("Tâm");
    expect(own(member)).toEqual([]);
    expect(ownCommands(leader)).toContain("checkin");
  });

  it("gives an admin the committee's commands when they open the chat, and a new admin at once", async () => {
    await h.say(h.admin, h.admin.id, "/start");
    const adminMenu = ownCommands(h.admin);
    expect(adminMenu).toEqual(
      expect.arrayContaining(["meeting", "role", "add_admin", "admins", "export_member", "erase_member"]),
    );
    expect(adminMenu.indexOf("erase_member")).toBeLessThan(adminMenu.indexOf("help"));
    expect(adminMenu).not.toContain("register_cell"); // typed in the group being registered

    await h.say(h.admin, h.admin.id, `/add_admin ${member.id}`);
    expect(ownCommands(member)).toEqual(expect.arrayContaining(["add_admin", "meeting"]));
  });

  it("gives a newcomer nothing until they open the chat, then their role's menu", async () => {
    const menuCalls = () =>
      h.emulator.calls().filter((c) => c.method === "setMyCommands" || c.method === "deleteMyCommands")
        .length;
    const callsBefore = menuCalls();
    await h.say(secretary, cell.chatId, "/role @moi_dv tổ trưởng");
    expect(h.lastText(cell.chatId)).toContain("Tổ trưởng");
    // They never opened the private chat, which Telegram would refuse a menu for: no call at all.
    expect(menuCalls()).toBe(callsBefore);
    expect(own(newcomer)).toEqual([]);
    h.emulator.startBot(h.botAccount, newcomer);
    await h.flush();
    expect(ownCommands(newcomer)).toContain("checkin");
  });

  it("gives a deputy imported from a roster their menu when they claim their record", async () => {
    const csv = ["Họ và tên,Vai trò,Tổ đảng,Tình trạng", "Phạm Văn Phó,phó bí thư,,chính thức"].join("\n");
    h.emulator.sendDocument(h.botAccount, secretary, cell.chatId, {
      fileName: "danh-sach.csv",
      mimeType: "text/csv",
      content: Buffer.from(csv, "utf8"),
      caption: "/import",
    });
    await h.flush();
    const link = /Phạm Văn Phó: https:\/\/t\.me\/chibo_test_bot\?start=(c_[\w-]+)/.exec(
      h.texts(secretary.id).join("\n"),
    );
    expect(link).not.toBeNull();
    const deputy = h.emulator.createUser({ firstName: "Phó", username: "pham_pho" });
    h.emulator.startBot(h.botAccount, deputy, link![1]);
    await h.flush();
    expect(h.lastText(deputy.id)).toContain("Chi bộ Khu phố 1");
    expect(ownCommands(deputy).slice(0, 2)).toEqual(["meeting", "meetings"]);
  });

  it("removes an erased person's menu", async () => {
    expect(ownCommands(leader)).toContain("checkin");
    await h.say(h.admin, h.admin.id, `/erase_member ${leader.id}`);
    const confirm = h.emulator.lastBotMessage(h.botAccount, h.admin.id)!;
    const data = confirm.buttons[0]!.callback_data!;
    await h.press(h.admin, h.admin.id, confirm.message_id, data);
    expect(h.lastText(h.admin.id)).toContain("Đã xoá");
    expect(own(leader)).toEqual([]);
  });
});
