// Naming a member in a command: by replying to their message, a text mention, @username, or the
// number shown in /members ("3" or "#3"); a full name is accepted when it matches exactly one
// member. Anything unknown or ambiguous gets a question back with candidates, never a guess.
import type { BotContext } from "../../bot/context.ts";
import type { CellMemberView } from "../../db/repositories/memberships.ts";

export function normaliseName(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().trim();
}

export function describeMember(m: CellMemberView): string {
  const handle = m.username ? ` (@${m.username})` : "";
  return `#${m.number} ${m.fullName ?? m.displayName}${handle}`;
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
  const { memberships } = ctx.services.repos;
  const ref = refText.trim();
  const mention = ctx.msg?.entities?.find((e) => e.type === "text_mention");
  const repliedTo = ctx.msg?.reply_to_message?.from;

  let found: CellMemberView | null = null;
  if (mention?.type === "text_mention") {
    found = await memberships.findByTelegramId(cellId, mention.user.id);
  } else if (ref === "" && repliedTo && !repliedTo.is_bot) {
    found = await memberships.findByTelegramId(cellId, repliedTo.id);
  } else if (ref === "") {
    await ctx.reply(ctx.t("member-ref-missing"));
    return null;
  } else if (/^@[A-Za-z0-9_]{3,32}$/.test(ref)) {
    const matches = await memberships.findByUsername(cellId, ref.slice(1));
    found = matches[0] ?? null;
  } else if (/^#?\d{1,6}$/.test(ref)) {
    found = await memberships.findByNumber(cellId, Number(ref.replace("#", "")));
  } else {
    const wanted = normaliseName(ref);
    const all = await memberships.listActive(cellId);
    const exact = all.filter((m) => [m.fullName, m.displayName].some((n) => n && normaliseName(n) === wanted));
    if (exact.length === 1) return exact[0]!;
    const partial = exact.length > 1 ? exact : all.filter((m) => matchesPartially(m, wanted));
    if (partial.length > 0) {
      await ctx.reply(
        ctx.t("member-ref-ambiguous", {
          given: ref.slice(0, 64),
          candidates: partial.slice(0, 10).map(describeMember).join("\n"),
        }),
      );
      return null;
    }
  }
  if (!found) {
    await ctx.reply(ctx.t("member-ref-unknown", { given: (ref || "…").slice(0, 64) }));
    return null;
  }
  return found;
}

function matchesPartially(m: CellMemberView, wanted: string): boolean {
  if (wanted.length < 2) return false;
  return [m.fullName, m.displayName, m.username].some((n) => n && normaliseName(n).includes(wanted));
}
