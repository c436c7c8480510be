// Evaluating finished work and giving declined work to someone else (PRODUCT §4C): the buttons
// [Tốt] [Hoàn thành] [Chưa đạt] under the "done" notice, `/review <task> [<member>] <grade>
// [comment]`, an optional typed comment, and the feedback the member receives in warm words. A
// correction is recorded and audited like the first evaluation. Only the secretary, the assigner or
// the assignee's group leader may evaluate or reassign; callback data is re-checked in the database.
import { Composer, InlineKeyboard } from "grammy";
import type { CallbackQueryContext } from "grammy";
import { isCellManager, resolveCommandCell } from "../../bot/cell-access.ts";
import type { BotContext } from "../../bot/context.ts";
import { CALLBACK_ANSWER_MAX, clip } from "../../bot/kit/clip.ts";
import { editPressed } from "../../bot/kit/edit-pressed.ts";
import { sendPrivately } from "../../bot/kit/send-privately.ts";
import { askTyped, onTypedAnswer } from "../../bot/kit/typed-answer.ts";
import { cleanText } from "../../clean-text.ts";
import { foldVietnamese } from "../../datetime/parse.ts";
import type { EvaluationGrade } from "../../db/enums.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { AssignmentView, TaskView } from "../../db/repositories/tasks.ts";
import { answerMemberLookup, lookupMemberRef, memberName, refHintsOf } from "../members/member-ref.ts";
import { refusedAsPaused } from "../meetings/paused.ts";
import { ledMemberIds, mayOversee } from "./access.ts";
import { deliverTask } from "./create.ts";
import { auditTask } from "./notify.ts";
import { parseTaskRef } from "./parse.ts";
import { planTaskReminders } from "./reminders.ts";
import {
  assigneeName,
  FEEDBACK_KEYS,
  GRADE_CODES,
  GRADE_KEYS,
  personLocale,
  taskCellLocale,
  titleShort,
  translatorFor,
} from "./text.ts";
import { givenName } from "../../person-name.ts";

const MAX_COMMENT = 500;

const GRADE_WORDS: Record<string, EvaluationGrade> = {
  good: "good",
  tot: "good",
  done: "done",
  "hoan thanh": "done",
  not_done: "not_done",
  "not done": "not_done",
  "chua dat": "not_done",
};

/** Reads a grade at the start of `text`: the grade and what follows it, or null. */
export function splitGrade(text: string): { grade: EvaluationGrade; rest: string } | null {
  const words = text.trim().split(/\s+/u);
  for (const n of [2, 1]) {
    const head = foldVietnamese(words.slice(0, n).join(" ").toLowerCase());
    const grade = GRADE_WORDS[head];
    if (grade && words.length >= n) return { grade, rest: words.slice(n).join(" ") };
  }
  return null;
}

async function alert(ctx: BotContext, text: string): Promise<void> {
  await ctx.answerCallbackQuery({ text: clip(text, CALLBACK_ANSWER_MAX), show_alert: true });
}

interface Overseen {
  task: TaskView;
  cell: CellView;
  assignment: AssignmentView;
}

/** The assignment named by callback data, when the presser may oversee it; answers otherwise. */
async function overseenAssignment(
  ctx: CallbackQueryContext<BotContext>,
  assignmentId: number,
): Promise<Overseen | null> {
  const { repos } = ctx.services;
  const task = await repos.tasks.getByAssignment(assignmentId);
  const cell = task ? await repos.cells.get(task.cellId) : null;
  const assignment = task?.assignments.find((a) => a.id === assignmentId);
  if (!task || !cell || !assignment) {
    await alert(ctx, ctx.t("button-expired"));
    return null;
  }
  if (!(await mayOversee(ctx, cell, task, assignment))) {
    ctx.log.info({ from: ctx.from.id, assignmentId }, "refused: task evaluation by someone else");
    await alert(ctx, ctx.t("task-refused-oversee"));
    return null;
  }
  if (await refusedAsPaused(ctx, cell)) return null;
  if (task.state === "cancelled") {
    await alert(ctx, ctx.t("task-press-cancelled", { ref: String(task.id) }));
    return null;
  }
  return { task, cell, assignment };
}

