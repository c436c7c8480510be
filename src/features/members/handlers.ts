import { Composer, InlineKeyboard } from "grammy";
import { hasPower, isAdminOfOrganisation, resolveCommandCell, roleInCell } from "../../bot/cell-access.ts";
import type { BotContext } from "../../bot/context.ts";
import { actorOf } from "../../bot/kit/audit.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { CellMemberView } from "../../db/repositories/memberships.ts";
import { changeRole, changeStatus, clearLeadership } from "./changes.ts";
import { roleWord, statusWord } from "./labels.ts";
import { clip } from "../../bot/kit/clip.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { memberName, resolveMemberRef } from "./member-ref.ts";
import { splitRole, splitStatus, unrecognisedWord } from "./role-words.ts";
import { ownT } from "../../bot/kit/own-language.ts";

export const MEMBERS_PAGE_SIZE = 20;

/** /role, /status and /members (with its paging buttons). */
export function createMembersFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("role", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "manager");
    if (!cell) return;
    const text = ctx.match.trim();
    const split = text === "" ? null : splitRole(text);
    if (!split) {
      const given = unrecognisedWord(text);
      await ctx.reply(
        given === "" ? ctx.t("setrole-usage") : ctx.t("setrole-unknown-word", { given: clip(given, 64) }),
      );
      return;
    }
    const target = await resolveMemberRef(ctx, cell.id, split.rest);
    if (!target) return;
    await applyRole(ctx, cell, target, split.value);
  });

  feature.command("status", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "manager");
    if (!cell) return;
    const text = ctx.match.trim();
    const split = text === "" ? null : splitStatus(text);
    if (!split) {
      const given = unrecognisedWord(text);
      await ctx.reply(
        given === "" ? ctx.t("setstatus-usage") : ctx.t("setstatus-unknown-word", { given: clip(given, 64) }),
      );
      return;
    }
    const target = await resolveMemberRef(ctx, cell.id, split.rest);
    if (!target) return;
    const vars = { name: memberName(target), number: target.number, status: statusWord(ctx, split.value) };
    if (target.status === split.value) {
      await ctx.reply(ctx.t("setstatus-same", vars));
      return;
    }
    if (!(await changeStatus(ctx.services, cell, target, split.value, actorOf(ctx)))) {
      await ctx.reply(ctx.t("member-changed-meanwhile"));
      return;
    }
    await ctx.reply(ctx.t("setstatus-done", { ...vars, before: statusWord(ctx, target.status) }));
  });

  feature.command("members", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "member");
    if (!cell) return;
    const page = /^\d{1,4}$/.test(ctx.match.trim()) ? Number(ctx.match.trim()) : 1;
    const view = await renderMembersPage(ctx, cell, page);
    await ctx.reply(view.text, view.keyboard ? { reply_markup: view.keyboard } : {});
  });

  feature.callbackQuery(/^mem:(\d{1,9}):(\d{1,4})$/, async (ctx) => {
    const { repos } = ctx.services;
    const cell = await repos.cells.get(Number(ctx.match[1]));
    const chat = ctx.chat;
    // The list of a cell is only ever shown in its own group or in a private chat.
    if (!cell || !cell.active || !chat || (chat.type !== "private" && chat.id !== cell.chatId)) {
      await ctx.answerCallbackQuery({ text: ownT(ctx)("button-expired") });
      return;
    }
    if (!(await hasPower(ctx, cell, "member"))) {
      ctx.log.info({ from: ctx.from.id, cellId: cell.id }, "refused: members page for a non-member");
      await ctx.answerCallbackQuery({ text: ownT(ctx)("button-not-for-you"), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    const view = await renderMembersPage(ctx, cell, Number(ctx.match[2]));
    // A page the presser asked for: sent anew when the press did not come from the list's own message.
    await editPressed(ctx, view.text, view.keyboard ? { reply_markup: view.keyboard } : {}, {
      otherwise: "send",
    });
  });

  return feature;
}

/**
 * Changes a member's role, keeping a cell's secretary safe: only the secretary or an admin appoints
 * or changes a secretary, and only an admin may leave the cell without one.
 */
async function applyRole(ctx: BotContext, cell: CellView, target: CellMemberView, to: string): Promise<void> {
  const { repos } = ctx.services;
  const vars = { name: memberName(target), number: target.number, role: roleWord(ctx, to) };
  if (target.role === to) {
    await ctx.reply(ctx.t("setrole-same", vars));
    return;
  }
  const byAdmin = await isAdminOfOrganisation(ctx, cell.organisationId);
  const bySecretary = roleInCell(ctx.caller, cell.id) === "secretary";
  if ((target.role === "secretary" || to === "secretary") && !bySecretary && !byAdmin) {
    ctx.log.info({ from: ctx.from?.id, cellId: cell.id }, "refused: secretary role by a non-secretary");
    await ctx.reply(ctx.t("setrole-secretary-guard"));
    return;
  }
  if (
    target.role === "secretary" &&
    !byAdmin &&
    (await repos.memberships.countWithRole(cell.id, "secretary")) <= 1
  ) {
    await ctx.reply(ctx.t("setrole-last-secretary", { name: vars.name }));
    return;
  }
  if (!(await changeRole(ctx.services, cell, target, to, actorOf(ctx)))) {
    await ctx.reply(ctx.t("member-changed-meanwhile"));
    return;
  }
  const lines = [ctx.t("setrole-done", { ...vars, before: roleWord(ctx, target.role) })];
  if (target.role === "group_leader" && to === "member") {
    const groups = await clearLeadership(ctx.services, cell, target.memberId, actorOf(ctx));
    if (groups.length > 0) {
      lines.push(ctx.t("setrole-leadership-cleared", { name: vars.name, groups: groups.join(", ") }));
    }
  }
  if (target.role === "secretary" || to === "secretary") {
    const secretaries = await repos.memberships.countWithRole(cell.id, "secretary");
    if (secretaries === 0) lines.push(ctx.t("setrole-no-secretary"));
    if (secretaries > 1) lines.push(ctx.t("setrole-several-secretaries", { count: secretaries }));
  }
  await ctx.reply(lines.join("\n"));
}

/** One page of /members: text and the ◀ ▶ buttons (none when everything fits on one page). */
export async function renderMembersPage(
  ctx: BotContext,
  cell: CellView,
  requestedPage: number,
): Promise<{ text: string; keyboard: InlineKeyboard | undefined }> {
  const { memberships } = ctx.services.repos;
  let page = Math.max(1, requestedPage);
  let result = await memberships.pageActive(cell.id, (page - 1) * MEMBERS_PAGE_SIZE, MEMBERS_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(result.total / MEMBERS_PAGE_SIZE));
  if (page > pages) {
    page = pages;
    result = await memberships.pageActive(cell.id, (page - 1) * MEMBERS_PAGE_SIZE, MEMBERS_PAGE_SIZE);
  }
  if (result.total === 0) return { text: ctx.t("members-empty", { cell: cell.name }), keyboard: undefined };

  const lines = [ctx.t("members-header", { cell: clip(cell.name, 64), count: result.total })];
  if (pages > 1) lines.push(ctx.t("members-page", { page, pages }));
  lines.push("");
  for (const m of result.rows) {
    const details = [roleWord(ctx, m.role), statusWord(ctx, m.status)];
    if (m.partyGroupName) details.push(clip(m.partyGroupName, 32));
    lines.push(
      ctx.t("members-line", {
        mark: m.reachable ? "🔔" : "🔕",
        number: m.number,
        name: memberName(m, 48) + (m.username ? ` (@${m.username})` : ""),
        details: details.join(", "),
      }),
    );
  }
  lines.push("");
  lines.push(
    result.unreachable > 0
      ? ctx.t("members-unreachable", { count: result.unreachable })
      : ctx.t("members-all-reachable"),
  );

  let keyboard: InlineKeyboard | undefined;
  if (pages > 1) {
    keyboard = new InlineKeyboard();
    if (page > 1) keyboard.text(ctx.t("members-page-prev"), `mem:${cell.id}:${page - 1}`);
    if (page < pages) keyboard.text(ctx.t("members-page-next"), `mem:${cell.id}:${page + 1}`);
  }
  return { text: clip(lines.join("\n"), 4096), keyboard };
}
