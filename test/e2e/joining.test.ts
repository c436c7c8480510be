import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  decisionButtonData,
  deepLink,
  joinButtonData,
  parseDecisionButtonData,
  parseJoinButtonData,
  parseStartPayload,
} from "../../src/features/joining/links.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

describe("joining links and button data", () => {
  it.each([
    ["j_12", { kind: "join", cellId: 12 }],
    ["c_Ab3-_x9Z", { kind: "claim", token: "Ab3-_x9Z" }],
    ["j_", { kind: "invalid", link: "join" }],
    ["j_abc", { kind: "invalid", link: "join" }],
    ["j_0", { kind: "invalid", link: "join" }],
    ["j_99999999999", { kind: "invalid", link: "join" }],
    ["c_", { kind: "invalid", link: "claim" }],
    ["c_🙂🙂🙂🙂", { kind: "invalid", link: "claim" }],
    ["c_" + "x".repeat(63), { kind: "invalid", link: "claim" }],
    ["", null],
    ["r", null],
    ["hello", null],
  ])("parses the /start payload %j", (payload, expected) => {
    expect(parseStartPayload(payload)).toEqual(expected);
  });

  it("round-trips button data within 64 bytes and refuses malformed data", () => {
    expect(parseJoinButtonData(joinButtonData(7))).toBe(7);
    expect(parseDecisionButtonData(decisionButtonData(2_147_483_647, "approve"))).toEqual({
      requestId: 2_147_483_647,
      decision: "approve",
    });
    expect(parseDecisionButtonData("jr:5:r")).toEqual({ requestId: 5, decision: "reject" });
    for (const bad of ["jr:5:x", "jr::a", "jr:-1:a", "jr:5:a:extra", "jr:99999999999:a"]) {
      expect(parseDecisionButtonData(bad)).toBeNull();
    }
    expect(parseJoinButtonData("join:abc")).toBeNull();
    expect(Buffer.byteLength(decisionButtonData(2_147_483_647, "reject"))).toBeLessThanOrEqual(64);
    expect(deepLink("chibo_bot", "j_3")).toBe("https://t.me/chibo_bot?start=j_3");
  });
});