/**
 * Records the grade (first time or a correction), audits it and sends the member the feedback.
 * Returns false when nothing changed (the same grade again).
 */
export async function recordEvaluation(
  ctx: BotContext,
  o: Overseen,
  grade: EvaluationGrade,
  comment: string | null,
): Promise<"recorded" | "unchanged" | "not-done"> {
  const { repos } = ctx.services;
  if (o.assignment.state !== "done") return "not-done";
  const result = await repos.tasks.evaluate(o.assignment.id, grade, ctx.caller?.member?.id ?? null);
  if (result === "unchanged" && comment === null) return "unchanged";
  if (comment !== null) await repos.tasks.setEvaluationComment(o.assignment.id, comment);
  const corrected = result !== "unchanged" && result.before !== null;
  await auditTask(
    ctx,
    o.task,
    corrected
      ? "task.evaluation.correct"
      : result === "unchanged"
        ? "task.evaluation.comment"
        : "task.evaluate",
    result === "unchanged"
      ? null
      : result.before
        ? { grade: result.before.grade, comment: result.before.comment }
        : null,
    { grade, ...(comment !== null ? { comment } : {}) },
    { type: "task_assignment", id: o.assignment.id },
  );
  if (result === "unchanged") await sendComment(ctx, o, comment!);
  else await sendFeedback(ctx, o, grade, comment, corrected);
  return "recorded";
}

/** The member's feedback, privately, in their language. */
async function sendFeedback(
  ctx: BotContext,
  o: Overseen,
  grade: EvaluationGrade,
  comment: string | null,
  corrected: boolean,
): Promise<void> {
  const loc = await taskCellLocale(ctx.services, o.task.cellId);
  const locale = personLocale(o.assignment.locale, loc);
  const t = translatorFor(ctx.services.translate, locale);
  const me = ctx.caller?.member;
  const lines = [
    t(FEEDBACK_KEYS[grade], {
      name: givenName(o.assignment),
      title: titleShort(o.task, 200),
      evaluator: me ? memberName(me, 48) : "",
    }),
  ];
  if (corrected) lines.unshift(t("task-feedback-corrected"));
  if (comment !== null) lines.push(t("task-feedback-comment", { comment }));
  await sendPrivately(
    ctx.services,
    ctx.api,
    { telegramId: o.assignment.telegramId, reachable: o.assignment.reachable },
    lines.join("\n"),
    {},
    { taskId: o.task.id },
  );
}

/** A comment added after the evaluation: on its own, without repeating the grade. */
async function sendComment(ctx: BotContext, o: Overseen, comment: string): Promise<void> {
  const loc = await taskCellLocale(ctx.services, o.task.cellId);
  const t = translatorFor(ctx.services.translate, personLocale(o.assignment.locale, loc));
  const me = ctx.caller?.member;
  await sendPrivately(
    ctx.services,
    ctx.api,
    { telegramId: o.assignment.telegramId, reachable: o.assignment.reachable },
    t("task-feedback-comment-only", {
      evaluator: me ? memberName(me, 48) : t("task-evaluator-unknown"),
      title: titleShort(o.task, 200),
      comment,
    }),
    {},
    { taskId: o.task.id },
  );
}

