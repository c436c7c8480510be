// `/task` alone, and "Giao nhiệm vụ từ kết luận" after /close_meeting: the guided flow (PRODUCT §4C).
// Assignees by buttons (a party group, the whole cell, or one member from /members; a group leader
// sees only their own), the title typed (the typed-answer protocol), the due date from buttons
// ("cuối tuần", "cuối tháng", "không có hạn") or typed, then the same preview as the typed command.
// Between steps the state is the button data and, once the title is typed, the draft task itself;
// each press re-checks in the database that the presser may still give the task.
import { Composer, InlineKeyboard } from "grammy";
import type { CallbackQueryContext } from "grammy";
import { hasPower, isCellManager } from "../../bot/cell-access.ts";
import type { BotContext } from "../../bot/context.ts";
import { CALLBACK_ANSWER_MAX, clip } from "../../bot/kit/clip.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { sendPrivately } from "../../bot/kit/send-privately.ts";
import { askTyped, onTypedAnswer } from "../../bot/kit/typed-answer.ts";
import { cleanText } from "../../clean-text.ts";
import {
  addDays,
  endOfLocalDay,
  lastDayOfMonth,
  localDateOf,
  weekdayOf,
  zonedTimeToUtc,
} from "../../datetime/calendar.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { MeetingView } from "../../db/repositories/meetings.ts";
import { memberName } from "../members/member-ref.ts";
import { refusedAsPaused } from "../meetings/paused.ts";
import { ledGroupIds, ledMemberIds } from "./access.ts";
import { isDraftExpired } from "./drafts.ts";
import { checkDue, checkTaskTitle, createDraft, draftOf, previewKeyboard, previewText } from "./create.ts";
import { taskCellLocale } from "./text.ts";

const MAX_MEMBER_BUTTONS = 24;

async function alert(ctx: BotContext, text: string): Promise<void> {
  await ctx.answerCallbackQuery({ text: clip(text, CALLBACK_ANSWER_MAX), show_alert: true });
}

