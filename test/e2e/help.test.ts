// /help per role (issue 9 item 11): a few lines of the most used commands for members, group
// leaders, secretaries and admins, with a [Xem thêm] button that unfolds the whole help for the
// person who asked; in Vietnamese and in English.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

describe.each(SUPPORTED_PROVIDERS)("/help per role on %s", (provider) => {
  let h: Harness;
  let kp: SeededCell;
  const u = {} as Record<"secretary" | "leader" | "member" | "stranger", User>;

  beforeAll(async () => {
    h = await createHarness({ provider });
    u.secretary = h.emulator.createUser({ firstName: "Lan", lastName: "Nguyễn" });
    u.leader = h.emulator.createUser({ firstName: "Tùng", lastName: "Lê" });
    u.member = h.emulator.createUser({ firstName: "Hoa", lastName: "Trần" });
    u.stranger = h.emulator.createUser({ firstName: "Khách" });
    kp = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: u.secretary, role: "secretary" },
      { user: u.leader, role: "group_leader" },
      { user: u.member },
    ]);
    for (const user of [u.stranger, h.admin]) h.emulator.startBot(h.botAccount, user);
    await h.flush();
  });
  afterAll(async () => {
    await h?.close();
  });

  const last = (chatId: number) => h.emulator.lastBotMessage(h.botAccount, chatId)!;

  /** /help privately: the short text, then the whole one after [Xem thêm]. */
  async function help(user: User): Promise<{ short: string; full: string; button: string }> {
    await h.say(user, user.id, "/help");
    const msg = last(user.id);
    const short = msg.text!;
    expect(msg.buttons.map((b) => b.callback_data)).toEqual([`help:more:${user.id}`]);
    const button = msg.buttons[0]!.text;
    await h.press(user, user.id, msg.message_id, `help:more:${user.id}`);
    return { short, full: last(user.id).text!, button };
  }

  it.each([
    {
      who: "member" as const,
      lines: ["/me — thông tin của đồng chí: buổi sinh hoạt sắp tới, nhiệm vụ", "/meetings — lịch sinh hoạt"],
      absent: ["/checkin", "/meeting <", "/settings"],
      more: ["/members — danh sách đảng viên của chi bộ", "/lang — đổi ngôn ngữ"],
    },
    {
      who: "leader" as const,
      lines: ["/checkin <đảng viên> — điểm danh hộ đảng viên trong tổ", "/meetings", "/task"],
      absent: ["/close_meeting", "/settings"],
      more: ["Dành cho tổ trưởng tổ đảng:", "/edit_task", "/members — danh sách đảng viên của chi bộ"],
    },
    {
      who: "secretary" as const,
      lines: ["/meeting <ngày> <giờ>", "/meetings — lịch sinh hoạt", "/checkin — mở điểm danh", "/settings"],
      absent: ["/register_cell", "/role"],
      more: ["Dành cho Bí thư, Phó Bí thư chi bộ:", "/role <đảng viên> <vai trò>", "/move_meeting"],
    },
    {
      who: "admin" as const,
      lines: ["/register_cell <tên chi bộ>", "/settings org"],
      absent: ["/erase_member"],
      more: ["Dành cho quản trị viên Đảng ủy:", "/erase_member", "/add_admin"],
    },
    {
      who: "stranger" as const,
      lines: ["/me — thông tin của đồng chí", "bấm nút tham gia"],
      absent: ["/meetings", "/checkin"],
      more: ["/help — xem lại hướng dẫn này"],
    },
  ])("$who: a short help with the most used commands, and the rest under [Xem thêm]", async (c) => {
    const user = c.who === "admin" ? h.admin : u[c.who];
    const { short, full, button } = await help(user);
    expect(button).toBe("Xem thêm");
    expect(short.startsWith("Hướng dẫn sử dụng Trợ lý Chi bộ\n\n")).toBe(true);
    // A few lines: the header, a blank line and at most five commands.
    expect(short.split("\n").length).toBeLessThanOrEqual(7);
    for (const line of c.lines) expect(short, line).toContain(line);
    for (const word of c.absent) expect(short, word).not.toContain(word);
    for (const line of c.more) expect(full, line).toContain(line);
    expect(full.length).toBeGreaterThan(short.length);
  });

  it("in English for a member who chose English, and in a group in the group's language", async () => {
    await h.say(u.leader, u.leader.id, "/lang en");
    const { short, full, button } = await help(u.leader);
    expect(button).toBe("More");
    expect(short).toContain(
      "/checkin <member> — check in a member of your group who has no smartphone, while attendance is open",
    );
    expect(full).toContain("For party group leaders:");
    await h.say(u.leader, u.leader.id, "/lang vi");

    await h.say(u.secretary, kp.chatId, "/help");
    expect(h.lastText(kp.chatId)).toContain("/meetings — lịch sinh hoạt");
  });

  it("someone else's [Xem thêm] in the group is refused in the presser's language and changes nothing", async () => {
    await h.say(u.secretary, kp.chatId, "/help");
    const msg = last(kp.chatId);
    const before = msg.text;
    await h.say(u.member, u.member.id, "/lang en");
    const press = await h.press(u.member, kp.chatId, msg.message_id, `help:more:${u.secretary.id}`);
    expect(h.emulator.callbackAnswer(press.callback_query!.id)).toMatchObject({
      text: "This button is not meant for you.",
      show_alert: true,
    });
    expect(last(kp.chatId).text).toBe(before);
    await h.say(u.member, u.member.id, "/lang vi");

    // The one who asked unfolds it in place, in the group's language.
    await h.press(u.secretary, kp.chatId, msg.message_id, `help:more:${u.secretary.id}`);
    expect(h.emulator.lastBotMessage(h.botAccount, kp.chatId)!.text).toContain(
      "Dành cho Bí thư, Phó Bí thư chi bộ:",
    );
  });
});
