// The meetings core (PRODUCT §4B): /meeting (typed or guided with buttons), /meetings, /cancel_meeting,
// /move_meeting, and the RSVP buttons. Handlers stay thin: validation and changes live in service.ts.
import { Composer, GrammyError, InlineKeyboard } from "grammy";
import type { CallbackQueryContext } from "grammy";
import {
  adminOrganisation,
  hasPower,
  isCellManager,
  refuse,
  resolveCommandCell,
  groupCell,
} from "../../bot/cell-access.ts";
import type { BotContext } from "../../bot/context.ts";
import { actorOf, recordAudit } from "../../bot/kit/audit.ts";
import { clip } from "../../bot/kit/clip.ts";
import { commandCell, onCellPicked } from "../../bot/kit/cell-picker.ts";
import { dateTimeProblemText, hourReading } from "../../bot/kit/datetime-problem.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { askTyped, onTypedAnswer, type TypedKind, type TypedOutcome } from "../../bot/kit/typed-answer.ts";
import { formatDate, formatDateTime, formatWeekdayShortDate } from "../../datetime/format.ts";
import { DATETIME_PROBLEM_KEYS, parseDateTime, parseTime } from "../../datetime/parse.ts";
import {
  addDays,
  isValidDate,
  localDateOf,
  localParts,
  zonedTimeToUtc,
  type LocalDate,
} from "../../datetime/calendar.ts";
import { isOneOf, meetingStates, type MeetingKind, type MeetingState } from "../../db/enums.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { MeetingView } from "../../db/repositories/meetings.ts";
import { cellLocale, meetingTitle } from "./announcement.ts";
import { findMeetingByRef, parseMeetingRef } from "./references.ts";
import { createRsvpFeature } from "./rsvp.ts";
import {
  cancelMeeting,
  checkPlace,
  checkStart,
  checkTitle,
  closedProblem,
  createAndAnnounce,
  KIND_CODES,
  moveMeeting,
  parseMeetingCommand,
  type Checked,
  type ReadMeeting,
} from "./service.ts";
import { errorForLog } from "../../scheduler/telegram-errors.ts";

const MEETING_PICKER = { command: "meeting", power: "manager" } as const;
const TIME_PRESETS = ["0730", "1400", "1930"] as const;

const KIND_KEYS = {
  regular: "meeting-kind-regular",
  thematic: "meeting-kind-thematic",
  extraordinary: "meeting-kind-extraordinary",
  field_trip: "meeting-kind-field-trip",
} as const satisfies Record<MeetingKind, string>;
const STATE_KEYS = {
  planned: "meeting-state-planned",
  in_progress: "meeting-state-in-progress",
  closed: "meeting-state-closed",
  cancelled: "meeting-state-cancelled",
} as const satisfies Record<MeetingState, string>;
const DATE_CHOICES = 7;
const RECENT_DAYS = 60;
const PLACE_PREFIX = "📍 ";
const TITLE_PREFIX = "📝 ";

