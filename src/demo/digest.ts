// The demo's last act: the committee registers its group, the clock reaches 1 January 2027, 08:00,
// and the real monthly digest job posts December's digest there (text, chart, workbook), while
// each secretary gets their cell's summary privately. The text is printed with the transcript; the
// chart and the workbook are written to a folder whose path is printed.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Chat, User } from "grammy/types";
import type { RunningApp } from "../app.ts";
import type { ManualClock } from "../clock.ts";
import type { EmulatedBot, TelegramEmulator } from "../emulator/index.ts";
import type { DemoLanguage, PerLanguage } from "./language.ts";
import type { Transcript } from "./transcript.ts";

const TEXT: PerLanguage<{
  heading: string;
  committeeGroup: string;
  registers(name: string, title: string): string;
  due: string;
  folderPrefix: string;
  chartFile: string;
  saved(folder: string): string;
}> = {
  vi: {
    heading: "Báo cáo tháng gửi Đảng ủy",
    committeeGroup: "Ban Thường vụ Đảng ủy phường",
    registers: (name, title) => `👤 ${name} trong nhóm «${title}»: /register_committee`,
    due: "Thứ Sáu, 01/01/2027 08:00 — bộ hẹn giờ chạy (báo cáo tháng 12/2026).",
    folderPrefix: "thang-12-2026-",
    chartFile: "bieu-do-thang-12-2026.png",
    saved: (folder) => `   📁 Biểu đồ và sổ theo dõi (Excel) của báo cáo đã được lưu tại: ${folder}`,
  },
  en: {
    heading: "The monthly digest for the ward's party committee",
    committeeGroup: "Ward Party Standing Committee",
    registers: (name, title) => `👤 ${name} in the group «${title}»: /register_committee`,
    due: "Friday, 1 January 2027, 08:00 — the scheduler runs (the digest of December 2026).",
    folderPrefix: "december-2026-",
    chartFile: "chart-december-2026.png",
    saved: (folder) => `   📁 The digest's chart and workbook (Excel) were saved in: ${folder}`,
  },
};

export interface DigestDemoContext {
  emulator: TelegramEmulator;
  botAccount: EmulatedBot;
  app: RunningApp;
  clock: ManualClock;
  admin: User;
  transcript: Transcript;
  language: DemoLanguage;
}

/** Where the chart and the workbook go: a fresh folder under the system's temporary directory. */
function outputFolder(prefix: string): string {
  const base = join(tmpdir(), "chibo-digest");
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, prefix));
}

export async function showMonthlyDigest(s: DigestDemoContext): Promise<string> {
  const { emulator, botAccount: bot, app, clock, admin, transcript: t } = s;
  const text = TEXT[s.language];
  const flush = async () => {
    for (const update of emulator.takeUpdates(bot)) await app.bot.handleUpdate(update);
  };

  t.heading(text.heading);
  const committee = emulator.createGroup({
    title: text.committeeGroup,
    members: [admin],
  }) as Chat.GroupChat;
  t.watchGroup(committee);
  emulator.addBotToChat(bot, committee.id, { by: admin });
  await flush();
  t.line("");
  t.line(text.registers(admin.first_name, committee.title));
  emulator.sendText(bot, admin, committee.id, "/register_committee");
  await flush();
  t.flush({ quiet: true });

  // 1 January 2027, 08:00 in Hồ Chí Minh City: the digest of December is due.
  clock.set(new Date("2027-01-01T08:00:00+07:00"));
  t.note(text.due);
  await app.scheduler.tick();
  await app.scheduler.tick();
  t.flush();

  const posted = emulator.botMessages(bot, committee.id).filter((m) => !m.deleted);
  const photo = posted.find((m) => m.kind === "photo")?.photo;
  const document = posted.find((m) => m.kind === "document")?.document;
  const png = photo ? emulator.fileBytes(photo.fileId) : undefined;
  const xlsx = document ? emulator.fileBytes(document.fileId) : undefined;
  if (!png || !xlsx) throw new Error("the digest came without its chart or its workbook");
  const folder = outputFolder(text.folderPrefix);
  writeFileSync(join(folder, text.chartFile), png);
  writeFileSync(join(folder, document?.fileName ?? "so-theo-doi.xlsx"), xlsx);
  t.line("");
  t.line(text.saved(folder));
  return folder;
}
