// The monthly digest as outbox rows (PRODUCT §4E; job contract src/scheduler/jobs.ts):
//
// - `digest_seed` — a daily row (00:10, default time zone) and the module's start step write each
//   organisation's plan rows for this month and next, under `digest:<org>:plan:<YYYY-MM>` (the month
//   it is sent in). `reschedule` keeps a pending plan row on the organisation's digest day and hour if
//   they change; a sent one is never sent again. A missed digest (the bot was down on the day) is due
//   already and goes out at once, until the end of that month (`expiresAt`), never later.
// - `digest_plan` — sends nothing; when due, it decides the recipients: the committee chat, or
//   each admin privately when none is registered; and each cell's secretaries. It writes one row per
//   recipient, so one blocked admin or secretary never holds back the others. A month without any
//   meeting, task or prompt in the ward (a ward just set up) gets no digest.
// - `digest_committee`, `digest_admin`, `digest_secretary` — compute the digest when sent (reads
//   only) and send it: the text in messages split on cell boundaries, the chart and the workbook.
// Names of members go only to the cell's secretaries, unless the organisation's digest policy says
// the committee may see them.
import type { JobDeps } from "../../bot/feature-module.ts";
import { addDays, localDateOf, localParts, zonedTimeToUtc } from "../../datetime/calendar.ts";
import type { NewDelivery } from "../../db/repositories/outbox.ts";
import type { OrganisationView } from "../../db/repositories/organisations.ts";
import { PermanentJobError, type Job, type JobMessage } from "../../scheduler/jobs.ts";
import type { OutboxRow } from "../../scheduler/types.ts";
import { organisationSettings, parseDigestPolicy } from "../settings/model.ts";
import { periodKey, periodLabel, previousPeriod, type Period, type WardDigest } from "./arithmetic.ts";
import { loadDigest, periodBounds } from "./data.ts";
import { cellBlock, digestBlocks, splitMessages, type CellNames, type T } from "./render.ts";
import { loadNames } from "./names.ts";
import { digestAttachments } from "./attachments.ts";
import { givenName } from "../../person-name.ts";

export const DIGEST_SEED_KIND = "digest_seed";
export const DIGEST_PLAN_KIND = "digest_plan";
export const DIGEST_COMMITTEE_KIND = "digest_committee";
export const DIGEST_ADMIN_KIND = "digest_admin";
export const DIGEST_SECRETARY_KIND = "digest_secretary";

const SEED_TIME = { hour: 0, minute: 10 } as const;

/** The month a digest row is sent in; it reports on the month before. */
interface SendMonth {
  year: number;
  month: number;
}

export function planKeyPrefix(organisationId: number): string {
  return `digest:${organisationId}:plan:`;
}

/** When the digest of the month before `sendMonth` is due, and when it expires (the month's end). */
export function digestDue(org: OrganisationView, sendMonth: SendMonth): { dueAt: Date; expiresAt: Date } {
  const settings = organisationSettings(org);
  const [hour, minute] = settings.digestTime.split(":").map(Number) as [number, number];
  const dueAt = zonedTimeToUtc(
    { ...sendMonth, day: settings.digestDay },
    { hour, minute },
    settings.timeZone,
  );
  const expiresAt = periodBounds(sendMonth, settings.timeZone).to;
  return { dueAt, expiresAt };
}

/** The plan rows of this month and the next for an organisation, as of `now`. */
export function planRows(org: OrganisationView & { createdAt: Date }, now: Date): NewDelivery[] {
  const here = localParts(now, organisationSettings(org).timeZone);
  const thisMonth = { year: here.year, month: here.month };
  const nextIndex = here.year * 12 + here.month;
  const nextMonth = { year: Math.floor(nextIndex / 12), month: (nextIndex % 12) + 1 };
  const rows: NewDelivery[] = [];
  for (const sendMonth of [thisMonth, nextMonth]) {
    const { dueAt, expiresAt } = digestDue(org, sendMonth);
    // An organisation created after this month's digest time owes no digest for last month.
    if (dueAt.getTime() < org.createdAt.getTime()) continue;
    const period = previousPeriod(sendMonth);
    rows.push({
      key: `${planKeyPrefix(org.id)}${periodKey(sendMonth)}`,
      kind: DIGEST_PLAN_KIND,
      payload: { organisationId: org.id, year: period.year, month: period.month },
      dueAt,
      expiresAt,
    });
  }
  return rows;
}

