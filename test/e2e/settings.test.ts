import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEffectiveSettings } from "../../src/features/settings/settings.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

describe.each(SUPPORTED_PROVIDERS)("/settings on %s", (provider) => {
  let h: Harness;
  let cellA: SeededCell;
  let cellB: SeededCell;
  let orgId: number;
  const u = {} as Record<"secA" | "leader" | "member" | "secB" | "stranger", User>;

  beforeAll(async () => {
    h = await createHarness({ provider });
    u.secA = h.emulator.createUser({ firstName: "Lan", lastName: "Nguyễn", username: "bithu_a" });
    u.leader = h.emulator.createUser({ firstName: "Tùng", username: "totruong_a" });
    u.member = h.emulator.createUser({ firstName: "Hoa", username: "dangvien_a" });
    u.secB = h.emulator.createUser({ firstName: "Sơn", username: "bithu_b" });
    u.stranger = h.emulator.createUser({ firstName: "Khách" });
    cellA = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: u.secA, role: "secretary" },
      { user: u.leader, role: "group_leader" },
      { user: u.member },
    ]);
    cellB = await seedCell(h, "Chi bộ Khu phố 2", [{ user: u.secB, role: "secretary" }]);
    orgId = cellA.cell.organisationId;
    // Everyone can talk in cell A's group, and has opened a private chat with the bot.
    h.emulator.addMember(cellA.chatId, u.secB);
    h.emulator.addMember(cellA.chatId, u.stranger);
    for (const user of [u.stranger, h.admin]) h.emulator.startBot(h.botAccount, user);
    await h.flush();
  });
  afterAll(async () => {
    await h?.close();
  });

  const prisma = () => h.app.database.prisma;
  const cellRow = (id: number) => prisma().cell.findUniqueOrThrow({ where: { id } });
  const orgRow = () => prisma().organisation.findUniqueOrThrow({ where: { id: orgId } });
  const settingAudits = () => prisma().auditEntry.count({ where: { action: "settings.change" } });
  async function snapshot() {
    const [a, b, org, audits, prefs] = await Promise.all([
      cellRow(cellA.cell.id),
      cellRow(cellB.cell.id),
      orgRow(),
      settingAudits(),
      prisma().chatPreference.count(),
    ]);
    return {
      a: a.settings,
      b: b.settings,
      org: [org.locale, org.timeZone, org.digestDay, org.digestTime, org.settings],
      audits,
      prefs,
    };
  }
  const lastMessage = (chatId: number) => h.emulator.lastBotMessage(h.botAccount, chatId)!;

  it("shows a cell's settings in words with buttons to its secretary in the group", async () => {
    await h.say(u.secA, cellA.chatId, "/settings");
    const msg = lastMessage(cellA.chatId);
    expect(msg.text).toContain("⚙️ Cài đặt của Chi bộ Khu phố 1");
    expect(msg.text).toContain("• Ngôn ngữ: Tiếng Việt (theo Đảng bộ)");
    expect(msg.text).toContain("• Giờ yên tĩnh: từ 21:30 đến 06:30");
    expect(msg.text).toContain("• Nhắc lịch sinh hoạt: trước giờ họp 3 ngày, 1 ngày và 2 giờ (theo Đảng bộ)");
    expect(msg.text).toContain("vắng không lý do: từ 3 lần trong năm (theo Đảng bộ)");
    const id = cellA.cell.id;
    expect(msg.buttons.map((b) => b.callback_data)).toEqual([
      `set:c:${id}:lang:vi`,
      `set:c:${id}:lang:en`,
      `set:c:${id}:menu:quiet`,
      `set:c:${id}:menu:reminders`,
      `set:c:${id}:menu:threshold`,
      `set:c:${id}:menu:tz`,
      `set:c:${id}:menu:reason`,
      `set:c:${id}:menu:escalate`,
    ]);
    expect(msg.text).toContain(
      "• Thời hạn báo lý do vắng (sau đó mới tính là vắng không lý do): 2 ngày sau khi chốt sổ (theo Đảng bộ)",
    );
    expect(msg.text).toContain(
      "• Báo người giao việc và Bí thư khi nhiệm vụ quá hạn: sau 3 ngày quá hạn (theo Đảng bộ)",
    );
    // Organisation-only lines are not in a cell's panel.
    expect(msg.text).not.toContain("Sao lưu");
    expect(msg.text).not.toContain("tỷ lệ dự họp");
  });

  it("changes settings with typed forms, audited with before and after", async () => {
    const before = await settingAudits();
    await h.say(u.secA, cellA.chatId, "/settings quiet 22:00-06:00");
    // Only the changed line, and a button to the whole panel (issue 9 item 11).
    const echo = lastMessage(cellA.chatId);
    expect(echo.text).toBe(
      "✅ Đã lưu thay đổi.\n• Giờ yên tĩnh: từ 22:00 đến 06:00, tin nhắc riêng trong khoảng này được hoãn đến sáng",
    );
    expect(echo.buttons.map((b) => [b.text, b.callback_data])).toEqual([
      ["Xem tất cả cài đặt", `set:c:${cellA.cell.id}:menu:main`],
    ]);
    await h.press(u.secA, cellA.chatId, echo.message_id, `set:c:${cellA.cell.id}:menu:main`);
    expect(echo.text).toContain("⚙️ Cài đặt của Chi bộ Khu phố 1");
    expect(echo.text).toContain("• Nhắc lịch sinh hoạt:");
    expect(echo.buttons.length).toBeGreaterThan(4);
    await h.say(u.secA, cellA.chatId, "/settings threshold 4");
    await h.say(u.secA, cellA.chatId, "/settings reminders 2h, 1d");
    await h.say(u.secA, cellA.chatId, "/settings tz asia/bangkok");
    expect(h.lastText(cellA.chatId)).toBe("✅ Đã lưu thay đổi.\n• Múi giờ: Asia/Bangkok");
    expect(JSON.parse((await cellRow(cellA.cell.id)).settings)).toEqual({
      quietHours: { start: "22:00", end: "06:00" },
      absenceThreshold: 4,
      meetingReminderMinutes: [1440, 120],
      timeZone: "Asia/Bangkok",
    });
    expect(await settingAudits()).toBe(before + 4);
    const entry = (await h.app.repos.audit.list({ action: "settings.change" })).at(-4)!;
    expect(entry.targetType).toBe("cell");
    expect(entry.cellId).toBe(cellA.cell.id);
    expect(JSON.parse(entry.before!)).toEqual({
      setting: "quiet",
      value: "21:30-06:30",
      source: "organisation",
    });
    expect(JSON.parse(entry.after!)).toEqual({ setting: "quiet", value: "22:00-06:00", source: "cell" });

    // The same value again changes nothing and is not audited.
    await h.say(u.secA, cellA.chatId, "/settings threshold 4");
    expect(h.lastText(cellA.chatId)).toContain("không có gì thay đổi");
    expect(await settingAudits()).toBe(before + 4);

    const effective = await getEffectiveSettings(h.app.repos, cellA.cell.id);
    expect(effective).toMatchObject({
      absenceThreshold: 4,
      quietHours: { start: "22:00", end: "06:00" },
      meetingReminderMinutes: [1440, 120],
      timeZone: "Asia/Bangkok",
      language: "vi",
      digestDay: 1,
    });
  });

  it("switches the group's language and back to the organisation's", async () => {
    await h.say(u.secA, cellA.chatId, "/settings lang en");
    expect(lastMessage(cellA.chatId)).toMatchObject({
      text: "✅ Change saved.\n• Language: English",
      buttons: [{ text: "See all settings" }],
    });
    await h.say(u.member, cellA.chatId, "/help");
    expect(h.lastText(cellA.chatId)).toContain("How to use");
    await h.say(u.secA, cellA.chatId, "/settings lang reset");
    expect(h.lastText(cellA.chatId)).toContain("✅ Đã lưu thay đổi.");
    expect(h.lastText(cellA.chatId)).toContain("• Ngôn ngữ: Tiếng Việt (theo Đảng bộ)");
    expect(JSON.parse((await cellRow(cellA.cell.id)).settings)).not.toHaveProperty("language");
  });

  it.each([
    ["/settings threshold 13", "Ngưỡng vắng phải là một số từ 1 đến 12"],
    ["/settings threshold 🙂", "Ngưỡng vắng phải là một số từ 1 đến 12"],
    ["/settings quiet 25:00-06:00", "“25:00-06:00” chưa đúng dạng giờ yên tĩnh"],
    ["/settings quiet 22:00-22:00", "không được trùng nhau"],
    ["/settings reminders tomorrow", "“tomorrow” chưa đúng dạng"],
    ["/settings reminders 1d,2d,3d,4d,5d,6d", "từ 1 đến 5 mốc nhắc"],
    ["/settings tz Mars/Olympus", "“Mars/Olympus” không phải tên múi giờ hợp lệ"],
    ["/settings tz Аsia/Bangkok", "không phải tên múi giờ hợp lệ"],
    ["/settings lang fr", "“fr” không phải ngôn ngữ Trợ lý hỗ trợ"],
    ["/settings digest 1 08:00", "cài đặt chung của Đảng bộ"],
    ["/settings colour red", "Trợ lý chưa hiểu mục cài đặt “colour”"],
    ["/settings threshold", "Xin ghi giá trị mới"],
    [`/settings quiet ${"9".repeat(4000)}`, "chưa đúng dạng giờ yên tĩnh"],
    ["/settings 🙂🙂🙂", "chưa hiểu mục cài đặt"],
  ])("refuses %s with a clear answer and writes nothing", async (command, answer) => {
    const before = await snapshot();
    await h.say(u.secA, cellA.chatId, command);
    expect(h.lastText(cellA.chatId)).toContain(answer);
    expect(await snapshot()).toEqual(before);
  });

  it("changes settings with buttons and edits the message to show the new values", async () => {
    await h.say(u.secA, cellA.chatId, "/settings");
    const msg = lastMessage(cellA.chatId);
    const id = cellA.cell.id;
    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:menu:quiet`);
    expect(msg.text).toContain("Đồng chí chọn khoảng giờ:");
    expect(msg.buttons.map((b) => b.text)).toEqual([
      "21:00–06:00",
      "21:30–06:30",
      "22:00–07:00",
      "Tắt",
      "↩️ Dùng cài đặt của Đảng bộ",
      "« Quay lại",
    ]);
    const auditsBefore = await settingAudits();
    const update = await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:quiet:off`);
    expect(h.emulator.callbackAnswer(update.callback_query!.id)?.text).toBe("✅ Đã lưu thay đổi.");
    expect(msg.text).toBe(
      "✅ Đã lưu thay đổi.\n• Giờ yên tĩnh: tắt, tin nhắc riêng được gửi vào bất cứ giờ nào",
    );
    expect(msg.buttons.map((b) => b.text)).toEqual(["Xem tất cả cài đặt"]);
    expect(JSON.parse((await cellRow(id)).settings)).toHaveProperty("quietHours", null);

    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:menu:threshold`);
    expect(msg.buttons.map((b) => b.text).slice(0, 4)).toEqual(["2 lần", "3 lần", "✓ 4 lần", "5 lần"]);
    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:threshold:reset`);
    expect(msg.text).toContain("vắng không lý do: từ 3 lần trong năm (theo Đảng bộ)");

    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:menu:reminders`);
    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:reminders:3d.1d`);
    expect(msg.text).toContain("• Nhắc lịch sinh hoạt: trước giờ họp 3 ngày và 1 ngày");
    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:lang:en`);
    expect(msg.text).toBe("✅ Change saved.\n• Language: English");
    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:menu:main`);
    expect(msg.text).toContain("⚙️ Settings of Chi bộ Khu phố 1");
    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:lang:reset`);

    // The reason window and the task escalation have their own menus.
    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:menu:reason`);
    expect(msg.buttons.map((b) => b.text)).toEqual([
      "1 ngày",
      "✓ 2 ngày",
      "3 ngày",
      "7 ngày",
      "↩️ Dùng cài đặt của Đảng bộ",
      "« Quay lại",
    ]);
    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:reason:72`);
    expect(msg.text).toBe(
      "✅ Đã lưu thay đổi.\n• Thời hạn báo lý do vắng (sau đó mới tính là vắng không lý do): 3 ngày sau khi chốt sổ",
    );
    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:menu:escalate`);
    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:escalate:7d`);
    expect(msg.text).toBe(
      "✅ Đã lưu thay đổi.\n• Báo người giao việc và Bí thư khi nhiệm vụ quá hạn: sau 7 ngày quá hạn",
    );
    expect(await getEffectiveSettings(h.app.repos, id)).toMatchObject({
      absenceReasonHours: 72,
      taskEscalationDays: 7,
    });
    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:reason:reset`);
    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:escalate:reset`);
    expect(await settingAudits()).toBe(auditsBefore + 9);

    // A forged value is refused and changes nothing.
    const before = await snapshot();
    const forged = await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:threshold:99`);
    expect(h.emulator.callbackAnswer(forged.callback_query!.id)?.text).toBe("Nút này đã hết hiệu lực.");
    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:digest:1-0800`);
    await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:reason:999`);
    const orgOnly = await h.press(u.secA, cellA.chatId, msg.message_id, `set:c:${id}:attendance:50`);
    expect(h.emulator.callbackAnswer(orgOnly.callback_query!.id)).toMatchObject({
      text: expect.stringContaining("cài đặt chung của Đảng bộ") as unknown,
      show_alert: true,
    });
    expect(await snapshot()).toEqual(before);
  });

  it("shows and changes the organisation's settings privately for an admin", async () => {
    await h.say(h.admin, h.admin.id, "/settings");
    const msg = lastMessage(h.admin.id);
    expect(msg.text).toContain("⚙️ Cài đặt chung của Đảng bộ phường Thử nghiệm");
    expect(msg.text).toContain("• Báo cáo tháng gửi Đảng ủy: ngày 1 hằng tháng, lúc 08:00");
    expect(msg.text).not.toContain("(theo Đảng bộ)");
    expect(msg.buttons.map((b) => b.callback_data)).toContain(`set:o:${orgId}:menu:digest`);

    await h.say(h.admin, h.admin.id, "/settings org digest 5 07:30");
    expect(h.lastText(h.admin.id)).toContain("ngày 5 hằng tháng, lúc 07:30");
    await h.press(h.admin, h.admin.id, msg.message_id, `set:o:${orgId}:menu:digest`);
    await h.press(h.admin, h.admin.id, msg.message_id, `set:o:${orgId}:digest:2-0800`);
    expect(msg.text).toContain("ngày 2 hằng tháng, lúc 08:00");
    // The digest's planned rows moved at once (not at the next daily seed).
    const plans = await prisma().scheduledDelivery.findMany({
      where: { kind: "digest_plan", status: "pending" },
    });
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) {
      expect([plan.dueAt.getUTCDate(), plan.dueAt.getUTCHours(), plan.dueAt.getUTCMinutes()]).toEqual([
        2, 1, 0,
      ]);
    }
    await h.press(h.admin, h.admin.id, msg.message_id, `set:o:${orgId}:threshold:5`);
    await h.say(h.admin, h.admin.id, "/settings org quiet 22:00-07:00");
    const org = await orgRow();
    expect([org.digestDay, org.digestTime]).toEqual([2, "08:00"]);
    expect(JSON.parse(org.settings)).toEqual({
      absenceThreshold: 5,
      quietHours: { start: "22:00", end: "07:00" },
    });
    const entry = (await h.app.repos.audit.list({ action: "settings.change" })).at(-1)!;
    expect(entry.targetType).toBe("organisation");
    expect(JSON.parse(entry.after!)).toEqual({ setting: "quiet", value: "22:00-07:00" });

    // Cells inherit what they do not override; cell B overrides nothing.
    expect(await getEffectiveSettings(h.app.repos, cellB.cell.id)).toMatchObject({
      absenceThreshold: 5,
      quietHours: { start: "22:00", end: "07:00" },
      meetingReminderMinutes: [4320, 1440, 120],
      digestDay: 2,
    });
    // Cell A turned quiet hours off and keeps that.
    expect((await getEffectiveSettings(h.app.repos, cellA.cell.id))?.quietHours).toBeNull();
    expect(await getEffectiveSettings(h.app.repos, 999_999)).toBeNull();

    const before = await snapshot();
    await h.say(h.admin, h.admin.id, "/settings org quiet reset");
    expect(h.lastText(h.admin.id)).toContain("Chỉ cài đặt riêng của chi bộ");
    await h.say(h.admin, h.admin.id, "/settings org digest 29 08:00");
    expect(h.lastText(h.admin.id)).toContain("ngày (từ 1 đến 28)");
    expect(await snapshot()).toEqual(before);
  });

  it("lets a secretary open their own cell's settings privately", async () => {
    await h.say(u.secB, u.secB.id, "/settings");
    expect(h.lastText(u.secB.id)).toContain("⚙️ Cài đặt của Chi bộ Khu phố 2");
    await h.say(u.secB, u.secB.id, "/settings threshold 2");
    expect(JSON.parse((await cellRow(cellB.cell.id)).settings)).toEqual({ absenceThreshold: 2 });
  });

  it("sets the reason window, task escalation, digest policy and backup time as the features read them", async () => {
    const { parseDigestPolicy, organisationSettings } = await import("../../src/features/settings/model.ts");
    const backupRow = () =>
      prisma().scheduledDelivery.findFirst({
        where: { kind: "backup", status: "pending" },
        orderBy: { dueAt: "asc" },
      });
    await h.say(h.admin, h.admin.id, "/settings");
    const panel = h.lastText(h.admin.id)!;
    expect(panel).toContain(
      "• Thời hạn báo lý do vắng (sau đó mới tính là vắng không lý do): 2 ngày sau khi chốt sổ",
    );
    expect(panel).toContain("• Báo cáo tháng nêu chi bộ cần chú ý khi tỷ lệ dự họp dưới: 70%");
    expect(panel).toContain("• Báo cáo tháng nêu chi bộ cần chú ý khi tỷ lệ nộp tự kiểm điểm dưới: 50%");
    expect(panel).toContain(
      "• Báo cáo tháng nêu chi bộ cần chú ý khi số đảng viên vắng nhiều lần từ: 2 đồng chí",
    );
    expect(panel).toContain(
      "• Nêu tên đảng viên trong báo cáo gửi nhóm Đảng ủy: không (tên chỉ gửi riêng cho Bí thư chi bộ)",
    );
    if (provider === "sqlite") expect(panel).toContain("• Sao lưu dữ liệu hằng ngày: lúc 02:00");
    else expect(panel).not.toContain("Sao lưu");

    const audits = await settingAudits();
    for (const [command, line] of [
      [
        "/settings org reason 36h",
        "• Thời hạn báo lý do vắng (sau đó mới tính là vắng không lý do): 36 giờ sau khi chốt sổ",
      ],
      [
        "/settings org escalate 5 ngày",
        "• Báo người giao việc và Bí thư khi nhiệm vụ quá hạn: sau 5 ngày quá hạn",
      ],
      ["/settings org attendance 80%", "• Báo cáo tháng nêu chi bộ cần chú ý khi tỷ lệ dự họp dưới: 80%"],
      [
        "/settings org reviewrate 40",
        "• Báo cáo tháng nêu chi bộ cần chú ý khi tỷ lệ nộp tự kiểm điểm dưới: 40%",
      ],
      [
        "/settings org absentees 3",
        "• Báo cáo tháng nêu chi bộ cần chú ý khi số đảng viên vắng nhiều lần từ: 3 đồng chí",
      ],
      ["/settings org names bật", "• Nêu tên đảng viên trong báo cáo gửi nhóm Đảng ủy: có"],
    ] as const) {
      await h.say(h.admin, h.admin.id, command);
      expect(lastMessage(h.admin.id), command).toMatchObject({
        text: `✅ Đã lưu thay đổi.\n${line}`,
        buttons: [{ text: "Xem tất cả cài đặt", callback_data: `set:o:${orgId}:menu:main` }],
      });
    }
    expect(await settingAudits()).toBe(audits + 6);
    const org = await orgRow();
    // What the digest and the reminders read.
    expect(parseDigestPolicy(org.settings)).toEqual({
      minAttendancePercent: 80,
      minSelfReviewPercent: 40,
      repeatedAbsentees: 3,
      namesInCommittee: true,
    });
    expect(organisationSettings(org)).toMatchObject({ absenceReasonHours: 36, taskEscalationDays: 5 });
    // Cell B overrides nothing and inherits both.
    expect(await getEffectiveSettings(h.app.repos, cellB.cell.id)).toMatchObject({
      absenceReasonHours: 36,
      taskEscalationDays: 5,
    });

    // A secretary sets the cell's own reason window and escalation; the digest policy is not theirs.
    await h.say(u.secB, u.secB.id, "/settings reason 2d");
    expect(h.lastText(u.secB.id)).toBe(
      "✅ Đã lưu thay đổi.\n• Thời hạn báo lý do vắng (sau đó mới tính là vắng không lý do): 2 ngày sau khi chốt sổ",
    );
    await h.say(u.secB, u.secB.id, "/settings escalate 1");
    expect(JSON.parse((await cellRow(cellB.cell.id)).settings)).toMatchObject({
      absenceReasonHours: 48,
      taskEscalationDays: 1,
    });

    const before = await snapshot();
    for (const [user, command, answer] of [
      [u.secB, "/settings attendance 50", "/settings org attendance trong trò chuyện riêng"],
      [u.secB, "/settings names on", "/settings org names trong trò chuyện riêng"],
      [u.secB, "/settings backup 03:00", "/settings org backup trong trò chuyện riêng"],
      [u.secB, "/settings reason 0", "“0” chưa đúng dạng. Xin ghi số giờ từ 1 đến 336"],
      [u.secB, "/settings reason 15d", "“15d” chưa đúng dạng"],
      [u.secB, "/settings reason 90m", "“90m” chưa đúng dạng"],
      [u.secB, "/settings escalate 31", "Xin ghi số ngày từ 1 đến 30"],
      [u.secB, "/settings escalate 2h", "“2h” chưa đúng dạng"],
      [h.admin, "/settings org attendance 101", "tỷ lệ phần trăm từ 0 đến 100"],
      [h.admin, "/settings org reviewrate -5", "“-5” chưa đúng dạng"],
      [h.admin, "/settings org absentees 0", "số đảng viên từ 1 đến 50"],
      [h.admin, "/settings org absentees 51", "số đảng viên từ 1 đến 50"],
      [h.admin, "/settings org names maybe", "Xin ghi “on” để nêu tên hoặc “off”"],
      [h.admin, "/settings org backup 25:00", "“25:00” chưa đúng dạng giờ"],
      [h.admin, "/settings org attendance reset", "Chỉ cài đặt riêng của chi bộ"],
      [u.member, "/settings reason 24", "chỉ dành cho Bí thư hoặc Phó Bí thư"],
      [u.leader, "/settings org names on", "chỉ dành cho quản trị viên Đảng ủy"],
      [u.secA, "/settings org backup 03:00", "chỉ dành cho quản trị viên Đảng ủy"],
    ] as const) {
      await h.say(user, user.id, command);
      expect(h.lastText(user.id), command).toContain(answer);
    }
    expect(await snapshot()).toEqual(before);

    if (provider === "sqlite") {
      // The next backup moves to the new time at once (the job reads the time when planning).
      const old = await backupRow();
      await h.say(h.admin, h.admin.id, "/settings org backup 4h");
      expect(h.lastText(h.admin.id)).toBe("✅ Đã lưu thay đổi.\n• Sao lưu dữ liệu hằng ngày: lúc 04:00");
      expect(organisationSettings(await orgRow()).backupTime).toBe("04:00");
      const moved = await backupRow();
      // The clock is at 08:00 local: tomorrow's 02:00 run becomes tomorrow's 04:00 run.
      expect(moved!.dueAt.getTime() - old!.dueAt.getTime()).toBe(2 * 3600_000);
      expect(moved!.key).toBe(old!.key);
    } else {
      await h.say(h.admin, h.admin.id, "/settings org backup 04:00");
      expect(h.lastText(h.admin.id)).toContain("sao lưu bằng công cụ của máy chủ (pg_dump)");
      expect(await snapshot()).toEqual(before);
    }

    // English for an admin who reads English privately.
    await h.say(h.admin, h.admin.id, "/lang en");
    await h.say(h.admin, h.admin.id, "/settings org attendance 75");
    expect(lastMessage(h.admin.id)).toMatchObject({
      text: "✅ Change saved.\n• The monthly digest flags a cell when its attendance is below: 75%",
      buttons: [{ text: "See all settings" }],
    });
    await h.say(h.admin, h.admin.id, "/settings org names nope");
    expect(h.lastText(h.admin.id)).toContain("“nope” is not valid. Please write “on” to name members");
    await h.say(h.admin, h.admin.id, "/settings org reason 24");
    expect(h.lastText(h.admin.id)).toBe(
      "✅ Change saved.\n• Time to give a reason for an absence (after it, the absence counts as without reason): 1 day after the register is closed",
    );
    await h.say(h.admin, h.admin.id, "/lang vi");
  });

  describe("authorisation matrix", () => {
    const roles = () =>
      [
        { role: "stranger", user: u.stranger, allowed: false },
        { role: "member", user: u.member, allowed: false },
        { role: "group leader", user: u.leader, allowed: false },
        { role: "secretary of another cell", user: u.secB, allowed: false },
        { role: "secretary", user: u.secA, allowed: true },
        { role: "admin", user: h.admin, allowed: true },
      ] as const;

    it("/settings in a cell's group, typed and pressed", async () => {
      await h.say(u.secA, cellA.chatId, "/settings");
      const panel = lastMessage(cellA.chatId);
      const id = cellA.cell.id;
      for (const [i, { role, user, allowed }] of roles().entries()) {
        const before = await snapshot();
        await h.say(user, cellA.chatId, "/settings");
        const shown = h.lastText(cellA.chatId)!;
        await h.say(user, cellA.chatId, `/settings threshold ${3 + i}`);
        const typed = h.lastText(cellA.chatId)!;
        const press = await h.press(user, cellA.chatId, panel.message_id, `set:c:${id}:threshold:${9 - i}`);
        const answer = h.emulator.callbackAnswer(press.callback_query!.id);
        if (allowed) {
          expect(shown, role).toContain("⚙️ Cài đặt của Chi bộ Khu phố 1");
          expect(typed, role).toContain("✅ Đã lưu thay đổi.");
          expect(answer?.text, role).toBe("✅ Đã lưu thay đổi.");
          expect((await snapshot()).audits, role).toBe(before.audits + 2);
        } else {
          expect(shown, role).toBe(
            "Lệnh này chỉ dành cho Bí thư hoặc Phó Bí thư chi bộ. Đồng chí có thể xem việc của mình bằng /me.",
          );
          expect(typed, role).toBe(shown);
          expect(answer, role).toMatchObject({ text: "Nút này không dành cho đồng chí.", show_alert: true });
          expect(await snapshot(), role).toEqual(before);
        }
      }
    });

    it("/settings org privately, typed and pressed", async () => {
      let n = 0;
      for (const { role, user } of roles()) {
        const allowed = user === h.admin;
        n += 1;
        const before = await snapshot();
        await h.say(user, user.id, `/settings org threshold ${n}`);
        const typed = h.lastText(user.id)!;
        const target = lastMessage(user.id);
        const press = await h.press(user, user.id, target.message_id, `set:o:${orgId}:threshold:${n + 1}`);
        const answer = h.emulator.callbackAnswer(press.callback_query!.id);
        if (allowed) {
          expect(typed, role).toBe(
            "✅ Đã lưu thay đổi.\n• Báo riêng Bí thư khi đảng viên vắng không lý do: từ 1 lần trong năm".replace(
              "1 lần",
              `${n} lần`,
            ),
          );
          expect(answer?.text, role).toBe("✅ Đã lưu thay đổi.");
          expect((await snapshot()).audits, role).toBe(before.audits + 2);
        } else {
          expect(typed, role).toBe(
            "Lệnh này chỉ dành cho quản trị viên Đảng ủy. Đồng chí có thể xem thông tin của mình bằng /me.",
          );
          expect(answer, role).toMatchObject({ text: "Nút này không dành cho đồng chí.", show_alert: true });
          expect(await snapshot(), role).toEqual(before);
        }
      }
    });

    it("a cell's buttons pressed privately by the secretary of another cell change nothing", async () => {
      await h.say(u.secB, u.secB.id, "/settings");
      const own = lastMessage(u.secB.id);
      const before = await snapshot();
      const press = await h.press(u.secB, u.secB.id, own.message_id, `set:c:${cellA.cell.id}:quiet:off`);
      expect(h.emulator.callbackAnswer(press.callback_query!.id)?.text).toBe(
        "Nút này không dành cho đồng chí.",
      );
      expect(await snapshot()).toEqual(before);
    });

    it("/settings org in a group is refused even for an admin", async () => {
      const before = await snapshot();
      await h.say(h.admin, cellA.chatId, "/settings org threshold 3");
      expect(h.lastText(cellA.chatId)).toContain("chỉ dùng trong trò chuyện riêng");
      expect(await snapshot()).toEqual(before);
    });
  });
});
