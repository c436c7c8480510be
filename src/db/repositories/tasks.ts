// Tasks (PRODUCT §3 Task, §4C): a task of a cell, given by an assigner to one or more members (or a
// party group), each with a state of their own, progress reports and an evaluation.
//
// Every change of state is conditional on the state it comes from (updateMany … where state in …),
// so a double press or two presses racing record once: the caller learns whether it changed
// anything. Overdue is never stored: it is the due time against the clock (isOverdue).
import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import type { AssignmentState, EvaluationGrade, TaskReportKind } from "../enums.ts";
import { toTgIdOrNull } from "../ids.ts";
import { isUniqueViolation } from "../prisma-errors.ts";

export interface TaskEvaluationView {
  grade: string;
  comment: string | null;
  evaluatorMemberId: number | null;
  updatedAt: Date;
}

export interface TaskReportView {
  id: number;
  kind: string;
  text: string | null;
  voiceFileId: string | null;
  createdAt: Date;
}

export interface AssignmentView {
  id: number;
  taskId: number;
  memberId: number;
  state: string;
  declineReason: string | null;
  acceptedAt: Date | null;
  doneAt: Date | null;
  updatedAt: Date;
  telegramId: number | null;
  username: string | null;
  displayName: string;
  fullName: string | null;
  locale: string | null;
  reachable: boolean;
  evaluation: TaskEvaluationView | null;
  lastReport: TaskReportView | null;
  reportCount: number;
}

export interface TaskView {
  id: number;
  cellId: number;
  title: string;
  assignerMemberId: number | null;
  partyGroupId: number | null;
  meetingId: number | null;
  dueAt: Date | null;
  state: string;
  createdAt: Date;
  assignments: AssignmentView[];
}

export interface NewTask {
  cellId: number;
  title: string;
  assignerMemberId: number | null;
  partyGroupId: number | null;
  meetingId: number | null;
  dueAt: Date | null;
  memberIds: readonly number[];
  /** "draft" until the preview is confirmed. */
  state: "draft" | "open";
}

/** States in which the assignee still has the task to do. */
export const UNFINISHED_STATES: readonly AssignmentState[] = ["assigned", "accepted"];

