import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { toDbId, toDbIdOrNull, toTgIdOrNull } from "../ids.ts";

export interface CellView {
  id: number;
  organisationId: number;
  name: string;
  kind: string;
  chatId: number | null;
  chatTitle: string | null;
  active: boolean;
  settings: string;
}

type CellRow = {
  id: number;
  organisationId: number;
  name: string;
  kind: string;
  chatId: bigint | null;
  chatTitle: string | null;
  active: boolean;
  settings: string;
};

function toView(row: CellRow): CellView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    kind: row.kind,
    chatId: toTgIdOrNull(row.chatId),
    chatTitle: row.chatTitle,
    active: row.active,
    settings: row.settings,
  };
}

export function createCellRepository(db: Db, clock: Clock) {
  return {
    async get(id: number): Promise<CellView | null> {
      const row = await db.cell.findUnique({ where: { id } });
      return row ? toView(row) : null;
    },

    async findByChatId(chatId: number): Promise<CellView | null> {
      const row = await db.cell.findUnique({ where: { chatId: toDbId(chatId) } });
      return row ? toView(row) : null;
    },

    /** Binds a group to a new cell, or re-activates and renames the cell already bound to it. */
    async register(input: {
      organisationId: number;
      name: string;
      kind: string;
      chatId: number;
      chatTitle: string | null;
    }): Promise<{ cell: CellView; created: boolean }> {
      const chatId = toDbId(input.chatId);
      const existing = await db.cell.findUnique({ where: { chatId } });
      if (existing) {
        const row = await db.cell.update({
          where: { id: existing.id },
          data: {
            name: input.name,
            kind: input.kind,
            chatTitle: input.chatTitle,
            active: true,
            updatedAt: clock.now(),
          },
        });
        return { cell: toView(row), created: false };
      }
      const now = clock.now();
      const row = await db.cell.create({ data: { ...input, chatId, createdAt: now, updatedAt: now } });
      return { cell: toView(row), created: true };
    },

    async setActive(id: number, active: boolean): Promise<void> {
      await db.cell.update({ where: { id }, data: { active, updatedAt: clock.now() } });
    },

    async setChat(id: number, chatId: number | null, chatTitle: string | null): Promise<void> {
      await db.cell.update({
        where: { id },
        data: { chatId: toDbIdOrNull(chatId), chatTitle, updatedAt: clock.now() },
      });
    },

    async updateSettings(id: number, settings: string): Promise<void> {
      await db.cell.update({ where: { id }, data: { settings, updatedAt: clock.now() } });
    },

    async listByOrganisation(
      organisationId: number,
      opts: { activeOnly?: boolean } = {},
    ): Promise<CellView[]> {
      const rows = await db.cell.findMany({
        where: { organisationId, ...(opts.activeOnly ? { active: true } : {}) },
        orderBy: { name: "asc" },
      });
      return rows.map(toView);
    },

    async listByIds(ids: number[]): Promise<CellView[]> {
      const rows = await db.cell.findMany({ where: { id: { in: ids } }, orderBy: { name: "asc" } });
      return rows.map(toView);
    },
  };
}

export type CellRepository = ReturnType<typeof createCellRepository>;
