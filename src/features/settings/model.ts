// The settings of an organisation and its cells, as pure data: schema, defaults, validation of typed
// values, and the merge defaults ← organisation ← cell overrides. No grammY, no Prisma.
//
// Where each value is stored: the organisation's language, time zone and digest schedule live in
// their own Organisation columns (locale, timeZone, digestDay, digestTime); quiet hours, meeting
// reminder offsets, the absence threshold and reason window, the task escalation delay, the
// self-review, the backup time and the digest policy (key "digest") live in Organisation.settings
// (JSON). A cell stores only what it overrides, in Cell.settings (JSON); the digest schedule and
// policy and the backup time are the organisation's alone.
import { z } from "zod";
import { isValidTimeZone } from "../../datetime/calendar.ts";
import { parseTime } from "../../datetime/parse.ts";

export const SETTING_LANGUAGES = ["vi", "en"] as const;
export type SettingLanguage = (typeof SETTING_LANGUAGES)[number];

/** Local times "HH:mm"; start after end means the quiet period spans midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

export interface Settings {
  language: SettingLanguage;
  /** IANA time zone name. */
  timeZone: string;
  /** null: quiet hours are off. */
  quietHours: QuietHours | null;
  /** How long before a meeting starts each reminder goes out, in minutes, longest first. */
  meetingReminderMinutes: number[];
  /** Absences without a valid reason in a calendar year after which the secretary is told. */
  absenceThreshold: number;
  /**
   * Hours after a meeting is closed during which an absent member may still give a reason; only
   * then does an absence count as "without a reason" for the secretary's alert.
   */
  absenceReasonHours: number;
  /** Days a task may stay overdue before its assigner and the secretary are told (PRODUCT §4C). */
  taskEscalationDays: number;
  /** Day of month (1–28) and local time the monthly self-review opens (PRODUCT §4D); null: off. */
  selfReview: { day: number; time: string } | null;
  /** Organisation only: day of month (1–28) and local time of the monthly digest. */
  digestDay: number;
  digestTime: string;
  /**
   * Organisation only (the first organisation's, for the whole service): local time "HH:mm" of the
   * daily SQLite backup.
   */
  backupTime: string;
  /** Organisation only: when the digest marks a cell as needing attention, and whether it names people. */
  digestPolicy: DigestPolicy;
}

/** What a cell may override. */
export type CellOverrides = Partial<
  Pick<
    Settings,
    | "language"
    | "timeZone"
    | "quietHours"
    | "meetingReminderMinutes"
    | "absenceThreshold"
    | "absenceReasonHours"
    | "taskEscalationDays"
    | "selfReview"
  >
>;

/** The JSON object kept in Organisation.settings. */
export type OrganisationStored = Partial<
  Pick<
    Settings,
    | "quietHours"
    | "meetingReminderMinutes"
    | "absenceThreshold"
    | "absenceReasonHours"
    | "taskEscalationDays"
    | "backupTime"
    | "selfReview"
  >
>;

/** The built-in defaults (PRODUCT.md): a fresh object each call, safe to modify. */
export function defaultSettings(): Settings {
  return {
    language: "vi",
    timeZone: "Asia/Ho_Chi_Minh",
    quietHours: { start: "21:30", end: "06:30" },
    meetingReminderMinutes: [3 * 1440, 1440, 120],
    absenceThreshold: 3,
    absenceReasonHours: 48,
    taskEscalationDays: 3,
    selfReview: { day: 25, time: "19:00" },
    digestDay: 1,
    digestTime: "08:00",
    backupTime: "02:00",
    digestPolicy: defaultDigestPolicy(),
  };
}

export const LIMITS = {
  absenceThreshold: { min: 1, max: 12 },
  absenceReasonHours: { min: 1, max: 14 * 24 },
  taskEscalationDays: { min: 1, max: 30 },
  digestDay: { min: 1, max: 28 },
  percent: { min: 0, max: 100 },
  repeatedAbsentees: { min: 1, max: 50 },
  reminders: { maxCount: 5, minMinutes: 15, maxMinutes: 14 * 1440 },
} as const;

