// /report [MM/YYYY] and /export [MM/YYYY | YYYY] [cell], privately (PRODUCT §4E). A committee admin
// gets the ward (or, for /export, one named cell); a cell's secretary or deputy gets their own
// cells, with names; anyone else gets neither. A period with no data says so instead of sending
// empty tables.
import { Composer, InputFile } from "grammy";
import { adminOrganisation, MANAGER_ROLES } from "../../bot/cell-access.ts";
import type { BotContext } from "../../bot/context.ts";
import { offerCells, onCellPicked } from "../../bot/kit/cell-picker.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import { localParts } from "../../datetime/calendar.ts";
import type { OrganisationView } from "../../db/repositories/organisations.ts";
import { organisationSettings } from "../settings/model.ts";
import { periodLabel, previousPeriod, type Period } from "./arithmetic.ts";
import { chartLabels } from "./attachments.ts";
import { renderChart } from "./chart.ts";
import { loadDigest, periodBounds } from "./data.ts";
import { loadNames } from "./names.ts";
import { cellBlock, digestBlocks, splitMessages, type T } from "./render.ts";
import { buildWorkbook, scopeBounds, workbookFileName, type ExportScope } from "./workbook.ts";

/** In the first days of a month, a report without a month is about the previous one. */
const PREVIOUS_MONTH_DAYS = 5;

/** "11/2026", "1/2026" → the month; null when it is not one. */
export function parseMonth(text: string): Period | null {
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[1]);
  const year = Number(m[2]);
  return month >= 1 && month <= 12 && year >= 2000 && year <= 2100 ? { year, month } : null;
}

/** The month a report without one is about: this month so far, or last month in its first days. */
export function defaultPeriod(now: Date, timeZone: string): Period {
  const p = localParts(now, timeZone);
  const here = { year: p.year, month: p.month };
  return p.day <= PREVIOUS_MONTH_DAYS ? previousPeriod(here) : here;
}

interface Audience {
  org: OrganisationView;
  /** null: the whole ward (an admin). */
  cellIds: number[] | null;
}

/** Who is asking and what they may see; replies and returns null for anyone else. */
async function audienceOf(ctx: BotContext): Promise<Audience | null> {
  const { repos } = ctx.services;
  if (ctx.caller?.isAdmin) return { org: await adminOrganisation(ctx), cellIds: null };
  const managed = ctx.caller?.member?.memberships.filter((m) => MANAGER_ROLES.has(m.role)) ?? [];
  const cells = await repos.cells.listByIds(managed.map((m) => m.cellId));
  const first = cells[0];
  if (!first) {
    await ctx.reply(ctx.t("report-not-allowed"));
    return null;
  }
  const org = await repos.organisations.get(first.organisationId);
  if (!org) return null;
  return { org, cellIds: cells.filter((c) => c.organisationId === org.id).map((c) => c.id) };
}

const REPORT_PICKER = { command: "report", power: "manager", allowPaused: true } as const;
const EXPORT_PICKER = { command: "export", power: "manager", allowPaused: true } as const;

/** The picker for a secretary of several cells: one button per cell they manage. */
async function offerOwnCells(ctx: BotContext, command: string, who: Audience): Promise<void> {
  await offerCells(ctx, command, await ctx.services.repos.cells.listByIds(who.cellIds ?? []));
}

/** The audience of a picked cell (the picker has checked the presser's power there): that cell alone. */
async function pickedAudience(ctx: BotContext, cell: CellView): Promise<Audience | null> {
  const org = await ctx.services.repos.organisations.get(cell.organisationId);
  return org ? { org, cellIds: [cell.id] } : null;
}

export function isFuture(period: Period, now: Date, timeZone: string): boolean {
  return periodBounds(period, timeZone).from.getTime() > now.getTime();
}

