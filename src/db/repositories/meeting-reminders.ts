// The reads meeting reminders need, at planning time and at send time.
import type { Db } from "../client.ts";
import { toTgIdOrNull } from "../ids.ts";
import { personName } from "../../person-name.ts";

export interface ReminderMeeting {
  id: number;
  cellId: number;
  cellName: string;
  /** The cell's group now (follows a supergroup migration). */
  groupChatId: number | null;
  organisationLocale: string;
  kind: string;
  title: string | null;
  state: string;
  startsAt: Date;
  place: string | null;
  onlineLink: string | null;
  /** Who made the meeting by hand (null for the monthly schedule's), and when. */
  createdByMemberId: number | null;
  createdAt: Date;
}

/** A member of the meeting's cell the bot may write to privately. */
export interface ReminderRecipient {
  memberId: number;
  chatId: number;
  displayName: string;
  fullName: string | null;
  firstName: string | null;
  locale: string | null;
  role: string;
}

export interface ReminderRsvp {
  answer: string;
  reason: string | null;
  /** Given for the time before a move and not confirmed since. */
  beforeMove: boolean;
}

export interface ReminderAgendaItem {
  id: number;
  title: string;
  position: number;
  ready: boolean;
  memberId: number | null;
  ownerName: string | null;
}

const MANAGER_ROLES = ["secretary", "deputy"];

/** Active, not exempt, not erased, reachable, with a Telegram account. */
const reachableMembership = (cellId: number) => ({
  cellId,
  active: true,
  status: { not: "exempt" },
  member: { erasedAt: null, reachable: true, telegramId: { not: null } },
});

type MembershipRow = {
  memberId: number;
  role: string;
  member: {
    telegramId: bigint | null;
    displayName: string;
    fullName: string | null;
    firstName: string | null;
    locale: string | null;
  };
};

function toRecipient(row: MembershipRow): ReminderRecipient | null {
  const chatId = toTgIdOrNull(row.member.telegramId);
  if (chatId === null) return null;
  return {
    memberId: row.memberId,
    chatId,
    displayName: row.member.displayName,
    fullName: row.member.fullName,
    firstName: row.member.firstName,
    locale: row.member.locale,
    role: row.role,
  };
}

const membershipSelect = {
  memberId: true,
  role: true,
  member: { select: { telegramId: true, displayName: true, fullName: true, firstName: true, locale: true } },
} as const;

export function createMeetingReminderRepository(db: Db) {
  return {
    async meeting(meetingId: number): Promise<ReminderMeeting | null> {
      const row = await db.meeting.findUnique({
        where: { id: meetingId },
        include: { cell: { include: { organisation: { select: { locale: true } } } } },
      });
      if (!row) return null;
      return {
        id: row.id,
        cellId: row.cellId,
        cellName: row.cell.name,
        groupChatId: row.cell.active ? toTgIdOrNull(row.cell.chatId) : null,
        organisationLocale: row.cell.organisation.locale,
        kind: row.kind,
        title: row.title,
        state: row.state,
        startsAt: row.startsAt,
        place: row.place,
        onlineLink: row.onlineLink,
        createdByMemberId: row.createdByMemberId,
        createdAt: row.createdAt,
      };
    },

    /** Members to remind privately: active, not exempt, reachable. */
    async reachableMembers(cellId: number): Promise<ReminderRecipient[]> {
      const rows = await db.membership.findMany({
        where: reachableMembership(cellId),
        select: membershipSelect,
        orderBy: { number: "asc" },
      });
      return rows.map(toRecipient).filter((r): r is ReminderRecipient => r !== null);
    },

    /** The secretary and deputies the bot can write to. */
    async reachableManagers(cellId: number): Promise<ReminderRecipient[]> {
      const rows = await db.membership.findMany({
        where: { ...reachableMembership(cellId), status: undefined, role: { in: MANAGER_ROLES } },
        select: membershipSelect,
        orderBy: { number: "asc" },
      });
      return rows.map(toRecipient).filter((r): r is ReminderRecipient => r !== null);
    },

    /** One member of the cell if the bot may still write to them (re-checked at send time). */
    async reachableMember(cellId: number, memberId: number): Promise<ReminderRecipient | null> {
      const row = await db.membership.findFirst({
        where: { memberId, cellId, active: true, member: { erasedAt: null, reachable: true } },
        select: { ...membershipSelect, status: true },
      });
      return row ? toRecipient(row) : null;
    },

    async agendaItems(meetingId: number): Promise<ReminderAgendaItem[]> {
      const rows = await db.agendaItem.findMany({
        where: { meetingId },
        include: { member: { select: { displayName: true, fullName: true } } },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      });
      return rows.map((row) => ({
        id: row.id,
        title: row.title,
        position: row.position,
        ready: row.ready,
        memberId: row.memberId,
        ownerName: row.member ? personName(row.member) : null,
      }));
    },

    /** The member's answer to the meeting, and whether it was given before the meeting was moved. */
    async rsvpOf(meetingId: number, memberId: number): Promise<ReminderRsvp | null> {
      return db.rsvp.findUnique({
        where: { meetingId_memberId: { meetingId, memberId } },
        select: { answer: true, reason: true, beforeMove: true },
      });
    },

    /** Members who said they attend at the meeting's current time (confirmed since any move). */
    async attendingMemberIds(meetingId: number): Promise<Set<number>> {
      const rows = await db.rsvp.findMany({
        where: { meetingId, answer: "attend", beforeMove: false },
        select: { memberId: true },
      });
      return new Set(rows.map((r) => r.memberId));
    },

    /**
     * Members who were told the meeting's time privately or answered it: a private row of the meeting
     * under one of `keyPrefixes` was sent to them, or they have an answer. One query each.
     */
    async toldMemberIds(meetingId: number, keyPrefixes: readonly string[]): Promise<Set<number>> {
      const [sent, answered] = await Promise.all([
        db.scheduledDelivery.findMany({
          where: {
            status: "sent",
            memberId: { not: null },
            OR: keyPrefixes.map((prefix) => ({ key: { startsWith: prefix } })),
          },
          select: { memberId: true },
          distinct: ["memberId"],
        }),
        db.rsvp.findMany({ where: { meetingId }, select: { memberId: true } }),
      ]);
      const ids = new Set<number>();
      for (const row of sent) if (row.memberId !== null) ids.add(row.memberId);
      for (const row of answered) ids.add(row.memberId);
      return ids;
    },
  };
}

export type MeetingReminderRepository = ReturnType<typeof createMeetingReminderRepository>;
