import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { actorOf, recordAudit } from "../../bot/kit/audit.ts";
import { ensureAdmin } from "../../bot/auth.ts";
import { displayNameOf } from "../../bot/kit/display-name.ts";

/** Committee admins: bootstrapped from ADMIN_IDS; admins can add admins. */
export function createAdminsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("add_admin", async (ctx) => {
    if (!(await ensureAdmin(ctx))) return;
    const replied = ctx.msg.reply_to_message?.from;
    const arg = ctx.match.trim();
    let targetId: number;
    let who: string;
    if (replied && !replied.is_bot && arg === "") {
      targetId = replied.id;
      who = displayNameOf(replied);
    } else if (arg === "") {
      await ctx.reply(ctx.t("add-admin-usage"));
      return;
    } else if (/^\d{1,16}$/.test(arg) && Number.isSafeInteger(Number(arg)) && Number(arg) > 0) {
      targetId = Number(arg);
      const known = await ctx.services.repos.members.findByTelegramId(targetId);
      who = known?.displayName ?? arg;
    } else {
      await ctx.reply(ctx.t("add-admin-bad-id", { given: arg.slice(0, 64) }));
      return;
    }
    const { repos } = ctx.services;
    const added = await repos.admins.add(targetId, ctx.from!.id);
    if (added) {
      await recordAudit(ctx.services, {
        who: actorOf(ctx),
        what: "admin.add",
        target: { type: "admin", id: targetId },
      });
      await ctx.services.menus.refresh(targetId, { keepIfNone: true });
    }
    await ctx.reply(ctx.t(added ? "add-admin-done" : "add-admin-already", { who }));
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