export function createMeetingsCoreFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(createRsvpFeature());

  // ---- /meeting -------------------------------------------------------------------------------

  feature.command("meeting", async (ctx) => {
    const args = ctx.match.trim();
    if (args !== "") {
      // Place and title do not depend on the cell: refuse bad ones before asking anything.
      const [, placeRaw = "", ...rest] = args.split("|");
      const place = checkPlace(ctx, placeRaw);
      const title = checkTitle(ctx, rest.join("|"));
      const problem = !place.ok ? place.message : !title.ok ? title.message : null;
      if (problem && (await managerCells(ctx)).length > 0) {
        await ctx.reply(problem);
        return;
      }
    }
    const cell = await commandCell(ctx, MEETING_PICKER);
    if (!cell) return;
    await startMeeting(ctx, cell, args);
  });
  feature.use(onCellPicked(MEETING_PICKER, startMeeting));

  // ---- Guided flow: kind → date → time → place → confirm ---------------------------------------

  feature.callbackQuery(/^mg:(\d{1,9}):x$/, async (ctx) => {
    const cell = await managedCell(ctx, Number(ctx.match[1]));
    if (!cell) return;
    await ctx.answerCallbackQuery();
    await editPressed(ctx, ctx.t("meeting-guided-abandoned"));
  });

  feature.callbackQuery(/^mg:(\d{1,9}):k:([rtef])$/, async (ctx) => {
    const cell = await managedCell(ctx, Number(ctx.match[1]));
    if (!cell) return;
    await ctx.answerCallbackQuery();
    await showDateStep(ctx, cell, ctx.match[2]!, "edit");
  });

  feature.callbackQuery(/^mg:(\d{1,9}):d:([rtef]):(\d{8})$/, async (ctx) => {
    const cell = await managedCell(ctx, Number(ctx.match[1]));
    if (!cell) return;
    const date = parseYmd(ctx.match[3]!);
    if (!date)
      return void (await ctx.answerCallbackQuery({ text: ctx.t("button-expired"), show_alert: true }));
    await ctx.answerCallbackQuery();
    await showTimeStep(ctx, cell, ctx.match[2]!, date, "edit");
  });

  feature.callbackQuery(/^mg:(\d{1,9}):dt:([rtef])$/, async (ctx) => {
    const cell = await managedCell(ctx, Number(ctx.match[1]));
    if (!cell) return;
    await ctx.answerCallbackQuery();
    await askGuided(ctx, "meeting-date", {
      cellId: cell.id,
      kind: ctx.match[2]!,
    });
  });

  feature.callbackQuery(/^mg:(\d{1,9}):tt:([rtef]):(\d{8})$/, async (ctx) => {
    const cell = await managedCell(ctx, Number(ctx.match[1]));
    if (!cell) return;
    await ctx.answerCallbackQuery();
    await askGuided(ctx, "meeting-time", {
      cellId: cell.id,
      kind: ctx.match[2]!,
      date: ctx.match[3]!,
    });
  });

  feature.callbackQuery(/^mg:(\d{1,9}):t:([rtef]):(\d{12})$/, async (ctx) => {
    const cell = await managedCell(ctx, Number(ctx.match[1]));
    if (!cell) return;
    const start = await startFromStamp(ctx, cell, ctx.match[3]!);
    if (!start.ok) return void (await ctx.answerCallbackQuery({ text: start.message, show_alert: true }));
    await ctx.answerCallbackQuery();
    await showPlaceStep(ctx, cell, ctx.match[2]!, ctx.match[3]!, "edit");
  });

  feature.callbackQuery(/^mg:(\d{1,9}):pt:([rtef]):(\d{12})$/, async (ctx) => {
    const cell = await managedCell(ctx, Number(ctx.match[1]));
    if (!cell) return;
    await ctx.answerCallbackQuery();
    await askGuided(ctx, "meeting-place", {
      cellId: cell.id,
      kind: ctx.match[2]!,
      stamp: ctx.match[3]!,
    });
  });

  // Place chosen from the buttons: l = the cell's last place, n = none yet.
  feature.callbackQuery(/^mg:(\d{1,9}):p:([rtef]):(\d{12}):([ln])$/, async (ctx) => {
    const cell = await managedCell(ctx, Number(ctx.match[1]));
    if (!cell) return;
    const place = ctx.match[4] === "l" ? await ctx.services.repos.meetings.lastPlace(cell.id) : null;
    await ctx.answerCallbackQuery();
    await showConfirm(ctx, cell, ctx.match[2]!, ctx.match[3]!, place, "edit");
  });

  // Confirm: m = the place written in this very message (the bot's own text), n = no place; t = the
  // title written in it too (a typed /meeting's preview), none = the kind's usual title.
  feature.callbackQuery(/^mg:(\d{1,9}):ok:([rtef]):(\d{12}):([mn])(t?)$/, async (ctx) => {
    const cell = await managedCell(ctx, Number(ctx.match[1]));
    if (!cell) return;
    // The place and title are read from the pressed message: it must still be that preview (not the
    // "Đã thôi" it became, nor a forged press on another message).
    if (!stillOffers(ctx)) return void (await ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));
    const kind = KIND_CODES[ctx.match[2]!] ?? "regular";
    const start = await startFromStamp(ctx, cell, ctx.match[3]!);
    if (!start.ok) return void (await ctx.answerCallbackQuery({ text: start.message, show_alert: true }));
    const written = writtenDraft(ctx, ctx.match[4] === "m", ctx.match[5] === "t");
    if (!written.ok) return void (await ctx.answerCallbackQuery({ text: written.message, show_alert: true }));
    const { place, title } = written.value;
    const existing = await ctx.services.repos.meetings.findOpenAt(cell.id, start.value);
    if (existing) {
      await ctx.answerCallbackQuery({
        text: ctx.t("meeting-guided-already-created", { ref: String(existing.number) }),
      });
      return;
    }
    await ctx.answerCallbackQuery();
    await editPressed(ctx, ctx.t("meeting-guided-creating"));
    const meeting = await createAndAnnounce(ctx, cell, { kind, startsAt: start.value, place, title });
    if (meeting)
      await editPressed(
        ctx,
        ctx.t("meeting-guided-created", { ref: String(meeting.number), cell: cell.name }),
      );
  });

  // A reading of an ambiguous hour picked ("7:30 sáng" / "19:30 tối"): the preview, with the place and
  // title written in this very message.
  feature.callbackQuery(/^mg:(\d{1,9}):pv:([rtef]):(\d{12}):([mn])(t?)$/, async (ctx) => {
    const cell = await managedCell(ctx, Number(ctx.match[1]));
    if (!cell) return;
    // The place and title are read from the pressed message: it must still be that preview (not the
    // "Đã thôi" it became, nor a forged press on another message).
    if (!stillOffers(ctx)) return void (await ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));
    const start = await startFromStamp(ctx, cell, ctx.match[3]!);
    if (!start.ok) return void (await ctx.answerCallbackQuery({ text: start.message, show_alert: true }));
    const written = writtenDraft(ctx, ctx.match[4] === "m", ctx.match[5] === "t");
    if (!written.ok) return void (await ctx.answerCallbackQuery({ text: written.message, show_alert: true }));
    await ctx.answerCallbackQuery();
    await showPreview(ctx, cell, ctx.match[2]!, ctx.match[3]!, written.value, "edit");
  });

  // [Sửa] on a typed /meeting's preview: the whole command typed again.
  feature.callbackQuery(/^mg:(\d{1,9}):e:([rtef])$/, async (ctx) => {
    const cell = await managedCell(ctx, Number(ctx.match[1]));
    if (!cell) return;
    await ctx.answerCallbackQuery();
    await editPressed(ctx, ctx.t("meeting-preview-editing"));
    await askGuided(ctx, "meeting-retype", { cellId: cell.id, kind: ctx.match[2]! });
  });

  // Typed answers of the guided flow (src/bot/kit/typed-answer.ts). Each re-checks in the database
  // that the person still manages the cell; "keep" leaves the question open for another try.
  feature.use(
    onTypedAnswer("meeting-date", async (ctx, { payload, text }) => {
      const cell = await guidedCell(ctx, payload.cellId, payload.kind);
      if (!cell || text === null) return "done";
      const loc = await cellLocale(ctx.services, cell.id);
      const now = ctx.services.clock.now();
      const parsed = parseDateTime(text, { now, timeZone: loc.timeZone, meetingHours: true });
      if (!parsed.ok && parsed.problem !== "missing_time") {
        const message = dateTimeProblemText(ctx.t.bind(ctx), parsed, text, loc.timeZone);
        const choices = (parsed.choices ?? []).filter((at) => at.getTime() > now.getTime());
        if (choices.length === 0) return keep(ctx, message);
        // "12/12 7h30": which 7:30? The readings as buttons, on to the place.
        const keyboard = new InlineKeyboard();
        for (const at of choices) {
          const stamp = stampOf(at, loc.timeZone);
          keyboard.text(
            hourReading(ctx.t.bind(ctx), at, loc.timeZone),
            `mg:${cell.id}:t:${payload.kind}:${stamp}`,
          );
        }
        keyboard.row().text(ctx.t("meeting-guided-cancel-button"), `mg:${cell.id}:x`);
        await ctx.reply(message, { reply_markup: keyboard });
        return "done";
      }
      if (parsed.ok && parsed.hasTime) {
        const start = await checkStart(ctx, cell.id, text);
        if (!start.ok) return keep(ctx, start.message);
        await showPlaceStep(ctx, cell, payload.kind, stampOf(start.value, loc.timeZone), "send");
        return "done";
      }
      const date = parsed.ok ? parsed.date : null;
      if (!date || compareToToday(date, ctx, loc.timeZone) < 0) {
        return keep(ctx, ctx.t(DATETIME_PROBLEM_KEYS.past, { given: clip(text.trim(), 64), detail: "" }));
      }
      await showTimeStep(ctx, cell, payload.kind, date, "send");
      return "done";
    }),
  );
  feature.use(
    onTypedAnswer("meeting-time", async (ctx, { payload, text }) => {
      const cell = await guidedCell(ctx, payload.cellId, payload.kind);
      const date = parseYmd(payload.date);
      if (!cell || !date || text === null) return "done";
      const time = parseTime(text);
      if (!time.ok) {
        return keep(
          ctx,
          ctx.t(DATETIME_PROBLEM_KEYS[time.problem], { given: clip(text.trim(), 64), detail: "" }),
        );
      }
      const stamp = `${ymd(date)}${pad(time.hour)}${pad(time.minute)}`;
      const start = await startFromStamp(ctx, cell, stamp);
      if (!start.ok) return keep(ctx, start.message);
      await showPlaceStep(ctx, cell, payload.kind, stamp, "send");
      return "done";
    }),
  );
  feature.use(
    onTypedAnswer("meeting-place", async (ctx, { payload, text }) => {
      const cell = await guidedCell(ctx, payload.cellId, payload.kind);
      if (!cell || text === null) return "done";
      const place = checkPlace(ctx, text);
      if (!place.ok) return keep(ctx, place.message);
      await showConfirm(ctx, cell, payload.kind, payload.stamp, place.value, "send");
      return "done";
    }),
  );

  feature.use(
    onTypedAnswer("meeting-retype", async (ctx, { payload, text }) => {
      const cell = await guidedCell(ctx, payload.cellId, payload.kind);
      if (!cell || text === null) return "done";
      const read = await parseMeetingCommand(ctx, cell.id, text);
      if (!read.ok && !read.choices) return keep(ctx, read.message);
      await showReading(ctx, cell, payload.kind, read);
      return "done";
    }),
  );

  // ---- /meetings -------------------------------------------------------------------------------

  feature.command("meetings", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "member");
    if (!cell) return;
    const { repos, clock } = ctx.services;
    const loc = await cellLocale(ctx.services, cell.id);
    const lang = await ctx.i18n.getLocale();
    const now = clock.now();
    const meetings = await repos.meetings.listSince(
      cell.id,
      new Date(now.getTime() - RECENT_DAYS * 86_400_000),
    );
    if (meetings.length === 0) {
      await ctx.reply(ctx.t("meetings-none", { cell: cell.name }));
      return;
    }
    const attendance = await repos.meetings.attendanceCounts(meetings.map((m) => m.id));
    const lines = [ctx.t("meetings-header", { cell: cell.name })];
    for (const m of meetings) {
      const counts = await repos.rsvps.counts(m.id, cell.id);
      const att = attendance.get(m.id);
      const tally =
        m.state === "closed" && att
          ? ctx.t("meetings-line-attendance", { present: att.present, expected: att.expected })
          : m.state === "cancelled"
            ? ""
            : ctx.t("meetings-line-rsvps", {
                attend: counts.attend,
                absent: counts.absent,
                noAnswer: counts.noAnswer,
              });
      lines.push(
        ctx.t("meetings-line", {
          ref: String(m.number),
          when: formatDateTime(m.startsAt, loc.timeZone, lang),
          title: clip(meetingTitle(ctx.services, { locale: lang, timeZone: loc.timeZone }, m), 80),
          state: isOneOf(meetingStates, m.state)
            ? ctx.t(STATE_KEYS[shownState(m.state, m.startsAt, now)])
            : m.state,
          tally,
        }),
      );
    }
    await ctx.reply(lines.join("\n"));
  });

  // ---- /cancel_meeting, /move_meeting ----------------------------------------------------------

  feature.command("cancel_meeting", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "manager");
    if (!cell) return;
    const ref = ctx.match.trim();
    if (parseMeetingRef(ref) === undefined) return void (await ctx.reply(ctx.t("cancel-meeting-usage")));
    const meeting = await findMeetingByRef(ctx, cell.id, ref);
    if (!meeting) return;
    const problem = closedProblem(ctx, meeting);
    if (problem) return void (await ctx.reply(problem));
    if (!(await cancelMeeting(ctx.services, ctx.api, ctx.me.username, meeting))) {
      return void (await ctx.reply(ctx.t("meeting-changed-meanwhile", { ref: String(meeting.number) })));
    }
    await recordAudit(ctx.services, {
      who: actorOf(ctx),
      what: "meeting.cancel",
      target: { type: "meeting", id: meeting.id },
      cellId: cell.id,
      from: { state: meeting.state },
      to: { state: "cancelled" },
    });
    await tellGroup(ctx, cell, meeting, "meeting-cancelled-group", {});
    if (ctx.chat.id !== cell.chatId)
      await ctx.reply(ctx.t("cancel-meeting-done", { ref: String(meeting.number) }));
  });

  feature.command("move_meeting", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "manager");
    if (!cell) return;
    const args = ctx.match.trim();
    const [ref = "", ...rest] = args.split(/\s+/u);
    if (parseMeetingRef(ref) === undefined || rest.length === 0) {
      return void (await ctx.reply(ctx.t("move-meeting-usage")));
    }
    const meeting = await findMeetingByRef(ctx, cell.id, ref);
    if (!meeting) return;
    const problem = closedProblem(ctx, meeting);
    if (problem) return void (await ctx.reply(problem));
    const start = await checkStart(ctx, cell.id, rest.join(" "));
    if (!start.ok) return void (await ctx.reply(start.message));
    if (start.value.getTime() === meeting.startsAt.getTime()) {
      return void (await ctx.reply(ctx.t("move-meeting-same-time", { ref: String(meeting.number) })));
    }
    const mover = ctx.caller?.member?.id ?? null;
    if (!(await moveMeeting(ctx.services, ctx.api, ctx.me.username, meeting, start.value, mover))) {
      return void (await ctx.reply(ctx.t("meeting-changed-meanwhile", { ref: String(meeting.number) })));
    }
    await recordAudit(ctx.services, {
      who: actorOf(ctx),
      what: "meeting.move",
      target: { type: "meeting", id: meeting.id },
      cellId: cell.id,
      from: { startsAt: meeting.startsAt.toISOString() },
      to: { startsAt: start.value.toISOString() },
    });
    const loc = await cellLocale(ctx.services, cell.id);
    await tellGroup(ctx, cell, meeting, "meeting-moved-group", {
      when: formatDateTime(start.value, loc.timeZone, loc.locale),
    });
    if (ctx.chat.id !== cell.chatId)
      await ctx.reply(ctx.t("move-meeting-done", { ref: String(meeting.number) }));
  });

  return feature;
}

