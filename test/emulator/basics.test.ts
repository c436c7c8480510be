import { describe, expect, it } from "vitest";
import { apiFor, emulator, telegramError } from "./helpers.ts";

describe("emulator basics", () => {
  it("answers getMe for the bot's token and 401 for an unknown one", async () => {
    const emu = await emulator();
    const bot = emu.createBot({ username: "chibo_cell_bot", firstName: "Chibo" });
    const me = await apiFor(emu, bot.token).getMe();
    expect(me).toMatchObject({ id: bot.id, is_bot: true, username: "chibo_cell_bot", first_name: "Chibo" });
    expect(me.can_read_all_group_messages).toBe(false);

    const error = await telegramError(apiFor(emu, "123:wrong").getMe());
    expect(error.error_code).toBe(401);
    expect(error.description).toBe("Unauthorized");
  });

  it("answers unknown methods with 404 Not Found and accepts any case in method names", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const res = await fetch(`${emu.apiRoot}/bot${bot.token}/sendTelepathy`, { method: "POST" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" });

    const upper = await fetch(`${emu.apiRoot}/bot${bot.token}/GETME`);
    expect(((await upper.json()) as { ok: boolean }).ok).toBe(true);
  });

  it("accepts query-string and urlencoded parameters", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const user = emu.createUser();
    emu.startBot(bot, user);
    const viaQuery = await fetch(`${emu.apiRoot}/bot${bot.token}/sendMessage?chat_id=${user.id}&text=hello`);
    expect(await viaQuery.json()).toMatchObject({
      ok: true,
      result: { text: "hello", chat: { id: user.id } },
    });
    const viaForm = await fetch(`${emu.apiRoot}/bot${bot.token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ chat_id: String(user.id), text: "form" }).toString(),
    });
    expect(await viaForm.json()).toMatchObject({ ok: true, result: { text: "form" } });
    expect(emu.botMessages(bot, user.id).map((m) => m.text)).toEqual(["hello", "form"]);
  });

  it("sends, edits and deletes messages and records them per chat", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const user = emu.createUser({ firstName: "Lan" });
    emu.startBot(bot, user);
    const api = apiFor(emu, bot.token);

    const sent = await api.sendMessage(user.id, "Họp chi bộ <b>thứ Năm</b>", {
      parse_mode: "HTML",
      reply_markup: {
        inline_keyboard: [
          [
            { text: "Có", callback_data: "rsvp:1:y" },
            { text: "Không", callback_data: "rsvp:1:n" },
          ],
        ],
      },
    });
    expect(sent.text).toBe("Họp chi bộ thứ Năm");
    expect(sent.entities).toEqual([{ type: "bold", offset: 11, length: 7 }]);
    expect(sent.from?.id).toBe(bot.id);

    const stored = emu.lastBotMessage(bot, user.id);
    expect(stored?.buttons).toEqual([
      { text: "Có", callback_data: "rsvp:1:y" },
      { text: "Không", callback_data: "rsvp:1:n" },
    ]);
    expect(stored?.parse_mode).toBe("HTML");

    const edited = await api.editMessageText(user.id, sent.message_id, "Đã ghi nhận");
    expect(edited).toMatchObject({ text: "Đã ghi nhận", message_id: sent.message_id });
    expect((edited as { reply_markup?: unknown }).reply_markup).toBeUndefined();
    expect(stored?.edits).toBe(1);
    expect(stored?.buttons).toEqual([]);
    expect(stored?.editHistory[0]?.text).toBe("Họp chi bộ thứ Năm");

    const notModified = await telegramError(api.editMessageText(user.id, sent.message_id, "Đã ghi nhận"));
    expect(notModified.error_code).toBe(400);
    expect(notModified.description).toMatch(/^Bad Request: message is not modified: /);

    await api.editMessageReplyMarkup(user.id, sent.message_id, {
      reply_markup: { inline_keyboard: [[{ text: "Hủy", callback_data: "x" }]] },
    });
    expect(emu.lastBotMessage(bot, user.id)?.buttons).toEqual([{ text: "Hủy", callback_data: "x" }]);

    expect(await api.deleteMessage(user.id, sent.message_id)).toBe(true);
    expect(emu.messages(user.id).find((m) => m.message_id === sent.message_id)?.deleted).toBe(true);

    const gone = await telegramError(api.editMessageText(user.id, sent.message_id, "again"));
    expect(gone.description).toBe("Bad Request: message to edit not found");
    const deleteAgain = await telegramError(api.deleteMessage(user.id, sent.message_id));
    expect(deleteAgain.description).toBe("Bad Request: message to delete not found");
  });

  it("rejects malformed HTML and oversized callback data like Telegram", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const user = emu.createUser();
    emu.startBot(bot, user);
    const api = apiFor(emu, bot.token);

    const html = await telegramError(api.sendMessage(user.id, "Nguyễn <Văn> A", { parse_mode: "HTML" }));
    expect(html.error_code).toBe(400);
    expect(html.description).toBe(
      `Bad Request: can't parse entities: Unsupported start tag "Văn" at byte offset 9`,
    );

    const md = await telegramError(api.sendMessage(user.id, "Họp lúc 9.30", { parse_mode: "MarkdownV2" }));
    expect(md.description).toBe(
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    );

    const data = await telegramError(
      api.sendMessage(user.id, "x", {
        reply_markup: { inline_keyboard: [[{ text: "a", callback_data: "đ".repeat(40) }]] },
      }),
    );
    expect(data.description).toBe("Bad Request: BUTTON_DATA_INVALID");
    expect(emu.botMessages(bot, user.id)).toHaveLength(0);
  });

  it("delivers replies with reply_to_message and rejects replies to missing messages", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const user = emu.createUser();
    const start = emu.startBot(bot, user);
    const api = apiFor(emu, bot.token);
    const startId = start.message?.message_id ?? 0;

    const reply = await api.sendMessage(user.id, "Chào", { reply_parameters: { message_id: startId } });
    expect(reply.reply_to_message?.text).toBe("/start");

    const prompt = await api.sendMessage(user.id, "Lý do vắng?", { reply_markup: { force_reply: true } });
    expect(emu.lastBotMessage(bot, user.id)?.reply_markup).toEqual({ force_reply: true });
    const answer = emu.sendText(bot, user, user.id, "Ốm", { replyToMessageId: prompt.message_id });
    expect(answer.message?.reply_to_message?.message_id).toBe(prompt.message_id);

    const missing = await telegramError(
      api.sendMessage(user.id, "x", { reply_parameters: { message_id: 999 } }),
    );
    expect(missing.description).toBe("Bad Request: message to be replied not found");
  });

  it("answers a callback query once and remembers the answer", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const user = emu.createUser();
    emu.startBot(bot, user);
    const api = apiFor(emu, bot.token);
    const sent = await api.sendMessage(user.id, "Tham dự?", {
      reply_markup: { inline_keyboard: [[{ text: "Có", callback_data: "rsvp:7:y" }]] },
    });
    emu.takeUpdates(bot);

    const update = emu.pressButton(bot, user, user.id, sent.message_id, "rsvp:7:y");
    const query = update.callback_query;
    expect(query?.data).toBe("rsvp:7:y");
    expect(query?.message?.message_id).toBe(sent.message_id);
    expect(emu.takeUpdates(bot)).toEqual([update]);

    expect(await api.answerCallbackQuery(query?.id ?? "", { text: "Đã ghi nhận", show_alert: true })).toBe(
      true,
    );
    expect(emu.callbackAnswer(query?.id ?? "")).toEqual({ text: "Đã ghi nhận", show_alert: true });

    const again = await telegramError(api.answerCallbackQuery(query?.id ?? ""));
    expect(again.error_code).toBe(400);
    expect(again.description).toBe(
      "Bad Request: query is too old and response timeout expired or query ID is invalid",
    );
  });

  it("waits for a bot message that arrives or is edited later", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const user = emu.createUser();
    emu.startBot(bot, user);
    const api = apiFor(emu, bot.token);
    const first = await api.sendMessage(user.id, "Đang xử lý");

    const waiting = emu.waitForBotMessage(bot, user.id, (m) => m.text === "Xong", 2000);
    await api.editMessageText(user.id, first.message_id, "Xong");
    expect((await waiting).message_id).toBe(first.message_id);

    const next = emu.waitForBotMessage(bot, user.id, undefined, { afterMessageId: first.message_id });
    const second = await api.sendMessage(user.id, "Tiếp");
    expect((await next).message_id).toBe(second.message_id);

    await expect(emu.waitForBotMessage(bot, user.id, (m) => m.text === "never", 50)).rejects.toThrow(
      /No matching message/,
    );
  });

  it("uses the injected clock for message dates", async () => {
    let now = Date.UTC(2030, 0, 1, 8, 0, 0);
    const emu = await emulator({ now: () => now });
    const bot = emu.createBot();
    const user = emu.createUser();
    const start = emu.startBot(bot, user);
    expect(start.message?.date).toBe(Date.UTC(2030, 0, 1, 8, 0, 0) / 1000);
    now += 3 * 24 * 3600 * 1000;
    const sent = await apiFor(emu, bot.token).sendMessage(user.id, "later");
    expect(sent.date).toBe(Date.UTC(2030, 0, 4, 8, 0, 0) / 1000);
  });
});
