import { Composer } from "grammy";
import { resolveCommandCell } from "../../bot/cell-access.ts";
import type { BotContext } from "../../bot/context.ts";
import { actorOf } from "../../bot/kit/audit.ts";
import type { CellView } from "../../db/repositories/cells.ts";
import type { CellMemberView } from "../../db/repositories/memberships.ts";
import type { PartyGroupView } from "../../db/repositories/party-groups.ts";
import { roleWord } from "../members/labels.ts";
import { clip } from "../../bot/kit/clip.ts";
import {
  isCompactMemberRef,
  lookupMemberRef,
  memberName,
  refHintsOf,
  resolveMemberRef,
} from "../members/member-ref.ts";
import { normalisePhrase } from "../members/role-words.ts";
import {
  checkGroupName,
  splitGroupName,
  splitRefList,
  typedGroupName,
  type GroupNameCheck,
} from "./group-names.ts";
import { giveGroupTasksToJoiner } from "../tasks/late-joiner.ts";
import { addToGroup, createGroup, removeFromGroup, setGroupLeader } from "./service.ts";

type Subcommand = "new" | "leader" | "add" | "remove";

const SUBCOMMANDS = new Map<string, Subcommand>([
  ["new", "new"],
  ["create", "new"],
  ["tao", "new"],
  ["moi", "new"],
  ["leader", "leader"],
  ["truong", "leader"],
  ["add", "add"],
  ["them", "add"],
  ["remove", "remove"],
  ["bot", "remove"],
  ["xoa", "remove"],
]);

/** /group new|leader|add|remove (secretaries) and /groups (every member of the cell). */
export function createGroupsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("groups", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "member");
    if (!cell) return;
    const groups = await ctx.services.repos.partyGroups.listByCell(cell.id);
    if (groups.length === 0) {
      await ctx.reply(ctx.t("groups-none", { cell: clip(cell.name, 64) }));
      return;
    }
    const lines = [ctx.t("groups-header", { cell: clip(cell.name, 64), count: groups.length })];
    for (const g of groups) {
      lines.push(
        ctx.t("groups-line", {
          name: g.name,
          leader:
            g.leaderName === null
              ? ctx.t("groups-no-leader")
              : `${clip(g.leaderName, 48)}${g.leaderNumber === null ? "" : ` (#${g.leaderNumber})`}`,
          size: g.size,
        }),
      );
    }
    await ctx.reply(clip(lines.join("\n"), 4096));
  });

  feature.command("group", async (ctx) => {
    const cell = await resolveCommandCell(ctx, "manager");
    if (!cell) return;
    const text = ctx.match.trim();
    const word = text.split(/\s+/)[0] ?? "";
    const sub = SUBCOMMANDS.get(normalisePhrase(word));
    const rest = text.slice(word.length).trim();
    if (!sub) {
      await ctx.reply(ctx.t("group-usage"));
      return;
    }
    if (sub === "new") {
      await newGroup(ctx, cell, rest);
      return;
    }
    const groups = await ctx.services.repos.partyGroups.listByCell(cell.id);
    if (groups.length === 0) {
      await ctx.reply(ctx.t("group-none-yet"));
      return;
    }
    if (rest === "") {
      await ctx.reply(ctx.t("group-usage"));
      return;
    }
    const split = splitGroupName(rest, groups);
    if (!split) {
      await ctx.reply(
        ctx.t("group-not-found", {
          given: clip(typedGroupName(rest) || rest, 64),
          groups: groups.map((g) => `“${g.name}”`).join(", "),
        }),
      );
      return;
    }
    if (sub === "leader") await groupLeader(ctx, cell, split.group, split.rest);
    else if (sub === "add") await groupAdd(ctx, cell, split.group, split.rest);
    else await groupRemove(ctx, cell, split.group, split.rest);
  });

  return feature;
}

const NAME_PROBLEM_KEYS = {
  empty: "group-name-empty",
  "too-long": "group-name-too-long",
  "bad-chars": "group-name-bad-chars",
  "mixed-scripts": "group-name-mixed-scripts",
} as const satisfies Record<Extract<GroupNameCheck, { ok: false }>["problem"], string>;

function shortRef(m: CellMemberView): string {
  return `#${m.number} ${memberName(m, 48)}`;
}

async function newGroup(ctx: BotContext, cell: CellView, rawName: string): Promise<void> {
  const check = checkGroupName(rawName);
  if (!check.ok) {
    await ctx.reply(ctx.t(NAME_PROBLEM_KEYS[check.problem], { length: check.length, max: 64 }));
    return;
  }
  const result = await createGroup(ctx.services, cell, check.name, actorOf(ctx));
  if (result.kind === "duplicate") {
    await ctx.reply(ctx.t("group-duplicate", { name: result.existing }));
    return;
  }
  await ctx.reply(ctx.t("group-created", { name: result.group.name }));
}

