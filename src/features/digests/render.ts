// The digest as text (PRODUCT §4E): short lines a phone shows whole, no tables; the ward first,
// then the cells that need attention, then one block per cell. Long digests are split into
// messages under Telegram's 4,096 characters, only between blocks, so a cell is never cut in two.
import type { TranslationVariables } from "@grammyjs/i18n";
import {
  percent,
  periodLabel,
  type AttentionReason,
  type CellDigest,
  type WardDigest,
} from "./arithmetic.ts";

export type T = (key: string, vars?: TranslationVariables) => string;

/** Telegram's limit on a message's text. */
export const MESSAGE_LIMIT = 4096;

export interface PersonLine {
  name: string;
  count: number;
}

/** Names behind a cell's figures: only in the secretary's summary, or where the policy allows. */
export interface CellNames {
  repeatedAbsentees: PersonLine[];
  overdue: PersonLine[];
  missingSelfReview: PersonLine[];
}

function pct(value: number | null): string {
  const p = percent(value);
  return p === null ? "—" : `${p}%`;
}

function decimal(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 1 }).format(
    value,
  );
}

type Figures = Omit<CellDigest, "cellId" | "name" | "attention" | "noThematicInQuarter">;

/** The lines of figures shared by a cell's block and the ward's. */
export function figureLines(t: T, f: Figures, locale: string): string[] {
  const lines = [
    t("digest-line-meetings", {
      regularHeld: f.regular.held,
      regularPlanned: f.regular.planned,
      thematicHeld: f.thematic.held,
      thematicPlanned: f.thematic.planned,
      cancelled: f.cancelled,
    }),
  ];
  if (f.attendance === null) {
    lines.push(t("digest-line-attendance-none"));
  } else if (f.change === null) {
    lines.push(
      t("digest-line-attendance", { rate: pct(f.attendance), present: f.present, expected: f.expected }),
    );
  } else {
    lines.push(
      t("digest-line-attendance-change", {
        rate: pct(f.attendance),
        present: f.present,
        expected: f.expected,
        direction: f.change > 0 ? "up" : f.change < 0 ? "down" : "same",
        points: Math.abs(f.change),
      }),
    );
  }
  lines.push(t("digest-line-absences", { unexcused: f.unexcused, excused: f.excused }));
  lines.push(
    t("digest-line-tasks", {
      assigned: f.tasks.assigned,
      onTime: f.tasks.onTime,
      late: f.tasks.late,
      overdue: f.tasks.overdue,
    }),
  );
  lines.push(
    f.prompts.count === 0
      ? t("digest-line-prompts-none")
      : t("digest-line-prompts", {
          rate: pct(f.prompts.rate),
          responded: f.prompts.responded,
          audience: f.prompts.audience,
        }),
  );
  if (f.rating.average !== null) {
    lines.push(
      t("digest-line-rating", { average: decimal(f.rating.average, locale), count: f.rating.count }),
    );
  }
  lines.push(
    f.selfReview === null
      ? t("digest-line-self-review-none")
      : t("digest-line-self-review", {
          rate: pct(f.selfReview.rate),
          submitted: f.selfReview.submitted,
          expected: f.selfReview.expected,
        }),
  );
  lines.push(t("digest-line-unreachable", { count: f.unreachable }));
  return lines;
}

export function reasonText(t: T, reason: AttentionReason): string {
  switch (reason.kind) {
    case "no_meeting":
      return t("digest-reason-no-meeting");
    case "attendance":
      return t("digest-reason-attendance", { percent: reason.percent, threshold: reason.threshold });
    case "repeated_absence":
      return t("digest-reason-repeated", { count: reason.count });
    case "self_review":
      return t("digest-reason-self-review", { percent: reason.percent, threshold: reason.threshold });
    case "no_thematic":
      return t("digest-reason-no-thematic");
  }
}

function namesBlock(t: T, names: CellNames): string[] {
  const lines: string[] = [];
  const list = (heading: string, people: PersonLine[], line: (p: PersonLine) => string) => {
    if (people.length === 0) return;
    lines.push(heading, ...people.map(line));
  };
  list(t("digest-names-repeated"), names.repeatedAbsentees, (p) =>
    t("digest-names-person-absences", { name: p.name, count: p.count }),
  );
  list(t("digest-names-overdue"), names.overdue, (p) =>
    t("digest-names-person-overdue", { name: p.name, count: p.count }),
  );
  list(t("digest-names-missing-review"), names.missingSelfReview, (p) =>
    t("digest-names-person", { name: p.name }),
  );
  return lines;
}

/** One cell's block; with `names`, the people behind the figures. */
export function cellBlock(t: T, cell: CellDigest, locale: string, names?: CellNames): string {
  const lines = [t("digest-cell-heading", { cell: cell.name }), ...figureLines(t, cell, locale)];
  if (cell.noThematicInQuarter) lines.push(t("digest-line-no-thematic"));
  if (names) {
    const people = namesBlock(t, names);
    lines.push(...(people.length > 0 ? people : [t("digest-names-none")]));
  }
  return lines.join("\n");
}

/** The committee's digest (or an admin's /report) as blocks, in order; see `splitMessages`. */
export function digestBlocks(
  t: T,
  digest: WardDigest,
  organisation: string,
  locale: string,
  names?: ReadonlyMap<number, CellNames>,
): string[] {
  const period = periodLabel(digest.period);
  const head = [
    t("digest-title", { period, organisation }),
    "",
    t("digest-ward-heading", { cells: digest.totals.cellCount }),
    ...figureLines(t, digest.totals, locale),
  ].join("\n");
  const attention =
    digest.attention.length === 0
      ? t("digest-attention-none")
      : [
          t("digest-attention-heading"),
          ...digest.attention.map((c) =>
            t("digest-attention-line", {
              cell: c.name,
              reasons: c.attention.map((r) => reasonText(t, r)).join("; "),
            }),
          ),
        ].join("\n");
  return [head, attention, ...digest.cells.map((c) => cellBlock(t, c, locale, names?.get(c.cellId)))];
}

/**
 * Joins blocks into as few messages as fit under `limit`, splitting only between blocks. A block
 * longer than the limit on its own (a cell with hundreds of named people) is cut between lines.
 */
export function splitMessages(blocks: readonly string[], limit = MESSAGE_LIMIT): string[] {
  const pieces: string[] = [];
  for (const block of blocks) {
    if (block.length <= limit) {
      pieces.push(block);
      continue;
    }
    let current = "";
    for (const line of block.split("\n")) {
      const clipped = line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
      if (current !== "" && current.length + 1 + clipped.length > limit) {
        pieces.push(current);
        current = clipped;
      } else {
        current = current === "" ? clipped : `${current}\n${clipped}`;
      }
    }
    if (current !== "") pieces.push(current);
  }
  const messages: string[] = [];
  for (const piece of pieces) {
    const last = messages.at(-1);
    if (last !== undefined && last.length + 2 + piece.length <= limit) {
      messages[messages.length - 1] = `${last}\n\n${piece}`;
    } else {
      messages.push(piece);
    }
  }
  return messages;
}