export function createDigestsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const feature = composer.chatType("private");

  feature.command("report", async (ctx) => {
    const who = await audienceOf(ctx);
    if (!who) return;
    // A secretary of several cells picks one (the press runs runReport for it alone).
    if (who.cellIds !== null && who.cellIds.length > 1) return offerOwnCells(ctx, "report", who);
    await runReport(ctx, who, ctx.match);
  });
  composer.use(
    onCellPicked(REPORT_PICKER, async (ctx, cell, args) =>
      runReport(ctx, await pickedAudience(ctx, cell), args),
    ),
  );

  async function runReport(ctx: BotContext, who: Audience | null, args: string): Promise<void> {
    if (!who) return;
    const { repos, clock } = ctx.services;
    const timeZone = organisationSettings(who.org).timeZone;
    const arg = args.trim();
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
    const t: T = (key, vars) => ctx.t(key, vars);
    const locale = (await ctx.i18n.getLocale()) || "vi";
    if (who.cellIds === null) {
      if (!(await repos.reports.hasData(who.org.id, from, to))) {
        await ctx.reply(ctx.t("report-no-data", { period: label }));
        return;
      }
      const digest = await loadDigest(repos.reports, { org: who.org, period, cellId: null });
      for (const text of splitMessages(digestBlocks(t, digest, who.org.name, locale))) await ctx.reply(text);
      const png = await renderChart(digest, chartLabels(t, digest));
      await ctx.replyWithPhoto(new InputFile(png, `bao-cao-${label.replace("/", "-")}.png`), {
        caption: ctx.t("digest-chart-caption", { period: label }),
      });
      return;
    }
    const blocks: string[] = [];
    for (const cellId of who.cellIds) {
      if (!(await repos.reports.hasData(who.org.id, from, to, cellId))) continue;
      const digest = await loadDigest(repos.reports, { org: who.org, period, cellId });
      const cell = digest.cells[0];
      if (!cell) continue;
      const names = (await loadNames(repos.reports, who.org, period, digest)).get(cell.cellId);
      blocks.push(cellBlock(t, cell, locale, names));
    }
    if (blocks.length === 0) {
      await ctx.reply(ctx.t("report-no-data", { period: label }));
      return;
    }
    for (const text of splitMessages([
      ctx.t("digest-title", { period: label, organisation: who.org.name }),
      ...blocks,
    ])) {
      await ctx.reply(text);
    }
  }

  feature.command("export", async (ctx) => {
    const who = await audienceOf(ctx);
    if (!who) return;
    await runExport(ctx, who, ctx.match);
  });
  composer.use(
    onCellPicked(EXPORT_PICKER, async (ctx, cell, args) =>
      runExport(ctx, await pickedAudience(ctx, cell), args),
    ),
  );

  async function runExport(ctx: BotContext, who: Audience | null, args: string): Promise<void> {
    if (!who) return;
    const { repos, clock } = ctx.services;
    const timeZone = organisationSettings(who.org).timeZone;
    const words = args.trim();
    const parsed = parseExportArgs(words, defaultPeriod(clock.now(), timeZone));
    if (!parsed) {
      await ctx.reply(ctx.t("export-usage"));
      return;
    }
    // A secretary of several cells who named none picks one (the press runs runExport for it alone).
    if (parsed.cell === null && who.cellIds !== null && who.cellIds.length > 1) {
      return offerOwnCells(ctx, "export", who);
    }
    let cellId: number | null = null;
    let cellName: string | null = null;
    const cells = await repos.reports.cells(who.org.id, clock.now());
    const allowed = who.cellIds === null ? cells : cells.filter((c) => who.cellIds!.includes(c.id));
    if (parsed.cell !== null) {
      const wanted = parsed.cell.toLocaleLowerCase("vi");
      const found = allowed.find((c) => c.name.toLocaleLowerCase("vi") === wanted);
      if (!found) {
        await ctx.reply(ctx.t("export-unknown-cell", { name: parsed.cell }));
        return;
      }
      cellId = found.id;
      cellName = found.name;
    } else if (who.cellIds !== null) {
      // A secretary's export is their cell's (the one picked, when they manage several).
      const own = allowed[0];
      if (!own) {
        await ctx.reply(ctx.t("report-not-allowed"));
        return;
      }
      cellId = own.id;
      cellName = own.name;
    }
    const scope = parsed.scope;
    const label =
      scope.kind === "month"
        ? periodLabel(scope.period)
        : ctx.t("export-period-year", { year: String(scope.year) });
    const { from, to } = scopeBounds(scope, timeZone);
    if (
      from.getTime() > clock.now().getTime() ||
      !(await repos.reports.hasData(who.org.id, from, to, cellId))
    ) {
      await ctx.reply(ctx.t("export-no-data", { period: label }));
      return;
    }
    const workbook = await buildWorkbook(repos.reports, {
      org: who.org,
      scope,
      cellId,
      answersOfCell: who.cellIds !== null ? cellId : null,
    });
    await ctx.replyWithDocument(new InputFile(workbook, workbookFileName(scope, cellName)), {
      caption: ctx.t("export-done", { period: label, cell: cellName ?? "none" }),
    });
  }

  return composer;
}

/** "[MM/YYYY | YYYY] [cell name]" → the scope and the cell's name as typed; null when unreadable. */
export function parseExportArgs(
  text: string,
  fallback: Period,
): { scope: ExportScope; cell: string | null } | null {
  const words = text.split(/\s+/).filter((w) => w !== "");
  const first = words[0];
  if (first === undefined) return { scope: { kind: "month", period: fallback }, cell: null };
  const month = parseMonth(first);
  if (month) return { scope: { kind: "month", period: month }, cell: words.slice(1).join(" ") || null };
  if (/^\d{4}$/.test(first)) {
    const year = Number(first);
    if (year < 2000 || year > 2100) return null;
    return { scope: { kind: "year", year }, cell: words.slice(1).join(" ") || null };
  }
  if (/^\d/.test(first)) return null;
  return { scope: { kind: "month", period: fallback }, cell: words.join(" ") };
}
