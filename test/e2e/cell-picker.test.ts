// The cell picker (src/bot/kit/cell-picker.ts): a secretary of two cells writing privately gets one
// button per cell for /task (typed and guided), /ask, /report, /export and /meeting; a press runs the
// command for the chosen cell, in the presser's language; a forged cell id, a stranger's cell or a
// second press changes nothing.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);

describe.each(SUPPORTED_PROVIDERS)("the cell picker on %s", (provider) => {
  let h: Harness;
  let a: SeededCell;
  let b: SeededCell;
  let c: SeededCell;
  let lan: User; // secretary of A and B
  let binh: User; // member of A
  let cuc: User; // member of B
  let dung: User; // secretary of C

  const prisma = () => h.app.database.prisma;
  const last = (chat: number) => h.emulator.lastBotMessage(h.botAccount, chat)!;
  const rows = async () => ({
    tasks: await prisma().task.count(),
    prompts: await prisma().prompt.count(),
    meetings: await prisma().meeting.count(),
    audits: await prisma().auditEntry.count(),
    outbox: await prisma().scheduledDelivery.count(),
  });
  async function press(user: User, chatId: number, messageId: number, data: string) {
    const update = await h.press(user, chatId, messageId, data);
    return h.emulator.callbackAnswer(update.callback_query!.id);
  }
  /** Says the command privately, checks the picker and returns it. */
  async function picker(user: User, text: string) {
    await h.say(user, user.id, text);
    const pick = last(user.id);
    const command = text.split(" ")[0]!.slice(1);
    expect(pick.buttons.map((x) => x.callback_data).sort()).toEqual(
      [`cp:${command}:${a.cell.id}`, `cp:${command}:${b.cell.id}`].sort(),
    );
    expect(pick.buttons.map((x) => x.text).sort()).toEqual(["Chi bộ Khu phố 1", "Chi bộ Khu phố 2"]);
    expect(pick.text).toContain(text);
    return pick;
  }

  beforeAll(async () => {
    h = await createHarness({ provider, start: local("2026-12-01 09:00") });
    const user = (firstName: string, username: string) =>
      h.emulator.createUser({ firstName, username: `${username}_${provider.slice(0, 2)}` });
    lan = user("Lan", "lan_bt");
    binh = user("Bình", "binh_dv");
    cuc = user("Cúc", "cuc_dv");
    dung = user("Dũng", "dung_bt");
    a = await seedCell(h, "Chi bộ Khu phố 1", [{ user: lan, role: "secretary" }, { user: binh }]);
    b = await seedCell(h, "Chi bộ Khu phố 2", [{ user: cuc }]);
    c = await seedCell(h, "Chi bộ Khu phố 3", [{ user: dung, role: "secretary" }]);
    await h.app.repos.memberships.join(a.members.get(lan.id)!.memberId, b.cell.id, {
      role: "secretary",
      status: "official",
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("/task typed privately: the picker keeps the command, a press gives the task in the chosen cell", async () => {
    const before = await rows();
    const pick = await picker(lan, "/task Cúc: Dọn vệ sinh nhà văn hóa hạn 10/12");
    expect(pick.text).toContain("Xin chọn chi bộ cho lệnh");
    expect(await rows()).toEqual(before);
    // Cúc is a member of B only: picking A reads her as unknown there and writes nothing.
    await press(lan, lan.id, pick.message_id, `cp:task:${b.cell.id}`);
    expect(last(lan.id).text).toContain("Giao cho 1 đồng chí: Cúc");
    expect(
      h.emulator.botMessages(h.botAccount, lan.id).some((m) => m.text === "Đã chọn Chi bộ Khu phố 2."),
    ).toBe(true);
    const draft = await prisma().task.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(draft).toMatchObject({ cellId: b.cell.id, state: "draft", title: "Dọn vệ sinh nhà văn hóa" });
    // Pressed again: the picker no longer holds the command; nothing more is written.
    const counted = await rows();
    const again = await press(lan, lan.id, pick.message_id, `cp:task:${a.cell.id}`);
    expect(again?.text).toBe("Nút này đã hết hiệu lực.");
    expect(await rows()).toEqual(counted);
  });

  it("/task alone privately: the guided flow starts in the chosen cell", async () => {
    const pick = await picker(lan, "/task");
    await press(lan, lan.id, pick.message_id, `cp:task:${a.cell.id}`);
    const who = last(lan.id);
    expect(who.text).toContain("Chi bộ Khu phố 1");
    expect(who.buttons.map((x) => x.text)).toContain("#2 Bình");
    expect(who.buttons.map((x) => x.text)).not.toContain("#2 Cúc");
  });

  it("refuses a forged cell id (another secretary's cell, an unknown one) and a member's press", async () => {
    const pick = await picker(lan, "/task Bình: Trực tiếp dân hạn 10/12");
    const before = await rows();
    const forged = await press(lan, lan.id, pick.message_id, `cp:task:${c.cell.id}`);
    expect(forged?.text).toContain("chỉ dành cho");
    const unknown = await press(lan, lan.id, pick.message_id, `cp:task:999999`);
    expect(unknown?.text).toBe("Nút này đã hết hiệu lực.");
    expect(await rows()).toEqual(before);
    // Binh, a plain member, pressing forged data in his own chat on a picker of his own making:
    // he gets no picker at all, and a forged press on another message is expired.
    await h.say(binh, binh.id, "/task Cúc: Việc gì đó");
    expect(last(binh.id).buttons).toEqual([]);
    const binhForged = await press(binh, binh.id, last(binh.id).message_id, `cp:task:${a.cell.id}`);
    expect(binhForged?.text).toBe("Nút này đã hết hiệu lực.");
    // Dũng (one cell) never gets a picker.
    await h.say(dung, dung.id, "/task");
    expect(last(dung.id).text).toContain("Chi bộ Khu phố 3");
    expect(await rows()).toEqual({ ...before, audits: before.audits });
    // The picker still works with the right cell.
    await press(lan, lan.id, pick.message_id, `cp:task:${a.cell.id}`);
    expect(last(lan.id).text).toContain("Giao cho 1 đồng chí: Bình");
  });

  it("/ask privately: the question is previewed for the chosen cell", async () => {
    const before = await rows();
    const pick = await picker(lan, "/ask Họp chi bộ vào tối thứ mấy? | Thứ Ba | Thứ Năm");
    expect(await rows()).toEqual(before);
    await press(lan, lan.id, pick.message_id, `cp:ask:${b.cell.id}`);
    expect(last(lan.id).text).toContain("Xem trước câu hỏi (chưa gửi):");
    const prompt = await prisma().prompt.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(prompt).toMatchObject({ cellId: b.cell.id, state: "draft" });
    // A command too long to keep in the picker's message: the cells' groups are named instead.
    await h.say(lan, lan.id, `/ask ${"Rất dài ".repeat(505)}? | Có | Không`);
    expect(h.lastText(lan.id)).toContain("Xin gõ lệnh này trong nhóm của chi bộ cần làm việc.");
    expect(last(lan.id).buttons).toEqual([]);
    const forged = await picker(lan, "/ask Câu hỏi khác? | Có | Không");
    const counted = await rows();
    await press(lan, lan.id, forged.message_id, `cp:ask:${c.cell.id}`);
    expect(await rows()).toEqual(counted);
  });

  it("/meeting privately: the guided flow of the chosen cell; a forged cell is refused", async () => {
    const pick = await picker(lan, "/meeting");
    const before = await rows();
    const forged = await press(lan, lan.id, pick.message_id, `cp:meeting:${c.cell.id}`);
    expect(forged?.text).toContain("chỉ dành cho Bí thư");
    expect(await rows()).toEqual(before);
    await press(lan, lan.id, pick.message_id, `cp:meeting:${b.cell.id}`);
    expect(last(lan.id).text).toContain("Chi bộ Khu phố 2");
  });

  it("/report and /export privately: the chosen cell alone, never silently the first one", async () => {
    // Rows carry the database's own time: put them in the harness clock's December.
    await prisma().cell.updateMany({ data: { createdAt: local("2026-11-01 09:00") } });
    await prisma().task.updateMany({ data: { createdAt: local("2026-12-01 09:00") } });
    const pick = await picker(lan, "/report 12/2026");
    await press(lan, lan.id, pick.message_id, `cp:report:${a.cell.id}`);
    expect(h.lastText(lan.id)).toContain("▪️ Chi bộ Khu phố 1");
    expect(h.lastText(lan.id)).not.toContain("Chi bộ Khu phố 2");
    const again = await picker(lan, "/report 12/2026");
    const forged = await press(lan, lan.id, again.message_id, `cp:report:${c.cell.id}`);
    expect(forged?.text).toContain("chỉ dành cho Bí thư");
    expect(h.lastText(lan.id)).toContain("/report 12/2026");
    await press(lan, lan.id, again.message_id, `cp:report:${b.cell.id}`);
    expect(h.lastText(lan.id)).toContain("▪️ Chi bộ Khu phố 2");
    expect(h.lastText(lan.id)).not.toContain("Chi bộ Khu phố 1");

    const exp = await picker(lan, "/export 12/2026");
    const forgedExport = await press(lan, lan.id, exp.message_id, `cp:export:${c.cell.id}`);
    expect(forgedExport?.text).toContain("chỉ dành cho Bí thư");
    await press(lan, lan.id, exp.message_id, `cp:export:${b.cell.id}`);
    const file = last(lan.id);
    expect(file.kind).toBe("document");
    expect(file.text).toContain("Chi bộ Khu phố 2");
    // Naming the cell needs no picker.
    await h.say(lan, lan.id, "/export 12/2026 Chi bộ Khu phố 1");
    expect(last(lan.id).kind).toBe("document");
    expect(last(lan.id).text).toContain("Chi bộ Khu phố 1");
  });

  it("answers the press in the presser's language", async () => {
    await h.say(lan, lan.id, "/lang en");
    await h.say(lan, lan.id, "/task");
    const enPick = last(lan.id);
    expect(enPick.text).toContain("Please choose the cell for this command");
    await press(lan, lan.id, enPick.message_id, `cp:task:${a.cell.id}`);
    expect(h.texts(lan.id)).toContain("Chi bộ Khu phố 1 chosen.");
  });
});
