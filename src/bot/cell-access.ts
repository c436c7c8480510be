// Which cell a command is about, and whether the caller may act on it. Every cell-level command
// goes through here so that the authorisation rules live in one place.
import type { CellView } from "../db/repositories/cells.ts";
import type { BotContext, Caller } from "./context.ts";

export type CellPower = "member" | "group_leader" | "manager";

/** Roles that manage a cell (with the organisation's admins). */
export const MANAGER_ROLES: ReadonlySet<string> = new Set(["secretary", "deputy"]);

/** The caller's role in a cell, or null when they are not an active member of it. */
export function roleInCell(caller: Caller | null, cellId: number): string | null {
  return caller?.member?.memberships.find((m) => m.cellId === cellId)?.role ?? null;
}

/** Admins of the cell's organisation, or the cell's secretary or deputy. */
export async function isCellManager(ctx: BotContext, cell: CellView): Promise<boolean> {
  if (MANAGER_ROLES.has(roleInCell(ctx.caller, cell.id) ?? "")) return true;
  return isAdminOfOrganisation(ctx, cell.organisationId);
}

export async function isAdminOfOrganisation(ctx: BotContext, organisationId: number): Promise<boolean> {
  if (!ctx.caller?.isAdmin) return false;
  const org = await adminOrganisation(ctx);
  return org.id === organisationId;
}

/** The organisation of the calling admin (created on first use). Only call for admins. */
export function adminOrganisation(ctx: BotContext) {
  const { repos, config } = ctx.services;
  return repos.organisations.forAdmin(ctx.caller!.telegramId, {
    name: ctx.t("organisation-default-name"),
    timeZone: config.defaultTimeZone,
    locale: config.defaultLocale,
  });
}

export async function hasPower(ctx: BotContext, cell: CellView, power: CellPower): Promise<boolean> {
  if (await isCellManager(ctx, cell)) return true;
  const role = roleInCell(ctx.caller, cell.id);
  if (power === "group_leader") return role === "group_leader";
  if (power === "member") return role !== null;
  return false;
}

/**
 * The active cells where the caller has the power, for a command written privately: their own cells,
 * or for a committee admin with no cell of their own, every active cell of their organisation.
 */
export async function commandCells(ctx: BotContext, power: CellPower): Promise<CellView[]> {
  const { repos } = ctx.services;
  const candidates: CellView[] = [];
  const ids = ctx.caller?.member?.memberships.filter((m) => m.cellActive).map((m) => m.cellId) ?? [];
  for (const cell of await repos.cells.listByIds(ids)) {
    if (await hasPower(ctx, cell, power)) candidates.push(cell);
  }
  if (ctx.caller?.isAdmin && candidates.length === 0) {
    const org = await adminOrganisation(ctx);
    candidates.push(...(await repos.cells.listByOrganisation(org.id, { activeOnly: true })));
  }
  return candidates;
}

/**
 * The cell a command addresses: in a group, the cell bound to it; in private chat, the one cell
 * where the caller has the power (several: they are asked to use the cell's group). Replies with
 * a localised explanation and returns null when there is none or the caller lacks the power.
 */
export async function resolveCommandCell(ctx: BotContext, power: CellPower): Promise<CellView | null> {
  const chat = ctx.chat;
  if (!chat) return null;
  if (chat.type !== "private") return resolveGroupCell(ctx, chat.id, power);
  const candidates = await commandCells(ctx, power);
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) {
    await refuse(ctx, power);
    return null;
  }
  await ctx.reply(ctx.t("cell-choose-in-group", { cells: candidates.map((c) => `• ${c.name}`).join("\n") }));
  return null;
}

/** The active cell bound to a group chat, if the caller has the power there; replies otherwise. */
export async function resolveGroupCell(
  ctx: BotContext,
  chatId: number,
  power: CellPower,
): Promise<CellView | null> {
  const cell = await groupCell(ctx, chatId);
  if (!cell || !cell.active) {
    await ctx.reply(ctx.t("cell-not-registered"));
    return null;
  }
  if (!(await hasPower(ctx, cell, power))) {
    await refuse(ctx, power);
    return null;
  }
  return cell;
}

/**
 * The cell bound to a group chat, active or paused (null: none), from the hot cache: no statement
 * once the chat is known, and current after any write that changed it.
 */
export async function groupCell(ctx: BotContext, chatId: number): Promise<CellView | null> {
  return (await ctx.services.cache.chat(chatId)).cell;
}

export async function refuse(ctx: BotContext, power: CellPower): Promise<void> {
  const key =
    power === "manager"
      ? "refused-secretary-only"
      : power === "group_leader"
        ? "refused-group-leader-only"
        : "refused-members-only";
  ctx.log.info({ from: ctx.from?.id, power }, "refused: insufficient role");
  await ctx.reply(ctx.t(key));
}
