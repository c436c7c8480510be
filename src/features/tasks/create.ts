// Giving a task (PRODUCT §4C): `/task <assignees> <title> [hạn <date> [<time>]] [| họp #3]`, a preview
// with [Giao nhiệm vụ] [Thôi] (the task is a draft until then), and the delivery: privately to each
// assignee in their language with the four buttons; in the group, with a mention and the
// "nhận nhắc riêng" link, to those the bot cannot write to; the giver is told who those were.
import { Composer, GrammyError, HttpError, InlineKeyboard } from "grammy";
import type { CallbackQueryContext } from "grammy";
import { isCellManager } from "../../bot/cell-access.ts";
import { commandCell, onCellPicked } from "../../bot/kit/cell-picker.ts";
import type { BotContext } from "../../bot/context.ts";
import { clip } from "../../bot/kit/clip.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { sendPrivately } from "../../bot/kit/send-privately.ts";
import { endOfLocalDay } from "../../datetime/calendar.ts";
import { DATETIME_PROBLEM_KEYS, givenForMessage, parseDateTime } from "../../datetime/parse.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { TaskView } from "../../db/repositories/tasks.ts";
import { errorForLog } from "../../scheduler/telegram-errors.ts";
import { isSameGroupName } from "../groups/group-names.ts";
import { answerMemberLookup, lookupMemberRef, memberName, refHintsOf } from "../members/member-ref.ts";
import { refusedAsPaused } from "../meetings/paused.ts";
import { parseMeetingRef } from "../meetings/references.ts";
import { withPrivateRemindersButton } from "../reach/reach.ts";
import { ledMemberIds, mayManageTask } from "./access.ts";
import { isDraftExpired } from "./drafts.ts";
import { auditTask, mentionList } from "./notify.ts";
import { isWholeCell, looksLikeGroup, MAX_TASK_TITLE, splitAssigneeList, splitTaskCommand } from "./parse.ts";
import { startGuidedTask } from "./guided.ts";
import { planTaskReminders } from "./reminders.ts";
import {
  assigneeKeyboard,
  assigneeName,
  dueLine,
  newTaskText,
  personLocale,
  taskCellLocale,
  translatorFor,
} from "./text.ts";

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export interface TaskDraft {
  title: string;
  dueAt: Date | null;
  meetingId: number | null;
  memberIds: number[];
  partyGroupId: number | null;
}

/** The title as typed: not empty, at most 500 characters (refused, never cut). */
export function checkTaskTitle(ctx: BotContext, title: string): Checked<string> {
  if (title === "") return { ok: false, message: ctx.t("task-title-empty") };
  const length = [...title].length;
  if (length > MAX_TASK_TITLE) {
    return {
      ok: false,
      message: ctx.t("task-title-too-long", { length: String(length), max: String(MAX_TASK_TITLE) }),
    };
  }
  return { ok: true, value: title };
}

/** The due phrase read in the cell's zone: a day alone means the end of that day; never in the past. */
export async function checkDue(
  ctx: BotContext,
  cellId: number,
  dueText: string | null,
): Promise<Checked<Date | null>> {
  if (dueText === null) return { ok: true, value: null };
  if (dueText.trim() === "") return { ok: false, message: ctx.t("task-due-missing") };
  const loc = await taskCellLocale(ctx.services, cellId);
  const now = ctx.services.clock.now();
  const parsed = parseDateTime(dueText, { now, timeZone: loc.timeZone });
  if (!parsed.ok) {
    return {
      ok: false,
      message: ctx.t(DATETIME_PROBLEM_KEYS[parsed.problem], {
        given: givenForMessage(dueText),
        detail: "",
      }),
    };
  }
  const at = parsed.hasTime ? parsed.at : endOfLocalDay(parsed.at, loc.timeZone);
  if (at.getTime() <= now.getTime()) {
    return {
      ok: false,
      message: ctx.t(DATETIME_PROBLEM_KEYS.past, { given: givenForMessage(dueText), detail: "" }),
    };
  }
  return { ok: true, value: at };
}

