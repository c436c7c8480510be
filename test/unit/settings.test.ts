import { describe, expect, it } from "vitest";
import { createI18n, createTranslator } from "../../src/i18n.ts";
import {
  applyToCell,
  applyToOrganisation,
  defaultSettings,
  effectiveSettings,
  formatDuration,
  overriddenNames,
  parseCellOverrides,
  parseDigest,
  parseQuietHours,
  parseReminderOffsets,
  parseSettingCommand,
  parseSettingTime,
  parseTimeZone,
  SETTING_ERRORS,
  settingValueText,
  type OrganisationSettingsSource,
} from "../../src/features/settings/model.ts";
import {
  renderSettings,
  SETTINGS_CALLBACK,
  SETTINGS_MENUS,
  type SettingsScope,
} from "../../src/features/settings/view.ts";
import {
  privateRemindersButton,
  privateRemindersUrl,
  withPrivateRemindersButton,
} from "../../src/features/reach/reach.ts";
import { InlineKeyboard } from "grammy";

const i18n = createI18n({ defaultLocale: "vi" });
const translate = createTranslator(i18n);
const tVi = (key: string, vars?: Record<string, string | number>) => translate("vi", key, vars);
const tEn = (key: string, vars?: Record<string, string | number>) => translate("en", key, vars);

const ORG: OrganisationSettingsSource = {
  locale: "vi",
  timeZone: "Asia/Ho_Chi_Minh",
  digestDay: 1,
  digestTime: "08:00",
  settings: "{}",
};

