// Roles and statuses in words, in the reader's language ("Phó Bí thư", "dự bị").
import type { BotContext } from "../../bot/context.ts";
import { isOneOf, membershipRoles, membershipStatuses } from "../../db/enums.ts";

export function roleWord(ctx: BotContext, role: string): string {
  return isOneOf(membershipRoles, role) ? ctx.t(`role-${role}`) : role;
}

export function statusWord(ctx: BotContext, status: string): string {
  return isOneOf(membershipStatuses, status) ? ctx.t(`status-${status}`) : status;
}
