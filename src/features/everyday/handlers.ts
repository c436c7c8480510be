import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { displayNameOf, givenName, personName, telegramPersonOf } from "../../bot/kit/display-name.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { ownT } from "../../bot/kit/own-language.ts";
import { dropPendingQuestion } from "../../bot/kit/typed-answer.ts";
import { isCellManager } from "../../bot/cell-access.ts";
import { privateRemindersButton } from "../reach/reach.ts";
import { isLocale, SUPPORTED_LOCALES, type Locale } from "../../i18n.ts";
import { roleWord, statusWord } from "../members/labels.ts";
import { myNextMeetingLines } from "../meetings/me-line.ts";
import { openTaskLines } from "../tasks/manage.ts";
import { loadMeDetails } from "./me.ts";
import { createFullNameFeature, editFullNameKeyboard } from "./full-name.ts";

/** Each language's button of /lang, in its own language. */
const LANG_BUTTON_KEYS = { vi: "lang-button-vi", en: "lang-button-en" } as const satisfies Record<
  Locale,
  string
>;

/** Who /help is written for: the highest role the person holds anywhere. */
type HelpRole = "stranger" | "member" | "group_leader" | "secretary" | "admin";

/** The few most used commands of each role; "Xem thêm" shows the rest (issue 9 item 11). */
const SHORT_HELP_KEYS = {
  stranger: "help-short-stranger",
  member: "help-short-member",
  group_leader: "help-short-leader",
  secretary: "help-short-secretary",
  admin: "help-short-admin",
} as const satisfies Record<HelpRole, string>;

/** "help:more:<telegram id of who asked>": only they unfold their own help. */
const HELP_MORE = /^help:more:(\d{1,15})$/;

function helpRole(ctx: BotContext): HelpRole {
  if (ctx.caller?.isAdmin) return "admin";
  const roles = ctx.caller?.member?.memberships.filter((m) => m.cellActive).map((m) => m.role) ?? [];
  if (roles.some((r) => r === "secretary" || r === "deputy")) return "secretary";
  if (roles.includes("group_leader")) return "group_leader";
  return roles.length > 0 ? "member" : "stranger";
}

/** The whole help of a role: everyone's commands, then each role's block. */
function fullHelp(ctx: BotContext, role: HelpRole): string {
  const parts = [ctx.t("help-header"), ctx.t("help-member")];
  if (role === "member" || role === "group_leader") parts.push(ctx.t("help-cell"));
  if (role === "group_leader") parts.push(ctx.t("help-leader"));
  if (role === "secretary" || role === "admin") parts.push(ctx.t("help-secretary"));
  if (role === "admin") parts.push(ctx.t("help-admin"));
  return parts.join("\n\n");
}