describe("settings values", () => {
  it.each([
    ["22:00", "22:00"],
    ["06:30", "06:30"],
    ["6h30 sáng", "06:30"],
    ["22h", "22:00"],
    ["22h30", "22:30"],
    ["10 giờ tối", "22:00"],
    ["0630", "06:30"],
    ["7g", "07:00"],
    ["00:00", "00:00"],
    // The 24-hour clock: an hour from 1 to 6 is the morning one, unlike in a meeting time.
    ["6:30", "06:30"],
    ["6h", "06:00"],
    ["12h đêm", null],
    ["24:00", null],
    ["22:60", null],
    ["abc", null],
    ["", null],
    ["🕙", null],
  ])("time %j → %j", (input, expected) => {
    expect(parseSettingTime(input)).toBe(expected);
  });

  it.each([
    ["Asia/Ho_Chi_Minh", "Asia/Ho_Chi_Minh"],
    ["asia/ho_chi_minh", "Asia/Ho_Chi_Minh"],
    ["Asia/Bangkok", "Asia/Bangkok"],
    ["asia/bangkok", "Asia/Bangkok"],
    ["Europe/Paris", "Europe/Paris"],
    ["UTC", "UTC"],
    ["utc", "UTC"],
    ["Foo/Bar", null],
    ["+07:00", null],
    ["EST", null],
    ["Asia/Hà_Nội", null],
    ["", null],
    ["A/".repeat(100), null],
  ])("time zone %j → %j", (input, expected) => {
    expect(parseTimeZone(input)).toBe(expected);
  });

  it.each([
    ["22:00-06:00", { ok: true, value: { start: "22:00", end: "06:00" } }],
    ["22h–6h", { ok: true, value: { start: "22:00", end: "06:00" } }],
    ["21:30 06:30", { ok: true, value: { start: "21:30", end: "06:30" } }],
    ["22h đến 6h", { ok: true, value: { start: "22:00", end: "06:00" } }],
    ["2200-0700", { ok: true, value: { start: "22:00", end: "07:00" } }],
    ["off", { ok: true, value: null }],
    ["Tắt", { ok: true, value: null }],
    ["22:00-22:00", { ok: false, error: "quiet-same" }],
    ["22:00", { ok: false, error: "quiet" }],
    ["25:00-06:00", { ok: false, error: "quiet" }],
    ["22:00-06:00-07:00", { ok: false, error: "quiet" }],
  ])("quiet hours %j", (input, expected) => {
    expect(parseQuietHours(input)).toEqual(expected);
  });

  it.each([
    ["3d,1d,2h", { ok: true, value: [4320, 1440, 120] }],
    ["2h, 3d ,1d", { ok: true, value: [4320, 1440, 120] }],
    ["3d.1d.2h", { ok: true, value: [4320, 1440, 120] }],
    ["1 ngày, 2 giờ", { ok: true, value: [1440, 120] }],
    ["30m", { ok: true, value: [30] }],
    ["14d", { ok: true, value: [20160] }],
    ["15d", { ok: false, error: "reminders" }],
    ["10m", { ok: false, error: "reminders" }],
    ["1d,1d", { ok: false, error: "reminders" }],
    ["1d,2d,3d,4d,5d,6d", { ok: false, error: "reminders" }],
    ["tomorrow", { ok: false, error: "reminders" }],
    ["", { ok: false, error: "reminders" }],
  ])("reminder offsets %j", (input, expected) => {
    expect(parseReminderOffsets(input)).toEqual(expected);
  });

  it("formats durations back to their short form", () => {
    expect([4320, 1440, 120, 30, 90].map(formatDuration)).toEqual(["3d", "1d", "2h", "30m", "90m"]);
  });

  it.each([
    ["1 08:00", { ok: true, value: { day: 1, time: "08:00" } }],
    ["1-0800", { ok: true, value: { day: 1, time: "08:00" } }],
    ["28 lúc 7h", { ok: true, value: { day: 28, time: "07:00" } }],
    ["29 08:00", { ok: false, error: "digest" }],
    ["0 08:00", { ok: false, error: "digest" }],
    ["1", { ok: false, error: "digest" }],
    ["1 25:00", { ok: false, error: "digest" }],
  ])("digest %j", (input, expected) => {
    expect(parseDigest(input)).toEqual(expected);
  });

  it.each([
    ["threshold 4", { ok: true, value: { name: "threshold", value: 4 } }],
    ["THRESHOLD 12", { ok: true, value: { name: "threshold", value: 12 } }],
    ["threshold 0", { ok: false, error: "threshold" }],
    ["threshold 13", { ok: false, error: "threshold" }],
    ["threshold 4.5", { ok: false, error: "threshold" }],
    ["lang en", { ok: true, value: { name: "lang", value: "en" } }],
    ["lang fr", { ok: false, error: "language" }],
    ["tz asia/bangkok", { ok: true, value: { name: "tz", value: "Asia/Bangkok" } }],
    ["quiet reset", { ok: true, value: { name: "quiet", reset: true } }],
    ["quiet mặc định", { ok: true, value: { name: "quiet", reset: true } }],
    ["digest 5 07:30", { ok: true, value: { name: "digest", value: { day: 5, time: "07:30" } } }],
    ["reminders", { ok: false, error: "missing-value" }],
    ["colour red", { ok: false, error: "unknown-key" }],
    ["", { ok: false, error: "unknown-key" }],
    ["🙂 4", { ok: false, error: "unknown-key" }],
    ["threshold 🙂", { ok: false, error: "threshold" }],
    ["quiet 22:00-06:00😀", { ok: false, error: "quiet" }],
    ["tz Аsia/Bangkok", { ok: false, error: "timezone" }], // Cyrillic А
    [`quiet ${"1".repeat(4096)}`, { ok: false, error: "quiet" }],
  ])("command %j", (input, expected) => {
    expect(parseSettingCommand(input)).toEqual(expected);
  });

  it("has a message in every locale for every validation error", () => {
    for (const locale of ["vi", "en"]) {
      for (const code of SETTING_ERRORS) {
        const key = `settings-error-${code}`;
        expect(translate(locale, key, { given: "x" }), `${locale} ${key}`).not.toBe(key);
      }
    }
  });
});

