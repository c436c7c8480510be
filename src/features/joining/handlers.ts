import { Composer, InlineKeyboard } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { BotContext } from "../../bot/context.ts";
import { isCellManager, resolveCommandCell } from "../../bot/cell-access.ts";
import { actorOf, recordAudit } from "../../bot/kit/audit.ts";
import { CALLBACK_ANSWER_MAX, clip } from "../../bot/kit/clip.ts";
import { displayNameOf, givenName, personName, telegramPersonOf } from "../../bot/kit/display-name.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { sendPrivately } from "../../bot/kit/send-privately.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { JoinRequestView } from "../../db/repositories/join-requests.ts";
import type { TelegramPerson } from "../../db/repositories/members.ts";
import { isLocale } from "../../i18n.ts";
import { roleWord } from "../members/labels.ts";
import { errorForLog } from "../../scheduler/telegram-errors.ts";
import {
  decisionButtonData,
  deepLink,
  describePerson,
  joinButtonData,
  joinPayload,
  parseDecisionButtonData,
  parseJoinButtonData,
  parseStartPayload,
} from "./links.ts";
import { nameKey } from "../../clean-text.ts";
import { ownT } from "../../bot/kit/own-language.ts";

/**
 * Joining a cell: /invite, the join button and deep link, the secretary's one-tap approval, and the
 * personal claim links of imported roster members (`/start c_<token>`).
 */
export function createJoiningFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  // Must run before the everyday /start: other payloads (and /start in groups) are passed on.
  feature.command("start", async (ctx, next) => {
    if (ctx.chat.type !== "private") return next();
    const payload = parseStartPayload(ctx.match);
    if (!payload) return next();
    if (payload.kind === "invalid") {
      await ctx.reply(ctx.t(payload.link === "join" ? "join-link-invalid" : "claim-invalid"));
      return;
    }
    if (payload.kind === "join") {
      await requestToJoin(ctx, payload.cellId, "link");
      return;
    }
    await claimImportedMember(ctx, payload.token);
  });

  feature.command("invite", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "manager");
    if (!cell) return;
    const link = deepLink(ctx.me.username, joinPayload(cell.id));
    if (ctx.chat.type === "private") {
      await ctx.reply(ctx.t("invite-private", { cell: cell.name, link }), {
        reply_markup: new InlineKeyboard().url(ctx.t("invite-button-link"), link),
        link_preview_options: { is_disabled: true },
      });
      return;
    }
    await ctx.reply(ctx.t("invite-group", { cell: cell.name }), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("invite-button-join"), joinButtonData(cell.id))
        .row()
        .url(ctx.t("invite-button-link"), link),
    });
  });

  feature.callbackQuery(/^join:/, async (ctx) => {
    const cellId = parseJoinButtonData(ctx.callbackQuery.data);
    if (cellId === null) {
      await ctx.answerCallbackQuery({ text: ownT(ctx)("button-expired") });
      return;
    }
    await requestToJoin(ctx, cellId, "button");
  });

  feature.callbackQuery(/^jr:/, async (ctx) => {
    const parsed = parseDecisionButtonData(ctx.callbackQuery.data);
    if (!parsed) {
      await ctx.answerCallbackQuery({ text: ownT(ctx)("button-expired") });
      return;
    }
    await decide(ctx, parsed.requestId, parsed.decision);
  });

  return feature;
}

// ---------------------------------------------------------------------------------------------
// Asking to join

