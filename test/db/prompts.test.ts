// Prompts and their answers (src/db/repositories/prompts.ts, src/features/prompts/answers.ts) on both
// databases, above all the anonymity promise: an anonymous answer keeps no link to its member.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createManualClock, systemClock } from "../../src/clock.ts";
import { createRepositories, type Repositories } from "../../src/db/repositories/index.ts";
import { answerDay, meetingPrompt, recordAnswer } from "../../src/features/prompts/answers.ts";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/databases.ts";
import { nextMeetingNumber } from "../support/meeting-number.ts";

describeEachProvider("prompts", (provider) => {
  let t: TestDatabase;
  let repos: Repositories;
  // 23:30 in Hà Nội on Thursday 03/12/2026 is still the 3rd there (16:30 UTC).
  const clock = createManualClock(new Date("2026-12-03T16:30:17.123Z"));
  const timeZone = "Asia/Ho_Chi_Minh";
  let organisationId = 0;
  let cellId = 0;
  const memberIds: number[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    repos = createRepositories(t.db, systemClock);
    const prisma = t.db.prisma;
    organisationId = (await prisma.organisation.create({ data: { name: "Đảng bộ phường" } })).id;
    cellId = (await prisma.cell.create({ data: { organisationId, name: "Chi bộ 1" } })).id;
    for (const name of ["Hải", "Bình", "Cúc"]) {
      memberIds.push((await prisma.member.create({ data: { displayName: name } })).id);
    }
  });
  afterAll(async () => {
    await t?.drop();
  });

  const config = { botToken: "123456:test-token-for-owner-keys" };
  const deps = () => ({ repos, clock, config });

  it("stores anonymous answers with no member, a random id and the day only", async () => {
    const prompt = await repos.prompts.createPrompt({
      organisationId,
      cellId,
      kind: "post_meeting",
      anonymous: true,
      createdByMemberId: null,
      opensAt: new Date("2026-12-01T00:00:00Z"),
      closesAt: null,
      questions: [
        { kind: "rating", text: "Cuộc họp có hiệu quả không?" },
        { kind: "text", text: "Góp ý thêm" },
      ],
    });
    const [rating, text] = prompt.questions;
    for (const [i, memberId] of memberIds.entries()) {
      clock.advance(7_000);
      const rated = await recordAnswer(deps(), {
        prompt,
        questionId: rating!.id,
        memberId,
        answer: { rating: 3 + (i % 3) },
        timeZone,
      });
      expect(rated).toEqual({ ok: true, anonymous: true, changed: false });
      await recordAnswer(deps(), {
        prompt,
        questionId: text!.id,
        memberId,
        answer: { text: `Góp ý số ${i + 1}` },
        timeZone,
      });
    }
    const rows = await t.db.prisma.response.findMany({ where: { promptId: prompt.id } });
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row.memberId).toBeNull();
      // The day in Hà Nội (the 3rd), at midnight: no hour, minute, second or millisecond to go by.
      expect(row.answeredOn.toISOString()).toBe("2026-12-03T00:00:00.000Z");
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      // Nothing else on the row carries a time (no updatedAt).
      expect(Object.keys(row).sort()).toEqual(
        [
          "answeredOn",
          "choice",
          "id",
          "memberId",
          "ownerKey",
          "promptId",
          "questionId",
          "rating",
          "text",
          "voiceFileId",
        ].sort(),
      );
    }
    // Who took part is known (for response rates), but not which answer is whose.
    expect(await repos.prompts.countParticipants(prompt.id)).toBe(3);
    expect(await repos.prompts.countAnswers({ promptId: prompt.id })).toBe(6);
    const listed = await repos.prompts.listAnswers(prompt.id);
    expect(listed.every((a) => a.memberId === null && a.fullName === null && a.displayName === null)).toBe(
      true,
    );
  });

  it("keeps a named answer's member and instant, with its participation in the same write", async () => {
    const meeting = await t.db.prisma.meeting.create({
      data: {
        cellId,
        number: await nextMeetingNumber(t.db.prisma, cellId),
        kind: "regular",
        startsAt: new Date("2026-12-04T12:30:00Z"),
        state: "planned",
      },
    });
    const prompt = await meetingPrompt(deps(), {
      organisationId,
      cellId,
      meetingId: meeting.id,
      kind: "pre_meeting",
      anonymous: false,
      createdByMemberId: null,
      closesAt: meeting.startsAt,
      questions: [{ kind: "text", text: "Ý kiến" }],
    });
    // Asking again finds the same prompt.
    expect(
      (
        await meetingPrompt(deps(), {
          ...prompt,
          createdByMemberId: null,
          meetingId: meeting.id,
          questions: [],
        })
      ).id,
    ).toBe(prompt.id);
    const result = await recordAnswer(deps(), {
      prompt,
      questionId: prompt.questions[0]!.id,
      memberId: memberIds[0]!,
      answer: { text: "  Sửa đường  " },
      timeZone,
    });
    expect(result).toEqual({ ok: true, anonymous: false, changed: false });
    const [answer] = await repos.prompts.listAnswers(prompt.id);
    expect(answer).toMatchObject({ memberId: memberIds[0], displayName: "Hải", text: "Sửa đường" });
    expect(answer!.answeredOn.toISOString()).toBe(clock.now().toISOString());
    expect(await repos.prompts.countParticipants(prompt.id)).toBe(1);
  });

  it("lets a member change an anonymous answer through its keyed hash, the last one counting", async () => {
    const prompt = await repos.prompts.createPrompt({
      organisationId,
      cellId,
      kind: "custom",
      anonymous: true,
      createdByMemberId: null,
      opensAt: new Date("2026-12-01T00:00:00Z"),
      closesAt: null,
      questions: [{ kind: "rating", text: "Đánh giá" }],
    });
    const q = prompt.questions[0]!.id;
    const rate = (memberId: number, rating: number, d = deps()) =>
      recordAnswer(d, { prompt, questionId: q, memberId, answer: { rating }, timeZone });
    expect(await rate(memberIds[0]!, 2)).toEqual({ ok: true, anonymous: true, changed: false });
    expect(await rate(memberIds[1]!, 4)).toEqual({ ok: true, anonymous: true, changed: false });
    expect(await rate(memberIds[0]!, 5)).toEqual({ ok: true, anonymous: true, changed: true });
    const ratings = async () =>
      (await t.db.prisma.response.findMany({ where: { promptId: prompt.id } })).map((r) => r.rating).sort();
    expect(await ratings()).toEqual([4, 5]);
    // With another bot token the keys no longer match: the change is refused, nothing counted twice.
    const rotated = { ...deps(), config: { botToken: "654321:another-token-entirely" } };
    expect(await rate(memberIds[0]!, 1, rotated)).toEqual({ ok: false, problem: "locked" });
    expect(await ratings()).toEqual([4, 5]);
    // The key is the HMAC, not a plain hash of the ids anyone could recompute.
    const keys = (await t.db.prisma.response.findMany({ where: { promptId: prompt.id } })).map(
      (r) => r.ownerKey,
    );
    expect(new Set(keys).size).toBe(2);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("refuses empty, unfit and late answers, storing nothing", async () => {
    const prompt = await repos.prompts.createPrompt({
      organisationId,
      cellId,
      kind: "custom",
      anonymous: false,
      createdByMemberId: null,
      opensAt: new Date("2026-12-01T00:00:00Z"),
      closesAt: new Date(clock.now().getTime() + 60_000),
      questions: [
        { kind: "text", text: "Ý kiến" },
        { kind: "choice", text: "Chọn", options: ["A", "B"] },
      ],
    });
    const [text, choice] = prompt.questions;
    const answer = (questionId: number, a: Parameters<typeof recordAnswer>[1]["answer"]) =>
      recordAnswer(deps(), { prompt, questionId, memberId: memberIds[1]!, answer: a, timeZone });
    expect(await answer(text!.id, { text: "  " })).toEqual({ ok: false, problem: "empty" });
    expect(await answer(text!.id, { text: "x".repeat(2001) })).toEqual({ ok: false, problem: "too-long" });
    expect(await answer(choice!.id, { choice: 2 })).toEqual({ ok: false, problem: "unfit" });
    expect(await answer(9_999_999, { text: "?" })).toEqual({ ok: false, problem: "unknown-question" });
    clock.advance(60_000);
    expect(await answer(text!.id, { text: "Muộn" })).toEqual({ ok: false, problem: "closed" });
    expect(await repos.prompts.countAnswers({ promptId: prompt.id })).toBe(0);
    expect(await repos.prompts.countParticipants(prompt.id)).toBe(0);
  });

  it("dates an anonymous answer by the day in the cell's zone", () => {
    expect(answerDay(new Date("2026-12-03T17:30:00Z"), timeZone).toISOString()).toBe(
      "2026-12-04T00:00:00.000Z",
    );
    expect(answerDay(new Date("2026-12-03T16:59:59Z"), timeZone).toISOString()).toBe(
      "2026-12-03T00:00:00.000Z",
    );
  });
});
