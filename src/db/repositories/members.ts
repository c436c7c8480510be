import type { Clock } from "../../clock.ts";
import type { Db } from "../client.ts";
import { toDbId, toTgId } from "../ids.ts";
import { cleanText } from "../../clean-text.ts";

export interface MembershipView {
  cellId: number;
  cellName: string;
  cellActive: boolean;
  role: string;
  status: string;
  partyGroupId: number | null;
  /** The member's number in the cell. */
  number: number;
  partyGroupName: string | null;
}

export interface MemberView {
  id: number;
  telegramId: number | null;
  username: string | null;
  displayName: string;
  fullName: string | null;
  /** The Telegram first name as the person set it (null: not known yet). */
  firstName: string | null;
  locale: string | null;
  reachable: boolean;
  /** When a private send was last refused (they blocked the bot); null: never, or open again since. */
  unreachableAt: Date | null;
  memberships: MembershipView[];
}

export interface TelegramPerson {
  telegramId: number;
  username?: string | undefined;
  displayName: string;
  /** Telegram's first_name field alone (the given name when no full name is known). */
  firstName?: string | undefined;
}

/** Someone an admin can name for export or erasure. */
export interface PersonSummary {
  id: number;
  telegramId: number | null;
  username: string | null;
  displayName: string;
  fullName: string | null;
  /** Names of the organisation's cells they are an active member of. */
  cells: string[];
}

/** What an erasure changed, in counts (no personal data). */
export interface EraseSummary {
  memberships: number;
  responsesAnonymised: number;
  responsesDeleted: number;
  participationsDeleted: number;
  reportsDeleted: number;
  joinRequestsDeleted: number;
}

/** A row of the caller query: the member, and one of their active memberships (or nulls). */
interface CallerRow {
  id: number | bigint;
  username: string | null;
  displayName: string;
  fullName: string | null;
  firstName: string | null;
  locale: string | null;
  /** A boolean on PostgreSQL, 0/1 on SQLite. */
  reachable: boolean | number | bigint;
  /** A Date on PostgreSQL; SQLite's driver may give the stored text or number. */
  unreachableAt: Date | string | number | null;
  cellId: number | bigint | null;
  role: string | null;
  status: string | null;
  partyGroupId: number | bigint | null;
  number: number | bigint | null;
  cellName: string | null;
  cellActive: boolean | number | bigint | null;
  partyGroupName: string | null;
}

/** A raw integer column as a number (drivers give bigint for 64-bit columns). */
function num(value: number | bigint): number {
  return typeof value === "bigint" ? Number(value) : value;
}

/** A raw boolean column: a boolean on PostgreSQL, 0/1 on SQLite. */
function bool(value: boolean | number | bigint): boolean {
  return value === true || Number(value) === 1;
}

/** Dates as ISO strings and BigInt ids as numbers, recursively, so the value can go through JSON. */
function jsonSafe(value: unknown): unknown {
  if (typeof value === "bigint") return toTgId(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  }
  return value;
}

