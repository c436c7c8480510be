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
import type { Transcript } from "./transcript.ts";

export interface DigestDemoContext {
  emulator: TelegramEmulator;
  botAccount: EmulatedBot;
  app: RunningApp;
  clock: ManualClock;
  admin: User;
  transcript: Transcript;
}

/** Where the chart and the workbook go: a fresh folder under the system's temporary directory. */
function outputFolder(): string {
  const base = join(tmpdir(), "chibo-digest");
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, "thang-12-2026-"));
}

export async function showMonthlyDigest(s: DigestDemoContext): Promise<string> {
  const { emulator, botAccount: bot, app, clock, admin, transcript: t } = s;
  const flush = async () => {
    for (const update of emulator.takeUpdates(bot)) await app.bot.handleUpdate(update);
  };

  t.heading("Báo cáo tháng gửi Đảng ủy");
  const committee = emulator.createGroup({
    title: "Ban Thường vụ Đảng ủy phường",
    members: [admin],
  }) as Chat.GroupChat;
  t.watchGroup(committee);
  emulator.addBotToChat(bot, committee.id, { by: admin });
  await flush();
  t.line("");
  t.line(`👤 ${admin.first_name} trong nhóm «${committee.title}»: /register_committee`);
  emulator.sendText(bot, admin, committee.id, "/register_committee");
  await flush();
  t.flush({ quiet: true });

  // 1 January 2027, 08:00 in Hồ Chí Minh City: the digest of December is due.
  clock.set(new Date("2027-01-01T08:00:00+07:00"));
  t.note("Thứ Sáu, 01/01/2027 08:00 — bộ hẹn giờ chạy (báo cáo tháng 12/2026).");
  await app.scheduler.tick();
  await app.scheduler.tick();
  t.flush();

  const posted = emulator.botMessages(bot, committee.id).filter((m) => !m.deleted);
  const photo = posted.find((m) => m.kind === "photo")?.photo;
  const document = posted.find((m) => m.kind === "document")?.document;
  const png = photo ? emulator.fileBytes(photo.fileId) : undefined;
  const xlsx = document ? emulator.fileBytes(document.fileId) : undefined;
  if (!png || !xlsx) throw new Error("the digest came without its chart or its workbook");
  const folder = outputFolder();
  writeFileSync(join(folder, "bieu-do-thang-12-2026.png"), png);
  writeFileSync(join(folder, document?.fileName ?? "so-theo-doi.xlsx"), xlsx);
  t.line("");
  t.line(`   📁 Biểu đồ và sổ theo dõi (Excel) của báo cáo đã được lưu tại: ${folder}`);
  return folder;
}
