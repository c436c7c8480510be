import { describe, expect, it } from "vitest";
import { apiFor, emulator, telegramError } from "./helpers.ts";

describe("private chats", () => {
  it("refuses to write first to a user who never started the bot", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const user = emu.createUser();
    const api = apiFor(emu, bot.token);

    const error = await telegramError(api.sendMessage(user.id, "Xin chào"));
    expect(error.error_code).toBe(403);
    expect(error.description).toBe("Forbidden: bot can't initiate conversation with a user");

    const unknown = await telegramError(api.sendMessage(7_999_999_999, "?"));
    expect(unknown.error_code).toBe(400);
    expect(unknown.description).toBe("Bad Request: chat not found");
  });

  it("starts with a deep-link payload, then answers 403 once blocked and recovers on unblock", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const user = emu.createUser({ firstName: "Minh", languageCode: "vi" });
    const api = apiFor(emu, bot.token);

    const start = emu.startBot(bot, user, "join_42");
    expect(start.message?.text).toBe("/start join_42");
    expect(start.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
    expect(start.message?.from?.language_code).toBe("vi");
    await api.sendMessage(user.id, "Chào Minh");

    emu.blockBot(bot, user);
    const blocked = await telegramError(api.sendMessage(user.id, "Nhắc họp"));
    expect(blocked.error_code).toBe(403);
    expect(blocked.description).toBe("Forbidden: bot was blocked by the user");

    const updates = emu.takeUpdates(bot);
    const change = updates.find((u) => u.my_chat_member)?.my_chat_member;
    expect(change?.old_chat_member.status).toBe("member");
    expect(change?.new_chat_member.status).toBe("kicked");

    emu.unblockBot(bot, user);
    await expect(api.sendMessage(user.id, "Lại")).resolves.toMatchObject({ text: "Lại" });
  });
});

