// Builds a ward directly through the repositories, so that feature tests can start from a known
// state (the setup scenario test builds one through commands instead).
import type { User } from "grammy/types";
import type { CellView } from "../../src/db/repositories/cells.ts";
import type { CellMemberView } from "../../src/db/repositories/memberships.ts";
import { displayNameOf } from "../../src/bot/kit/display-name.ts";
import type { Harness } from "./harness.ts";

export interface SeedMember {
  user: User;
  role?: "secretary" | "deputy" | "committee" | "group_leader" | "member";
  status?: "official" | "probationary" | "exempt";
  /** Opened a private chat with the bot (default true). */
  started?: boolean;
}

export interface SeededCell {
  cell: CellView;
  chatId: number;
  members: Map<number, CellMemberView>;
}

/** Creates a group in the emulator with the bot in it, binds it as a cell of the admin's organisation. */
export async function seedCell(h: Harness, name: string, people: SeedMember[]): Promise<SeededCell> {
  const { repos } = h.app;
  const group = h.emulator.createGroup({ title: name, members: [h.admin, ...people.map((p) => p.user)] });
  h.emulator.addBotToChat(h.botAccount, group.id, { by: h.admin });
  await h.flush();
  const org = await repos.organisations.forAdmin(h.admin.id, {
    name: "Đảng bộ phường Thử nghiệm",
    timeZone: "Asia/Ho_Chi_Minh",
    locale: "vi",
  });
  const { cell } = await repos.cells.register({
    organisationId: org.id,
    name,
    kind: "neighbourhood",
    chatId: group.id,
    chatTitle: name,
  });
  const members = new Map<number, CellMemberView>();
  for (const p of people) {
    if (p.started !== false) {
      h.emulator.startBot(h.botAccount, p.user);
      await h.flush();
    }
    const member = await repos.members.upsertFromTelegram(
      { telegramId: p.user.id, username: p.user.username, displayName: displayNameOf(p.user) },
      p.started !== false,
    );
    const { view } = await repos.memberships.join(member.id, cell.id, {
      role: p.role ?? "member",
      status: p.status ?? "official",
    });
    members.set(p.user.id, view);
  }
  return { cell, chatId: group.id, members };
}

export const REFUSED_MANAGER =
  "Lệnh này chỉ dành cho Bí thư hoặc Phó Bí thư chi bộ. Đồng chí có thể xem việc của mình bằng /me.";
export const REFUSED_MEMBERS =
  "Lệnh này chỉ dành cho đảng viên của chi bộ. Nếu đồng chí muốn tham gia, xin liên hệ Bí thư chi bộ.";

/** Everything a refused membership or party-group command must leave alone. */
export async function membershipSnapshot(h: Harness) {
  const prisma = h.app.database.prisma;
  return {
    memberships: await prisma.membership.findMany({
      orderBy: { id: "asc" },
      select: { id: true, role: true, status: true, partyGroupId: true, active: true },
    }),
    groups: await prisma.partyGroup.findMany({
      orderBy: { id: "asc" },
      select: { id: true, name: true, leaderMemberId: true },
    }),
    audits: await prisma.auditEntry.count(),
  };
}
