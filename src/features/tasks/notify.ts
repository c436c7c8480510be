// Telling people about a task: the secretaries and the assigner (declines, progress, escalations),
// each in their own language, and the audit entry of every change of state.
import type { Api, RawApi } from "grammy";
import type { MessageEntity } from "grammy/types";
import type { BotContext, BotServices } from "../../bot/context.ts";
import { actorOf, recordAudit } from "../../bot/kit/audit.ts";
import { sendPrivately } from "../../bot/kit/send-privately.ts";
import type { TaskView } from "../../db/repositories/tasks.ts";
import type { InlineKeyboard } from "grammy";
import { personLocale, taskCellLocale, translatorFor, type T } from "./text.ts";

export interface Overseer {
  memberId: number;
  telegramId: number;
  reachable: boolean;
  locale: string | null;
}

/** The assigner (while still an active member) and the cell's secretary and deputies, once each. */
export async function overseersOf(services: BotServices, task: TaskView): Promise<Overseer[]> {
  const { repos } = services;
  const active = await repos.memberships.listActive(task.cellId);
  const ids = new Set<number>();
  if (task.assignerMemberId !== null && active.some((m) => m.memberId === task.assignerMemberId)) {
    ids.add(task.assignerMemberId);
  }
  for (const m of active) if (m.role === "secretary" || m.role === "deputy") ids.add(m.memberId);
  const out: Overseer[] = [];
  for (const id of ids) {
    const member = await repos.members.findById(id);
    if (member?.telegramId != null) {
      out.push({
        memberId: id,
        telegramId: member.telegramId,
        reachable: member.reachable,
        locale: member.locale,
      });
    }
  }
  return out;
}

/**
 * Sends a private message to each overseer of the task except `exceptMemberId` (the person who
 * acted), rendered in their language. Returns how many received it.
 */
export async function tellOverseers(
  services: BotServices,
  api: Api<RawApi>,
  task: TaskView,
  render: (t: T, locale: string) => { text: string; keyboard?: InlineKeyboard },
  exceptMemberId?: number,
  /** Runs for each overseer who received the message (e.g. the voice note that goes with it). */
  afterSent?: (telegramId: number) => Promise<void>,
): Promise<number> {
  const loc = await taskCellLocale(services, task.cellId);
  let told = 0;
  for (const o of await overseersOf(services, task)) {
    if (o.memberId === exceptMemberId) continue;
    const locale = personLocale(o.locale, loc);
    const { text, keyboard } = render(translatorFor(services.translate, locale), locale);
    const sent = await sendPrivately(
      services,
      api,
      { telegramId: o.telegramId, reachable: o.reachable },
      text,
      keyboard ? { reply_markup: keyboard } : {},
      { taskId: task.id },
    );
    if (sent.status === "sent") {
      told++;
      await afterSent?.(o.telegramId);
    }
  }
  return told;
}

/** Audits a change of a task or assignment made by the sender of the update. */
export async function auditTask(
  ctx: BotContext,
  task: TaskView,
  what: string,
  from: unknown,
  to: unknown,
  target: { type: "task" | "task_assignment"; id: number } = { type: "task", id: task.id },
): Promise<void> {
  await recordAudit(ctx.services, {
    who: actorOf(ctx),
    what,
    target,
    cellId: task.cellId,
    from,
    to,
  });
}

export interface Mentionable {
  name: string;
  telegramId: number | null;
  username: string | null;
}

/**
 * "A, B và C" with each name a text mention (or @username), so that the group post rings each
 * assignee's phone. Offsets are in UTF-16 code units, as Telegram counts them.
 */
export function mentionList(
  people: readonly Mentionable[],
  and: string,
  offset: number,
): { text: string; entities: MessageEntity[] } {
  let text = "";
  const entities: MessageEntity[] = [];
  people.forEach((p, i) => {
    if (i > 0) text += i === people.length - 1 ? ` ${and} ` : ", ";
    if (p.telegramId !== null) {
      entities.push({
        type: "text_mention",
        offset: offset + text.length,
        length: p.name.length,
        user: { id: p.telegramId, is_bot: false, first_name: p.name },
      });
      text += p.name;
    } else if (p.username) {
      text += `@${p.username}`;
    } else {
      text += p.name;
    }
  });
  return { text, entities };
}
