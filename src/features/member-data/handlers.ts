// A member's data, for committee admins in private chat: /export_member sends everything stored about
// a person as a JSON file; /erase_member erases them after a confirmation button (the erasure policy
// is documented on the repository function members.erase).
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { ensureAdmin, ensurePrivateChat } from "../../bot/auth.ts";
import { adminOrganisation } from "../../bot/cell-access.ts";
import type { BotContext } from "../../bot/context.ts";
import { actorOf, recordAudit } from "../../bot/kit/audit.ts";
import { clip } from "../../bot/kit/clip.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import type { PersonSummary } from "../../db/repositories/members.ts";
import { normaliseName } from "../members/member-ref.ts";

export const ERASE_CALLBACK = /^erase:(\d{1,10}|no)$/;

/** At most this many characters of what the admin typed are quoted back. */
const QUOTED_MAX = 32;

export function createMemberDataFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("export_member", async (ctx) => {
    if (!(await ensureAdmin(ctx)) || !(await ensurePrivateChat(ctx))) return;
    const org = await adminOrganisation(ctx);
    const person = await resolvePerson(ctx, org.id, ctx.match, "member-data-usage-export");
    if (!person) return;
    const { repos } = ctx.services;
    const data = await repos.members.exportData(person.id);
    if (!data) {
      await ctx.reply(ctx.t("member-data-not-found", { given: clip(ctx.match.trim(), QUOTED_MAX) }));
      return;
    }
    const json = JSON.stringify({ exportedAt: ctx.services.clock.now().toISOString(), ...data }, null, 2);
    await ctx.replyWithDocument(new InputFile(Buffer.from(json, "utf8"), `member-${person.id}.json`), {
      caption: ctx.t("member-data-export-caption", { name: nameOf(person) }),
    });
    await recordAudit(ctx.services, {
      who: actorOf(ctx),
      what: "member.export",
      target: { type: "member", id: person.id },
      organisationId: org.id,
    });
  });

  feature.command("erase_member", async (ctx) => {
    if (!(await ensureAdmin(ctx)) || !(await ensurePrivateChat(ctx))) return;
    const org = await adminOrganisation(ctx);
    const person = await resolvePerson(ctx, org.id, ctx.match, "member-data-usage-erase");
    if (!person) return;
    if (await isAdminPerson(ctx, person)) {
      await ctx.reply(ctx.t("member-data-erase-admin", { name: nameOf(person) }));
      return;
    }
    const keyboard = new InlineKeyboard()
      .text(ctx.t("member-data-erase-button"), `erase:${person.id}`)
      .text(ctx.t("member-data-erase-cancel-button"), "erase:no");
    await ctx.reply(ctx.t("member-data-erase-confirm", { name: nameOf(person) }), { reply_markup: keyboard });
  });

  feature.callbackQuery(ERASE_CALLBACK, async (ctx) => {
    // Re-checked from the database on every press: only an admin may erase, and only within their organisation.
    if (!ctx.caller?.isAdmin) {
      ctx.log.info({ from: ctx.from.id }, "refused: erase button by a non-admin");
      await ctx.answerCallbackQuery({ text: ctx.t("button-not-for-you"), show_alert: true });
      return;
    }
    if (ctx.match[1] === "no") {
      await ctx.answerCallbackQuery({ text: ctx.t("member-data-erase-cancelled") });
      await editPressed(ctx, ctx.t("member-data-erase-cancelled"), undefined, { otherwise: "send" });
      return;
    }
    const memberId = Number(ctx.match[1]);
    const { repos, translate } = ctx.services;
    const org = await adminOrganisation(ctx);
    const [person] = await repos.members.findPeople(org.id, { memberId });
    if (!person) {
      await ctx.answerCallbackQuery({ text: ctx.t("member-data-already-erased"), show_alert: true });
      await editPressed(ctx, ctx.t("member-data-already-erased"), undefined, { otherwise: "send" });
      return;
    }
    if (await isAdminPerson(ctx, person)) {
      await ctx.answerCallbackQuery({
        text: ctx.t("member-data-erase-admin", { name: nameOf(person) }),
        show_alert: true,
      });
      return;
    }
    const summary = await repos.members.erase(person.id, {
      at: ctx.services.clock.now(),
      label: translate(org.locale, "member-data-erased-label"),
      actorTelegramId: ctx.from.id,
      ...(ctx.caller.member ? { actorMemberId: ctx.caller.member.id } : {}),
      organisationId: org.id,
    });
    // Their memberships are gone, and with them any role: so is their own command menu.
    if (summary && person.telegramId !== null) await ctx.services.menus.refresh(person.telegramId);
    const text = ctx.t(summary ? "member-data-erase-done" : "member-data-already-erased");
    await ctx.answerCallbackQuery({ text });
    // The confirmation named the person; the edited message no longer does. An erasure's outcome
    // is worth a message of its own when the press did not come from the confirmation.
    await editPressed(ctx, text, undefined, { otherwise: "send" });
  });

  return feature;
}

/**
 * The person named by a Telegram id, @username, "m<number>" (the code shown when names are
 * ambiguous) or an exact full or display name. Replies and returns null when there is none or several.
 */
async function resolvePerson(
  ctx: BotContext,
  organisationId: number,
  refText: string,
  usageKey: string,
): Promise<PersonSummary | null> {
  const { members } = ctx.services.repos;
  const ref = refText.trim();
  if (ref === "") {
    await ctx.reply(ctx.t(usageKey));
    return null;
  }
  let found: PersonSummary[];
  if (/^\d{1,16}$/.test(ref) && Number.isSafeInteger(Number(ref))) {
    found = await members.findPeople(organisationId, { telegramId: Number(ref) });
  } else if (/^@[A-Za-z0-9_]{3,32}$/.test(ref)) {
    found = await members.findPeople(organisationId, { username: ref.slice(1) });
  } else if (/^m\d{1,10}$/i.test(ref)) {
    found = await members.findPeople(organisationId, { memberId: Number(ref.slice(1)) });
  } else if (ref.length <= 128) {
    const wanted = normaliseName(ref);
    const everyone = await members.findPeople(organisationId, {});
    found = everyone.filter((p) => [p.fullName, p.displayName].some((n) => n && normaliseName(n) === wanted));
  } else {
    found = [];
  }
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    await ctx.reply(ctx.t("member-data-not-found", { given: clip(ref, QUOTED_MAX) }));
    return null;
  }
  await ctx.reply(
    ctx.t("member-data-ambiguous", {
      given: clip(ref, QUOTED_MAX),
      candidates: found.slice(0, 10).map(describePerson).join("\n"),
    }),
  );
  return null;
}

async function isAdminPerson(ctx: BotContext, person: PersonSummary): Promise<boolean> {
  if (person.telegramId === null) return false;
  const { config, repos } = ctx.services;
  return config.adminIds.includes(person.telegramId) || (await repos.admins.isAdmin(person.telegramId));
}

function nameOf(p: PersonSummary): string {
  return clip(p.fullName ?? p.displayName, 64);
}

function describePerson(p: PersonSummary): string {
  const handle = p.username ? ` @${p.username}` : "";
  const code = p.telegramId !== null ? String(p.telegramId) : `m${p.id}`;
  const cells = p.cells.length > 0 ? ` — ${p.cells.join(", ")}` : "";
  return `• ${nameOf(p)}${handle} (${code})${cells}`;
}
