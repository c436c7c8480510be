// Prompts (PRODUCT §3 "Prompt"): a question set sent to members — pre-meeting opinions, post-meeting
// feedback, self-reviews, custom polls — their Questions, the Responses and the Participation rows
// that say only that a member answered. Anonymous prompts: the Response has no memberId, a random id
// and the day only (see the model's comment in prisma/models.prisma); the Participation row is written
// in the same transaction, so an answer is never stored without it or the other way round.
import { randomInt, randomUUID } from "node:crypto";
import { cleanText } from "../../clean-text.ts";
import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";

export type QuestionKind = "text" | "choice" | "rating" | "yes_no";

export interface QuestionInput {
  kind: QuestionKind;
  text: string;
  /** Labels of a choice question. */
  options?: readonly string[];
}

export interface PromptInput {
  organisationId: number;
  cellId: number | null;
  meetingId?: number | null;
  /** custom | post_meeting | self_review | pre_meeting */
  kind: string;
  title?: string | null;
  anonymous: boolean;
  /** cell | group | members */
  audience?: string;
  partyGroupId?: number | null;
  /** The members asked when the audience is "members". */
  targetMemberIds?: readonly number[];
  /** YYYY-MM of a self-review. */
  period?: string | null;
  createdByMemberId: number | null;
  opensAt: Date;
  closesAt: Date | null;
  /** draft | open | closed */
  state?: string;
  questions: readonly QuestionInput[];
}

export interface QuestionView {
  id: number;
  position: number;
  kind: string;
  text: string;
  options: string[];
}

export interface PromptView {
  id: number;
  organisationId: number;
  cellId: number | null;
  meetingId: number | null;
  kind: string;
  title: string | null;
  anonymous: boolean;
  /** cell | group | members */
  audience: string;
  partyGroupId: number | null;
  period: string | null;
  createdByMemberId: number | null;
  state: string;
  opensAt: Date;
  closesAt: Date | null;
  announcementChatId: number | null;
  announcementMessageId: number | null;
  questions: QuestionView[];
}

/** A member a prompt asks, with what it takes to write to them. */
export interface AudienceMember {
  memberId: number;
  telegramId: number | null;
  reachable: boolean;
  locale: string | null;
  displayName: string;
  fullName: string | null;
}

/** A task assignment of a member that is not finished (for the self-review's second question). */
export interface OpenTaskView {
  title: string;
  dueAt: Date | null;
  overdue: boolean;
}

export interface AnswerInput {
  text?: string | null;
  voiceFileId?: string | null;
  choice?: number | null;
  rating?: number | null;
}

export interface ResponseView {
  id: string;
  questionId: number;
  /** Null for every answer to an anonymous prompt (and for answers of erased members). */
  memberId: number | null;
  displayName: string | null;
  fullName: string | null;
  text: string | null;
  voiceFileId: string | null;
  choice: number | null;
  rating: number | null;
  answeredOn: Date;
}

const questionOrder = { orderBy: { position: "asc" as const } };

type PromptRow = Omit<PromptView, "questions" | "announcementChatId"> & {
  announcementChatId: bigint | null;
  questions: { id: number; position: number; kind: string; text: string; options: string }[];
};

function toPromptView(row: PromptRow): PromptView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    cellId: row.cellId,
    meetingId: row.meetingId,
    kind: row.kind,
    title: row.title,
    anonymous: row.anonymous,
    audience: row.audience,
    partyGroupId: row.partyGroupId,
    period: row.period,
    createdByMemberId: row.createdByMemberId,
    state: row.state,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    announcementChatId: row.announcementChatId === null ? null : Number(row.announcementChatId),
    announcementMessageId: row.announcementMessageId,
    questions: row.questions.map((q) => ({
      id: q.id,
      position: q.position,
      kind: q.kind,
      text: q.text,
      options: parseOptions(q.options),
    })),
  };
}

