import { Composer, GrammyError, InlineKeyboard } from "grammy";
import type { Chat } from "grammy/types";
import { ensureAdmin } from "../../bot/auth.ts";
import { adminOrganisation } from "../../bot/cell-access.ts";
import type { BotContext } from "../../bot/context.ts";
import { actorOf, recordAudit } from "../../bot/kit/audit.ts";
import { privateRemindersButton } from "../reach/reach.ts";
import { cellKinds, isOneOf, type CellKind } from "../../db/enums.ts";
import { checkName, parseCellKind, parseChatRef, parseRegisterCell, type NameCheck } from "./names.ts";

const KIND_KEYS = {
  neighbourhood: "cell-kind-neighbourhood",
  school: "cell-kind-school",
  enterprise: "cell-kind-enterprise",
  agency: "cell-kind-agency",
  front: "cell-kind-front",
  other: "cell-kind-other",
} as const satisfies Record<CellKind, string>;

/** A cell's kind in words; a value the database should not hold is shown as it is. */
function kindWord(ctx: BotContext, kind: string): string {
  return isOneOf(cellKinds, kind) ? ctx.t(KIND_KEYS[kind]) : kind;
}

const GROUP_TYPES = new Set(["group", "supergroup"]);

/** Registering the committee chat and the cells; greeting and following groups (PRODUCT §4A). */
export function createSetupFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("my_chat_member", async (ctx) => {
    const { chat, new_chat_member: now, old_chat_member: before } = ctx.myChatMember;
    if (!GROUP_TYPES.has(chat.type)) return;
    const wasIn = isPresent(before.status);
    const isIn = isPresent(now.status);
    if (!wasIn && isIn) await onAddedToGroup(ctx, chat);
    else if (wasIn && !isIn) await onRemovedFromGroup(ctx, chat);
  });

  feature.command("register_cell", async (ctx) => {
    if (!(await ensureAdmin(ctx))) return;
    if (!GROUP_TYPES.has(ctx.chat.type)) {
      await ctx.reply(ctx.t("register-cell-in-group"));
      return;
    }
    const { name: rawName, kind: rawKind } = parseRegisterCell(ctx.match);
    const checked = checkName(rawName);
    if (!checked.ok) {
      await ctx.reply(nameProblem(ctx, checked, "register-cell-usage"));
      return;
    }
    const kind = rawKind === undefined || rawKind === "" ? "neighbourhood" : parseCellKind(rawKind);
    if (!kind) {
      await ctx.reply(ctx.t("register-cell-bad-kind", { given: (rawKind ?? "").slice(0, 40) }));
      return;
    }
    const { repos } = ctx.services;
    const org = await adminOrganisation(ctx);
    if (org.committeeChatId === ctx.chat.id) {
      await ctx.reply(ctx.t("register-cell-is-committee"));
      return;
    }
    const existing = await repos.cells.findByChatId(ctx.chat.id);
    if (existing && existing.organisationId !== org.id) {
      await ctx.reply(ctx.t("register-cell-other-organisation"));
      return;
    }
    const title = "title" in ctx.chat ? (ctx.chat.title ?? null) : null;
    const { cell, created } = await repos.cells.register({
      organisationId: org.id,
      name: checked.name,
      kind,
      chatId: ctx.chat.id,
      chatTitle: title,
    });
    await recordAudit(ctx.services, {
      who: actorOf(ctx),
      what: created ? "cell.register" : "cell.update",
      target: { type: "cell", id: cell.id },
      organisationId: org.id,
      cellId: cell.id,
      from: existing ? { name: existing.name, kind: existing.kind, active: existing.active } : undefined,
      to: { name: cell.name, kind: cell.kind },
    });
    // Members will need private reminders: the post carries the deep link that opens them.
    await ctx.reply(
      ctx.t(created ? "register-cell-done" : "register-cell-updated", {
        cell: cell.name,
        kind: kindWord(ctx, cell.kind),
      }),
      { reply_markup: new InlineKeyboard().add(privateRemindersButton(ctx)) },
    );
  });

  feature.command("register_committee", async (ctx) => {
    if (!(await ensureAdmin(ctx))) return;
    const { repos } = ctx.services;
    const org = await adminOrganisation(ctx);
    let chat: Chat;
    if (GROUP_TYPES.has(ctx.chat.type)) {
      if (await repos.cells.findByChatId(ctx.chat.id)) {
        await ctx.reply(ctx.t("register-committee-is-cell"));
        return;
      }
      chat = ctx.chat;
    } else if (ctx.chat.type === "private") {
      const ref = parseChatRef(ctx.match);
      if (ref === undefined) {
        await ctx.reply(ctx.t("register-committee-usage"));
        return;
      }
      const checked = await checkCommitteeChat(ctx, ref);
      if (!checked) return;
      chat = checked;
    } else {
      return;
    }
    const title = "title" in chat ? (chat.title ?? null) : null;
    await repos.organisations.setCommitteeChat(org.id, chat.id, title);
    await recordAudit(ctx.services, {
      who: actorOf(ctx),
      what: "organisation.committee_chat",
      target: { type: "organisation", id: org.id },
      organisationId: org.id,
      from: { chatId: org.committeeChatId },
      to: { chatId: chat.id },
    });
    const org2 = (await repos.organisations.get(org.id))!;
    if (chat.id !== ctx.chat.id) {
      await ctx.api
        .sendMessage(chat.id, ctx.t("register-committee-hello", { organisation: org2.name }))
        .catch((err: unknown) => ctx.log.warn({ err: String(err) }, "could not greet the committee chat"));
    }
    await ctx.reply(
      ctx.t("register-committee-done", { chat: title ?? String(chat.id), organisation: org2.name }),
    );
  });

  feature.command("org_name", async (ctx) => {
    if (!(await ensureAdmin(ctx))) return;
    const checked = checkName(ctx.match);
    if (!checked.ok) {
      await ctx.reply(nameProblem(ctx, checked, "org-name-usage"));
      return;
    }
    const { repos } = ctx.services;
    const org = await adminOrganisation(ctx);
    await repos.organisations.rename(org.id, checked.name);
    await recordAudit(ctx.services, {
      who: actorOf(ctx),
      what: "organisation.rename",
      target: { type: "organisation", id: org.id },
      organisationId: org.id,
      from: { name: org.name },
      to: { name: checked.name },
    });
    await ctx.reply(ctx.t("org-name-done", { organisation: checked.name }));
  });

  return feature;
}