async function requestToJoin(ctx: BotContext, cellId: number, via: "link" | "button"): Promise<void> {
  const { repos } = ctx.services;
  const from = ctx.from!;
  // Pressed in the group, the alert is for the presser alone: in their own language.
  const t = ownT(ctx);
  const tell = async (text: string) => {
    if (via === "link") await ctx.reply(text);
    else await ctx.answerCallbackQuery({ text: clip(text, CALLBACK_ANSWER_MAX), show_alert: true });
  };

  const cell = await repos.cells.get(cellId);
  if (!cell) {
    await tell(t("join-link-invalid"));
    return;
  }
  if (!cell.active) {
    await tell(t("join-cell-inactive", { cell: cell.name }));
    return;
  }
  if (await repos.memberships.findByTelegramId(cell.id, from.id)) {
    await tell(t("join-already-member", { cell: cell.name }));
    return;
  }
  const person: TelegramPerson = {
    telegramId: from.id,
    username: from.username,
    displayName: displayNameOf(from),
  };
  const { request, created } = await repos.joinRequests.openPending(cell.id, person);
  if (!created) {
    await tell(t("join-already-pending", { cell: cell.name }));
    return;
  }
  ctx.log.info({ requestId: request.id, cellId: cell.id, via }, "join request opened");
  const sent = t("join-request-sent", { cell: cell.name });
  if (via === "link") {
    await ctx.reply(sent);
  } else {
    await ctx.answerCallbackQuery({ text: clip(sent, CALLBACK_ANSWER_MAX), show_alert: true });
    if (ctx.caller?.member?.reachable) {
      const locale = await localeOf(ctx, from.id, await organisationLocale(ctx, cell));
      await sendPrivately(
        ctx.services,
        ctx.api,
        from.id,
        ctx.services.translate(locale, "join-request-sent", { cell: cell.name }),
      );
    }
  }
  await askManagers(ctx, cell, request);
}

/** Sends the request to the cell's secretaries and deputies; to the admins when none can be reached. */
async function askManagers(ctx: BotContext, cell: CellView, request: JoinRequestView): Promise<void> {
  const { repos, translate } = ctx.services;
  const fallback = await organisationLocale(ctx, cell);
  const lookalike = await sameNamedMember(ctx, cell, request);
  // The requester pressed the join button: a full name the bot already knows is shown (issue 9
  // item 10), else Telegram's name.
  const requester = ctx.caller?.member;
  const shown =
    requester && ctx.from?.id === request.telegramId ? personName(requester) : request.displayName;
  const send = async (telegramId: number) => {
    const locale = await localeOf(ctx, telegramId, fallback);
    let text = translate(locale, "join-request-to-manager", {
      cell: cell.name,
      name: describePerson(shown, request.username),
    });
    if (lookalike) text += `\n\n${translate(locale, "join-request-name-matches", lookalike)}`;
    const keyboard = new InlineKeyboard()
      .text(translate(locale, "join-button-approve"), decisionButtonData(request.id, "approve"))
      .text(translate(locale, "join-button-reject"), decisionButtonData(request.id, "reject"));
    const sent = await sendPrivately(
      ctx.services,
      ctx.api,
      telegramId,
      text,
      { reply_markup: keyboard },
      {
        requestId: request.id,
      },
    );
    return sent.status === "sent";
  };
  const managers = await repos.memberships.managerTelegramIds(cell.id);
  let delivered = 0;
  for (const id of managers) if (await send(id)) delivered++;
  if (delivered > 0) return;
  for (const id of await repos.organisations.adminIds(cell.organisationId)) {
    if (!managers.includes(id) && (await send(id))) delivered++;
  }
  if (delivered === 0)
    ctx.log.warn({ requestId: request.id, cellId: cell.id }, "nobody could be asked to approve");
}

/**
 * An active member of the cell whose name reads the same as the requester's once invisible
 * characters, case and diacritics are set aside: someone may be posing as them (a name with a
 * zero-width space looks identical), or it is the same person with a second account.
 */
async function sameNamedMember(
  ctx: BotContext,
  cell: CellView,
  request: JoinRequestView,
): Promise<{ member: string; number: number } | null> {
  const key = nameKey(request.displayName);
  if (key === "") return null;
  const members = await ctx.services.repos.memberships.listActive(cell.id);
  const match = members.find(
    (m) =>
      m.telegramId !== request.telegramId &&
      (nameKey(m.displayName) === key || (m.fullName !== null && nameKey(m.fullName) === key)),
  );
  return match ? { member: match.fullName ?? match.displayName, number: match.number } : null;
}

// ---------------------------------------------------------------------------------------------
// Approving and rejecting

