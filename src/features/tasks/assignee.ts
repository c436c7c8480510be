// The assignee's buttons (PRODUCT §4C): [Nhận nhiệm vụ] [Báo cáo tiến độ] [Đã xong]
// [Không thực hiện được], privately or under the group post. The callback data names only the task:
// the assignment is always the presser's own, found in the database, so forged data can never act
// for someone else. Each change is conditional on the state it comes from: a second press records
// nothing; a press on a cancelled task, or on one given to someone else, says so and changes nothing.
import { Composer, GrammyError, HttpError, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { CALLBACK_ANSWER_MAX, clip } from "../../bot/kit/clip.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { sendPrivately } from "../../bot/kit/send-privately.ts";
import { askTyped, onTypedAnswer } from "../../bot/kit/typed-answer.ts";
import { cleanText } from "../../clean-text.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import { isOnTime, type AssignmentView, type TaskView } from "../../db/repositories/tasks.ts";
import { memberName } from "../members/member-ref.ts";
import { refusedAsPaused } from "../meetings/paused.ts";
import { errorForLog } from "../../scheduler/telegram-errors.ts";
import { auditTask, overseersOf, tellOverseers } from "./notify.ts";
import { dropMemberReminders } from "./reminders.ts";
import {
  assigneeKeyboard,
  assigneeName,
  evaluationKeyboard,
  newTaskText,
  personLocale,
  taskCellLocale,
  titleShort,
  translatorFor,
  type T,
} from "./text.ts";

export const MAX_REPORT_TEXT = 2000;
const MAX_REASON_TEXT = 500;

/** Reasons offered when an assignee cannot do the task; "other" asks for a typed text. */
const REASONS = { h: "health", b: "busy", a: "away", o: "other" } as const;
type DeclineReason = (typeof REASONS)[keyof typeof REASONS];
export const REASON_KEYS = {
  health: "task-reason-health",
  busy: "task-reason-busy",
  away: "task-reason-away",
  other: "task-reason-other",
} as const satisfies Record<DeclineReason, string>;

/** How a stored decline reason reads: a known code in words, else the typed text. */
export function reasonText(t: T, stored: string | null): string {
  if (stored === null) return "—";
  return Object.hasOwn(REASON_KEYS, stored) ? t(REASON_KEYS[stored as DeclineReason]) : stored;
}

interface Pressed {
  task: TaskView;
  cell: CellView;
  assignment: AssignmentView;
}

async function alert(ctx: BotContext, text: string): Promise<void> {
  await ctx.answerCallbackQuery({ text: clip(text, CALLBACK_ANSWER_MAX), show_alert: true });
}

/**
 * The presser's own assignment of the task, when they may still act on it; tells them why not
 * otherwise (an answer to the button press, or a reply to a typed answer).
 */
export async function ownAssignment(
  ctx: BotContext,
  taskId: number,
  opts: { acting: boolean } = { acting: true },
): Promise<Pressed | null> {
  const { repos } = ctx.services;
  const say = async (text: string) => (ctx.callbackQuery ? alert(ctx, text) : void (await ctx.reply(text)));
  const task = await repos.tasks.get(taskId);
  const cell = task ? await repos.cells.get(task.cellId) : null;
  if (!task || !cell || task.state === "draft") {
    await say(ctx.t("button-expired"));
    return null;
  }
  const me = ctx.caller?.member;
  const mine = me ? task.assignments.filter((a) => a.memberId === me.id) : [];
  const assignment = mine.find((a) => a.state !== "cancelled") ?? mine[0];
  if (!assignment || !(await repos.memberships.find(assignment.memberId, cell.id))) {
    ctx.log.info({ from: ctx.from?.id, taskId }, "refused: task button by someone not assigned");
    await say(ctx.t("button-not-for-you"));
    return null;
  }
  if (await refusedAsPaused(ctx, cell)) return null;
  if (task.state === "cancelled") {
    await say(ctx.t("task-press-cancelled", { ref: String(task.id) }));
    return null;
  }
  if (assignment.state === "cancelled") {
    await say(ctx.t("task-press-reassigned", { ref: String(task.id) }));
    return null;
  }
  if (opts.acting && assignment.state === "declined") {
    await say(ctx.t("task-press-declined", { ref: String(task.id) }));
    return null;
  }
  return { task, cell, assignment };
}

/** Why a change did not happen: the assignment's state now. */
function stateAnswerKey(state: string): string {
  switch (state) {
    case "accepted":
      return "task-already-accepted";
    case "done":
      return "task-already-done";
    case "declined":
      return "task-already-declined";
    default:
      return "task-changed-meanwhile";
  }
}

async function currentState(ctx: BotContext, taskId: number, memberId: number): Promise<string> {
  const task = await ctx.services.repos.tasks.get(taskId);
  return (
    task?.assignments.find((a) => a.memberId === memberId && a.state !== "cancelled")?.state ?? "cancelled"
  );
}

export function createAssigneeFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  // ---- Accept --------------------------------------------------------------------------------
  feature.callbackQuery(/^tk:a:(\d{1,9})$/, async (ctx) => {
    const pressed = await ownAssignment(ctx, Number(ctx.match[1]));
    if (!pressed) return;
    const { task, assignment } = pressed;
    const { repos } = ctx.services;
    if (!(await repos.tasks.transition(assignment.id, ["assigned"], "accepted"))) {
      const state = await currentState(ctx, task.id, assignment.memberId);
      await ctx.answerCallbackQuery({ text: ctx.t(stateAnswerKey(state), { ref: String(task.id) }) });
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t("task-accepted", { ref: String(task.id) }) });
    await auditTask(
      ctx,
      task,
      "task.accept",
      { state: "assigned" },
      { state: "accepted" },
      {
        type: "task_assignment",
        id: assignment.id,
      },
    );
    if (ctx.chat?.type === "private") {
      const t: T = (key, vars) => ctx.t(key, vars);
      const text = `${await ownTaskText(ctx, task)}\n\n${ctx.t("task-accepted-line")}`;
      await editPressed(
        ctx,
        text,
        { reply_markup: assigneeKeyboard(t, task.id, true) },
        { otherwise: "leave" },
      );
    }
  });

  // ---- Done ----------------------------------------------------------------------------------
  feature.callbackQuery(/^tk:d:(\d{1,9})$/, async (ctx) => {
    const pressed = await ownAssignment(ctx, Number(ctx.match[1]));
    if (!pressed) return;
    const { task, assignment } = pressed;
    const { repos } = ctx.services;
    if (!(await repos.tasks.transition(assignment.id, ["assigned", "accepted"], "done"))) {
      const state = await currentState(ctx, task.id, assignment.memberId);
      await ctx.answerCallbackQuery({ text: ctx.t(stateAnswerKey(state), { ref: String(task.id) }) });
      return;
    }
    const now = (await repos.tasks.get(task.id))!;
    const done = now.assignments.find((a) => a.id === assignment.id)!;
    const onTime = isOnTime(now, done);
    const key = onTime ? "task-done-on-time" : "task-done-late";
    await ctx.answerCallbackQuery({ text: ctx.t(key, { ref: String(task.id) }) });
    await auditTask(
      ctx,
      task,
      "task.done",
      { state: assignment.state },
      { state: "done", onTime },
      {
        type: "task_assignment",
        id: assignment.id,
      },
    );
    await dropMemberReminders(ctx.services, task.id, assignment.memberId);
    if (ctx.chat?.type === "private") {
      await editPressed(
        ctx,
        `${await ownTaskText(ctx, task)}\n\n${ctx.t(key, { ref: String(task.id) })}`,
        undefined,
        {
          otherwise: "leave",
        },
      );
    }
    await askForEvaluation(ctx, now, done, onTime);
  });

  // ---- Cannot do: reasons --------------------------------------------------------------------
  feature.callbackQuery(/^tk:n:(\d{1,9})$/, async (ctx) => {
    const pressed = await ownAssignment(ctx, Number(ctx.match[1]));
    if (!pressed) return;
    const { task, assignment } = pressed;
    if (assignment.state === "done") {
      await ctx.answerCallbackQuery({ text: ctx.t("task-already-done", { ref: String(task.id) }) });
      return;
    }
    await ctx.answerCallbackQuery();
    const keyboard = new InlineKeyboard();
    for (const [code, reason] of Object.entries(REASONS)) {
      keyboard.text(ctx.t(REASON_KEYS[reason]), `tk:r:${task.id}:${code}`).row();
    }
    await ctx.reply(ctx.t("task-decline-ask", { title: titleShort(task) }), { reply_markup: keyboard });
  });

  feature.callbackQuery(/^tk:r:(\d{1,9}):([hbao])$/, async (ctx) => {
    const pressed = await ownAssignment(ctx, Number(ctx.match[1]));
    if (!pressed) return;
    const { task, assignment } = pressed;
    const reason = REASONS[ctx.match[2] as keyof typeof REASONS];
    if (assignment.state === "done") {
      await ctx.answerCallbackQuery({ text: ctx.t("task-already-done", { ref: String(task.id) }) });
      return;
    }
    if (reason === "other") {
      await ctx.answerCallbackQuery();
      await editPressed(ctx, ctx.t("task-decline-other-chosen"));
      await askTyped(ctx, {
        userId: ctx.from.id,
        chatId: ctx.chat?.id ?? ctx.from.id,
        kind: "task-decline-reason",
        payload: { assignmentId: assignment.id },
        text: ctx.t("task-decline-other-ask", { title: titleShort(task) }),
        placeholder: ctx.t("task-decline-other-placeholder"),
        user: ctx.from,
      });
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t("task-declined", { reason: ctx.t(REASON_KEYS[reason]) }) });
    if (await decline(ctx, task, assignment, reason)) {
      await editPressed(ctx, ctx.t("task-declined", { reason: ctx.t(REASON_KEYS[reason]) }));
    }
  });

  feature.use(
    onTypedAnswer("task-decline-reason", async (ctx, answer) => {
      const taskRow = await ctx.services.repos.tasks.getByAssignment(answer.payload.assignmentId);
      if (!taskRow) return "done";
      const pressed = await ownAssignment(ctx, taskRow.id);
      if (!pressed || pressed.assignment.id !== answer.payload.assignmentId) return "done";
      const text = cleanText(answer.text ?? "");
      if (text === "" || [...text].length > MAX_REASON_TEXT) {
        await ctx.reply(ctx.t("task-decline-reason-bad", { max: String(MAX_REASON_TEXT) }));
        return "keep";
      }
      if (pressed.assignment.state === "done") {
        await ctx.reply(ctx.t("task-already-done", { ref: String(taskRow.id) }));
        return "done";
      }
      if (await decline(ctx, pressed.task, pressed.assignment, text)) {
        await ctx.reply(ctx.t("task-declined", { reason: clip(text, 100) }));
      } else {
        await ctx.reply(ctx.t("task-changed-meanwhile", { ref: String(taskRow.id) }));
      }
      return "done";
    }),
  );

  // ---- Progress report -----------------------------------------------------------------------
  feature.callbackQuery(/^tk:p:(\d{1,9})$/, async (ctx) => {
    const pressed = await ownAssignment(ctx, Number(ctx.match[1]));
    if (!pressed) return;
    const { task, assignment } = pressed;
    if (assignment.state === "done") {
      await ctx.answerCallbackQuery({ text: ctx.t("task-already-done", { ref: String(task.id) }) });
      return;
    }
    await ctx.answerCallbackQuery();
    await askTyped(ctx, {
      userId: ctx.from.id,
      chatId: ctx.chat?.id ?? ctx.from.id,
      kind: "task-progress",
      payload: { assignmentId: assignment.id },
      text: ctx.t("task-progress-ask", { title: titleShort(task) }),
      placeholder: ctx.t("task-progress-placeholder"),
      user: ctx.from,
    });
  });

  feature.use(
    onTypedAnswer("task-progress", async (ctx, answer) => {
      const taskRow = await ctx.services.repos.tasks.getByAssignment(answer.payload.assignmentId);
      if (!taskRow) return "done";
      const pressed = await ownAssignment(ctx, taskRow.id);
      if (!pressed || pressed.assignment.id !== answer.payload.assignmentId) return "done";
      const { task, assignment } = pressed;
      const text = answer.text === null ? null : cleanText(answer.text, { multiline: true });
      if (
        answer.voiceFileId === null &&
        (text === null || text === "" || [...text].length > MAX_REPORT_TEXT)
      ) {
        await ctx.reply(ctx.t("task-progress-bad", { max: String(MAX_REPORT_TEXT) }));
        return "keep";
      }
      await ctx.services.repos.tasks.addReport(assignment.id, {
        kind: answer.voiceFileId !== null ? "voice" : "text",
        text: answer.voiceFileId !== null ? null : text,
        voiceFileId: answer.voiceFileId,
      });
      const told = await tellAssigner(
        ctx,
        task,
        (t) => ({
          text: t(answer.voiceFileId !== null ? "task-progress-notice-voice" : "task-progress-notice", {
            name: assigneeName(assignment),
            ref: String(task.id),
            title: titleShort(task),
            report: text ?? "",
          }),
        }),
        answer.voiceFileId !== null && ctx.chat && ctx.msg
          ? { chatId: ctx.chat.id, messageId: ctx.msg.message_id }
          : undefined,
      );
      await ctx.reply(ctx.t(told ? "task-progress-recorded" : "task-progress-recorded-kept"));
      return "done";
    }),
  );

  return feature;
}

