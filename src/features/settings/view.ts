// The /settings message: current values in words and the buttons that change them.
// Callback data: `set:<c|o>:<id>:<name>:<value>` (a change) and `set:<c|o>:<id>:menu:<name|main>`.
import { InlineKeyboard } from "grammy";
import { durationParts, formatDuration, type SettingName, type Settings, type QuietHours } from "./model.ts";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

export type SettingsScope =
  { kind: "cell"; id: number; name: string } | { kind: "org"; id: number; name: string };

export type SettingsMenu =
  "main" | "quiet" | "reminders" | "threshold" | "reason" | "escalate" | "digest" | "tz";
export const SETTINGS_MENUS: readonly SettingsMenu[] = [
  "main",
  "quiet",
  "reminders",
  "threshold",
  "reason",
  "escalate",
  "digest",
  "tz",
];

export function scopeCode(scope: SettingsScope): "c" | "o" {
  return scope.kind === "cell" ? "c" : "o";
}

export function callbackData(scope: SettingsScope, name: SettingName | "menu", value: string): string {
  return `set:${scopeCode(scope)}:${scope.id}:${name}:${value}`;
}

/** Matches every settings button; groups: scope, id, name, value. */
export const SETTINGS_CALLBACK = /^set:([co]):(\d{1,10}):([a-z]{2,12}):([A-Za-z0-9_./+-]{1,40})$/;

const QUIET_PRESETS: readonly (QuietHours | null)[] = [
  { start: "21:00", end: "06:00" },
  { start: "21:30", end: "06:30" },
  { start: "22:00", end: "07:00" },
  null,
];
const REMINDER_PRESETS: readonly number[][] = [
  [4320, 1440, 120],
  [1440, 120],
  [4320, 1440],
  [10080, 1440, 120],
  [120],
];
const THRESHOLD_PRESETS = [2, 3, 4, 5] as const;
/** Hours an absent member has to give a reason before the absence counts as without one. */
const REASON_PRESETS = [24, 48, 72, 168] as const;
/** Days a task may stay overdue before the assigner and the secretary are told. */
const ESCALATE_PRESETS = [1, 3, 5, 7] as const;
const DIGEST_PRESETS: readonly { day: number; time: string }[] = [
  { day: 1, time: "08:00" },
  { day: 1, time: "07:00" },
  { day: 2, time: "08:00" },
  { day: 5, time: "08:00" },
];
const TZ_PRESETS = ["Asia/Ho_Chi_Minh"] as const;

export function describeDuration(t: Translate, minutes: number): string {
  const { unit, n } = durationParts(minutes);
  return t("settings-duration", { unit, n });
}