/** Reads the whole command against the cell; replies nothing (the caller shows the message). */
export async function readTaskCommand(
  ctx: BotContext,
  cell: CellView,
  args: string,
): Promise<Checked<TaskDraft> | { ok: false; message: null }> {
  const { repos } = ctx.services;
  const groups = await repos.partyGroups.listByCell(cell.id);
  const text = ctx.msg?.text ?? "";
  const mentionTexts: { text: string; id: number; name: string }[] = [];
  for (const e of ctx.msg?.entities ?? []) {
    if (e.type === "text_mention") {
      mentionTexts.push({
        text: text.slice(e.offset, e.offset + e.length),
        id: e.user.id,
        name: e.user.first_name,
      });
    }
  }
  const parts = splitTaskCommand(
    args,
    groups.map((g) => g.name),
    mentionTexts.map((m) => m.text),
  );
  const title = checkTaskTitle(ctx, parts.title);
  if (!title.ok) return title;
  const due = await checkDue(ctx, cell.id, parts.dueText);
  if (!due.ok) return due;
  let meetingId: number | null = null;
  if (parts.meetingText !== null) {
    const number = parseMeetingRef(parts.meetingText);
    const meeting = typeof number === "number" ? await repos.meetings.getByNumber(cell.id, number) : null;
    if (!meeting) {
      return { ok: false, message: ctx.t("task-meeting-not-found", { given: clip(parts.meetingText, 32) }) };
    }
    meetingId = meeting.id;
  }

  const refs = splitAssigneeList(parts.assigneeText, parts.listed);
  const memberIds = new Set<number>();
  const groupIds = new Set<number>();
  const hints = refHintsOf(ctx);
  if (refs.length === 0 && hints.repliedTo) {
    const lookup = await lookupMemberRef(repos.memberships, cell.id, "", { repliedTo: hints.repliedTo });
    const member = await answerMemberLookup(ctx, lookup);
    if (!member) return { ok: false, message: null };
    memberIds.add(member.memberId);
  }
  const me = ctx.caller?.member?.id;
  for (const ref of refs) {
    if (isWholeCell(ref)) {
      for (const m of await repos.memberships.listActive(cell.id))
        if (m.memberId !== me) memberIds.add(m.memberId);
      continue;
    }
    const group = groups.find((g) => isSameGroupName(g.name, ref));
    if (group) {
      groupIds.add(group.id);
      for (const m of await repos.memberships.listActive(cell.id)) {
        if (m.partyGroupId === group.id && m.memberId !== me) memberIds.add(m.memberId);
      }
      continue;
    }
    if (looksLikeGroup(ref)) {
      return {
        ok: false,
        message: ctx.t("task-group-unknown", {
          given: clip(ref, 40),
          groups: groups.length > 0 ? groups.map((g) => g.name).join(", ") : "—",
        }),
      };
    }
    const mention = mentionTexts.find((m) => m.text === ref);
    const lookup = await lookupMemberRef(
      repos.memberships,
      cell.id,
      ref,
      mention ? { mentioned: { id: mention.id, name: mention.name } } : {},
    );
    const member = await answerMemberLookup(ctx, lookup);
    if (!member) return { ok: false, message: null };
    memberIds.add(member.memberId);
  }
  if (memberIds.size === 0) {
    const message =
      groupIds.size > 0
        ? ctx.t("task-group-empty")
        : looksLikeGroup(args)
          ? ctx.t("task-group-unknown", {
              given: clip(args.split(/\s+/).slice(0, 2).join(" "), 40),
              groups: groups.length > 0 ? groups.map((g) => g.name).join(", ") : "—",
            })
          : `${ctx.t("task-no-assignees")}\n\n${ctx.t("task-usage")}`;
    return { ok: false, message };
  }
  return {
    ok: true,
    value: {
      title: title.value,
      dueAt: due.value,
      meetingId,
      memberIds: [...memberIds],
      partyGroupId: groupIds.size === 1 ? [...groupIds][0]! : null,
    },
  };
}