describe("effective settings: defaults ← organisation ← cell", () => {
  const defaults = defaultSettings();
  it.each([
    {
      case: "nothing stored: the defaults",
      org: ORG,
      cell: undefined,
      expected: defaults,
    },
    {
      case: "organisation columns and JSON",
      org: {
        ...ORG,
        locale: "en",
        timeZone: "Asia/Bangkok",
        digestDay: 5,
        digestTime: "07:00",
        settings: JSON.stringify({ quietHours: { start: "22:00", end: "07:00" }, absenceThreshold: 4 }),
      },
      cell: { settings: "{}" },
      expected: {
        ...defaults,
        language: "en",
        timeZone: "Asia/Bangkok",
        digestDay: 5,
        digestTime: "07:00",
        quietHours: { start: "22:00", end: "07:00" },
        absenceThreshold: 4,
      },
    },
    {
      case: "cell overrides win over the organisation",
      org: { ...ORG, settings: JSON.stringify({ absenceThreshold: 4, meetingReminderMinutes: [1440] }) },
      cell: { settings: JSON.stringify({ absenceThreshold: 2, language: "en", timeZone: "Asia/Tokyo" }) },
      expected: {
        ...defaults,
        absenceThreshold: 2,
        language: "en",
        timeZone: "Asia/Tokyo",
        meetingReminderMinutes: [1440],
      },
    },
    {
      case: "a cell can turn quiet hours off while the organisation has them",
      org: { ...ORG, settings: JSON.stringify({ quietHours: { start: "22:00", end: "07:00" } }) },
      cell: { settings: JSON.stringify({ quietHours: null }) },
      expected: { ...defaults, quietHours: null },
    },
    {
      case: "the organisation turns them off, the cell inherits",
      org: { ...ORG, settings: JSON.stringify({ quietHours: null }) },
      cell: { settings: "{}" },
      expected: { ...defaults, quietHours: null },
    },
    {
      case: "a cell cannot move the digest",
      org: ORG,
      cell: { settings: JSON.stringify({ digestDay: 9, digestTime: "09:00" }) },
      expected: defaults,
    },
    {
      case: "invalid fields are ignored one by one",
      org: { ...ORG, locale: "fr", timeZone: "Mars/Olympus", digestDay: 31, digestTime: "8am" },
      cell: {
        settings: JSON.stringify({
          absenceThreshold: 99,
          quietHours: { start: "22:00", end: "22:00" },
          meetingReminderMinutes: [120, 4320, 120],
          language: "en",
        }),
      },
      expected: { ...defaults, language: "en", meetingReminderMinutes: [4320, 120] },
    },
    {
      case: "unreadable JSON counts as nothing stored",
      org: { ...ORG, settings: "not json" },
      cell: { settings: "[1,2]" },
      expected: defaults,
    },
  ])("$case", ({ org, cell, expected }) => {
    expect(effectiveSettings(org, cell)).toEqual(expected);
  });

  it("reports which settings a cell overrides", () => {
    const cell = { settings: JSON.stringify({ quietHours: null, absenceThreshold: 2, bogus: 1 }) };
    expect([...overriddenNames(cell)].sort()).toEqual(["quiet", "threshold"]);
    expect(parseCellOverrides(cell.settings)).toEqual({ quietHours: null, absenceThreshold: 2 });
  });
});

describe("applying a change", () => {
  it("sets and resets a cell override, keeping other fields", () => {
    const set = applyToCell(JSON.stringify({ language: "en", future: true }), {
      name: "threshold",
      value: 5,
    });
    expect(set).toEqual({
      ok: true,
      json: JSON.stringify({ language: "en", future: true, absenceThreshold: 5 }),
    });
    const reset = applyToCell(JSON.stringify({ language: "en", absenceThreshold: 5 }), {
      name: "lang",
      reset: true,
    });
    expect(reset).toEqual({ ok: true, json: JSON.stringify({ absenceThreshold: 5 }) });
  });

  it("refuses the digest for a cell and a reset for the organisation", () => {
    expect(applyToCell("{}", { name: "digest", value: { day: 2, time: "08:00" } })).toEqual({ ok: false });
    expect(applyToOrganisation(ORG, { name: "quiet", reset: true })).toEqual({ ok: false });
  });

  it("writes organisation columns or its JSON", () => {
    expect(applyToOrganisation(ORG, { name: "lang", value: "en" })).toEqual({
      ok: true,
      patch: { locale: "en" },
    });
    expect(applyToOrganisation(ORG, { name: "digest", value: { day: 3, time: "09:15" } })).toEqual({
      ok: true,
      patch: { digestDay: 3, digestTime: "09:15" },
    });
    expect(applyToOrganisation(ORG, { name: "quiet", value: null })).toEqual({
      ok: true,
      patch: { settings: JSON.stringify({ quietHours: null }) },
    });
  });

  it("gives each value a typed form for the audit log", () => {
    const s = defaultSettings();
    expect(
      ["lang", "tz", "quiet", "reminders", "threshold", "digest"].map((n) => settingValueText(s, n as never)),
    ).toEqual(["vi", "Asia/Ho_Chi_Minh", "21:30-06:30", "3d,1d,2h", "3", "1 08:00"]);
  });
});

