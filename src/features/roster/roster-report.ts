// The import report, as lines of localised text cut into Telegram-sized messages. No grammY:
// the translation function is passed in.
import type { RosterImportResult } from "../../db/repositories/roster.ts";
import type { RefusalReason, RefusedRow } from "./roster-parse.ts";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Telegram allows 4,096 characters per message; leave room for what the client counts differently. */
export const MESSAGE_LIMIT = 4000;

export function claimLink(botUsername: string, claimToken: string): string {
  return `https://t.me/${botUsername}?start=c_${claimToken}`;
}

// Row and member numbers are identifiers: passed as strings so that Fluent does not group their digits.

const REASON_KEYS = {
  "name-empty": "roster-reason-name-empty",
  "name-too-long": "roster-reason-name-too-long",
  "name-no-letters": "roster-reason-name-no-letters",
  "name-bad-characters": "roster-reason-name-bad-characters",
  "name-mixed-scripts": "roster-reason-name-mixed-scripts",
  "role-unknown": "roster-reason-role-unknown",
  "status-unknown": "roster-reason-status-unknown",
  "group-invalid": "roster-reason-group-invalid",
  "duplicate-in-file": "roster-reason-duplicate-in-file",
  "already-member": "roster-reason-already-member",
} as const satisfies Record<RefusalReason["code"], string>;

export function describeReason(t: Translate, reason: RefusalReason): string {
  switch (reason.code) {
    case "role-unknown":
    case "status-unknown":
    case "group-invalid":
      return t(REASON_KEYS[reason.code], { given: reason.given });
    case "duplicate-in-file":
      return t(REASON_KEYS[reason.code], { firstRow: String(reason.firstRow) });
    default:
      return t(REASON_KEYS[reason.code]);
  }
}

function shortName(name: string): string {
  const chars = [...name];
  return chars.length <= 40 ? name : `${chars.slice(0, 39).join("")}…`;
}

export function refusedLine(t: Translate, refused: RefusedRow): string {
  const reason = describeReason(t, refused.reason);
  return refused.name === ""
    ? t("roster-refused-line-noname", { row: String(refused.row), reason })
    : t("roster-refused-line", { row: String(refused.row), name: shortName(refused.name), reason });
}

export interface ReportInput {
  cellName: string;
  fileName: string;
  botUsername: string;
  refused: readonly RefusedRow[];
  result: RosterImportResult;
}

/** The full report for the importer: counts, refused rows with reasons, then the personal links. */
export function reportLines(t: Translate, input: ReportInput): string[] {
  const { result, refused } = input;
  const lines = [
    t("roster-report-header", { cell: input.cellName, file: input.fileName }),
    t("roster-report-counts", { accepted: result.members.length, refused: refused.length }),
  ];
  if (result.groupsCreated.length > 0) {
    lines.push(t("roster-report-groups-created", { groups: result.groupsCreated.join(", ") }));
  }
  for (const l of result.leadersSet) {
    lines.push(t("roster-report-leader-set", { group: l.group, name: l.fullName }));
  }
  if (refused.length > 0) {
    lines.push("", t("roster-report-refused-header"));
    for (const r of refused) lines.push(refusedLine(t, r));
  }
  if (result.members.length === 0) {
    lines.push("", t("roster-report-none-accepted"));
  } else {
    lines.push("", t("roster-report-links-header"));
    for (const m of result.members) {
      lines.push(
        t("roster-link-line", {
          number: String(m.number),
          name: m.fullName,
          link: claimLink(input.botUsername, m.claimToken),
        }),
      );
    }
  }
  return lines;
}

/**
 * Joins lines into messages of at most `limit` characters, breaking only between lines (a blank
 * line at a break is dropped). A single line longer than the limit is cut.
 */
export function chunkLines(lines: readonly string[], limit = MESSAGE_LIMIT): string[] {
  const messages: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = raw.length > limit ? `${raw.slice(0, limit - 1)}…` : raw;
    if (current === "") {
      if (line.trim() !== "") current = line;
      continue;
    }
    if (current.length + 1 + line.length <= limit) {
      current += `\n${line}`;
    } else {
      messages.push(current.trimEnd());
      current = line.trim() === "" ? "" : line;
    }
  }
  if (current.trim() !== "") messages.push(current.trimEnd());
  return messages;
}