/** A group leader gives tasks only to the members of the groups they lead. */
async function outsideLedGroups(
  ctx: BotContext,
  cell: CellView,
  memberIds: readonly number[],
): Promise<number[] | null> {
  if (await isCellManager(ctx, cell)) return null;
  const led = await ledMemberIds(ctx, cell);
  const outside = memberIds.filter((id) => !led.has(id));
  return outside.length > 0 ? outside : null;
}

/** Writes the draft and shows its preview (/task with arguments). */
export async function previewTask(ctx: BotContext, cell: CellView, draft: TaskDraft): Promise<void> {
  const task = await createDraft(ctx, cell, draft);
  if (!task) return;
  await ctx.reply(await previewText(ctx, task), { reply_markup: previewKeyboard(ctx, task) });
}

/** [Giao] [Thôi], and for a task without a due date the switch of the weekly "still on it?" check. */
export function previewKeyboard(
  ctx: BotContext,
  task: Pick<TaskView, "id" | "dueAt" | "weeklyCheck">,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (task.dueAt === null) {
    keyboard
      .text(ctx.t(task.weeklyCheck ? "task-weekly-off-button" : "task-weekly-on-button"), `tk:w:${task.id}`)
      .row();
  }
  return keyboard
    .text(ctx.t("task-preview-confirm-button"), `tk:ok:${task.id}`)
    .text(ctx.t("task-preview-cancel-button"), `tk:x:${task.id}`);
}

/** Writes the draft once a group leader's assignees are checked; null (and told why) otherwise. */
export async function createDraft(
  ctx: BotContext,
  cell: CellView,
  draft: TaskDraft,
): Promise<TaskView | null> {
  const { repos } = ctx.services;
  const outside = await outsideLedGroups(ctx, cell, draft.memberIds);
  if (outside) {
    const names = (await repos.memberships.listActive(cell.id))
      .filter((m) => outside.includes(m.memberId))
      .map((m) => memberName(m, 40));
    await ctx.reply(ctx.t("task-leader-outside-group", { names: names.join(", ") || "—" }));
    return null;
  }
  return repos.tasks.create({
    cellId: cell.id,
    title: draft.title,
    assignerMemberId: ctx.caller?.member?.id ?? null,
    partyGroupId: draft.partyGroupId,
    meetingId: draft.meetingId,
    dueAt: draft.dueAt,
    memberIds: draft.memberIds,
    state: "draft",
  });
}

export async function previewText(ctx: BotContext, task: TaskView): Promise<string> {
  const loc = await taskCellLocale(ctx.services, task.cellId);
  const lang = await ctx.i18n.getLocale();
  const t = (key: string, vars?: Record<string, string | number>) => ctx.t(key, vars);
  const names = task.assignments.map(assigneeName);
  const lines = [
    ctx.t("task-preview-header"),
    ctx.t("task-preview-title", { title: task.title }),
    ctx.t("task-preview-assignees", { count: names.length, names: clip(names.join(", "), 1500) }),
    dueLine(t, task, loc.timeZone, lang),
  ];
  // The meeting by its number in the cell, as people type it (never its internal id).
  const meeting = task.meetingId === null ? null : await ctx.services.repos.meetings.get(task.meetingId);
  if (meeting) lines.push(ctx.t("task-preview-meeting", { ref: String(meeting.number) }));
  if (task.dueAt === null && task.weeklyCheck) lines.push(ctx.t("task-preview-weekly"));
  const unreachable = task.assignments.filter((a) => a.telegramId === null || !a.reachable).length;
  if (unreachable > 0) lines.push(ctx.t("task-preview-unreachable", { count: unreachable }));
  lines.push("", ctx.t("task-preview-ask"));
  return lines.join("\n");
}

