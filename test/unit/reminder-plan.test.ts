import { describe, expect, it } from "vitest";
import {
  audienceForOffset,
  memberReminderRows,
  planReminderRows,
  shiftOutOfQuietHours,
  type ReminderPlanInput,
} from "../../src/features/meetings/reminder-plan.ts";

const TZ = "Asia/Ho_Chi_Minh"; // UTC+7, no daylight saving
const QUIET = { start: "21:30", end: "06:30" };
/** A local time in Hà Nội as an instant: "2026-12-04 19:30". */
const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);

function input(over: Partial<ReminderPlanInput> = {}): ReminderPlanInput {
  return {
    meetingId: 7,
    cellId: 3,
    startsAt: local("2026-12-04 19:30"),
    now: local("2026-11-28 08:00"),
    offsets: [4320, 1440, 120],
    quietHours: QUIET,
    timeZone: TZ,
    groupChatId: -100,
    agendaItems: [
      { itemId: 5, owner: { memberId: 2, chatId: 22 } },
      { itemId: 6, owner: null },
    ],
    managers: [{ memberId: 1, chatId: 11 }],
    ...over,
  };
}

/** key → local due time, for compact expectations. */
function plan(over: Partial<ReminderPlanInput> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of planReminderRows(input(over))) {
    const at = new Date(row.dueAt.getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
    out[row.key] = at;
  }
  return out;
}

describe("audience by offset", () => {
  it.each([
    [14 * 1440, true, "all"],
    [4320, true, "all"],
    [2880, true, "all"],
    [2879, true, null],
    [1440, true, null],
    [720, true, null],
    [719, false, "unconfirmed"],
    [120, false, "unconfirmed"],
    [15, false, "unconfirmed"],
  ] as const)("%i minutes → group %s, private %s", (offset, group, priv) => {
    expect(audienceForOffset(offset)).toEqual({ group, private: priv });
  });
});

