// The /settings message: current values in words and the buttons that change them.
// Callback data: `set:<c|o>:<id>:<name>:<value>` (a change) and `set:<c|o>:<id>:menu:<name|main>`.
import { InlineKeyboard } from "grammy";
import { durationParts, formatDuration, type SettingName, type Settings, type QuietHours } from "./model.ts";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

export type SettingsScope =
  { kind: "cell"; id: number; name: string } | { kind: "org"; id: number; name: string };

export type SettingsMenu = "main" | "quiet" | "reminders" | "threshold" | "digest" | "tz";
export const SETTINGS_MENUS: readonly SettingsMenu[] = [
  "main",
  "quiet",
  "reminders",
  "threshold",
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
export const SETTINGS_CALLBACK = /^set:([co]):(\d{1,10}):([a-z]{2,9}):([A-Za-z0-9_./+-]{1,40})$/;

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
};

/** The explanation above the buttons of each setting's menu. */
const MENU_KEYS = {
  tz: "settings-menu-tz",
  quiet: "settings-menu-quiet",
  reminders: "settings-menu-reminders",
  threshold: "settings-menu-threshold",
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
}

const NAMES_SHOWN: Record<SettingsScope["kind"], readonly SettingName[]> = {
  cell: ["lang", "tz", "quiet", "reminders", "threshold", "review"],
  org: ["lang", "tz", "quiet", "reminders", "threshold", "review", "digest"],
};

export function renderSettings(
  t: Translate,
  input: SettingsViewInput,
): { text: string; keyboard: InlineKeyboard } {
  const { scope, settings, overridden, menu } = input;
  const parts: string[] = [];
  if (input.notice) parts.push(input.notice, "");
  parts.push(t(scope.kind === "cell" ? "settings-title-cell" : "settings-title-org", { name: scope.name }));
  if (menu === "main") {
    for (const name of NAMES_SHOWN[scope.kind]) {
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
