// copyMessage: a copy of a user's voice note, a text or a document goes to another chat as the
// bot's own message with the same file (no download), and what cannot be copied is refused.
import { describe, expect, it } from "vitest";
import { apiFor, emulator, telegramError } from "./helpers.ts";

describe("copyMessage", () => {
  it("copies a voice note, a text and a document with their captions and file ids", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const member = emu.createUser({ firstName: "An" });
    const secretary = emu.createUser({ firstName: "Lan" });
    emu.startBot(bot, member);
    emu.startBot(bot, secretary);
    const api = apiFor(emu, bot.token);

    const voice = emu.sendVoice(bot, member, member.id, { duration: 12 }).message!;
    const copied = await api.copyMessage(secretary.id, member.id, voice.message_id);
    const stored = emu.lastBotMessage(bot, secretary.id)!;
    expect(stored.message_id).toBe(copied.message_id);
    expect(stored.kind).toBe("voice");
    expect(stored.voice).toMatchObject({ fileId: voice.voice!.file_id, duration: 12 });
    expect(stored.message.forward_origin).toBeUndefined();

    const withCaption = await api.copyMessage(secretary.id, member.id, voice.message_id, {
      caption: "Báo cáo của An",
    });
    expect(emu.lastBotMessage(bot, secretary.id)).toMatchObject({
      message_id: withCaption.message_id,
      kind: "voice",
      text: "Báo cáo của An",
    });

    const text = emu.sendText(bot, member, member.id, "Đã xong phần *đầu*").message!;
    await api.copyMessage(secretary.id, member.id, text.message_id);
    expect(emu.lastBotMessage(bot, secretary.id)).toMatchObject({ kind: "text", text: "Đã xong phần *đầu*" });

    const doc = emu.sendDocument(bot, member, member.id, {
      fileName: "bao-cao.pdf",
      mimeType: "application/pdf",
      content: Buffer.from("%PDF"),
      caption: "Biên bản",
    }).message!;
    await api.copyMessage(secretary.id, member.id, doc.message_id);
    expect(emu.lastBotMessage(bot, secretary.id)).toMatchObject({ kind: "document", text: "Biên bản" });
    expect(emu.lastBotMessage(bot, secretary.id)!.document).toMatchObject({ fileName: "bao-cao.pdf" });
  });

  it("refuses a missing message and a recipient who never started the bot", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const member = emu.createUser();
    const stranger = emu.createUser();
    emu.startBot(bot, member);
    const api = apiFor(emu, bot.token);
    const voice = emu.sendVoice(bot, member, member.id, { duration: 3 }).message!;
    expect((await telegramError(api.copyMessage(member.id, member.id, 9999))).description).toBe(
      "Bad Request: message to copy not found",
    );
    expect((await telegramError(api.copyMessage(stranger.id, member.id, voice.message_id))).error_code).toBe(
      403,
    );
    expect(emu.botMessages(bot, stranger.id)).toEqual([]);
  });
});
