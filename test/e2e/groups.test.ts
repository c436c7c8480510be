// Party groups: /group new|leader|add|remove and /groups, through the emulator on both databases.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import {
  membershipSnapshot,
  REFUSED_MANAGER,
  REFUSED_MEMBERS,
  seedCell,
  type SeededCell,
} from "../support/ward.ts";

describe.each(SUPPORTED_PROVIDERS)("party groups on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let otherCell: SeededCell;
  let secretary: User;
  let deputy: User;
  let leader: User;
  let lan: User;
  let binh: User;
  let cuc: User;
  let dung: User;
  let stranger: User;
  let otherSecretary: User;

  const prisma = () => h.app.database.prisma;
  const snapshot = () => membershipSnapshot(h);
  const group = () => cell.chatId;
  const groupNamed = async (name: string) =>
    (await h.app.repos.partyGroups.listByCell(cell.cell.id)).find((g) => g.name === name)!;
  const membership = (user: User) =>
    h.app.repos.memberships.find(cell.members.get(user.id)!.memberId, cell.cell.id);

  beforeAll(async () => {
    h = await createHarness({ provider });
    const user = (firstName: string, username?: string) =>
      h.emulator.createUser({
        firstName,
        ...(username ? { username: `${username}_${provider.slice(0, 2)}` } : {}),
      });
    secretary = user("Nguyễn Văn Hải", "bithu_hai");
    deputy = user("Trần Thị Mai", "pho_mai");
    leader = user("Lê Văn Tâm", "totruong_tam");
    lan = user("Lan Nguyễn");
    binh = user("Phạm Văn Bình", "binh_pham");
    cuc = user("Trần Thị Cúc", "cuc_tran");
    dung = user("Hồ Văn Dũng");
    cell = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: secretary, role: "secretary" },
      { user: deputy, role: "deputy" },
      { user: leader, role: "group_leader" },
      { user: lan },
      { user: binh },
      { user: cuc, role: "committee" },
      { user: dung },
      { user: user("Ngô Thị Hà") },
    ]);
    otherSecretary = user("Đỗ Văn Khoa", "bithu_khoa");
    otherCell = await seedCell(h, "Chi bộ Khu phố 2", [{ user: otherSecretary, role: "secretary" }]);
    stranger = user("Vũ Văn Lạ", "nguoi_la");
    h.emulator.startBot(h.botAccount, stranger);
    h.emulator.startBot(h.botAccount, h.admin);
    h.emulator.addMember(group(), stranger);
    h.emulator.addMember(group(), otherSecretary);
    await h.flush();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("creates groups, audited, and refuses duplicates and bad names without writing", async () => {
    await h.say(secretary, group(), "/groups");
    expect(h.lastText(group())).toBe(
      "Chi bộ Khu phố 1 chưa có tổ đảng nào. Bí thư chi bộ lập tổ bằng /group new <tên tổ>.",
    );
    await h.say(secretary, group(), "/group leader Tổ 1 #4");
    expect(h.lastText(group())).toContain("Chi bộ chưa có tổ đảng nào. Xin lập tổ trước");

    await h.say(secretary, group(), "/group new   Tổ   1 ");
    expect(h.lastText(group())).toBe(
      "Đã lập tổ đảng “Tổ 1”.\nTiếp theo: /group leader Tổ 1 <đảng viên> để chỉ định tổ trưởng, /group add Tổ 1 <các đảng viên> để thêm đảng viên.",
    );
    const audits = await h.app.repos.audit.list({ action: "party_group.create" });
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]!.after!)).toEqual({ name: "Tổ 1" });
    expect(audits[0]?.cellId).toBe(cell.cell.id);

    const before = await snapshot();
    for (const dup of ["/group new Tổ 1", "/group new tổ 1", "/group new TO 1", "/group tạo Tổ  1"]) {
      await h.say(secretary, group(), dup);
      expect(h.lastText(group())).toBe("Chi bộ đã có tổ đảng “Tổ 1”. Xin chọn tên khác.");
    }
    await h.say(secretary, group(), "/group new");
    expect(h.lastText(group())).toBe("Xin ghi tên tổ đảng, ví dụ /group new Tổ 1.");
    await h.say(secretary, group(), "/group new      ");
    expect(h.lastText(group())).toBe("Xin ghi tên tổ đảng, ví dụ /group new Tổ 1.");
    await h.say(secretary, group(), `/group new ${"x".repeat(4085)}`);
    expect(h.lastText(group())).toBe(
      "Tên tổ đảng dài quá (4.085 ký tự). Xin đặt tên ngắn gọn, tối đa 64 ký tự.",
    );
    await h.say(secretary, group(), "/group new Tổ 🌟 Sao");
    expect(h.lastText(group())).toContain("không dùng biểu tượng cảm xúc");
    await h.say(secretary, group(), "/group new Тổ 2");
    expect(h.lastText(group())).toContain("lẫn nhiều loại chữ viết");
    await h.say(secretary, group(), "/group delete Tổ 1");
    expect(h.lastText(group())).toContain("Cách dùng lệnh /group:");
    await h.say(secretary, group(), "/group");
    expect(h.lastText(group())).toContain("/group add <tên tổ> <các đảng viên>");
    expect(await snapshot()).toEqual(before);

    await h.say(deputy, group(), "/group new Tổ Cơ khí");
    expect(h.lastText(group())).toContain("Đã lập tổ đảng “Tổ Cơ khí”.");
    await h.say(h.admin, group(), "/group new Tổ 10");
    expect(h.lastText(group())).toContain("Đã lập tổ đảng “Tổ 10”.");
    expect(await prisma().partyGroup.count({ where: { cellId: cell.cell.id } })).toBe(3);
  });

  it("sets a leader: a plain member becomes group leader, the previous one goes back, all audited", async () => {
    const auditsBefore = await prisma().auditEntry.count();
    await h.say(secretary, group(), "/group leader Tổ 1 #4");
    expect(h.lastText(group())).toBe(
      "Đã chỉ định đồng chí Lan Nguyễn (#4) làm tổ trưởng “Tổ 1”.\nVai trò của đồng chí Lan Nguyễn nay là Tổ trưởng tổ đảng.",
    );
    const tổ1 = await groupNamed("Tổ 1");
    expect(tổ1.leaderMemberId).toBe(cell.members.get(lan.id)!.memberId);
    expect(tổ1.size).toBe(1);
    expect((await membership(lan))?.role).toBe("group_leader");
    expect((await membership(lan))?.partyGroupId).toBe(tổ1.id);
    const actions = (
      await prisma().auditEntry.findMany({ where: { id: { gt: auditsBefore } }, orderBy: { id: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["party_group.leader", "membership.party_group", "membership.role"]);

    await h.say(secretary, group(), "/group leader to 1 #4");
    expect(h.lastText(group())).toBe("Đồng chí Lan Nguyễn (#4) đã là tổ trưởng “Tổ 1”.");

    await h.say(secretary, group(), `/group leader Tổ 1 @${binh.username}`);
    expect(h.lastText(group())).toBe(
      [
        "Đã chỉ định đồng chí Phạm Văn Bình (#5) làm tổ trưởng “Tổ 1”.",
        "Vai trò của đồng chí Phạm Văn Bình nay là Tổ trưởng tổ đảng.",
        "Đồng chí Lan Nguyễn thôi làm tổ trưởng “Tổ 1”.",
        "Vai trò của đồng chí Lan Nguyễn trở lại là Đảng viên.",
      ].join("\n"),
    );
    expect((await membership(lan))?.role).toBe("member");
    expect((await membership(binh))?.role).toBe("group_leader");

    // A committee member keeps their role when they lead a group.
    await h.say(secretary, group(), "/group leader Tổ Cơ khí #6");
    expect(h.lastText(group())).toBe("Đã chỉ định đồng chí Trần Thị Cúc (#6) làm tổ trưởng “Tổ Cơ khí”.");
    expect((await membership(cuc))?.role).toBe("committee");

    // Leading another group moves the member there and releases the group they left.
    await h.say(secretary, group(), "/group leader Tổ 10 #5");
    expect(h.lastText(group())).toContain(
      "Đồng chí Phạm Văn Bình chuyển từ “Tổ 1” sang tổ này và thôi làm tổ trưởng “Tổ 1”.",
    );
    expect((await membership(binh))?.role).toBe("group_leader");
    expect((await groupNamed("Tổ 1")).leaderMemberId).toBeNull();

    await h.say(secretary, group(), "/group leader Tổ 1 #3");
    expect(h.lastText(group())).toBe("Đã chỉ định đồng chí Lê Văn Tâm (#3) làm tổ trưởng “Tổ 1”.");
  });

  it("adds several members at once and reports who was added, moved, already there or not found", async () => {
    await h.say(secretary, group(), `/group add Tổ Cơ khí #4, @${binh.username} #99 @khong_co_ai ;#6`);
    expect(h.lastText(group())).toBe(
      [
        "Tổ đảng “Tổ Cơ khí”:",
        "• Đã chuyển từ tổ khác sang: #4 Lan Nguyễn, #5 Phạm Văn Bình",
        "• Đã ở trong tổ từ trước: #6 Trần Thị Cúc",
        "• Không tìm thấy trong chi bộ: #99, @khong_co_ai — xin kiểm tra lại bằng /members.",
        "Đồng chí Phạm Văn Bình thôi làm tổ trưởng “Tổ 10” vì đã chuyển tổ; tổ ấy hiện chưa có tổ trưởng.",
      ].join("\n"),
    );
    expect((await membership(binh))?.role).toBe("member");
    const coKhi = await groupNamed("Tổ Cơ khí");
    expect(coKhi.size).toBe(3);

    // By reply, by full name, and by text mention.
    const said = h.emulator.sendText(h.botAccount, dung, group(), "Tôi xin vào tổ cơ khí");
    await h.flush();
    await h.say(secretary, group(), "/group add Tổ Cơ khí", { replyToMessageId: said.message!.message_id });
    expect(h.lastText(group())).toBe("Tổ đảng “Tổ Cơ khí”:\n• Đã thêm: #7 Hồ Văn Dũng");
    await h.say(secretary, group(), "/group add tổ cơ khí Ngô Thị Hà");
    expect(h.lastText(group())).toBe("Tổ đảng “Tổ Cơ khí”:\n• Đã thêm: #8 Ngô Thị Hà");
    const text = "/group add Tổ 10 | Lan Nguyễn";
    h.emulator.sendText(h.botAccount, secretary, group(), text, {
      mentions: [{ user: lan, offset: text.indexOf("Lan"), length: "Lan Nguyễn".length }],
    });
    await h.flush();
    expect(h.lastText(group())).toBe("Tổ đảng “Tổ 10”:\n• Đã chuyển từ tổ khác sang: #4 Lan Nguyễn");

    const before = await snapshot();
    await h.say(secretary, group(), "/group add Tổ Cơ khí");
    expect(h.lastText(group())).toBe(
      "Xin ghi các đảng viên cần thêm sau tên tổ, ví dụ /group add Tổ Cơ khí @nguyenvanan #5.",
    );
    await h.say(secretary, group(), "/group add Tổ Cơ khí Nguyễn");
    expect(h.lastText(group())).toContain("Có nhiều đảng viên khớp với “Nguyễn”");
    await h.say(secretary, group(), "/group add Tổ 9 #4");
    expect(h.lastText(group())).toBe(
      "Chi bộ chưa có tổ đảng “Tổ 9”. Các tổ hiện có: “Tổ 1”, “Tổ 10”, “Tổ Cơ khí”.",
    );
    await h.say(secretary, group(), "/group add 🙂 #4");
    expect(h.lastText(group())).toContain("Chi bộ chưa có tổ đảng “🙂”");
    await h.say(secretary, group(), "/group add Tổ 1 #99 @khong_co_ai");
    expect(h.lastText(group())).toBe(
      "Tổ đảng “Tổ 1”:\n• Không tìm thấy trong chi bộ: #99, @khong_co_ai — xin kiểm tra lại bằng /members.",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("removes a member, releasing the leadership when they led the group", async () => {
    await h.say(secretary, group(), "/group remove Tổ Cơ khí #8");
    expect(h.lastText(group())).toBe("Đã đưa đồng chí Ngô Thị Hà (#8) ra khỏi tổ “Tổ Cơ khí”.");
    const before = await snapshot();
    await h.say(secretary, group(), "/group remove Tổ Cơ khí #8");
    expect(h.lastText(group())).toBe("Đồng chí Ngô Thị Hà (#8) không thuộc tổ “Tổ Cơ khí”.");
    await h.say(secretary, group(), "/group remove Tổ Cơ khí");
    expect(h.lastText(group())).toContain("Xin cho biết đồng chí nào");
    expect(await snapshot()).toEqual(before);

    await h.say(deputy, group(), "/group remove Tổ 1 #3");
    expect(h.lastText(group())).toBe(
      [
        "Đã đưa đồng chí Lê Văn Tâm (#3) ra khỏi tổ “Tổ 1”.",
        "Tổ “Tổ 1” hiện chưa có tổ trưởng; xin chỉ định bằng /group leader Tổ 1 <đảng viên>.",
        "Vai trò của đồng chí Lê Văn Tâm trở lại là Đảng viên.",
      ].join("\n"),
    );
    expect((await membership(leader))?.role).toBe("member");
    expect((await membership(leader))?.partyGroupId).toBeNull();
    const moves = await h.app.repos.audit.list({ action: "membership.party_group" });
    expect(JSON.parse(moves.at(-1)!.after!)).toEqual({
      memberId: cell.members.get(leader.id)!.memberId,
      partyGroupId: null,
    });

    await h.say(h.admin, group(), "/group leader Tổ 1 #3");
    expect((await membership(leader))?.role).toBe("group_leader");
  });

  it("lists the groups with leader and size for every member of the cell", async () => {
    const expected = [
      "Các tổ đảng của Chi bộ Khu phố 1 (3):",
      "• Tổ 1 — tổ trưởng: Lê Văn Tâm (#3); 1 đảng viên",
      "• Tổ 10 — tổ trưởng: chưa có; 1 đảng viên",
      "• Tổ Cơ khí — tổ trưởng: Trần Thị Cúc (#6); 3 đảng viên",
    ].join("\n");
    for (const user of [lan, leader, secretary, h.admin]) {
      await h.say(user, group(), "/groups");
      expect(h.lastText(group())).toBe(expected);
    }
    await h.say(lan, lan.id, "/groups");
    expect(h.lastText(lan.id)).toBe(expected);
    await h.say(lan, lan.id, "/members");
    expect(h.lastText(lan.id)).toContain("#4 Lan Nguyễn — Đảng viên, chính thức, Tổ 10");
    await h.say(lan, lan.id, "/me");
    expect(h.lastText(lan.id)).toContain("• Chi bộ Khu phố 1 (#4): Đảng viên, đảng viên chính thức, Tổ 10");
    await h.say(otherSecretary, otherSecretary.id, "/groups");
    expect(h.lastText(otherSecretary.id)).toContain("Chi bộ Khu phố 2 chưa có tổ đảng nào.");
    await h.say(otherSecretary, otherSecretary.id, "/group add Tổ 1 #1");
    expect(h.lastText(otherSecretary.id)).toContain("Chi bộ chưa có tổ đảng nào.");
    expect(await prisma().partyGroup.count({ where: { cellId: otherCell.cell.id } })).toBe(0);
  });

  it("takes their groups away from a group leader made a plain member with /role", async () => {
    await h.say(secretary, group(), "/role #3 đảng viên");
    expect(h.lastText(group())).toBe(
      "Đã cập nhật vai trò: đồng chí Lê Văn Tâm (#3) từ Tổ trưởng tổ đảng thành Đảng viên.\nĐồng chí Lê Văn Tâm thôi làm tổ trưởng: Tổ 1.",
    );
    expect((await groupNamed("Tổ 1")).leaderMemberId).toBeNull();
    const leaderAudits = await h.app.repos.audit.list({ action: "party_group.leader" });
    expect(JSON.parse(leaderAudits.at(-1)!.after!)).toEqual({ leaderMemberId: null });
    await h.say(secretary, group(), "/group leader Tổ 1 #3");
    expect((await membership(leader))?.role).toBe("group_leader");
    expect((await groupNamed("Tổ 1")).leaderMemberId).toBe(cell.members.get(leader.id)!.memberId);
  });

  describe("authorisation matrix", () => {
    const changes = [
      "/group new Tổ Mới",
      "/group leader Tổ 1 #4",
      "/group add Tổ 1 #4 #5",
      "/group remove Tổ Cơ khí #6",
      "/group",
    ];

    it.each(changes)(
      "refuses %s to stranger, member, group leader and another cell's secretary",
      async (command) => {
        const before = await snapshot();
        const refused: [string, User][] = [
          ["stranger", stranger],
          ["member", lan],
          ["group leader", leader],
          ["secretary of another cell", otherSecretary],
        ];
        for (const [role, user] of refused) {
          await h.say(user, group(), command);
          expect(h.lastText(group()), role).toBe(REFUSED_MANAGER);
          if (role === "secretary of another cell") continue;
          await h.say(user, user.id, command);
          expect(h.lastText(user.id), role).toBe(REFUSED_MANAGER);
        }
        expect(await snapshot()).toEqual(before);
      },
    );

    it("refuses /groups to strangers and another cell's secretary", async () => {
      const before = await snapshot();
      for (const user of [stranger, otherSecretary]) {
        await h.say(user, group(), "/groups");
        expect(h.lastText(group())).toBe(REFUSED_MEMBERS);
      }
      await h.say(stranger, stranger.id, "/groups");
      expect(h.lastText(stranger.id)).toBe(REFUSED_MEMBERS);
      expect(await snapshot()).toEqual(before);
    });

    it("allows every /group subcommand to the secretary, the deputy and an admin", async () => {
      for (const [i, who] of [secretary, deputy, h.admin].entries()) {
        await h.say(who, group(), `/group new Tổ Thử ${i}`);
        expect(h.lastText(group())).toContain(`Đã lập tổ đảng “Tổ Thử ${i}”.`);
        await h.say(who, group(), `/group add Tổ Thử ${i} #8`);
        expect(h.lastText(group())).toContain("#8 Ngô Thị Hà");
        await h.say(who, group(), `/group leader Tổ Thử ${i} #8`);
        expect(h.lastText(group())).toContain(
          `Đã chỉ định đồng chí Ngô Thị Hà (#8) làm tổ trưởng “Tổ Thử ${i}”.`,
        );
        await h.say(who, group(), `/group remove Tổ Thử ${i} #8`);
        expect(h.lastText(group())).toContain("Đã đưa đồng chí Ngô Thị Hà (#8) ra khỏi tổ");
      }
      expect((await membership(lan))?.partyGroupId).toBe((await groupNamed("Tổ 10")).id);
    });
  });
});
