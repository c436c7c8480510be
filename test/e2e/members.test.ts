// /role, /status, /members (with paging), /me and /help by role, and naming members in every form,
// through the emulator on both databases.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import {
  membershipSnapshot,
  REFUSED_MANAGER,
  REFUSED_MEMBERS,
  seedCell,
  type SeedMember,
  type SeededCell,
} from "../support/ward.ts";

describe.each(SUPPORTED_PROVIDERS)("members, roles and statuses on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let otherCell: SeededCell;
  let secretary: User;
  let deputy: User;
  let leader: User;
  let lan: User;
  let binh: User;
  let stranger: User;
  let otherSecretary: User;

  const prisma = () => h.app.database.prisma;
  /** Everything a refused command must leave alone. */
  const snapshot = () => membershipSnapshot(h);
  const roleOf = async (user: User) => {
    const member = await h.app.repos.members.findByTelegramId(user.id);
    return member?.memberships.find((m) => m.cellId === cell.cell.id);
  };
  const group = () => cell.chatId;
  /** The `field` of an audit entry's before and after JSON. */
  const change = (entry: { before: string | null; after: string | null }, field: string): unknown[] => [
    (JSON.parse(entry.before ?? "{}") as Record<string, unknown>)[field],
    (JSON.parse(entry.after ?? "{}") as Record<string, unknown>)[field],
  ];

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
    const people: SeedMember[] = [
      { user: secretary, role: "secretary" },
      { user: deputy, role: "deputy" },
      { user: leader, role: "group_leader" },
      { user: lan },
      { user: binh, status: "probationary" },
      { user: user("Nguyễn Văn Hùng") },
      { user: user("Nguyễn Văn Hùng"), started: false },
      { user: user("Hoàng Thị Quyên"), status: "exempt" },
    ];
    for (let i = 9; i <= 24; i++) people.push({ user: user(`Thành viên ${i}`), started: i % 2 === 0 });
    cell = await seedCell(h, "Chi bộ Khu phố 1", people);
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

  it("lets the secretary set roles with Vietnamese or English words and audits each change", async () => {
    await h.say(secretary, group(), "/role #4 chi ủy viên");
    expect(h.lastText(group())).toBe(
      "Đã cập nhật vai trò: đồng chí Lan Nguyễn (#4) từ Đảng viên thành Chi ủy viên.",
    );
    expect((await roleOf(lan))?.role).toBe("committee");

    await h.say(secretary, group(), "/role #4 PHO BI THU");
    expect(h.lastText(group())).toContain("từ Chi ủy viên thành Phó Bí thư");
    await h.say(secretary, group(), "/role #4 Tổ Trưởng");
    expect((await roleOf(lan))?.role).toBe("group_leader");
    await h.say(secretary, group(), "/role #4 member");
    expect((await roleOf(lan))?.role).toBe("member");

    const audits = await h.app.repos.audit.list({ action: "membership.role" });
    expect(audits.map((a) => change(a, "role"))).toEqual([
      ["member", "committee"],
      ["committee", "deputy"],
      ["deputy", "group_leader"],
      ["group_leader", "member"],
    ]);
    expect(audits[0]?.cellId).toBe(cell.cell.id);
    expect(Number(audits[0]?.actorTgId)).toBe(secretary.id);
    expect(audits[0]?.targetId).toBe(String(cell.members.get(lan.id)!.membershipId));

    await h.say(secretary, group(), "/role #4 đảng viên");
    expect(h.lastText(group())).toBe("Đồng chí Lan Nguyễn (#4) đã là Đảng viên, không cần thay đổi.");
    expect(await prisma().auditEntry.count({ where: { action: "membership.role" } })).toBe(4);
  });

  it("names the member by @username, reply, text mention, number and full name", async () => {
    await h.say(secretary, group(), `/role @${binh.username} chi ủy`);
    expect(h.lastText(group())).toContain("đồng chí Phạm Văn Bình (#5) từ Đảng viên thành Chi ủy viên");

    const said = h.emulator.sendText(h.botAccount, lan, group(), "Kính chào chi bộ");
    await h.flush();
    await h.say(secretary, group(), "/role chi ủy", { replyToMessageId: said.message!.message_id });
    expect(h.lastText(group())).toContain("đồng chí Lan Nguyễn (#4) từ Đảng viên thành Chi ủy viên");

    const text = "/role Lan Nguyễn đảng viên";
    h.emulator.sendText(h.botAccount, secretary, group(), text, {
      mentions: [{ user: lan, offset: text.indexOf("Lan"), length: "Lan Nguyễn".length }],
    });
    await h.flush();
    expect(h.lastText(group())).toContain("đồng chí Lan Nguyễn (#4) từ Chi ủy viên thành Đảng viên");

    await h.say(secretary, group(), "/role 5 đảng viên");
    expect(h.lastText(group())).toContain("Phạm Văn Bình (#5) từ Chi ủy viên thành Đảng viên");
    await h.say(secretary, group(), "/role pham van binh chi uy");
    expect(h.lastText(group())).toContain("Phạm Văn Bình (#5) từ Đảng viên thành Chi ủy viên");
    await h.say(secretary, group(), "/role đảng viên @" + binh.username);
    expect(h.lastText(group())).toContain("Phạm Văn Bình (#5) từ Chi ủy viên thành Đảng viên");
  });

  it("asks back, writing nothing, when the member is unknown, ambiguous or missing", async () => {
    const before = await snapshot();
    await h.say(secretary, group(), "/role Nguyễn Văn Hùng chi ủy");
    expect(h.lastText(group())).toBe(
      "Có nhiều đảng viên khớp với “Nguyễn Văn Hùng”:\n#6 Nguyễn Văn Hùng\n#7 Nguyễn Văn Hùng\nXin gõ lại lệnh với số thứ tự, ví dụ #3.",
    );
    await h.say(secretary, group(), "/role Quyên chi ủy");
    expect(h.lastText(group())).toContain("Có phải đồng chí muốn nói:\n#8 Hoàng Thị Quyên");
    await h.say(secretary, group(), "/role nguyen chi ủy");
    expect(h.lastText(group())).toContain("#1 Nguyễn Văn Hải (@bithu_hai");
    await h.say(secretary, group(), "/role @khong_co_ai bí thư");
    expect(h.lastText(group())).toBe(
      "Không tìm thấy đảng viên “@khong_co_ai” trong chi bộ. Xin kiểm tra lại bằng /members (có thể ghi số thứ tự, ví dụ #3).",
    );
    await h.say(secretary, group(), "/role #99 bí thư");
    expect(h.lastText(group())).toContain("Không tìm thấy đảng viên “#99”");
    await h.say(secretary, group(), "/role chi ủy");
    expect(h.lastText(group())).toContain("Xin cho biết đồng chí nào");
    await h.say(secretary, group(), `/role @${stranger.username} chi ủy`);
    expect(h.lastText(group())).toContain("Không tìm thấy đảng viên");
    await h.say(secretary, group(), `/role ${"Nguyễn".repeat(680)} chi ủy`);
    expect(h.lastText(group())).toMatch(/^Không tìm thấy đảng viên “[^”]{63}…” trong chi bộ/u);
    await h.say(secretary, group(), "/role 🙂🙂🙂 chi ủy");
    expect(h.lastText(group())).toContain("Không tìm thấy đảng viên “🙂🙂🙂”");
    await h.say(secretary, group(), "/role Лан Nguyễn 李 chi ủy");
    expect(h.lastText(group())).toContain("Không tìm thấy đảng viên “Лан Nguyễn 李”");
    expect(await snapshot()).toEqual(before);
  });

  it("lists the accepted words for an unknown role or status and writes nothing", async () => {
    const before = await snapshot();
    await h.say(secretary, group(), "/role #4 chủ tịch");
    expect(h.lastText(group())).toBe(
      "Trợ lý chưa hiểu vai trò “chủ tịch”. Xin ghi vai trò ở cuối lệnh, là một trong:\nbí thư, phó bí thư, chi ủy viên (chi ủy), tổ trưởng, đảng viên.\nVí dụ: /role #3 phó bí thư",
    );
    await h.say(secretary, group(), "/role #4 🙂");
    expect(h.lastText(group())).toContain("chưa hiểu vai trò “🙂”");
    await h.say(secretary, group(), `/role #4 ${"x".repeat(4000)}`);
    expect(h.lastText(group())).toMatch(/chưa hiểu vai trò “x{63}…”/);
    await h.say(secretary, group(), "/role");
    expect(h.lastText(group())).toContain("Cách dùng: /role <đảng viên> <vai trò>");
    await h.say(secretary, group(), "/role #4");
    expect(h.lastText(group())).toContain("Cách dùng: /role");
    await h.say(secretary, group(), "/status #4 bí thư");
    expect(h.lastText(group())).toContain("chưa hiểu tình trạng “bí thư”");
    expect(h.lastText(group())).toContain("chính thức, dự bị, miễn sinh hoạt");
    await h.say(secretary, group(), "/status");
    expect(h.lastText(group())).toContain("Cách dùng: /status");
    expect(await snapshot()).toEqual(before);
  });

  it("sets statuses with words in either language, audited with before and after", async () => {
    await h.say(deputy, group(), "/status #4 dự bị");
    expect(h.lastText(group())).toBe(
      "Đã cập nhật: đồng chí Lan Nguyễn (#4) nay là đảng viên dự bị (trước đây: chính thức).",
    );
    await h.say(deputy, group(), "/status #4 Miễn Sinh Hoạt");
    expect((await roleOf(lan))?.status).toBe("exempt");
    await h.say(h.admin, group(), "/status #4 official");
    expect((await roleOf(lan))?.status).toBe("official");
    await h.say(h.admin, group(), "/status #4 chinh thuc");
    expect(h.lastText(group())).toContain("đã là đảng viên chính thức");
    const audits = await h.app.repos.audit.list({ action: "membership.status" });
    expect(audits.map((a) => change(a, "status"))).toEqual([
      ["official", "probationary"],
      ["probationary", "exempt"],
      ["exempt", "official"],
    ]);
    expect(Number(audits[2]?.actorTgId)).toBe(h.admin.id);
  });

  it("keeps the secretary safe from deputies and never leaves a cell without one by mistake", async () => {
    const before = await snapshot();
    await h.say(deputy, group(), "/role #1 đảng viên");
    expect(h.lastText(group())).toBe(
      "Chỉ Bí thư chi bộ hoặc quản trị viên Đảng ủy mới được giao hoặc thay đổi vai trò Bí thư.",
    );
    await h.say(deputy, group(), "/role #2 bí thư");
    expect(h.lastText(group())).toContain("Chỉ Bí thư chi bộ hoặc quản trị viên Đảng ủy");
    await h.say(secretary, group(), "/role #1 phó bí thư");
    expect(h.lastText(group())).toBe(
      "Đồng chí Nguyễn Văn Hải là Bí thư duy nhất của chi bộ nên chưa thể đổi vai trò. Xin giao vai trò Bí thư cho đồng chí khác trước, hoặc đề nghị quản trị viên Đảng ủy thực hiện.",
    );
    expect(await snapshot()).toEqual(before);

    // A hand-over: the secretary appoints the deputy, then steps down.
    await h.say(secretary, group(), "/role #2 bí thư");
    expect(h.lastText(group())).toBe(
      "Đã cập nhật vai trò: đồng chí Trần Thị Mai (#2) từ Phó Bí thư thành Bí thư.\nLưu ý: chi bộ hiện có 2 Bí thư. Nếu đây là việc thay Bí thư, xin đổi vai trò của đồng chí Bí thư cũ.",
    );
    await h.say(secretary, group(), "/role #1 phó bí thư");
    expect(h.lastText(group())).toBe(
      "Đã cập nhật vai trò: đồng chí Nguyễn Văn Hải (#1) từ Bí thư thành Phó Bí thư.",
    );
    await h.say(deputy, group(), "/role #1 bí thư");
    await h.say(secretary, group(), "/role #2 phó bí thư");
    expect((await roleOf(secretary))?.role).toBe("secretary");
    expect((await roleOf(deputy))?.role).toBe("deputy");

    // An admin may leave the cell without a secretary, and is told so.
    await h.say(h.admin, group(), "/role #1 đảng viên");
    expect(h.lastText(group())).toBe(
      "Đã cập nhật vai trò: đồng chí Nguyễn Văn Hải (#1) từ Bí thư thành Đảng viên.\nLưu ý: chi bộ hiện chưa có Bí thư.",
    );
    await h.say(h.admin, group(), "/role #1 bí thư");
    expect((await roleOf(secretary))?.role).toBe("secretary");
  });

  it("answers in English for an English-speaking secretary in private chat", async () => {
    await h.say(secretary, secretary.id, "/lang en");
    await h.say(secretary, secretary.id, "/role #4 committee");
    expect(h.lastText(secretary.id)).toBe(
      "Role updated: comrade Lan Nguyễn (#4) from Member to Cell committee member.",
    );
    await h.say(secretary, secretary.id, "/role #4 chairman");
    expect(h.lastText(secretary.id)).toContain("I don't know the role “chairman”");
    await h.say(secretary, secretary.id, "/role #4 đảng viên");
    expect(h.lastText(secretary.id)).toContain("from Cell committee member to Member");
    await h.say(secretary, secretary.id, "/lang vi");
  });

  it("shows /members paged with role, status, group and reachability", async () => {
    const tổ = await h.app.repos.partyGroups.create(cell.cell.id, "Tổ 1");
    await h.app.repos.memberships.setPartyGroup(cell.members.get(lan.id)!.membershipId, tổ!.id);
    const unreachable = await prisma().membership.count({
      where: { cellId: cell.cell.id, active: true, member: { reachable: false } },
    });
    expect(unreachable).toBe(9);

    await h.say(lan, group(), "/members");
    const first = h.emulator.lastBotMessage(h.botAccount, group())!;
    const lines = first.text!.split("\n");
    expect(lines[0]).toBe("Danh sách đảng viên Chi bộ Khu phố 1 (24 đồng chí)");
    expect(lines[1]).toBe("Trang 1/2");
    expect(first.text).toContain(`🔔 #1 Nguyễn Văn Hải (@${secretary.username}) — Bí thư, chính thức`);
    expect(first.text).toContain("🔔 #4 Lan Nguyễn — Đảng viên, chính thức, Tổ 1");
    expect(first.text).toContain("🔔 #5 Phạm Văn Bình");
    expect(first.text).toContain("— Đảng viên, dự bị");
    expect(first.text).toContain("🔕 #7 Nguyễn Văn Hùng — Đảng viên, chính thức");
    expect(first.text).toContain("#8 Hoàng Thị Quyên — Đảng viên, miễn sinh hoạt");
    expect(first.text).toContain("#20 ");
    expect(first.text).not.toContain("#21 ");
    expect(first.text).toContain("🔕 9 đồng chí chưa nhận được nhắc riêng.");
    expect(first.text).toContain("bấm “Bắt đầu”");
    expect(first.buttons).toEqual([{ text: "Trang sau ▶", callback_data: `mem:${cell.cell.id}:2` }]);

    const press = await h.press(leader, group(), first.message_id, `mem:${cell.cell.id}:2`);
    expect(h.emulator.callbackAnswer(press.callback_query!.id)).toBeDefined();
    expect(first.text).toContain("Trang 2/2");
    expect(first.text).toContain("#24 Thành viên 24");
    expect(first.text).not.toContain("#20 ");
    expect(first.buttons.map((b) => b.callback_data)).toEqual([`mem:${cell.cell.id}:1`]);
    // The same page again changes nothing and is still answered.
    const again = await h.press(h.admin, group(), first.message_id, `mem:${cell.cell.id}:2`);
    expect(h.emulator.callbackAnswer(again.callback_query!.id)).toBeDefined();
    expect(first.edits).toBe(1);
    // A page past the end shows the last one.
    await h.say(lan, lan.id, "/members 9");
    expect(h.lastText(lan.id)).toContain("Trang 2/2");
  });

  it("shows /members of a small cell on one page without buttons, and says when all are reachable", async () => {
    await h.say(otherSecretary, otherSecretary.id, "/members");
    const message = h.emulator.lastBotMessage(h.botAccount, otherSecretary.id)!;
    expect(message.text).toBe(
      `Danh sách đảng viên Chi bộ Khu phố 2 (1 đồng chí)\n\n🔔 #1 Đỗ Văn Khoa (@${otherSecretary.username}) — Bí thư, chính thức\n\n🔔 Tất cả các đồng chí đều nhận được nhắc riêng của Trợ lý.`,
    );
    expect(message.buttons).toEqual([]);
  });

  it("shows /me with each cell's number, role, status and party group", async () => {
    await h.say(lan, lan.id, "/me");
    expect(h.lastText(lan.id)).toBe(
      [
        "Thông tin của đồng chí Lan",
        "Tên trên Telegram: Lan Nguyễn (chưa có họ tên đầy đủ; bấm “Sửa họ tên” để ghi)",
        "• Chi bộ Khu phố 1 (#4): Đảng viên, đảng viên chính thức, Tổ 1",
        "📅 Chi bộ chưa có buổi sinh hoạt nào sắp tới.",
        "",
        "Nhắc riêng: đã bật — Trợ lý có thể nhắn riêng cho đồng chí.",
        "Ngôn ngữ: Tiếng Việt (đổi bằng /lang)",
      ].join("\n"),
    );
    await h.say(binh, binh.id, "/me");
    expect(h.lastText(binh.id)).toContain("• Chi bộ Khu phố 1 (#5): Đảng viên, đảng viên dự bị\n");
    await h.say(h.admin, h.admin.id, "/me");
    expect(h.lastText(h.admin.id)).toContain("• Quản trị viên Đảng ủy");
    await h.say(stranger, stranger.id, "/me");
    expect(h.lastText(stranger.id)).toContain("Đồng chí chưa thuộc chi bộ nào");
    await h.say(lan, lan.id, "/lang en");
    await h.say(lan, lan.id, "/me");
    expect(h.lastText(lan.id)).toContain("• Chi bộ Khu phố 1 (#4): Member, full member, Tổ 1");
    await h.say(lan, lan.id, "/lang vi");
  });

  it("shows the secretary's commands in /help to secretaries, deputies and admins only", async () => {
    const managerCommands = ["/role", "/status", "/group", "/members", "/invite", "/import", "/settings"];
    const fullHelp = async (who: User) => {
      await h.say(who, who.id, "/help");
      const help = h.emulator.lastBotMessage(h.botAccount, who.id)!;
      await h.press(who, who.id, help.message_id, `help:more:${who.id}`);
      return h.lastText(who.id)!;
    };
    for (const who of [secretary, deputy, h.admin]) {
      const text = await fullHelp(who);
      expect(text).toContain("Dành cho Bí thư, Phó Bí thư chi bộ:");
      for (const command of managerCommands) expect(text).toContain(command);
    }
    for (const who of [lan, leader]) {
      const text = await fullHelp(who);
      expect(text).not.toContain("Dành cho Bí thư");
      expect(text).not.toContain("/role");
      expect(text).toContain("/members — danh sách đảng viên của chi bộ");
    }
    await h.say(stranger, stranger.id, "/help");
    expect(h.lastText(stranger.id)).not.toContain("/members");
  });

  describe("authorisation matrix", () => {
    type Role = "stranger" | "member" | "group leader" | "secretary of another cell";
    const refusedRoles = (): [Role, User][] => [
      ["stranger", stranger],
      ["member", lan],
      ["group leader", leader],
      ["secretary of another cell", otherSecretary],
    ];

    it.each(["/role #4 chi ủy", "/status #4 dự bị", "/role #1 đảng viên"])(
      "refuses %s to everyone but the cell's managers and admins, in the group and privately",
      async (command) => {
        const before = await snapshot();
        for (const [role, user] of refusedRoles()) {
          await h.say(user, group(), command);
          expect(h.lastText(group()), role).toBe(REFUSED_MANAGER);
          if (role === "secretary of another cell") continue; // privately it is about their own cell
          await h.say(user, user.id, command);
          expect(h.lastText(user.id), role).toBe(REFUSED_MANAGER);
        }
        expect(await snapshot()).toEqual(before);
      },
    );

    it("lets the secretary of another cell act only on their own cell", async () => {
      const before = await snapshot();
      await h.say(otherSecretary, otherSecretary.id, "/role #4 chi ủy");
      expect(h.lastText(otherSecretary.id)).toContain("Không tìm thấy đảng viên “#4”");
      expect(await snapshot()).toEqual(before);
    });

    it("allows /role and /status to the secretary, the deputy and an admin", async () => {
      for (const who of [secretary, deputy, h.admin]) {
        await h.say(who, group(), "/role #4 chi ủy");
        expect(h.lastText(group())).toContain("thành Chi ủy viên");
        await h.say(who, group(), "/role #4 đảng viên");
        await h.say(who, group(), "/status #4 dự bị");
        expect(h.lastText(group())).toContain("nay là đảng viên dự bị");
        await h.say(who, group(), "/status #4 chính thức");
      }
      expect((await roleOf(lan))?.role).toBe("member");
    });

    it("refuses /members to strangers and secretaries of other cells, allows it to the cell", async () => {
      const before = await snapshot();
      for (const user of [stranger, otherSecretary]) {
        await h.say(user, group(), "/members");
        expect(h.lastText(group())).toBe(REFUSED_MEMBERS);
      }
      await h.say(stranger, stranger.id, "/members");
      expect(h.lastText(stranger.id)).toBe(REFUSED_MEMBERS);
      for (const user of [lan, leader, secretary, h.admin]) {
        await h.say(user, group(), "/members");
        expect(h.lastText(group())).toContain("Danh sách đảng viên Chi bộ Khu phố 1 (24 đồng chí)");
      }
      expect(await snapshot()).toEqual(before);
    });

    it("re-checks who presses a page button, and ignores forged cells", async () => {
      await h.say(secretary, group(), "/members");
      const list = h.emulator.lastBotMessage(h.botAccount, group())!;
      const text = list.text;
      const before = await snapshot();
      for (const user of [stranger, otherSecretary]) {
        const press = await h.press(user, group(), list.message_id, `mem:${cell.cell.id}:2`);
        expect(h.emulator.callbackAnswer(press.callback_query!.id)).toEqual({
          text: "Nút này không dành cho đồng chí.",
          show_alert: true,
        });
      }
      // Another cell's list shown in this group, or a cell that does not exist: refused.
      for (const data of [`mem:${otherCell.cell.id}:1`, "mem:999999:1"]) {
        const press = await h.press(otherSecretary, group(), list.message_id, data);
        expect(h.emulator.callbackAnswer(press.callback_query!.id)?.text).toBe("Nút này đã hết hiệu lực.");
      }
      expect(list.text).toBe(text);
      expect(list.edits).toBe(0);
      for (const user of [lan, leader, secretary, h.admin]) {
        const press = await h.press(user, group(), list.message_id, `mem:${cell.cell.id}:2`);
        expect(h.emulator.callbackAnswer(press.callback_query!.id)?.show_alert).toBeUndefined();
        expect(list.text).toContain("Trang 2/2");
        await h.press(user, group(), list.message_id, `mem:${cell.cell.id}:1`);
        expect(list.text).toContain("Trang 1/2");
      }
      expect(await snapshot()).toEqual(before);
    });
  });
});