/** The draft of a pressed preview button, when the presser may give it; answers the query otherwise. */
export async function draftOf(
  ctx: CallbackQueryContext<BotContext>,
  taskId: number,
): Promise<{ task: TaskView; cell: CellView } | null> {
  const { repos } = ctx.services;
  const task = await repos.tasks.get(taskId);
  const cell = task ? await repos.cells.get(task.cellId) : null;
  if (!task || !cell) {
    // Most often a preview left for more than a day, whose draft the maintenance deleted.
    await ctx.answerCallbackQuery({ text: ctx.t("task-preview-expired"), show_alert: true });
    return null;
  }
  if (!(await mayManageTask(ctx, cell, task)) || task.assignerMemberId !== (ctx.caller?.member?.id ?? null)) {
    ctx.log.info({ from: ctx.from.id, taskId }, "refused: task preview pressed by someone else");
    await ctx.answerCallbackQuery({ text: ctx.t("button-not-for-you"), show_alert: true });
    return null;
  }
  if (await refusedAsPaused(ctx, cell)) return null;
  if (task.state !== "draft") {
    await ctx.answerCallbackQuery({ text: ctx.t("task-preview-already", { ref: String(task.id) }) });
    return null;
  }
  if (isDraftExpired(task, ctx.services.clock.now())) {
    await repos.tasks.dropDraft(task.id);
    await ctx.answerCallbackQuery({ text: ctx.t("task-preview-expired"), show_alert: true });
    await editPressed(ctx, ctx.t("task-preview-expired"));
    return null;
  }
  return { task, cell };
}

const TASK_PICKER = { command: "task", power: "group_leader" } as const;

/** `/task …` for a cell: the guided flow when nothing follows, else the preview of the typed task. */
async function runTaskCommand(ctx: BotContext, cell: CellView, args: string): Promise<void> {
  if (args === "") {
    await startGuidedTask(ctx, cell, null);
    return;
  }
  const read = await readTaskCommand(ctx, cell, args);
  if (!read.ok) {
    if (read.message !== null) await ctx.reply(read.message);
    return;
  }
  await previewTask(ctx, cell, read.value);
}

export function createTaskCreationFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("task", async (ctx) => {
    const cell = await commandCell(ctx, TASK_PICKER);
    if (!cell) return;
    await runTaskCommand(ctx, cell, ctx.match.trim());
  });
  feature.use(onCellPicked(TASK_PICKER, runTaskCommand));

  feature.callbackQuery(/^tk:x:(\d{1,9})$/, async (ctx) => {
    const found = await draftOf(ctx, Number(ctx.match[1]));
    if (!found) return;
    await ctx.services.repos.tasks.dropDraft(found.task.id);
    await ctx.answerCallbackQuery();
    await editPressed(ctx, ctx.t("task-preview-dropped"));
  });

  // The weekly check is chosen on the preview, so the giver sees it before anything is sent.
  feature.callbackQuery(/^tk:w:(\d{1,9})$/, async (ctx) => {
    const found = await draftOf(ctx, Number(ctx.match[1]));
    if (!found) return;
    const { repos } = ctx.services;
    if (
      found.task.dueAt !== null ||
      !(await repos.tasks.setDraftWeeklyCheck(found.task.id, !found.task.weeklyCheck))
    ) {
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
      return;
    }
    await ctx.answerCallbackQuery();
    const task = (await repos.tasks.get(found.task.id))!;
    await editPressed(ctx, await previewText(ctx, task), { reply_markup: previewKeyboard(ctx, task) });
  });

  feature.callbackQuery(/^tk:ok:(\d{1,9})$/, async (ctx) => {
    const found = await draftOf(ctx, Number(ctx.match[1]));
    if (!found) return;
    const { task, cell } = found;
    if (!(await ctx.services.repos.tasks.confirmDraft(task.id))) {
      await ctx.answerCallbackQuery({ text: ctx.t("task-preview-already", { ref: String(task.id) }) });
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t("task-giving") });
    await auditTask(ctx, task, "task.create", null, {
      title: task.title,
      dueAt: task.dueAt?.toISOString() ?? null,
      memberIds: task.assignments.map((a) => a.memberId),
      meetingId: task.meetingId,
    });
    const given = (await ctx.services.repos.tasks.get(task.id))!;
    const result = await deliverTask(ctx, cell, given);
    await planTaskReminders(ctx.services, task.id);
    const lines = [
      ctx.t("task-given", {
        ref: String(task.id),
        count: given.assignments.length,
        title: clip(task.title, 200),
      }),
    ];
    if (result.unreachable.length > 0) {
      lines.push(
        ctx.t(result.postedInGroup ? "task-unreachable-in-group" : "task-unreachable-nowhere", {
          names: result.unreachable.join(", "),
        }),
      );
    }
    await editPressed(ctx, lines.join("\n"), undefined, { otherwise: "send" });
  });

  return feature;
}

