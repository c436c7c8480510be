// The weekly "còn đang làm?" row of a task without a due date (src/features/tasks/reminder-plan.ts):
// on the weekday the task was given, at 09:00 cell time, the first such time after now, one key per
// week, and out of quiet hours.
import { describe, expect, it } from "vitest";
import { planWeeklyCheckRow, type WeeklyPlanInput } from "../../src/features/tasks/reminder-plan.ts";

const TZ = "Asia/Ho_Chi_Minh";
const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);

function input(over: Partial<WeeklyPlanInput> = {}): WeeklyPlanInput {
  return {
    taskId: 4,
    cellId: 2,
    since: local("2026-12-01 21:00"),
    now: local("2026-12-01 21:05"),
    timeZone: TZ,
    quietHours: { start: "21:30", end: "06:30" },
    ...over,
  };
}

describe("planWeeklyCheckRow", () => {
  it("plans a week after the task was given, at 09:00 on its weekday", () => {
    expect(planWeeklyCheckRow(input())).toMatchObject({
      key: "task:4:r:wk:2026-12-08",
      kind: "task-weekly-check",
      cellId: 2,
      memberId: null,
      payload: { taskId: 4, week: "2026-12-08" },
      dueAt: local("2026-12-08 09:00"),
      expiresAt: null,
    });
  });

  it("gives the same week the same key however often it is planned, and moves on once it is past", () => {
    const a = planWeeklyCheckRow(input({ now: local("2026-12-05 10:00") }));
    const b = planWeeklyCheckRow(input({ now: local("2026-12-08 08:59") }));
    expect(a.key).toBe(b.key);
    expect(planWeeklyCheckRow(input({ now: local("2026-12-08 09:00") })).key).toBe("task:4:r:wk:2026-12-15");
    // After months without a run (the service was down): the next week from now, not a backlog.
    expect(planWeeklyCheckRow(input({ now: local("2027-03-03 12:00") })).dueAt).toEqual(
      local("2027-03-09 09:00"),
    );
  });

  it("waits for the end of quiet hours that cover 09:00", () => {
    const row = planWeeklyCheckRow(input({ quietHours: { start: "08:00", end: "10:00" } }));
    expect(row.dueAt).toEqual(local("2026-12-08 10:00"));
    expect(row.key).toBe("task:4:r:wk:2026-12-08");
  });
});
