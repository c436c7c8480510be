// /import: a cell's secretary or deputy (or an admin) sends a CSV or XLSX roster with /import as
// the caption, or replies /import to such a file. Every accepted row becomes a member with a personal
// claim link; the report with the links goes to the importer privately, never to the group.
import { Composer, GrammyError, InlineKeyboard } from "grammy";
import type { Document } from "grammy/types";
import { resolveCommandCell } from "../../bot/cell-access.ts";
import type { BotContext } from "../../bot/context.ts";
import { displayNameOf, personName } from "../../bot/kit/display-name.ts";
import { sendPrivatelyAll } from "../../bot/kit/send-privately.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import { isLocale } from "../../i18n.ts";
import { readRosterFile, type RosterFileProblem } from "./roster-file.ts";
import { checkRoster, ROSTER_LIMITS } from "./roster-parse.ts";
import { chunkLines, reportLines, type Translate } from "./roster-report.ts";

const IMPORT_CAPTION = /^\/import(?:@(\w+))?(?:\s|$)/i;

export function createRosterFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  // Cells with an import under way in this process: one at a time per cell, so a secretary who
  // sends the file twice (or two managers at once) cannot double the work or interleave reports.
  const importing = new Set<number>();

  feature.command("import", async (ctx) => {
    await handleImport(ctx, ctx.msg.reply_to_message?.document, importing);
  });

  // grammY's command filter reads text messages only; a file captioned /import comes here.
  feature.on("message:document", async (ctx, next) => {
    const match = IMPORT_CAPTION.exec(ctx.msg.caption ?? "");
    const addressee = match?.[1];
    if (!match || (addressee && addressee.toLowerCase() !== ctx.me.username.toLowerCase())) return next();
    await handleImport(ctx, ctx.msg.document, importing);
  });

  return feature;
}

async function handleImport(
  ctx: BotContext,
  document: Document | undefined,
  importing: Set<number>,
): Promise<void> {
  const cell = await resolveCommandCell(ctx, "manager");
  if (!cell) return;
  if (!document) {
    await ctx.reply(ctx.t("roster-usage"));
    return;
  }
  if (importing.has(cell.id)) {
    await ctx.reply(ctx.t("roster-import-busy", { cell: cell.name }));
    return;
  }
  importing.add(cell.id);
  try {
    await importDocument(ctx, cell, document);
  } finally {
    importing.delete(cell.id);
  }
}

async function importDocument(ctx: BotContext, cell: CellView, document: Document): Promise<void> {
  const fileName = (document.file_name ?? "").slice(0, 64) || "—";
  if ((document.file_size ?? 0) > ROSTER_LIMITS.maxBytes) {
    await ctx.reply(ctx.t("roster-too-large", { limit: "1 MB" }));
    return;
  }
  const bytes = await downloadDocument(ctx, document.file_id);
  if (bytes === "too-large") {
    await ctx.reply(ctx.t("roster-too-large", { limit: "1 MB" }));
    return;
  }
  if (bytes === null) {
    await ctx.reply(ctx.t("roster-download-failed"));
    return;
  }
  const file = await readRosterFile(bytes, { fileName: document.file_name, mimeType: document.mime_type });
  if (!file.ok) {
    await ctx.reply(describeFileProblem(ctx, file.error));
    return;
  }
  const { repos } = ctx.services;
  const checked = checkRoster(file.rows, await repos.roster.snapshot(cell.id));
  if (!checked.ok) {
    await ctx.reply(describeFileProblem(ctx, checked.error));
    return;
  }

  const from = ctx.from!;
  const inGroup = ctx.chat?.type !== "private";
  const privateT = await privateTranslator(ctx);
  // Links are personal: before writing anything, make sure the importer can receive them privately.
  if (
    inGroup &&
    !(await sendToImporter(ctx, [privateT("roster-working", { cell: cell.name, file: fileName })]))
  ) {
    await ctx.reply(ctx.t("roster-need-private", { name: displayNameOf(from) }), {
      reply_markup: new InlineKeyboard().url(
        ctx.t("roster-open-private-button"),
        `https://t.me/${ctx.me.username}`,
      ),
    });
    return;
  }

  const result = await repos.roster.importRows({
    cellId: cell.id,
    organisationId: cell.organisationId,
    actorTelegramId: from.id,
    actorMemberId: ctx.caller?.member?.id,
    rows: checked.accepted,
    refusedCount: checked.refused.length,
    format: file.format,
  });
  ctx.log.info(
    {
      cellId: cell.id,
      format: file.format,
      accepted: result.members.length,
      refused: checked.refused.length,
    },
    "roster imported",
  );

  const lines = reportLines(privateT, {
    cellName: cell.name,
    fileName,
    botUsername: ctx.me.username,
    refused: checked.refused,
    result,
  });
  if (!inGroup) {
    for (const text of chunkLines(lines))
      await ctx.reply(text, { link_preview_options: { is_disabled: true } });
    return;
  }
  const delivered = await sendToImporter(ctx, chunkLines(lines));
  await ctx.reply(groupSummary(ctx, cell, result.members.length, checked.refused.length, delivered));
}