async function decide(ctx: BotContext, requestId: number, decision: "approve" | "reject"): Promise<void> {
  const { repos, clock } = ctx.services;
  const request = await repos.joinRequests.get(requestId);
  const cell = request ? await repos.cells.get(request.cellId) : null;
  if (!request || !cell) {
    await ctx.answerCallbackQuery({ text: ownT(ctx)("button-expired") });
    return;
  }
  // The button's data is never trusted: the presser must manage this cell, checked in the database.
  if (!(await isCellManager(ctx, cell))) {
    ctx.log.info({ from: ctx.from?.id, requestId }, "refused: join decision by a non-manager");
    await ctx.answerCallbackQuery({ text: ownT(ctx)("button-not-for-you"), show_alert: true });
    return;
  }
  if (request.state !== "pending") {
    await answerAlreadyDecided(ctx, cell, request);
    return;
  }
  if (decision === "approve" && !cell.active) {
    await ctx.answerCallbackQuery({
      text: clip(ownT(ctx)("join-cell-inactive", { cell: cell.name }), CALLBACK_ANSWER_MAX),
      show_alert: true,
    });
    return;
  }

  const decider = ctx.from!;
  const deciderName = ctx.caller?.member ? personName(ctx.caller.member) : displayNameOf(decider);
  const audit = {
    who: actorOf(ctx),
    target: { type: "join_request", id: request.id },
    organisationId: cell.organisationId,
    cellId: cell.id,
  };
  const name = describePerson(request.displayName, request.username);

  if (decision === "approve") {
    const result = await repos.joinRequests.approve(request.id, decider.id, clock.now());
    if (result.outcome === "not-found") {
      await ctx.answerCallbackQuery({ text: ownT(ctx)("button-expired") });
      return;
    }
    if (result.outcome === "already-decided") {
      await answerAlreadyDecided(ctx, cell, result.request);
      return;
    }
    await recordAudit(ctx.services, {
      ...audit,
      what: "join.approve",
      from: { state: "pending" },
      to: {
        state: "approved",
        memberId: result.member.id,
        membershipId: result.membership.membershipId,
        joined: result.joined,
      },
    });
    await ctx.answerCallbackQuery({ text: ownT(ctx)("join-approved-toast") });
    await editDecisionMessage(
      ctx,
      ctx.t("join-decided-approved", {
        name: describePerson(personName(result.member), request.username),
        cell: cell.name,
        number: result.membership.number,
        decider: deciderName,
      }),
    );
    const fallback = await organisationLocale(ctx, cell);
    if (result.member.reachable) {
      const locale = await localeOf(ctx, request.telegramId, fallback);
      await sendPrivately(
        ctx.services,
        ctx.api,
        request.telegramId,
        ctx.services.translate(locale, "join-approved-member", { cell: cell.name }),
      );
    }
    await welcomeInGroup(ctx, cell, personName(result.member), result.member.reachable, fallback);
    return;
  }

  const result = await repos.joinRequests.reject(request.id, decider.id, clock.now());
  if (result.outcome === "not-found") {
    await ctx.answerCallbackQuery({ text: ownT(ctx)("button-expired") });
    return;
  }
  if (result.outcome === "already-decided") {
    await answerAlreadyDecided(ctx, cell, result.request);
    return;
  }
  await recordAudit(ctx.services, {
    ...audit,
    what: "join.reject",
    from: { state: "pending" },
    to: { state: "rejected" },
  });
  await ctx.answerCallbackQuery({ text: ownT(ctx)("join-rejected-toast") });
  await editDecisionMessage(
    ctx,
    ctx.t("join-decided-rejected", { name, cell: cell.name, decider: deciderName }),
  );
  // Kindly, and only privately: a refusal is never posted in the group.
  const requester = await repos.members.findByTelegramId(request.telegramId);
  if (requester?.reachable) {
    const locale = isLocale(requester.locale) ? requester.locale : await organisationLocale(ctx, cell);
    await sendPrivately(
      ctx.services,
      ctx.api,
      request.telegramId,
      ctx.services.translate(locale, "join-rejected-member", { cell: cell.name }),
    );
  }
}

async function answerAlreadyDecided(
  ctx: BotContext,
  cell: CellView,
  request: JoinRequestView,
): Promise<void> {
  const deciderId = request.decidedByTelegramId;
  const known = deciderId === null ? null : await ctx.services.repos.members.findByTelegramId(deciderId);
  const decider = known ? personName(known) : deciderId === null ? "?" : String(deciderId);
  const state = request.state === "approved" ? "approved" : "rejected";
  await ctx.answerCallbackQuery({
    text: clip(ownT(ctx)("join-decided-already", { state, decider }), CALLBACK_ANSWER_MAX),
    show_alert: true,
  });
  // The stale buttons go away too.
  const name = describePerson(request.displayName, request.username);
  if (state === "approved") {
    const membership = await ctx.services.repos.memberships.findByTelegramId(cell.id, request.telegramId);
    await editDecisionMessage(
      ctx,
      ctx.t("join-decided-approved", { name, cell: cell.name, number: membership?.number ?? "?", decider }),
    );
  } else {
    await editDecisionMessage(ctx, ctx.t("join-decided-rejected", { name, cell: cell.name, decider }));
  }
}

