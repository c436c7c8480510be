// The monthly digest when things are not in place, on both databases: with no committee chat it
// goes to each admin privately, led by how to register one; a digest missed while the bot was down
// goes out when it comes back during the same month, and is dropped once that month is over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { seedCell } from "../support/ward.ts";
import { nextMeetingNumber } from "../support/meeting-number.ts";

const at = (iso: string) => new Date(iso);

describe.each(SUPPORTED_PROVIDERS)("digest fallbacks on %s", (provider) => {
  let h: Harness;
  const prisma = () => h.app.database.prisma;
  const plans = () =>
    prisma().scheduledDelivery.findMany({
      where: { kind: "digest_plan" },
      orderBy: { key: "asc" },
      select: { key: true, status: true },
    });

  beforeAll(async () => {
    h = await createHarness({ provider, start: at("2026-10-20T02:00:00Z") });
    h.emulator.startBot(h.botAccount, h.admin);
    await h.flush();
    const secretary = h.emulator.createUser({ firstName: "Nguyễn Văn An" });
    const { cell, members } = await seedCell(h, "Khu phố 1", [{ user: secretary, role: "secretary" }]);
    // Meetings in November and January (a month without any data gets no digest).
    for (const startsAt of ["2026-11-10T12:00:00Z", "2027-01-10T12:00:00Z"]) {
      await prisma().meeting.create({
        data: {
          cellId: cell.id,
          number: await nextMeetingNumber(prisma(), cell.id),
          state: "closed",
          startsAt: at(startsAt),
          attendances: { create: [{ memberId: members.get(secretary.id)!.memberId, status: "present" }] },
        },
      });
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it("sends a digest missed on the 1st when the bot is back on the 3rd, to the admins privately", async () => {
    // Down from 30 November to 3 December, 10:00.
    h.clock.set(at("2026-12-03T03:00:00Z"));
    await h.restart();
    await h.app.scheduler.tick();
    const mine = h.emulator
      .botMessages(h.botAccount, h.admin.id)
      .filter(
        (m) => m.kind !== "text" || m.text?.includes("11/2026") || m.text?.includes("/register_committee"),
      );
    expect(mine.map((m) => m.kind)).toEqual(["text", "photo", "document"]);
    expect(mine[0]!.text).toMatch(/^ℹ️ Đảng bộ chưa đăng ký nhóm Đảng ủy/);
    expect(mine[0]!.text).toContain("/register_committee");
    expect(mine[0]!.text).toContain("📊 BÁO CÁO THÁNG 11/2026");
    expect(mine[0]!.text).toContain("• Dự họp: 100% (1/1 lượt)");
    expect(await plans()).toEqual([
      { key: "digest:1:plan:2026-12", status: "sent" },
      { key: "digest:1:plan:2027-01", status: "pending" },
    ]);
  });

  it("drops a digest whose month is over, and sends the current month's late one once", async () => {
    // Down from 31 December to 2 February: January's digest (of December) is not sent in February.
    h.clock.set(at("2027-02-02T03:00:00Z"));
    await h.restart();
    await h.app.scheduler.tick();
    await h.restart();
    await h.app.scheduler.tick();
    // December's row was sent over 30 days ago and pruned by the daily maintenance; January's was
    // withdrawn by the start-up (only this month's and next month's rows are kept pending).
    expect(await plans()).toEqual([
      { key: "digest:1:plan:2027-01", status: "cancelled" },
      { key: "digest:1:plan:2027-02", status: "sent" },
      { key: "digest:1:plan:2027-03", status: "pending" },
    ]);
    const texts = h.texts(h.admin.id);
    expect(texts.filter((t) => t.includes("BÁO CÁO THÁNG 12/2026"))).toEqual([]);
    expect(texts.filter((t) => t.includes("BÁO CÁO THÁNG 01/2027"))).toHaveLength(1);
  });
});
