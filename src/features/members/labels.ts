// Roles and statuses in words, in the reader's language ("Phó Bí thư", "dự bị").
import type { BotContext } from "../../bot/context.ts";
import {
  isOneOf,
  membershipRoles,
  membershipStatuses,
  type MembershipRole,
  type MembershipStatus,
} from "../../db/enums.ts";

// The words are in locales/<locale>/common.ftl: every feature that shows a member shows them.
const ROLE_KEYS = {
  secretary: "role-secretary",
  deputy: "role-deputy",
  committee: "role-committee",
  group_leader: "role-group_leader",
  member: "role-member",
} as const satisfies Record<MembershipRole, string>;
const STATUS_KEYS = {
  official: "status-official",
  probationary: "status-probationary",
  exempt: "status-exempt",
} as const satisfies Record<MembershipStatus, string>;

export function roleWord(ctx: BotContext, role: string): string {
  return isOneOf(membershipRoles, role) ? ctx.t(ROLE_KEYS[role]) : role;
}

export function statusWord(ctx: BotContext, status: string): string {
  return isOneOf(membershipStatuses, status) ? ctx.t(STATUS_KEYS[status]) : status;
}
