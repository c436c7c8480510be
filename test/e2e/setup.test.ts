import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell } from "../support/ward.ts";

describe.each(SUPPORTED_PROVIDERS)("setup on %s", (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ provider });
    h.emulator.startBot(h.botAccount, h.admin);
    await h.flush();
  });
  afterAll(async () => {
    await h?.close();
  });

  const counts = async () => {
    const p = h.app.database.prisma;
    return {
      cells: await p.cell.count(),
      orgs: await p.organisation.count(),
      audits: await p.auditEntry.count(),
      committee: (await p.organisation.findMany()).map((o) => o.committeeChatId?.toString() ?? null),
      names: (await p.organisation.findMany()).map((o) => o.name),
    };
  };

  it("greets a group when added and explains the next step", async () => {
    const group = h.emulator.createGroup({ title: "Chi bộ Khu phố 1", members: [h.admin] });
    h.emulator.addBotToChat(h.botAccount, group.id, { by: h.admin });
    await h.flush();
    expect(h.lastText(group.id)).toContain("/register_cell <tên chi bộ>");
  });

  it("registers a cell by an admin, with kind, creating the organisation on first use", async () => {
    const group = h.emulator.createGroup({ title: "KP2", members: [h.admin] });
    h.emulator.addBotToChat(h.botAccount, group.id, { by: h.admin });
    await h.flush();
    await h.say(h.admin, group.id, "/register_cell Chi bộ Khu phố 2 | khu phố");
    expect(h.lastText(group.id)).toContain("Đã đăng ký nhóm này là Chi bộ Khu phố 2 (chi bộ khu phố).");
    const cell = await h.app.repos.cells.findByChatId(group.id);
    expect(cell).toMatchObject({ name: "Chi bộ Khu phố 2", kind: "neighbourhood", active: true });
    const audits = await h.app.repos.audit.list({ action: "cell.register" });
    expect(audits.some((a) => a.targetId === String(cell!.id))).toBe(true);

    await h.say(h.admin, group.id, "/register_cell Chi bộ Trường THCS Lê Lợi | trường học");
    expect(h.lastText(group.id)).toContain(
      "Đã cập nhật: nhóm này là Chi bộ Trường THCS Lê Lợi (chi bộ trường học).",
    );
    expect((await h.app.repos.cells.findByChatId(group.id))?.kind).toBe("school");
  });

  it("answers bad /register_cell input clearly and writes nothing", async () => {
    const group = h.emulator.createGroup({ title: "KP3", members: [h.admin] });
    h.emulator.addBotToChat(h.botAccount, group.id, { by: h.admin });
    await h.flush();
    const before = await counts();
    await h.say(h.admin, group.id, "/register_cell");
    expect(h.lastText(group.id)).toContain("Cách dùng: /register_cell");
    await h.say(h.admin, group.id, `/register_cell ${"Ư".repeat(4096)}`);
    expect(h.lastText(group.id)).toBe("Tên quá dài. Xin ghi tên không quá 100 ký tự.");
    await h.say(h.admin, group.id, "/register_cell 🎉🎉 123");
    expect(h.lastText(group.id)).toContain("Tên cần có chữ cái");
    await h.say(h.admin, group.id, "/register_cell Chi bộ 3 | vũ trụ");
    expect(h.lastText(group.id)).toContain("Loại chi bộ “vũ trụ” chưa đúng");
    await h.say(h.admin, h.admin.id, "/register_cell Chi bộ 3");
    expect(h.lastText(h.admin.id)).toContain("trong nhóm chat của chi bộ");
    expect(await counts()).toEqual(before);
    // Mixed scripts and emoji inside a real name are fine.
    await h.say(h.admin, group.id, "/register_cell Chi bộ 3 🌸 Khu phố Hòa Bình");
    expect((await h.app.repos.cells.findByChatId(group.id))?.name).toBe("Chi bộ 3 🌸 Khu phố Hòa Bình");
  });

  it("binds a committee group, refusing a cell's group", async () => {
    const committee = h.emulator.createGroup({ title: "Đảng ủy phường", members: [h.admin] });
    h.emulator.addBotToChat(h.botAccount, committee.id, { by: h.admin });
    await h.flush();
    await h.say(h.admin, committee.id, "/register_committee");
    expect(h.lastText(committee.id)).toContain("Đã đăng ký “Đảng ủy phường” là nơi nhận bản tổng hợp");
    const org = await h.app.repos.organisations.forAdmin(h.admin.id, {
      name: "x",
      timeZone: "UTC",
      locale: "vi",
    });
    expect(org.committeeChatId).toBe(committee.id);
    await h.say(h.admin, committee.id, "/register_cell Không được");
    expect(h.lastText(committee.id)).toContain("không thể đăng ký làm chi bộ");
    const { chatId } = await seedCell(h, "Chi bộ Khu phố 5", []);
    await h.say(h.admin, chatId, "/register_committee");
    expect(h.lastText(chatId)).toContain("không thể dùng làm nơi nhận báo cáo");
  });

  it("binds a channel from private chat only when the bot can post and the caller administers it", async () => {
    const outsider = h.emulator.createUser({ firstName: "Khách" });
    const good = h.emulator.createChannel({
      title: "Kênh Đảng ủy",
      username: "kenhdanguy",
      admins: [h.admin],
    });
    h.emulator.addBotToChat(h.botAccount, good.id, { by: h.admin, asAdmin: true });
    const botAbsent = h.emulator.createChannel({
      title: "Kênh vắng",
      username: "kenhvang",
      admins: [h.admin],
    });
    const notCallers = h.emulator.createChannel({
      title: "Kênh khác",
      username: "kenhkhac",
      admins: [outsider],
    });
    h.emulator.addBotToChat(h.botAccount, notCallers.id, { by: outsider, asAdmin: true });
    await h.flush();
    const before = await counts();

    await h.say(h.admin, h.admin.id, "/register_committee @kenhkhac");
    expect(h.lastText(h.admin.id)).toContain("Đồng chí cần là quản trị viên của “Kênh khác”");
    await h.say(h.admin, h.admin.id, `/register_committee ${botAbsent.id}`);
    expect(h.lastText(h.admin.id)).toContain(`không tìm thấy kênh hoặc nhóm “${botAbsent.id}”`);
    await h.say(h.admin, h.admin.id, "/register_committee @khongtontai");
    expect(h.lastText(h.admin.id)).toContain("không tìm thấy kênh hoặc nhóm “@khongtontai”");
    await h.say(h.admin, h.admin.id, "/register_committee hello world");
    expect(h.lastText(h.admin.id)).toContain("Cách dùng: gõ /register_committee");
    expect(await counts()).toEqual(before);

    await h.say(h.admin, h.admin.id, "/register_committee @kenhdanguy");
    expect(h.lastText(h.admin.id)).toContain("Đã đăng ký “Kênh Đảng ủy”");
    expect(h.lastText(good.id)).toContain("Nơi này sẽ nhận bản tổng hợp hằng tháng");
  });

  it("renames the organisation", async () => {
    await h.say(h.admin, h.admin.id, "/org_name Đảng bộ phường Bến Thành");
    expect(h.lastText(h.admin.id)).toBe("Đã đặt tên Đảng bộ: Đảng bộ phường Bến Thành.");
    await h.say(h.admin, h.admin.id, "/org_name");
    expect(h.lastText(h.admin.id)).toContain("Cách dùng: /org_name");
    expect((await counts()).names).toEqual(["Đảng bộ phường Bến Thành"]);
  });

  it("keeps the cell and its members when the group becomes a supergroup", async () => {
    const member = h.emulator.createUser({ firstName: "Lộc" });
    const { cell, chatId } = await seedCell(h, "Chi bộ Khu phố 6", [{ user: member }]);
    const newId = h.emulator.upgradeToSupergroup(chatId);
    await h.flush();
    const moved = await h.app.repos.cells.findByChatId(newId);
    expect(moved?.id).toBe(cell.id);
    expect(await h.app.repos.cells.findByChatId(chatId)).toBeNull();
    expect((await h.app.repos.memberships.listActive(cell.id)).map((m) => m.telegramId)).toEqual([member.id]);
    await h.say(member, newId, "/khongco");
    expect(h.lastText(newId)).toContain("chưa hiểu lệnh");
  });

  it("marks a cell inactive when the bot is removed, tells the admins, and revives it when re-added", async () => {
    const { cell, chatId } = await seedCell(h, "Chi bộ Khu phố 7", []);
    h.emulator.removeBotFromChat(h.botAccount, chatId, { by: h.admin });
    await h.flush();
    expect((await h.app.repos.cells.get(cell.id))?.active).toBe(false);
    expect(h.lastText(h.admin.id)).toContain("Trợ lý đã bị đưa ra khỏi nhóm của Chi bộ Khu phố 7");
    h.emulator.addBotToChat(h.botAccount, chatId, { by: h.admin });
    await h.flush();
    expect((await h.app.repos.cells.get(cell.id))?.active).toBe(true);
    expect(h.lastText(chatId)).toContain("Chi bộ Khu phố 7 hoạt động trở lại");
  });

  it("allows setup commands to admins only (authorisation matrix)", async () => {
    const stranger = h.emulator.createUser({ firstName: "Người lạ" });
    const member = h.emulator.createUser({ firstName: "Đảng viên" });
    const leader = h.emulator.createUser({ firstName: "Tổ trưởng" });
    const secretary = h.emulator.createUser({ firstName: "Bí thư" });
    const otherSecretary = h.emulator.createUser({ firstName: "Bí thư khác" });
    const { chatId } = await seedCell(h, "Chi bộ Ma trận", [
      { user: member },
      { user: leader, role: "group_leader" },
      { user: secretary, role: "secretary" },
    ]);
    await seedCell(h, "Chi bộ Bên cạnh", [{ user: otherSecretary, role: "secretary" }]);
    h.emulator.addMember(chatId, stranger);
    h.emulator.addMember(chatId, otherSecretary);
    const before = await counts();
    for (const user of [stranger, member, leader, otherSecretary, secretary]) {
      for (const command of ["/register_cell Chi bộ Đổi tên", "/register_committee", "/org_name Tên mới"]) {
        await h.say(user, chatId, command);
        expect(h.lastText(chatId), `${user.first_name} ${command}`).toContain(
          "chỉ dành cho quản trị viên Đảng ủy",
        );
      }
    }
    expect(await counts()).toEqual(before);
    await h.say(h.admin, chatId, "/register_cell Chi bộ Ma trận mới");
    expect(h.lastText(chatId)).toContain("Đã cập nhật");
  });
});