const include = {
  assignments: {
    orderBy: { id: "asc" },
    include: {
      member: {
        select: {
          telegramId: true,
          username: true,
          displayName: true,
          fullName: true,
          locale: true,
          reachable: true,
        },
      },
      evaluation: true,
      reports: { orderBy: { id: "desc" }, take: 1 },
      _count: { select: { reports: true } },
    },
  },
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;
function findRow(db: Db, id: number) {
  return db.task.findUnique({ where: { id }, include });
}

function toView(row: Row): TaskView {
  return {
    id: row.id,
    cellId: row.cellId,
    title: row.title,
    assignerMemberId: row.assignerMemberId,
    partyGroupId: row.partyGroupId,
    meetingId: row.meetingId,
    dueAt: row.dueAt,
    state: row.state,
    createdAt: row.createdAt,
    assignments: row.assignments.map((a) => ({
      id: a.id,
      taskId: a.taskId,
      memberId: a.memberId,
      state: a.state,
      declineReason: a.declineReason,
      acceptedAt: a.acceptedAt,
      doneAt: a.doneAt,
      updatedAt: a.updatedAt,
      telegramId: toTgIdOrNull(a.member.telegramId),
      username: a.member.username,
      displayName: a.member.displayName,
      fullName: a.member.fullName,
      locale: a.member.locale,
      reachable: a.member.reachable,
      evaluation: a.evaluation
        ? {
            grade: a.evaluation.grade,
            comment: a.evaluation.comment,
            evaluatorMemberId: a.evaluation.evaluatorMemberId,
            updatedAt: a.evaluation.updatedAt,
          }
        : null,
      lastReport: a.reports[0]
        ? {
            id: a.reports[0].id,
            kind: a.reports[0].kind,
            text: a.reports[0].text,
            voiceFileId: a.reports[0].voiceFileId,
            createdAt: a.reports[0].createdAt,
          }
        : null,
      reportCount: a._count.reports,
    })),
  };
}

/** True when the task is past its due time and `a` has not finished it. */
export function isOverdue(task: Pick<TaskView, "dueAt" | "state">, a: { state: string }, now: Date): boolean {
  return (
    task.state === "open" &&
    task.dueAt !== null &&
    task.dueAt.getTime() < now.getTime() &&
    (UNFINISHED_STATES as readonly string[]).includes(a.state)
  );
}

/** Done before (or at) the due time (PRODUCT §4E: "a task is on time if done before its due time"). */
export function isOnTime(task: Pick<TaskView, "dueAt">, a: { doneAt: Date | null }): boolean {
  return task.dueAt === null || (a.doneAt !== null && a.doneAt.getTime() <= task.dueAt.getTime());
}

export function createTaskRepository(db: Db, clock: Clock) {
  /** Closes an open task once nobody has anything left to do on it. */
  async function closeIfFinished(taskId: number): Promise<void> {
    const left = await db.taskAssignment.count({
      where: { taskId, state: { in: [...UNFINISHED_STATES] } },
    });
    if (left === 0) {
      await db.task.updateMany({
        where: { id: taskId, state: "open" },
        data: { state: "closed", updatedAt: clock.now() },
      });
    }
  }

  return {
    async create(input: NewTask): Promise<TaskView> {
      const now = clock.now();
      const id = await db.$transaction(async (tx) => {
        const task = await tx.task.create({
          data: {
            cellId: input.cellId,
            title: input.title,
            assignerMemberId: input.assignerMemberId,
            partyGroupId: input.partyGroupId,
            meetingId: input.meetingId,
            dueAt: input.dueAt,
            state: input.state,
            createdAt: now,
            updatedAt: now,
          },
        });
        await tx.taskAssignment.createMany({
          data: [...new Set(input.memberIds)].map((memberId) => ({
            taskId: task.id,
            memberId,
            createdAt: now,
            updatedAt: now,
          })),
        });
        return task.id;
      });
      return toView((await findRow(db, id))!);
    },

    async get(id: number): Promise<TaskView | null> {
      const row = await findRow(db, id);
      return row ? toView(row) : null;
    },

    /** The task of an assignment, with every assignment. */
    async getByAssignment(assignmentId: number): Promise<TaskView | null> {
      const a = await db.taskAssignment.findUnique({ where: { id: assignmentId }, select: { taskId: true } });
      return a ? this.get(a.taskId) : null;
    },

    /** draft → open; false when it was not a draft any more (confirmed twice, or dropped). */
    async confirmDraft(id: number): Promise<boolean> {
      const { count } = await db.task.updateMany({
        where: { id, state: "draft" },
        data: { state: "open", updatedAt: clock.now() },
      });
      return count === 1;
    },

    /** Forgets a draft the secretary dropped; false when it was not a draft. */
    async dropDraft(id: number): Promise<boolean> {
      const { count } = await db.task.deleteMany({ where: { id, state: "draft" } });
      return count === 1;
    },

    /**
     * Moves an assignment from one of `from` to `to`, with the time of the change; false when it
     * was not in one of `from` (pressed twice, or changed meanwhile) or its task is not open.
     */
    async transition(
      assignmentId: number,
      from: readonly AssignmentState[],
      to: AssignmentState,
      extra: { declineReason?: string } = {},
    ): Promise<boolean> {
      const now = clock.now();
      const { count } = await db.taskAssignment.updateMany({
        where: { id: assignmentId, state: { in: [...from] }, task: { state: "open" } },
        data: {
          state: to,
          updatedAt: now,
          ...(to === "accepted" ? { acceptedAt: now } : {}),
          ...(to === "done" ? { doneAt: now } : {}),
          ...(extra.declineReason !== undefined ? { declineReason: extra.declineReason } : {}),
        },
      });
      if (count === 1) {
        const a = await db.taskAssignment.findUnique({
          where: { id: assignmentId },
          select: { taskId: true },
        });
        if (a) await closeIfFinished(a.taskId);
      }
      return count === 1;
    },

    /** Sets the reason of a declined assignment (typed after the "other" button). */
    async setDeclineReason(assignmentId: number, reason: string): Promise<boolean> {
      const { count } = await db.taskAssignment.updateMany({
        where: { id: assignmentId, state: "declined" },
        data: { declineReason: reason, updatedAt: clock.now() },
      });
      return count === 1;
    },

    /**
     * Gives a declined assignment to another member of the cell: the declined one becomes
     * "cancelled" and a new assignment is made, in one transaction. Null when the declined one was
     * already given away (a second press) or the member already has the task.
     */
    async reassign(assignmentId: number, toMemberId: number): Promise<number | null> {
      const now = clock.now();
      try {
        return await db.$transaction(async (tx) => {
          const old = await tx.taskAssignment.findUnique({
            where: { id: assignmentId },
            select: { taskId: true },
          });
          if (!old) return null;
          const { count } = await tx.taskAssignment.updateMany({
            where: { id: assignmentId, state: "declined", task: { state: { in: ["open", "closed"] } } },
            data: { state: "cancelled", updatedAt: now },
          });
          if (count !== 1) return null;
          const created = await tx.taskAssignment.create({
            data: { taskId: old.taskId, memberId: toMemberId, createdAt: now, updatedAt: now },
          });
          // A task closed because its last assignee declined is open again for the new one.
          await tx.task.updateMany({
            where: { id: old.taskId, state: "closed" },
            data: { state: "open", updatedAt: now },
          });
          return created.id;
        });
      } catch (err) {
        if (isUniqueViolation(err)) return null;
        throw err;
      }
    },

    async addReport(
      assignmentId: number,
      report: { kind: TaskReportKind; text: string | null; voiceFileId: string | null },
    ): Promise<number> {
      const row = await db.taskReport.create({
        data: { assignmentId, ...report, createdAt: clock.now() },
      });
      return row.id;
    },

    async reports(assignmentId: number): Promise<TaskReportView[]> {
      return db.taskReport.findMany({
        where: { assignmentId },
        orderBy: { id: "asc" },
        select: { id: true, kind: true, text: true, voiceFileId: true, createdAt: true },
      });
    },

    /**
     * Records (or corrects) the evaluation of a done assignment. Returns the evaluation before the
     * change (null: the first one), or "unchanged" when the same grade and comment were given again.
     */
    async evaluate(
      assignmentId: number,
      grade: EvaluationGrade,
      evaluatorMemberId: number | null,
    ): Promise<{ before: TaskEvaluationView | null } | "unchanged"> {
      const now = clock.now();
      const before = await db.taskEvaluation.findUnique({ where: { assignmentId } });
      if (before?.grade === grade) return "unchanged";
      if (before) {
        const { count } = await db.taskEvaluation.updateMany({
          where: { assignmentId, grade: before.grade, updatedAt: before.updatedAt },
          data: { grade, evaluatorMemberId, updatedAt: now },
        });
        if (count !== 1) return "unchanged";
      } else {
        try {
          await db.taskEvaluation.create({
            data: { assignmentId, grade, evaluatorMemberId, createdAt: now, updatedAt: now },
          });
        } catch (err) {
          // Two presses at once: the other one recorded it.
          if (isUniqueViolation(err)) return "unchanged";
          throw err;
        }
      }
      return {
        before: before
          ? {
              grade: before.grade,
              comment: before.comment,
              evaluatorMemberId: before.evaluatorMemberId,
              updatedAt: before.updatedAt,
            }
          : null,
      };
    },

    /** The evaluator's comment; false when there is no evaluation to comment on. */
    async setEvaluationComment(assignmentId: number, comment: string): Promise<boolean> {
      const { count } = await db.taskEvaluation.updateMany({
        where: { assignmentId },
        data: { comment, updatedAt: clock.now() },
      });
      return count === 1;
    },

    /** Sets a draft's due time (the guided flow); false when it is not a draft any more. */
    async setDraftDue(id: number, dueAt: Date | null): Promise<boolean> {
      const { count } = await db.task.updateMany({
        where: { id, state: "draft" },
        data: { dueAt, updatedAt: clock.now() },
      });
      return count === 1;
    },

    /** Moves an open task's due time; false when it is not open. */
    async setDue(id: number, dueAt: Date | null): Promise<boolean> {
      const { count } = await db.task.updateMany({
        where: { id, state: "open" },
        data: { dueAt, updatedAt: clock.now() },
      });
      return count === 1;
    },

    /** open → cancelled; false when it was not open. */
    async cancel(id: number): Promise<boolean> {
      const { count } = await db.task.updateMany({
        where: { id, state: "open" },
        data: { state: "cancelled", updatedAt: clock.now() },
      });
      return count === 1;
    },

    /** The cell's given tasks (not drafts), newest first, open ones and those changed since `since`. */
    async listForCell(
      cellId: number,
      since: Date,
      partyGroupMemberIds?: readonly number[],
    ): Promise<TaskView[]> {
      const rows = await db.task.findMany({
        where: {
          cellId,
          state: { not: "draft" },
          OR: [{ state: "open" }, { updatedAt: { gte: since } }],
          ...(partyGroupMemberIds
            ? { assignments: { some: { memberId: { in: [...partyGroupMemberIds] } } } }
            : {}),
        },
        orderBy: { id: "desc" },
        take: 100,
        include,
      });
      return rows.map(toView);
    },

    /** The open tasks of a member (in every cell, or one), oldest due first. */
    async listOpenForMember(memberId: number, cellId?: number): Promise<TaskView[]> {
      const rows = await db.task.findMany({
        where: {
          state: "open",
          ...(cellId === undefined ? {} : { cellId }),
          assignments: { some: { memberId, state: { in: [...UNFINISHED_STATES] } } },
        },
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        take: 50,
        include,
      });
      return rows.map(toView);
    },
  };
}

export type TaskRepository = ReturnType<typeof createTaskRepository>;
