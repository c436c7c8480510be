// Issue 9, item 5: a typed /meeting is shown to the secretary before anything reaches the group.
// Seen: "/meeting 12/12 7h30" announced at once as 07:30 in the morning. Now: 7h–11h without a part of
// the day is asked ("7:30 sáng hay 19:30 tối?") with two buttons, a place typed without "|" is read as
// the place, and the preview (date in full, place, title) waits for [Thông báo] [Sửa] [Thôi].
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { messageWithButton } from "../support/meeting-preview.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

// Tuesday 01/12/2026 08:00 in Hà Nội.
const START = new Date("2026-12-01T01:00:00Z");

describe.each(SUPPORTED_PROVIDERS)("the preview of a typed /meeting on %s", (provider) => {
  let h: Harness;
  let cellNo = 0;

  beforeAll(async () => {
    h = await createHarness({ provider, start: START });
  });
  afterAll(async () => {
    await h?.close();
  });

  const prisma = () => h.app.database.prisma;
  const meetings = (cellId: number) =>
    prisma().meeting.findMany({ where: { cellId }, orderBy: { id: "asc" } });

  async function ward(): Promise<{ seeded: SeededCell; secretary: User; member: User }> {
    cellNo += 1;
    const secretary = h.emulator.createUser({ firstName: `Lan${cellNo}` });
    const member = h.emulator.createUser({ firstName: `Hải${cellNo}` });
    const seeded = await seedCell(h, `Chi bộ Khu phố ${cellNo}`, [
      { user: secretary, role: "secretary" },
      { user: member },
    ]);
    return { seeded, secretary, member };
  }

  async function press(user: User, chatId: number, messageId: number, data: string) {
    const update = await h.press(user, chatId, messageId, data);
    return h.emulator.callbackAnswer(update.callback_query!.id);
  }

  const announcements = (chatId: number) => h.texts(chatId).filter((t) => t.startsWith("📢"));

  it("asks which 7:30 is meant, shows the preview, and announces once on [Thông báo]", async () => {
    const { seeded, secretary, member } = await ward();
    const chat = seeded.chatId;
    await h.say(secretary, chat, "/meeting 12/12 7h30");
    expect(await meetings(seeded.cell.id)).toHaveLength(0);
    expect(announcements(chat)).toEqual([]);
    const question = messageWithButton(h, chat, /:pv:/).msg;
    expect(question.text).toContain("“12/12 7h30”: đồng chí định 7:30 sáng hay 19:30 tối?");
    expect(question.text).not.toMatch(/mã:|mg:/);
    const [morning, evening] = question.buttons;
    expect([morning?.text, evening?.text]).toEqual(["7:30 sáng", "19:30 tối"]);

    // A member pressing is refused and changes nothing.
    const refused = await press(member, chat, question.message_id, evening!.callback_data!);
    expect(refused?.show_alert).toBe(true);
    expect(refused?.text).toContain("chỉ dành cho Bí thư");

    await press(secretary, chat, question.message_id, evening!.callback_data!);
    const preview = messageWithButton(h, chat, /:ok:/);
    expect(preview.msg.text).toBe(
      [
        `🗓 Tạo cuộc họp mới — Chi bộ Khu phố ${cellNo}`,
        "Loại: Sinh hoạt thường kỳ",
        "🕢 Thứ Bảy, 12/12/2026 lúc 19:30",
        "📍 Địa điểm sẽ thông báo sau.",
        "📝 sinh hoạt thường kỳ tháng 12/2026",
        "",
        "Đồng chí kiểm tra lại: bấm “Thông báo” để gửi vào nhóm, “Sửa” để gõ lại, hoặc “Thôi”.",
      ].join("\n"),
    );
    expect(preview.msg.buttons.map((b) => b.text)).toEqual(["📢 Thông báo", "✏️ Sửa", "✖️ Thôi"]);
    expect(announcements(chat)).toEqual([]);

    // A member cannot announce it; the secretary's double tap announces once.
    await press(member, chat, preview.msg.message_id, preview.data);
    expect(await meetings(seeded.cell.id)).toHaveLength(0);
    await press(secretary, chat, preview.msg.message_id, preview.data);
    await press(secretary, chat, preview.msg.message_id, preview.data);
    const [meeting, ...more] = await meetings(seeded.cell.id);
    expect(more).toHaveLength(0);
    expect(meeting!.startsAt.toISOString()).toBe("2026-12-12T12:30:00.000Z");
    expect(announcements(chat)).toHaveLength(1);
    expect(announcements(chat)[0]).toContain("🕢 Thứ Bảy, 12/12/2026 lúc 19:30");
  });

  it("takes the text after the date as the place, and [Sửa] types it again", async () => {
    const { seeded, secretary } = await ward();
    const dm = secretary.id;
    await h.say(secretary, dm, "/meeting 12/12 19h30 tại Hội trường Khu phố 2");
    const preview = messageWithButton(h, dm, /:ok:/);
    expect(preview.msg.text).toContain("🕢 Thứ Bảy, 12/12/2026 lúc 19:30");
    expect(preview.msg.text).toContain("📍 Hội trường Khu phố 2");
    expect(await meetings(seeded.cell.id)).toHaveLength(0);

    const edit = messageWithButton(h, dm, /:e:/);
    expect(edit.msg.message_id).toBe(preview.msg.message_id);
    await press(secretary, dm, edit.msg.message_id, edit.data);
    expect(h.lastText(dm)).toContain("gõ lại cuộc họp");
    // The next plain message answers; a bad date keeps the question open.
    await h.say(secretary, dm, "31/11 19h | Nhà văn hóa");
    expect(h.lastText(dm)).toContain("Không có ngày");
    await h.say(secretary, dm, "13/12 14h | Nhà văn hóa | Sinh hoạt chuyên đề chuyển đổi số");
    const second = messageWithButton(h, dm, /:ok:/);
    expect(second.msg.text).toContain("🕢 Chủ Nhật, 13/12/2026 lúc 14:00");
    expect(second.msg.text).toContain("📍 Nhà văn hóa");
    expect(second.msg.text).toContain("📝 Sinh hoạt chuyên đề chuyển đổi số");
    await press(secretary, dm, second.msg.message_id, second.data);
    const [meeting] = await meetings(seeded.cell.id);
    expect(meeting).toMatchObject({ place: "Nhà văn hóa", title: "Sinh hoạt chuyên đề chuyển đổi số" });
    expect(announcements(seeded.chatId)).toHaveLength(1);
  });

  it("[Thôi] drops it, and an ambiguous date says what is ambiguous", async () => {
    const { seeded, secretary } = await ward();
    const chat = seeded.chatId;
    await h.say(secretary, chat, "/meeting 12/12 19:30 | Hội trường");
    const preview = messageWithButton(h, chat, /:ok:/);
    await press(secretary, chat, preview.msg.message_id, preview.msg.buttons[2]!.callback_data!);
    expect(h.lastText(chat)).toBe("Đã thôi tạo cuộc họp.");
    const again = await press(secretary, chat, preview.msg.message_id, preview.data);
    expect(again?.text).toBe("Nút này đã hết hiệu lực.");
    expect(await meetings(seeded.cell.id)).toHaveLength(0);

    await h.say(secretary, chat, "/meeting cuối tuần 19h");
    expect(h.lastText(chat)).toContain("cuối tuần là thứ 7 hay chủ nhật?");
    await h.say(secretary, chat, "/meeting mai 05/12 19h");
    expect(h.lastText(chat)).toContain("có hai ngày khác nhau");
    expect(await meetings(seeded.cell.id)).toHaveLength(0);
    expect(announcements(chat)).toEqual([]);
  });

  it("speaks English to a secretary who chose it", async () => {
    const { seeded, secretary } = await ward();
    const dm = secretary.id;
    await h.say(secretary, dm, "/lang en");
    await h.say(secretary, dm, "/meeting 12/12 8h Community hall");
    const question = messageWithButton(h, dm, /:pv:/).msg;
    expect(question.text).toContain("“12/12 8h”: did you mean 8:00 in the morning or 20:00 in the evening?");
    expect(question.text).toContain("📍 Community hall");
    await press(secretary, dm, question.message_id, question.buttons[0]!.callback_data!);
    const preview = messageWithButton(h, dm, /:ok:/);
    expect(preview.msg.text).toContain("🕢 Saturday, 12/12/2026 at 08:00");
    expect(preview.msg.text).toContain("📍 Community hall");
    expect(preview.msg.buttons.map((b) => b.text)).toEqual(["📢 Announce", "✏️ Edit", "✖️ Stop"]);
    await press(secretary, dm, preview.msg.message_id, preview.data);
    const [meeting] = await meetings(seeded.cell.id);
    expect(meeting).toMatchObject({ place: "Community hall", title: null });
    expect(meeting!.startsAt.toISOString()).toBe("2026-12-12T01:00:00.000Z");
    // The group is Vietnamese: its announcement is too.
    expect(announcements(seeded.chatId)[0]).toContain("🕢 Thứ Bảy, 12/12/2026 lúc 08:00");
  });
});