// ---- helpers -------------------------------------------------------------------------------------

/** A planned meeting whose start has passed was held (or is being held) and is not closed yet. */
function shownState(state: MeetingState, startsAt: Date, now: Date): MeetingState {
  return state === "planned" && startsAt.getTime() <= now.getTime() ? "in_progress" : state;
}

/** Cells the caller manages (group: the group's cell; private: every cell where they are a manager). */
async function managerCells(ctx: BotContext): Promise<CellView[]> {
  const { repos } = ctx.services;
  if (ctx.chat?.type !== "private") {
    const cell = ctx.chat ? await groupCell(ctx, ctx.chat.id) : null;
    return cell && cell.active && (await isCellManager(ctx, cell)) ? [cell] : [];
  }
  const ids = ctx.caller?.member?.memberships.filter((m) => m.cellActive).map((m) => m.cellId) ?? [];
  const cells: CellView[] = [];
  for (const cell of await repos.cells.listByIds(ids)) {
    if (await hasPower(ctx, cell, "manager")) cells.push(cell);
  }
  if (ctx.caller?.isAdmin && cells.length === 0) {
    const org = await adminOrganisation(ctx);
    cells.push(...(await repos.cells.listByOrganisation(org.id, { activeOnly: true })));
  }
  return cells;
}

