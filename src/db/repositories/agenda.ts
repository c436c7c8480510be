// Agenda items of a meeting (PRODUCT §3 Meeting, §4B "Agenda"): a part of the content, the member
// who prepares it, and whether it is ready.
import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { toTgIdOrNull } from "../ids.ts";

export interface AgendaItemView {
  id: number;
  meetingId: number;
  memberId: number | null;
  title: string;
  position: number;
  ready: boolean;
  readyAt: Date | null;
  /** The owner's names and Telegram id (null when the item has no owner any more). */
  ownerDisplayName: string | null;
  ownerFullName: string | null;
  ownerTelegramId: number | null;
}

type Row = {
  id: number;
  meetingId: number;
  memberId: number | null;
  title: string;
  position: number;
  ready: boolean;
  readyAt: Date | null;
  member: { displayName: string; fullName: string | null; telegramId: bigint | null } | null;
};

const include = { member: { select: { displayName: true, fullName: true, telegramId: true } } } as const;

function toView(row: Row): AgendaItemView {
  return {
    id: row.id,
    meetingId: row.meetingId,
    memberId: row.memberId,
    title: row.title,
    position: row.position,
    ready: row.ready,
    readyAt: row.readyAt,
    ownerDisplayName: row.member?.displayName ?? null,
    ownerFullName: row.member?.fullName ?? null,
    ownerTelegramId: toTgIdOrNull(row.member?.telegramId ?? null),
  };
}

export function createAgendaRepository(db: Db, clock: Clock) {
  return {
    /** Adds an item at the end of the meeting's agenda. */
    async add(meetingId: number, memberId: number, title: string): Promise<AgendaItemView> {
      const last = await db.agendaItem.findFirst({
        where: { meetingId },
        orderBy: { position: "desc" },
        select: { position: true },
      });
      const row = await db.agendaItem.create({
        data: { meetingId, memberId, title, position: (last?.position ?? 0) + 1, createdAt: clock.now() },
        include,
      });
      return toView(row);
    },

    async get(id: number): Promise<AgendaItemView | null> {
      const row = await db.agendaItem.findUnique({ where: { id }, include });
      return row ? toView(row) : null;
    },

    async listForMeeting(meetingId: number): Promise<AgendaItemView[]> {
      const rows = await db.agendaItem.findMany({
        where: { meetingId },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        include,
      });
      return rows.map(toView);
    },

    /** Marks the item ready; false when it already was (pressing twice changes nothing). */
    async markReady(id: number, at: Date): Promise<boolean> {
      const { count } = await db.agendaItem.updateMany({
        where: { id, ready: false },
        data: { ready: true, readyAt: at },
      });
      return count === 1;
    },

    async count(meetingId?: number): Promise<number> {
      return db.agendaItem.count({ where: meetingId === undefined ? {} : { meetingId } });
    },
  };
}

export type AgendaRepository = ReturnType<typeof createAgendaRepository>;