/** Replaces the approval request (in the manager's private chat) with its outcome, buttons removed. */
async function editDecisionMessage(ctx: BotContext, text: string): Promise<void> {
  if (ctx.chat?.type !== "private") return;
  await editPressed(ctx, text);
}

async function welcomeInGroup(
  ctx: BotContext,
  cell: CellView,
  name: string,
  reachable: boolean,
  fallbackLocale: string,
): Promise<void> {
  if (cell.chatId === null) return;
  const { repos, translate } = ctx.services;
  const chosen = await repos.chats.getLocale(cell.chatId);
  const locale = isLocale(chosen) ? chosen : fallbackLocale;
  const lines = [translate(locale, "join-welcome-group", { name, cell: cell.name })];
  let markup: InlineKeyboardMarkup | undefined;
  if (!reachable) {
    // They cannot be messaged privately until they open the chat: offer the way in.
    lines.push(translate(locale, "join-welcome-group-unreachable", { name }));
    markup = new InlineKeyboard().url(
      translate(locale, "join-button-private-reminders"),
      deepLink(ctx.me.username),
    );
  }
  try {
    await ctx.api.sendMessage(cell.chatId, lines.join("\n"), markup ? { reply_markup: markup } : {});
  } catch (err) {
    ctx.log.warn({ err: errorForLog(err), cellId: cell.id }, "could not post the welcome in the group");
  }
}

// ---------------------------------------------------------------------------------------------
// Claim links of imported members

async function claimImportedMember(ctx: BotContext, token: string): Promise<void> {
  const { repos } = ctx.services;
  const from = ctx.from!;
  const result = await repos.joinRequests.claim(token, telegramPersonOf(from));
  if (result.outcome === "invalid") {
    ctx.log.info({ from: from.id }, "claim link unknown or already used");
    await ctx.reply(ctx.t("claim-invalid"));
    return;
  }
  const member = await repos.members.findById(result.memberId);
  const memberships = member?.memberships.filter((m) => m.cellActive) ?? [];
  const base = {
    who: { telegramId: from.id, memberId: result.memberId },
    what: "member.claim",
    target: { type: "member", id: result.memberId },
    to: { telegramId: from.id, mergedFromMemberId: result.mergedFromId },
  };
  if (memberships.length === 0) await recordAudit(ctx.services, base);
  for (const m of memberships) await recordAudit(ctx.services, { ...base, cellId: m.cellId });
  ctx.log.info({ memberId: result.memberId, merged: result.mergedFromId !== null }, "claim link used");
  // The roster may have named them secretary, deputy or group leader: their menu shows it now.
  await ctx.services.menus.refresh(from.id, { keepIfNone: true });

  // Greeted by their given name: the roster's full name "Nguyễn Văn An" makes "đồng chí An".
  const name = member ? givenName(member) : displayNameOf(from);
  if (memberships.length === 0) {
    await ctx.reply(ctx.t("claim-done-no-cells", { name }));
    return;
  }
  const cells = memberships
    .map((m) => ctx.t("claim-cell-line", { cell: m.cellName, role: roleWord(ctx, m.role) }))
    .join("\n");
  await ctx.reply(ctx.t("claim-done", { name, cells }));
}

// ---------------------------------------------------------------------------------------------
// Helpers

async function organisationLocale(ctx: BotContext, cell: CellView): Promise<string> {
  const org = await ctx.services.repos.organisations.get(cell.organisationId);
  return isLocale(org?.locale) ? org.locale : ctx.services.config.defaultLocale;
}

/** The language a person chose, else the fallback (their organisation's). */
async function localeOf(ctx: BotContext, telegramId: number, fallback: string): Promise<string> {
  const member = await ctx.services.repos.members.findByTelegramId(telegramId);
  return isLocale(member?.locale) ? member.locale : fallback;
}