describe("settings message", () => {
  const scopes: SettingsScope[] = [
    { kind: "cell", id: 2_147_483_647, name: "Chi bộ Khu phố 1" },
    { kind: "org", id: 2_147_483_647, name: "Đảng bộ phường" },
  ];

  it("keeps every button's callback data within 64 bytes and matching the handler's pattern", () => {
    for (const scope of scopes) {
      for (const menu of SETTINGS_MENUS) {
        const { keyboard } = renderSettings(tVi, {
          scope,
          settings: defaultSettings(),
          overridden: new Set(["lang"]),
          menu,
        });
        const data = keyboard.inline_keyboard
          .flat()
          .map((b) => ("callback_data" in b ? b.callback_data : ""));
        expect(data.length).toBeGreaterThan(1);
        for (const d of data) {
          expect(Buffer.byteLength(d, "utf8"), d).toBeLessThanOrEqual(64);
          expect(d, d).toMatch(SETTINGS_CALLBACK);
        }
        expect(keyboard.inline_keyboard.every((row) => row.length > 0)).toBe(true);
      }
    }
  });

  it("shows the values in words, marking inherited ones for a cell", () => {
    const { text } = renderSettings(tVi, {
      scope: scopes[0]!,
      settings: { ...defaultSettings(), absenceThreshold: 4 },
      overridden: new Set(["threshold"]),
      menu: "main",
    });
    expect(text).toContain("⚙️ Cài đặt của Chi bộ Khu phố 1");
    expect(text).toContain("• Ngôn ngữ: Tiếng Việt (theo Đảng bộ)");
    expect(text).toContain("• Giờ yên tĩnh: từ 21:30 đến 06:30");
    expect(text).toContain("• Nhắc lịch sinh hoạt: trước giờ họp 3 ngày, 1 ngày và 2 giờ (theo Đảng bộ)");
    expect(text).toContain("vắng không lý do: từ 4 lần trong năm\n");
    expect(text).not.toContain("Báo cáo tháng");
  });

  it("shows the organisation's digest, in English with plurals", () => {
    const { text } = renderSettings(tEn, {
      scope: scopes[1]!,
      settings: { ...defaultSettings(), meetingReminderMinutes: [1440, 60, 30], absenceThreshold: 1 },
      overridden: new Set(),
      menu: "main",
    });
    expect(text).toContain("• Meeting reminders: 1 day, 1 hour and 30 minutes before the meeting");
    expect(text).toContain("from 1 absence in a year");
    expect(text).toContain("• Monthly digest to the committee: on day 1 of each month at 08:00");
    expect(text).not.toContain("(organisation's setting)");
  });
});

describe("private reminders button", () => {
  it("links to the bot with the start payload, labelled per locale", () => {
    expect(privateRemindersUrl("chibo_test_bot")).toBe("https://t.me/chibo_test_bot?start=r");
    expect(privateRemindersButton({ translate, locale: "vi", botUsername: "chibo_test_bot" })).toEqual({
      text: "🔔 Nhận nhắc riêng",
      url: "https://t.me/chibo_test_bot?start=r",
    });
    expect(privateRemindersButton({ translate, locale: "en", botUsername: "b_bot" }).text).toBe(
      "🔔 Get private reminders",
    );
  });

  it("goes on its own row at the end of a keyboard", () => {
    const source = { translate, locale: "vi", botUsername: "chibo_test_bot" };
    const kb = withPrivateRemindersButton(new InlineKeyboard().text("A", "a").text("B", "b"), source);
    expect(kb.inline_keyboard.map((r) => r.length)).toEqual([2, 1]);
    expect(
      withPrivateRemindersButton(new InlineKeyboard(), source).inline_keyboard.map((r) => r.length),
    ).toEqual([1]);
  });
});

describe("private reminders button from an update's context", () => {
  it("uses the update's language and the bot's own username", () => {
    const ctx = { t: (key: string) => translate("en", key), me: { username: "chibo_bot" } };
    expect(privateRemindersButton(ctx as never)).toEqual({
      text: "🔔 Get private reminders",
      url: "https://t.me/chibo_bot?start=r",
    });
  });
});
