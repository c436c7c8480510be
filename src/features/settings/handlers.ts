// /settings: a cell's settings (its secretary or deputy, or an admin), or the organisation's
// (an admin, privately). Buttons and typed forms share one path: parse → authorise → apply → audit.
import { Composer } from "grammy";
import {
  adminOrganisation,
  isAdminOfOrganisation,
  isCellManager,
  MANAGER_ROLES,
  refuse,
  resolveGroupCell,
} from "../../bot/cell-access.ts";
import type { BotContext } from "../../bot/context.ts";
import { actorOf, recordAudit } from "../../bot/kit/audit.ts";
import { clip } from "../../bot/kit/clip.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { ownT } from "../../bot/kit/own-language.ts";
import { providerOf } from "../../db/url.ts";
import { rescheduleNextBackup } from "../backups/backup-job.ts";
import { rescheduleDigestPlan } from "../digests/digest-job.ts";
import {
  applyToCell,
  applyToOrganisation,
  effectiveSettings,
  organisationSettings,
  overriddenNames,
  parseSettingCommand,
  parseSettingValue,
  SETTING_NAMES,
  settingValueText,
  type SettingChange,
  type SettingError,
  type SettingName,
  type Settings,
} from "./model.ts";
import {
  renderChange,
  renderSettings,
  SETTINGS_CALLBACK,
  SETTINGS_MENUS,
  type SettingsMenu,
  type SettingsScope,
} from "./view.ts";

type ScopeRef = { kind: "cell" | "org"; id: number };

/** At most this many characters of what the user typed are quoted back. */
const QUOTED_MAX = 32;

const ERROR_KEYS: Record<SettingError, string> = {
  "unknown-key": "settings-error-unknown-key",
  "missing-value": "settings-error-missing-value",
  language: "settings-error-language",
  timezone: "settings-error-timezone",
  quiet: "settings-error-quiet",
  "quiet-same": "settings-error-quiet-same",
  reminders: "settings-error-reminders",
  threshold: "settings-error-threshold",
  review: "settings-error-review",
  digest: "settings-error-digest",
  reason: "settings-error-reason",
  escalate: "settings-error-escalate",
  attendance: "settings-error-attendance",
  reviewrate: "settings-error-reviewrate",
  absentees: "settings-error-absentees",
  names: "settings-error-names",
  backup: "settings-error-backup",
};

export function createSettingsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("settings", async (ctx) => {
    const args = ctx.match.trim();
    const first = args.split(/\s+/)[0] ?? "";
    const wantsOrg = first.toLowerCase() === "org";
    const ref = wantsOrg ? await resolveOrganisationScope(ctx) : await resolveScope(ctx);
    if (!ref) return;
    const changeText = wantsOrg ? args.slice(first.length).trim() : args;
    if (changeText === "") {
      const view = await loadView(ctx, ref, "main");
      if (view) await ctx.reply(view.text, { reply_markup: view.keyboard });
      return;
    }
    const parsed = parseSettingCommand(changeText);
    if (!parsed.ok) {
      // Quote back the part that is wrong: the setting's name, or the value given for it.
      const given =
        parsed.error === "unknown-key" ? changeText.split(/\s/)[0]! : changeText.replace(/^\S+\s*/, "");
      await ctx.reply(ctx.t(ERROR_KEYS[parsed.error], { given: clip(given, QUOTED_MAX) }));
      return;
    }
    const result = await applyChange(ctx, ref, parsed.value);
    if (!result.ok) {
      await ctx.reply(ctx.t(result.errorKey, { name: parsed.value.name }));
      return;
    }
    // Only the changed line, with a button to the whole panel.
    const view = await loadChangeView(
      ctx,
      ref,
      parsed.value.name,
      ctx.t(result.changed ? "settings-saved" : "settings-unchanged"),
    );
    if (view) await ctx.reply(view.text, { reply_markup: view.keyboard });
  });

  feature.callbackQuery(SETTINGS_CALLBACK, async (ctx) => {
    const [, code, idText, name, value] = ctx.match;
    // Toasts and alerts are for the presser alone: in their own language (the panel stays the chat's).
    const own = ownT(ctx);
    const ref: ScopeRef = { kind: code === "c" ? "cell" : "org", id: Number(idText) };
    const may = await mayManage(ctx, ref);
    if (may === "gone") {
      await ctx.answerCallbackQuery({ text: own("button-expired") });
      return;
    }
    if (!may) {
      ctx.log.info({ from: ctx.from.id, ref }, "refused: settings button");
      await ctx.answerCallbackQuery({ text: own("button-not-for-you"), show_alert: true });
      return;
    }
    if (name === "menu") {
      const menu = SETTINGS_MENUS.find((m) => m === value);
      if (!menu || (menu === "digest" && ref.kind === "cell")) {
        await ctx.answerCallbackQuery({ text: own("button-expired") });
        return;
      }
      await ctx.answerCallbackQuery();
      await editView(ctx, ref, menu);
      return;
    }
    const settingName = SETTING_NAMES.find((n) => n === name);
    const parsed = settingName ? parseSettingValue(settingName, value ?? "") : null;
    if (!parsed?.ok) {
      await ctx.answerCallbackQuery({ text: own("button-expired") });
      return;
    }
    const result = await applyChange(ctx, ref, parsed.value);
    if (!result.ok) {
      await ctx.answerCallbackQuery({
        text: own(result.errorKey, { name: parsed.value.name }),
        show_alert: true,
      });
      return;
    }
    await ctx.answerCallbackQuery({ text: own(result.changed ? "settings-saved" : "settings-unchanged") });
    const view = await loadChangeView(
      ctx,
      ref,
      parsed.value.name,
      ctx.t(result.changed ? "settings-saved" : "settings-unchanged"),
    );
    // The setting itself is saved whatever happens to the message.
    if (view) await editPressed(ctx, view.text, { reply_markup: view.keyboard });
  });

  return feature;
}