/** The task as its assignee received it, rebuilt from the database (never from the pressed message). */
async function ownTaskText(ctx: BotContext, task: TaskView): Promise<string> {
  const loc = await taskCellLocale(ctx.services, task.cellId);
  const assigner =
    task.assignerMemberId === null ? null : await ctx.services.repos.members.findById(task.assignerMemberId);
  const t: T = (key, vars) => ctx.t(key, vars);
  return newTaskText(t, task, assigner ? memberName(assigner, 48) : "—", {
    locale: await ctx.i18n.getLocale(),
    timeZone: loc.timeZone,
  });
}

/** declined, with the reason; tells the secretary and the assigner, with the reassign button. */
async function decline(
  ctx: BotContext,
  task: TaskView,
  assignment: AssignmentView,
  reason: string,
): Promise<boolean> {
  const { repos } = ctx.services;
  if (
    !(await repos.tasks.transition(assignment.id, ["assigned", "accepted"], "declined", {
      declineReason: reason,
    }))
  ) {
    return false;
  }
  await auditTask(
    ctx,
    task,
    "task.decline",
    { state: assignment.state },
    { state: "declined", reason },
    {
      type: "task_assignment",
      id: assignment.id,
    },
  );
  await dropMemberReminders(ctx.services, task.id, assignment.memberId);
  await tellOverseers(ctx.services, ctx.api, task, (t) => ({
    text: t("task-declined-notice", {
      name: assigneeName(assignment),
      ref: String(task.id),
      title: titleShort(task),
      reason: reasonText(t, reason),
    }),
    keyboard: new InlineKeyboard().text(t("task-reassign-button"), `tk:ra:${assignment.id}`),
  }));
  return true;
}