export function createReviewFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(/^tk:e:(\d{1,9}):([gdn])$/, async (ctx) => {
    const o = await overseenAssignment(ctx, Number(ctx.match[1]));
    if (!o) return;
    const grade = GRADE_CODES[ctx.match[2] as keyof typeof GRADE_CODES];
    const outcome = await recordEvaluation(ctx, o, grade, null);
    if (outcome === "not-done") {
      await alert(ctx, ctx.t("task-review-not-done", { name: assigneeName(o.assignment) }));
      return;
    }
    const label = ctx.t(GRADE_KEYS[grade]);
    await ctx.answerCallbackQuery({
      text: ctx.t("task-evaluated", { name: assigneeName(o.assignment), grade: label }),
    });
    if (outcome === "unchanged") return;
    await editPressed(
      ctx,
      `${ctx.callbackQuery.message?.text ?? ""}\n\n${ctx.t("task-evaluated", { name: assigneeName(o.assignment), grade: label })}`,
      undefined,
      { otherwise: "leave" },
    );
    if (ctx.chat?.type === "private") {
      await askTyped(ctx, {
        userId: ctx.from.id,
        chatId: ctx.from.id,
        kind: "task-comment",
        payload: { assignmentId: o.assignment.id },
        text: ctx.t("task-comment-ask", { name: assigneeName(o.assignment) }),
        placeholder: ctx.t("task-comment-placeholder"),
      });
    }
  });

  feature.use(
    onTypedAnswer("task-comment", async (ctx, answer) => {
      const { repos } = ctx.services;
      const task = await repos.tasks.getByAssignment(answer.payload.assignmentId);
      const cell = task ? await repos.cells.get(task.cellId) : null;
      const assignment = task?.assignments.find((a) => a.id === answer.payload.assignmentId);
      if (!task || !cell || !assignment || !(await mayOversee(ctx, cell, task, assignment))) {
        await ctx.reply(ctx.t("task-refused-oversee"));
        return "done";
      }
      const comment = cleanText(answer.text ?? "", { multiline: true });
      if (comment === "" || [...comment].length > MAX_COMMENT) {
        await ctx.reply(ctx.t("task-comment-bad", { max: String(MAX_COMMENT) }));
        return "keep";
      }
      const grade = assignment.evaluation?.grade as EvaluationGrade | undefined;
      if (!grade) return "done";
      await recordEvaluation(ctx, { task, cell, assignment }, grade, comment);
      await ctx.reply(ctx.t("task-comment-recorded", { name: assigneeName(assignment) }));
      return "done";
    }),
  );

  // /review <task> [<member>] <grade> [comment]
  feature.command("review", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "group_leader");
    if (!cell) return;
    const [ref = "", ...restWords] = ctx.match.trim().split(/\s+/u);
    const taskId = parseTaskRef(ref);
    if (taskId === undefined) return void (await ctx.reply(ctx.t("task-review-usage")));
    const { repos } = ctx.services;
    const task = await repos.tasks.get(taskId);
    if (!task || task.cellId !== cell.id || task.state === "draft") {
      return void (await ctx.reply(ctx.t("task-not-found", { ref: clip(ref, 16) })));
    }
    let rest = restWords.join(" ");
    let assignment: AssignmentView | undefined;
    let graded = splitGrade(rest);
    if (!graded) {
      // A member first: "/review 12 @an tốt Làm tốt".
      const [who = "", ...after] = rest.split(/\s+/u);
      const lookup = await lookupMemberRef(repos.memberships, cell.id, who, refHintsOf(ctx));
      if (lookup.kind === "unknown" || lookup.kind === "missing" || lookup.kind === "ambiguous") {
        if (who === "" || lookup.kind !== "unknown") return void (await answerMemberLookup(ctx, lookup));
        return void (await ctx.reply(ctx.t("task-review-usage")));
      }
      assignment = task.assignments.find(
        (a) => a.memberId === lookup.member.memberId && a.state !== "cancelled",
      );
      if (!assignment) {
        return void (await ctx.reply(
          ctx.t("task-review-not-assignee", { name: memberName(lookup.member), ref: String(task.id) }),
        ));
      }
      rest = after.join(" ");
      graded = splitGrade(rest);
      if (!graded) return void (await ctx.reply(ctx.t("task-review-usage")));
    } else {
      const done = task.assignments.filter((a) => a.state === "done");
      const led = await ledMemberIds(ctx, cell);
      const candidates = task.assignments.filter((a) => a.state !== "cancelled");
      if (candidates.length === 1) assignment = candidates[0];
      else if (done.length === 1) assignment = done[0];
      else {
        const names = (done.length > 0 ? done : candidates)
          .filter((a) => led.size === 0 || led.has(a.memberId))
          .map(assigneeName);
        return void (await ctx.reply(
          ctx.t("task-review-which", { ref: String(task.id), names: names.join(", ") || "—" }),
        ));
      }
    }
    if (!assignment) return void (await ctx.reply(ctx.t("task-review-usage")));
    if (!(await mayOversee(ctx, cell, task, assignment))) {
      ctx.log.info({ from: ctx.from?.id, taskId }, "refused: /review by someone who does not oversee");
      return void (await ctx.reply(ctx.t("task-refused-oversee")));
    }
    if (task.state === "cancelled")
      return void (await ctx.reply(ctx.t("task-press-cancelled", { ref: String(task.id) })));
    const comment = cleanText(graded.rest, { multiline: true });
    if ([...comment].length > MAX_COMMENT) {
      return void (await ctx.reply(ctx.t("task-comment-bad", { max: String(MAX_COMMENT) })));
    }
    const outcome = await recordEvaluation(
      ctx,
      { task, cell, assignment },
      graded.grade,
      comment === "" ? null : comment,
    );
    if (outcome === "not-done") {
      return void (await ctx.reply(ctx.t("task-review-not-done", { name: assigneeName(assignment) })));
    }
    await ctx.reply(
      ctx.t("task-evaluated", { name: assigneeName(assignment), grade: ctx.t(GRADE_KEYS[graded.grade]) }),
    );
  });

  // ---- Reassign a declined assignment ---------------------------------------------------------
  feature.callbackQuery(/^tk:ra:(\d{1,9})$/, async (ctx) => {
    const o = await overseenAssignment(ctx, Number(ctx.match[1]));
    if (!o) return;
    if (o.assignment.state !== "declined") {
      await alert(ctx, ctx.t("task-reassign-not-declined", { name: assigneeName(o.assignment) }));
      return;
    }
    const taken = new Set(o.task.assignments.filter((a) => a.state !== "cancelled").map((a) => a.memberId));
    const led = await ledMemberIds(ctx, o.cell);
    const manager = await isCellManager(ctx, o.cell);
    const choices = (await ctx.services.repos.memberships.listActive(o.cell.id))
      .filter((m) => !taken.has(m.memberId) && (manager || led.has(m.memberId)))
      .slice(0, 30);
    if (choices.length === 0) {
      await alert(ctx, ctx.t("task-reassign-nobody"));
      return;
    }
    await ctx.answerCallbackQuery();
    const keyboard = new InlineKeyboard();
    choices.forEach((m, i) => {
      keyboard.text(clip(memberName(m), 30), `tk:rt:${o.assignment.id}:${m.memberId}`);
      if (i % 2 === 1) keyboard.row();
    });
    await ctx.reply(
      ctx.t("task-reassign-pick", { ref: String(o.task.id), name: assigneeName(o.assignment) }),
      {
        reply_markup: keyboard,
      },
    );
  });

  feature.callbackQuery(/^tk:rt:(\d{1,9}):(\d{1,9})$/, async (ctx) => {
    const o = await overseenAssignment(ctx, Number(ctx.match[1]));
    if (!o) return;
    const toMemberId = Number(ctx.match[2]);
    const { repos } = ctx.services;
    const target = await repos.memberships.find(toMemberId, o.cell.id);
    const allowed =
      target && ((await isCellManager(ctx, o.cell)) || (await ledMemberIds(ctx, o.cell)).has(toMemberId));
    if (!target || !allowed) {
      await alert(ctx, ctx.t("button-expired"));
      return;
    }
    const newId = await repos.tasks.reassign(o.assignment.id, toMemberId);
    if (newId === null) {
      await alert(ctx, ctx.t("task-reassign-already", { ref: String(o.task.id) }));
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t("task-reassigned", { name: memberName(target) }) });
    await auditTask(
      ctx,
      o.task,
      "task.reassign",
      { memberId: o.assignment.memberId, state: "declined" },
      { memberId: toMemberId, assignmentId: newId },
      { type: "task_assignment", id: o.assignment.id },
    );
    const task = (await repos.tasks.get(o.task.id))!;
    const result = await deliverTask(ctx, o.cell, task, new Set([newId]));
    await planTaskReminders(ctx.services, task.id);
    const lines = [ctx.t("task-reassigned", { name: memberName(target) })];
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
