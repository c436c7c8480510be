import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { enumColumns, isOneOf, meetingStates } from "../../src/db/enums.ts";
import { explainDatabaseError } from "../../src/db/errors.ts";
import { toDbId, toDbIdOrNull, toTgId, toTgIdOrNull } from "../../src/db/ids.ts";
import { projectRoot } from "../../src/db/schema-engine.ts";
import { providerOf, redactUrl, sqlitePathOf } from "../../src/db/url.ts";

describe("providerOf", () => {
  it.each([
    ["file:./data/chibo.sqlite", "sqlite"],
    ["file:/var/lib/chibo/chibo.sqlite", "sqlite"],
    ["./data/chibo.sqlite", "sqlite"],
    ["/abs/chibo.db", "sqlite"],
    ["postgresql://u:p@localhost:5432/chibo", "postgresql"],
    ["postgres://localhost/chibo", "postgresql"],
    ["  POSTGRESQL://localhost/chibo", "postgresql"],
  ] as const)("%s → %s", (url, provider) => {
    expect(providerOf(url)).toBe(provider);
  });

  it.each(["mysql://u:secret@h/db", "http://example.com/x", ""])("rejects %j", (url) => {
    expect(() => providerOf(url)).toThrow();
  });

  it("does not echo a password when rejecting", () => {
    expect(() => providerOf("mysql://u:secret@h/db")).toThrow(/mysql:\/\/u:\*\*\*@h\/db/);
  });
});

describe("sqlitePathOf", () => {
  it.each([
    ["file:./data/chibo.sqlite", "/srv/app/data/chibo.sqlite"],
    ["file:data/chibo.sqlite", "/srv/app/data/chibo.sqlite"],
    ["file:/var/chibo.sqlite", "/var/chibo.sqlite"],
    ["file:///var/chibo.sqlite", "/var/chibo.sqlite"],
    ["file:./x.sqlite?connection_limit=1", "/srv/app/x.sqlite"],
    ["data/chibo.sqlite", "/srv/app/data/chibo.sqlite"],
  ])("%s → %s", (url, path) => {
    expect(sqlitePathOf(url, "/srv/app")).toBe(path);
  });

  it("refuses an in-memory database", () => {
    expect(() => sqlitePathOf("file::memory:")).toThrow();
  });
});

describe("redactUrl", () => {
  it.each([
    ["postgresql://chibo:p%40ss@db:5432/chibo", "postgresql://chibo:***@db:5432/chibo"],
    ["postgres://chibo@db/chibo", "postgres://chibo@db/chibo"],
    ["file:./data/chibo.sqlite", "file:./data/chibo.sqlite"],
  ])("%s → %s", (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });

  it("is applied to messages that quote the URL", () => {
    const url = "postgresql://chibo:hunter2@db:5432/chibo";
    const error = explainDatabaseError(new Error(`could not open ${url} (hunter2)`), url, "migrating");
    expect(error.message).not.toContain("hunter2");
    expect(error.message).toContain("postgresql://chibo:***@db:5432/chibo");
  });
});

describe("Telegram ids", () => {
  it("round-trip through BigInt, supergroup ids included", () => {
    for (const id of [1, 123456789, -1001234567890, 2 ** 52, Number.MAX_SAFE_INTEGER]) {
      expect(toTgId(toDbId(id))).toBe(id);
    }
    expect(toTgIdOrNull(null)).toBeNull();
    expect(toDbIdOrNull(undefined)).toBeNull();
    expect(toDbIdOrNull(-100)).toBe(-100n);
  });

  it("refuse values that would lose precision", () => {
    expect(() => toTgId(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
    expect(() => toTgId(-(2n ** 60n))).toThrow(RangeError);
    expect(() => toDbId(1.5)).toThrow(RangeError);
    expect(() => toDbId(Number.NaN)).toThrow(RangeError);
    expect(() => toDbId(2 ** 53)).toThrow(RangeError);
  });
});

describe("enums", () => {
  it("match every `/// a | b | c` comment and default of prisma/models.prisma", async () => {
    const models = await readFile(join(projectRoot, "prisma", "models.prisma"), "utf8");
    const documented: Record<string, string[]> = {};
    const defaults: Record<string, string> = {};
    let model = "";
    let pending: string[] | undefined;
    for (const line of models.split("\n")) {
      const start = /^model (\w+) \{/.exec(line);
      if (start?.[1]) model = start[1];
      const doc = /^\s*\/\/\/\s*([a-z_]+(?:\s*\|\s*[a-z_]+)+)/.exec(line);
      if (doc?.[1]) {
        pending = doc[1].split("|").map((v) => v.trim());
        continue;
      }
      const field = /^\s+(\w+)\s+String\??(.*)$/.exec(line);
      if (field?.[1]) {
        const key = `${model}.${field[1]}`;
        if (pending) documented[key] = pending;
        const def = /@default\("([^"]*)"\)/.exec(field[2] ?? "");
        if (def?.[1] !== undefined) defaults[key] = def[1];
      }
      pending = undefined;
    }
    const listed = Object.fromEntries(Object.entries(enumColumns).map(([k, v]) => [k, [...v]]));
    // Single-value enumerations ("/// monthly") have no "|" to find; compare the rest exactly.
    const multiValued = Object.fromEntries(Object.entries(listed).filter(([, v]) => v.length > 1));
    expect(multiValued).toEqual(documented);
    for (const [key, value] of Object.entries(defaults)) {
      const values = listed[key];
      if (values) expect(values, `${key} default`).toContain(value);
    }
  });

  it("isOneOf narrows untrusted strings", () => {
    expect(isOneOf(meetingStates, "planned")).toBe(true);
    expect(isOneOf(meetingStates, "PLANNED")).toBe(false);
    expect(isOneOf(meetingStates, 1)).toBe(false);
  });
});