/** The names used in `/settings <name> <value>` and in callback data. */
export const SETTING_NAMES = [
  "lang",
  "tz",
  "quiet",
  "reminders",
  "threshold",
  "reason",
  "escalate",
  "review",
  "digest",
  "attendance",
  "reviewrate",
  "absentees",
  "names",
  "backup",
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

/** Settings a cell can override (and reset to the organisation's value). */
export const CELL_SETTING_NAMES: readonly SettingName[] = [
  "lang",
  "tz",
  "quiet",
  "reminders",
  "threshold",
  "reason",
  "escalate",
  "review",
];

export type SettingUpdate =
  | { name: "lang"; value: SettingLanguage }
  | { name: "tz"; value: string }
  | { name: "quiet"; value: QuietHours | null }
  | { name: "reminders"; value: number[] }
  | { name: "threshold"; value: number }
  | { name: "reason"; value: number }
  | { name: "escalate"; value: number }
  | { name: "review"; value: { day: number; time: string } | null }
  | { name: "digest"; value: { day: number; time: string } }
  | { name: "attendance"; value: number }
  | { name: "reviewrate"; value: number }
  | { name: "absentees"; value: number }
  | { name: "names"; value: boolean }
  | { name: "backup"; value: string };

/** A typed or pressed change: a new value, or (cells only) back to the organisation's value. */
export type SettingChange = SettingUpdate | { name: SettingName; reset: true };

/** Why a typed value was refused; each has a settings-error-<code> message in every locale. */
export const SETTING_ERRORS = [
  "unknown-key",
  "missing-value",
  "language",
  "timezone",
  "quiet",
  "quiet-same",
  "reminders",
  "threshold",
  "review",
  "digest",
  "reason",
  "escalate",
  "attendance",
  "reviewrate",
  "absentees",
  "names",
  "backup",
] as const;
export type SettingError = (typeof SETTING_ERRORS)[number];

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: SettingError };

// ---------------------------------------------------------------------------------------------
// Values

/** The compact form of a time in the settings buttons' callback data: "0800". */
const COMPACT_TIME_RE = /^([01]\d|2[0-3])([0-5]\d)$/;

/**
 * A time of a setting as "HH:mm", or null. Typed times are read by the bot's one time reader
 * (src/datetime/parse.ts), so "22h", "22:00", "10 giờ tối" work as everywhere else. Settings are
 * on the 24-hour clock (quiet hours "22h-6h" end in the morning), so an hour from 1 to 6 that the
 * reader finds ambiguous in a meeting time is read as written with a leading zero ("6h" = "06h").
 * The buttons' compact "0800" is read too.
 */
export function parseSettingTime(text: string): string | null {
  const given = text.trim();
  const compact = COMPACT_TIME_RE.exec(given);
  if (compact) return `${compact[1]}:${compact[2]}`;
  let time = parseTime(given);
  if (!time.ok && time.problem === "ambiguous" && /^\d(?!\d)/.test(given)) time = parseTime(`0${given}`);
  if (!time.ok) return null;
  return `${String(time.hour).padStart(2, "0")}:${String(time.minute).padStart(2, "0")}`;
}

export function isTime(text: unknown): text is string {
  return typeof text === "string" && /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}

const TZ_SHAPE = /^(UTC|[A-Za-z][A-Za-z_]*(\/[A-Za-z0-9][A-Za-z0-9_+-]*){1,2})$/i;

let knownZones: Map<string, string> | undefined;
function knownZone(lower: string): string | undefined {
  knownZones ??= new Map(Intl.supportedValuesOf("timeZone").map((z) => [z.toLowerCase(), z]));
  return knownZones.get(lower);
}

/**
 * An IANA zone name in its usual spelling, or null. ICU's own canonical names are not used for
 * display because they rename zones people know (Asia/Ho_Chi_Minh becomes Asia/Saigon).
 */
