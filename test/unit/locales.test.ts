import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collectCommands } from "../../src/bot/feature-module.ts";
import { FEATURES } from "../../src/features/index.ts";
import { createI18n, LOCALES_DIR, localeFiles, SUPPORTED_LOCALES, type Locale } from "../../src/i18n.ts";

function keysOf(locale: Locale): Set<string> {
  const text = localeFiles(locale)
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
  return new Set([...text.matchAll(/^([a-z][a-z0-9_-]*)\s*=/gm)].map((m) => m[1]!));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.parentPath.includes("generated"))
    .map((e) => join(e.parentPath, e.name));
}

describe("locales", () => {
  it("has a folder per supported locale and nothing else", () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it("every locale defines exactly the same keys", () => {
    const vi = keysOf("vi");
    for (const locale of SUPPORTED_LOCALES) {
      const keys = keysOf(locale);
      expect(
        [...vi].filter((k) => !keys.has(k)),
        `missing in ${locale}`,
      ).toEqual([]);
      expect(
        [...keys].filter((k) => !vi.has(k)),
        `only in ${locale}`,
      ).toEqual([]);
    }
  });

  it("every key the code uses literally exists in every locale", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(LOCALES_DIR, "..", "src"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([a-z][a-z0-9-]*)"/g)) used.add(m[1]!);
      for (const m of text.matchAll(/(?:descriptionKey|key): "([a-z][a-z0-9-]*)"/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const locale of SUPPORTED_LOCALES) {
      const keys = keysOf(locale);
      expect(
        [...used].filter((k) => !keys.has(k)),
        `used but missing in ${locale}`,
      ).toEqual([]);
    }
  });

  it("formats without isolation marks and with Vietnamese diacritics intact", () => {
    const i18n = createI18n({ defaultLocale: "vi" });
    const text = i18n.t("vi", "start-welcome", { name: "Nguyễn Văn Hải" });
    expect(text).toContain("Kính chào đồng chí Nguyễn Văn Hải!");
    expect(text).not.toMatch(/[\u2068\u2069]/);
    expect(i18n.t("en", "unknown-command", { command: "/foo" })).toBe(
      "I don't know the command /foo. Type /help to see the commands you can use.",
    );
  });

  it("has a description for every command of every feature in every locale", () => {
    const i18n = createI18n({ defaultLocale: "vi" });
    for (const locale of SUPPORTED_LOCALES) {
      for (const c of collectCommands(FEATURES)) {
        const text = i18n.t(locale, c.descriptionKey);
        expect(text.length).toBeGreaterThan(2);
        expect(text).not.toBe(c.descriptionKey);
      }
    }
  });
});
