// Pre-meeting opinions (PRODUCT §4B, §3 Prompt "pre-meeting opinions"): a named prompt of kind
// pre_meeting per meeting, one free-text question, one Response per point a member sends.
import type { Db } from "../client.ts";
import { cleanText } from "../../clean-text.ts";

export interface OpinionView {
  id: string;
  memberId: number | null;
  displayName: string | null;
  fullName: string | null;
  text: string | null;
  voiceFileId: string | null;
  answeredOn: Date;
}

export interface OpinionPromptInput {
  organisationId: number;
  cellId: number;
  meetingId: number;
  createdByMemberId: number | null;
  opensAt: Date;
  closesAt: Date;
  questionText: string;
}

export function createOpinionRepository(db: Db) {
  /** The meeting's pre-meeting prompt and its question, created on first use. */
  async function promptFor(input: OpinionPromptInput): Promise<{ promptId: number; questionId: number }> {
    const existing = await db.prompt.findFirst({
      where: { meetingId: input.meetingId, kind: "pre_meeting" },
      orderBy: { id: "asc" },
      include: { questions: { orderBy: { position: "asc" }, take: 1 } },
    });
    if (existing?.questions[0]) return { promptId: existing.id, questionId: existing.questions[0].id };
    if (existing) {
      const q = await db.question.create({
        data: { promptId: existing.id, position: 0, kind: "text", text: input.questionText },
      });
      return { promptId: existing.id, questionId: q.id };
    }
    const prompt = await db.prompt.create({
      data: {
        organisationId: input.organisationId,
        cellId: input.cellId,
        meetingId: input.meetingId,
        kind: "pre_meeting",
        anonymous: false,
        audience: "cell",
        createdByMemberId: input.createdByMemberId,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        state: "open",
        questions: { create: { position: 0, kind: "text", text: input.questionText } },
      },
      include: { questions: true },
    });
    return { promptId: prompt.id, questionId: prompt.questions[0]!.id };
  }

  return {
    promptFor,

    /** Stores one point (text or voice) from a member, named, and records that they took part. */
    async add(
      prompt: OpinionPromptInput,
      memberId: number,
      answer: { text: string | null; voiceFileId: string | null },
      at: Date,
    ): Promise<void> {
      const { promptId, questionId } = await promptFor(prompt);
      await db.$transaction([
        db.response.create({
          data: {
            promptId,
            questionId,
            memberId,
            text: answer.text === null ? null : cleanText(answer.text, { multiline: true }) || null,
            voiceFileId: answer.voiceFileId,
            answeredOn: at,
          },
        }),
        db.participation.upsert({
          where: { promptId_memberId: { promptId, memberId } },
          create: { promptId, memberId },
          update: {},
        }),
      ]);
    },

    /** Every point sent for the meeting, oldest first, with the sender's names. */
    async listForMeeting(meetingId: number): Promise<OpinionView[]> {
      const rows = await db.response.findMany({
        where: { prompt: { meetingId, kind: "pre_meeting" } },
        orderBy: { answeredOn: "asc" },
        include: { member: { select: { displayName: true, fullName: true } } },
      });
      return rows.map((r) => ({
        id: r.id,
        memberId: r.memberId,
        displayName: r.member?.displayName ?? null,
        fullName: r.member?.fullName ?? null,
        text: r.text,
        voiceFileId: r.voiceFileId,
        answeredOn: r.answeredOn,
      }));
    },

    async count(meetingId?: number): Promise<number> {
      const prompt = meetingId === undefined ? { kind: "pre_meeting" } : { meetingId, kind: "pre_meeting" };
      return db.response.count({ where: { prompt } });
    },
  };
}

export type OpinionRepository = ReturnType<typeof createOpinionRepository>;