export function parseTimeZone(text: string): string | null {
  const given = text.trim();
  if (given.length > 64 || !TZ_SHAPE.test(given) || !isValidTimeZone(given)) return null;
  if (given.toUpperCase() === "UTC") return "UTC";
  const known = knownZone(given.toLowerCase());
  if (known && known.toLowerCase() !== given.toLowerCase()) return known;
  if (known === given || /[A-Z]/.test(given)) return given;
  const titled = given.replace(/(^|[/_-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
  return isValidTimeZone(titled) ? titled : null;
}

export function isTimeZone(text: unknown): text is string {
  return typeof text === "string" && TZ_SHAPE.test(text) && isValidTimeZone(text);
}

const OFF_WORDS = new Set(["off", "none", "tat", "tắt", "khong", "không", "0"]);
const ON_WORDS = new Set(["on", "yes", "bat", "bật", "co", "có", "1"]);
const RESET_WORDS = new Set(["reset", "default", "inherit", "mac dinh", "mặc định", "mac-dinh", "mặc-định"]);

function fold(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

/** "22:00-06:00", "22h–6h", "22:00 06:00", "off" → quiet hours (null = off). */
export function parseQuietHours(text: string): Parsed<QuietHours | null> {
  const given = fold(text);
  if (OFF_WORDS.has(given)) return { ok: true, value: null };
  const parts = given.split(/\s*(?:-|–|—|đến|den|to)\s*|\s+/).filter((p) => p !== "");
  if (parts.length !== 2) return { ok: false, error: "quiet" };
  const start = parseSettingTime(parts[0]!);
  const end = parseSettingTime(parts[1]!);
  if (!start || !end) return { ok: false, error: "quiet" };
  if (start === end) return { ok: false, error: "quiet-same" };
  return { ok: true, value: { start, end } };
}

const DURATION_RE = /^(\d{1,3})\s*(d|ngày|ngay|h|g|giờ|gio|m|p|ph|phút|phut)$/;

/** "3d", "2h", "30m", "1 ngày", "2 giờ" → minutes. */
export function parseDuration(text: string): number | null {
  const m = DURATION_RE.exec(fold(text));
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2]!;
  if (["d", "ngày", "ngay"].includes(unit)) return n * 1440;
  if (["h", "g", "giờ", "gio"].includes(unit)) return n * 60;
  return n;
}

/** "3d,1d,2h" (commas, semicolons, dots or spaces between) → minutes, longest first. */
export function parseReminderOffsets(text: string): Parsed<number[]> {
  const parts = fold(text)
    .split(/\s*[,;.]\s*|\s+(?=\d)/)
    .filter((p) => p !== "");
  const { maxCount, minMinutes, maxMinutes } = LIMITS.reminders;
  if (parts.length === 0 || parts.length > maxCount) return { ok: false, error: "reminders" };
  const minutes: number[] = [];
  for (const part of parts) {
    const m = parseDuration(part);
    if (m === null || m < minMinutes || m > maxMinutes || minutes.includes(m)) {
      return { ok: false, error: "reminders" };
    }
    minutes.push(m);
  }
  return { ok: true, value: minutes.sort((a, b) => b - a) };
}

/** Minutes as the short form used in typed commands and callback data: "3d", "2h", "30m". */
export function formatDuration(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/** Splits minutes into the largest whole unit, for display in words. */
export function durationParts(minutes: number): { unit: "days" | "hours" | "minutes"; n: number } {
  if (minutes % 1440 === 0) return { unit: "days", n: minutes / 1440 };
  if (minutes % 60 === 0) return { unit: "hours", n: minutes / 60 };
  return { unit: "minutes", n: minutes };
}

function parseWholeNumber(text: string, min: number, max: number): number | null {
  const given = text.trim();
  if (!/^\d{1,3}$/.test(given)) return null;
  const n = Number(given);
  return n >= min && n <= max ? n : null;
}

/** "1 08:00", "1-0800", "1 8h" → digest day and time. */
export function parseDigest(text: string): Parsed<{ day: number; time: string }> {
  const m = /^(\d{1,2})(?:\s+|\s*-\s*|\s*(?:lúc|luc|at)\s*)(.+)$/.exec(fold(text));
  if (!m) return { ok: false, error: "digest" };
  const day = parseWholeNumber(m[1]!, LIMITS.digestDay.min, LIMITS.digestDay.max);
  const time = parseSettingTime(m[2]!.replace(/^(lúc|luc|at)\s*/, ""));
  if (day === null || time === null) return { ok: false, error: "digest" };
  return { ok: true, value: { day, time } };
}

/** "48", "48h", "48 giờ", "2d", "2 ngày" → whole hours; a bare number is hours. */
export function parseReasonHours(text: string): number | null {
  const given = fold(text);
  const minutes = /^\d{1,3}$/.test(given) ? Number(given) * 60 : parseDuration(given);
  if (minutes === null || minutes % 60 !== 0) return null;
  const hours = minutes / 60;
  const { min, max } = LIMITS.absenceReasonHours;
  return hours >= min && hours <= max ? hours : null;
}

/** "3", "3d", "3 ngày" → whole days. */
export function parseEscalationDays(text: string): number | null {
  const given = fold(text);
  const minutes = /^\d{1,3}$/.test(given) ? Number(given) * 1440 : parseDuration(given);
  if (minutes === null || minutes % 1440 !== 0) return null;
  const days = minutes / 1440;
  const { min, max } = LIMITS.taskEscalationDays;
  return days >= min && days <= max ? days : null;
}

/** "70", "70%", "70 %" → a whole percentage from 0 to 100. */
export function parsePercent(text: string): number | null {
  const given = fold(text).replace(/\s*%$/, "");
  return parseWholeNumber(given, LIMITS.percent.min, LIMITS.percent.max);
}

/** "on"/"bật"/"có" → true, "off"/"tắt"/"không" → false. */
export function parseOnOff(text: string): boolean | null {
  const given = fold(text);
  if (ON_WORDS.has(given)) return true;
  if (OFF_WORDS.has(given)) return false;
  return null;
}

const NAME_ALIASES: Record<string, SettingName> = {
  lang: "lang",
  language: "lang",
  ngonngu: "lang",
  tz: "tz",
  timezone: "tz",
  muigio: "tz",
  quiet: "quiet",
  yentinh: "quiet",
  reminders: "reminders",
  reminder: "reminders",
  nhac: "reminders",
  threshold: "threshold",
  vang: "threshold",
  digest: "digest",
  baocao: "digest",
  review: "review",
  selfreview: "review",
  kiemdiem: "review",
  tukiemdiem: "review",
  reason: "reason",
  reasonhours: "reason",
  lydo: "reason",
  escalate: "escalate",
  escalation: "escalate",
  quahan: "escalate",
  attendance: "attendance",
  duhop: "attendance",
  reviewrate: "reviewrate",
  kiemdiemtoithieu: "reviewrate",
  absentees: "absentees",
  vangnhieu: "absentees",
  names: "names",
  neuten: "names",
  backup: "backup",
  saoluu: "backup",
};

export function parseSettingName(text: string): SettingName | null {
  const key = text
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/[\s_-]/g, "");
  return Object.hasOwn(NAME_ALIASES, key) ? NAME_ALIASES[key]! : null;
}

/** The value part of `/settings <name> <value>` or of a button; "reset" and its synonyms undo an override. */
export function parseSettingValue(name: SettingName, raw: string): Parsed<SettingChange> {
  const text = raw.trim();
  if (text === "") return { ok: false, error: "missing-value" };
  if (text.length > 100) return { ok: false, error: errorOf(name) };
  if (RESET_WORDS.has(fold(text))) return { ok: true, value: { name, reset: true } };
  switch (name) {
    case "lang": {
      const lang = fold(text);
      return isLanguage(lang) ? { ok: true, value: { name, value: lang } } : { ok: false, error: "language" };
    }
    case "tz": {
      const zone = parseTimeZone(text);
      return zone ? { ok: true, value: { name, value: zone } } : { ok: false, error: "timezone" };
    }
    case "quiet": {
      const r = parseQuietHours(text);
      return r.ok ? { ok: true, value: { name, value: r.value } } : r;
    }
    case "reminders": {
      const r = parseReminderOffsets(text);
      return r.ok ? { ok: true, value: { name, value: r.value } } : r;
    }
    case "threshold": {
      const n = parseWholeNumber(text, LIMITS.absenceThreshold.min, LIMITS.absenceThreshold.max);
      return n === null ? { ok: false, error: "threshold" } : { ok: true, value: { name, value: n } };
    }
    case "digest": {
      const r = parseDigest(text);
      return r.ok ? { ok: true, value: { name, value: r.value } } : r;
    }
    case "review": {
      // The same shape as the digest's "25 19:00", or "off" for a cell that does not hold it.
      if (OFF_WORDS.has(fold(text))) return { ok: true, value: { name, value: null } };
      const r = parseDigest(text);
      return r.ok ? { ok: true, value: { name, value: r.value } } : { ok: false, error: "review" };
    }
    case "reason":
      return numberChange(name, parseReasonHours(text));
    case "escalate":
      return numberChange(name, parseEscalationDays(text));
    case "attendance":
    case "reviewrate":
      return numberChange(name, parsePercent(text));
    case "absentees":
      return numberChange(
        name,
        parseWholeNumber(text, LIMITS.repeatedAbsentees.min, LIMITS.repeatedAbsentees.max),
      );
    case "names": {
      const on = parseOnOff(text);
      return on === null ? { ok: false, error: "names" } : { ok: true, value: { name, value: on } };
    }
    case "backup": {
      const time = parseSettingTime(text);
      return time === null ? { ok: false, error: "backup" } : { ok: true, value: { name, value: time } };
    }
  }
}

type NumberSetting = Extract<SettingUpdate, { value: number }>["name"];

function numberChange(name: NumberSetting, value: number | null): Parsed<SettingChange> {
  return value === null ? { ok: false, error: errorOf(name) } : { ok: true, value: { name, value } };
}

function errorOf(name: SettingName): SettingError {
  const map: Record<SettingName, SettingError> = {
    lang: "language",
    tz: "timezone",
    quiet: "quiet",
    reminders: "reminders",
    threshold: "threshold",
    review: "review",
    digest: "digest",
    reason: "reason",
    escalate: "escalate",
    attendance: "attendance",
    reviewrate: "reviewrate",
    absentees: "absentees",
    names: "names",
    backup: "backup",
  };
  return map[name];
}

/** `/settings` arguments after the optional scope word: "<name> <value…>". */
export function parseSettingCommand(args: string): Parsed<SettingChange> {
  const trimmed = args.trim();
  const space = trimmed.search(/\s/);
  const nameText = space < 0 ? trimmed : trimmed.slice(0, space);
  const name = parseSettingName(nameText);
  if (!name) return { ok: false, error: "unknown-key" };
  return parseSettingValue(name, space < 0 ? "" : trimmed.slice(space + 1));
}

export function isLanguage(value: unknown): value is SettingLanguage {
  return typeof value === "string" && (SETTING_LANGUAGES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Stored JSON: each field is read on its own, so one bad field does not discard the others.

const fieldSchemas = {
  language: z.enum(SETTING_LANGUAGES),
  timeZone: z.string().refine(isTimeZone),
  quietHours: z
    .object({ start: z.string().refine(isTime), end: z.string().refine(isTime) })
    .refine((q) => q.start !== q.end)
    .nullable(),
  meetingReminderMinutes: z
    .array(z.int().min(LIMITS.reminders.minMinutes).max(LIMITS.reminders.maxMinutes))
    .min(1)
    .max(LIMITS.reminders.maxCount),
  absenceThreshold: z.int().min(LIMITS.absenceThreshold.min).max(LIMITS.absenceThreshold.max),
  backupTime: z.string().refine(isTime),
  absenceReasonHours: z.int().min(LIMITS.absenceReasonHours.min).max(LIMITS.absenceReasonHours.max),
  taskEscalationDays: z.int().min(LIMITS.taskEscalationDays.min).max(LIMITS.taskEscalationDays.max),
  selfReview: z
    .object({
      day: z.int().min(LIMITS.digestDay.min).max(LIMITS.digestDay.max),
      time: z.string().refine(isTime),
    })
    .nullable(),
} as const;

function readJsonObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function pick<K extends keyof typeof fieldSchemas>(
  raw: Record<string, unknown>,
  keys: readonly K[],
): Partial<Record<K, unknown>> {
  const out: Partial<Record<K, unknown>> = {};
  for (const key of keys) {
    if (!Object.hasOwn(raw, key)) continue;
    const parsed = fieldSchemas[key].safeParse(raw[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}

/** Cell.settings → the overrides it holds (invalid or unknown fields are ignored). */
export function parseCellOverrides(json: string): CellOverrides {
  const out = pick(readJsonObject(json), [
    "language",
    "timeZone",
    "quietHours",
    "meetingReminderMinutes",
    "absenceThreshold",
    "absenceReasonHours",
    "taskEscalationDays",
    "selfReview",
  ]) as CellOverrides;
  if (out.meetingReminderMinutes) out.meetingReminderMinutes = sortedUnique(out.meetingReminderMinutes);
  return out;
}

/** Organisation.settings → its stored fields (invalid or unknown fields are ignored). */
export function parseOrganisationStored(json: string): OrganisationStored {
  const out = pick(readJsonObject(json), [
    "quietHours",
    "meetingReminderMinutes",
    "absenceThreshold",
    "backupTime",
    "absenceReasonHours",
    "taskEscalationDays",
    "selfReview",
  ]) as OrganisationStored;
  if (out.meetingReminderMinutes) out.meetingReminderMinutes = sortedUnique(out.meetingReminderMinutes);
  return out;
}

function sortedUnique(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => b - a);
}

// ---------------------------------------------------------------------------------------------
// Merging

/** The organisation columns settings are read from (an OrganisationView fits). */
export interface OrganisationSettingsSource {
  locale: string;
  timeZone: string;
  digestDay: number;
  digestTime: string;
  settings: string;
}

/** A cell's settings column (a CellView fits). */
export interface CellSettingsSource {
  settings: string;
}

/** Defaults ← organisation. */
export function organisationSettings(org: OrganisationSettingsSource): Settings {
  const stored = parseOrganisationStored(org.settings);
  const d = defaultSettings();
  const digestDayOk =
    Number.isInteger(org.digestDay) &&
    org.digestDay >= LIMITS.digestDay.min &&
    org.digestDay <= LIMITS.digestDay.max;
  return {
    language: isLanguage(org.locale) ? org.locale : d.language,
    timeZone: isTimeZone(org.timeZone) ? org.timeZone : d.timeZone,
    quietHours: stored.quietHours !== undefined ? stored.quietHours : d.quietHours,
    meetingReminderMinutes: stored.meetingReminderMinutes ?? d.meetingReminderMinutes,
    absenceThreshold: stored.absenceThreshold ?? d.absenceThreshold,
    absenceReasonHours: stored.absenceReasonHours ?? d.absenceReasonHours,
    taskEscalationDays: stored.taskEscalationDays ?? d.taskEscalationDays,
    selfReview: stored.selfReview !== undefined ? stored.selfReview : d.selfReview,
    digestDay: digestDayOk ? org.digestDay : d.digestDay,
    digestTime: isTime(org.digestTime) ? org.digestTime : d.digestTime,
    backupTime: stored.backupTime ?? d.backupTime,
    digestPolicy: parseDigestPolicy(org.settings),
  };
}

/** Defaults ← organisation ← cell overrides: the settings that apply to a cell (or to the organisation). */
export function effectiveSettings(
  org: OrganisationSettingsSource,
  cell?: CellSettingsSource | null,
): Settings {
  const base = organisationSettings(org);
  if (!cell) return base;
  const o = parseCellOverrides(cell.settings);
  return {
    ...base,
    ...(o.language !== undefined ? { language: o.language } : {}),
    ...(o.timeZone !== undefined ? { timeZone: o.timeZone } : {}),
    ...(o.quietHours !== undefined ? { quietHours: o.quietHours } : {}),
    ...(o.meetingReminderMinutes !== undefined ? { meetingReminderMinutes: o.meetingReminderMinutes } : {}),
    ...(o.absenceThreshold !== undefined ? { absenceThreshold: o.absenceThreshold } : {}),
    ...(o.absenceReasonHours !== undefined ? { absenceReasonHours: o.absenceReasonHours } : {}),
    ...(o.taskEscalationDays !== undefined ? { taskEscalationDays: o.taskEscalationDays } : {}),
    ...(o.selfReview !== undefined ? { selfReview: o.selfReview } : {}),
  };
}

/** Which settings a cell overrides, by setting name. */
export function overriddenNames(cell: CellSettingsSource): Set<SettingName> {
  const o = parseCellOverrides(cell.settings);
  const names = new Set<SettingName>();
  if (o.language !== undefined) names.add("lang");
  if (o.timeZone !== undefined) names.add("tz");
  if (o.quietHours !== undefined) names.add("quiet");
  if (o.meetingReminderMinutes !== undefined) names.add("reminders");
  if (o.absenceThreshold !== undefined) names.add("threshold");
  if (o.absenceReasonHours !== undefined) names.add("reason");
  if (o.taskEscalationDays !== undefined) names.add("escalate");
  if (o.selfReview !== undefined) names.add("review");
  return names;
}

// ---------------------------------------------------------------------------------------------
// Applying a change

const OVERRIDE_FIELD = {
  lang: "language",
  tz: "timeZone",
  quiet: "quietHours",
  reminders: "meetingReminderMinutes",
  threshold: "absenceThreshold",
  reason: "absenceReasonHours",
  escalate: "taskEscalationDays",
  review: "selfReview",
} as const satisfies Partial<Record<SettingName, keyof CellOverrides>>;

/** Where each digest policy setting is kept inside Organisation.settings.digest. */
const POLICY_FIELD = {
  attendance: "minAttendancePercent",
  reviewrate: "minSelfReviewPercent",
  absentees: "repeatedAbsentees",
  names: "namesInCommittee",
} as const satisfies Partial<Record<SettingName, keyof DigestPolicy>>;

/**
 * The cell's new settings JSON after a change, or an error: the digest schedule and policy and
 * the backup time belong to the organisation. Unknown fields already in the JSON are kept.
 */
export function applyToCell(json: string, change: SettingChange): { ok: true; json: string } | { ok: false } {
  const name = change.name;
  if (!Object.hasOwn(OVERRIDE_FIELD, name)) return { ok: false };
  const field = OVERRIDE_FIELD[name as keyof typeof OVERRIDE_FIELD];
  const raw = readJsonObject(json);
  if ("reset" in change) {
    delete raw[field];
  } else {
    raw[field] = change.value;
  }
  return { ok: true, json: JSON.stringify(raw) };
}

/** The organisation columns to write for a change; resetting is not possible at that level. */
export type OrganisationPatch = Partial<{
  locale: string;
  timeZone: string;
  digestDay: number;
  digestTime: string;
  settings: string;
}>;

export function applyToOrganisation(
  org: OrganisationSettingsSource,
  change: SettingChange,
): { ok: true; patch: OrganisationPatch } | { ok: false } {
  if ("reset" in change) return { ok: false };
  switch (change.name) {
    case "lang":
      return { ok: true, patch: { locale: change.value } };
    case "tz":
      return { ok: true, patch: { timeZone: change.value } };
    case "digest":
      return { ok: true, patch: { digestDay: change.value.day, digestTime: change.value.time } };
    case "quiet":
    case "reminders":
    case "threshold":
    case "reason":
    case "escalate":
    case "review": {
      const raw = readJsonObject(org.settings);
      raw[OVERRIDE_FIELD[change.name]] = change.value;
      return { ok: true, patch: { settings: JSON.stringify(raw) } };
    }
    case "backup": {
      const raw = readJsonObject(org.settings);
      raw.backupTime = change.value;
      return { ok: true, patch: { settings: JSON.stringify(raw) } };
    }
    case "attendance":
    case "reviewrate":
    case "absentees":
    case "names": {
      // The policy object keeps what it had; the digest reads it field by field (parseDigestPolicy).
      const raw = readJsonObject(org.settings);
      const stored = raw.digest;
      const policy =
        stored !== null && typeof stored === "object" && !Array.isArray(stored)
          ? { ...(stored as Record<string, unknown>) }
          : {};
      policy[POLICY_FIELD[change.name]] = change.value;
      raw.digest = policy;
      return { ok: true, patch: { settings: JSON.stringify(raw) } };
    }
  }
}

/** A setting's value in its typed form ("22:00-06:00", "3d,1d,2h", "off"): for audit entries. */
export function settingValueText(settings: Settings, name: SettingName): string {
  switch (name) {
    case "lang":
      return settings.language;
    case "tz":
      return settings.timeZone;
    case "quiet":
      return settings.quietHours ? `${settings.quietHours.start}-${settings.quietHours.end}` : "off";
    case "reminders":
      return settings.meetingReminderMinutes.map(formatDuration).join(",");
    case "threshold":
      return String(settings.absenceThreshold);
    case "review":
      return settings.selfReview ? `${settings.selfReview.day} ${settings.selfReview.time}` : "off";
    case "digest":
      return `${settings.digestDay} ${settings.digestTime}`;
    case "reason":
      return `${settings.absenceReasonHours}h`;
    case "escalate":
      return `${settings.taskEscalationDays}d`;
    case "attendance":
      return `${settings.digestPolicy.minAttendancePercent}%`;
    case "reviewrate":
      return `${settings.digestPolicy.minSelfReviewPercent}%`;
    case "absentees":
      return String(settings.digestPolicy.repeatedAbsentees);
    case "names":
      return settings.digestPolicy.namesInCommittee ? "on" : "off";
    case "backup":
      return settings.backupTime;
  }
}

// ---------------------------------------------------------------------------------------------
// The monthly digest's policy (Organisation.settings, key "digest"): when a cell "needs attention"
// and whether members' names may appear in the committee chat. Read on its own, field by field,
// like the other stored settings; admins change it with /settings org attendance|reviewrate|
// absentees|names.

export interface DigestPolicy {
  /** A cell whose attendance rate is below this (per cent) needs attention. */
  minAttendancePercent: number;
  /** A cell with at least this many members with repeated absence needs attention. */
  repeatedAbsentees: number;
  /** A cell whose self-review submission rate is below this (per cent) needs attention. */
  minSelfReviewPercent: number;
  /** Whether the committee's digest names members (repeated absence, overdue, missing self-review). */
  namesInCommittee: boolean;
}

export function defaultDigestPolicy(): DigestPolicy {
  return {
    minAttendancePercent: 70,
    repeatedAbsentees: 2,
    minSelfReviewPercent: 50,
    namesInCommittee: false,
  };
}

const digestPolicySchemas = {
  minAttendancePercent: z.int().min(0).max(100),
  repeatedAbsentees: z.int().min(1).max(1000),
  minSelfReviewPercent: z.int().min(0).max(100),
  namesInCommittee: z.boolean(),
} as const;

/** Organisation.settings → the digest policy (defaults for what is missing or invalid). */
export function parseDigestPolicy(json: string): DigestPolicy {
  const policy = defaultDigestPolicy();
  const stored = readJsonObject(json).digest;
  if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return policy;
  const raw = stored as Record<string, unknown>;
  const out: Record<string, unknown> = { ...policy };
  for (const key of Object.keys(digestPolicySchemas) as (keyof typeof digestPolicySchemas)[]) {
    if (!Object.hasOwn(raw, key)) continue;
    const parsed = digestPolicySchemas[key].safeParse(raw[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as unknown as DigestPolicy;
}