async function groupLeader(ctx: BotContext, cell: CellView, group: PartyGroupView, refText: string) {
  const { repos } = ctx.services;
  const target = await resolveMemberRef(ctx, cell.id, refText);
  if (!target) return;
  const vars = { name: memberName(target), number: target.number, group: group.name };
  const result = await setGroupLeader(ctx.services, cell, group, target, actorOf(ctx));
  if (result.already) {
    await ctx.reply(ctx.t("group-leader-already", vars));
    return;
  }
  const lines = [ctx.t("group-leader-done", vars)];
  if (result.roleRaised)
    lines.push(ctx.t("group-role-raised", { name: vars.name, role: roleWord(ctx, "group_leader") }));
  if (result.releasedGroup)
    lines.push(ctx.t("group-leader-moved", { name: vars.name, from: result.releasedGroup }));
  if (result.previousLeaderId !== null) {
    const previous = await repos.memberships.find(result.previousLeaderId, cell.id);
    const previousName = previous ? memberName(previous) : "…";
    lines.push(ctx.t("group-leader-previous", { name: previousName, group: group.name }));
    if (result.previousDemoted) {
      lines.push(ctx.t("group-role-lowered", { name: previousName, role: roleWord(ctx, "member") }));
    }
  }
  await ctx.reply(lines.join("\n"));
  // A leader who was not in the group joins it, and gets its open tasks (tasks/late-joiner.ts).
  if (target.partyGroupId !== group.id) await giveGroupTasksToJoiner(ctx, cell, group.id, target.memberId);
}

async function groupAdd(ctx: BotContext, cell: CellView, group: PartyGroupView, refText: string) {
  const { repos } = ctx.services;
  const mentions = (ctx.msg?.entities ?? []).flatMap((e) => (e.type === "text_mention" ? [e] : []));
  let remaining = refText;
  for (const m of mentions) {
    remaining = remaining.replace(ctx.msg?.text?.slice(m.offset, m.offset + m.length) ?? "", " ");
  }
  const tokens = splitRefList(remaining);
  const targets: CellMemberView[] = [];
  const notFound: string[] = [];

  if (mentions.length === 0 && tokens.some((t) => !isCompactMemberRef(t))) {
    // Not a list of @usernames and numbers: one member named by their full name.
    const target = await resolveMemberRef(ctx, cell.id, refText);
    if (!target) return;
    targets.push(target);
  } else if (mentions.length === 0 && tokens.length === 0) {
    const hints = refHintsOf(ctx);
    if (!hints.repliedTo) {
      await ctx.reply(ctx.t("group-add-missing", { group: group.name }));
      return;
    }
    const target = await resolveMemberRef(ctx, cell.id, "");
    if (!target) return;
    targets.push(target);
  } else {
    for (const m of mentions) {
      const name = [m.user.first_name, m.user.last_name].filter(Boolean).join(" ");
      const lookup = await lookupMemberRef(repos.memberships, cell.id, "", {
        mentioned: { id: m.user.id, name },
      });
      if (lookup.kind === "found") targets.push(lookup.member);
      else notFound.push(clip(name, 48));
    }
    for (const token of tokens.slice(0, 50)) {
      const lookup = await lookupMemberRef(repos.memberships, cell.id, token);
      if (lookup.kind === "found") targets.push(lookup.member);
      else notFound.push(clip(token, 48));
    }
    if (tokens.length > 50) notFound.push("…");
  }

  const results = await addToGroup(ctx.services, cell, group, targets, actorOf(ctx));
  const of = (outcome: string) =>
    results
      .filter((r) => r.outcome === outcome)
      .map((r) => shortRef(r.member))
      .join(", ");
  const lines = [ctx.t("group-add-header", { group: group.name })];
  if (of("added")) lines.push(ctx.t("group-add-added", { names: of("added") }));
  if (of("moved")) lines.push(ctx.t("group-add-moved", { names: of("moved") }));
  if (of("already")) lines.push(ctx.t("group-add-already", { names: of("already") }));
  if (notFound.length > 0) lines.push(ctx.t("group-add-not-found", { refs: notFound.join(", ") }));
  for (const r of results) {
    if (r.releasedGroup) {
      lines.push(ctx.t("group-leader-released", { name: memberName(r.member), group: r.releasedGroup }));
    }
  }
  await ctx.reply(clip(lines.join("\n"), 4096));
  // Newcomers get the group's open tasks (tasks/late-joiner.ts).
  for (const r of results) {
    if (r.outcome !== "already") await giveGroupTasksToJoiner(ctx, cell, group.id, r.member.memberId);
  }
}

async function groupRemove(ctx: BotContext, cell: CellView, group: PartyGroupView, refText: string) {
  const target = await resolveMemberRef(ctx, cell.id, refText);
  if (!target) return;
  const vars = { name: memberName(target), number: target.number, group: group.name };
  const result = await removeFromGroup(ctx.services, cell, group, target, actorOf(ctx));
  if (result.kind === "not-in-group") {
    await ctx.reply(ctx.t("group-remove-not-in", vars));
    return;
  }
  const lines = [ctx.t("group-remove-done", vars)];
  if (result.wasLeader) lines.push(ctx.t("group-remove-was-leader", vars));
  if (result.demoted)
    lines.push(ctx.t("group-role-lowered", { name: vars.name, role: roleWord(ctx, "member") }));
  await ctx.reply(lines.join("\n"));
}
