// The feature registry: the bot and the scheduler know no feature (control runs from the
// composition root into features, never from src/bot or src/scheduler), every folder with handlers
// is registered, every command the bot handles is declared with its audience, and the menus are
// built from those declarations.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { audiencesOf, menuFor, needsPersonalMenu, SHARED_MENUS } from "../../src/bot/commands.ts";
import {
  collectCommands,
  collectJobs,
  type FeatureModule,
  type JobDeps,
} from "../../src/bot/feature-module.ts";
import { FEATURES } from "../../src/features/index.ts";
import { createI18n, createTranslator } from "../../src/i18n.ts";
import { singleMessageJob } from "../../src/scheduler/jobs.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const featuresDir = join(root, "src/features");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) specifiers.push(match[1]!);
  }
  return specifiers;
}

describe("layering", () => {
  it("finds imports of every form (so that the scan below can fail)", () => {
    const source = [
      'import { a } from "../features/meetings/a.ts";',
      'import type {\n  B,\n} from "../features/members/b.ts";',
      'export { c } from "../features/index.ts";',
      'import "../features/setup/side-effect.ts";',
      'const d = await import("../features/roster/d.ts");',
    ].join("\n");
    expect(importsOf(source)).toEqual(
      expect.arrayContaining([
        "../features/meetings/a.ts",
        "../features/members/b.ts",
        "../features/index.ts",
        "../features/setup/side-effect.ts",
        "../features/roster/d.ts",
      ]),
    );
  });

  it.each(["src/bot", "src/scheduler"])("%s imports nothing from src/features", (dir) => {
    const offending: string[] = [];
    for (const file of sourceFiles(join(root, dir))) {
      for (const specifier of importsOf(readFileSync(file, "utf8"))) {
        if (!specifier.startsWith(".")) continue;
        const target = relative(featuresDir, resolve(dirname(file), specifier));
        if (!target.startsWith("..")) offending.push(`${relative(root, file)} → ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });
});

describe("the registry", () => {
  it("has a module for every feature folder with handlers, each once", () => {
    const folders = readdirSync(featuresDir).filter((name) =>
      statSync(join(featuresDir, name)).isDirectory(),
    );
    const withHandlers = folders.filter((folder) =>
      sourceFiles(join(featuresDir, folder)).some((file) =>
        /new Composer<BotContext>/.test(readFileSync(file, "utf8")),
      ),
    );
    expect(withHandlers.length).toBeGreaterThan(5);
    expect(FEATURES.map((m) => m.name).sort()).toEqual(withHandlers.sort());
  });

  it("declares every command the bot handles, with a menu-safe name", () => {
    const handled = new Set<string>();
    for (const file of sourceFiles(featuresDir)) {
      for (const match of readFileSync(file, "utf8").matchAll(/\.command\(\s*"([a-z0-9_]+)"/g)) {
        handled.add(match[1]!);
      }
    }
    const declared = collectCommands(FEATURES);
    expect(declared.map((c) => c.command).sort()).toEqual([...handled].sort());
    for (const c of declared) expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
  });

  it("builds each audience's menus from the modules' commands, most used first", () => {
    const translate = createTranslator(createI18n({ defaultLocale: "vi" }));
    const commands = collectCommands(FEATURES);
    const shared = (name: keyof typeof SHARED_MENUS, locale = "en") =>
      menuFor(locale, translate, commands, SHARED_MENUS[name].scope, SHARED_MENUS[name].audiences).map(
        (c) => c.command,
      );
    const personal = (roles: string[], isAdmin: boolean) =>
      menuFor("en", translate, commands, "private", audiencesOf(roles, isAdmin)).map((c) => c.command);

    expect(menuFor("vi", translate, commands, "private", SHARED_MENUS.everyone.audiences)).toEqual([
      { command: "start", description: "Bắt đầu và nhận nhắc việc riêng" },
      { command: "help", description: "Hướng dẫn sử dụng" },
      { command: "me", description: "Thông tin của tôi" },
      { command: "lang", description: "Đổi ngôn ngữ" },
    ]);
    expect(shared("groups")).toEqual(["meetings", "agenda", "tasks", "asks", "members", "groups", "help"]);
    expect(shared("groupAdmins")).toEqual([
      "meeting",
      "meetings",
      "agenda",
      "checkin",
      "close_meeting",
      "attendance",
      "opinions",
      "move_meeting",
      "cancel_meeting",
      "task",
      "tasks",
      "ask",
      "results",
      "asks",
      "members",
      "invite",
      "groups",
      "help",
    ]);
    const everyday = ["start", "help", "me", "lang"];
    expect(personal(["group_leader"], false)).toEqual([
      "meetings",
      "agenda",
      "checkin",
      "task",
      "tasks",
      "review",
      "asks",
      "members",
      "groups",
      ...everyday,
    ]);
    const secretary = [
      "meeting",
      "meetings",
      "agenda",
      "checkin",
      "close_meeting",
      "attendance",
      "opinions",
      "move_meeting",
      "cancel_meeting",
      "meeting_schedule",
      "task",
      "tasks",
      "review",
      "ask",
      "results",
      "asks",
      "members",
      "invite",
      "role",
      "status",
      "import",
      "groups",
      "group",
      "settings",
    ];
    const reports = ["report", "export"];
    expect(personal(["member", "deputy"], false)).toEqual([...secretary, ...reports, ...everyday]);
    const admin = [
      "register_committee",
      "org_name",
      "admins",
      "add_admin",
      "export_member",
      "erase_member",
      "remove_admin",
    ];
    expect(personal([], true)).toEqual([...secretary, ...admin, ...reports, ...everyday]);
    // A plain member, or someone in no cell, has no menu of their own.
    expect(needsPersonalMenu(audiencesOf(["member", "committee"], false))).toBe(false);
    expect(needsPersonalMenu(audiencesOf([], false))).toBe(false);
    expect(needsPersonalMenu(audiencesOf(["group_leader"], false))).toBe(true);
    // Group-only commands never reach a private menu, nor private-only ones a group menu.
    for (const c of commands) {
      if (c.chats === "group") expect(personal(["secretary"], true)).not.toContain(c.command);
      if (c.chats === "private") expect(shared("groupAdmins")).not.toContain(c.command);
    }
  });

  it("refuses a job kind or a command claimed by two modules", () => {
    const job = singleMessageJob(() => Promise.resolve({ skip: "test" }));
    const module = (name: string, command: string): FeatureModule => ({
      name,
      composer: () => {
        throw new Error("not built in this test");
      },
      commands: [{ command, descriptionKey: "cmd-help", audience: "everyone", chats: "both" }],
      jobs: () => ({ shared: job }),
    });
    const deps = {} as JobDeps;
    expect(() => collectJobs([module("a", "x"), module("b", "y")], deps)).toThrow(
      'job kind "shared" is registered by both a and b',
    );
    expect(() => collectCommands([module("a", "x"), module("b", "x")])).toThrow(
      "command /x is declared by both a and b",
    );
  });
});