function isPresent(status: string): boolean {
  return status === "member" || status === "administrator" || status === "creator" || status === "restricted";
}

function nameProblem(ctx: BotContext, checked: Exclude<NameCheck, { ok: true }>, usageKey: string): string {
  if (checked.reason === "empty") return ctx.t(usageKey);
  return ctx.t(checked.reason === "too-long" ? "name-too-long" : "name-no-letters");
}

async function onAddedToGroup(ctx: BotContext, chat: Chat): Promise<void> {
  const { repos } = ctx.services;
  const cell = await repos.cells.findByChatId(chat.id);
  if (cell && !cell.active) {
    await repos.cells.setActive(cell.id, true);
    await recordAudit(ctx.services, {
      who: null,
      what: "cell.reactivate",
      target: { type: "cell", id: cell.id },
      organisationId: cell.organisationId,
      cellId: cell.id,
      ...(ctx.from ? { actorTelegramId: ctx.from.id } : {}),
    });
    await ctx.reply(ctx.t("group-welcome-back", { cell: cell.name }));
    // Its reminders were held while it was paused; those still due go out now, not at the next beat.
    ctx.services.scheduler.wake();
    return;
  }
  if (cell) return;
  await ctx.reply(ctx.t("group-welcome"), {
    reply_markup: new InlineKeyboard().add(privateRemindersButton(ctx)),
  });
}

async function onRemovedFromGroup(ctx: BotContext, chat: Chat): Promise<void> {
  const { repos, translate, config } = ctx.services;
  const cell = await repos.cells.findByChatId(chat.id);
  if (!cell || !cell.active) return;
  await repos.cells.setActive(cell.id, false);
  await recordAudit(ctx.services, {
    who: null,
    what: "cell.deactivate",
    target: { type: "cell", id: cell.id },
    organisationId: cell.organisationId,
    cellId: cell.id,
    to: { reason: "bot removed from the group" },
    ...(ctx.from ? { actorTelegramId: ctx.from.id } : {}),
  });
  ctx.log.info({ cellId: cell.id }, "bot removed from a cell's group: cell marked inactive");
  for (const adminId of await repos.organisations.adminIds(cell.organisationId)) {
    const admin = await repos.members.findByTelegramId(adminId);
    const locale = admin?.locale ?? config.defaultLocale;
    await ctx.api
      .sendMessage(adminId, translate(locale, "cell-removed-admin-notice", { cell: cell.name }))
      .catch((err: unknown) => ctx.log.warn({ adminId, err: String(err) }, "could not tell an admin"));
  }
}

/**
 * A committee chat named from private chat must be a channel or group where the bot can post and
 * where the caller is an administrator. Replies and returns undefined otherwise.
 */
async function checkCommitteeChat(ctx: BotContext, ref: number | string): Promise<Chat | undefined> {
  let chat: Chat;
  try {
    chat = await ctx.api.getChat(ref);
  } catch (err) {
    if (err instanceof GrammyError && err.error_code < 500) {
      await ctx.reply(ctx.t("register-committee-not-found", { chat: String(ref) }));
      return undefined;
    }
    throw err;
  }
  if (chat.type === "private") {
    await ctx.reply(ctx.t("register-committee-usage"));
    return undefined;
  }
  const [botMember, callerMember] = await Promise.all([
    ctx.api.getChatMember(chat.id, ctx.me.id).catch(() => undefined),
    ctx.api.getChatMember(chat.id, ctx.from!.id).catch(() => undefined),
  ]);
  const botCanPost =
    chat.type === "channel"
      ? botMember?.status === "administrator" && botMember.can_post_messages === true
      : botMember !== undefined && isPresent(botMember.status);
  if (!botCanPost) {
    await ctx.reply(ctx.t("register-committee-bot-cannot-post", { chat: displayChat(chat) }));
    return undefined;
  }
  if (callerMember?.status !== "creator" && callerMember?.status !== "administrator") {
    await ctx.reply(ctx.t("register-committee-caller-not-admin", { chat: displayChat(chat) }));
    return undefined;
  }
  return chat;
}

function displayChat(chat: Chat): string {
  return "title" in chat && chat.title ? chat.title : String(chat.id);
}
