import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { toDbId, toTgIdOrNull } from "../ids.ts";

/** The organisation columns that hold settings (see src/features/settings/model.ts). */
export interface OrganisationSettingsRow {
  id: number;
  name: string;
  locale: string;
  timeZone: string;
  digestDay: number;
  digestTime: string;
  settings: string;
}

export interface CellSettingsRow {
  id: number;
  name: string;
  organisationId: number;
  chatId: number | null;
  active: boolean;
  settings: string;
}

const orgSelect = {
  id: true,
  name: true,
  locale: true,
  timeZone: true,
  digestDay: true,
  digestTime: true,
  settings: true,
} as const;

/** Reads and writes the settings of organisations and cells; the JSON is interpreted by the settings feature. */
export function createSettingsRepository(db: Db, clock: Clock) {
  return {
    async organisation(id: number): Promise<OrganisationSettingsRow | null> {
      return db.organisation.findUnique({ where: { id }, select: orgSelect });
    },

    /** A cell's own settings with its organisation's, in one query. */
    async cell(id: number): Promise<{ cell: CellSettingsRow; organisation: OrganisationSettingsRow } | null> {
      const row = await db.cell.findUnique({
        where: { id },
        select: {
          id: true,
          name: true,
          organisationId: true,
          chatId: true,
          active: true,
          settings: true,
          organisation: { select: orgSelect },
        },
      });
      if (!row) return null;
      const { organisation, chatId, ...cell } = row;
      return { cell: { ...cell, chatId: toTgIdOrNull(chatId) }, organisation };
    },

    async saveOrganisation(
      id: number,
      patch: Partial<
        Pick<OrganisationSettingsRow, "locale" | "timeZone" | "digestDay" | "digestTime" | "settings">
      >,
    ): Promise<void> {
      await db.organisation.update({ where: { id }, data: { ...patch, updatedAt: clock.now() } });
    },

    /**
     * Writes a cell's settings JSON. With `chatLocale`, also sets (or with null clears) the language
     * chosen for the cell's group, which is what the locale negotiator reads for group messages.
     */
    async saveCell(
      id: number,
      settings: string,
      chatLocale?: { chatId: number; locale: string | null },
    ): Promise<void> {
      // Prisma queries are lazy: nothing runs until awaited or passed to $transaction.
      const updatedAt = clock.now();
      const cellWrite = db.cell.update({ where: { id }, data: { settings, updatedAt } });
      if (!chatLocale) {
        await cellWrite;
        return;
      }
      const chatId = toDbId(chatLocale.chatId);
      await db.$transaction([
        cellWrite,
        db.chatPreference.upsert({
          where: { chatId },
          create: { chatId, locale: chatLocale.locale, updatedAt },
          update: { locale: chatLocale.locale, updatedAt },
        }),
      ]);
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
