// /report and /export typed in a group (PRODUCT §4E: names never go to a group).
//
// In a cell's group, the cell's secretary or deputy (or a committee admin) gets the cell's figures
// for the month posted there without any name: that is what a secretary reviews with the cell at
// its monthly meeting, and typing /report in the cell's own group is asking for exactly that. Who
// was absent, late or missing a self-review stays in /report privately, which the post points to.
// Anyone else in a cell's group is told the report is the secretary's; in any other group (the
// committee's, for one) a short note says to ask privately, since a group is no place to pick a
// cell. /export always answers with a note: the workbook lists members by name.
import { Composer } from "grammy";
import { groupCell, hasPower, refuse } from "../../bot/cell-access.ts";
import type { BotContext } from "../../bot/context.ts";
import { organisationSettings } from "../settings/model.ts";
import { periodLabel } from "./arithmetic.ts";
import { loadDigest, periodBounds } from "./data.ts";
import { defaultPeriod, isFuture, parseMonth } from "./handlers.ts";
import { cellBlock, splitMessages, type T } from "./render.ts";

export function createGroupReportFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const group = composer.chatType(["group", "supergroup"]);

  group.command("report", async (ctx) => {
    const cell = await groupCell(ctx, ctx.chat.id);
    if (!cell?.active) {
      await ctx.reply(ctx.t("report-group-use-private"));
      return;
    }
    if (!(await hasPower(ctx, cell, "manager"))) {
      await refuse(ctx, "manager");
      return;
    }
    const { repos, clock } = ctx.services;
    const org = await repos.organisations.get(cell.organisationId);
    if (!org) return;
    const timeZone = organisationSettings(org).timeZone;
    const arg = ctx.match.trim();
    const period = arg === "" ? defaultPeriod(clock.now(), timeZone) : parseMonth(arg);
    if (!period) {
      await ctx.reply(ctx.t("report-usage"));
      return;
    }
    const label = periodLabel(period);
    if (isFuture(period, clock.now(), timeZone)) {
      await ctx.reply(ctx.t("report-future", { period: label }));
      return;
    }
    const { from, to } = periodBounds(period, timeZone);
    const digest = (await repos.reports.hasData(org.id, from, to, cell.id))
      ? await loadDigest(repos.reports, { org, period, cellId: cell.id })
      : null;
    const figures = digest?.cells[0];
    if (!figures) {
      await ctx.reply(ctx.t("report-no-data", { period: label }));
      return;
    }
    const t: T = (id, vars) => ctx.t(id, vars);
    const locale = (await ctx.i18n.getLocale()) || "vi";
    for (const text of splitMessages([
      ctx.t("digest-title", { period: label, organisation: org.name }),
      // No names: they stay in the private report.
      cellBlock(t, figures, locale),
      ctx.t("report-group-names-private"),
    ])) {
      await ctx.reply(text);
    }
  });

  group.command("export", async (ctx) => {
    const cell = await groupCell(ctx, ctx.chat.id);
    if (cell?.active && !(await hasPower(ctx, cell, "manager"))) {
      await refuse(ctx, "manager");
      return;
    }
    await ctx.reply(ctx.t("export-group-use-private"));
  });

  return composer;
}
