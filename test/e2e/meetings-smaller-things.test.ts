// Issue 9, items 7 and 11. /meeting_schedule promised "Trợ lý sẽ thông báo trong nhóm ngay bây giờ" when this
// month already had a hand-made meeting, and announced nothing. It now says that this month's meeting
// exists (with its date) and that the schedule starts next month.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { announceTypedMeeting } from "../support/meeting-preview.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

describe.each(SUPPORTED_PROVIDERS)("the smaller meeting things of issue 9 on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let secretary: User;

  beforeAll(async () => {
    // Tuesday 01/12/2026 08:00 in Hà Nội.
    h = await createHarness({ provider, start: new Date("2026-12-01T01:00:00Z") });
    secretary = h.emulator.createUser({ firstName: "Lan" });
    cell = await seedCell(h, "Chi bộ Khu phố 5", [{ user: secretary, role: "secretary" }]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("says this month's meeting exists and the schedule starts next month", async () => {
    const handMade = await h.app.repos.meetings.create({
      cellId: cell.cell.id,
      kind: "regular",
      startsAt: new Date("2026-12-05T12:30:00Z"),
      place: null,
      title: null,
      createdByMemberId: null,
    });
    await h.say(secretary, cell.chatId, "/meeting_schedule monthly 4 19h30 | Hội trường");
    const reply = h.lastText(cell.chatId)!;
    expect(reply).not.toContain("ngay bây giờ");
    expect(reply).toContain(
      `Tháng này chi bộ đã có cuộc họp #${handMade.id} (Thứ Bảy, 05/12/2026 lúc 19:30), nên lịch thường kỳ bắt đầu từ tháng sau.`,
    );
    expect(reply).toContain("Cuộc họp tới: Thứ Hai, 04/01/2027 lúc 19:30");
    await h.app.scheduler.tick();
    expect(await h.app.database.prisma.meeting.count({ where: { cellId: cell.cell.id } })).toBe(1);
  });

  it("lists a meeting that started and was never closed as in progress, not upcoming", async () => {
    h.clock.set(new Date("2026-12-05T14:00:00Z")); // 21:00 on the meeting's day
    await h.say(secretary, cell.chatId, "/meetings");
    const text = h.lastText(cell.chatId)!;
    expect(text).toContain(
      "Thứ Bảy, 05/12/2026 lúc 19:30 · sinh hoạt thường kỳ tháng 12/2026 · đang diễn ra, chưa chốt sổ",
    );
    expect(text).not.toContain("sắp diễn ra");
  });

  it("does not ask the secretary who made a meeting to confirm it at once, and reminds them later", async () => {
    const lan = h.emulator.createUser({ firstName: "Lan", lastName: "Đỗ" });
    const hoa = h.emulator.createUser({ firstName: "Hoa", lastName: "Phạm" });
    const kp6 = await seedCell(h, "Chi bộ Khu phố 6", [{ user: lan, role: "secretary" }, { user: hoa }]);
    const privately = (user: User) =>
      h.emulator.botMessages(h.botAccount, user.id).filter((m) => m.text?.includes("Kính nhắc"));
    // Saturday 05/12 22:00: a meeting on Monday 07/12, inside the 3-day reminder.
    h.clock.set(new Date("2026-12-05T15:00:00Z"));
    await announceTypedMeeting(h, lan, kp6.chatId, "/meeting 07/12 19h30 tối | Nhà văn hóa");
    h.clock.set(new Date("2026-12-06T00:00:00Z")); // after the quiet hours
    await h.app.scheduler.tick();
    await h.app.scheduler.tick();
    expect(privately(hoa).length).toBe(1);
    expect(privately(lan)).toEqual([]);
    // The last-hours reminder is not a catch-up: the secretary is reminded like everyone.
    h.clock.set(new Date("2026-12-07T10:31:00Z"));
    await h.app.scheduler.tick();
    await h.app.scheduler.tick();
    expect(privately(lan).length).toBe(1);
    expect(privately(hoa).length).toBe(2);
  });
});
