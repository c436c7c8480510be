import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countUnreachable, privateRemindersButton } from "../../src/features/reach/reach.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell } from "../support/ward.ts";

describe.each(SUPPORTED_PROVIDERS)("private reachability on %s", (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ provider });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("links the button to the bot and counts members who have not opened a private chat", async () => {
    const button = privateRemindersButton({
      translate: h.app.translate,
      locale: "vi",
      botUsername: h.app.bot.botInfo.username,
    });
    expect(button).toEqual({ text: "🔔 Nhận nhắc riêng", url: "https://t.me/chibo_test_bot?start=r" });

    const secretary = h.emulator.createUser({ firstName: "Lan" });
    const elder = h.emulator.createUser({ firstName: "Bảy" });
    const busy = h.emulator.createUser({ firstName: "Tư" });
    const leaving = h.emulator.createUser({ firstName: "Năm" });
    const { cell, members } = await seedCell(h, "Chi bộ Khu phố 3", [
      { user: secretary, role: "secretary" },
      { user: elder, started: false },
      { user: busy, started: false },
      { user: leaving, started: false },
    ]);
    expect(await countUnreachable(h.app.repos, cell.id)).toBe(3);

    // Opening the deep link (/start r) greets them and makes them reachable.
    h.emulator.startBot(h.botAccount, elder, "r");
    await h.flush();
    expect(h.lastText(elder.id)).toContain("đồng chí Bảy");
    expect(await countUnreachable(h.app.repos, cell.id)).toBe(2);

    // Members who left are not counted; a member who blocks the bot is counted again.
    await h.app.repos.memberships.leave(members.get(leaving.id)!.membershipId, new Date());
    expect(await countUnreachable(h.app.repos, cell.id)).toBe(1);
    await h.app.repos.members.markUnreachable(secretary.id, new Date());
    expect(await countUnreachable(h.app.repos, cell.id)).toBe(2);
  });
});