/** The cell of a pressed button when the presser manages it; answers the query otherwise. */
async function managedCell(ctx: CallbackQueryContext<BotContext>, cellId: number): Promise<CellView | null> {
  const cell = await ctx.services.repos.cells.get(cellId);
  if (!cell || !cell.active) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-expired"), show_alert: true });
    return null;
  }
  if (!(await isCellManager(ctx, cell))) {
    ctx.log.info({ from: ctx.from.id, cellId }, "refused: meeting button by a non-manager");
    await ctx.answerCallbackQuery({ text: ctx.t("refused-secretary-only"), show_alert: true });
    return null;
  }
  return cell;
}

async function startMeeting(ctx: BotContext, cell: CellView, args: string): Promise<void> {
  if (args === "") {
    await showKindStep(ctx, cell);
    return;
  }
  const read = await parseMeetingCommand(ctx, cell.id, args);
  if (!read.ok && !read.choices) {
    await ctx.reply(read.message);
    return;
  }
  await showReading(ctx, cell, "r", read);
}

/** Nothing reaches the group before the secretary has seen it: the preview, or which hour first. */
async function showReading(ctx: BotContext, cell: CellView, kind: string, read: ReadMeeting): Promise<void> {
  const loc = await cellLocale(ctx.services, cell.id);
  if (read.ok) {
    const { startsAt, place, title } = read.value;
    // The same command twice: said now rather than after [Thông báo].
    const existing = await ctx.services.repos.meetings.findOpenAt(cell.id, startsAt);
    if (existing)
      return void (await ctx.reply(ctx.t("meeting-already-exists", { ref: String(existing.number) })));
    await showPreview(ctx, cell, kind, stampOf(startsAt, loc.timeZone), { place, title }, "send");
    return;
  }
  const draft = { place: read.place ?? null, title: read.title ?? null };
  const flags = `${draft.place ? "m" : "n"}${draft.title ? "t" : ""}`;
  const keyboard = new InlineKeyboard();
  for (const at of read.choices ?? []) {
    const label = hourReading(ctx.t.bind(ctx), at, loc.timeZone);
    keyboard.text(label, `mg:${cell.id}:pv:${kind}:${stampOf(at, loc.timeZone)}:${flags}`);
  }
  keyboard.row().text(ctx.t("meeting-guided-cancel-button"), `mg:${cell.id}:x`);
  const first = read.choices?.[0];
  const date = first ? localDateOf(first, loc.timeZone) : undefined;
  const head = await summary(ctx, cell, { kind, ...(date ? { date } : {}), ...draft });
  await ctx.reply(`${head}\n\n${read.message}`, { reply_markup: keyboard });
}