export function joinList(t: Translate, items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${t("settings-list-and")} ${items.at(-1)!}`;
}

export function describeValue(t: Translate, settings: Settings, name: SettingName): string {
  switch (name) {
    case "lang":
      return t(settings.language === "vi" ? "settings-language-vi" : "settings-language-en");
    case "tz":
      return settings.timeZone;
    case "quiet":
      return settings.quietHours
        ? t("settings-quiet-range", { start: settings.quietHours.start, end: settings.quietHours.end })
        : t("settings-quiet-off");
    case "reminders":
      return t("settings-reminders-value", {
        list: joinList(
          t,
          settings.meetingReminderMinutes.map((m) => describeDuration(t, m)),
        ),
      });
    case "threshold":
      return t("settings-threshold-value", { n: settings.absenceThreshold });
    case "review":
      return settings.selfReview
        ? t("settings-review-value", { day: settings.selfReview.day, time: settings.selfReview.time })
        : t("settings-review-off");
    case "digest":
      return t("settings-digest-value", { day: settings.digestDay, time: settings.digestTime });
    case "reason":
      return t("settings-reason-value", { duration: describeDuration(t, settings.absenceReasonHours * 60) });
    case "escalate":
      return t("settings-escalate-value", { n: settings.taskEscalationDays });
    case "attendance":
      return t("settings-percent-value", { n: settings.digestPolicy.minAttendancePercent });
    case "reviewrate":
      return t("settings-percent-value", { n: settings.digestPolicy.minSelfReviewPercent });
    case "absentees":
      return t("settings-absentees-value", { n: settings.digestPolicy.repeatedAbsentees });
    case "names":
      return t(settings.digestPolicy.namesInCommittee ? "settings-names-on" : "settings-names-off");
    case "backup":
      return t("settings-backup-value", { time: settings.backupTime });
  }
}

const LINE_KEYS: Record<SettingName, string> = {
  lang: "settings-line-language",
  tz: "settings-line-timezone",
  quiet: "settings-line-quiet",
  reminders: "settings-line-reminders",
  threshold: "settings-line-threshold",
  review: "settings-line-review",
  digest: "settings-line-digest",
  reason: "settings-line-reason",
  escalate: "settings-line-escalate",
  attendance: "settings-line-attendance",
  reviewrate: "settings-line-reviewrate",
  absentees: "settings-line-absentees",
  names: "settings-line-names",
  backup: "settings-line-backup",
};

/** The explanation above the buttons of each setting's menu. */
const MENU_KEYS = {
  tz: "settings-menu-tz",
  quiet: "settings-menu-quiet",
  reminders: "settings-menu-reminders",
  threshold: "settings-menu-threshold",
  reason: "settings-menu-reason",
  escalate: "settings-menu-escalate",
  digest: "settings-menu-digest",
} as const satisfies Record<Exclude<SettingsMenu, "main">, string>;

function line(t: Translate, settings: Settings, name: SettingName, inherited: boolean): string {
  const value = describeValue(t, settings, name);
  return t(LINE_KEYS[name], { value: inherited ? `${value} ${t("settings-inherited")}` : value });
}

export interface SettingsViewInput {
  scope: SettingsScope;
  settings: Settings;
  /** Cell scope: the settings the cell overrides (others are shown as the organisation's). */
  overridden: Set<SettingName>;
  menu: SettingsMenu;
  /** A line above the values, e.g. "saved". */
  notice?: string;
  /** Organisation scope: whether the bot makes the daily backups (SQLite), so their time is shown. */
  backups?: boolean;
}

/**
 * The answer to one change: the notice ("saved", "unchanged") and the changed setting's line only,
 * with a button that opens the whole panel (issue 9 item 11: the panel is ~15 lines).
 */
export function renderChange(
  t: Translate,
  input: Omit<SettingsViewInput, "menu"> & { name: SettingName },
): { text: string; keyboard: InlineKeyboard } {
  const { scope, settings, overridden, name } = input;
  const parts = input.notice ? [input.notice] : [];
  parts.push(line(t, settings, name, scope.kind === "cell" && !overridden.has(name)));
  const keyboard = new InlineKeyboard().text(
    t("settings-button-see-all"),
    callbackData(scope, "menu", "main"),
  );
  return { text: parts.join("\n"), keyboard };
}

const CELL_NAMES: readonly SettingName[] = [
  "lang",
  "tz",
  "quiet",
  "reminders",
  "threshold",
  "reason",
  "escalate",
  "review",
];

/** The settings shown in the panel; the backup line only where the bot makes backups (SQLite). */
export function namesShown(kind: SettingsScope["kind"], backups: boolean): readonly SettingName[] {
  if (kind === "cell") return CELL_NAMES;
  return [
    ...CELL_NAMES,
    "digest",
    "attendance",
    "reviewrate",
    "absentees",
    "names",
    ...(backups ? (["backup"] as const) : []),
  ];
}

export function renderSettings(
  t: Translate,
  input: SettingsViewInput,
): { text: string; keyboard: InlineKeyboard } {
  const { scope, settings, overridden, menu } = input;
  const parts: string[] = [];
  if (input.notice) parts.push(input.notice, "");
  parts.push(t(scope.kind === "cell" ? "settings-title-cell" : "settings-title-org", { name: scope.name }));
  if (menu === "main") {
    for (const name of namesShown(scope.kind, input.backups === true)) {
      parts.push(line(t, settings, name, scope.kind === "cell" && !overridden.has(name)));
    }
    parts.push("", t(scope.kind === "cell" ? "settings-help-cell" : "settings-help-org"));
  } else {
    const name: SettingName = menu;
    parts.push(line(t, settings, name, scope.kind === "cell" && !overridden.has(name)));
    parts.push("", t(MENU_KEYS[menu]));
  }
  return { text: parts.join("\n"), keyboard: keyboardFor(t, input) };
}

function mark(selected: boolean, label: string): string {
  return selected ? `✓ ${label}` : label;
}

function keyboardFor(t: Translate, input: SettingsViewInput): InlineKeyboard {
  const { scope, settings, overridden, menu } = input;
  const kb = new InlineKeyboard();
  const isCell = scope.kind === "cell";
  const inheritButton = (name: SettingName) => {
    if (isCell) kb.row().text(t("settings-button-inherit"), callbackData(scope, name, "reset"));
  };
  switch (menu) {
    case "main":
      kb.text(mark(settings.language === "vi", t("settings-language-vi")), callbackData(scope, "lang", "vi"));
      kb.text(mark(settings.language === "en", t("settings-language-en")), callbackData(scope, "lang", "en"));
      kb.row()
        .text(t("settings-button-quiet"), callbackData(scope, "menu", "quiet"))
        .text(t("settings-button-reminders"), callbackData(scope, "menu", "reminders"));
      kb.row()
        .text(t("settings-button-threshold"), callbackData(scope, "menu", "threshold"))
        .text(t("settings-button-tz"), callbackData(scope, "menu", "tz"));
      kb.row()
        .text(t("settings-button-reason"), callbackData(scope, "menu", "reason"))
        .text(t("settings-button-escalate"), callbackData(scope, "menu", "escalate"));
      if (!isCell) kb.row().text(t("settings-button-digest"), callbackData(scope, "menu", "digest"));
      if (isCell && overridden.has("lang")) {
        kb.row().text(t("settings-button-inherit-language"), callbackData(scope, "lang", "reset"));
      }
      return withoutEmptyRows(kb);
    case "quiet":
      QUIET_PRESETS.forEach((q, i) => {
        if (i % 2 === 0) kb.row();
        const current = settings.quietHours;
        const selected = q === null ? current === null : current?.start === q.start && current.end === q.end;
        const label = q ? `${q.start}–${q.end}` : t("settings-button-off");
        const value = q ? `${q.start.replace(":", "")}-${q.end.replace(":", "")}` : "off";
        kb.text(mark(selected, label), callbackData(scope, "quiet", value));
      });
      inheritButton("quiet");
      break;
    case "reminders":
      for (const preset of REMINDER_PRESETS) {
        const selected = preset.join() === settings.meetingReminderMinutes.join();
        const label = preset.map((m) => describeDuration(t, m)).join(", ");
        kb.row().text(
          mark(selected, label),
          callbackData(scope, "reminders", preset.map(formatDuration).join(".")),
        );
      }
      inheritButton("reminders");
      break;
    case "threshold":
      for (const n of THRESHOLD_PRESETS) {
        kb.text(
          mark(settings.absenceThreshold === n, t("settings-button-times", { n })),
          callbackData(scope, "threshold", String(n)),
        );
      }
      inheritButton("threshold");
      break;
    case "reason":
      for (const hours of REASON_PRESETS) {
        kb.text(
          mark(settings.absenceReasonHours === hours, describeDuration(t, hours * 60)),
          callbackData(scope, "reason", String(hours)),
        );
      }
      inheritButton("reason");
      break;
    case "escalate":
      for (const n of ESCALATE_PRESETS) {
        kb.text(
          mark(settings.taskEscalationDays === n, describeDuration(t, n * 1440)),
          callbackData(scope, "escalate", `${n}d`),
        );
      }
      inheritButton("escalate");
      break;
    case "digest":
      DIGEST_PRESETS.forEach((d, i) => {
        if (i % 2 === 0) kb.row();
        const selected = settings.digestDay === d.day && settings.digestTime === d.time;
        kb.text(
          mark(selected, t("settings-button-digest-preset", { day: d.day, time: d.time })),
          callbackData(scope, "digest", `${d.day}-${d.time.replace(":", "")}`),
        );
      });
      break;
    case "tz":
      for (const zone of TZ_PRESETS) {
        kb.row().text(mark(settings.timeZone === zone, zone), callbackData(scope, "tz", zone));
      }
      inheritButton("tz");
      break;
  }
  kb.row().text(t("settings-button-back"), callbackData(scope, "menu", "main"));
  return withoutEmptyRows(kb);
}

function withoutEmptyRows(kb: InlineKeyboard): InlineKeyboard {
  return new InlineKeyboard(kb.inline_keyboard.filter((row) => row.length > 0));
}