describe.each(SUPPORTED_PROVIDERS)("joining on %s", (provider) => {
  let h: Harness;
  let ward: SeededCell;
  let other: SeededCell;
  let secretary: User;
  let member: User;
  let leader: User;
  let otherSecretary: User;

  const prisma = () => h.app.database.prisma;
  const counts = async () => ({
    requests: await prisma().joinRequest.count(),
    pending: await prisma().joinRequest.count({ where: { state: "pending" } }),
    memberships: await prisma().membership.count(),
    members: await prisma().member.count(),
    audits: await prisma().auditEntry.count(),
  });
  const lastMessage = (chatId: number) => h.emulator.lastBotMessage(h.botAccount, chatId)!;
  const answerOf = (update: { callback_query?: { id: string } }) =>
    h.emulator.callbackAnswer(update.callback_query!.id);
  let n = 0;
  /** A person who opened the private chat with the bot (so has a member row and is reachable). */
  const startedUser = async (firstName: string) => {
    const user = h.emulator.createUser({ firstName, username: `u${++n}_${provider}` });
    h.emulator.startBot(h.botAccount, user);
    await h.flush();
    return user;
  };
  /** Posts the invitation in the cell's group and returns the message with its buttons. */
  const invite = async () => {
    await h.say(secretary, ward.chatId, "/invite");
    return lastMessage(ward.chatId);
  };
  /** A stranger joins the group, presses "join"; returns them and their pending request id. */
  const pendingRequest = async (firstName: string) => {
    const user = await startedUser(firstName);
    h.emulator.addMember(ward.chatId, user);
    await h.flush();
    const msg = await invite();
    await h.press(user, ward.chatId, msg.message_id, joinButtonData(ward.cell.id));
    const request = await prisma().joinRequest.findFirstOrThrow({
      where: { telegramId: BigInt(user.id), state: "pending" },
    });
    return { user, requestId: request.id };
  };

  beforeAll(async () => {
    h = await createHarness({ provider });
    secretary = h.emulator.createUser({ firstName: "Lan", lastName: "Trần", username: `bithu_${provider}` });
    member = h.emulator.createUser({ firstName: "Hùng", username: `dangvien_${provider}` });
    leader = h.emulator.createUser({ firstName: "Mai", username: `totruong_${provider}` });
    otherSecretary = h.emulator.createUser({ firstName: "Khoa", username: `bithu2_${provider}` });
    ward = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: secretary, role: "secretary" },
      { user: member },
      { user: leader, role: "group_leader" },
    ]);
    other = await seedCell(h, "Chi bộ Khu phố 2", [{ user: otherSecretary, role: "secretary" }]);
    h.emulator.addMember(ward.chatId, otherSecretary);
    h.emulator.startBot(h.botAccount, h.admin);
    await h.flush();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("/invite posts a warm invitation with a join button and a deep link", async () => {
    const msg = await invite();
    expect(msg.text).toContain("Chi bộ Khu phố 1 mời các đồng chí đảng viên");
    expect(msg.buttons).toEqual([
      { text: "🙋 Tham gia chi bộ", callback_data: `join:${ward.cell.id}` },
      { text: "✉️ Tham gia và nhận nhắc riêng", url: `https://t.me/chibo_test_bot?start=j_${ward.cell.id}` },
    ]);
  });

  it("/invite in private chat returns the deep link to forward", async () => {
    await h.say(secretary, secretary.id, "/invite");
    const msg = lastMessage(secretary.id);
    expect(msg.text).toContain(`https://t.me/chibo_test_bot?start=j_${ward.cell.id}`);
    expect(msg.text).toContain("chuyển tiếp tin nhắn này");
    expect(msg.buttons[0]?.url).toBe(`https://t.me/chibo_test_bot?start=j_${ward.cell.id}`);
  });

  it("authorisation matrix for /invite: only the cell's secretary and admins; refusals change nothing", async () => {
    const stranger = await startedUser("Người lạ");
    h.emulator.addMember(ward.chatId, stranger);
    await h.flush();
    const before = await counts();
    for (const who of [stranger, member, leader, otherSecretary]) {
      const sent = h.texts(ward.chatId).length;
      await h.say(who, ward.chatId, "/invite");
      expect(h.texts(ward.chatId).length).toBe(sent + 1);
      expect(h.lastText(ward.chatId)).toBe(
        "Lệnh này chỉ dành cho Bí thư hoặc Phó Bí thư chi bộ. Đồng chí có thể xem việc của mình bằng /me.",
      );
    }
    await h.say(member, member.id, "/invite");
    expect(h.lastText(member.id)).toContain("chỉ dành cho Bí thư");
    await h.say(stranger, stranger.id, "/invite");
    expect(h.lastText(stranger.id)).toContain("chỉ dành cho Bí thư");
    expect(await counts()).toEqual(before);

    await h.say(secretary, ward.chatId, "/invite");
    expect(lastMessage(ward.chatId).buttons[0]?.callback_data).toBe(`join:${ward.cell.id}`);
    await h.say(h.admin, ward.chatId, "/invite");
    expect(lastMessage(ward.chatId).buttons[0]?.callback_data).toBe(`join:${ward.cell.id}`);
    // The other cell's secretary invites to their own cell from private chat.
    await h.say(otherSecretary, otherSecretary.id, "/invite");
    expect(h.lastText(otherSecretary.id)).toContain(`start=j_${other.cell.id}`);
    expect(await counts()).toEqual(before);
  });

  it("a stranger presses join, the secretary approves with one tap, the member is in and told", async () => {
    const stranger = await startedUser("Bình");
    h.emulator.addMember(ward.chatId, stranger);
    await h.flush();
    const msg = await invite();
    const before = await counts();

    const press = await h.press(stranger, ward.chatId, msg.message_id, joinButtonData(ward.cell.id));
    expect(answerOf(press)?.text).toBe(
      "Đã gửi yêu cầu tham gia Chi bộ Khu phố 1. Bí thư chi bộ (hoặc quản trị viên Đảng ủy) sẽ xem và chấp thuận; Trợ lý sẽ báo lại cho đồng chí.",
    );
    expect(h.lastText(stranger.id)).toContain("Đã gửi yêu cầu tham gia Chi bộ Khu phố 1");
    // Pressing twice keeps one request and does not bother the secretary again.
    const secretaryMessages = h.texts(secretary.id).length;
    const again = await h.press(stranger, ward.chatId, msg.message_id, joinButtonData(ward.cell.id));
    expect(answerOf(again)?.text).toContain("đang chờ Bí thư chi bộ duyệt");
    expect(h.texts(secretary.id).length).toBe(secretaryMessages);
    const after = await counts();
    expect(after.requests).toBe(before.requests + 1);
    expect(after.memberships).toBe(before.memberships);

    const ask = lastMessage(secretary.id);
    const request = await prisma().joinRequest.findFirstOrThrow({
      where: { telegramId: BigInt(stranger.id) },
    });
    expect(ask.text).toContain(`Đồng chí Bình (@${stranger.username}) xin tham gia chi bộ`);
    expect(ask.buttons.map((b) => b.callback_data)).toEqual([`jr:${request.id}:a`, `jr:${request.id}:r`]);

    const approve = await h.press(secretary, secretary.id, ask.message_id, `jr:${request.id}:a`);
    expect(answerOf(approve)?.text).toBe("Đã chấp thuận.");
    const active = await h.app.repos.memberships.listActive(ward.cell.id);
    const joined = active.find((m) => m.telegramId === stranger.id);
    expect(joined).toMatchObject({ role: "member", status: "official", displayName: "Bình" });
    expect(lastMessage(secretary.id).text).toBe(
      `✅ Đã chấp thuận: đồng chí Bình (@${stranger.username}) là đảng viên của Chi bộ Khu phố 1 (số ${joined!.number} trong /members). Người duyệt: Lan Trần.`,
    );
    expect(lastMessage(secretary.id).buttons).toEqual([]);
    expect(h.lastText(stranger.id)).toContain("từ nay đồng chí là đảng viên của Chi bộ Khu phố 1");
    expect(h.lastText(ward.chatId)).toBe(
      "🌷 Chi bộ chào mừng đồng chí Bình tham gia Chi bộ Khu phố 1 trên Trợ lý Chi bộ.",
    );
    const state = await prisma().joinRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(state.state).toBe("approved");
    expect(Number(state.decidedByTgId)).toBe(secretary.id);
    const audits = await h.app.repos.audit.list({ action: "join.approve" });
    expect(audits.at(-1)).toMatchObject({ targetId: String(request.id), cellId: ward.cell.id });

    // A second tap cannot decide again; it says who already did.
    const settled = await counts();
    const second = await h.press(secretary, secretary.id, ask.message_id, `jr:${request.id}:r`);
    expect(answerOf(second)?.text).toBe("Yêu cầu này đã được Lan Trần chấp thuận trước đó.");
    expect(await counts()).toEqual(settled);

    // Now a member: pressing join again says so and opens nothing.
    const already = await h.press(stranger, ward.chatId, msg.message_id, joinButtonData(ward.cell.id));
    expect(answerOf(already)?.text).toContain("Đồng chí đã là đảng viên của Chi bộ Khu phố 1");
    expect(await counts()).toEqual(settled);
  });

  it("the deep link opens a request privately; rejection is told kindly and adds nobody", async () => {
    const stranger = h.emulator.createUser({ firstName: "Cúc", username: `cuc_${provider}` });
    const before = await counts();
    h.emulator.startBot(h.botAccount, stranger, `j_${ward.cell.id}`);
    await h.flush();
    expect(h.lastText(stranger.id)).toBe(
      "Đã gửi yêu cầu tham gia Chi bộ Khu phố 1. Bí thư chi bộ (hoặc quản trị viên Đảng ủy) sẽ xem và chấp thuận; Trợ lý sẽ báo lại cho đồng chí.",
    );
    const request = await prisma().joinRequest.findFirstOrThrow({
      where: { telegramId: BigInt(stranger.id) },
    });
    expect(request.state).toBe("pending");
    // Opening the link twice keeps one request.
    h.emulator.startBot(h.botAccount, stranger, `j_${ward.cell.id}`);
    await h.flush();
    expect(h.lastText(stranger.id)).toContain("đang chờ Bí thư chi bộ duyệt");
    expect(await prisma().joinRequest.count({ where: { telegramId: BigInt(stranger.id) } })).toBe(1);

    const ask = lastMessage(secretary.id);
    const groupTexts = h.texts(ward.chatId).length;
    const reject = await h.press(secretary, secretary.id, ask.message_id, `jr:${request.id}:r`);
    expect(answerOf(reject)?.text).toBe("Đã từ chối.");
    expect(lastMessage(secretary.id).text).toContain(
      "✖️ Đã từ chối yêu cầu tham gia Chi bộ Khu phố 1 của Cúc",
    );
    expect(h.lastText(stranger.id)).toContain("chưa được chấp thuận");
    expect(h.texts(ward.chatId).length).toBe(groupTexts);
    const after = await counts();
    expect(after.memberships).toBe(before.memberships);
    expect(after.pending).toBe(before.pending);
    expect((await prisma().joinRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe(
      "rejected",
    );
    expect((await h.app.repos.audit.list({ action: "join.reject" })).at(-1)?.targetId).toBe(
      String(request.id),
    );

    const second = await h.press(secretary, secretary.id, ask.message_id, `jr:${request.id}:a`);
    expect(answerOf(second)?.text).toBe("Yêu cầu này đã được Lan Trần từ chối trước đó.");
    expect(await counts()).toEqual(after);
  });

  it("bad and stale links get a clear answer and write nothing", async () => {
    const user = await startedUser("Dũng");
    const before = await counts();
    for (const payload of ["j_abc", "j_999999", "j_"]) {
      h.emulator.startBot(h.botAccount, user, payload);
      await h.flush();
      expect(h.lastText(user.id)).toBe(
        "Link tham gia này không đúng hoặc đã cũ. Đồng chí vui lòng xin Bí thư chi bộ gửi lại lời mời.",
      );
    }
    await h.say(user, user.id, `/start c_${"🙂".repeat(10)}`);
    expect(h.lastText(user.id)).toContain("Link cá nhân này không còn hiệu lực");
    // Not our payload: the everyday /start answers.
    h.emulator.startBot(h.botAccount, user, "hello");
    await h.flush();
    expect(h.lastText(user.id)).toContain("Kính chào đồng chí Dũng");
    // An existing member is told they already belong.
    h.emulator.startBot(h.botAccount, member, `j_${ward.cell.id}`);
    await h.flush();
    expect(h.lastText(member.id)).toContain("Đồng chí đã là đảng viên của Chi bộ Khu phố 1");
    // An inactive cell takes no requests.
    await h.app.repos.cells.setActive(other.cell.id, false);
    try {
      h.emulator.startBot(h.botAccount, user, `j_${other.cell.id}`);
      await h.flush();
      expect(h.lastText(user.id)).toContain("Chi bộ Khu phố 2 hiện không còn hoạt động");
    } finally {
      await h.app.repos.cells.setActive(other.cell.id, true);
    }
    expect(await counts()).toEqual(before);
  });

  it("authorisation matrix for the approval buttons: forged presses change nothing", async () => {
    const { requestId } = await pendingRequest("Giang");
    const stranger = await startedUser("Kẻ lạ");
    const before = await counts();
    for (const who of [stranger, member, leader, otherSecretary]) {
      // A forged press: the presser's own chat, with the data of someone else's button.
      const own = lastMessage(who.id);
      for (const data of [`jr:${requestId}:a`, `jr:${requestId}:r`]) {
        const press = await h.press(who, who.id, own.message_id, data);
        expect(answerOf(press)).toMatchObject({ text: "Nút này không dành cho đồng chí.", show_alert: true });
      }
    }
    // In the group too.
    const inGroup = lastMessage(ward.chatId);
    const press = await h.press(member, ward.chatId, inGroup.message_id, `jr:${requestId}:a`);
    expect(answerOf(press)?.text).toBe("Nút này không dành cho đồng chí.");
    expect(await counts()).toEqual(before);
    expect((await prisma().joinRequest.findUniqueOrThrow({ where: { id: requestId } })).state).toBe(
      "pending",
    );

    // Malformed or unknown data is refused without a change either.
    for (const data of ["jr:abc:a", "jr:99999999:a", "jr:1:z"]) {
      const bad = await h.press(secretary, secretary.id, lastMessage(secretary.id).message_id, data);
      expect(answerOf(bad)?.text).toBe("Nút này đã hết hiệu lực.");
    }
    expect(await counts()).toEqual(before);

    // The committee admin may decide (the secretary too: see the approval test).
    const ownAdmin = lastMessage(h.admin.id);
    const approve = await h.press(h.admin, h.admin.id, ownAdmin.message_id, `jr:${requestId}:a`);
    expect(answerOf(approve)?.text).toBe("Đã chấp thuận.");
    expect((await prisma().joinRequest.findUniqueOrThrow({ where: { id: requestId } })).state).toBe(
      "approved",
    );
    expect((await counts()).memberships).toBe(before.memberships + 1);
  });

  it("asks the organisation's admins when the cell has no reachable secretary", async () => {
    const lone = await seedCell(h, "Chi bộ Trường học", []);
    const stranger = h.emulator.createUser({ firstName: "Hà" });
    const adminTexts = h.texts(h.admin.id).length;
    // Each recipient reads the request in their own language.
    const adminMember = await h.app.repos.members.findByTelegramId(h.admin.id);
    await h.app.repos.members.setLocale(adminMember!.id, "en");
    try {
      h.emulator.startBot(h.botAccount, stranger, `j_${lone.cell.id}`);
      await h.flush();
    } finally {
      await h.app.repos.members.setLocale(adminMember!.id, "vi");
    }
    expect(h.texts(h.admin.id).length).toBe(adminTexts + 1);
    const ask = lastMessage(h.admin.id);
    expect(ask.text).toContain("Request to join Chi bộ Trường học");
    expect(ask.buttons.map((b) => b.text)).toEqual(["✅ Approve", "✖️ Reject"]);
    const request = await prisma().joinRequest.findFirstOrThrow({
      where: { telegramId: BigInt(stranger.id) },
    });
    await h.press(h.admin, h.admin.id, ask.message_id, `jr:${request.id}:a`);
    const active = await h.app.repos.memberships.listActive(lone.cell.id);
    expect(active.map((m) => m.telegramId)).toEqual([stranger.id]);
  });

  it("a join by button from someone who never opened the bot: the welcome offers private reminders", async () => {
    const shy = h.emulator.createUser({ firstName: "Yến" });
    h.emulator.addMember(ward.chatId, shy);
    await h.flush();
    const msg = await invite();
    const press = await h.press(shy, ward.chatId, msg.message_id, joinButtonData(ward.cell.id));
    expect(answerOf(press)?.text).toContain("Đã gửi yêu cầu tham gia");
    const request = await prisma().joinRequest.findFirstOrThrow({ where: { telegramId: BigInt(shy.id) } });
    await h.press(secretary, secretary.id, lastMessage(secretary.id).message_id, `jr:${request.id}:a`);
    const welcome = lastMessage(ward.chatId);
    expect(welcome.text).toContain("chào mừng đồng chí Yến");
    expect(welcome.text).toContain("bấm “Nhận nhắc riêng”");
    expect(welcome.buttons).toEqual([{ text: "🔔 Nhận nhắc riêng", url: "https://t.me/chibo_test_bot" }]);
    const joined = await h.app.repos.memberships.findByTelegramId(ward.cell.id, shy.id);
    expect(joined?.reachable).toBe(false);
  });

  it("a claim link binds an imported member, merging into the account's own record", async () => {
    // Imported from a roster: deputy in cell 1, member of cell 2, no Telegram account yet.
    const imported = await prisma().member.create({
      data: { displayName: "Nguyễn Văn Ba", fullName: "Nguyễn Văn Ba", claimToken: `tokBa_${provider}` },
    });
    await h.app.repos.memberships.join(imported.id, ward.cell.id, { role: "deputy", status: "probationary" });
    await h.app.repos.memberships.join(imported.id, other.cell.id, { role: "member" });
    const ba = h.emulator.createUser({ firstName: "Ba", username: `ba_${provider}` });
    const membershipsBefore = await prisma().membership.count();

    h.emulator.startBot(h.botAccount, ba, `c_tokBa_${provider}`);
    await h.flush();
    const text = h.lastText(ba.id)!;
    expect(text).toContain("Kính chào đồng chí Ba!");
    expect(text).toContain("• Chi bộ Khu phố 1: Phó Bí thư");
    expect(text).toContain("• Chi bộ Khu phố 2: Đảng viên");

    const me = await h.app.repos.members.findByTelegramId(ba.id);
    expect(me).toMatchObject({ displayName: "Nguyễn Văn Ba", fullName: "Nguyễn Văn Ba", reachable: true });
    expect(me!.memberships.map((m) => [m.cellId, m.role, m.status]).sort()).toEqual(
      [
        [ward.cell.id, "deputy", "probationary"],
        [other.cell.id, "member", "official"],
      ].sort(),
    );
    // The imported row is gone (merged into the record /start created), memberships moved, not copied.
    expect(me!.id).not.toBe(imported.id);
    expect(await prisma().member.findUnique({ where: { id: imported.id } })).toBeNull();
    expect(await prisma().membership.count()).toBe(membershipsBefore);
    expect((await h.app.repos.audit.list({ action: "member.claim" })).length).toBeGreaterThanOrEqual(2);

    // The link works once.
    const before = await counts();
    const thief = await startedUser("Mạo danh");
    const afterThief = await counts();
    h.emulator.startBot(h.botAccount, thief, `c_tokBa_${provider}`);
    await h.flush();
    expect(h.lastText(thief.id)).toContain("Link cá nhân này không còn hiệu lực");
    h.emulator.startBot(h.botAccount, ba, `c_tokBa_${provider}`);
    await h.flush();
    expect(h.lastText(ba.id)).toContain("Link cá nhân này không còn hiệu lực");
    expect(await counts()).toEqual(afterThief);
    expect(afterThief.members).toBe(before.members + 1);
  });

  it("a claim by someone already in the cell keeps one membership with the roster's role", async () => {
    const imported = await prisma().member.create({
      data: { displayName: "Lê Thị Mai", fullName: "Lê Thị Mai", claimToken: `tokMai_${provider}` },
    });
    await h.app.repos.memberships.join(imported.id, ward.cell.id, { role: "committee", status: "official" });
    const own = await h.app.repos.memberships.findByTelegramId(ward.cell.id, leader.id);

    h.emulator.startBot(h.botAccount, leader, `c_tokMai_${provider}`);
    await h.flush();
    expect(h.lastText(leader.id)).toContain("• Chi bộ Khu phố 1: Chi ủy viên");
    const rows = await prisma().membership.findMany({
      where: { cellId: ward.cell.id, member: { telegramId: BigInt(leader.id) } },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: own!.membershipId,
      number: own!.number,
      role: "committee",
      active: true,
    });
    expect(await prisma().member.findUnique({ where: { id: imported.id } })).toBeNull();
  });

  it("binds in place when the account has no record of its own (repository)", async () => {
    const imported = await prisma().member.create({
      data: { displayName: "Phạm Văn Tư", fullName: "Phạm Văn Tư", claimToken: `tokTu_${provider}` },
    });
    const tu = h.emulator.createUser({ firstName: "Tư", username: `tu_${provider}` });
    const result = await h.app.repos.joinRequests.claim(`tokTu_${provider}`, {
      telegramId: tu.id,
      username: tu.username,
      displayName: "Tư",
    });
    expect(result).toEqual({ outcome: "claimed", memberId: imported.id, mergedFromId: null });
    const row = await prisma().member.findUniqueOrThrow({ where: { id: imported.id } });
    expect(row).toMatchObject({
      displayName: "Phạm Văn Tư",
      claimToken: null,
      reachable: true,
      username: tu.username,
    });
    expect(Number(row.telegramId)).toBe(tu.id);
    expect(
      await h.app.repos.joinRequests.claim(`tokTu_${provider}`, { telegramId: 1, displayName: "x" }),
    ).toEqual({
      outcome: "invalid",
    });
  });
});
