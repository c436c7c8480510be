import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";
import { nextMeetingNumber } from "../support/meeting-number.ts";

/** The parts of an export file these tests read. */
interface ExportedData {
  member: Record<string, unknown>;
  memberships: Record<string, unknown>[];
  joinRequests: unknown[];
  rsvps: Record<string, unknown>[];
  attendance: Record<string, unknown>[];
  agendaItems: Record<string, unknown>[];
  taskAssignments: { reports: { text: string }[]; evaluation: Record<string, unknown> }[];
  tasksAssignedByThem: Record<string, unknown>[];
  namedResponses: unknown[];
  participations: { prompt: { id: number } }[];
  scheduledDeliveries: unknown[];
  privateChatLanguage: string | null;
  auditEntries: { action: string }[];
}

describe.each(SUPPORTED_PROVIDERS)("member data export and erase on %s", (provider) => {
  let h: Harness;
  let cellA: SeededCell;
  let orgId: number;
  let targetId: number;
  let otherId: number;
  const u = {} as Record<"secA" | "leader" | "member" | "target" | "secB" | "stranger", User>;
  const ids = {} as Record<
    | "meeting"
    | "agenda"
    | "assignedTask"
    | "ownTask"
    | "assignment"
    | "namedPrompt"
    | "anonPrompt"
    | "ratingQ"
    | "textQ"
    | "anonResponse"
    | "otherRsvp"
    | "delivery",
    number | string
  >;

  beforeAll(async () => {
    h = await createHarness({ provider });
    u.secA = h.emulator.createUser({ firstName: "Lan", username: "bithu_a" });
    u.leader = h.emulator.createUser({ firstName: "Tùng", username: "totruong_a" });
    u.member = h.emulator.createUser({ firstName: "Hoa", username: "dangvien_a" });
    u.target = h.emulator.createUser({ firstName: "Đích", lastName: "Trần Văn", username: "tranvandich" });
    u.secB = h.emulator.createUser({ firstName: "Sơn", username: "bithu_b" });
    u.stranger = h.emulator.createUser({ firstName: "Khách" });
    cellA = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: u.secA, role: "secretary" },
      { user: u.leader, role: "group_leader" },
      { user: u.member },
      { user: u.target },
    ]);
    await seedCell(h, "Chi bộ Khu phố 2", [{ user: u.secB, role: "secretary" }]);
    orgId = cellA.cell.organisationId;
    for (const user of [u.stranger, h.admin]) h.emulator.startBot(h.botAccount, user);
    await h.flush();
    targetId = cellA.members.get(u.target.id)!.memberId;
    otherId = cellA.members.get(u.member.id)!.memberId;
    const secId = cellA.members.get(u.secA.id)!.memberId;
    const db = h.app.database.prisma;
    const cellId = cellA.cell.id;

    await db.member.update({
      where: { id: targetId },
      data: { fullName: "Trần Văn Đích", claimToken: "tok-123" },
    });
    const meeting = await db.meeting.create({
      data: {
        cellId,
        number: await nextMeetingNumber(db, cellId),
        startsAt: new Date("2026-11-06T12:30:00Z"),
      },
    });
    ids.meeting = meeting.id;
    await db.rsvp.create({
      data: {
        meetingId: meeting.id,
        memberId: targetId,
        answer: "absent",
        reason: "other",
        reasonText: "Đi khám ở viện",
      },
    });
    ids.otherRsvp = (
      await db.rsvp.create({
        data: {
          meetingId: meeting.id,
          memberId: otherId,
          answer: "absent",
          reason: "work",
          reasonText: "Trực ca",
        },
      })
    ).id;
    await db.attendance.create({
      data: { meetingId: meeting.id, memberId: targetId, status: "absent_excused", reason: "ốm" },
    });
    await db.attendance.create({
      data: { meetingId: meeting.id, memberId: otherId, status: "present", recordedByMemberId: targetId },
    });
    ids.agenda = (
      await db.agendaItem.create({
        data: { meetingId: meeting.id, memberId: targetId, title: "Báo cáo ANTT" },
      })
    ).id;
    const task = await db.task.create({
      data: { cellId, title: "Chuẩn bị báo cáo", assignerMemberId: secId },
    });
    ids.assignedTask = task.id;
    const assignment = await db.taskAssignment.create({
      data: { taskId: task.id, memberId: targetId, state: "done", declineReason: null },
    });
    ids.assignment = assignment.id;
    await db.taskReport.create({
      data: { assignmentId: assignment.id, kind: "text", text: "Đã làm xong phần 1" },
    });
    await db.taskEvaluation.create({
      data: {
        assignmentId: assignment.id,
        grade: "good",
        comment: "Đồng chí Đích làm tốt",
        evaluatorMemberId: secId,
      },
    });
    ids.ownTask = (
      await db.task.create({ data: { cellId, title: "Việc do Đích giao", assignerMemberId: targetId } })
    ).id;

    const named = await db.prompt.create({
      data: {
        organisationId: orgId,
        cellId,
        kind: "self_review",
        anonymous: false,
        opensAt: new Date("2026-11-25T00:00:00Z"),
      },
    });
    ids.namedPrompt = named.id;
    ids.ratingQ = (
      await db.question.create({
        data: { promptId: named.id, position: 0, kind: "rating", text: "Tự đánh giá" },
      })
    ).id;
    ids.textQ = (
      await db.question.create({
        data: { promptId: named.id, position: 1, kind: "text", text: "Tự phê bình" },
      })
    ).id;
    await db.response.create({
      data: {
        promptId: named.id,
        questionId: Number(ids.ratingQ),
        memberId: targetId,
        rating: 4,
        answeredOn: new Date("2026-11-26T09:41:00Z"),
      },
    });
    await db.response.create({
      data: {
        promptId: named.id,
        questionId: Number(ids.textQ),
        memberId: targetId,
        text: "Tôi, Trần Văn Đích, còn chậm",
        answeredOn: new Date("2026-11-26T09:42:00Z"),
      },
    });
    await db.participation.create({ data: { promptId: named.id, memberId: targetId } });
    await db.promptTarget.create({ data: { promptId: named.id, memberId: targetId } });
    const anon = await db.prompt.create({
      data: {
        organisationId: orgId,
        cellId,
        kind: "post_meeting",
        anonymous: true,
        opensAt: new Date("2026-11-07T00:00:00Z"),
      },
    });
    ids.anonPrompt = anon.id;
    const anonQ = await db.question.create({
      data: { promptId: anon.id, position: 0, kind: "rating", text: "Chất lượng buổi họp" },
    });
    ids.anonResponse = (
      await db.response.create({
        data: {
          promptId: anon.id,
          questionId: anonQ.id,
          rating: 5,
          answeredOn: new Date("2026-11-07T00:00:00Z"),
        },
      })
    ).id;
    await db.participation.create({ data: { promptId: anon.id, memberId: targetId } });
    await db.participation.create({ data: { promptId: anon.id, memberId: otherId } });

    await db.joinRequest.create({
      data: {
        cellId,
        telegramId: BigInt(u.target.id),
        displayName: "Trần Văn Đích",
        username: "tranvandich",
        state: "approved",
      },
    });
    ids.delivery = (
      await db.scheduledDelivery.create({
        data: {
          key: `meeting:${meeting.id}:remind:2h:member:${targetId}`,
          kind: "meeting-reminder",
          chatId: BigInt(u.target.id),
          memberId: targetId,
          payload: JSON.stringify({ name: "Đích" }),
          dueAt: new Date("2026-12-10T10:00:00Z"),
        },
      })
    ).id;
    await db.chatPreference.create({ data: { chatId: BigInt(u.target.id), locale: "en" } });
    await h.app.repos.audit.record({
      action: "membership.role",
      targetType: "member",
      targetId: targetId,
      actorTelegramId: u.target.id,
      before: { role: "member" },
      after: { role: "member" },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  const prisma = () => h.app.database.prisma;
  const lastMessage = (chatId: number) => h.emulator.lastBotMessage(h.botAccount, chatId)!;
  /** Everything an erasure could touch, to prove refused calls change nothing. */
  async function snapshot() {
    const db = prisma();
    return JSON.stringify(
      await Promise.all([
        db.member.findMany({ orderBy: { id: "asc" } }),
        db.membership.findMany({ orderBy: { id: "asc" } }),
        db.rsvp.findMany({ orderBy: { id: "asc" } }),
        db.response.findMany({ orderBy: { id: "asc" } }),
        db.participation.count(),
        db.joinRequest.count(),
        db.taskReport.count(),
        db.auditEntry.count(),
        db.scheduledDelivery.findMany({ orderBy: { id: "asc" } }),
      ]),
      (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v),
    );
  }

  describe("authorisation matrix", () => {
    const refused = () =>
      [
        ["stranger", u.stranger],
        ["member", u.member],
        ["group leader", u.leader],
        ["secretary of another cell", u.secB],
        ["secretary", u.secA],
      ] as const;

    it("/export_member, /erase_member and the erase button are for admins only", async () => {
      for (const [role, user] of refused()) {
        const before = await snapshot();
        for (const command of ["/export_member @tranvandich", `/erase_member ${u.target.id}`]) {
          await h.say(user, user.id, command);
          expect(h.lastText(user.id), `${role} ${command}`).toBe(
            "Lệnh này chỉ dành cho quản trị viên Đảng ủy. Đồng chí có thể xem thông tin của mình bằng /me.",
          );
        }
        const forged = await h.press(user, user.id, lastMessage(user.id).message_id, `erase:${targetId}`);
        expect(h.emulator.callbackAnswer(forged.callback_query!.id), role).toMatchObject({
          text: "Nút này không dành cho đồng chí.",
          show_alert: true,
        });
        expect(
          h.emulator.botMessages(h.botAccount, user.id).some((m) => m.kind === "document"),
          role,
        ).toBe(false);
        expect(await snapshot(), role).toBe(before);
      }
    });

    it("an admin may not use them in a group (personal data stays private)", async () => {
      const before = await snapshot();
      await h.say(h.admin, cellA.chatId, "/export_member @tranvandich");
      expect(h.lastText(cellA.chatId)).toContain("chỉ dùng trong trò chuyện riêng");
      await h.say(h.admin, cellA.chatId, "/erase_member @tranvandich");
      expect(h.lastText(cellA.chatId)).toContain("chỉ dùng trong trò chuyện riêng");
      expect(await snapshot()).toBe(before);
    });
  });

  it("answers bad references clearly", async () => {
    const before = await snapshot();
    await h.say(h.admin, h.admin.id, "/export_member");
    expect(h.lastText(h.admin.id)).toContain("Cách dùng: /export_member");
    await h.say(h.admin, h.admin.id, "/erase_member");
    expect(h.lastText(h.admin.id)).toContain("Cách dùng: /erase_member");
    await h.say(h.admin, h.admin.id, "/export_member @nobody_here");
    expect(h.lastText(h.admin.id)).toBe(
      "Không tìm thấy ai là “@nobody_here” trong Đảng bộ. Xin kiểm tra lại mã số Telegram, @tên hoặc họ tên đầy đủ.",
    );
    await h.say(h.admin, h.admin.id, `/erase_member ${"🙂".repeat(2000)}`);
    expect(h.lastText(h.admin.id)).toContain("Không tìm thấy ai là");
    await h.say(h.admin, h.admin.id, `/erase_member ${h.admin.id}`);
    expect(h.lastText(h.admin.id)).toContain("là quản trị viên Đảng ủy; Trợ lý không xoá dữ liệu");
    expect(await snapshot()).toBe(before);
  });

  it("exports everything stored about a member as a JSON file", async () => {
    await h.say(h.admin, h.admin.id, "/export_member @TranVanDich");
    const msg = lastMessage(h.admin.id);
    expect(msg.kind).toBe("document");
    expect(msg.document?.fileName).toBe(`member-${targetId}.json`);
    expect(msg.text).toContain("Toàn bộ dữ liệu Trợ lý đang lưu về Trần Văn Đích");
    const data = JSON.parse(h.emulator.fileBytes(msg.document!.fileId)!.toString("utf8")) as ExportedData;
    expect(data.member).toMatchObject({
      id: targetId,
      telegramId: u.target.id,
      username: "tranvandich",
      fullName: "Trần Văn Đích",
      hasClaimLink: true,
    });
    expect(JSON.stringify(data)).not.toContain("tok-123");
    expect(data.memberships).toHaveLength(1);
    expect(data.memberships[0]).toMatchObject({
      cellId: cellA.cell.id,
      role: "member",
      cell: { name: "Chi bộ Khu phố 1" },
    });
    expect(data.joinRequests).toHaveLength(1);
    expect(data.rsvps[0]).toMatchObject({ answer: "absent", reasonText: "Đi khám ở viện" });
    expect(data.attendance[0]).toMatchObject({ status: "absent_excused", reason: "ốm" });
    expect(data.agendaItems[0]).toMatchObject({ title: "Báo cáo ANTT" });
    expect(data.taskAssignments[0]?.reports[0]?.text).toBe("Đã làm xong phần 1");
    expect(data.taskAssignments[0]?.evaluation).toMatchObject({ grade: "good" });
    expect(data.tasksAssignedByThem[0]).toMatchObject({ title: "Việc do Đích giao" });
    expect(data.namedResponses).toHaveLength(2);
    // Participations say only that they answered.
    expect(data.participations.map((p) => p.prompt.id).sort()).toEqual(
      [ids.namedPrompt, ids.anonPrompt].sort(),
    );
    expect(data.participations.every((p) => Object.keys(p).join() === "prompt")).toBe(true);
    // The anonymous answer is not linked to them and so is not in their export.
    expect(JSON.stringify(data)).not.toContain(String(ids.anonResponse));
    expect(data.scheduledDeliveries).toHaveLength(1);
    expect(data.privateChatLanguage).toBe("en");
    expect(data.auditEntries.some((a) => a.action === "membership.role")).toBe(true);

    const exports = await h.app.repos.audit.list({ action: "member.export" });
    expect(exports.at(-1)).toMatchObject({ targetType: "member", targetId: String(targetId) });
    await h.say(h.admin, h.admin.id, `/export_member ${u.target.id}`);
    expect(lastMessage(h.admin.id).document?.fileName).toBe(`member-${targetId}.json`);
  });

  it("erases a member after confirmation, keeping only anonymous aggregates", async () => {
    await h.say(h.admin, h.admin.id, `/erase_member ${u.target.id}`);
    let confirm = lastMessage(h.admin.id);
    expect(confirm.text).toContain("Đồng chí có chắc muốn xoá dữ liệu cá nhân của Trần Văn Đích?");
    expect(confirm.buttons.map((b) => b.callback_data)).toEqual([`erase:${targetId}`, "erase:no"]);
    const before = await snapshot();
    await h.press(h.admin, h.admin.id, confirm.message_id, "erase:no");
    expect(confirm.text).toBe("Đã huỷ, không xoá gì.");
    expect(await snapshot()).toBe(before);

    await h.say(h.admin, h.admin.id, "/erase_member Trần Văn Đích");
    confirm = lastMessage(h.admin.id);
    const press = await h.press(h.admin, h.admin.id, confirm.message_id, `erase:${targetId}`);
    expect(h.emulator.callbackAnswer(press.callback_query!.id)?.text).toContain("Đã xoá dữ liệu cá nhân");
    expect(confirm.text).not.toContain("Đích");
    expect(confirm.buttons).toEqual([]);

    const db = prisma();
    const member = await db.member.findUniqueOrThrow({ where: { id: targetId } });
    expect(member).toMatchObject({
      displayName: "Đảng viên đã xoá",
      fullName: null,
      username: null,
      telegramId: null,
      claimToken: null,
      locale: null,
      reachable: false,
    });
    expect(member.erasedAt).toBeInstanceOf(Date);
    expect(await db.membership.count({ where: { memberId: targetId, active: true } })).toBe(0);
    // Attendance, RSVPs and task results stay for historical rates, without what they wrote.
    expect(await db.rsvp.findFirst({ where: { memberId: targetId } })).toMatchObject({
      answer: "absent",
      reason: "other",
      reasonText: null,
    });
    expect(await db.attendance.findFirst({ where: { memberId: targetId } })).toMatchObject({
      status: "absent_excused",
      reason: null,
    });
    expect(await db.attendance.findFirst({ where: { memberId: otherId } })).toMatchObject({
      status: "present",
      recordedByMemberId: null,
    });
    expect(await db.agendaItem.findUnique({ where: { id: Number(ids.agenda) } })).toMatchObject({
      memberId: null,
    });
    expect(await db.taskAssignment.findUnique({ where: { id: Number(ids.assignment) } })).toMatchObject({
      state: "done",
    });
    expect(await db.taskReport.count({ where: { assignmentId: Number(ids.assignment) } })).toBe(0);
    expect(
      await db.taskEvaluation.findUnique({ where: { assignmentId: Number(ids.assignment) } }),
    ).toMatchObject({
      grade: "good",
      comment: null,
    });
    expect(await db.task.findUnique({ where: { id: Number(ids.ownTask) } })).toMatchObject({
      assignerMemberId: null,
    });
    // Answers: the rating stays, unlinked and dated by day; the free text is gone; anonymous answers untouched.
    expect(await db.response.count({ where: { memberId: targetId } })).toBe(0);
    const named = await db.response.findMany({ where: { promptId: Number(ids.namedPrompt) } });
    expect(named).toHaveLength(1);
    expect(named[0]).toMatchObject({
      memberId: null,
      rating: 4,
      text: null,
      questionId: Number(ids.ratingQ),
    });
    expect(named[0]!.answeredOn.toISOString()).toBe("2026-11-26T00:00:00.000Z");
    expect(await db.response.findUnique({ where: { id: String(ids.anonResponse) } })).toMatchObject({
      rating: 5,
    });
    expect(await db.participation.count({ where: { memberId: targetId } })).toBe(0);
    expect(await db.participation.count({ where: { memberId: otherId } })).toBe(1);
    expect(await db.promptTarget.count({ where: { memberId: targetId } })).toBe(0);
    expect(await db.joinRequest.count({ where: { telegramId: BigInt(u.target.id) } })).toBe(0);
    expect(await db.scheduledDelivery.findUnique({ where: { id: Number(ids.delivery) } })).toMatchObject({
      status: "cancelled",
      memberId: null,
      chatId: null,
      payload: "{}",
    });
    expect(await db.chatPreference.count({ where: { chatId: BigInt(u.target.id) } })).toBe(0);
    // Other members are untouched.
    expect(await db.rsvp.findUnique({ where: { id: Number(ids.otherRsvp) } })).toMatchObject({
      reasonText: "Trực ca",
    });

    // Nothing that names them is left anywhere we looked.
    const everything = JSON.stringify(
      await Promise.all([
        db.member.findMany(),
        db.joinRequest.findMany(),
        db.auditEntry.findMany(),
        db.scheduledDelivery.findMany(),
        db.response.findMany(),
        db.chatPreference.findMany(),
      ]),
      (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v),
    );
    for (const trace of ["Trần Văn Đích", "tranvandich", String(u.target.id), "tok-123", "Đi khám ở viện"]) {
      expect(everything, trace).not.toContain(trace);
    }
    const audit = (await h.app.repos.audit.list({ action: "member.erase" })).at(-1)!;
    expect(audit).toMatchObject({ targetType: "member", targetId: String(targetId), organisationId: orgId });
    expect(JSON.parse(audit.after!)).toMatchObject({
      memberships: 1,
      responsesAnonymised: 1,
      responsesDeleted: 1,
      participationsDeleted: 2,
    });

    // They are gone from look-ups; pressing the button again erases nothing more.
    const afterErase = await snapshot();
    await h.say(h.admin, h.admin.id, `/export_member ${u.target.id}`);
    expect(h.lastText(h.admin.id)).toContain("Không tìm thấy ai là");
    const again = await h.press(h.admin, h.admin.id, confirm.message_id, `erase:${targetId}`);
    expect(h.emulator.callbackAnswer(again.callback_query!.id)?.text).toContain("đã được xoá");
    expect(await snapshot()).toBe(afterErase);

    // If they come back, they start afresh as a new person.
    h.emulator.startBot(h.botAccount, u.target);
    await h.flush();
    const fresh = await h.app.repos.members.findByTelegramId(u.target.id);
    expect(fresh?.id).not.toBe(targetId);
    expect(fresh?.memberships).toEqual([]);
  });
});
