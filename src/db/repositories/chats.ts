import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { toDbId } from "../ids.ts";

/** What the bot knows about a chat that matters before any feature runs: its locale and its cell. */
export function createChatRepository(db: Db, clock: Clock) {
  return {
    async getLocale(chatId: number): Promise<string | null> {
      const row = await db.chatPreference.findUnique({ where: { chatId: toDbId(chatId) } });
      return row?.locale ?? null;
    },

    async setLocale(chatId: number, locale: string): Promise<void> {
      await db.chatPreference.upsert({
        where: { chatId: toDbId(chatId) },
        create: { chatId: toDbId(chatId), locale, updatedAt: clock.now() },
        update: { locale, updatedAt: clock.now() },
      });
    },

    /** The cell bound to a group chat, with its organisation's locale for the negotiator. */
    async findCellByChatId(chatId: number) {
      return db.cell.findUnique({
        where: { chatId: toDbId(chatId) },
        select: {
          id: true,
          name: true,
          active: true,
          organisationId: true,
          organisation: { select: { locale: true } },
        },
      });
    },

    /** Follows a group that became a supergroup: every stored reference moves to the new id. */
    async migrateChatId(fromChatId: number, toChatId: number): Promise<void> {
      const from = toDbId(fromChatId);
      const to = toDbId(toChatId);
      const updatedAt = clock.now();
      await db.$transaction([
        db.cell.updateMany({ where: { chatId: from }, data: { chatId: to, updatedAt } }),
        db.meeting.updateMany({
          where: { announcementChatId: from },
          data: { announcementChatId: to, updatedAt },
        }),
        db.prompt.updateMany({ where: { announcementChatId: from }, data: { announcementChatId: to } }),
        db.scheduledDelivery.updateMany({ where: { chatId: from }, data: { chatId: to, updatedAt } }),
        db.deliveryMessage.updateMany({ where: { chatId: from }, data: { chatId: to } }),
        db.organisation.updateMany({
          where: { committeeChatId: from },
          data: { committeeChatId: to, updatedAt },
        }),
      ]);
    },
  };
}

export type ChatRepository = ReturnType<typeof createChatRepository>;