export async function seedDigests({ services }: JobDeps): Promise<void> {
  const { repos, clock, config } = services;
  const now = clock.now();
  for (const { id, createdAt } of await repos.reports.organisations()) {
    const org = await repos.organisations.get(id);
    if (!org) continue;
    await repos.outbox.reschedule(planKeyPrefix(id), planRows({ ...org, createdAt }, now));
  }
  const tomorrow = addDays(localDateOf(now, config.defaultTimeZone), 1);
  const pad = (n: number) => String(n).padStart(2, "0");
  await repos.outbox.schedule([
    {
      key: `digest-seed:${tomorrow.year}-${pad(tomorrow.month)}-${pad(tomorrow.day)}`,
      kind: DIGEST_SEED_KIND,
      payload: {},
      dueAt: zonedTimeToUtc(tomorrow, SEED_TIME, config.defaultTimeZone),
    },
  ]);
}

/**
 * After the digest's day, time or the organisation's time zone changed in /settings: this month's
 * and next month's plan rows move at once instead of at the next daily seed.
 */
export async function rescheduleDigestPlan(
  { services }: Pick<JobDeps, "services">,
  organisationId: number,
): Promise<void> {
  const { repos, clock } = services;
  const org = await repos.organisations.get(organisationId);
  const created = (await repos.reports.organisations()).find((o) => o.id === organisationId);
  if (!org || !created) return;
  await repos.outbox.reschedule(
    planKeyPrefix(organisationId),
    planRows({ ...org, createdAt: created.createdAt }, clock.now()),
  );
}

interface DigestPayload {
  organisationId: number;
  year: number;
  month: number;
  cellId?: number;
  memberId?: number;
  telegramId?: number;
}

function payloadOf(row: OutboxRow): DigestPayload {
  const p = row.payload as Partial<Record<keyof DigestPayload, unknown>>;
  const int = (v: unknown) => (typeof v === "number" && Number.isSafeInteger(v) ? v : undefined);
  const organisationId = int(p.organisationId);
  const year = int(p.year);
  const month = int(p.month);
  if (organisationId === undefined || year === undefined || month === undefined || month < 1 || month > 12) {
    throw new PermanentJobError(`bad digest payload in ${row.key}`);
  }
  const out: DigestPayload = { organisationId, year, month };
  if (int(p.cellId) !== undefined) out.cellId = int(p.cellId)!;
  if (int(p.memberId) !== undefined) out.memberId = int(p.memberId)!;
  if (int(p.telegramId) !== undefined) out.telegramId = int(p.telegramId)!;
  return out;
}