/**
 * Which settings a plain `/settings` addresses: in a group, its cell (managers only); privately,
 * the one cell the caller manages, else the organisation for an admin who manages no cell.
 */
async function resolveScope(ctx: BotContext): Promise<ScopeRef | null> {
  const chat = ctx.chat;
  if (!chat) return null;
  if (chat.type !== "private") {
    const cell = await resolveGroupCell(ctx, chat.id, "manager");
    return cell ? { kind: "cell", id: cell.id } : null;
  }
  const managed =
    ctx.caller?.member?.memberships.filter((m) => m.cellActive && MANAGER_ROLES.has(m.role)) ?? [];
  if (managed.length === 1) return { kind: "cell", id: managed[0]!.cellId };
  if (managed.length > 1) {
    await ctx.reply(
      ctx.t("cell-choose-in-group", { cells: managed.map((m) => `• ${m.cellName}`).join("\n") }),
    );
    return null;
  }
  if (ctx.caller?.isAdmin) {
    const org = await adminOrganisation(ctx);
    return { kind: "org", id: org.id };
  }
  await refuse(ctx, "manager");
  return null;
}

async function resolveOrganisationScope(ctx: BotContext): Promise<ScopeRef | null> {
  if (!ctx.caller?.isAdmin) {
    ctx.log.info({ from: ctx.from?.id }, "refused: /settings org by a non-admin");
    await ctx.reply(ctx.t("refused-admin-only"));
    return null;
  }
  if (ctx.chat?.type !== "private") {
    await ctx.reply(ctx.t("refused-private-only"));
    return null;
  }
  const org = await adminOrganisation(ctx);
  return { kind: "org", id: org.id };
}

/** Re-checked in the database on every button press: callback data is never trusted. */
async function mayManage(ctx: BotContext, ref: ScopeRef): Promise<boolean | "gone"> {
  if (ref.kind === "org") return isAdminOfOrganisation(ctx, ref.id);
  const cell = await ctx.services.repos.cells.get(ref.id);
  if (!cell) return "gone";
  if (!(await isCellManager(ctx, cell))) return false;
  return cell.active ? true : "gone";
}

interface LoadedState {
  scope: SettingsScope;
  settings: Settings;
  overridden: Set<SettingName>;
}

async function loadState(ctx: BotContext, ref: ScopeRef): Promise<LoadedState | null> {
  const { settings } = ctx.services.repos;
  if (ref.kind === "cell") {
    const found = await settings.cell(ref.id);
    if (!found) return null;
    return {
      scope: { kind: "cell", id: found.cell.id, name: found.cell.name },
      settings: effectiveSettings(found.organisation, found.cell),
      overridden: overriddenNames(found.cell),
    };
  }
  const org = await settings.organisation(ref.id);
  if (!org) return null;
  return {
    scope: { kind: "org", id: org.id, name: org.name },
    settings: organisationSettings(org),
    overridden: new Set(),
  };
}

