// The figures behind the monthly digest, /report and /export (PRODUCT §4E), aggregated in the
// database: each query returns one row per meeting, per cell or per prompt, never one per member
// and meeting. The arithmetic on these rows (rates, changes, thresholds) is
// src/features/digests/arithmetic.ts.
//
// Expected at a meeting (PRODUCT §4E) = members of the cell when it started (joinedAt ≤ start <
// leftAt) whose status then was not exempt. The status at an instant is the `fromStatus` of the
// membership's first MembershipStatusChange after it, or its current status when it has not changed
// since. Present, excused and unexcused count only expected members, so a rate never exceeds 100%.
import type { Db } from "../client.ts";
import { Prisma } from "../generated/sqlite/client.ts";
import { toTgId, toTgIdOrNull } from "../ids.ts";

/** A raw aggregate as a number: drivers give bigint (COUNT, SUM) or a decimal (PostgreSQL). */
function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  // A PostgreSQL decimal (SUM, AVG) arrives as a Prisma Decimal or a string; both print as digits.
  return Number(typeof value === "string" ? value : (value as { toString(): string }).toString());
}

/** A nullable text column. */
function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function bool(value: unknown): boolean {
  return value === true || num(value) === 1;
}

export interface ReportCell {
  id: number;
  name: string;
  createdAt: Date;
  settings: string;
}

export interface MeetingFigures {
  meetingId: number;
  cellId: number;
  kind: string;
  state: string;
  startsAt: Date;
  expected: number;
  /** Present in person or by proxy, expected members only. */
  present: number;
  excused: number;
  unexcused: number;
}

export interface TaskFigures {
  cellId: number;
  /** Assignments of tasks created in the period (cancelled ones aside). */
  assigned: number;
  /** Done in the period before (or at) the due time, or with no due time. */
  onTime: number;
  /** Done in the period after the due time. */
  late: number;
  /** Due before the period's end and not done by then (declined or cancelled ones aside). */
  overdue: number;
}

export interface PromptFigures {
  promptId: number;
  cellId: number;
  kind: string;
  anonymous: boolean;
  /** Who was asked: the named targets, else those present (post-meeting), else the cell or group. */
  audience: number;
  responded: number;
  ratingSum: number;
  ratingCount: number;
}

export interface SelfReviewFigures {
  cellId: number;
  expected: number;
  submitted: number;
}

export interface PersonRow {
  cellId: number;
  memberId: number;
  name: string;
  count: number;
}

/** A named answer as text: the words, the chosen option's label, or the rating. */
function answerText(a: {
  text: string | null;
  choice: number | null;
  rating: number | null;
  question: { options: string };
}) {
  if (a.text) return a.text;
  if (a.rating !== null) return String(a.rating);
  if (a.choice !== null) {
    try {
      const options = JSON.parse(a.question.options) as unknown;
      if (Array.isArray(options) && typeof options[a.choice] === "string") return options[a.choice] as string;
    } catch {
      // a bad options column: fall back to the number
    }
    return String(a.choice + 1);
  }
  return "";
}

/**
 * The joins from a meeting `m` to the memberships `ms` of its cell when it started, the first status
 * change `h` of each after that instant (a join, not a subquery per row: most memberships never
 * change status, and a join finds that at the cost of one hash probe) and the attendance row `a`.
 * Shared by the digest's meetings query and the workbook's per-member sheet, so both count the
 * same expected members.
 */
const MEMBERS_AT_MEETING =
  Prisma.raw(`LEFT JOIN "Membership" ms ON ms."cellId" = m."cellId" AND ms."joinedAt" <= m."startsAt"
              AND (ms."leftAt" IS NULL OR ms."leftAt" > m."startsAt")
         LEFT JOIN "MembershipStatusChange" h ON h."membershipId" = ms."id" AND h."changedAt" > m."startsAt"
              AND NOT EXISTS (SELECT 1 FROM "MembershipStatusChange" h2 WHERE h2."membershipId" = ms."id"
                              AND h2."changedAt" > m."startsAt" AND h2."changedAt" < h."changedAt")
         LEFT JOIN "Attendance" a ON a."meetingId" = m."id" AND a."memberId" = ms."memberId"`);

