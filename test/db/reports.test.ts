// The digest's figures from the database (src/db/repositories/reports.ts through
// src/features/digests/data.ts), on both providers, for a month with the hard cases of PRODUCT §4E:
// a member who joins mid-month, an exempt member, a member who becomes exempt mid-month, one who
// leaves, a moved meeting, a cancelled one, and a cell registered mid-month. Rows are seeded
// directly through Prisma: the tasks and prompts features write the same tables.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createManualClock } from "../../src/clock.ts";
import { createRepositories, type Repositories } from "../../src/db/repositories/index.ts";
import type { OrganisationView } from "../../src/db/repositories/organisations.ts";
import { loadDigest, periodBounds } from "../../src/features/digests/data.ts";
import { buildWorkbook, SHEETS } from "../../src/features/digests/workbook.ts";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/databases.ts";
import { nextMeetingNumber } from "../support/meeting-number.ts";

const at = (iso: string) => new Date(iso);
const NOV = { year: 2026, month: 11 };

describeEachProvider("digest figures", (provider) => {
  let t: TestDatabase;
  let repos: Repositories;
  let org: OrganisationView;
  let cellA = 0;
  let cellB = 0;
  const m: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const clock = createManualClock(at("2026-12-01T01:00:00Z"));
    repos = createRepositories(t.db, clock);
    const db = t.db.prisma;
    const orgId = (await db.organisation.create({ data: { name: "Đảng bộ phường" } })).id;
    org = (await repos.organisations.get(orgId))!;
    // A's own threshold of repeated absence is 1 absence without a reason in the year.
    cellA = (
      await db.cell.create({
        data: {
          organisationId: orgId,
          name: "Khu phố 1",
          createdAt: at("2026-09-01T00:00:00Z"),
          settings: '{"absenceThreshold":1}',
        },
      })
    ).id;
    cellB = (
      await db.cell.create({
        data: { organisationId: orgId, name: "Khu phố 2", createdAt: at("2026-11-18T03:00:00Z") },
      })
    ).id;
    const people: [string, number, object][] = [
      ["m1", cellA, { joinedAt: at("2026-01-01T00:00:00Z") }],
      ["m2", cellA, { joinedAt: at("2026-01-01T00:00:00Z") }],
      ["m3", cellA, { joinedAt: at("2026-01-01T00:00:00Z"), status: "exempt" }],
      ["m4", cellA, { joinedAt: at("2026-11-15T03:00:00Z") }],
      ["m5", cellA, { joinedAt: at("2026-01-01T00:00:00Z") }],
      [
        "m6",
        cellA,
        { joinedAt: at("2026-01-01T00:00:00Z"), active: false, leftAt: at("2026-11-12T03:00:00Z") },
      ],
      ["b1", cellB, { joinedAt: at("2026-11-18T03:00:00Z") }],
    ];
    let number = 0;
    for (const [name, cellId, extra] of people) {
      const reachable = !["m3", "m4"].includes(name);
      const member = await db.member.create({
        data: { displayName: name, fullName: `Nguyễn Văn ${name}`, reachable },
      });
      m[name] = member.id;
      const ms = await db.membership.create({
        data: { memberId: member.id, cellId, number: ++number, ...extra },
      });
      m[`${name}ms`] = ms.id;
    }
    // m5 becomes exempt on 10/11, through the repository (which keeps the history).
    clock.set(at("2026-11-10T03:00:00Z"));
    expect(await repos.memberships.changeStatus(m.m5ms!, "official", "exempt")).toBe(true);
    // m2 is exempt for a few days after the month's meetings, and official again: each meeting
    // takes the status from the first change after it only (two rows must not count twice).
    clock.set(at("2026-11-29T03:00:00Z"));
    expect(await repos.memberships.changeStatus(m.m2ms!, "official", "exempt")).toBe(true);
    clock.set(at("2026-11-30T03:00:00Z"));
    expect(await repos.memberships.changeStatus(m.m2ms!, "exempt", "official")).toBe(true);

    const meeting = async (kind: string, state: string, startsAt: string, register: [string, string][]) => {
      const row = await db.meeting.create({
        data: {
          cellId: cellA,
          number: await nextMeetingNumber(db, cellA),
          kind,
          state,
          startsAt: at(startsAt),
        },
      });
      for (const [who, status] of register) {
        await db.attendance.create({ data: { meetingId: row.id, memberId: m[who]!, status } });
      }
      return row.id;
    };
    // October: everyone expected was there (4/4).
    await meeting("regular", "closed", "2026-10-05T12:00:00Z", [
      ["m1", "present"],
      ["m2", "present"],
      ["m5", "present"],
      ["m6", "present"],
    ]);
    // 05/11: expected m1 m2 m5 m6 (m3 exempt, m4 not yet a member); m3 came anyway.
    await meeting("regular", "closed", "2026-11-05T12:00:00Z", [
      ["m1", "present"],
      ["m2", "proxy"],
      ["m3", "present"],
      ["m5", "absent_unexcused"],
      ["m6", "absent_excused"],
    ]);
    // 20/11, thematic: expected m1 m2 m4 (m5 exempt since 10/11, m6 left on 12/11).
    const thematic = await meeting("thematic", "closed", "2026-11-20T12:00:00Z", [
      ["m1", "present"],
      ["m4", "present"],
      ["m2", "absent_unexcused"],
    ]);
    await meeting("regular", "cancelled", "2026-11-25T12:00:00Z", []);
    // Planned for 28/11, moved to 02/12: it belongs to December now.
    await meeting("regular", "planned", "2026-12-02T12:00:00Z", []);

    const task = async (
      createdAt: string,
      dueAt: string,
      state: string,
      assignees: [string, string | null][],
    ) => {
      const row = await db.task.create({
        data: { cellId: cellA, title: "Việc", createdAt: at(createdAt), dueAt: at(dueAt), state },
      });
      for (const [who, doneAt] of assignees) {
        await db.taskAssignment.create({
          data: {
            taskId: row.id,
            memberId: m[who]!,
            state: doneAt ? "done" : "accepted",
            doneAt: doneAt ? at(doneAt) : null,
          },
        });
      }
    };
    await task("2026-11-02T03:00:00Z", "2026-11-10T10:00:00Z", "open", [
      ["m1", "2026-11-09T03:00:00Z"],
      ["m2", "2026-11-12T03:00:00Z"],
      ["m5", null],
    ]);
    await task("2026-11-20T03:00:00Z", "2026-12-05T10:00:00Z", "open", [["m1", null]]);
    await task("2026-10-02T03:00:00Z", "2026-10-30T10:00:00Z", "open", [["m2", null]]);
    await task("2026-11-01T03:00:00Z", "2026-11-05T10:00:00Z", "cancelled", [["m1", null]]);
    // A preview never confirmed: not a task given, not overdue.
    await task("2026-11-03T03:00:00Z", "2026-11-06T10:00:00Z", "draft", [["m3", null]]);

    const prompt = async (data: object, answered: string[], ratings: number[] = []) => {
      const row = await db.prompt.create({
        data: { organisationId: orgId, cellId: cellA, ...data } as never,
      });
      const q = await db.question.create({ data: { promptId: row.id, kind: "rating", text: "?" } });
      for (const who of answered)
        await db.participation.create({ data: { promptId: row.id, memberId: m[who]! } });
      for (const rating of ratings) {
        await db.response.create({
          data: { promptId: row.id, questionId: q.id, rating, answeredOn: at("2026-11-21") },
        });
      }
    };
    // Asked of the cell on 21/11 (m1 m2 m3 m4 m5): 2 answered.
    await prompt({ kind: "custom", opensAt: at("2026-11-21T03:00:00Z") }, ["m1", "m2"]);
    // After the thematic meeting: asked of those present (m1, m4), anonymous, one rating of 4.
    await prompt(
      { kind: "post_meeting", anonymous: true, meetingId: thematic, opensAt: at("2026-11-20T15:00:00Z") },
      ["m1"],
      [4],
    );
    // A draft is nobody's business.
    await prompt({ kind: "custom", state: "draft", opensAt: at("2026-11-22T03:00:00Z") }, []);
    // Self-review of November: m1 m2 m4 asked (m3 m5 exempt), m1 submitted.
    await prompt({ kind: "self_review", period: "2026-11", opensAt: at("2026-11-25T12:00:00Z") }, ["m1"]);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("counts expected members as of each meeting's start, and the month's figures per cell", async () => {
    const digest = await loadDigest(repos.reports, { org, period: NOV, cellId: null });
    expect(digest.cells.map((c) => c.name)).toEqual(["Khu phố 1", "Khu phố 2"]);
    const a = digest.cells[0]!;
    expect(a.regular).toEqual({ held: 1, planned: 2 });
    expect(a.thematic).toEqual({ held: 1, planned: 1 });
    expect(a.cancelled).toBe(1);
    expect({ expected: a.expected, present: a.present, excused: a.excused, unexcused: a.unexcused }).toEqual({
      expected: 7,
      present: 4,
      excused: 1,
      unexcused: 2,
    });
    expect(a.attendance).toBeCloseTo(4 / 7);
    expect(a.previousAttendance).toBe(1);
    expect(a.change).toBe(57 - 100);
    expect(a.tasks).toEqual({ assigned: 4, onTime: 1, late: 1, overdue: 2 });
    expect(a.prompts).toEqual({ count: 2, audience: 7, responded: 3, rate: 3 / 7 });
    expect(a.rating).toEqual({ sum: 4, count: 1, average: 4 });
    expect(a.selfReview).toEqual({ expected: 3, submitted: 1, rate: 1 / 3 });
    expect(a.unreachable).toBe(2);
    expect(a.repeatedAbsentees).toBe(2);
    expect(a.attention).toEqual([
      { kind: "attendance", percent: 57, threshold: 70 },
      { kind: "repeated_absence", count: 2 },
      { kind: "self_review", percent: 33, threshold: 50 },
    ]);

    // Registered on 18/11: no regular meeting owed this month, and not flagged for holding none.
    const b = digest.cells[1]!;
    expect(b.regular).toEqual({ held: 0, planned: 0 });
    expect(b.attendance).toBeNull();
    expect(b.attention).toEqual([]);

    expect(digest.totals.expected).toBe(7);
    expect(digest.totals.attendance).toBeCloseTo(4 / 7);
    expect(digest.trend.map((p) => p.attendance)).toEqual([...Array<null>(10).fill(null), 1, 4 / 7]);
    expect(digest.attention.map((c) => c.name)).toEqual(["Khu phố 1"]);
  });

  it("places the moved meeting in December, and leaves out a cell registered after the month", async () => {
    const dec = await loadDigest(repos.reports, { org, period: { year: 2026, month: 12 }, cellId: cellA });
    expect(dec.cells[0]!.regular).toEqual({ held: 0, planned: 1 });
    expect(dec.cells[0]!.previousAttendance).toBeCloseTo(4 / 7);
    const oct = await loadDigest(repos.reports, { org, period: { year: 2026, month: 10 }, cellId: null });
    expect(oct.cells.map((c) => c.name)).toEqual(["Khu phố 1"]);
  });

  it("names the people behind the figures for the secretary", async () => {
    const { from, to } = periodBounds(NOV, "Asia/Ho_Chi_Minh");
    expect(from).toEqual(at("2026-10-31T17:00:00Z"));
    const names = (rows: { name: string }[]) => rows.map((r) => r.name);
    expect(names(await repos.reports.missingSelfReviews(cellA, "2026-11"))).toEqual([
      "Nguyễn Văn m2",
      "Nguyễn Văn m4",
    ]);
    expect(names(await repos.reports.overdueAssignees(cellA, to))).toEqual([
      "Nguyễn Văn m2",
      "Nguyễn Văn m5",
    ]);
    const absent = await repos.reports.unexcusedAbsences(org.id, at("2026-01-01T00:00:00Z"), to, 1, cellA);
    expect(absent.map((r) => [r.name, r.count])).toEqual([
      ["Nguyễn Văn m2", 1],
      ["Nguyễn Văn m5", 1],
    ]);
  });

  it("counts a member's meetings in the workbook only where they were expected, as the digest does", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    const bytes = await buildWorkbook(repos.reports, {
      org,
      scope: { kind: "year", year: 2026 },
      cellId: null,
      answersOfCell: null,
    });
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet(SHEETS.members)!;
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    // [member, status, expected, present, excused, unexcused, on time, late, not done, self-reviews]
    const figures = rows.map((r) => [r[2], r[3], ...r.slice(4, 11), r[14]]);
    expect(figures).toEqual([
      ["Nguyễn Văn m1", "Chính thức", 3, 3, 0, 0, 1, 0, 1, 1],
      // Exempt for two days after the month's meetings: still expected at all three.
      ["Nguyễn Văn m2", "Chính thức", 3, 2, 0, 1, 0, 1, 1, 0],
      // Exempt all year: expected nowhere, so coming anyway is not counted either.
      ["Nguyễn Văn m3", "Miễn sinh hoạt", 0, 0, 0, 0, 0, 0, 0, 0],
      // Joined on 15/11: only the meeting of 20/11.
      ["Nguyễn Văn m4", "Chính thức", 1, 1, 0, 0, 0, 0, 0, 0],
      // Exempt since 10/11: October and 05/11, not 20/11.
      ["Nguyễn Văn m5", "Miễn sinh hoạt", 2, 1, 0, 1, 0, 0, 1, 0],
      // Left on 12/11: October and 05/11.
      ["Nguyễn Văn m6", "Chính thức", 2, 1, 1, 0, 0, 0, 0, 0],
      ["Nguyễn Văn b1", "Chính thức", 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    // Month by month the sheet adds up to the digest's expected members.
    const nov = await loadDigest(repos.reports, { org, period: NOV, cellId: cellA });
    const oct = await loadDigest(repos.reports, { org, period: { year: 2026, month: 10 }, cellId: cellA });
    const expectedTotal = figures.reduce((sum, r) => sum + (r[2] as number), 0);
    expect(expectedTotal).toBe(nov.cells[0]!.expected + oct.cells[0]!.expected);
  });

  it("gives empty figures on empty tables", async () => {
    const empty = await repos.reports.cells(org.id + 1000, at("2030-01-01T00:00:00Z"));
    expect(empty).toEqual([]);
    const none = await loadDigest(repos.reports, {
      org: { ...org, id: org.id + 1000 },
      period: NOV,
      cellId: null,
    });
    expect(none.cells).toEqual([]);
    expect(none.totals.attendance).toBeNull();
  });
});
