import { I18n, type I18nFlavor, type TranslationVariables } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "./package-root.ts";

export const LOCALES_DIR = join(PACKAGE_ROOT, "locales");
export const SUPPORTED_LOCALES = ["vi", "en"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export interface CreateI18nOptions<C extends Context & I18nFlavor> {
  defaultLocale: Locale;
  localeNegotiator?: (ctx: C) => string | undefined | PromiseLike<string | undefined>;
}

/** The message files of a locale, locales/<locale>/*.ftl (common.ftl and one per feature), by name. */
export function localeFiles(locale: Locale): string[] {
  const dir = join(LOCALES_DIR, locale);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".ftl"))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Loads the files of every supported locale. `useIsolating: false` must go through
 * fluentBundleOptions.
 *
 * One bundle per locale, from the locale's files joined: the plugin looks a key up in the first
 * bundle registered for the locale and then in the default locale's, so loading the files one by
 * one (`loadLocaleSync` per file) would hide every file but the first. The plugin's own directory
 * loader (`directory`, `loadLocalesDirSync`) joins them too, but loads any folder or stray .ftl
 * file it finds (an old locales/vi.ftl would be merged in unseen); this loads exactly the
 * supported locales, from the files the locales test checks.
 */
export function createI18n<C extends Context & I18nFlavor>(options: CreateI18nOptions<C>): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale: options.defaultLocale,
    fluentBundleOptions: { useIsolating: false },
    ...(options.localeNegotiator ? { localeNegotiator: options.localeNegotiator } : {}),
  });
  for (const locale of SUPPORTED_LOCALES) {
    i18n.loadLocaleSync(locale, {
      source: localeFiles(locale)
        .map((file) => readFileSync(file, "utf8"))
        .join("\n"),
      bundleOptions: { useIsolating: false },
    });
  }
  return i18n;
}

/** Translation outside an update (scheduled jobs), with the chat's stored locale. */
export type Translator = (locale: string, key: string, vars?: TranslationVariables) => string;

export function createTranslator(i18n: I18n<never> | I18n<Context & I18nFlavor>): Translator {
  return (locale, key, vars) => i18n.t(locale, key, vars);
}