/**
 * The preview of a typed /meeting (PRODUCT §4B, issue 9): the date in full, the place and the title as
 * the group will see them, with [Thông báo] [Sửa] [Thôi]. The place and title stay in the text (the
 * bot's own) and the buttons only say whether to read them back.
 */
async function showPreview(
  ctx: BotContext,
  cell: CellView,
  kind: string,
  stamp: string,
  draft: { place: string | null; title: string | null },
  how: Show,
): Promise<void> {
  const flags = `${draft.place ? "m" : "n"}${draft.title ? "t" : ""}`;
  const keyboard = new InlineKeyboard()
    .text(ctx.t("meeting-preview-announce-button"), `mg:${cell.id}:ok:${kind}:${stamp}:${flags}`)
    .text(ctx.t("meeting-preview-edit-button"), `mg:${cell.id}:e:${kind}`)
    .text(ctx.t("meeting-guided-cancel-button"), `mg:${cell.id}:x`);
  const head = await summary(ctx, cell, { kind, stamp, ...draft });
  await show(ctx, how, `${head}\n\n${ctx.t("meeting-preview-ask")}`, keyboard);
}

/** Whether the pressed message still carries the pressed button (an old or forged press does not). */
function stillOffers(ctx: CallbackQueryContext<BotContext>): boolean {
  const { data, message } = ctx.callbackQuery;
  const rows = message && "reply_markup" in message ? (message.reply_markup?.inline_keyboard ?? []) : [];
  return rows.some((row) => row.some((b) => "callback_data" in b && b.callback_data === data));
}

