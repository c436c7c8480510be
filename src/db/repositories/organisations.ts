import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { toDbId, toDbIdOrNull, toTgIdOrNull } from "../ids.ts";

export interface OrganisationView {
  id: number;
  name: string;
  timeZone: string;
  locale: string;
  committeeChatId: number | null;
  committeeChatTitle: string | null;
  digestDay: number;
  digestTime: string;
  settings: string;
}

export interface OrganisationDefaults {
  name: string;
  timeZone: string;
  locale: string;
}

export function createOrganisationRepository(db: Db, clock: Clock) {
  function toView(row: {
    id: number;
    name: string;
    timeZone: string;
    locale: string;
    committeeChatId: bigint | null;
    committeeChatTitle: string | null;
    digestDay: number;
    digestTime: string;
    settings: string;
  }): OrganisationView {
    return { ...row, committeeChatId: toTgIdOrNull(row.committeeChatId) };
  }

  return {
    async get(id: number): Promise<OrganisationView | null> {
      const row = await db.organisation.findUnique({ where: { id } });
      return row ? toView(row) : null;
    },

    /** The first organisation created (the ward's), whose settings apply to the whole service. */
    async first(): Promise<OrganisationView | null> {
      const row = await db.organisation.findFirst({ orderBy: { id: "asc" } });
      return row ? toView(row) : null;
    },

    /**
     * The organisation an admin works in. The first admin's organisation is created on first use;
     * an admin without one joins the only organisation when there is exactly one.
     */
    async forAdmin(telegramId: number, defaults: OrganisationDefaults): Promise<OrganisationView> {
      const now = clock.now();
      return db.$transaction(async (tx) => {
        const admin = await tx.admin.findUnique({ where: { telegramId: toDbId(telegramId) } });
        if (admin?.organisationId) {
          const org = await tx.organisation.findUnique({ where: { id: admin.organisationId } });
          if (org) return toView(org);
        }
        const existing = await tx.organisation.findMany({ take: 2, orderBy: { id: "asc" } });
        const org =
          existing.length === 1 && existing[0]
            ? existing[0]
            : existing.length === 0
              ? await tx.organisation.create({ data: { ...defaults, createdAt: now, updatedAt: now } })
              : existing[0]!;
        await tx.admin.upsert({
          where: { telegramId: toDbId(telegramId) },
          create: { telegramId: toDbId(telegramId), organisationId: org.id, createdAt: now },
          update: { organisationId: org.id },
        });
        return toView(org);
      });
    },

    async rename(id: number, name: string): Promise<void> {
      await db.organisation.update({ where: { id }, data: { name, updatedAt: clock.now() } });
    },

    async setCommitteeChat(id: number, chatId: number | null, title: string | null): Promise<void> {
      await db.organisation.update({
        where: { id },
        data: { committeeChatId: toDbIdOrNull(chatId), committeeChatTitle: title, updatedAt: clock.now() },
      });
    },

    async findByCommitteeChat(chatId: number): Promise<OrganisationView | null> {
      const row = await db.organisation.findUnique({ where: { committeeChatId: toDbId(chatId) } });
      return row ? toView(row) : null;
    },

    async updateSettings(
      id: number,
      data: Partial<Pick<OrganisationView, "timeZone" | "locale" | "digestDay" | "digestTime" | "settings">>,
    ): Promise<void> {
      await db.organisation.update({ where: { id }, data: { ...data, updatedAt: clock.now() } });
    },

    /** Telegram ids of the organisation's admins (and of admins not yet tied to any organisation). */
    async adminIds(id: number): Promise<number[]> {
      const rows = await db.admin.findMany({
        where: { OR: [{ organisationId: id }, { organisationId: null }] },
      });
      return rows.map((r) => Number(r.telegramId));
    },
  };
}

export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>;
