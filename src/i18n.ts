import { I18n, type I18nFlavor, type TranslationVariables } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "locales");
export const SUPPORTED_LOCALES = ["vi", "en"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export interface CreateI18nOptions<C extends Context & I18nFlavor> {
  defaultLocale: Locale;
  localeNegotiator?: (ctx: C) => string | undefined | PromiseLike<string | undefined>;
}

/** Loads every locales/*.ftl file. `useIsolating: false` must go through fluentBundleOptions. */
export function createI18n<C extends Context & I18nFlavor>(options: CreateI18nOptions<C>): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale: options.defaultLocale,
    fluentBundleOptions: { useIsolating: false },
    ...(options.localeNegotiator ? { localeNegotiator: options.localeNegotiator } : {}),
  });
  for (const file of readdirSync(LOCALES_DIR)) {
    if (!file.endsWith(".ftl")) continue;
    i18n.loadLocaleSync(file.slice(0, -".ftl".length), {
      filePath: join(LOCALES_DIR, file),
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