describe("groups", () => {
  it("filters group messages by privacy mode", async () => {
    const emu = await emulator();
    const bot = emu.createBot({ username: "chibo_cell_bot" });
    const other = emu.createBot({ username: "other_helper_bot" });
    const [secretary, member] = [
      emu.createUser({ firstName: "Bí thư" }),
      emu.createUser({ firstName: "Đảng viên" }),
    ];
    const group = emu.createGroup({ title: "Chi bộ 3", members: [secretary, member], admins: [secretary] });
    emu.addBotToChat(bot, group.id, { by: secretary });
    emu.takeUpdates(bot);
    const api = apiFor(emu, bot.token);
    const botMessage = await api.sendMessage(group.id, "Ai tham dự?");

    expect(emu.sendText(bot, member, group.id, "chuyện phiếm").update_id).toBe(0);
    expect(emu.sendText(bot, member, group.id, "/meeting@other_helper_bot").update_id).toBe(0);
    const delivered = [
      emu.sendText(bot, member, group.id, "/meeting mai 9h"),
      emu.sendText(bot, member, group.id, "/meeting@chibo_cell_bot"),
      emu.sendText(bot, member, group.id, "hỏi @chibo_cell_bot nhé"),
      emu.sendText(bot, member, group.id, "tôi có", { replyToMessageId: botMessage.message_id }),
      emu.sendText(bot, member, group.id, "bạn ơi", { mentions: [{ user: bot.user, offset: 0, length: 3 }] }),
    ];
    for (const u of delivered) expect(u.update_id).toBeGreaterThan(0);
    expect(emu.takeUpdates(bot).map((u) => u.message?.text)).toEqual(delivered.map((u) => u.message?.text));
    // Everything is in the chat even though the bot did not see it.
    expect(emu.messages(group.id).filter((m) => m.from?.id === member.id)).toHaveLength(7);

    emu.addBotToChat(other, group.id, { by: secretary, privacyMode: false });
    emu.takeUpdates(other);
    emu.sendText(other, member, group.id, "chuyện phiếm 2");
    expect(emu.takeUpdates(other).map((u) => u.message?.text)).toEqual(["chuyện phiếm 2"]);
  });

  it("lets an admin bot see everything and reports members and admins", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const [a, b] = [emu.createUser(), emu.createUser()];
    const group = emu.createGroup({ title: "Chi bộ 1", type: "supergroup", members: [a, b], creator: a });
    expect(group.id).toBeLessThan(-1_000_000_000_000);
    emu.addBotToChat(bot, group.id, { by: a, asAdmin: true });
    const joined = emu.takeUpdates(bot);
    expect(joined[0]?.my_chat_member?.new_chat_member.status).toBe("administrator");
    expect(joined[1]?.message?.new_chat_members?.[0]?.id).toBe(bot.id);

    emu.sendText(bot, b, group.id, "không phải lệnh");
    expect(emu.takeUpdates(bot)).toHaveLength(1);

    const api = apiFor(emu, bot.token);
    expect((await api.getChatMember(group.id, a.id)).status).toBe("creator");
    expect((await api.getChatMember(group.id, b.id)).status).toBe("member");
    expect((await api.getChatAdministrators(group.id)).map((m) => m.user.id).sort()).toEqual(
      [a.id, bot.id].sort(),
    );
    expect(await api.getChat(group.id)).toMatchObject({
      id: group.id,
      type: "supergroup",
      title: "Chi bộ 1",
    });
  });

  it("reports chat_member changes only when allowed_updates asks for them", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const [a, b, c] = [emu.createUser(), emu.createUser(), emu.createUser()];
    const group = emu.createGroup({ title: "Chi bộ 2", type: "supergroup", members: [a], creator: a });
    emu.addBotToChat(bot, group.id, { by: a, asAdmin: true });
    emu.takeUpdates(bot);

    emu.addMember(group.id, b);
    expect(emu.takeUpdates(bot).map((u) => Object.keys(u)[1])).toEqual(["message"]);

    emu.setAllowedUpdates(bot, ["message", "chat_member", "my_chat_member"]);
    emu.addMember(group.id, c);
    emu.removeMember(group.id, b);
    const updates = emu.takeUpdates(bot);
    expect(updates.map((u) => Object.keys(u)[1])).toEqual([
      "chat_member",
      "message",
      "chat_member",
      "message",
    ]);
    expect(updates[0]?.chat_member?.new_chat_member).toMatchObject({ status: "member", user: { id: c.id } });
    expect(updates[3]?.message?.left_chat_member?.id).toBe(b.id);
  });

  it("upgrades a group to a supergroup and answers 400 with migrate_to_chat_id for the old id", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const admin = emu.createUser();
    const group = emu.createGroup({ title: "Chi bộ 5", members: [admin], admins: [admin] });
    emu.addBotToChat(bot, group.id, { by: admin });
    const api = apiFor(emu, bot.token);
    const before = await api.sendMessage(group.id, "trước");
    emu.takeUpdates(bot);

    const newId = emu.upgradeToSupergroup(group.id);
    expect(String(newId)).toMatch(/^-100\d+$/);
    const service = emu.takeUpdates(bot).map((u) => u.message);
    expect(service[0]).toMatchObject({ chat: { id: group.id }, migrate_to_chat_id: newId });
    expect(service[1]).toMatchObject({
      chat: { id: newId, type: "supergroup" },
      migrate_from_chat_id: group.id,
    });

    const send = await telegramError(api.sendMessage(group.id, "sau"));
    expect(send.error_code).toBe(400);
    expect(send.description).toBe("Bad Request: group chat was upgraded to a supergroup chat");
    expect(send.parameters.migrate_to_chat_id).toBe(newId);
    const edit = await telegramError(api.editMessageText(group.id, before.message_id, "x"));
    expect(edit.parameters.migrate_to_chat_id).toBe(newId);

    await expect(api.sendMessage(newId, "sau")).resolves.toMatchObject({ chat: { id: newId } });
  });

  it("produces my_chat_member and service messages when the bot is removed, then refuses sends", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const admin = emu.createUser();
    const group = emu.createGroup({
      title: "Chi bộ 6",
      type: "supergroup",
      members: [admin],
      creator: admin,
    });
    emu.addBotToChat(bot, group.id, { by: admin });
    emu.takeUpdates(bot);
    emu.removeBotFromChat(bot, group.id, { by: admin });
    const updates = emu.takeUpdates(bot);
    expect(updates[0]?.my_chat_member).toMatchObject({
      from: { id: admin.id },
      old_chat_member: { status: "member" },
      new_chat_member: { status: "kicked" },
    });
    expect(updates[1]?.message?.left_chat_member?.id).toBe(bot.id);
    const error = await telegramError(apiFor(emu, bot.token).sendMessage(group.id, "còn đây không?"));
    expect(error.error_code).toBe(403);
    expect(error.description).toBe("Forbidden: bot was kicked from the supergroup chat");
  });

  it("lets the bot leave a basic group", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const admin = emu.createUser();
    const group = emu.createGroup({ title: "Chi bộ 7", members: [admin] });
    emu.addBotToChat(bot, group.id, { by: admin });
    const api = apiFor(emu, bot.token);
    expect(await api.leaveChat(group.id)).toBe(true);
    const error = await telegramError(api.sendMessage(group.id, "x"));
    expect(error.description).toBe("Forbidden: bot is not a member of the group chat");
  });

  it("delivers channel posts to admin bots and lets them post", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const owner = emu.createUser();
    const channel = emu.createChannel({
      title: "Bản tin phường",
      username: "ban_tin_phuong",
      admins: [owner],
    });
    emu.addBotToChat(bot, channel.id, { by: owner, asAdmin: true });
    emu.takeUpdates(bot);
    const post = emu.sendText(bot, owner, channel.id, "Thông báo");
    expect(post.channel_post?.sender_chat?.id).toBe(channel.id);
    const sent = await apiFor(emu, bot.token).sendMessage("@ban_tin_phuong", "Tin mới");
    expect(sent.chat.id).toBe(channel.id);
    expect(sent.from).toBeUndefined();
    expect(emu.botMessages(bot, channel.id)).toHaveLength(1);
  });
});
