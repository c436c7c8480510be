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

    /** Every admin's Telegram id, in one statement (the hot cache's loader). */
    async telegramIds(): Promise<number[]> {
      const rows = await db.admin.findMany({ select: { telegramId: true } });
      return rows.map((row) => toTgId(row.telegramId));
    },

    /**
     * Makes the admins that come from the configuration exactly those named in it. Someone taken
     * out of ADMIN_IDS stops being an admin at the next start, unless an admin had also added them
     * with /add_admin: then they stay, as an added admin. Each change is audited.
     */
    async ensureConfigAdmins(telegramIds: readonly number[]): Promise<{ removed: number[]; kept: number[] }> {
      const configured = telegramIds.map(toDbId);
      const now = clock.now();
      return db.$transaction(async (tx) => {
        for (const telegramId of configured) {
          await tx.admin.upsert({
            where: { telegramId },
            create: { telegramId, fromConfig: true, createdAt: now },
            update: { fromConfig: true },
          });
        }
        const stale = await tx.admin.findMany({
          where: { fromConfig: true, telegramId: { notIn: configured } },
        });
        const removed: number[] = [];
        const kept: number[] = [];
        for (const admin of stale) {
          const addedByCommand = admin.addedByTgId !== null;
          if (addedByCommand) {
            await tx.admin.update({ where: { id: admin.id }, data: { fromConfig: false } });
            kept.push(toTgId(admin.telegramId));
          } else {
            await tx.admin.delete({ where: { id: admin.id } });
            removed.push(toTgId(admin.telegramId));
          }
          await tx.auditEntry.create({
            data: {
              action: addedByCommand ? "admin.config-unlisted" : "admin.config-remove",
              targetType: "admin",
              targetId: String(admin.telegramId),
              organisationId: admin.organisationId,
              before: JSON.stringify({ fromConfig: true }),
              after: JSON.stringify(addedByCommand ? { fromConfig: false } : null),
              createdAt: now,
            },
          });
        }
        return { removed, kept };
      });
    },

    /**
     * Removes an admin added with /add_admin. Configured admins are removed by changing ADMIN_IDS,
     * and the last admin is never removed, so the committee is never left without one.
     */
    async remove(
      telegramId: number,
      configured: readonly number[],
    ): Promise<
      | { outcome: "removed"; before: { fromConfig: boolean; addedByTgId: number | null } }
      | { outcome: "not-admin" | "configured" | "last" }
    > {
      return db.$transaction(async (tx) => {
        const row = await tx.admin.findUnique({ where: { telegramId: toDbId(telegramId) } });
        if (!row) return { outcome: "not-admin" as const };
        if (row.fromConfig || configured.includes(telegramId)) return { outcome: "configured" as const };
        if ((await tx.admin.count()) <= 1) return { outcome: "last" as const };
        await tx.admin.delete({ where: { id: row.id } });
        const addedByTgId = row.addedByTgId === null ? null : toTgId(row.addedByTgId);
        return { outcome: "removed" as const, before: { fromConfig: row.fromConfig, addedByTgId } };
      });
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
