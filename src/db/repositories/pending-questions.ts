// Questions the bot waits for a typed answer to (the typed-answer protocol of src/bot/kit/typed-answer.ts).
// One row per person: asking again replaces it. Times come from the caller's clock.
import type { Db } from "../client.ts";
import { toDbId, toTgId } from "../ids.ts";

export interface PendingQuestionRow {
  userId: number;
  chatId: number;
  kind: string;
  /** JSON text; the protocol validates it against the kind's schema. */
  payload: string;
  messageId: number | null;
  createdAt: Date;
  expiresAt: Date;
}

type Row = Omit<PendingQuestionRow, "userId" | "chatId"> & { userId: bigint; chatId: bigint };

function toView(row: Row): PendingQuestionRow {
  return { ...row, userId: toTgId(row.userId), chatId: toTgId(row.chatId) };
}

export function createPendingQuestionRepository(db: Db) {
  return {
    /** Stores the question, replacing whatever the person was asked before. */
    async replace(question: PendingQuestionRow): Promise<void> {
      const data = {
        chatId: toDbId(question.chatId),
        kind: question.kind,
        payload: question.payload,
        messageId: question.messageId,
        createdAt: question.createdAt,
        expiresAt: question.expiresAt,
      };
      await db.pendingQuestion.upsert({
        where: { userId: toDbId(question.userId) },
        create: { userId: toDbId(question.userId), ...data },
        update: data,
      });
    },

    async findForUser(userId: number): Promise<PendingQuestionRow | null> {
      const row = await db.pendingQuestion.findUnique({ where: { userId: toDbId(userId) } });
      return row ? toView(row) : null;
    },

    /** Whose question a message in a chat is (someone else may reply to it in a group). */
    async findByMessage(chatId: number, messageId: number): Promise<PendingQuestionRow | null> {
      const row = await db.pendingQuestion.findFirst({
        where: { chatId: toDbId(chatId), messageId },
      });
      return row ? toView(row) : null;
    },

    /**
     * Deletes the person's question when it is still the one that was read (same creation time): a
     * question asked meanwhile, replacing it, stays. True when a row was deleted.
     */
    async delete(userId: number, createdAt: Date): Promise<boolean> {
      const { count } = await db.pendingQuestion.deleteMany({ where: { userId: toDbId(userId), createdAt } });
      return count > 0;
    },

    /** Forgets questions that expired before `at`; their rows are ignored anyway. */
    async pruneExpired(at: Date): Promise<number> {
      const { count } = await db.pendingQuestion.deleteMany({ where: { expiresAt: { lt: at } } });
      return count;
    },
  };
}

export type PendingQuestionRepository = ReturnType<typeof createPendingQuestionRepository>;
