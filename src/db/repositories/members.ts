import type { Db } from "../client.ts";
import { toDbId, toTgId } from "../ids.ts";

export interface MembershipView {
  cellId: number;
  cellName: string;
  cellActive: boolean;
  role: string;
  status: string;
  partyGroupId: number | null;
}

export interface MemberView {
  id: number;
  telegramId: number | null;
  username: string | null;
  displayName: string;
  fullName: string | null;
  locale: string | null;
  reachable: boolean;
  memberships: MembershipView[];
}

export interface TelegramPerson {
  telegramId: number;
  username?: string | undefined;
  displayName: string;
}

export function createMemberRepository(db: Db) {
  const include = {
    memberships: { where: { active: true }, include: { cell: { select: { name: true, active: true } } } },
  } as const;

  type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;
  function findRow(telegramId: number) {
    return db.member.findUnique({ where: { telegramId: toDbId(telegramId) }, include });
  }
  function toView(row: Row): MemberView {
    return {
      id: row.id,
      telegramId: row.telegramId === null ? null : toTgId(row.telegramId),
      username: row.username,
      displayName: row.displayName,
      fullName: row.fullName,
      locale: row.locale,
      reachable: row.reachable,
      memberships: row.memberships.map((m) => ({
        cellId: m.cellId,
        cellName: m.cell.name,
        cellActive: m.cell.active,
        role: m.role,
        status: m.status,
        partyGroupId: m.partyGroupId,
      })),
    };
  }

  return {
    async findByTelegramId(telegramId: number): Promise<MemberView | null> {
      const row = await findRow(telegramId);
      return row && !row.erasedAt ? toView(row) : null;
    },

    /** Creates or refreshes the person's record; `reachable` is set only when given. */
    async upsertFromTelegram(person: TelegramPerson, reachable?: boolean): Promise<MemberView> {
      const data = {
        username: person.username ?? null,
        displayName: person.displayName,
        ...(reachable === undefined ? {} : { reachable, unreachableAt: reachable ? null : new Date() }),
      };
      const row = await db.member.upsert({
        where: { telegramId: toDbId(person.telegramId) },
        create: { telegramId: toDbId(person.telegramId), ...data },
        update: data,
        include,
      });
      return toView(row);
    },

    async setLocale(memberId: number, locale: string): Promise<void> {
      await db.member.update({ where: { id: memberId }, data: { locale } });
    },

    /** Called when Telegram answers 403 for a private send. */
    async markUnreachable(telegramId: number, at: Date): Promise<number> {
      const result = await db.member.updateMany({
        where: { telegramId: toDbId(telegramId), reachable: true },
        data: { reachable: false, unreachableAt: at },
      });
      return result.count;
    },

    async findById(id: number): Promise<MemberView | null> {
      const row = await db.member.findUnique({ where: { id }, include });
      return row ? toView(row) : null;
    },
  };
}

export type MemberRepository = ReturnType<typeof createMemberRepository>;
