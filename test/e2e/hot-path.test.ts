// The hot path: what every update needs (the caller with their memberships and language, the admins,
// the group's cell and language) comes from memory once known, so /me and a group message the bot
// ignores run no statement at all; and each write that changes what is cached is seen by the very
// next update (role, language, supergroup, new and removed admin), end to end through the bot.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installStatementCounter, statementCount } from "../../bench/statements.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { REFUSED_MANAGER, seedCell, type SeededCell } from "../support/ward.ts";

// Counts every statement the drivers run, BEGIN and COMMIT included; before any database opens.
installStatementCounter();

const REFUSED_ADMIN_VI = "Lệnh này chỉ dành cho quản trị viên Đảng ủy.";
const NOT_REGISTERED_VI = "Nhóm này chưa được đăng ký là chi bộ.";

describe.each(SUPPORTED_PROVIDERS)("hot path on %s", (provider) => {
  let h: Harness;
  let seeded: SeededCell;
  let secretary: User;
  let member: User;
  let outsider: User;

  beforeAll(async () => {
    h = await createHarness({ provider });
    secretary = h.emulator.createUser({ firstName: "Bí thư Hà", username: "bithu_ha" });
    member = h.emulator.createUser({ firstName: "Đảng viên Minh", username: "dv_minh" });
    outsider = h.emulator.createUser({ firstName: "Người ngoài Tư", username: "nguoi_tu" });
    seeded = await seedCell(h, "Chi bộ Đường nóng", [
      { user: secretary, role: "secretary" },
      { user: member, role: "member" },
    ]);
    h.emulator.startBot(h.botAccount, outsider);
    h.emulator.startBot(h.botAccount, h.admin);
    h.emulator.addMember(seeded.chatId, outsider);
    await h.flush();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function statementsOf(from: User, chatId: number, text: string): Promise<number> {
    const before = statementCount();
    await h.say(from, chatId, text);
    return statementCount() - before;
  }

  it("answers /me of a known member and ignores group talk without a statement", async () => {
    // The first update of someone loads them (and the admins) with one statement each. /me then
    // reads what is not cached (the member's open tasks) in one statement: within issue 13's ≤ 3.
    const first = await statementsOf(member, member.id, "/me");
    const again = await statementsOf(member, member.id, "/me");
    expect(first).toBeLessThanOrEqual(again + 3);
    expect(again).toBeLessThanOrEqual(3);
    expect(h.lastText(member.id)).toContain("Thông tin của đồng chí Đảng viên Minh");
    expect(h.lastText(member.id)).toContain("Chi bộ Đường nóng");

    await h.say(member, seeded.chatId, "Chào các đồng chí");
    const before = h.texts(seeded.chatId).length;
    expect(await statementsOf(member, seeded.chatId, "Tối nay họp lúc mấy giờ?")).toBe(0);
    expect(await statementsOf(secretary, seeded.chatId, "Bảy giờ tối nay nhé.")).toBeLessThanOrEqual(1);
    expect(await statementsOf(secretary, seeded.chatId, "Các đồng chí đến đúng giờ.")).toBe(0);
    expect(h.texts(seeded.chatId).length).toBe(before);
  });

  it("lists open tasks in /me, each due in its cell's time, within the same statements", async () => {
    const { tasks } = h.app.repos;
    const memberId = seeded.members.get(member.id)!.memberId;
    const task = (title: string, dueAt: Date | null) =>
      tasks.create({
        cellId: seeded.cell.id,
        title,
        assignerMemberId: null,
        partyGroupId: null,
        meetingId: null,
        dueAt,
        memberIds: [memberId],
        state: "open",
      });
    const dated = await task("Thu quỹ khuyến học", new Date("2026-12-10T10:00:00Z"));
    const undated = await task("Viết bài cho bản tin", null);
    const cancelled = await task("Việc đã hủy", null);
    await tasks.cancel(cancelled.id);

    expect(await statementsOf(member, member.id, "/me")).toBeLessThanOrEqual(3);
    const text = h.lastText(member.id);
    expect(text).toContain("Nhiệm vụ đang làm (2):");
    // 10:00 UTC is 17:00 in Hà Nội, the cell's time zone.
    expect(text).toMatch(new RegExp(`#${dated.id} Thu quỹ khuyến học — hạn: .*10/12/2026.*17:00`));
    expect(text).toContain(`#${undated.id} Viết bài cho bản tin`);
    expect(text).not.toContain("Việc đã hủy");
    await tasks.cancel(dated.id);
    await tasks.cancel(undated.id);
  });

  it("sees a role change at the next update", async () => {
    const number = seeded.members.get(member.id)!.number;
    await h.say(member, seeded.chatId, `/role #${number} đảng viên`);
    expect(h.lastText(seeded.chatId)).toBe(REFUSED_MANAGER);
    // Cached now; the secretary's /role writes the membership.
    await h.say(secretary, seeded.chatId, `/role #${number} phó bí thư`);
    expect(h.lastText(seeded.chatId)).toContain("thành Phó Bí thư");
    await h.say(member, seeded.chatId, `/role #${number} phó bí thư`);
    expect(h.lastText(seeded.chatId)).not.toBe(REFUSED_MANAGER);
    await h.say(member, member.id, "/me");
    expect(h.lastText(member.id)).toContain("Phó Bí thư");
    // And back.
    await h.say(secretary, seeded.chatId, `/role #${number} đảng viên`);
    await h.say(member, seeded.chatId, `/role #${number} đảng viên`);
    expect(h.lastText(seeded.chatId)).toBe(REFUSED_MANAGER);
  });

  it("sees a language change at the next update, privately and in the group", async () => {
    await h.say(member, member.id, "/me");
    expect(h.lastText(member.id)).toContain("Thông tin của đồng chí");
    await h.say(member, member.id, "/lang en");
    await h.say(member, member.id, "/me");
    expect(h.lastText(member.id)).toContain("Details for comrade Đảng viên Minh");
    await h.say(member, member.id, "/lang vi");

    await h.say(outsider, seeded.chatId, "/admins");
    expect(h.lastText(seeded.chatId)).toContain(REFUSED_ADMIN_VI);
    await h.say(h.admin, seeded.chatId, "/lang en");
    await h.say(outsider, seeded.chatId, "/admins");
    expect(h.lastText(seeded.chatId)).toContain("This command is only for committee admins.");
    await h.say(h.admin, seeded.chatId, "/lang vi");
    await h.say(outsider, seeded.chatId, "/admins");
    expect(h.lastText(seeded.chatId)).toContain(REFUSED_ADMIN_VI);
  });

  it("sees a new admin and a removed admin at the next update", async () => {
    await h.say(outsider, outsider.id, "/admins");
    expect(h.lastText(outsider.id)).toContain(REFUSED_ADMIN_VI);
    await h.say(h.admin, h.admin.id, `/add_admin ${outsider.id}`);
    await h.say(outsider, outsider.id, "/admins");
    expect(h.lastText(outsider.id)).not.toContain(REFUSED_ADMIN_VI);
    await h.say(h.admin, h.admin.id, `/remove_admin ${outsider.id}`);
    await h.say(outsider, outsider.id, "/admins");
    expect(h.lastText(outsider.id)).toContain(REFUSED_ADMIN_VI);
  });

  it("follows a group upgraded to a supergroup at the next update", async () => {
    const other = h.emulator.createUser({ firstName: "Đảng viên Lan" });
    const cell = await seedCell(h, "Chi bộ Nâng cấp", [{ user: other }]);
    await h.say(other, cell.chatId, "/members");
    expect(h.lastText(cell.chatId)).not.toContain(NOT_REGISTERED_VI);
    const newId = h.emulator.upgradeToSupergroup(cell.chatId);
    await h.flush();
    await h.say(other, newId, "/members");
    expect(h.lastText(newId)).toContain("Đảng viên Lan");
    expect(h.lastText(newId)).not.toContain(NOT_REGISTERED_VI);
    // The old id is no group of a cell any more.
    expect((await h.app.services.cache.chat(cell.chatId)).cell).toBeNull();
    expect((await h.app.services.cache.chat(newId)).cell?.id).toBe(cell.cell.id);
  });
});

describe.each(SUPPORTED_PROVIDERS)("dedupe on %s", (provider) => {
  for (const dedupe of ["memory", "database"] as const) {
    it(`DEDUPE=${dedupe}: handles a redelivered update once, recording it ${dedupe === "memory" ? "in memory only" : "in the database"}`, async () => {
      const h = await createHarness({ provider, env: { DEDUPE: dedupe } });
      try {
        const user = h.emulator.createUser({ firstName: "Đức" });
        const update = h.emulator.startBot(h.botAccount, user);
        await h.flush();
        const answers = h.emulator.botMessages(h.botAccount, user.id).length;
        expect(answers).toBeGreaterThan(0);
        await h.app.bot.handleUpdate(update);
        expect(h.emulator.botMessages(h.botAccount, user.id).length).toBe(answers);
        const recorded = await h.app.database.prisma.processedUpdate.count({
          where: { updateId: BigInt(update.update_id) },
        });
        expect(recorded).toBe(dedupe === "database" ? 1 : 0);
      } finally {
        await h.close();
      }
    });
  }
});
