// The one way a change is written to the audit log: who did what to which target, the value before
// and after, stamped with the injected clock (so a test or the demo that moves time sees the entry at
// the moment it happened, not the machine's).
import type { Clock } from "../../clock.ts";
import type { Repositories } from "../../db/repositories/index.ts";
import type { BotContext } from "../context.ts";

/** Who makes a change: the Telegram user, and their member record when they have one. */
export interface Actor {
  telegramId: number;
  memberId?: number | undefined;
}

export interface AuditDeps {
  repos: Pick<Repositories, "audit">;
  clock: Clock;
}

export interface AuditChange {
  /** Who; null when the bot itself changed something (a scheduled job). */
  who: Actor | null;
  /** What happened, e.g. "meeting.cancel" (open-ended: each feature names its actions). */
  what: string;
  target: { type: string; id?: string | number };
  organisationId?: number | undefined;
  cellId?: number | undefined;
  from?: unknown;
  to?: unknown;
}

/** The sender of the update as an actor. */
export function actorOf(ctx: BotContext): Actor {
  return { telegramId: ctx.from!.id, memberId: ctx.caller?.member?.id };
}

export async function recordAudit(deps: AuditDeps, change: AuditChange): Promise<void> {
  const { who } = change;
  await deps.repos.audit.record({
    action: change.what,
    targetType: change.target.type,
    ...(change.target.id === undefined ? {} : { targetId: change.target.id }),
    ...(who ? { actorTelegramId: who.telegramId } : {}),
    ...(who?.memberId === undefined ? {} : { actorMemberId: who.memberId }),
    ...(change.organisationId === undefined ? {} : { organisationId: change.organisationId }),
    ...(change.cellId === undefined ? {} : { cellId: change.cellId }),
    ...(change.from === undefined ? {} : { before: change.from }),
    ...(change.to === undefined ? {} : { after: change.to }),
    at: deps.clock.now(),
  });
}