export function createDigestJobs(deps: JobDeps): Record<string, Job> {
  const { repos, translate, clock, scheduler } = deps.services;
  const tFor =
    (locale: string): T =>
    (key, vars) =>
      translate(locale, key, vars);

  async function orgOf(id: number): Promise<OrganisationView> {
    const org = await repos.organisations.get(id);
    if (!org) throw new PermanentJobError(`organisation ${id} is gone`);
    return org;
  }

  /** The whole digest for the committee or an admin: texts, then the chart and the workbook. */
  async function wardMessages(
    org: OrganisationView,
    period: Period,
    locale: string,
    chatId: number,
    lead: string[] = [],
  ): Promise<JobMessage[]> {
    const digest = await loadDigest(repos.reports, { org, period, cellId: null });
    const t = tFor(locale);
    const names = parseDigestPolicy(org.settings).namesInCommittee
      ? await loadNames(repos.reports, org, period, digest)
      : undefined;
    const texts = splitMessages([...lead, ...digestBlocks(t, digest, org.name, locale, names)]);
    const attachments = await digestAttachments(deps.services, { org, digest, locale, t });
    return [
      ...texts.map((text): JobMessage => ({ chatId, text })),
      ...attachments.map((a): JobMessage => ({ ...a, chatId })),
    ];
  }

  const seed: Job = {
    plan: () => Promise.resolve({ messages: [] }),
    afterSent: () => seedDigests(deps),
  };

  const plan: Job = {
    plan: () => Promise.resolve({ messages: [] }),
    async afterSent(row) {
      const p = payloadOf(row);
      const org = await orgOf(p.organisationId);
      const period = { year: p.year, month: p.month };
      const base = `digest:${org.id}:${periodKey(period)}`;
      const bounds = periodBounds(period, organisationSettings(org).timeZone);
      // A month with no meeting, task or prompt anywhere in the ward (an organisation that has only
      // just been set up) has nothing to report: nobody gets an empty digest.
      if (!(await repos.reports.hasData(org.id, bounds.from, bounds.to))) {
        deps.services.logger.info({ key: row.key }, "digest: nothing to report for the month");
        return;
      }
      const now = clock.now();
      const common = { dueAt: now, expiresAt: row.expiresAt ?? null };
      const rows: NewDelivery[] = [];
      const payload = { organisationId: org.id, year: p.year, month: p.month };
      if (org.committeeChatId !== null) {
        rows.push({ key: `${base}:committee`, kind: DIGEST_COMMITTEE_KIND, payload, ...common });
      } else {
        for (const admin of await repos.reports.admins(org.id)) {
          rows.push({
            key: `${base}:admin:${admin.telegramId}`,
            kind: DIGEST_ADMIN_KIND,
            payload: { ...payload, telegramId: admin.telegramId },
            ...common,
          });
        }
      }
      for (const cell of await repos.reports.cells(org.id, bounds.to)) {
        for (const secretary of await repos.reports.secretaries(cell.id)) {
          rows.push({
            key: `${base}:secretary:${cell.id}:${secretary.memberId}`,
            kind: DIGEST_SECRETARY_KIND,
            payload: { ...payload, cellId: cell.id, memberId: secretary.memberId },
            cellId: cell.id,
            ...common,
          });
        }
      }
      if ((await repos.outbox.schedule(rows)) > 0) scheduler.wake();
    },
  };

  const committee: Job = {
    async plan(row) {
      const p = payloadOf(row);
      const org = await orgOf(p.organisationId);
      if (org.committeeChatId === null) return { skip: "no committee chat any more" };
      const locale = organisationSettings(org).language;
      return { messages: await wardMessages(org, p, locale, org.committeeChatId) };
    },
  };

  const admin: Job = {
    async plan(row) {
      const p = payloadOf(row);
      if (p.telegramId === undefined) throw new PermanentJobError(`no admin in ${row.key}`);
      const org = await orgOf(p.organisationId);
      if (!(await repos.admins.isAdmin(p.telegramId))) return { skip: "no longer an admin" };
      const member = await repos.members.findByTelegramId(p.telegramId);
      const locale = member?.locale ?? organisationSettings(org).language;
      if (member && !member.reachable) return { skip: "admin not reachable privately" };
      const hint = tFor(locale)("digest-no-committee");
      return { messages: await wardMessages(org, p, locale, p.telegramId, [hint]) };
    },
  };

  const secretary: Job = {
    async plan(row) {
      const p = payloadOf(row);
      if (p.cellId === undefined || p.memberId === undefined) throw new PermanentJobError(`bad ${row.key}`);
      const org = await orgOf(p.organisationId);
      const who = (await repos.reports.secretaries(p.cellId)).find((s) => s.memberId === p.memberId);
      if (!who) return { skip: "no longer the cell's secretary" };
      if (who.telegramId === null || !who.reachable) return { skip: "secretary not reachable privately" };
      const period = { year: p.year, month: p.month };
      const digest = await loadDigest(repos.reports, { org, period, cellId: p.cellId });
      const cell = digest.cells[0];
      if (!cell) return { skip: "cell not in the period" };
      const locale = who.locale ?? organisationSettings(org).language;
      const t = tFor(locale);
      const names = (await loadNames(repos.reports, org, period, digest)).get(cell.cellId);
      const texts = splitMessages([
        t("digest-secretary-intro", { name: givenName(who), period: periodLabel(period) }),
        cellBlock(t, cell, locale, names ?? emptyNames()),
      ]);
      return { messages: texts.map((text) => ({ chatId: who.telegramId!, text })) };
    },
  };

  return {
    [DIGEST_SEED_KIND]: seed,
    [DIGEST_PLAN_KIND]: plan,
    [DIGEST_COMMITTEE_KIND]: committee,
    [DIGEST_ADMIN_KIND]: admin,
    [DIGEST_SECRETARY_KIND]: secretary,
  };
}

function emptyNames(): CellNames {
  return { repeatedAbsentees: [], overdue: [], missingSelfReview: [] };
}

export type { WardDigest };