/** The name the assignees see for the giver. */
function giverName(ctx: BotContext): string {
  const me = ctx.caller?.member;
  return me ? memberName(me, 48) : clip(ctx.from?.first_name ?? "", 48);
}

/**
 * Sends the task to each assignee privately; those who cannot be reached are named in one group
 * post with the buttons and the "nhận nhắc riêng" link. Returns the names of the unreachable.
 */
export async function deliverTask(
  ctx: BotContext,
  cell: CellView,
  task: TaskView,
  only?: ReadonlySet<number>,
  /** The giver's name as the assignees see it; by default the sender of the update. */
  giverAs?: string,
): Promise<{ unreachable: string[]; postedInGroup: boolean }> {
  const { services } = ctx;
  const loc = await taskCellLocale(services, cell.id);
  const giver = giverAs ?? giverName(ctx);
  const missed: typeof task.assignments = [];
  for (const a of task.assignments) {
    if (only && !only.has(a.id)) continue;
    if (a.state !== "assigned") continue;
    const locale = personLocale(a.locale, loc);
    const t = translatorFor(services.translate, locale);
    const sent = await sendPrivately(
      services,
      ctx.api,
      { telegramId: a.telegramId, reachable: a.reachable },
      newTaskText(t, task, giver, { locale, timeZone: loc.timeZone }),
      { reply_markup: assigneeKeyboard(t, task.id) },
      { taskId: task.id },
    );
    if (sent.status !== "sent") missed.push(a);
  }
  if (missed.length === 0) return { unreachable: [], postedInGroup: false };
  const names = missed.map(assigneeName);
  if (cell.chatId === null) return { unreachable: names, postedInGroup: false };
  const t = translatorFor(services.translate, loc.locale);
  const mentions = mentionList(
    missed.map((a) => ({ name: assigneeName(a), telegramId: a.telegramId, username: a.username })),
    t("task-and"),
    0,
  );
  const text = [
    `${mentions.text}${t("task-group-fallback", { assigner: giver, title: task.title, ref: String(task.id) })}`,
    dueLine(t, task, loc.timeZone, loc.locale),
    t("task-group-fallback-hint"),
  ].join("\n");
  try {
    await ctx.api.sendMessage(cell.chatId, text, {
      entities: mentions.entities,
      reply_markup: withPrivateRemindersButton(assigneeKeyboard(t, task.id), {
        translate: services.translate,
        locale: loc.locale,
        botUsername: ctx.me.username,
      }),
    });
    return { unreachable: names, postedInGroup: true };
  } catch (err) {
    if (!(err instanceof GrammyError) && !(err instanceof HttpError)) throw err;
    ctx.log.warn({ taskId: task.id, err: errorForLog(err) }, "task not posted in the group");
    return { unreachable: names, postedInGroup: false };
  }
}