/** The assignee step: one button per choice the caller may make. */
export async function startGuidedTask(
  ctx: BotContext,
  cell: CellView,
  meetingId: number | null,
): Promise<void> {
  const { repos } = ctx.services;
  const manager = await isCellManager(ctx, cell);
  const groups = await repos.partyGroups.listByCell(cell.id);
  const ledGroups = manager ? null : await ledGroupIds(ctx, cell);
  const led = manager ? null : await ledMemberIds(ctx, cell);
  const me = ctx.caller?.member?.id;
  const members = (await repos.memberships.listActive(cell.id)).filter(
    (m) => m.memberId !== me && (led === null || led.has(m.memberId)),
  );
  const m = meetingId ?? 0;
  const keyboard = new InlineKeyboard();
  for (const g of groups.filter((g) => ledGroups === null || ledGroups.has(g.id))) {
    keyboard.text(`👥 ${clip(g.name, 30)}`, `tkw:${cell.id}:${m}:g${g.id}`).row();
  }
  if (manager) keyboard.text(ctx.t("task-guided-whole-cell"), `tkw:${cell.id}:${m}:a`).row();
  members.slice(0, MAX_MEMBER_BUTTONS).forEach((x, i) => {
    keyboard.text(clip(`#${x.number} ${memberName(x)}`, 30), `tkw:${cell.id}:${m}:m${x.memberId}`);
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row().text(ctx.t("task-preview-cancel-button"), `tkw:${cell.id}:x`);
  const lines = [ctx.t("task-guided-who", { cell: cell.name })];
  if (members.length > MAX_MEMBER_BUTTONS) lines.push(ctx.t("task-guided-more-members"));
  await ctx.reply(lines.join("\n"), { reply_markup: keyboard });
}

/** The cell of a guided step, when the presser may still give tasks there; answers otherwise. */
async function guidedCell(ctx: BotContext, cellId: number): Promise<CellView | null> {
  const cell = await ctx.services.repos.cells.get(cellId);
  if (!cell) {
    if (ctx.callbackQuery) await alert(ctx, ctx.t("button-expired"));
    return null;
  }
  if (!(await hasPower(ctx, cell, "group_leader"))) {
    ctx.log.info({ from: ctx.from?.id, cellId }, "refused: guided task by someone who may not give tasks");
    const text = ctx.t("refused-group-leader-only");
    if (ctx.callbackQuery) await alert(ctx, text);
    else await ctx.reply(text);
    return null;
  }
  if (await refusedAsPaused(ctx, cell)) return null;
  return cell;
}

/** The members a choice names, within what the caller may assign; null when it names nothing valid. */
async function membersOf(
  ctx: BotContext,
  cell: CellView,
  who: string,
): Promise<{ ids: number[]; groupId: number | null } | null> {
  const { repos } = ctx.services;
  const me = ctx.caller?.member?.id;
  const active = (await repos.memberships.listActive(cell.id)).filter((m) => m.memberId !== me);
  const manager = await isCellManager(ctx, cell);
  if (who === "a") return manager ? { ids: active.map((m) => m.memberId), groupId: null } : null;
  const id = Number(who.slice(1));
  if (who.startsWith("g")) {
    const group = await repos.partyGroups.get(id);
    if (!group || group.cellId !== cell.id) return null;
    if (!manager && !(await ledGroupIds(ctx, cell)).has(id)) return null;
    return { ids: active.filter((m) => m.partyGroupId === id).map((m) => m.memberId), groupId: id };
  }
  const member = active.find((m) => m.memberId === id);
  if (!member || (!manager && !(await ledMemberIds(ctx, cell)).has(id))) return null;
  return { ids: [id], groupId: null };
}

/** The meeting named in the flow (0: none), when it is this cell's. */
async function meetingOf(ctx: BotContext, cell: CellView, meetingId: number): Promise<MeetingView | null> {
  return meetingId === 0 ? null : ctx.services.repos.meetings.getInCell(cell.id, meetingId);
}

/** End of the coming Sunday (today if Sunday) or of the month's last day, in the cell's zone. */
async function presetDue(ctx: BotContext, cellId: number, preset: "w" | "m"): Promise<Date> {
  const loc = await taskCellLocale(ctx.services, cellId);
  const today = localDateOf(ctx.services.clock.now(), loc.timeZone);
  const day =
    preset === "w" ? addDays(today, (7 - weekdayOf(today)) % 7) : lastDayOfMonth(today.year, today.month);
  return endOfLocalDay(zonedTimeToUtc(day, { hour: 12, minute: 0 }, loc.timeZone), loc.timeZone);
}

async function showDueStep(ctx: BotContext, taskId: number): Promise<void> {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("task-guided-due-week"), `tkd:${taskId}:w`)
    .text(ctx.t("task-guided-due-month"), `tkd:${taskId}:m`)
    .row()
    .text(ctx.t("task-guided-due-none"), `tkd:${taskId}:n`)
    .text(ctx.t("task-guided-due-type"), `tkd:${taskId}:t`)
    .row()
    .text(ctx.t("task-preview-cancel-button"), `tk:x:${taskId}`);
  await ctx.reply(ctx.t("task-guided-due"), { reply_markup: keyboard });
}

async function showPreview(ctx: BotContext, taskId: number, how: "edit" | "send"): Promise<void> {
  const task = await ctx.services.repos.tasks.get(taskId);
  if (!task) return;
  const text = await previewText(ctx, task);
  if (how === "edit") await editPressed(ctx, text, { reply_markup: previewKeyboard(ctx, task) });
  else await ctx.reply(text, { reply_markup: previewKeyboard(ctx, task) });
}

/**
 * After /close_meeting: offers the secretary, privately, to give tasks from the conclusions. One
 * call from the close handler; a secretary who cannot be written to privately is simply not asked.
 */
export async function offerTasksFromConclusions(
  ctx: BotContext,
  meeting: { id: number; number: number },
): Promise<void> {
  if (!ctx.from) return;
  await sendPrivately(
    ctx.services,
    ctx.api,
    { telegramId: ctx.from.id, reachable: ctx.caller?.member?.reachable ?? true },
    ctx.t("task-from-meeting-offer", { ref: String(meeting.number) }),
    { reply_markup: new InlineKeyboard().text(ctx.t("task-from-meeting-button"), `tkm:${meeting.id}`) },
    { meetingId: meeting.id },
  );
}

export function createGuidedTaskFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(/^tkm:(\d{1,9})$/, async (ctx) => {
    const meeting = await ctx.services.repos.meetings.get(Number(ctx.match[1]));
    if (!meeting) return void (await alert(ctx, ctx.t("button-expired")));
    const cell = await guidedCell(ctx, meeting.cellId);
    if (!cell) return;
    await ctx.answerCallbackQuery();
    await startGuidedTask(ctx, cell, meeting.id);
  });

  feature.callbackQuery(/^tkw:(\d{1,9}):x$/, async (ctx) => {
    if (!(await guidedCell(ctx, Number(ctx.match[1])))) return;
    await ctx.answerCallbackQuery();
    await editPressed(ctx, ctx.t("task-preview-dropped"));
  });

  feature.callbackQuery(/^tkw:(\d{1,9}):(\d{1,9}):(a|[gm]\d{1,9})$/, async (ctx) => {
    const cell = await guidedCell(ctx, Number(ctx.match[1]));
    if (!cell) return;
    const who = ctx.match[3]!;
    const chosen = await membersOf(ctx, cell, who);
    if (!chosen) return void (await alert(ctx, ctx.t("button-expired")));
    if (chosen.ids.length === 0) return void (await alert(ctx, ctx.t("task-group-empty")));
    const meeting = await meetingOf(ctx, cell, Number(ctx.match[2]));
    await ctx.answerCallbackQuery();
    await editPressed(ctx, ctx.t("task-guided-who-chosen", { count: chosen.ids.length }));
    await askGuidedTitle(ctx, cell, meeting, who);
  });

  feature.use(
    onTypedAnswer("task-title", async (ctx, { payload, text }) => {
      const cell = await guidedCell(ctx, payload.cellId);
      if (!cell || text === null) return "done";
      const chosen = await membersOf(ctx, cell, payload.who);
      if (!chosen || chosen.ids.length === 0) {
        await ctx.reply(ctx.t("task-changed-meanwhile", { ref: "" }));
        return "done";
      }
      const title = checkTaskTitle(ctx, cleanText(text));
      if (!title.ok) {
        await ctx.reply(title.message);
        return "keep";
      }
      const meeting = await meetingOf(ctx, cell, payload.meetingId);
      const task = await createDraft(ctx, cell, {
        title: title.value,
        dueAt: null,
        meetingId: meeting?.id ?? null,
        memberIds: chosen.ids,
        partyGroupId: chosen.groupId,
      });
      if (task) await showDueStep(ctx, task.id);
      return "done";
    }),
  );

  feature.callbackQuery(/^tkd:(\d{1,9}):([wmnt])$/, async (ctx) => {
    const found = await draftOf(ctx, Number(ctx.match[1]));
    if (!found) return;
    const choice = ctx.match[2]!;
    if (choice === "t") {
      await ctx.answerCallbackQuery();
      await askTyped(ctx, {
        userId: ctx.from.id,
        chatId: ctx.chat?.id ?? ctx.from.id,
        kind: "task-due",
        payload: { taskId: found.task.id },
        text: ctx.t("task-guided-due-ask"),
        placeholder: ctx.t("task-guided-due-placeholder"),
        user: ctx.from,
      });
      return;
    }
    const due = choice === "n" ? null : await presetDue(ctx, found.cell.id, choice as "w" | "m");
    await ctx.services.repos.tasks.setDraftDue(found.task.id, due);
    await ctx.answerCallbackQuery();
    await showPreview(ctx, found.task.id, "edit");
  });

  feature.use(
    onTypedAnswer("task-due", async (ctx, { payload, text }) => {
      const { repos } = ctx.services;
      const task = await repos.tasks.get(payload.taskId);
      if (!task || isDraftExpired(task, ctx.services.clock.now())) {
        await ctx.reply(ctx.t("task-preview-expired"));
        return "done";
      }
      const cell = await guidedCell(ctx, task.cellId);
      if (!cell || text === null) return "done";
      if (task.state !== "draft" || task.assignerMemberId !== (ctx.caller?.member?.id ?? null)) {
        await ctx.reply(ctx.t("task-preview-already", { ref: String(task.id) }));
        return "done";
      }
      const due = await checkDue(ctx, cell.id, text);
      if (!due.ok) {
        await ctx.reply(due.message);
        return "keep";
      }
      await repos.tasks.setDraftDue(task.id, due.value);
      await showPreview(ctx, task.id, "send");
      return "done";
    }),
  );

  return feature;
}

async function askGuidedTitle(
  ctx: CallbackQueryContext<BotContext>,
  cell: CellView,
  meeting: MeetingView | null,
  who: string,
): Promise<void> {
  const lines = [ctx.t("task-guided-title")];
  if (meeting?.conclusions) {
    lines.push(
      ctx.t("task-guided-conclusions", {
        ref: String(meeting.number),
        conclusions: clip(meeting.conclusions, 600),
      }),
    );
  }
  await askTyped(ctx, {
    userId: ctx.from.id,
    chatId: ctx.chat?.id ?? ctx.from.id,
    kind: "task-title",
    payload: { cellId: cell.id, meetingId: meeting?.id ?? 0, who },
    text: lines.join("\n"),
    placeholder: ctx.t("task-guided-title-placeholder"),
    user: ctx.from,
  });
}