/** The place and title written in the pressed message (the bot's own preview), checked again. */
function writtenDraft(
  ctx: CallbackQueryContext<BotContext>,
  hasPlace: boolean,
  hasTitle: boolean,
): Checked<{ place: string | null; title: string | null }> {
  const lines = (ctx.callbackQuery.message?.text ?? "").split("\n");
  const written = (prefix: string) => (lines.find((l) => l.startsWith(prefix)) ?? "").slice(prefix.length);
  const place = hasPlace ? checkPlace(ctx, written(PLACE_PREFIX)) : ({ ok: true, value: null } as const);
  if (!place.ok) return place;
  const title = hasTitle ? checkTitle(ctx, written(TITLE_PREFIX)) : ({ ok: true, value: null } as const);
  if (!title.ok) return title;
  return { ok: true, value: { place: place.value, title: title.value } };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
function ymd(d: LocalDate): string {
  return `${d.year}${pad(d.month)}${pad(d.day)}`;
}
function parseYmd(text: string): LocalDate | null {
  const d = {
    year: Number(text.slice(0, 4)),
    month: Number(text.slice(4, 6)),
    day: Number(text.slice(6, 8)),
  };
  return isValidDate(d) ? d : null;
}
function stampOf(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${ymd(p)}${pad(p.hour)}${pad(p.minute)}`;
}
function compareToToday(date: LocalDate, ctx: BotContext, timeZone: string): number {
  const today = localDateOf(ctx.services.clock.now(), timeZone);
  return ymd(date).localeCompare(ymd(today));
}

/** A start from "YYYYMMDDHHMM" (untrusted callback data) in the cell's zone, in the future. */
async function startFromStamp(
  ctx: BotContext,
  cell: CellView,
  stamp: string,
): Promise<{ ok: true; value: Date } | { ok: false; message: string }> {
  const date = parseYmd(stamp.slice(0, 8));
  const hour = Number(stamp.slice(8, 10));
  const minute = Number(stamp.slice(10, 12));
  if (!date || hour > 23 || minute > 59) return { ok: false, message: ctx.t("button-expired") };
  const loc = await cellLocale(ctx.services, cell.id);
  const at = zonedTimeToUtc(date, { hour, minute }, loc.timeZone);
  if (at.getTime() <= ctx.services.clock.now().getTime()) {
    return {
      ok: false,
      message: ctx.t(DATETIME_PROBLEM_KEYS.past, {
        given: formatDateTime(at, loc.timeZone, loc.locale),
        detail: "",
      }),
    };
  }
  return { ok: true, value: at };
}

type Show = "edit" | "send";
async function show(ctx: BotContext, how: Show, text: string, keyboard: InlineKeyboard): Promise<void> {
  if (how === "edit" && ctx.callbackQuery?.message) await editPressed(ctx, text, { reply_markup: keyboard });
  else await ctx.reply(text, { reply_markup: keyboard });
}

interface Summary {
  kind?: string;
  date?: LocalDate;
  stamp?: string;
  place?: string | null;
  /** A typed /meeting's title (null: the kind's usual title, shown as such). */
  title?: string | null;
}
async function summary(ctx: BotContext, cell: CellView, s: Summary): Promise<string> {
  const loc = await cellLocale(ctx.services, cell.id);
  const lang = await ctx.i18n.getLocale();
  const lines = [ctx.t("meeting-guided-header", { cell: cell.name })];
  if (s.kind)
    lines.push(
      ctx.t("meeting-guided-kind-line", {
        kind: ctx.t(KIND_KEYS[KIND_CODES[s.kind] ?? "regular"]),
      }),
    );
  let startsAt: Date | undefined;
  if (s.stamp) {
    const d = parseYmd(s.stamp.slice(0, 8));
    if (d) {
      startsAt = zonedTimeToUtc(
        d,
        { hour: Number(s.stamp.slice(8, 10)), minute: Number(s.stamp.slice(10, 12)) },
        loc.timeZone,
      );
      lines.push(ctx.t("meeting-guided-when-line", { when: formatDateTime(startsAt, loc.timeZone, lang) }));
    }
  } else if (s.date) {
    const at = zonedTimeToUtc(s.date, { hour: 12, minute: 0 }, loc.timeZone);
    lines.push(ctx.t("meeting-guided-date-line", { date: formatDate(at, loc.timeZone, lang) }));
  }
  if (s.place !== undefined) {
    lines.push(s.place ? `${PLACE_PREFIX}${s.place}` : ctx.t("meeting-announcement-no-place"));
  }
  if (s.title) lines.push(`${TITLE_PREFIX}${s.title}`);
  else if (s.title === null && startsAt) {
    const kind = KIND_CODES[s.kind ?? "r"] ?? "regular";
    const usual = meetingTitle(ctx.services, { ...loc, locale: lang }, { title: null, kind, startsAt });
    lines.push(`${TITLE_PREFIX}${usual}`);
  }
  return lines.join("\n");
}

async function showKindStep(ctx: BotContext, cell: CellView): Promise<void> {
  const keyboard = new InlineKeyboard();
  for (const [code, kind] of Object.entries(KIND_CODES)) {
    keyboard.text(ctx.t(KIND_KEYS[kind]), `mg:${cell.id}:k:${code}`).row();
  }
  keyboard.text(ctx.t("meeting-guided-cancel-button"), `mg:${cell.id}:x`);
  await ctx.reply(`${await summary(ctx, cell, {})}\n\n${ctx.t("meeting-guided-ask-kind")}`, {
    reply_markup: keyboard,
  });
}

async function showDateStep(ctx: BotContext, cell: CellView, kind: string, how: Show): Promise<void> {
  const loc = await cellLocale(ctx.services, cell.id);
  const today = localDateOf(ctx.services.clock.now(), loc.timeZone);
  const lang = await ctx.i18n.getLocale();
  const keyboard = new InlineKeyboard();
  for (let i = 1; i <= DATE_CHOICES; i++) {
    const d = addDays(today, i);
    const at = zonedTimeToUtc(d, { hour: 12, minute: 0 }, loc.timeZone);
    keyboard.text(formatWeekdayShortDate(at, loc.timeZone, lang), `mg:${cell.id}:d:${kind}:${ymd(d)}`);
    if (i % 2 === 0) keyboard.row();
  }
  keyboard.row().text(ctx.t("meeting-guided-type-date-button"), `mg:${cell.id}:dt:${kind}`);
  keyboard.row().text(ctx.t("meeting-guided-cancel-button"), `mg:${cell.id}:x`);
  await show(
    ctx,
    how,
    `${await summary(ctx, cell, { kind })}\n\n${ctx.t("meeting-guided-ask-date")}`,
    keyboard,
  );
}

async function showTimeStep(
  ctx: BotContext,
  cell: CellView,
  kind: string,
  date: LocalDate,
  how: Show,
): Promise<void> {
  const keyboard = new InlineKeyboard();
  for (const t of TIME_PRESETS)
    keyboard.text(`${t.slice(0, 2)}:${t.slice(2)}`, `mg:${cell.id}:t:${kind}:${ymd(date)}${t}`);
  keyboard.row().text(ctx.t("meeting-guided-type-time-button"), `mg:${cell.id}:tt:${kind}:${ymd(date)}`);
  keyboard.row().text(ctx.t("meeting-guided-cancel-button"), `mg:${cell.id}:x`);
  await show(
    ctx,
    how,
    `${await summary(ctx, cell, { kind, date })}\n\n${ctx.t("meeting-guided-ask-time")}`,
    keyboard,
  );
}

async function showPlaceStep(
  ctx: BotContext,
  cell: CellView,
  kind: string,
  stamp: string,
  how: Show,
): Promise<void> {
  const last = await ctx.services.repos.meetings.lastPlace(cell.id);
  const keyboard = new InlineKeyboard();
  if (last) keyboard.text(clip(last, 40), `mg:${cell.id}:p:${kind}:${stamp}:l`).row();
  keyboard.text(ctx.t("meeting-guided-type-place-button"), `mg:${cell.id}:pt:${kind}:${stamp}`).row();
  keyboard.text(ctx.t("meeting-guided-no-place-button"), `mg:${cell.id}:p:${kind}:${stamp}:n`).row();
  keyboard.text(ctx.t("meeting-guided-cancel-button"), `mg:${cell.id}:x`);
  await show(
    ctx,
    how,
    `${await summary(ctx, cell, { kind, stamp })}\n\n${ctx.t("meeting-guided-ask-place")}`,
    keyboard,
  );
}

async function showConfirm(
  ctx: BotContext,
  cell: CellView,
  kind: string,
  stamp: string,
  place: string | null,
  how: Show,
): Promise<void> {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("meeting-guided-confirm-button"), `mg:${cell.id}:ok:${kind}:${stamp}:${place ? "m" : "n"}`)
    .text(ctx.t("meeting-guided-cancel-button"), `mg:${cell.id}:x`);
  await show(
    ctx,
    how,
    `${await summary(ctx, cell, { kind, stamp, place })}\n\n${ctx.t("meeting-guided-ask-confirm")}`,
    keyboard,
  );
}

/** The question and the input field's placeholder of each typed value of the guided flow. */
const GUIDED_QUESTION_KEYS = {
  "meeting-date": { text: "meeting-guided-type-date", placeholder: "meeting-guided-type-date-placeholder" },
  "meeting-time": { text: "meeting-guided-type-time", placeholder: "meeting-guided-type-time-placeholder" },
  "meeting-place": {
    text: "meeting-guided-type-place",
    placeholder: "meeting-guided-type-place-placeholder",
  },
  "meeting-retype": { text: "meeting-preview-retype", placeholder: "meeting-preview-retype-placeholder" },
} as const satisfies Record<TypedKind & `meeting-${string}`, { text: string; placeholder: string }>;

/** Asks the presser for a typed value of the guided flow, where they pressed (group or private). */
async function askGuided<K extends keyof typeof GUIDED_QUESTION_KEYS>(
  ctx: CallbackQueryContext<BotContext>,
  kind: K & TypedKind,
  payload: Parameters<typeof askTyped<K>>[1]["payload"],
): Promise<void> {
  const keys = GUIDED_QUESTION_KEYS[kind];
  await askTyped(ctx, {
    userId: ctx.from.id,
    chatId: ctx.chat?.id ?? ctx.from.id,
    kind,
    payload,
    text: ctx.t(keys.text),
    placeholder: ctx.t(keys.placeholder),
    user: ctx.from,
  });
}

/** The cell of a typed answer when the person still manages it (re-checked now); refuses otherwise. */
async function guidedCell(ctx: BotContext, cellId: number, kind: string): Promise<CellView | null> {
  const cell = await ctx.services.repos.cells.get(cellId);
  if (!cell || !cell.active || !KIND_CODES[kind] || !(await isCellManager(ctx, cell))) {
    await refuse(ctx, "manager");
    return null;
  }
  return cell;
}

/** Tells why the typed value cannot be used; the question stays open for another try. */
async function keep(ctx: BotContext, message: string): Promise<TypedOutcome> {
  await ctx.reply(message);
  return "keep";
}

async function tellGroup(
  ctx: BotContext,
  cell: CellView,
  meeting: MeetingView,
  key: string,
  vars: Record<string, string>,
): Promise<void> {
  if (cell.chatId === null) return;
  const loc = await cellLocale(ctx.services, cell.id);
  const text = ctx.services.translate(loc.locale, key, {
    ref: String(meeting.number),
    title: meetingTitle(ctx.services, loc, meeting),
    was: formatDateTime(meeting.startsAt, loc.timeZone, loc.locale),
    ...vars,
  });
  try {
    await ctx.api.sendMessage(cell.chatId, text);
  } catch (err) {
    if (!(err instanceof GrammyError)) throw err;
    ctx.log.warn({ meetingId: meeting.id, err: errorForLog(err) }, "group not told");
  }
}