describe("planReminderRows", () => {
  it("plans the defaults: 3 days group + everyone, 1 day group, 2 hours private, agenda rows", () => {
    expect(plan()).toEqual({
      "meeting:7:r:4320:group": "2026-12-01 19:30",
      "meeting:7:r:4320:members": "2026-12-01 19:30",
      "meeting:7:r:1440:group": "2026-12-03 19:30",
      "meeting:7:r:120:members": "2026-12-04 17:30",
      "meeting:7:r:agenda:5": "2026-12-03 19:30",
      "meeting:7:r:agenda-check:1": "2026-12-02 19:30",
    });
  });

  it("writes kinds, audiences, chats and expiry at the meeting start", () => {
    const rows = planReminderRows(input());
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get("meeting:7:r:4320:group")).toMatchObject({
      kind: "meeting-reminder-group",
      chatId: -100,
      memberId: null,
      cellId: 3,
    });
    expect(byKey.get("meeting:7:r:4320:members")?.payload).toEqual({
      meetingId: 7,
      startsAt: local("2026-12-04 19:30").toISOString(),
      offsetMinutes: 4320,
      audience: "all",
    });
    expect(byKey.get("meeting:7:r:120:members")?.payload.audience).toBe("unconfirmed");
    expect(byKey.get("meeting:7:r:agenda:5")).toMatchObject({ kind: "meeting-agenda-owner", chatId: 22 });
    expect(byKey.get("meeting:7:r:agenda-check:1")).toMatchObject({
      kind: "meeting-agenda-check",
      chatId: 11,
    });
    for (const row of rows) expect(row.expiresAt).toEqual(local("2026-12-04 19:30"));
  });

  it("maps configured offsets by size, longest first or not", () => {
    expect(
      Object.keys(
        plan({
          now: local("2026-11-20 08:00"),
          offsets: [60, 10080, 720],
        }),
      ),
    ).toEqual([
      "meeting:7:r:10080:group",
      "meeting:7:r:10080:members",
      "meeting:7:r:720:group",
      "meeting:7:r:60:members",
      "meeting:7:r:agenda:5",
      "meeting:7:r:agenda-check:1",
    ]);
  });

  it("shifts a nudge due in quiet hours to 06:30 when the meeting is later", () => {
    const p = plan({ startsAt: local("2026-12-05 07:00"), agendaItems: [], managers: [] });
    expect(p["meeting:7:r:120:members"]).toBe("2026-12-05 06:30");
    expect(p["meeting:7:r:4320:group"]).toBe("2026-12-02 07:00");
  });

  it("sends before quiet hours begin when waiting for 06:30 would be after the start", () => {
    const p = plan({ startsAt: local("2026-12-05 06:00"), agendaItems: [], managers: [] });
    expect(p["meeting:7:r:120:members"]).toBe("2026-12-04 21:15");
    // Group posts obey quiet hours too: 3 days before 06:00 is 06:00, inside them.
    expect(p["meeting:7:r:4320:group"]).toBe("2026-12-02 06:30");
  });

  it("quiet hours within one day, and none at all", () => {
    const p = plan({ quietHours: { start: "12:00", end: "14:00" }, startsAt: local("2026-12-04 15:00") });
    expect(p["meeting:7:r:120:members"]).toBe("2026-12-04 14:00"); // 13:00 → 14:00 (before 15:00)
    const q = plan({ quietHours: null, startsAt: local("2026-12-05 06:00") });
    expect(q["meeting:7:r:120:members"]).toBe("2026-12-05 04:00");
  });

  it("a meeting 36 hours ahead: private 3-day reminder at once, no group repeat, no past agenda check", () => {
    const now = local("2026-12-03 07:30");
    expect(plan({ now })).toEqual({
      "meeting:7:r:4320:members": "2026-12-03 07:30",
      "meeting:7:r:1440:group": "2026-12-03 19:30",
      "meeting:7:r:120:members": "2026-12-04 17:30",
      "meeting:7:r:agenda:5": "2026-12-03 19:30",
    });
  });

  it("a meeting an hour ahead: only the nearest passed offset, at once", () => {
    expect(plan({ now: local("2026-12-04 18:30") })).toEqual({
      "meeting:7:r:120:members": "2026-12-04 18:30",
    });
  });

  it("a catch-up in quiet hours waits for 06:30, or is skipped when that is too late", () => {
    const waits = plan({ now: local("2026-12-05 05:30"), startsAt: local("2026-12-05 07:00") });
    expect(waits).toEqual({
      "meeting:7:r:120:members": "2026-12-05 06:30",
    });
    expect(plan({ now: local("2026-12-05 04:30"), startsAt: local("2026-12-05 06:00") })).toEqual({});
  });

  it("plans nothing for a meeting that has started", () => {
    expect(plan({ now: local("2026-12-04 19:30") })).toEqual({});
    expect(plan({ now: local("2026-12-05 08:00") })).toEqual({});
  });

  it("after a move, the same keys with new due times", () => {
    const before = plan();
    const after = plan({ startsAt: local("2026-12-06 19:30") });
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after["meeting:7:r:4320:group"]).toBe("2026-12-03 19:30");
    expect(after["meeting:7:r:120:members"]).toBe("2026-12-06 17:30");
  });

  it("no group rows without a group; private rows name no member (they are listed when due)", () => {
    const p = plan({ groupChatId: null, agendaItems: [], managers: [] });
    expect(Object.keys(p)).toEqual(["meeting:7:r:4320:members", "meeting:7:r:120:members"]);
    for (const row of planReminderRows(input({ groupChatId: null, agendaItems: [], managers: [] }))) {
      expect(row).toMatchObject({ kind: "meeting-reminder-members", chatId: null, memberId: null });
    }
  });

  it("writes each member's private reminder when the offset's row is due, due at once", () => {
    const row = planReminderRows(input()).find((r) => r.key === "meeting:7:r:120:members")!;
    const now = local("2026-12-04 17:30");
    const rows = memberReminderRows({
      payload: row.payload,
      cellId: 3,
      members: [
        { memberId: 1, chatId: 11 },
        { memberId: 4, chatId: 44 },
      ],
      now,
    });
    expect(rows).toEqual(
      [1, 4].map((id) => ({
        key: `meeting:7:r:120:m:${id}`,
        kind: "meeting-reminder-private",
        chatId: id * 11,
        memberId: id,
        cellId: 3,
        payload: row.payload,
        dueAt: now,
        expiresAt: local("2026-12-04 19:30"),
      })),
    );
  });

  it("is deterministic (idempotent planning)", () => {
    expect(planReminderRows(input())).toEqual(planReminderRows(input()));
  });
});

describe("shiftOutOfQuietHours", () => {
  const start = local("2026-12-10 19:30");
  const now = local("2026-12-01 00:00");
  it.each([
    ["2026-12-04 21:29", "2026-12-04 21:29"],
    ["2026-12-04 21:30", "2026-12-05 06:30"],
    ["2026-12-04 23:59", "2026-12-05 06:30"],
    ["2026-12-05 00:00", "2026-12-05 06:30"],
    ["2026-12-05 06:29", "2026-12-05 06:30"],
    ["2026-12-05 06:30", "2026-12-05 06:30"],
  ])("%s → %s", (due, expected) => {
    expect(shiftOutOfQuietHours(local(due), start, now, QUIET, TZ)).toEqual(local(expected));
  });
});
