import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { toDbId } from "../ids.ts";
import type { CellView } from "./cells.ts";

/** What every update from a group needs: the chat's own language, its cell and the cell's organisation's language. */
export interface ChatInfo {
  /** Chosen with /lang in this chat (null: none chosen). */
  locale: string | null;
  /** The cell bound to the chat, active or paused (null: none). */
  cell: CellView | null;
  organisationLocale: string | null;
}

interface ChatInfoRow {
  chatLocale: string | null;
  id: number | bigint | null;
  organisationId: number | bigint | null;
  name: string | null;
  kind: string | null;
  chatTitle: string | null;
  /** A boolean on PostgreSQL, 0/1 on SQLite. */
  active: boolean | number | bigint | null;
  settings: string | null;
  organisationLocale: string | null;
}

const num = (value: number | bigint): number => (typeof value === "bigint" ? Number(value) : value);

/** What the bot knows about a chat that matters before any feature runs: its locale and its cell. */
export function createChatRepository(db: Db, clock: Clock) {
  return {
    /** The chat's language, cell and organisation language in one statement (the hot cache's loader). */
    async info(chatId: number): Promise<ChatInfo> {
      const id = toDbId(chatId);
      const rows = await db.$queryRaw<ChatInfoRow[]>`
        SELECT p."locale" AS "chatLocale", c."id" AS "id", c."organisationId" AS "organisationId",
               c."name" AS "name", c."kind" AS "kind", c."chatTitle" AS "chatTitle",
               c."active" AS "active", c."settings" AS "settings", o."locale" AS "organisationLocale"
        FROM (SELECT 1 AS "one") AS k
        LEFT JOIN "ChatPreference" p ON p."chatId" = CAST(${id} AS BIGINT)
        LEFT JOIN "Cell" c ON c."chatId" = CAST(${id} AS BIGINT)
        LEFT JOIN "Organisation" o ON o."id" = c."organisationId"`;
      const row = rows[0];
      const cell: CellView | null =
        row?.id == null
          ? null
          : {
              id: num(row.id),
              organisationId: num(row.organisationId ?? 0),
              name: row.name ?? "",
              kind: row.kind ?? "",
              chatId,
              chatTitle: row.chatTitle,
              active: row.active === true || Number(row.active) === 1,
              settings: row.settings ?? "{}",
            };
      return {
        locale: row?.chatLocale ?? null,
        cell,
        organisationLocale: cell ? (row?.organisationLocale ?? null) : null,
      };
    },

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
