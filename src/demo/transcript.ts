// Prints what the people of the demo see: every message and edit the bot made, in the order it made
// them (read from the emulator's call log), with the chat it went to and its buttons in [brackets].
import type { Chat, User } from "grammy/types";
import type { EmulatedBot, StoredMessage, TelegramEmulator } from "../emulator/index.ts";
import type { DemoLanguage, PerLanguage } from "./language.ts";

const LABELS: PerLanguage<{
  group: (title: string) => string;
  private: (name: string) => string;
  file: string;
  deleted: string;
  edited: string;
  noButtons: string;
}> = {
  vi: {
    group: (title) => `nhóm “${title}”`,
    private: (name) => `tin riêng → ${name}`,
    file: "tệp",
    deleted: "bot xóa một tin nhắn",
    edited: "bot cập nhật tin nhắn",
    noButtons: "(không còn nút)",
  },
  en: {
    group: (title) => `group “${title}”`,
    private: (name) => `private → ${name}`,
    file: "file",
    deleted: "the bot deleted a message",
    edited: "the bot updated a message",
    noButtons: "(no buttons left)",
  },
};

const SEND_METHODS = new Set(["sendmessage", "senddocument", "sendphoto", "sendvoice"]);
const EDIT_METHODS = new Set(["editmessagetext", "editmessagecaption", "editmessagereplymarkup"]);

/** Full names in Vietnamese order the cell's list gives the demo's people (by Telegram id). */
const FULL_NAMES = new Map<number, string>();

/** The narrator names people as their cell does: by the full name in the cell's list. */
export function knowFullName(user: User, fullName: string): void {
  FULL_NAMES.set(user.id, fullName);
}

export function nameOf(user: User): string {
  return FULL_NAMES.get(user.id) ?? [user.first_name, user.last_name].filter(Boolean).join(" ");
}

function buttonsLine(message: StoredMessage): string | undefined {
  if (message.buttons.length === 0) return undefined;
  return message.buttons.map((b) => (b.url ? `[${b.text} ↗]` : `[${b.text}]`)).join(" ");
}

export class Transcript {
  private readonly chats = new Map<number, string>();
  /** chat → message id → number of edits already shown. */
  private readonly shown = new Map<number, Map<number, number>>();
  private callsSeen = 0;
  private readonly labels: (typeof LABELS)[DemoLanguage];

  constructor(
    private readonly emulator: TelegramEmulator,
    private readonly bot: EmulatedBot,
    private readonly print: (line: string) => void,
    language: DemoLanguage = "vi",
  ) {
    this.labels = LABELS[language];
  }

  /** Makes a chat known under a label ("nhóm KP1", "riêng: Trần Thị Lan"). */
  watchGroup(chat: Chat.GroupChat | Chat.SupergroupChat): void {
    this.chats.set(chat.id, this.labels.group(chat.title));
  }

  watchUser(user: User): void {
    this.chats.set(user.id, this.labels.private(nameOf(user)));
  }

  label(chatId: number): string {
    return this.chats.get(chatId) ?? `chat ${chatId}`;
  }

  line(text = ""): void {
    this.print(text);
  }

  heading(text: string): void {
    this.print("");
    this.print(`━━━ ${text} ━━━`);
  }

  note(text: string): void {
    this.print(`   ℹ️  ${text}`);
  }

  /** Prints the bot's messages and edits since the last call; returns how many were printed. */
  flush(opts: { quiet?: boolean } = {}): number {
    const calls = this.emulator.calls();
    const fresh = calls.slice(this.callsSeen);
    this.callsSeen = calls.length;
    let printed = 0;
    for (const call of fresh) {
      if (call.botId !== this.bot.id || call.status !== 200 || call.chatId === undefined) continue;
      const method = call.method.toLowerCase();
      if (SEND_METHODS.has(method) || EDIT_METHODS.has(method) || method === "deletemessage") {
        printed += this.showChat(call.chatId, opts.quiet ?? false);
      }
    }
    // Anything the call log could not place (it should not happen) is still shown.
    for (const chatId of this.chats.keys()) printed += this.showChat(chatId, opts.quiet ?? false);
    return printed;
  }

  private showChat(chatId: number, quiet: boolean): number {
    let seen = this.shown.get(chatId);
    if (!seen) {
      seen = new Map();
      this.shown.set(chatId, seen);
    }
    let printed = 0;
    for (const message of this.emulator.botMessages(this.bot, chatId)) {
      const edits = seen.get(message.message_id);
      if (edits === undefined) {
        seen.set(message.message_id, message.edits);
        if (!quiet && !message.deleted) this.showMessage(message);
        printed++;
      } else if (edits !== message.edits || (message.deleted && edits >= 0)) {
        if (!quiet) this.showEdit(message, edits);
        seen.set(message.message_id, message.deleted ? -1 : message.edits);
        printed++;
      }
    }
    return printed;
  }

  private showMessage(message: StoredMessage): void {
    const text =
      message.text ?? (message.document ? `📎 ${message.document.fileName ?? this.labels.file}` : "");
    this.print(`   🤖 ${this.label(message.chat_id)}:`);
    for (const l of text.split("\n")) this.print(`      │ ${l}`);
    const buttons = buttonsLine(message);
    if (buttons) this.print(`      │ ${buttons}`);
  }

  private showEdit(message: StoredMessage, editsShown: number): void {
    if (message.deleted) {
      this.print(`   🗑  ${this.label(message.chat_id)}: ${this.labels.deleted}`);
      return;
    }
    const before = message.editHistory[Math.max(0, editsShown)] ?? message.editHistory.at(-1);
    const oldLines = new Set((before?.text ?? "").split("\n"));
    const changed = (message.text ?? "").split("\n").filter((l) => l.trim() !== "" && !oldLines.has(l));
    this.print(`   ✏️  ${this.label(message.chat_id)}: ${this.labels.edited}`);
    for (const l of changed) this.print(`      │ ${l}`);
    const buttons = buttonsLine(message);
    this.print(`      │ ${buttons ?? this.labels.noButtons}`);
  }
}