function parseOptions(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** A copy in a random order (Fisher–Yates with a cryptographic source). */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Midnight UTC of the given instant's UTC date: the only time an anonymous answer may carry. */
function dayOnly(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

export function createPromptRepository(db: Db, clock: Clock) {
  return {
    async createPrompt(input: PromptInput): Promise<PromptView> {
      const row = await db.prompt.create({
        data: {
          organisationId: input.organisationId,
          cellId: input.cellId,
          meetingId: input.meetingId ?? null,
          kind: input.kind,
          title: input.title ?? null,
          anonymous: input.anonymous,
          audience: input.audience ?? "cell",
          partyGroupId: input.partyGroupId ?? null,
          period: input.period ?? null,
          createdByMemberId: input.createdByMemberId,
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          state: input.state ?? "open",
          createdAt: clock.now(),
          questions: {
            create: input.questions.map((q, position) => ({
              position,
              kind: q.kind,
              text: q.text,
              options: JSON.stringify(q.options ?? []),
            })),
          },
          ...(input.targetMemberIds && input.targetMemberIds.length > 0
            ? { targets: { create: input.targetMemberIds.map((memberId) => ({ memberId })) } }
            : {}),
        },
        include: { questions: questionOrder },
      });
      return toPromptView(row);
    },

    async get(promptId: number): Promise<PromptView | null> {
      const row = await db.prompt.findUnique({
        where: { id: promptId },
        include: { questions: questionOrder },
      });
      return row ? toPromptView(row) : null;
    },

    /** The prompt whose group post is this message (a reply to it answers a free-text prompt). */
    async findByAnnouncement(chatId: number, messageId: number): Promise<PromptView | null> {
      const row = await db.prompt.findFirst({
        where: { announcementChatId: BigInt(chatId), announcementMessageId: messageId },
        include: { questions: questionOrder },
      });
      return row ? toPromptView(row) : null;
    },

    /** The meeting's first prompt of the kind (e.g. its pre_meeting opinions), with its questions. */
    async findForMeeting(meetingId: number, kind: string): Promise<PromptView | null> {
      const row = await db.prompt.findFirst({
        where: { meetingId, kind, questions: { some: {} } },
        orderBy: { id: "asc" },
        include: { questions: questionOrder },
      });
      return row ? toPromptView(row) : null;
    },

    /** Moves the prompt's closing (a pre-meeting prompt closes when its meeting starts, and meetings move). */
    async setClosesAt(promptId: number, closesAt: Date | null): Promise<PromptView> {
      const row = await db.prompt.update({
        where: { id: promptId },
        data: { closesAt },
        include: { questions: questionOrder },
      });
      return toPromptView(row);
    },

    /**
     * Stores one answer and the member's Participation together (one transaction, the prompt's row
     * locked first so that two answers to the same prompt never interleave). Whether it is anonymous
     * is read from the prompt row itself, never trusted from the caller.
     *
     * - Named: the answer keeps the member and the instant. With `multiple` (pre-meeting opinions,
     *   where a member sends several points) it is added; otherwise it replaces the member's earlier
     *   answer to the question (the last one counts).
     * - Anonymous: no memberId, the day only, `ownerKey` (owner-key.ts) to find it again. All the
     *   prompt's answers are deleted and written again in a random order with new random ids, so the
     *   order rows are stored in (SQLite's rowid, PostgreSQL's heap order) says nothing about when
     *   each was given, and nothing can be matched with the order of the Participation rows.
     *   "locked": the member answered before but no answer carries their key (the key was changed
     *   with the bot token): nothing is written, so nobody is counted twice.
     */
    async recordAnswer(input: {
      promptId: number;
      questionId: number;
      memberId: number;
      answer: AnswerInput;
      answeredOn: Date;
      /** Used only when the prompt is anonymous. */
      ownerKey: string;
      multiple?: boolean;
    }): Promise<{ anonymous: boolean; status: "added" | "changed" | "locked" }> {
      const { promptId, questionId, memberId, answer } = input;
      const text = answer.text ? cleanText(answer.text, { multiline: true }) || null : null;
      const fields = {
        choice: answer.choice ?? null,
        rating: answer.rating ?? null,
        // Cleaned here too, so no path stores invisible characters (see clean-text.ts).
        text,
        voiceFileId: answer.voiceFileId ?? null,
      };
      return db.$transaction(async (tx) => {
        // A row lock on PostgreSQL (the write lock on SQLite): answers to one prompt go one by one.
        await tx.$executeRaw`UPDATE "Prompt" SET "state" = "state" WHERE "id" = ${promptId}`;
        const prompt = await tx.prompt.findUniqueOrThrow({
          where: { id: promptId },
          select: { anonymous: true },
        });
        let status: "added" | "changed" = "added";
        if (!prompt.anonymous) {
          if (!input.multiple) {
            const gone = await tx.response.deleteMany({ where: { questionId, memberId } });
            if (gone.count > 0) status = "changed";
          }
          await tx.response.create({
            data: { promptId, questionId, memberId, ...fields, answeredOn: input.answeredOn },
          });
        } else {
          const stored = await tx.response.findMany({
            where: { promptId },
            select: {
              questionId: true,
              choice: true,
              rating: true,
              text: true,
              voiceFileId: true,
              answeredOn: true,
              ownerKey: true,
            },
          });
          const answered = await tx.participation.findUnique({
            where: { promptId_memberId: { promptId, memberId } },
          });
          const mine = stored.filter((r) => r.ownerKey === input.ownerKey);
          if (answered && mine.length === 0) return { anonymous: true, status: "locked" as const };
          const kept = stored.filter((r) => !(r.ownerKey === input.ownerKey && r.questionId === questionId));
          if (kept.length < stored.length) status = "changed";
          kept.push({
            questionId,
            ...fields,
            answeredOn: dayOnly(input.answeredOn),
            ownerKey: input.ownerKey,
          });
          await tx.response.deleteMany({ where: { promptId } });
          await tx.response.createMany({
            data: shuffled(kept).map((r) => ({ ...r, id: randomUUID(), promptId, memberId: null })),
          });
        }
        await tx.participation.upsert({
          where: { promptId_memberId: { promptId, memberId } },
          create: { promptId, memberId },
          update: {},
        });
        return { anonymous: prompt.anonymous, status };
      });
    },

    /** Every answer to the prompt, oldest first, with the member's names when the prompt is named. */
    async listAnswers(promptId: number): Promise<ResponseView[]> {
      const rows = await db.response.findMany({
        where: { promptId },
        // Anonymous answers all carry the same day; their order is the random id, not the insertion order.
        orderBy: [{ answeredOn: "asc" }, { id: "asc" }],
        include: { member: { select: { displayName: true, fullName: true } } },
      });
      return rows.map((r) => ({
        id: r.id,
        questionId: r.questionId,
        memberId: r.memberId,
        displayName: r.member?.displayName ?? null,
        fullName: r.member?.fullName ?? null,
        text: r.text,
        voiceFileId: r.voiceFileId,
        choice: r.choice,
        rating: r.rating,
        answeredOn: r.answeredOn,
      }));
    },

    /** The cell's prompts of `kinds` (newest first): open ones, and those closed since `since`. */
    async listForCell(
      cellId: number,
      options: { kinds: readonly string[]; since: Date; limit: number },
    ): Promise<PromptView[]> {
      const rows = await db.prompt.findMany({
        where: {
          cellId,
          kind: { in: [...options.kinds] },
          OR: [{ state: "open" }, { state: "closed", opensAt: { gte: options.since } }],
        },
        orderBy: { id: "desc" },
        take: options.limit,
        include: { questions: questionOrder },
      });
      return rows.map(toPromptView);
    },

    /** Every active cell with its organisation (the self-review chain starts one row per cell). */
    async activeCells(): Promise<{ id: number; organisationId: number }[]> {
      return db.cell.findMany({
        where: { active: true },
        select: { id: true, organisationId: true },
        orderBy: { id: "asc" },
      });
    },

    /** The cell's self-review of a month, if it was made. */
    async findSelfReview(cellId: number, period: string): Promise<PromptView | null> {
      const row = await db.prompt.findFirst({
        where: { cellId, kind: "self_review", period },
        orderBy: { id: "asc" },
        include: { questions: questionOrder },
      });
      return row ? toPromptView(row) : null;
    },

    /**
     * Moves a prompt from `from` to `to` (draft → open, open → closed) with the given fields; false
     * when it was not in `from` (a second press, a concurrent close).
     */
    async transition(
      promptId: number,
      from: string,
      to: string,
      data: { opensAt?: Date; closesAt?: Date | null } = {},
    ): Promise<boolean> {
      const { count } = await db.prompt.updateMany({
        where: { id: promptId, state: from },
        data: { state: to, ...data },
      });
      return count === 1;
    },

    /** Gives a draft (a built-in prompt created before its questions were known) its questions. */
    async addQuestions(promptId: number, questions: readonly QuestionInput[]): Promise<PromptView> {
      await db.$transaction(async (tx) => {
        if ((await tx.question.count({ where: { promptId } })) > 0) return;
        await tx.question.createMany({
          data: questions.map((q, position) => ({
            promptId,
            position,
            kind: q.kind,
            text: q.text,
            options: JSON.stringify(q.options ?? []),
          })),
        });
      });
      const row = await db.prompt.findUniqueOrThrow({
        where: { id: promptId },
        include: { questions: questionOrder },
      });
      return toPromptView(row);
    },

    /** Replaces the prompt's chosen members (idempotent: a retried job writes the same set). */
    async setTargets(promptId: number, memberIds: readonly number[]): Promise<void> {
      await db.$transaction([
        db.promptTarget.deleteMany({ where: { promptId } }),
        db.promptTarget.createMany({
          data: [...new Set(memberIds)].map((memberId) => ({ promptId, memberId })),
        }),
      ]);
    },

    async deleteDraft(promptId: number): Promise<boolean> {
      const { count } = await db.prompt.deleteMany({ where: { id: promptId, state: "draft" } });
      return count === 1;
    },

    async setAnnouncement(promptId: number, chatId: number, messageId: number): Promise<void> {
      await db.prompt.update({
        where: { id: promptId },
        data: { announcementChatId: BigInt(chatId), announcementMessageId: messageId },
      });
    },

    /**
     * The members the prompt asks, decided now: the cell's active members (exempt ones are not
     * asked), those of its party group, or its chosen members (still active in the cell).
     */
    async audience(
      prompt: Pick<PromptView, "id" | "cellId" | "audience" | "partyGroupId">,
    ): Promise<AudienceMember[]> {
      if (prompt.cellId === null) return [];
      const rows = await db.membership.findMany({
        where: {
          cellId: prompt.cellId,
          active: true,
          ...(prompt.audience === "members"
            ? { member: { erasedAt: null, promptTargets: { some: { promptId: prompt.id } } } }
            : { member: { erasedAt: null }, status: { not: "exempt" } }),
          ...(prompt.audience === "group" ? { partyGroupId: prompt.partyGroupId ?? -1 } : {}),
        },
        orderBy: { number: "asc" },
        include: { member: true },
      });
      return rows.map((r) => ({
        memberId: r.memberId,
        telegramId: r.member.telegramId === null ? null : Number(r.member.telegramId),
        reachable: r.member.reachable,
        locale: r.member.locale,
        displayName: r.member.displayName,
        fullName: r.member.fullName,
      }));
    },

    /** Who answered (the Participation rows): says nothing about what they answered. */
    async participantIds(promptId: number): Promise<Set<number>> {
      const rows = await db.participation.findMany({ where: { promptId }, select: { memberId: true } });
      return new Set(rows.map((r) => r.memberId));
    },

    async hasParticipated(promptId: number, memberId: number): Promise<boolean> {
      return (await db.participation.count({ where: { promptId, memberId } })) > 0;
    },

    /**
     * The member's unfinished task assignments in the cell, read straight from the Task tables (the
     * tasks capability owns them; an empty or missing table is no tasks).
     */
    async openTasksOf(memberId: number, cellId: number, now: Date): Promise<OpenTaskView[]> {
      try {
        const rows = await db.taskAssignment.findMany({
          where: {
            memberId,
            state: { in: ["assigned", "accepted", "overdue"] },
            task: { cellId, state: "open" },
          },
          include: { task: { select: { title: true, dueAt: true } } },
          orderBy: { id: "asc" },
          take: 20,
        });
        return rows.map((r) => ({
          title: r.task.title,
          dueAt: r.task.dueAt,
          overdue: r.state === "overdue" || (r.task.dueAt !== null && r.task.dueAt.getTime() < now.getTime()),
        }));
      } catch {
        return [];
      }
    },

    async countAnswers(
      filter: { promptId?: number; kind?: string; meetingId?: number } = {},
    ): Promise<number> {
      const prompt = {
        ...(filter.kind === undefined ? {} : { kind: filter.kind }),
        ...(filter.meetingId === undefined ? {} : { meetingId: filter.meetingId }),
      };
      return db.response.count({
        where: { ...(filter.promptId === undefined ? {} : { promptId: filter.promptId }), prompt },
      });
    },

    /** How many members answered (Participation rows), for response rates and nudges. */
    async countParticipants(promptId: number): Promise<number> {
      return db.participation.count({ where: { promptId } });
    },
  };
}

export type PromptRepository = ReturnType<typeof createPromptRepository>;