/**
 * A message to the task's assigner, or, when they are gone or cannot be reached, to the secretary
 * and deputies. True when someone received it.
 */
export async function tellAssigner(
  ctx: BotContext,
  task: TaskView,
  render: (t: T, locale: string) => { text: string; keyboard?: InlineKeyboard },
  /** A message of the sender's (a voice report) to copy after the text to whoever received it. */
  attached?: { chatId: number; messageId: number },
): Promise<boolean> {
  const copyAttached = async (telegramId: number): Promise<void> => {
    if (!attached) return;
    try {
      // A copy, not a forward: no download, and the member's privacy settings do not hide it.
      await ctx.api.copyMessage(telegramId, attached.chatId, attached.messageId);
    } catch (err) {
      if (!(err instanceof GrammyError) && !(err instanceof HttpError)) throw err;
      ctx.log.warn({ taskId: task.id, err: errorForLog(err) }, "voice report not copied");
    }
  };
  const overseers = await overseersOf(ctx.services, task);
  const assigner = overseers.find((o) => o.memberId === task.assignerMemberId);
  if (assigner) {
    const loc = await taskCellLocale(ctx.services, task.cellId);
    const locale = personLocale(assigner.locale, loc);
    const { text, keyboard } = render(translatorFor(ctx.services.translate, locale), locale);
    const sent = await sendPrivately(
      ctx.services,
      ctx.api,
      { telegramId: assigner.telegramId, reachable: assigner.reachable },
      text,
      keyboard ? { reply_markup: keyboard } : {},
      { taskId: task.id },
    );
    if (sent.status === "sent") {
      await copyAttached(assigner.telegramId);
      return true;
    }
  }
  const told = await tellOverseers(
    ctx.services,
    ctx.api,
    task,
    render,
    task.assignerMemberId ?? undefined,
    copyAttached,
  );
  return told > 0;
}

/** Asks the assigner (or the secretary) to evaluate a finished assignment. */
async function askForEvaluation(
  ctx: BotContext,
  task: TaskView,
  a: AssignmentView,
  onTime: boolean,
): Promise<void> {
  await tellAssigner(ctx, task, (t) => ({
    text: t("task-evaluate-ask", {
      name: assigneeName(a),
      ref: String(task.id),
      title: titleShort(task),
      timing: t(onTime ? "task-timing-on-time" : "task-timing-late"),
    }),
    keyboard: evaluationKeyboard(t, a.id),
  }));
}
