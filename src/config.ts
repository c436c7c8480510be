// The one place that reads the environment. Everything else receives a Config.
import { existsSync } from "node:fs";
import { z } from "zod";
import { isValidTimeZone } from "./datetime/calendar.ts";

const TELEGRAM_API_ROOT = "https://api.telegram.org";
export const DEFAULT_DATABASE_URL = "file:./data/chibo.sqlite";

const telegramIdList = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    if (raw === "") return [];
    const ids: number[] = [];
    for (const part of raw.split(",")) {
      const text = part.trim();
      const id = Number(text);
      if (!/^-?\d{1,16}$/.test(text) || !Number.isSafeInteger(id) || id <= 0) {
        ctx.addIssue({ code: "custom", message: `"${text}" is not a Telegram user id (a positive number)` });
        return z.NEVER;
      }
      ids.push(id);
    }
    return ids;
  });

const timeZone = z
  .string()
  .trim()
  .refine(isValidTimeZone, { message: "is not an IANA time zone such as Asia/Ho_Chi_Minh" });

export const configSchema = z
  .object({
    BOT_TOKEN: z
      .string()
      .trim()
      .regex(/^\d+:[A-Za-z0-9_-]{10,}$/, "does not look like a bot token (123456:ABC-DEF…)")
      .optional(),
    TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).default(TELEGRAM_API_ROOT),
    DATABASE_URL: z
      .string()
      .trim()
      .min(1)
      .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
        message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
      })
      .default(DEFAULT_DATABASE_URL),
    ADMIN_IDS: telegramIdList.default([]),
    BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
    WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
    WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16–256 characters of A-Z, a-z, 0-9, _ and -")
      .optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    HEALTH_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    HEALTH_HOST: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9.:[\]-]{1,255}$/, "must be an address to listen on, such as 127.0.0.1 or 0.0.0.0")
      .default("127.0.0.1"),
    BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
    TZ_DEFAULT: timeZone.default("Asia/Ho_Chi_Minh"),
    DEFAULT_LOCALE: z.enum(["vi", "en"]).default("vi"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DEDUPE: z.enum(["auto", "memory", "database"]).default("auto"),
  })
  .superRefine((cfg, ctx) => {
    if (cfg.BOT_MODE === "webhook") {
      if (!cfg.WEBHOOK_URL)
        ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required in webhook mode" });
      if (!cfg.WEBHOOK_SECRET)
        ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required in webhook mode" });
    }
  });

export interface Config {
  botToken: string | undefined;
  telegramApiRoot: string;
  databaseUrl: string;
  adminIds: number[];
  mode: "polling" | "webhook";
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
  port: number;
  /**
   * Port of GET /healthz and /metrics: a server of their own, in either mode. Unset: served by the
   * webhook server in webhook mode, not at all in polling mode.
   */
  healthPort: number | undefined;
  /** Address the health server listens on (the webhook server's address when it shares PORT). */
  healthHost: string;
  /** SQLite: how many daily backups are kept in backups/ beside the database file. */
  backupKeep: number;
  defaultTimeZone: string;
  defaultLocale: "vi" | "en";
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /**
   * Where handled update ids are remembered, and with it whether other instances may share the
   * database: "memory" for the only instance (polling, or SQLite, which one service holds
   * exclusively); "database" when several may run on one PostgreSQL behind a webhook, which also
   * makes the in-memory caches re-read what they hold after a few seconds (src/db/hot-cache.ts).
   */
  dedupe: "memory" | "database";
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses an environment; empty strings count as unset so `.env` templates can leave keys blank. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) => key in configSchema.shape && value !== undefined && value !== "",
    ),
  );
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const key = issue.path.join(".") || "(environment)";
        const given = typeof cleaned[key] === "string" ? ` (got "${redactValue(key, cleaned[key])}")` : "";
        return `${key}: ${issue.message}${given}`;
      }),
    );
  }
  const c = result.data;
  return {
    botToken: c.BOT_TOKEN,
    telegramApiRoot: c.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    databaseUrl: c.DATABASE_URL,
    adminIds: c.ADMIN_IDS,
    mode: c.BOT_MODE,
    webhookUrl: c.WEBHOOK_URL,
    webhookSecret: c.WEBHOOK_SECRET,
    port: c.PORT,
    healthPort: c.HEALTH_PORT,
    healthHost: c.HEALTH_HOST,
    backupKeep: c.BACKUP_KEEP,
    defaultTimeZone: c.TZ_DEFAULT,
    defaultLocale: c.DEFAULT_LOCALE,
    logLevel: c.LOG_LEVEL,
    dedupe: resolveDedupe(c.DEDUPE, c.BOT_MODE, c.DATABASE_URL),
  };
}

/**
 * DEDUPE=auto: in the database for a webhook on PostgreSQL (the one set-up where several instances can
 * receive updates for one bot: long polling admits one consumer, and a SQLite file one service),
 * in memory otherwise.
 */
function resolveDedupe(
  setting: "auto" | "memory" | "database",
  mode: "polling" | "webhook",
  databaseUrl: string,
): "memory" | "database" {
  if (setting !== "auto") return setting;
  return mode === "webhook" && /^postgres(ql)?:\/\//i.test(databaseUrl.trim()) ? "database" : "memory";
}

/** Reads `.env` (if present) beneath the real environment, then parses. */
export function loadConfig(envFile = ".env"): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}

function redactValue(key: string, value: string): string {
  if (key === "BOT_TOKEN" || key === "WEBHOOK_SECRET") return "***";
  if (key === "DATABASE_URL") return value.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}
