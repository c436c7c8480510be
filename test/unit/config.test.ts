import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_DATABASE_URL, parseConfig } from "../../src/config.ts";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("applies the documented defaults", () => {
    const config = parseConfig({ BOT_TOKEN: TOKEN });
    expect(config).toMatchObject({
      botToken: TOKEN,
      telegramApiRoot: "https://api.telegram.org",
      databaseUrl: DEFAULT_DATABASE_URL,
      adminIds: [],
      mode: "polling",
      port: 8080,
      defaultTimeZone: "Asia/Ho_Chi_Minh",
      defaultLocale: "vi",
      logLevel: "info",
    });
  });

  it("reads every key", () => {
    const config = parseConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test",
      ADMIN_IDS: " 111, 222 ,7000000001",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.org/telegram",
      WEBHOOK_SECRET: "s3cret-token_abcdefgh",
      PORT: "3000",
      TZ_DEFAULT: "Asia/Bangkok",
      DEFAULT_LOCALE: "en",
      LOG_LEVEL: "debug",
    });
    expect(config).toMatchObject({
      telegramApiRoot: "http://127.0.0.1:8081",
      adminIds: [111, 222, 7000000001],
      mode: "webhook",
      port: 3000,
      defaultTimeZone: "Asia/Bangkok",
      defaultLocale: "en",
      logLevel: "debug",
    });
  });

  it("keeps update ids in the database only where several instances may share it (DEDUPE=auto)", () => {
    const pg = "postgresql://postgres@127.0.0.1:5432/test";
    const webhook = {
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.org/telegram",
      WEBHOOK_SECRET: "s3cret-token_abcdefgh",
    };
    expect(parseConfig({}).dedupe).toBe("memory");
    expect(parseConfig({ DATABASE_URL: pg }).dedupe).toBe("memory");
    expect(parseConfig({ ...webhook }).dedupe).toBe("memory");
    expect(parseConfig({ ...webhook, DATABASE_URL: pg }).dedupe).toBe("database");
    expect(parseConfig({ ...webhook, DATABASE_URL: pg, DEDUPE: "memory" }).dedupe).toBe("memory");
    expect(parseConfig({ DEDUPE: "database" }).dedupe).toBe("database");
    expect(problemsOf({ DEDUPE: "redis" })[0]).toMatch(/^DEDUPE:/);
  });

  it("treats empty values as unset and allows a missing token (main.ts explains it)", () => {
    const config = parseConfig({ BOT_TOKEN: "", ADMIN_IDS: "" });
    expect(config.botToken).toBeUndefined();
    expect(config.adminIds).toEqual([]);
  });

  it.each([
    ["BOT_TOKEN", "not-a-token"],
    ["TELEGRAM_API_ROOT", "ftp://example.org"],
    ["DATABASE_URL", "mysql://root@localhost/db"],
    ["ADMIN_IDS", "123,abc"],
    ["ADMIN_IDS", "-5"],
    ["BOT_MODE", "push"],
    ["PORT", "70000"],
    ["PORT", "eighty"],
    ["TZ_DEFAULT", "Mars/Olympus_Mons"],
    ["DEFAULT_LOCALE", "fr"],
    ["LOG_LEVEL", "loud"],
  ])("reports a bad %s (%s) by name", (key, value) => {
    const problems = problemsOf({ BOT_TOKEN: TOKEN, [key]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${key}: `));
  });

  it("reports every bad key at once, and never echoes secrets", () => {
    const problems = problemsOf({ BOT_TOKEN: "bad token value", PORT: "0", LOG_LEVEL: "x" });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(["BOT_TOKEN", "LOG_LEVEL", "PORT"]);
    expect(problems.join("\n")).not.toContain("bad token value");
  });

  it("requires WEBHOOK_URL and WEBHOOK_SECRET in webhook mode", () => {
    const problems = problemsOf({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook" });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(["WEBHOOK_SECRET", "WEBHOOK_URL"]);
  });

  it("rejects a short webhook secret without printing it", () => {
    const problems = problemsOf({
      BOT_TOKEN: TOKEN,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://x.example/t",
      WEBHOOK_SECRET: "short",
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^WEBHOOK_SECRET: /);
    expect(problems[0]).not.toContain('short"');
  });
});
