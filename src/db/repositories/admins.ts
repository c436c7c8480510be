import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { toDbId, toTgId } from "../ids.ts";

export interface AdminView {
  telegramId: number;
  fromConfig: boolean;
  displayName: string | null;
}

export function createAdminRepository(db: Db, clock: Clock) {
  return {
    async isAdmin(telegramId: number): Promise<boolean> {
      const row = await db.admin.findUnique({
        where: { telegramId: toDbId(telegramId) },
        select: { id: true },
      });
      return row !== null;
    },

    /** Makes sure every admin named in the configuration exists; never removes anyone. */
    async ensureConfigAdmins(telegramIds: readonly number[]): Promise<void> {
      for (const id of telegramIds) {
        await db.admin.upsert({
          where: { telegramId: toDbId(id) },
          create: { telegramId: toDbId(id), fromConfig: true, createdAt: clock.now() },
          update: { fromConfig: true },
        });
      }
    },

    /** Returns false when the person already was an admin. */
    async add(telegramId: number, addedBy: number): Promise<boolean> {
      const existing = await db.admin.findUnique({ where: { telegramId: toDbId(telegramId) } });
      if (existing) return false;
      await db.admin.create({
        data: { telegramId: toDbId(telegramId), addedByTgId: toDbId(addedBy), createdAt: clock.now() },
      });
      return true;
    },

    async list(): Promise<AdminView[]> {
      const admins = await db.admin.findMany({ orderBy: { id: "asc" } });
      const members = await db.member.findMany({
        where: { telegramId: { in: admins.map((a) => a.telegramId) } },
        select: { telegramId: true, displayName: true },
      });
      const names = new Map(members.map((m) => [String(m.telegramId), m.displayName]));
      return admins.map((a) => ({
        telegramId: toTgId(a.telegramId),
        fromConfig: a.fromConfig,
        displayName: names.get(String(a.telegramId)) ?? null,
      }));
    },
  };
}

export type AdminRepository = ReturnType<typeof createAdminRepository>;