/** /start, /help, /lang, /me — the commands every member has. */
export function createEverydayFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(createFullNameFeature());

  feature.command("start", async (ctx) => {
    if (ctx.chat.type !== "private") {
      await ctx.reply(ctx.t("start-in-group"), {
        reply_markup: new InlineKeyboard().add(privateRemindersButton(ctx)),
      });
      return;
    }
    const name = addressOf(ctx);
    // "Welcome back" only for someone who comes back after blocking the bot (issue 9 item 4): a new
    // member and someone who simply sends /start again get the full welcome, which says what the
    // bot does.
    const returning = ctx.caller?.reopenedPrivateChat === true;
    await ctx.reply(ctx.t(returning ? "start-welcome-back" : "start-welcome", { name }));
  });

  feature.command("help", async (ctx) => {
    const role = helpRole(ctx);
    const text = [ctx.t("help-header"), ctx.t(SHORT_HELP_KEYS[role])].join("\n\n");
    const more = new InlineKeyboard().text(ctx.t("help-button-more"), `help:more:${ctx.from!.id}`);
    await ctx.reply(text, { reply_markup: more });
  });

  feature.callbackQuery(HELP_MORE, async (ctx) => {
    // In a group, someone else's [Xem thêm] would unfold a help written for another role.
    if (Number(ctx.match[1]) !== ctx.from.id) {
      await ctx.answerCallbackQuery({ text: ownT(ctx)("button-not-for-you"), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await editPressed(ctx, fullHelp(ctx, helpRole(ctx)));
  });

  feature.command("lang", async (ctx) => {
    const given = ctx.match.trim().toLowerCase();
    if (!(await mayChangeChatLanguage(ctx))) return;
    if (given === "") {
      const keyboard = new InlineKeyboard();
      for (const locale of SUPPORTED_LOCALES)
        keyboard.text(ctx.t(LANG_BUTTON_KEYS[locale]), `lang:${locale}`);
      await ctx.reply(ctx.t("lang-choose"), { reply_markup: keyboard });
      return;
    }
    if (!isLocale(given)) {
      await ctx.reply(ctx.t("lang-unknown", { given: given.slice(0, 32) }));
      return;
    }
    await applyLocale(ctx, given);
    await ctx.reply(ctx.t("lang-changed"));
  });

  feature.callbackQuery(/^lang:(\w+)$/, async (ctx) => {
    const locale = ctx.match[1];
    if (!isLocale(locale)) {
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
      return;
    }
    if (!(await mayChangeChatLanguage(ctx))) return;
    await applyLocale(ctx, locale);
    await ctx.answerCallbackQuery({ text: ctx.t("lang-changed") });
    await editPressed(ctx, ctx.t("lang-changed"));
  });

  // PRODUCT §4: /cancel drops whatever the person was in the middle of (a question waiting for a
  // typed answer: a reason, a date, a place, an opinion).
  feature.command("cancel", async (ctx) => {
    if (!ctx.from) return;
    const dropped = await dropPendingQuestion(ctx, ctx.from.id);
    await ctx.reply(ownT(ctx)(dropped ? "cancel-done" : "cancel-nothing"));
  });

  feature.command("me", async (ctx) => {
    const member = ctx.caller?.member;
    const lines = [ctx.t("me-header", { name: addressOf(ctx) })];
    // The name others see (issue 9 item 10), and in the private chat a button to correct it.
    const shown = member ? personName(member) : displayNameOf(ctx.from!);
    lines.push(ctx.t(member?.fullName ? "me-full-name" : "me-telegram-name", { name: shown }));
    // Cells with role, status, number and party group, as the caller middleware loaded them.
    const memberships = (member?.memberships ?? [])
      .filter((m) => m.cellActive)
      .sort((a, b) => a.cellName.localeCompare(b.cellName, "vi", { numeric: true }));
    if (ctx.caller?.isAdmin) lines.push(ctx.t("me-admin"));
    for (const m of memberships) {
      lines.push(
        ctx.t("me-cell-detail", {
          cell: m.cellName,
          number: m.number,
          role: roleWord(ctx, m.role),
          status: statusWord(ctx, m.status),
          hasGroup: m.partyGroupName === null ? "no" : "yes",
          group: m.partyGroupName ?? "",
        }),
      );
    }
    if (memberships.length === 0 && !ctx.caller?.isAdmin) lines.push(ctx.t("me-no-cells"));
    lines.push(...(await myNextMeetingLines(ctx)));
    if (member) {
      const details = await loadMeDetails(ctx.services, member.id);
      lines.push(...(await openTaskLines(ctx, details.openTasks)));
    }
    lines.push("");
    lines.push(ctx.t(member?.reachable ? "me-reachable-yes" : "me-reachable-no"));
    lines.push(ctx.t("me-language"));
    const canEdit = ctx.chat.type === "private" && member !== null && member !== undefined;
    await ctx.reply(lines.join("\n"), canEdit ? { reply_markup: editFullNameKeyboard(ctx) } : {});
  });

  return feature;
}

/** How the bot addresses the person writing: their given name ("đồng chí An"). */
function addressOf(ctx: BotContext): string {
  const member = ctx.caller?.member;
  if (member) return givenName(member);
  const from = ctx.from!;
  return givenName({ fullName: null, displayName: displayNameOf(from), firstName: from.first_name });
}

/** In a group, the language is the group's: only admins change it (cell secretaries later too). */
/**
 * Whether the person may set this chat's language: their own private chat, or a group as the
 * committee's admin or the secretary (deputy) of the group's cell. A member is told who can.
 */
async function mayChangeChatLanguage(ctx: BotContext): Promise<boolean> {
  if (ctx.chat?.type === "private" || ctx.caller?.isAdmin) return true;
  const cell = ctx.chat ? await ctx.services.repos.cells.findByChatId(ctx.chat.id) : null;
  if (cell && (await isCellManager(ctx, cell))) return true;
  const text = ownT(ctx)("lang-group-secretary-only");
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else await ctx.reply(text);
  return false;
}

async function applyLocale(ctx: BotContext, locale: Locale): Promise<void> {
  const { repos } = ctx.services;
  const chat = ctx.chat;
  if (!chat) return;
  if (chat.type === "private") {
    const member =
      ctx.caller?.member ?? (await repos.members.upsertFromTelegram(telegramPersonOf(ctx.from!), true));
    await repos.members.setLocale(member.id, locale);
    // A secretary's or admin's own menu is in their language.
    await ctx.services.menus.refresh(ctx.from!.id, { keepIfNone: true });
  } else {
    await repos.chats.setLocale(chat.id, locale);
  }
  ctx.i18n.useLocale(locale);
}
