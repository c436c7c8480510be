// Naming a member in a command: by replying to their message, a text mention, @username, or the
// number shown in /members ("3" or "#3"); a full name is accepted when it matches exactly one
// member. Anything unknown or ambiguous gets a question back with candidates, never a guess.
//
// The lookup (lookupMemberRef) does not talk to Telegram, so commands that name several members
// at once can collect the results and report them together; resolveMemberRef is the one-member
// form that answers the user itself.
import type { BotContext } from "../../bot/context.ts";
import { clip } from "../../bot/kit/clip.ts";
import { displayNameOf, personName } from "../../bot/kit/display-name.ts";
import type { CellMemberView, MembershipRepository } from "../../db/repositories/memberships.ts";

/** Lower case without diacritics (đ → d), trimmed: how names and words are compared. */
export function normaliseName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .trim();
}

/** The name a member is shown by: their full name when known, else their Telegram name. */
export function memberName(m: Pick<CellMemberView, "fullName" | "displayName">, max = 64): string {
  return clip(personName(m), max);
}

export function describeMember(m: CellMemberView): string {
  const handle = m.username ? ` (@${m.username})` : "";
  return `#${m.number} ${memberName(m)}${handle}`;
}

export type MemberRefKind =
  | { kind: "empty" }
  | { kind: "username"; username: string }
  | { kind: "number"; number: number }
  | { kind: "name"; name: string };

/** What kind of reference the typed text is (the reply and text mention are not text). */
export function classifyMemberRef(refText: string): MemberRefKind {
  const ref = refText.trim();
  if (ref === "") return { kind: "empty" };
  if (/^@[A-Za-z0-9_]{3,32}$/.test(ref)) return { kind: "username", username: ref.slice(1) };
  if (/^#?\d{1,6}$/.test(ref)) return { kind: "number", number: Number(ref.replace("#", "")) };
  return { kind: "name", name: ref };
}

/** True for a token that names one member on its own: @username or a number from /members. */
export function isCompactMemberRef(token: string): boolean {
  const kind = classifyMemberRef(token).kind;
  return kind === "username" || kind === "number";
}

/**
 * Members whose full or Telegram name equals `name` (case- and diacritics-insensitive), and, when
 * none does, those whose name or username contains it (at least 2 characters).
 */
export function matchMembersByName(
  all: readonly CellMemberView[],
  name: string,
): { exact: CellMemberView[]; partial: CellMemberView[] } {
  const wanted = normaliseName(name).replace(/\s+/g, " ");
  const norm = (n: string | null) => (n ? normaliseName(n).replace(/\s+/g, " ") : null);
  const exact = all.filter((m) => [m.fullName, m.displayName].some((n) => norm(n) === wanted));
  if (exact.length > 0 || wanted.length < 2) return { exact, partial: [] };
  const partial = all.filter((m) =>
    [m.fullName, m.displayName, m.username].some((n) => norm(n)?.includes(wanted) ?? false),
  );
  return { exact, partial };
}

export type MemberLookup =
  | { kind: "found"; member: CellMemberView }
  | { kind: "missing" }
  | { kind: "unknown"; given: string }
  | { kind: "ambiguous"; given: string; candidates: CellMemberView[] };

/** Who the message points at besides its text: a text mention, or the author of the replied message. */
export interface MemberRefHints {
  mentioned?: { id: number; name: string };
  repliedTo?: { id: number; name: string };
}

export function refHintsOf(ctx: BotContext): MemberRefHints {
  const hints: MemberRefHints = {};
  const mention = ctx.msg?.entities?.find((e) => e.type === "text_mention");
  if (mention?.type === "text_mention") {
    hints.mentioned = { id: mention.user.id, name: displayNameOf(mention.user) };
  }
  const replied = ctx.msg?.reply_to_message?.from;
  if (replied && !replied.is_bot) hints.repliedTo = { id: replied.id, name: displayNameOf(replied) };
  return hints;
}

/** Finds the active member of the cell that `refText` (with the message's hints) names. */
export async function lookupMemberRef(
  memberships: Pick<
    MembershipRepository,
    "findByTelegramId" | "findByUsername" | "findByNumber" | "listActive"
  >,
  cellId: number,
  refText: string,
  hints: MemberRefHints = {},
): Promise<MemberLookup> {
  const ref = refText.trim();
  const given = clip(ref, 64);
  const found = (member: CellMemberView | null | undefined, fallback: string): MemberLookup =>
    member ? { kind: "found", member } : { kind: "unknown", given: given || clip(fallback, 64) };

  if (hints.mentioned) {
    return found(await memberships.findByTelegramId(cellId, hints.mentioned.id), hints.mentioned.name);
  }
  const kind = classifyMemberRef(ref);
  switch (kind.kind) {
    case "empty":
      if (!hints.repliedTo) return { kind: "missing" };
      return found(await memberships.findByTelegramId(cellId, hints.repliedTo.id), hints.repliedTo.name);
    case "username":
      return found((await memberships.findByUsername(cellId, kind.username))[0], ref);
    case "number":
      return found(await memberships.findByNumber(cellId, kind.number), ref);
    case "name": {
      const { exact, partial } = matchMembersByName(await memberships.listActive(cellId), kind.name);
      if (exact.length === 1) return { kind: "found", member: exact[0]! };
      const candidates = exact.length > 1 ? exact : partial;
      if (candidates.length > 0) return { kind: "ambiguous", given, candidates };
      return { kind: "unknown", given };
    }
  }
}

/** Answers the user when the lookup found nobody (or several); returns the member otherwise. */
export async function answerMemberLookup(
  ctx: BotContext,
  lookup: MemberLookup,
): Promise<CellMemberView | null> {
  switch (lookup.kind) {
    case "found":
      return lookup.member;
    case "missing":
      await ctx.reply(ctx.t("member-ref-missing"));
      return null;
    case "unknown":
      await ctx.reply(ctx.t("member-ref-unknown", { given: lookup.given || "…" }));
      return null;
    case "ambiguous": {
      const shown = lookup.candidates.slice(0, 10).map(describeMember).join("\n");
      if (lookup.candidates.length === 1) {
        await ctx.reply(ctx.t("member-ref-did-you-mean", { given: lookup.given, candidate: shown }));
      } else {
        await ctx.reply(ctx.t("member-ref-ambiguous", { given: lookup.given, candidates: shown }));
      }
      return null;
    }
  }
}

/**
 * Resolves `refText` (the part of the command that names the member; may be empty when the
 * command replies to the member's message) to an active member of the cell. Replies and returns
 * null when it cannot.
 */
export async function resolveMemberRef(
  ctx: BotContext,
  cellId: number,
  refText: string,
): Promise<CellMemberView | null> {
  const lookup = await lookupMemberRef(ctx.services.repos.memberships, cellId, refText, refHintsOf(ctx));
  return answerMemberLookup(ctx, lookup);
}