/** After MEMBERS_AT_MEETING: the row is a member expected at the meeting (PRODUCT §4E). */
const EXPECTED = Prisma.raw(`ms."id" IS NOT NULL AND COALESCE(h."fromStatus", ms."status") <> 'exempt'`);

const STATUS_AT_PROMPT = Prisma.raw(`COALESCE((SELECT h."fromStatus" FROM "MembershipStatusChange" h
  WHERE h."membershipId" = ms."id" AND h."changedAt" > p."opensAt"
  ORDER BY h."changedAt" LIMIT 1), ms."status")`);

/** Rows of a raw query, with every value still as the driver gave it. */
type RawRow = Record<string, unknown>;

export function createReportRepository(db: Db) {
  /** `cellId` null: every cell of the organisation. */
  const cellFilter = (alias: string, cellId: number | null) =>
    cellId === null ? Prisma.empty : Prisma.sql` AND ${Prisma.raw(`${alias}."cellId"`)} = ${cellId}`;

  return {
    /** Cells of the organisation that existed before `to` (a cell registered later is not in it). */
    async cells(organisationId: number, to: Date, cellId: number | null = null): Promise<ReportCell[]> {
      return db.cell.findMany({
        where: { organisationId, createdAt: { lt: to }, ...(cellId === null ? {} : { id: cellId }) },
        select: { id: true, name: true, createdAt: true, settings: true },
        orderBy: { id: "asc" },
      });
    },

    /** One row per meeting that starts in [from, to), with its attendance over expected members. */
    async meetings(organisationId: number, from: Date, to: Date, cellId: number | null = null) {
      const rows = await db.$queryRaw<
        RawRow[]
      >`SELECT m."id" AS "meetingId", m."cellId" AS "cellId", m."kind" AS "kind", m."state" AS "state",
                m."startsAt" AS "startsAt",
                SUM(CASE WHEN ${EXPECTED} THEN 1 ELSE 0 END) AS "expected",
                SUM(CASE WHEN ${EXPECTED} AND a."status" IN ('present', 'proxy') THEN 1 ELSE 0 END) AS "present",
                SUM(CASE WHEN ${EXPECTED} AND a."status" = 'absent_excused' THEN 1 ELSE 0 END) AS "excused",
                SUM(CASE WHEN ${EXPECTED} AND a."status" = 'absent_unexcused' THEN 1 ELSE 0 END) AS "unexcused"
         FROM "Meeting" m
         JOIN "Cell" c ON c."id" = m."cellId"
         ${MEMBERS_AT_MEETING}
         WHERE c."organisationId" = ${organisationId} AND m."startsAt" >= ${from} AND m."startsAt" < ${to}${cellFilter("m", cellId)}
         GROUP BY m."id", m."cellId", m."kind", m."state", m."startsAt"
         ORDER BY m."startsAt", m."id"`;
      return rows.map((r): MeetingFigures => ({
        meetingId: num(r.meetingId),
        cellId: num(r.cellId),
        kind: String(r.kind),
        state: String(r.state),
        startsAt: new Date(r.startsAt as Date | string),
        expected: num(r.expected),
        present: num(r.present),
        excused: num(r.excused),
        unexcused: num(r.unexcused),
      }));
    },

    /** Task assignments per cell for [from, to) (see TaskFigures). */
    async tasks(organisationId: number, from: Date, to: Date, cellId: number | null = null) {
      const rows = await db.$queryRaw<RawRow[]>`SELECT t."cellId" AS "cellId",
                SUM(CASE WHEN t."createdAt" >= ${from} AND t."state" NOT IN ('draft', 'cancelled')
                          AND ta."state" <> 'cancelled' THEN 1 ELSE 0 END) AS "assigned",
                SUM(CASE WHEN ta."doneAt" >= ${from} AND ta."doneAt" < ${to}
                          AND (t."dueAt" IS NULL OR ta."doneAt" <= t."dueAt") THEN 1 ELSE 0 END) AS "onTime",
                SUM(CASE WHEN ta."doneAt" >= ${from} AND ta."doneAt" < ${to}
                          AND t."dueAt" IS NOT NULL AND ta."doneAt" > t."dueAt" THEN 1 ELSE 0 END) AS "late",
                SUM(CASE WHEN t."dueAt" < ${to} AND t."state" NOT IN ('draft', 'cancelled')
                          AND ta."state" NOT IN ('declined', 'cancelled')
                          AND (ta."doneAt" IS NULL OR ta."doneAt" >= ${to}) THEN 1 ELSE 0 END) AS "overdue"
         FROM "TaskAssignment" ta
         JOIN "Task" t ON t."id" = ta."taskId"
         JOIN "Cell" c ON c."id" = t."cellId"
         WHERE c."organisationId" = ${organisationId} AND t."createdAt" < ${to}${cellFilter("t", cellId)}
         GROUP BY t."cellId"`;
      return rows.map((r): TaskFigures => ({
        cellId: num(r.cellId),
        assigned: num(r.assigned),
        onTime: num(r.onTime),
        late: num(r.late),
        overdue: num(r.overdue),
      }));
    },

    /** Custom and post-meeting prompts opened in [from, to) (drafts aside), one row each. */
    async prompts(organisationId: number, from: Date, to: Date, cellId: number | null = null) {
      const rows = await db.$queryRaw<
        RawRow[]
      >`SELECT p."id" AS "promptId", p."cellId" AS "cellId", p."kind" AS "kind", p."anonymous" AS "anonymous",
                (SELECT COUNT(*) FROM "Participation" pa WHERE pa."promptId" = p."id") AS "responded",
                (SELECT COUNT(*) FROM "PromptTarget" pt WHERE pt."promptId" = p."id") AS "targets",
                (SELECT COUNT(*) FROM "Attendance" a WHERE a."meetingId" = p."meetingId"
                   AND a."status" IN ('present', 'proxy')) AS "presentAtMeeting",
                (SELECT COUNT(*) FROM "Membership" ms WHERE ms."cellId" = p."cellId"
                   AND ms."joinedAt" <= p."opensAt" AND (ms."leftAt" IS NULL OR ms."leftAt" > p."opensAt")
                   AND (p."partyGroupId" IS NULL OR ms."partyGroupId" = p."partyGroupId")) AS "members",
                (SELECT SUM(r."rating") FROM "Response" r WHERE r."promptId" = p."id") AS "ratingSum",
                (SELECT COUNT(r."rating") FROM "Response" r WHERE r."promptId" = p."id") AS "ratingCount"
         FROM "Prompt" p
         WHERE p."organisationId" = ${organisationId} AND p."opensAt" >= ${from} AND p."opensAt" < ${to} AND p."cellId" IS NOT NULL
           AND p."kind" IN ('custom', 'post_meeting') AND p."state" <> 'draft'${cellFilter("p", cellId)}
         ORDER BY p."id"`;
      return rows.map((r): PromptFigures => {
        const targets = num(r.targets);
        const audience =
          targets > 0 ? targets : r.kind === "post_meeting" ? num(r.presentAtMeeting) : num(r.members);
        return {
          promptId: num(r.promptId),
          cellId: num(r.cellId),
          kind: String(r.kind),
          anonymous: bool(r.anonymous),
          audience,
          responded: num(r.responded),
          ratingSum: num(r.ratingSum),
          ratingCount: num(r.ratingCount),
        };
      });
    },

    /**
     * The month's self-review per cell (period "YYYY-MM"): who was asked (the named targets, else the
     * members who were not exempt when it opened) and who submitted. Cells without one are absent.
     */
    async selfReviews(organisationId: number, period: string, cellId: number | null = null) {
      const rows = await db.$queryRaw<RawRow[]>`SELECT p."cellId" AS "cellId",
                SUM((SELECT COUNT(*) FROM "Participation" pa WHERE pa."promptId" = p."id")) AS "submitted",
                SUM((SELECT COUNT(*) FROM "PromptTarget" pt WHERE pt."promptId" = p."id")) AS "targets",
                SUM((SELECT COUNT(*) FROM "Membership" ms WHERE ms."cellId" = p."cellId"
                   AND ms."joinedAt" <= p."opensAt" AND (ms."leftAt" IS NULL OR ms."leftAt" > p."opensAt")
                   AND ${STATUS_AT_PROMPT} <> 'exempt')) AS "members"
         FROM "Prompt" p
         WHERE p."organisationId" = ${organisationId} AND p."kind" = 'self_review' AND p."period" = ${period}
           AND p."cellId" IS NOT NULL AND p."state" <> 'draft'${cellFilter("p", cellId)}
         GROUP BY p."cellId"`;
      return rows.map((r): SelfReviewFigures => {
        const targets = num(r.targets);
        return {
          cellId: num(r.cellId),
          expected: targets > 0 ? targets : num(r.members),
          submitted: num(r.submitted),
        };
      });
    },

    /** Active members the bot cannot reach privately, per cell. */
    async unreachable(organisationId: number, cellId: number | null = null): Promise<Map<number, number>> {
      const rows = await db.membership.groupBy({
        by: ["cellId"],
        where: {
          active: true,
          cell: { organisationId },
          member: { reachable: false, erasedAt: null },
          ...(cellId === null ? {} : { cellId }),
        },
        _count: { _all: true },
      });
      return new Map(rows.map((r) => [r.cellId, r._count._all]));
    },

    /**
     * Members with at least `atLeast` absences without a reason at closed meetings in [from, to),
     * per cell, counted only where they were expected (a member with no Attendance row has none).
     */
    async unexcusedAbsences(
      organisationId: number,
      from: Date,
      to: Date,
      atLeast: number,
      cellId: number | null = null,
    ): Promise<PersonRow[]> {
      const rows = await db.$queryRaw<
        RawRow[]
      >`SELECT m."cellId" AS "cellId", a."memberId" AS "memberId", COUNT(*) AS "count",
                COALESCE(mb."fullName", mb."displayName") AS "name"
         FROM "Attendance" a
         JOIN "Meeting" m ON m."id" = a."meetingId"
         JOIN "Cell" c ON c."id" = m."cellId"
         JOIN "Member" mb ON mb."id" = a."memberId"
         WHERE c."organisationId" = ${organisationId} AND m."startsAt" >= ${from} AND m."startsAt" < ${to}
           AND m."state" = 'closed' AND a."status" = 'absent_unexcused' AND a."expected" = ${true}
           AND mb."erasedAt" IS NULL${cellFilter("m", cellId)}
         GROUP BY m."cellId", a."memberId", mb."fullName", mb."displayName"
         HAVING COUNT(*) >= ${atLeast}
         ORDER BY m."cellId", COUNT(*) DESC, a."memberId"`;
      return rows.map((r) => ({
        cellId: num(r.cellId),
        memberId: num(r.memberId),
        name: String(r.name),
        count: num(r.count),
      }));
    },

    /** Assignees with tasks overdue at `to` in one cell, with how many. */
    async overdueAssignees(cellId: number, to: Date): Promise<PersonRow[]> {
      const rows = await db.$queryRaw<RawRow[]>`SELECT ta."memberId" AS "memberId", COUNT(*) AS "count",
                COALESCE(mb."fullName", mb."displayName") AS "name"
         FROM "TaskAssignment" ta
         JOIN "Task" t ON t."id" = ta."taskId"
         JOIN "Member" mb ON mb."id" = ta."memberId"
         WHERE t."cellId" = ${cellId} AND t."dueAt" < ${to} AND t."createdAt" < ${to} AND t."state" NOT IN ('draft', 'cancelled')
           AND ta."state" NOT IN ('declined', 'cancelled') AND (ta."doneAt" IS NULL OR ta."doneAt" >= ${to})
           AND mb."erasedAt" IS NULL
         GROUP BY ta."memberId", mb."fullName", mb."displayName"
         ORDER BY COUNT(*) DESC, ta."memberId"`;
      return rows.map((r) => ({
        cellId,
        memberId: num(r.memberId),
        name: String(r.name),
        count: num(r.count),
      }));
    },

    /**
     * Members of one cell who were asked for the month's self-review and did not submit it (the
     * named targets, else the members active and not exempt when it opened).
     */
    async missingSelfReviews(cellId: number, period: string): Promise<PersonRow[]> {
      const rows = await db.$queryRaw<
        RawRow[]
      >`SELECT ms."memberId" AS "memberId", COALESCE(mb."fullName", mb."displayName") AS "name"
         FROM "Prompt" p
         JOIN "Membership" ms ON ms."cellId" = p."cellId"
         JOIN "Member" mb ON mb."id" = ms."memberId"
         WHERE p."cellId" = ${cellId} AND p."kind" = 'self_review' AND p."period" = ${period} AND p."state" <> 'draft'
           AND mb."erasedAt" IS NULL
           AND (CASE WHEN EXISTS (SELECT 1 FROM "PromptTarget" pt WHERE pt."promptId" = p."id")
                THEN EXISTS (SELECT 1 FROM "PromptTarget" pt WHERE pt."promptId" = p."id" AND pt."memberId" = ms."memberId")
                ELSE (ms."joinedAt" <= p."opensAt" AND (ms."leftAt" IS NULL OR ms."leftAt" > p."opensAt")
                      AND ${STATUS_AT_PROMPT} <> 'exempt') END)
           AND NOT EXISTS (SELECT 1 FROM "Participation" pa WHERE pa."promptId" = p."id" AND pa."memberId" = ms."memberId")
         ORDER BY ms."number"`;
      return rows.map((r) => ({ cellId, memberId: num(r.memberId), name: String(r.name), count: 1 }));
    },

    // ------------------------------------------------------------------------------------------
    // The workbook (/export): listings for [from, to), one row per line of its sheets.

    /** The attendance register of closed meetings: one row per meeting and member recorded. */
    async registerRows(organisationId: number, from: Date, to: Date, cellId: number | null = null) {
      const rows = await db.$queryRaw<
        RawRow[]
      >`SELECT c."name" AS "cell", m."startsAt" AS "startsAt", m."kind" AS "kind",
                COALESCE(mb."fullName", mb."displayName") AS "member", a."status" AS "status", a."reason" AS "reason"
         FROM "Attendance" a
         JOIN "Meeting" m ON m."id" = a."meetingId"
         JOIN "Cell" c ON c."id" = m."cellId"
         JOIN "Member" mb ON mb."id" = a."memberId"
         WHERE c."organisationId" = ${organisationId} AND m."startsAt" >= ${from} AND m."startsAt" < ${to}
           AND m."state" = 'closed' AND mb."erasedAt" IS NULL${cellFilter("m", cellId)}
         ORDER BY c."name", m."startsAt", m."id", mb."fullName", mb."displayName"`;
      return rows.map((r) => ({
        cell: String(r.cell),
        startsAt: new Date(r.startsAt as Date | string),
        kind: String(r.kind),
        member: String(r.member),
        status: String(r.status),
        reason: text(r.reason),
      }));
    },

    /** Task assignments of tasks created in [from, to), with their evaluation. */
    async taskRows(organisationId: number, from: Date, to: Date, cellId: number | null = null) {
      const rows = await db.$queryRaw<
        RawRow[]
      >`SELECT c."name" AS "cell", t."title" AS "title", t."createdAt" AS "createdAt",
                t."dueAt" AS "dueAt", t."state" AS "taskState", ta."state" AS "state", ta."doneAt" AS "doneAt",
                COALESCE(mb."fullName", mb."displayName") AS "member", e."grade" AS "grade", e."comment" AS "comment"
         FROM "TaskAssignment" ta
         JOIN "Task" t ON t."id" = ta."taskId"
         JOIN "Cell" c ON c."id" = t."cellId"
         JOIN "Member" mb ON mb."id" = ta."memberId"
         LEFT JOIN "TaskEvaluation" e ON e."assignmentId" = ta."id"
         WHERE c."organisationId" = ${organisationId} AND t."createdAt" >= ${from} AND t."createdAt" < ${to}
           AND t."state" <> 'draft' AND mb."erasedAt" IS NULL${cellFilter("t", cellId)}
         ORDER BY c."name", t."createdAt", t."id", ta."id"`;
      const date = (v: unknown) => (v === null ? null : new Date(v as Date | string));
      return rows.map((r) => ({
        cell: String(r.cell),
        title: String(r.title),
        createdAt: new Date(r.createdAt as Date | string),
        dueAt: date(r.dueAt),
        taskState: String(r.taskState),
        state: String(r.state),
        doneAt: date(r.doneAt),
        member: String(r.member),
        grade: text(r.grade),
        comment: text(r.comment),
      }));
    },

    /** Titles (or first questions) of prompts, for the prompts sheet. */
    async promptTitles(promptIds: readonly number[]) {
      if (promptIds.length === 0)
        return new Map<number, { title: string; opensAt: Date; closesAt: Date | null }>();
      const rows = await db.prompt.findMany({
        where: { id: { in: [...promptIds] } },
        select: {
          id: true,
          title: true,
          opensAt: true,
          closesAt: true,
          questions: { select: { text: true }, orderBy: { position: "asc" }, take: 1 },
        },
      });
      return new Map(
        rows.map((r) => [
          r.id,
          { title: r.title ?? r.questions[0]?.text ?? "", opensAt: r.opensAt, closesAt: r.closesAt },
        ]),
      );
    },

    /**
     * Self-reviews in the periods given ("YYYY-MM"): one row per member asked, submitted or not; with
     * `answersOfCell`, that cell's named answers (text or the choice's number) in question order.
     */
    async selfReviewRows(
      organisationId: number,
      periods: readonly string[],
      cellId: number | null,
      answersOfCell: number | null,
    ) {
      if (periods.length === 0) return [];
      const rows = await db.$queryRaw<
        RawRow[]
      >`SELECT p."id" AS "promptId", p."period" AS "period", c."id" AS "cellId",
                c."name" AS "cell", ms."memberId" AS "memberId", COALESCE(mb."fullName", mb."displayName") AS "member",
                EXISTS (SELECT 1 FROM "Participation" pa WHERE pa."promptId" = p."id" AND pa."memberId" = ms."memberId") AS "submitted"
         FROM "Prompt" p
         JOIN "Cell" c ON c."id" = p."cellId"
         JOIN "Membership" ms ON ms."cellId" = p."cellId"
         JOIN "Member" mb ON mb."id" = ms."memberId"
         WHERE p."organisationId" = ${organisationId} AND p."kind" = 'self_review' AND p."state" <> 'draft'
           AND p."period" IN (${Prisma.join([...periods])}) AND mb."erasedAt" IS NULL${cellFilter("p", cellId)}
           AND (CASE WHEN EXISTS (SELECT 1 FROM "PromptTarget" pt WHERE pt."promptId" = p."id")
                THEN EXISTS (SELECT 1 FROM "PromptTarget" pt WHERE pt."promptId" = p."id" AND pt."memberId" = ms."memberId")
                ELSE (ms."joinedAt" <= p."opensAt" AND (ms."leftAt" IS NULL OR ms."leftAt" > p."opensAt")
                      AND ${STATUS_AT_PROMPT} <> 'exempt') END)
         ORDER BY c."name", p."period", ms."number"`;
      const answers = new Map<string, string[]>();
      if (answersOfCell !== null) {
        const given = await db.response.findMany({
          where: {
            memberId: { not: null },
            prompt: { cellId: answersOfCell, kind: "self_review", period: { in: [...periods] } },
          },
          select: {
            promptId: true,
            memberId: true,
            text: true,
            choice: true,
            rating: true,
            question: { select: { position: true, options: true } },
          },
          orderBy: [{ question: { position: "asc" } }],
        });
        for (const a of given) {
          const key = `${a.promptId}:${a.memberId}`;
          const list = answers.get(key) ?? [];
          list[a.question.position] = answerText(a);
          answers.set(key, list);
        }
      }
      return rows.map((r) => ({
        period: String(r.period),
        cellId: num(r.cellId),
        cell: String(r.cell),
        member: String(r.member),
        submitted: bool(r.submitted),
        answers: answers.get(`${num(r.promptId)}:${num(r.memberId)}`) ?? [],
      }));
    },

    /**
     * Per member of the scope, [from, to): closed meetings where they were expected (the digest's
     * definition, EXPECTED below: a member of the cell and not exempt when the meeting started) and
     * how they attended those; tasks on time / late / not done with their evaluations; self-reviews
     * submitted. Four grouped queries (memberships, meetings, tasks, self-reviews) merged here.
     */
    async memberSummary(organisationId: number, from: Date, to: Date, cellId: number | null = null) {
      const [members, meetings, tasks, reviews] = await Promise.all([
        db.$queryRaw<RawRow[]>`SELECT ms."id" AS "membershipId", c."name" AS "cell",
                COALESCE(mb."fullName", mb."displayName") AS "member", ms."status" AS "status"
         FROM "Membership" ms
         JOIN "Cell" c ON c."id" = ms."cellId"
         JOIN "Member" mb ON mb."id" = ms."memberId"
         WHERE c."organisationId" = ${organisationId} AND ms."joinedAt" < ${to}
           AND (ms."leftAt" IS NULL OR ms."leftAt" > ${from}) AND mb."erasedAt" IS NULL${cellFilter("ms", cellId)}
         ORDER BY c."name", ms."number"`,
        db.$queryRaw<RawRow[]>`SELECT ms."id" AS "membershipId", COUNT(*) AS "expected",
                SUM(CASE WHEN a."status" IN ('present', 'proxy') THEN 1 ELSE 0 END) AS "present",
                SUM(CASE WHEN a."status" = 'absent_excused' THEN 1 ELSE 0 END) AS "excused",
                SUM(CASE WHEN a."status" = 'absent_unexcused' THEN 1 ELSE 0 END) AS "unexcused"
         FROM "Meeting" m
         JOIN "Cell" c ON c."id" = m."cellId"
         ${MEMBERS_AT_MEETING}
         WHERE c."organisationId" = ${organisationId} AND m."state" = 'closed'
           AND m."startsAt" >= ${from} AND m."startsAt" < ${to} AND ${EXPECTED}${cellFilter("m", cellId)}
         GROUP BY ms."id"`,
        db.$queryRaw<RawRow[]>`SELECT ms."id" AS "membershipId",
                SUM(CASE WHEN ta."doneAt" >= ${from} AND ta."doneAt" < ${to}
                          AND (t."dueAt" IS NULL OR ta."doneAt" <= t."dueAt") THEN 1 ELSE 0 END) AS "onTime",
                SUM(CASE WHEN ta."doneAt" >= ${from} AND ta."doneAt" < ${to}
                          AND ta."doneAt" > t."dueAt" THEN 1 ELSE 0 END) AS "late",
                SUM(CASE WHEN t."state" NOT IN ('draft', 'cancelled') AND ta."state" NOT IN ('declined', 'cancelled')
                          AND t."dueAt" < ${to} AND (ta."doneAt" IS NULL OR ta."doneAt" >= ${to}) THEN 1 ELSE 0 END) AS "notDone",
                SUM(CASE WHEN e."grade" = 'good' AND ta."doneAt" >= ${from} AND ta."doneAt" < ${to} THEN 1 ELSE 0 END) AS "good",
                SUM(CASE WHEN e."grade" = 'done' AND ta."doneAt" >= ${from} AND ta."doneAt" < ${to} THEN 1 ELSE 0 END) AS "done",
                SUM(CASE WHEN e."grade" = 'not_done' AND ta."doneAt" >= ${from} AND ta."doneAt" < ${to} THEN 1 ELSE 0 END) AS "notAchieved"
         FROM "TaskAssignment" ta
         JOIN "Task" t ON t."id" = ta."taskId"
         JOIN "Cell" c ON c."id" = t."cellId"
         JOIN "Membership" ms ON ms."memberId" = ta."memberId" AND ms."cellId" = t."cellId"
         LEFT JOIN "TaskEvaluation" e ON e."assignmentId" = ta."id"
         WHERE c."organisationId" = ${organisationId} AND t."createdAt" < ${to}${cellFilter("t", cellId)}
         GROUP BY ms."id"`,
        db.$queryRaw<RawRow[]>`SELECT ms."id" AS "membershipId", COUNT(*) AS "selfReviews"
         FROM "Participation" pa
         JOIN "Prompt" p ON p."id" = pa."promptId"
         JOIN "Membership" ms ON ms."memberId" = pa."memberId" AND ms."cellId" = p."cellId"
         WHERE p."organisationId" = ${organisationId} AND p."kind" = 'self_review'
           AND p."opensAt" >= ${from} AND p."opensAt" < ${to}${cellFilter("p", cellId)}
         GROUP BY ms."id"`,
      ]);
      const byMembership = (rows: RawRow[]) => new Map(rows.map((r) => [num(r.membershipId), r]));
      const meetingsOf = byMembership(meetings);
      const tasksOf = byMembership(tasks);
      const reviewsOf = byMembership(reviews);
      return members.map((r) => {
        const id = num(r.membershipId);
        const m = meetingsOf.get(id) ?? {};
        const t = tasksOf.get(id) ?? {};
        return {
          cell: String(r.cell),
          member: String(r.member),
          status: String(r.status),
          expected: num(m.expected),
          present: num(m.present),
          excused: num(m.excused),
          unexcused: num(m.unexcused),
          onTime: num(t.onTime),
          late: num(t.late),
          notDone: num(t.notDone),
          good: num(t.good),
          done: num(t.done),
          notAchieved: num(t.notAchieved),
          selfReviews: num(reviewsOf.get(id)?.selfReviews),
        };
      });
    },

    /** Every organisation, with the instant it was created (the digest chain starts after it). */
    async organisations(): Promise<{ id: number; createdAt: Date }[]> {
      return db.organisation.findMany({ select: { id: true, createdAt: true }, orderBy: { id: "asc" } });
    },

    /**
     * The committee admins of an organisation (and admins not yet tied to one, who join the only
     * organisation on first use), with their language when they are also members.
     */
    async admins(organisationId: number): Promise<{ telegramId: number; locale: string | null }[]> {
      const admins = await db.admin.findMany({
        where: { OR: [{ organisationId }, { organisationId: null }] },
        select: { telegramId: true },
        orderBy: { id: "asc" },
      });
      const members = await db.member.findMany({
        where: { telegramId: { in: admins.map((a) => a.telegramId) } },
        select: { telegramId: true, locale: true },
      });
      const locales = new Map(members.map((m) => [String(m.telegramId), m.locale]));
      return admins.map((a) => ({
        telegramId: toTgId(a.telegramId),
        locale: locales.get(String(a.telegramId)) ?? null,
      }));
    },

    /** Any meeting, task or prompt of the scope in [from, to): whether a report has data at all. */
    async hasData(
      organisationId: number,
      from: Date,
      to: Date,
      cellId: number | null = null,
    ): Promise<boolean> {
      const cell = cellId === null ? { cell: { organisationId } } : { cellId };
      const [meetings, tasks, prompts] = await Promise.all([
        db.meeting.count({ where: { ...cell, startsAt: { gte: from, lt: to } }, take: 1 }),
        db.task.count({ where: { ...cell, createdAt: { gte: from, lt: to } }, take: 1 }),
        db.prompt.count({
          where: { organisationId, ...(cellId === null ? {} : { cellId }), opensAt: { gte: from, lt: to } },
          take: 1,
        }),
      ]);
      return meetings + tasks + prompts > 0;
    },

    /** The cell's secretaries, with how to reach them privately. */
    async secretaries(cellId: number) {
      const rows = await db.membership.findMany({
        where: { cellId, active: true, role: "secretary", member: { erasedAt: null } },
        select: {
          member: {
            select: {
              id: true,
              telegramId: true,
              reachable: true,
              locale: true,
              displayName: true,
              fullName: true,
            },
          },
        },
        orderBy: { number: "asc" },
      });
      return rows.map((r) => ({
        memberId: r.member.id,
        telegramId: toTgIdOrNull(r.member.telegramId),
        reachable: r.member.reachable,
        locale: r.member.locale,
        name: r.member.fullName ?? r.member.displayName,
        displayName: r.member.displayName,
        fullName: r.member.fullName,
      }));
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
