// Issue 9, item 6: "/agenda @member #7 item" assigned the item "#7 Báo cáo khác" to the wrong meeting
// silently. The meeting and the member are read in either order; a meeting reference never stays in
// an item's text.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.ts";
import { SUPPORTED_PROVIDERS } from "../support/providers.ts";
import { seedCell, type SeededCell } from "../support/ward.ts";

describe.each(SUPPORTED_PROVIDERS)("/agenda arguments in either order on %s", (provider) => {
  let h: Harness;
  let cell: SeededCell;
  let secretary: User;
  let hai: User;
  const ids: number[] = [];

  beforeAll(async () => {
    h = await createHarness({ provider, start: new Date("2026-12-01T01:00:00Z") });
    secretary = h.emulator.createUser({ firstName: "Lan", username: "lan_bt" });
    hai = h.emulator.createUser({ firstName: "Hải", username: "hai_dv" });
    cell = await seedCell(h, "Chi bộ Khu phố 4", [{ user: secretary, role: "secretary" }, { user: hai }]);
    for (const day of ["2026-12-04T12:30:00Z", "2026-12-18T12:30:00Z"]) {
      const m = await h.app.repos.meetings.create({
        cellId: cell.cell.id,
        kind: "regular",
        startsAt: new Date(day),
        place: null,
        title: null,
        createdByMemberId: null,
      });
      ids.push(m.id);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  const items = () => h.app.database.prisma.agendaItem.findMany({ orderBy: { id: "asc" } });

  it("takes the member first and the meeting second", async () => {
    const second = ids[1]!;
    await h.say(secretary, cell.chatId, `/agenda @hai_dv #${second} Báo cáo khác`);
    const [item] = await items();
    expect(item).toMatchObject({ meetingId: second, title: "Báo cáo khác" });
    expect(h.lastText(cell.chatId)).toContain(`“Báo cáo khác” cho cuộc họp #${second}`);

    // The usual order still works.
    await h.say(secretary, cell.chatId, `/agenda #${ids[0]} @hai_dv Báo cáo tài chính`);
    expect((await items()).at(-1)).toMatchObject({ meetingId: ids[0], title: "Báo cáo tài chính" });
  });

  it("refuses two meetings rather than keeping one in the item's text", async () => {
    const before = (await items()).length;
    await h.say(secretary, cell.chatId, `/agenda #${ids[0]} @hai_dv #${ids[1]} Báo cáo`);
    expect(h.lastText(cell.chatId)).toContain("/agenda #<số cuộc họp> <đảng viên> <nội dung>");
    expect(await items()).toHaveLength(before);
    for (const item of await items()) expect(item.title).not.toMatch(/#\d/);
  });
});
