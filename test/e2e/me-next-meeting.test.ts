// /me shows the next meeting (PRODUCT §4, issue 9 item 12): date, time, place and the member's own
// answer, in the member's language; nothing for someone in no cell.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { announceTypedMeeting, messageWithButton } from "../support/meeting-preview.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

describe.each(SUPPORTED_PROVIDERS)("/me and the next meeting on %s", (provider) => {
  let h: Harness;
  let kp: SeededCell;
  const u = {} as Record<"secretary" | "member" | "english" | "stranger", User>;

  beforeAll(async () => {
    h = await createHarness({ provider });
    u.secretary = h.emulator.createUser({ firstName: "Lan", lastName: "Nguyễn" });
    u.member = h.emulator.createUser({ firstName: "Hoa", lastName: "Trần" });
    u.english = h.emulator.createUser({ firstName: "Minh", lastName: "Lê" });
    u.stranger = h.emulator.createUser({ firstName: "Khách" });
    kp = await seedCell(h, "Chi bộ Khu phố 1", [
      { user: u.secretary, role: "secretary" },
      { user: u.member },
      { user: u.english },
    ]);
    h.emulator.startBot(h.botAccount, u.stranger);
    await h.flush();
    await h.say(u.english, u.english.id, "/lang en");
  });
  afterAll(async () => {
    await h?.close();
  });

  const me = async (user: User) => {
    await h.say(user, user.id, "/me");
    return h.lastText(user.id)!;
  };

  it("says there is no meeting coming before one is announced", async () => {
    expect(await me(u.member)).toContain("📅 Chi bộ chưa có buổi sinh hoạt nào sắp tới.");
    expect(await me(u.english)).toContain("📅 The cell has no meeting coming up.");
    expect(await me(u.stranger)).not.toContain("📅");
  });

  it("shows the date, time, place and the member's own answer", async () => {
    await announceTypedMeeting(h, u.secretary, kp.chatId, "/meeting 04/12 19h30 tối | Hội trường Khu phố 1");
    const text = await me(u.member);
    expect(text).toContain(
      "📅 Buổi sinh hoạt sắp tới của Chi bộ Khu phố 1: Thứ Sáu, 04/12/2026 lúc 19:30, tại Hội trường Khu phố 1",
    );
    expect(text).toContain("Đồng chí chưa xác nhận tham dự");
    expect(await me(u.english)).toContain(
      "📅 Next meeting of Chi bộ Khu phố 1: Friday, 04/12/2026 at 19:30, at Hội trường Khu phố 1\nYou have not said whether you will attend",
    );

    const { msg, data } = messageWithButton(h, kp.chatId, /:a$/);
    await h.press(u.member, kp.chatId, msg.message_id, data);
    expect(await me(u.member)).toContain("Đồng chí đã báo: tham dự.");
    await h.press(u.english, kp.chatId, msg.message_id, data.replace(/:a$/, ":u"));
    expect(await me(u.english)).toContain("Your answer: not sure yet.");
    // Someone else's answer is not shown as the member's.
    expect(await me(u.secretary)).toContain("Đồng chí chưa xác nhận tham dự");
  });

  it("shows the earliest of several, and none once the meeting is over", async () => {
    await announceTypedMeeting(h, u.secretary, kp.chatId, "/meeting 20/12 19h30 tối | Nhà văn hóa");
    expect(await me(u.member)).toContain("Thứ Sáu, 04/12/2026 lúc 19:30");
    // The first one is over (never closed): the second is next.
    h.clock.set(new Date("2026-12-05T00:00:00Z"));
    const text = await me(u.member);
    expect(text).toContain("Chủ Nhật, 20/12/2026 lúc 19:30, tại Nhà văn hóa");
    expect(text).toContain("Đồng chí chưa xác nhận tham dự");
  });
});
