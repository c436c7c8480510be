import { InputFile } from "grammy";
import { describe, expect, it } from "vitest";
import { apiFor, emulator, telegramError } from "./helpers.ts";

/** A 1×1 PNG with its size in the header set to 64×48. */
function png(width: number, height: number): Buffer {
  const data = Buffer.alloc(33);
  data.writeUInt32BE(0x89504e47, 0);
  data.writeUInt32BE(0x0d0a1a0a, 4);
  data.writeUInt32BE(13, 8);
  data.write("IHDR", 12, "latin1");
  data.writeUInt32BE(width, 16);
  data.writeUInt32BE(height, 20);
  return data;
}

describe("files", () => {
  it("lets the bot download a document a user sent", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const user = emu.createUser();
    emu.startBot(bot, user);
    const content = Buffer.from("Họ tên,Chi bộ\nAn,3\n", "utf8");
    const update = emu.sendDocument(bot, user, user.id, {
      fileName: "danh-sach.csv",
      mimeType: "text/csv",
      content,
      caption: "/import",
    });
    const document = update.message?.document;
    expect(document).toMatchObject({
      file_name: "danh-sach.csv",
      mime_type: "text/csv",
      file_size: content.length,
    });
    expect(update.message?.caption_entities).toEqual([{ type: "bot_command", offset: 0, length: 7 }]);

    const api = apiFor(emu, bot.token);
    const file = await api.getFile(document?.file_id ?? "");
    expect(file.file_size).toBe(content.length);
    const res = await fetch(`${emu.apiRoot}/file/bot${bot.token}/${file.file_path ?? ""}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(content)).toBe(true);

    const missing = await fetch(`${emu.apiRoot}/file/bot${bot.token}/documents/nope.csv`);
    expect(missing.status).toBe(404);
    expect((await telegramError(api.getFile("nope"))).description).toBe("Bad Request: invalid file_id");
  });

  it("gives voice messages a downloadable file", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const user = emu.createUser();
    emu.startBot(bot, user);
    const update = emu.sendVoice(bot, user, user.id, { duration: 3 });
    expect(update.message?.voice).toMatchObject({ duration: 3, mime_type: "audio/ogg" });
    const file = await apiFor(emu, bot.token).getFile(update.message?.voice?.file_id ?? "");
    expect(file.file_path).toMatch(/^voice\/.+\.oga$/);
  });

  it("records documents and photos the bot uploads with multipart/form-data", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const user = emu.createUser();
    emu.startBot(bot, user);
    const api = apiFor(emu, bot.token);
    const bytes = Buffer.from("PK\u0003\u0004 fake xlsx");

    const sent = await api.sendDocument(user.id, new InputFile(bytes, "Báo cáo tháng 3.xlsx"), {
      caption: "<b>Báo cáo</b>",
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "Mở", url: "https://example.org/r" }]] },
    });
    expect(sent.document).toMatchObject({
      file_name: "Báo cáo tháng 3.xlsx",
      file_size: bytes.length,
      mime_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(sent.caption).toBe("Báo cáo");
    const stored = emu.lastBotMessage(bot, user.id);
    expect(stored?.kind).toBe("document");
    expect(stored?.document).toMatchObject({ fileName: "Báo cáo tháng 3.xlsx", size: bytes.length });
    expect(stored?.buttons).toEqual([{ text: "Mở", url: "https://example.org/r" }]);
    expect(emu.fileBytes(sent.document?.file_id ?? "")?.equals(bytes)).toBe(true);

    const resent = await api.sendDocument(user.id, sent.document?.file_id ?? "");
    expect(resent.document?.file_id).toBe(sent.document?.file_id);

    const photo = await api.sendPhoto(user.id, new InputFile(png(64, 48), "chart.png"));
    expect(photo.photo?.at(-1)).toMatchObject({ width: 64, height: 48 });
    expect(emu.lastBotMessage(bot, user.id)?.photo).toMatchObject({ width: 64, height: 48 });

    const edited = await api.editMessageCaption(user.id, photo.message_id, { caption: "Biểu đồ" });
    expect(edited).toMatchObject({ caption: "Biểu đồ" });
    const noText = await telegramError(api.editMessageText(user.id, photo.message_id, "x"));
    expect(noText.description).toBe("Bad Request: there is no text in the message to edit");
  });
});

describe("commands", () => {
  it("keeps command lists per scope and language", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const admin = emu.createUser();
    const group = emu.createGroup({ title: "Chi bộ", type: "supergroup", members: [admin], creator: admin });
    emu.addBotToChat(bot, group.id, { by: admin });
    const api = apiFor(emu, bot.token);

    await api.setMyCommands([
      { command: "start", description: "Start" },
      { command: "help", description: "Help" },
    ]);
    await api.setMyCommands([{ command: "start", description: "Bắt đầu" }], { language_code: "vi" });
    await api.setMyCommands([{ command: "meeting", description: "Tạo cuộc họp" }], {
      scope: { type: "chat_administrators", chat_id: group.id },
      language_code: "vi",
    });

    expect((await api.getMyCommands()).map((c) => c.command)).toEqual(["start", "help"]);
    expect(await api.getMyCommands({ language_code: "vi" })).toEqual([
      { command: "start", description: "Bắt đầu" },
    ]);
    expect(await api.getMyCommands({ language_code: "fr" })).toEqual([]);
    expect(
      await api.getMyCommands({
        scope: { type: "chat_administrators", chat_id: group.id },
        language_code: "vi",
      }),
    ).toEqual([{ command: "meeting", description: "Tạo cuộc họp" }]);

    expect(emu.commands(bot, { languageCode: "vi" })).toEqual([{ command: "start", description: "Bắt đầu" }]);
    expect(emu.commands(bot, { languageCode: "fr" })).toEqual([]);
    expect(emu.commands(bot, { languageCode: "fr", fallback: true }).map((c) => c.command)).toEqual([
      "start",
      "help",
    ]);

    const invalid = await telegramError(api.setMyCommands([{ command: "Họp", description: "x" }]));
    expect(invalid.description).toBe("Bad Request: BOT_COMMAND_INVALID");

    await api.deleteMyCommands({ language_code: "vi" });
    expect(emu.commands(bot, { languageCode: "vi" })).toEqual([]);
    expect(await api.setChatMenuButton({ menu_button: { type: "commands" } })).toBe(true);
  });
});