/** Whether this service makes the daily backups itself (SQLite), so their time is a setting. */
function makesBackups(ctx: BotContext): boolean {
  return providerOf(ctx.services.config.databaseUrl) === "sqlite";
}

async function loadView(ctx: BotContext, ref: ScopeRef, menu: SettingsMenu) {
  const state = await loadState(ctx, ref);
  if (!state) return null;
  return renderSettings((key, vars) => ctx.t(key, vars), { ...state, menu, backups: makesBackups(ctx) });
}

async function loadChangeView(ctx: BotContext, ref: ScopeRef, name: SettingName, notice: string) {
  const state = await loadState(ctx, ref);
  if (!state) return null;
  return renderChange((key, vars) => ctx.t(key, vars), { ...state, name, notice });
}

async function editView(ctx: BotContext, ref: ScopeRef, menu: SettingsMenu): Promise<void> {
  const view = await loadView(ctx, ref, menu);
  if (!view) return;
  await editPressed(ctx, view.text, { reply_markup: view.keyboard });
}

type ApplyResult = { ok: true; changed: boolean } | { ok: false; errorKey: string };

/** Writes one change and audits it with the value before and after. Nothing is written on a refusal. */
async function applyChange(ctx: BotContext, ref: ScopeRef, change: SettingChange): Promise<ApplyResult> {
  const { repos } = ctx.services;
  const name = change.name;

  if (ref.kind === "cell") {
    const found = await repos.settings.cell(ref.id);
    if (!found) return { ok: false, errorKey: "button-expired" };
    const { cell, organisation } = found;
    const next = applyToCell(cell.settings, change);
    if (!next.ok) return { ok: false, errorKey: "settings-error-org-only" };
    if (next.json === cell.settings) return { ok: true, changed: false };
    const before = effectiveSettings(organisation, cell);
    const after = effectiveSettings(organisation, { settings: next.json });
    const wasOverridden = overriddenNames(cell).has(name);
    const isOverridden = !("reset" in change);
    if (wasOverridden === isOverridden && settingValueText(before, name) === settingValueText(after, name)) {
      return { ok: true, changed: false };
    }
    const chatLocale =
      name === "lang" && cell.chatId !== null
        ? { chatId: cell.chatId, locale: isOverridden ? after.language : null }
        : undefined;
    await repos.settings.saveCell(cell.id, next.json, chatLocale);
    await recordAudit(ctx.services, {
      who: actorOf(ctx),
      what: "settings.change",
      target: { type: "cell", id: cell.id },
      organisationId: cell.organisationId,
      cellId: cell.id,
      from: {
        setting: name,
        value: settingValueText(before, name),
        source: wasOverridden ? "cell" : "organisation",
      },
      to: {
        setting: name,
        value: settingValueText(after, name),
        source: isOverridden ? "cell" : "organisation",
      },
    });
    // A language change made in the cell's own group is answered in the new language.
    if (name === "lang" && ctx.chat?.id === cell.chatId) ctx.i18n.useLocale(after.language);
    return { ok: true, changed: true };
  }

  // On PostgreSQL the database server's own tools make the backups; the bot makes none to time.
  if (name === "backup" && !makesBackups(ctx))
    return { ok: false, errorKey: "settings-error-backup-postgres" };
  const org = await repos.settings.organisation(ref.id);
  if (!org) return { ok: false, errorKey: "button-expired" };
  const next = applyToOrganisation(org, change);
  if (!next.ok) return { ok: false, errorKey: "settings-error-reset-org" };
  const before = organisationSettings(org);
  const after = organisationSettings({ ...org, ...next.patch });
  if (settingValueText(before, name) === settingValueText(after, name)) return { ok: true, changed: false };
  await repos.settings.saveOrganisation(org.id, next.patch);
  await recordAudit(ctx.services, {
    who: actorOf(ctx),
    what: "settings.change",
    target: { type: "organisation", id: org.id },
    organisationId: org.id,
    from: { setting: name, value: settingValueText(before, name) },
    to: { setting: name, value: settingValueText(after, name) },
  });
  // Rows already planned from the old value move now (the jobs read the settings when planning).
  if (name === "backup" || name === "tz") await rescheduleNextBackup(ctx);
  if (name === "digest" || name === "tz") await rescheduleDigestPlan(ctx, org.id);
  return { ok: true, changed: true };
}