function groupSummary(
  ctx: BotContext,
  cell: CellView,
  accepted: number,
  refused: number,
  delivered: boolean,
): string {
  const caller = ctx.caller?.member;
  const vars = {
    cell: cell.name,
    accepted,
    refused,
    name: caller ? personName(caller) : displayNameOf(ctx.from!),
  };
  return ctx.t(delivered ? "roster-group-summary" : "roster-group-summary-undelivered", vars);
}

/** The importer's own language for what goes to their private chat. */
async function privateTranslator(ctx: BotContext): Promise<Translate> {
  const own = ctx.caller?.member?.locale;
  const locale = isLocale(own) ? own : await ctx.i18n.getLocale();
  return (key, vars) => ctx.services.translate(locale, key, vars);
}

/** Sends the texts to the importer's private chat; false when they did not all go through. */
async function sendToImporter(ctx: BotContext, texts: string[]): Promise<boolean> {
  const sent = await sendPrivatelyAll(
    ctx.services,
    ctx.api,
    ctx.from!.id,
    texts,
    { link_preview_options: { is_disabled: true } },
    { what: "roster import report" },
  );
  return sent.status === "sent";
}

/**
 * Downloads a document through the Bot API file endpoint. The URL holds the bot token, so it is
 * never logged: failures are logged by status or error name only.
 */
async function downloadDocument(ctx: BotContext, fileId: string): Promise<Uint8Array | "too-large" | null> {
  let path: string | undefined;
  try {
    const file = await ctx.api.getFile(fileId);
    if ((file.file_size ?? 0) > ROSTER_LIMITS.maxBytes) return "too-large";
    path = file.file_path;
  } catch (err) {
    if (!(err instanceof GrammyError)) throw err;
    ctx.log.warn({ code: err.error_code }, "getFile failed for a roster");
    return null;
  }
  if (!path) return null;
  const url = `${ctx.services.config.telegramApiRoot}/file/bot${ctx.api.token}/${path}`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok || !response.body) {
      ctx.log.warn({ status: response.status }, "roster download failed");
      return null;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > ROSTER_LIMITS.maxBytes) {
        await reader.cancel();
        return "too-large";
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  } catch (err) {
    ctx.log.warn({ error: err instanceof Error ? err.name : "unknown" }, "roster download failed");
    return null;
  }
}

function describeFileProblem(ctx: BotContext, problem: RosterFileProblem): string {
  switch (problem.code) {
    case "xlsx-too-large":
      return ctx.t("roster-xlsx-too-large");
    case "missing-name-column":
      return ctx.t("roster-missing-name-column", { found: problem.found.map((f) => `“${f}”`).join(", ") });
    case "too-many-rows":
      return ctx.t("roster-too-many-rows", { rows: problem.rows, limit: ROSTER_LIMITS.maxRows });
    case "unclosed-quote":
      return ctx.t("roster-unclosed-quote", { row: String(problem.row) });
    case "empty":
      return ctx.t("roster-file-empty");
    case "no-rows":
      return ctx.t("roster-file-no-rows");
    case "not-a-table":
      return ctx.t("roster-not-a-table");
    case "xlsx-invalid":
      return ctx.t("roster-xlsx-invalid");
    case "xls-old":
      return ctx.t("roster-xls-old");
  }
}
