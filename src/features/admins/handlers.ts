import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { actorOf, recordAudit } from "../../bot/kit/audit.ts";
import { ensureAdmin } from "../../bot/auth.ts";
import { displayNameOf } from "../../bot/kit/display-name.ts";

/** Committee admins: bootstrapped from ADMIN_IDS; admins can add admins and remove added ones. */
export function createAdminsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("add_admin", async (ctx) => {
    if (!(await ensureAdmin(ctx))) return;
    const target = await adminTarget(ctx, "add-admin-usage");
    if (!target) return;
    const { repos } = ctx.services;
    const added = await repos.admins.add(target.telegramId, ctx.from!.id);
    if (added) {
      await recordAudit(ctx.services, {
        who: actorOf(ctx),
        what: "admin.add",
        target: { type: "admin", id: target.telegramId },
      });
      await ctx.services.menus.refresh(target.telegramId, { keepIfNone: true });
    }
    await ctx.reply(ctx.t(added ? "add-admin-done" : "add-admin-already", { who: target.who }));
  });

  feature.command("remove_admin", async (ctx) => {
    if (!(await ensureAdmin(ctx))) return;
    const target = await adminTarget(ctx, "remove-admin-usage");
    if (!target) return;
    const { repos, config } = ctx.services;
    const result = await repos.admins.remove(target.telegramId, config.adminIds);
    if (result.outcome !== "removed") {
      ctx.log.info(
        { from: ctx.from!.id, target: target.telegramId, outcome: result.outcome },
        "admin not removed",
      );
      const vars = { who: target.who };
      const text =
        result.outcome === "not-admin"
          ? ctx.t("remove-admin-not-admin", vars)
          : result.outcome === "configured"
            ? ctx.t("remove-admin-configured", vars)
            : ctx.t("remove-admin-last", vars);
      await ctx.reply(text);
      return;
    }
    await recordAudit(ctx.services, {
      who: actorOf(ctx),
      what: "admin.remove",
      target: { type: "admin", id: target.telegramId },
      from: result.before,
      to: null,
    });
    // Their private menu loses the admin commands (and goes if no other role needs one).
    await ctx.services.menus.refresh(target.telegramId);
    await ctx.reply(ctx.t("remove-admin-done", { who: target.who }));
  });

  feature.command("admins", async (ctx) => {
    if (!(await ensureAdmin(ctx))) return;
    const admins = await ctx.services.repos.admins.list();
    const lines = [ctx.t("admins-header", { count: admins.length })];
    for (const a of admins) {
      lines.push(
        ctx.t("admins-line", {
          who: a.displayName ?? String(a.telegramId),
          fromConfig: a.fromConfig ? "yes" : "no",
        }),
      );
    }
    await ctx.reply(lines.join("\n"));
  });

  return feature;
}

/**
 * The person an admin command is about: the author of the replied-to message, or a Telegram id
 * typed after the command. Replies with the usage or the bad id and returns null otherwise.
 */
async function adminTarget(
  ctx: BotContext,
  usageKey: string,
): Promise<{ telegramId: number; who: string } | null> {
  const replied = ctx.msg?.reply_to_message?.from;
  const arg = typeof ctx.match === "string" ? ctx.match.trim() : "";
  if (replied && !replied.is_bot && arg === "")
    return { telegramId: replied.id, who: displayNameOf(replied) };
  if (arg === "") {
    await ctx.reply(ctx.t(usageKey));
    return null;
  }
  if (/^\d{1,16}$/.test(arg) && Number.isSafeInteger(Number(arg)) && Number(arg) > 0) {
    const telegramId = Number(arg);
    const known = await ctx.services.repos.members.findByTelegramId(telegramId);
    return { telegramId, who: known?.displayName ?? arg };
  }
  await ctx.reply(ctx.t("add-admin-bad-id", { given: arg.slice(0, 64) }));
  return null;
}