export function createMemberRepository(db: Db, clock: Clock) {
  const include = {
    memberships: {
      where: { active: true },
      include: { cell: { select: { name: true, active: true } }, partyGroup: { select: { name: true } } },
      orderBy: { id: "asc" },
    },
  } as const;

  type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;
  function findRow(id: number) {
    return db.member.findUnique({ where: { id }, include });
  }
  function toView(row: Row): MemberView {
    return {
      id: row.id,
      telegramId: row.telegramId === null ? null : toTgId(row.telegramId),
      username: row.username,
      displayName: row.displayName,
      fullName: row.fullName,
      firstName: row.firstName,
      locale: row.locale,
      reachable: row.reachable,
      unreachableAt: row.unreachableAt,
      memberships: row.memberships.map((m) => ({
        cellId: m.cellId,
        cellName: m.cell.name,
        cellActive: m.cell.active,
        role: m.role,
        status: m.status,
        partyGroupId: m.partyGroupId,
        number: m.number,
        partyGroupName: m.partyGroup?.name ?? null,
      })),
    };
  }

  return {
    /**
     * The person with their active memberships, in one statement (every update resolves its caller
     * with it, so the query builder's one statement per relation was measured to matter: 3 → 1).
     */
    async findByTelegramId(telegramId: number): Promise<MemberView | null> {
      const rows = await db.$queryRaw<CallerRow[]>`
        SELECT m."id" AS "id", m."username" AS "username", m."displayName" AS "displayName",
               m."fullName" AS "fullName", m."firstName" AS "firstName", m."locale" AS "locale", m."reachable" AS "reachable",
               m."unreachableAt" AS "unreachableAt", s."cellId" AS "cellId", s."role" AS "role", s."status" AS "status",
               s."partyGroupId" AS "partyGroupId", s."number" AS "number",
               c."name" AS "cellName", c."active" AS "cellActive", g."name" AS "partyGroupName"
        FROM "Member" m
        LEFT JOIN "Membership" s ON s."memberId" = m."id" AND s."active" = TRUE
        LEFT JOIN "Cell" c ON c."id" = s."cellId"
        LEFT JOIN "PartyGroup" g ON g."id" = s."partyGroupId"
        WHERE m."telegramId" = ${toDbId(telegramId)} AND m."erasedAt" IS NULL
        ORDER BY s."id"`;
      const first = rows[0];
      if (!first) return null;
      return {
        id: num(first.id),
        telegramId,
        username: first.username,
        displayName: first.displayName,
        fullName: first.fullName,
        firstName: first.firstName,
        locale: first.locale,
        reachable: bool(first.reachable),
        unreachableAt: first.unreachableAt === null ? null : new Date(first.unreachableAt),
        memberships: rows.flatMap((r) =>
          r.cellId === null
            ? []
            : [
                {
                  cellId: num(r.cellId),
                  cellName: r.cellName ?? "",
                  cellActive: bool(r.cellActive ?? false),
                  role: r.role ?? "member",
                  status: r.status ?? "official",
                  partyGroupId: r.partyGroupId === null ? null : num(r.partyGroupId),
                  number: num(r.number ?? 0),
                  partyGroupName: r.partyGroupName,
                },
              ],
        ),
      };
    },

    /** Creates or refreshes the person's record; `reachable` is set only when given. */
    async upsertFromTelegram(person: TelegramPerson, reachable?: boolean): Promise<MemberView> {
      const now = clock.now();
      const data = {
        username: person.username ?? null,
        displayName: cleanText(person.displayName) || person.username || String(person.telegramId),
        ...(person.firstName === undefined ? {} : { firstName: cleanText(person.firstName) || null }),
        updatedAt: now,
        ...(reachable === undefined ? {} : { reachable, unreachableAt: reachable ? null : now }),
      };
      const row = await db.member.upsert({
        where: { telegramId: toDbId(person.telegramId) },
        create: { telegramId: toDbId(person.telegramId), createdAt: now, ...data },
        update: data,
        include,
      });
      return toView(row);
    },

    /**
     * Telegram ids of the people reachable privately who hold one of `roles` in an active
     * membership (the bot sets their own command menu at start-up).
     */
    async reachableTelegramIdsWithRoles(roles: readonly string[]): Promise<number[]> {
      const rows = await db.member.findMany({
        where: {
          telegramId: { not: null },
          reachable: true,
          erasedAt: null,
          memberships: { some: { active: true, role: { in: [...roles] } } },
        },
        select: { telegramId: true },
      });
      return rows.flatMap((row) => (row.telegramId === null ? [] : [toTgId(row.telegramId)]));
    },

    /**
     * The member's full name in Vietnamese order (typed in /me → "Sửa họ tên"); the caller has
     * checked it (not empty, not too long). Shown instead of the Telegram name from now on.
     */
    async setFullName(memberId: number, fullName: string): Promise<void> {
      await db.member.update({ where: { id: memberId }, data: { fullName, updatedAt: clock.now() } });
    },

    /** Remembers the person's Telegram first name (their given name while no full name is known). */
    async setFirstName(memberId: number, firstName: string): Promise<void> {
      const cleaned = cleanText(firstName);
      if (cleaned === "") return;
      await db.member.update({
        where: { id: memberId },
        data: { firstName: cleaned, updatedAt: clock.now() },
      });
    },

    async setLocale(memberId: number, locale: string): Promise<void> {
      await db.member.update({ where: { id: memberId }, data: { locale, updatedAt: clock.now() } });
    },

    /** Called when Telegram answers 403 for a private send. */
    async markUnreachable(telegramId: number, at: Date): Promise<number> {
      const result = await db.member.updateMany({
        where: { telegramId: toDbId(telegramId), reachable: true },
        data: { reachable: false, unreachableAt: at, updatedAt: clock.now() },
      });
      return result.count;
    },

    async findById(id: number): Promise<MemberView | null> {
      const row = await findRow(id);
      return row ? toView(row) : null;
    },

    // ---- Member data (export and erase) and reachability: added for the member-data and reach features.

    /**
     * People an admin of the organisation may export or erase, not yet erased: members with a
     * membership (current or past) in one of its cells, and people who belong to no cell at all.
     * Give one of telegramId, username (case-insensitive, without @), memberId; or nothing for all.
     */
    async findPeople(
      organisationId: number,
      query: { telegramId?: number; username?: string; memberId?: number },
    ): Promise<PersonSummary[]> {
      const rows = await db.member.findMany({
        where: {
          erasedAt: null,
          OR: [{ memberships: { some: { cell: { organisationId } } } }, { memberships: { none: {} } }],
          ...(query.telegramId !== undefined ? { telegramId: toDbId(query.telegramId) } : {}),
          ...(query.memberId !== undefined ? { id: query.memberId } : {}),
          ...(query.username !== undefined ? { username: { not: null } } : {}),
        },
        include: {
          memberships: {
            where: { active: true, cell: { organisationId } },
            select: { cell: { select: { name: true } } },
          },
        },
        orderBy: { id: "asc" },
      });
      const wanted = query.username?.toLowerCase();
      return rows
        .filter((r) => wanted === undefined || r.username?.toLowerCase() === wanted)
        .map((r) => ({
          id: r.id,
          telegramId: r.telegramId === null ? null : toTgId(r.telegramId),
          username: r.username,
          displayName: r.displayName,
          fullName: r.fullName,
          cells: r.memberships.map((m) => m.cell.name),
        }));
    },

    /** Everything stored about one person, as JSON-safe data (numbers for ids, ISO strings for times). */
    async exportData(memberId: number): Promise<Record<string, unknown> | null> {
      const meeting = {
        select: { id: true, cellId: true, kind: true, title: true, startsAt: true },
      } as const;
      const prompt = {
        select: { id: true, cellId: true, kind: true, title: true, anonymous: true },
      } as const;
      const row = await db.member.findUnique({
        where: { id: memberId },
        include: {
          homeCell: { select: { id: true, name: true } },
          memberships: {
            include: { cell: { select: { name: true } }, partyGroup: { select: { name: true } } },
            orderBy: { id: "asc" },
          },
          ledGroups: { select: { id: true, cellId: true, name: true } },
          rsvps: { include: { meeting }, orderBy: { id: "asc" } },
          attendances: { include: { meeting }, orderBy: { id: "asc" } },
          agendaItems: { include: { meeting }, orderBy: { id: "asc" } },
          assignedTasks: {
            select: { id: true, cellId: true, title: true, dueAt: true, state: true, createdAt: true },
            orderBy: { id: "asc" },
          },
          assignments: {
            include: {
              task: { select: { id: true, cellId: true, title: true, details: true, dueAt: true } },
              reports: { orderBy: { id: "asc" } },
              evaluation: true,
            },
            orderBy: { id: "asc" },
          },
          evaluations: {
            select: { id: true, assignmentId: true, grade: true, comment: true, createdAt: true },
            orderBy: { id: "asc" },
          },
          responses: {
            include: { prompt, question: { select: { id: true, kind: true, text: true, options: true } } },
            orderBy: { answeredOn: "asc" },
          },
          participations: { include: { prompt } },
          promptTargets: { select: { promptId: true } },
        },
      });
      if (!row) return null;
      const { claimToken, ...member } = row;
      const membershipIds = row.memberships.map((m) => String(m.id));
      const joinRequests =
        row.telegramId === null
          ? []
          : await db.joinRequest.findMany({ where: { telegramId: row.telegramId }, orderBy: { id: "asc" } });
      const audit = await db.auditEntry.findMany({
        where: {
          OR: [
            { targetType: "member", targetId: String(memberId) },
            { targetType: "membership", targetId: { in: membershipIds } },
            { targetType: "join_request", targetId: { in: joinRequests.map((j) => String(j.id)) } },
            { actorMemberId: memberId },
            ...(row.telegramId === null ? [] : [{ actorTgId: row.telegramId }]),
          ],
        },
        orderBy: { id: "asc" },
      });
      const deliveries = await db.scheduledDelivery.findMany({
        where: {
          OR: [{ memberId }, ...(row.telegramId === null ? [] : [{ chatId: row.telegramId }])],
        },
        select: { key: true, kind: true, dueAt: true, status: true, sentAt: true, payload: true },
        orderBy: { id: "asc" },
      });
      const chatPreference =
        row.telegramId === null
          ? null
          : await db.chatPreference.findUnique({ where: { chatId: row.telegramId } });
      const {
        memberships,
        ledGroups,
        rsvps,
        attendances,
        agendaItems,
        assignedTasks,
        assignments,
        evaluations,
        responses,
        participations,
        promptTargets,
        ...person
      } = member;
      return jsonSafe({
        member: { ...person, hasClaimLink: claimToken !== null },
        memberships,
        ledPartyGroups: ledGroups,
        joinRequests,
        rsvps,
        attendance: attendances,
        agendaItems,
        tasksAssignedByThem: assignedTasks,
        taskAssignments: assignments,
        evaluationsGivenByThem: evaluations,
        namedResponses: responses,
        // Only that they answered: anonymous answers are stored without any link to them.
        participations: participations.map((p) => ({ prompt: p.prompt })),
        promptsAddressedToThem: promptTargets.map((p) => p.promptId),
        privateChatLanguage: chatPreference?.locale ?? null,
        scheduledDeliveries: deliveries,
        auditEntries: audit,
      }) as Record<string, unknown>;
    },

    /**
     * Erases a person in one transaction. Kept, without anything that identifies them: the member row
     * as a shell ("erased" label, no names, no Telegram id) so that historical attendance, RSVP and
     * task-completion rates stay right; their choice and rating answers, unlinked from them. Deleted:
     * free-text and voice answers, participation records, task progress reports, join requests,
     * the private chat's language. Cleared: reasons they wrote, comments about them, their party
     * group leadership, agenda assignments, private deliveries (pending ones are cancelled).
     * Memberships are deactivated. The audit entry records counts only.
     */
    async erase(
      memberId: number,
      opts: {
        at: Date;
        label: string;
        actorTelegramId: number;
        actorMemberId?: number;
        organisationId?: number;
      },
    ): Promise<EraseSummary | null> {
      const updatedAt = clock.now();
      return db.$transaction(async (tx) => {
        const row = await tx.member.findUnique({ where: { id: memberId } });
        if (!row || row.erasedAt) return null;
        const tg = row.telegramId;
        const open = { in: ["pending", "claimed"] };

        const memberships = await tx.membership.updateMany({
          where: { memberId, active: true },
          data: { active: false, leftAt: opts.at },
        });
        await tx.partyGroup.updateMany({
          where: { leaderMemberId: memberId },
          data: { leaderMemberId: null },
        });
        await tx.agendaItem.updateMany({ where: { memberId }, data: { memberId: null } });
        await tx.rsvp.updateMany({ where: { memberId }, data: { reasonText: null, updatedAt } });
        await tx.attendance.updateMany({ where: { memberId }, data: { reason: null, updatedAt } });
        await tx.attendance.updateMany({
          where: { recordedByMemberId: memberId },
          data: { recordedByMemberId: null, updatedAt },
        });
        await tx.meeting.updateMany({
          where: { createdByMemberId: memberId },
          data: { createdByMemberId: null, updatedAt },
        });
        await tx.prompt.updateMany({
          where: { createdByMemberId: memberId },
          data: { createdByMemberId: null },
        });
        await tx.task.updateMany({
          where: { assignerMemberId: memberId },
          data: { assignerMemberId: null, updatedAt },
        });
        await tx.taskAssignment.updateMany({ where: { memberId }, data: { declineReason: null, updatedAt } });
        const reports = await tx.taskReport.deleteMany({ where: { assignment: { memberId } } });
        await tx.taskEvaluation.updateMany({
          where: { assignment: { memberId } },
          data: { comment: null, updatedAt },
        });
        await tx.taskEvaluation.updateMany({
          where: { evaluatorMemberId: memberId },
          data: { evaluatorMemberId: null, updatedAt },
        });

        // Answers: free text and voice go; a choice or rating stays, unlinked and dated by day only.
        const textOnly = await tx.response.deleteMany({ where: { memberId, choice: null, rating: null } });
        const kept = await tx.response.findMany({
          where: { memberId },
          select: { id: true, answeredOn: true },
        });
        for (const r of kept) {
          const day = new Date(r.answeredOn);
          day.setUTCHours(0, 0, 0, 0);
          await tx.response.update({
            where: { id: r.id },
            data: { memberId: null, text: null, voiceFileId: null, answeredOn: day },
          });
        }
        const participations = await tx.participation.deleteMany({ where: { memberId } });
        await tx.promptTarget.deleteMany({ where: { memberId } });

        await tx.scheduledDelivery.updateMany({
          where: { memberId, status: open },
          data: { status: "cancelled", updatedAt },
        });
        await tx.scheduledDelivery.updateMany({
          where: { memberId },
          data: { memberId: null, payload: "{}", updatedAt },
        });
        let joinRequests = 0;
        if (tg !== null) {
          await tx.scheduledDelivery.updateMany({
            where: { chatId: tg, status: open },
            data: { status: "cancelled", updatedAt },
          });
          await tx.scheduledDelivery.updateMany({
            where: { chatId: tg },
            data: { chatId: null, payload: "{}", updatedAt },
          });
          // Which messages went to their private chat, and when, is about them too.
          await tx.deliveryMessage.deleteMany({ where: { chatId: tg } });
          joinRequests = (await tx.joinRequest.deleteMany({ where: { telegramId: tg } })).count;
          await tx.joinRequest.updateMany({ where: { decidedByTgId: tg }, data: { decidedByTgId: null } });
          await tx.chatPreference.deleteMany({ where: { chatId: tg } });
          await tx.admin.updateMany({ where: { addedByTgId: tg }, data: { addedByTgId: null } });
          await tx.auditEntry.updateMany({ where: { actorTgId: tg }, data: { actorTgId: null } });
        }

        await tx.member.update({
          where: { id: memberId },
          data: {
            displayName: opts.label,
            fullName: null,
            username: null,
            telegramId: null,
            claimToken: null,
            locale: null,
            reachable: false,
            unreachableAt: null,
            homeCellId: null,
            erasedAt: opts.at,
            updatedAt,
          },
        });
        const summary: EraseSummary = {
          memberships: memberships.count,
          responsesAnonymised: kept.length,
          responsesDeleted: textOnly.count,
          participationsDeleted: participations.count,
          reportsDeleted: reports.count,
          joinRequestsDeleted: joinRequests,
        };
        await tx.auditEntry.create({
          data: {
            action: "member.erase",
            targetType: "member",
            targetId: String(memberId),
            actorTgId: toDbId(opts.actorTelegramId),
            actorMemberId: opts.actorMemberId ?? null,
            organisationId: opts.organisationId ?? null,
            after: JSON.stringify({ erasedAt: opts.at.toISOString(), ...summary }),
            createdAt: updatedAt,
          },
        });
        return summary;
      });
    },

    /** Active members of a cell the bot cannot message privately (they never opened a chat, or blocked it). */
    async countUnreachableInCell(cellId: number): Promise<number> {
      return db.membership.count({
        where: { cellId, active: true, member: { erasedAt: null, reachable: false } },
      });
    },
  };
}

export type MemberRepository = ReturnType<typeof createMemberRepository>;
