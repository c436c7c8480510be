// Committee admins follow the configuration at each start, and /remove_admin takes back what
// /add_admin gave, never a configured admin nor the last one.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";

const ADMIN_ONLY =
  "Lệnh này chỉ dành cho quản trị viên Đảng ủy. Đồng chí có thể xem thông tin của mình bằng /me.";

describe.each(SUPPORTED_PROVIDERS)("committee admins on %s", (provider) => {
  let h: Harness;
  let first: User;
  let second: User;
  let added: User;
  let stranger: User;

  const adminRows = async () =>
    (await h.app.repos.admins.list()).map((a) => [a.telegramId, a.fromConfig] as const);
  const audits = (action: string) => h.app.repos.audit.list({ action });

  beforeAll(async () => {
    h = await createHarness({ provider, env: { ADMIN_IDS: "1001,1002" } });
    first = h.emulator.createUser({ id: 1001, firstName: "Một" });
    second = h.emulator.createUser({ id: 1002, firstName: "Hai" });
    added = h.emulator.createUser({ id: 1003, firstName: "Ba" });
    stranger = h.emulator.createUser({ id: 1004, firstName: "Bốn" });
    for (const u of [first, second, added, stranger]) h.emulator.startBot(h.botAccount, u);
    await h.flush();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("drops an admin taken out of ADMIN_IDS at the next start, and keeps one also added by /add_admin", async () => {
    await h.say(first, first.id, `/add_admin ${added.id}`);
    expect(h.lastText(first.id)).toBe("Đã thêm Ba làm quản trị viên Đảng ủy.");
    // A configured id typed in /add_admin is already an admin, and stays one from configuration.
    await h.restart({ ADMIN_IDS: "1001,1002,1004" });
    await h.say(first, first.id, "/add_admin 1004");
    expect(h.lastText(first.id)).toBe("Bốn đã là quản trị viên Đảng ủy.");
    expect(await adminRows()).toEqual([
      [1001, true],
      [1002, true],
      [1003, false],
      [1004, true],
    ]);

    await h.restart({ ADMIN_IDS: "1001" });
    expect(await adminRows()).toEqual([
      [1001, true],
      [1003, false],
    ]);
    const removed = await audits("admin.config-remove");
    expect(removed.map((a) => a.targetId).sort()).toEqual(["1002", "1004"]);
    expect(removed.every((a) => a.actorTgId === null)).toBe(true);

    await h.say(second, second.id, "/add_admin 1005");
    expect(h.lastText(second.id)).toBe(ADMIN_ONLY);
    await h.say(first, first.id, "/admins");
    expect(h.lastText(first.id)).toBe("Quản trị viên Đảng ủy (2):\n• Một (cấu hình hệ thống)\n• Ba");
    expect(await h.app.repos.admins.isAdmin(second.id)).toBe(false);
  });

  it("keeps an admin added by /add_admin who was configured and is no longer", async () => {
    await h.restart({ ADMIN_IDS: "1001,1003" });
    expect(await adminRows()).toEqual([
      [1001, true],
      [1003, true],
    ]);
    await h.restart({ ADMIN_IDS: "1001" });
    expect(await adminRows()).toEqual([
      [1001, true],
      [1003, false],
    ]);
    expect((await audits("admin.config-unlisted")).map((a) => a.targetId)).toEqual(["1003"]);
  });

  describe("/remove_admin", () => {
    it("is refused to anyone but an admin, changing nothing", async () => {
      const before = await adminRows();
      for (const who of [second, stranger]) {
        await h.say(who, who.id, `/remove_admin ${added.id}`);
        expect(h.lastText(who.id)).toBe(ADMIN_ONLY);
      }
      expect(await adminRows()).toEqual(before);
      expect(await audits("admin.remove")).toEqual([]);
    });

    it("does not remove a configured admin", async () => {
      await h.say(added, added.id, `/remove_admin ${first.id}`);
      expect(h.lastText(added.id)).toBe(
        "Một là quản trị viên trong cấu hình hệ thống (ADMIN_IDS). Muốn bỏ quyền này, người quản lý máy chủ cần xoá mã số đó khỏi ADMIN_IDS rồi khởi động lại Trợ lý.",
      );
      expect(await adminRows()).toEqual([
        [1001, true],
        [1003, false],
      ]);
    });

    it("answers usage, a bad id and someone who is not an admin", async () => {
      await h.say(first, first.id, "/remove_admin");
      expect(h.lastText(first.id)).toContain("Cách dùng: trả lời tin nhắn của quản trị viên cần bỏ");
      await h.say(first, first.id, "/remove_admin ông Ba");
      expect(h.lastText(first.id)).toContain("“ông Ba” không phải là mã số Telegram hợp lệ");
      await h.say(first, first.id, `/remove_admin ${stranger.id}`);
      expect(h.lastText(first.id)).toBe("Bốn không phải là quản trị viên Đảng ủy, nên không có gì thay đổi.");
    });

    it("removes an added admin, audited, in English too", async () => {
      await h.say(first, first.id, "/lang en");
      await h.say(first, first.id, `/remove_admin ${added.id}`);
      expect(h.lastText(first.id)).toBe("Ba is no longer a committee admin.");
      await h.say(first, first.id, "/lang vi");
      expect(await adminRows()).toEqual([[1001, true]]);
      const [entry] = await audits("admin.remove");
      expect(entry?.targetId).toBe("1003");
      expect(entry?.actorTgId).toBe(BigInt(first.id));
      await h.say(added, added.id, "/admins");
      expect(h.lastText(added.id)).toBe(ADMIN_ONLY);
    });

    it("never removes the last admin", async () => {
      // The only admin left came from /add_admin once the configuration names nobody.
      await h.say(first, first.id, `/add_admin ${added.id}`);
      await h.restart({ ADMIN_IDS: "" });
      expect(await adminRows()).toEqual([[1003, false]]);
      await h.say(added, added.id, `/remove_admin ${added.id}`);
      expect(h.lastText(added.id)).toBe(
        "Ba là quản trị viên Đảng ủy duy nhất; Trợ lý không bỏ quyền này để Đảng ủy luôn còn người quản trị. Xin thêm một quản trị viên khác bằng /add_admin trước.",
      );
      expect(await adminRows()).toEqual([[1003, false]]);
    });

    it("is listed in the admins' /help only", async () => {
      await h.say(added, added.id, "/help");
      const help = h.emulator.lastBotMessage(h.botAccount, added.id)!;
      await h.press(added, added.id, help.message_id, help.buttons[0]!.callback_data!);
      expect(h.lastText(added.id)).toContain(
        "/remove_admin — bỏ quyền quản trị viên đã được thêm bằng /add_admin",
      );
      await h.say(stranger, stranger.id, "/help");
      expect(h.lastText(stranger.id)).not.toContain("/remove_admin");
    });
  });
});
