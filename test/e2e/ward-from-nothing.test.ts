// A committee admin sets up a ward from nothing, entirely through chat commands and buttons.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";

describe.each(SUPPORTED_PROVIDERS)("a ward set up from nothing on %s", (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ provider });
  });
  afterAll(async () => {
    await h?.close();
  });

  const buttonsOf = (chatId: number) => h.emulator.lastBotMessage(h.botAccount, chatId)!;

  /** The person presses the invitation's join button; a manager approves it with one tap. */
  async function joinAndApprove(person: User, groupId: number, approver: User): Promise<void> {
    const invitation = h.emulator
      .botMessages(h.botAccount, groupId)
      .filter((m) => m.buttons.some((b) => b.callback_data?.startsWith("join:")))
      .at(-1)!;
    const join = invitation.buttons.find((b) => b.callback_data?.startsWith("join:"))!;
    await h.press(person, groupId, invitation.message_id, join.callback_data!);
    const request = buttonsOf(approver.id);
    const approve = request.buttons.find((b) => b.callback_data?.endsWith(":a"));
    expect(approve, `approval buttons for ${person.first_name}`).toBeDefined();
    expect(request.text).toContain(person.first_name);
    await h.press(approver, approver.id, request.message_id, approve!.callback_data!);
  }

  it("builds committee chat, two cells, members, roster, roles and a party group", async () => {
    const admin = h.admin;
    const secretary = h.emulator.createUser({ firstName: "Lan", lastName: "Trần", username: "tranlan" });
    const hai = h.emulator.createUser({ firstName: "Hải", lastName: "Nguyễn", username: "nguyenhai" });
    const binh = h.emulator.createUser({ firstName: "Bình", lastName: "Lê", username: "lebinh" });
    const secretary2 = h.emulator.createUser({ firstName: "Tùng", lastName: "Phạm", username: "phamtung" });
    for (const person of [admin, secretary, hai, secretary2]) h.emulator.startBot(h.botAccount, person);
    await h.flush();

    // The committee chat.
    const committee = h.emulator.createGroup({ title: "Đảng ủy phường An Phú", members: [admin] });
    h.emulator.addBotToChat(h.botAccount, committee.id, { by: admin });
    await h.flush();
    await h.say(admin, committee.id, "/register_committee");
    expect(h.lastText(committee.id)).toContain("Đã đăng ký “Đảng ủy phường An Phú”");
    await h.say(admin, admin.id, "/org_name Đảng bộ phường An Phú");

    // Two cells: greeted when added (with the private-reminders link), registered by the admin.
    const kp1 = h.emulator.createGroup({ title: "KP1", members: [admin, secretary, hai, binh] });
    const dn = h.emulator.createGroup({ title: "Công ty", members: [admin, secretary2] });
    for (const group of [kp1, dn]) h.emulator.addBotToChat(h.botAccount, group.id, { by: admin });
    await h.flush();
    const greeting = buttonsOf(kp1.id);
    expect(greeting.text).toContain("/register_cell");
    expect(greeting.buttons.some((b) => b.url?.endsWith("?start=r"))).toBe(true);
    await h.say(admin, kp1.id, "/register_cell Chi bộ Khu phố 1 | khu phố");
    await h.say(admin, dn.id, "/register_cell Chi bộ Công ty May An Phú | doanh nghiệp");
    expect(h.lastText(dn.id)).toContain("Chi bộ Công ty May An Phú (chi bộ doanh nghiệp)");

    // The first members: the admin invites; the future secretary joins and the admin approves.
    await h.say(admin, kp1.id, "/invite");
    await joinAndApprove(secretary, kp1.id, admin);
    await h.say(admin, kp1.id, "/role @tranlan bí thư");
    expect(h.lastText(kp1.id)).toContain("Bí thư");
    await h.say(admin, dn.id, "/invite");
    await joinAndApprove(secretary2, dn.id, admin);
    await h.say(admin, dn.id, "/role @phamtung bí thư");

    // From now on the secretary approves her own cell's members.
    await h.say(secretary, kp1.id, "/invite");
    await joinAndApprove(hai, kp1.id, secretary);
    await joinAndApprove(binh, kp1.id, secretary);
    expect(h.lastText(hai.id)).toContain("Chi bộ Khu phố 1");

    // A roster with good and bad rows, sent by the secretary.
    const csv = [
      "Họ và tên,Vai trò,Tổ đảng,Tình trạng",
      "Võ Thị Mai,đảng viên,Tổ 1,chính thức",
      "Đặng Văn Tư,tổ trưởng,Tổ 2,dự bị",
      ",đảng viên,,",
      "Hồ Văn Năm,giám đốc,,",
      "Võ Thị Mai,đảng viên,Tổ 1,chính thức",
      "Lý Văn Sáu,,,miễn sinh hoạt",
    ].join("\n");
    h.emulator.sendDocument(h.botAccount, secretary, kp1.id, {
      fileName: "danh-sach.csv",
      mimeType: "text/csv",
      content: Buffer.from(csv, "utf8"),
      caption: "/import",
    });
    await h.flush();
    const report = h.texts(secretary.id).join("\n");
    expect(report).toContain("?start=c_");
    expect(report).toContain("Đã nhận: 3 đảng viên. Bị từ chối: 3 dòng.");
    expect(report).toContain("Dòng 4: thiếu họ tên.");
    expect(report).toContain("Dòng 5 (Hồ Văn Năm): vai trò “giám đốc” không hợp lệ.");
    expect(report).toContain("Dòng 6 (Võ Thị Mai): trùng họ tên với dòng 2");
    expect(h.texts(kp1.id).join("\n")).not.toContain("?start=c_");

    // Mai opens her personal claim link: her Telegram account joins the imported record.
    const maiLink = /#4 Võ Thị Mai: https:\/\/t\.me\/chibo_test_bot\?start=(c_[\w-]+)/.exec(report);
    expect(maiLink).not.toBeNull();
    const mai = h.emulator.createUser({ firstName: "Mai", username: "vothimai" });
    h.emulator.startBot(h.botAccount, mai, maiLink![1]);
    await h.flush();
    expect(h.lastText(mai.id)).toContain("Chi bộ Khu phố 1");

    // Roles, statuses and a party group through commands.
    await h.say(secretary, kp1.id, "/status @lebinh dự bị");
    await h.say(secretary, kp1.id, "/group new Tổ 3");
    await h.say(secretary, kp1.id, "/group leader Tổ 3 @nguyenhai");
    await h.say(secretary, kp1.id, "/group add Tổ 3 @lebinh");
    expect(h.lastText(kp1.id)).toContain("Bình");

    // /members shows it all.
    await h.say(secretary, kp1.id, "/members");
    const list = h.lastText(kp1.id)!;
    for (const expected of [
      "Lan Trần",
      "Hải Nguyễn",
      "Bình Lê",
      "Võ Thị Mai",
      "Đặng Văn Tư",
      "Lý Văn Sáu",
      "Tổ 3",
      "Tổ 1",
    ]) {
      expect(list, expected).toContain(expected);
    }
    expect(list).not.toContain("Hồ Văn Năm");
    expect(list).toContain("@vothimai");

    const cells = await h.app.database.prisma.cell.findMany({ orderBy: { id: "asc" } });
    expect(cells.map((c) => [c.name, c.kind])).toEqual([
      ["Chi bộ Khu phố 1", "neighbourhood"],
      ["Chi bộ Công ty May An Phú", "enterprise"],
    ]);
    const kp1Members = await h.app.repos.memberships.listActive(cells[0]!.id);
    expect(kp1Members.map((m) => [m.fullName ?? m.displayName, m.role, m.status, m.partyGroupName])).toEqual([
      ["Lan Trần", "secretary", "official", null],
      ["Hải Nguyễn", "group_leader", "official", "Tổ 3"],
      ["Bình Lê", "member", "probationary", "Tổ 3"],
      ["Võ Thị Mai", "member", "official", "Tổ 1"],
      ["Đặng Văn Tư", "group_leader", "probationary", "Tổ 2"],
      ["Lý Văn Sáu", "member", "exempt", null],
    ]);
    expect((await h.app.repos.memberships.listActive(cells[1]!.id)).map((m) => m.role)).toEqual([
      "secretary",
    ]);
    const org = (await h.app.database.prisma.organisation.findMany())[0]!;
    expect(org.name).toBe("Đảng bộ phường An Phú");
    expect(Number(org.committeeChatId)).toBe(committee.id);
  });
});
