// The locale files against the code. Layout: locales/<locale>/common.ftl and one <feature>.ftl per
// folder of src/features, the same files and keys in every locale. Keys: the code names every key
// as a string literal (a call of t/translate, a property or parameter named …key, or a *_KEYS map
// next to the code, `as const satisfies Record<Enum, string>`), never builds one from a template
// string, and every defined key is named somewhere. The sources are read with the TypeScript
// parser, so a key in a conditional, a map or a helper's argument is seen where it stands.
import { readFileSync, readdirSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { collectCommands } from "../../src/bot/feature-module.ts";
import { FEATURES } from "../../src/features/index.ts";
import { createI18n, createTranslator, LOCALES_DIR, localeFiles, SUPPORTED_LOCALES } from "../../src/i18n.ts";

const SRC = join(LOCALES_DIR, "..", "src");
const FEATURE_FOLDERS = readdirSync(join(SRC, "features"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

/** Keys defined only for Fluent references from other messages or for tests; none today. */
const NOT_NAMED_IN_CODE: readonly string[] = [];

// ---------------------------------------------------------------------------------------------
// The locale files

interface Message {
  key: string;
  file: string;
  /** The value when it is one line without placeables: what the bot must show as it is. */
  plain: string | null;
}

function read(path: string): string {
  return readFileSync(path, "utf8");
}

function messagesOf(path: string): Message[] {
  const file = basename(path, ".ftl");
  const lines = read(path).split("\n");
  const messages: Message[] = [];
  lines.forEach((line, i) => {
    const m = /^([a-z][a-zA-Z0-9_-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) return;
    const value = m[2]!;
    const continued = /^\s+\S/.test(lines[i + 1] ?? "");
    messages.push({
      key: m[1]!,
      file,
      plain: value !== "" && !value.includes("{") && !continued ? value : null,
    });
  });
  return messages;
}

const FILES = new Map(SUPPORTED_LOCALES.map((locale) => [locale, localeFiles(locale)]));
const MESSAGES = new Map(SUPPORTED_LOCALES.map((locale) => [locale, FILES.get(locale)!.flatMap(messagesOf)]));
const KEYS = new Map(
  SUPPORTED_LOCALES.map((locale) => [locale, new Set(MESSAGES.get(locale)!.map((m) => m.key))]),
);
const ALL_KEYS = new Set([...KEYS.values()].flatMap((keys) => [...keys]));
/** Message references inside values (`{ role-admin }`): a key named there is used. */
const REFERENCED = new Set(
  [...FILES.values()]
    .flat()
    .flatMap((path) => [...read(path).matchAll(/\{\s*([a-z][a-zA-Z0-9_-]*)(?:\.[a-z][a-zA-Z0-9_-]*)?\s*\}/g)])
    .map((m) => m[1]!),
);

function headersOf(path: string): string[] {
  return [...read(path).matchAll(/^## (.*)$/gm)].map((m) => m[1]!.trim());
}

// ---------------------------------------------------------------------------------------------
// The code

interface Place {
  where: string;
  /** The feature folder, or "common" for code outside src/features. */
  owner: string;
}
interface Named extends Place {
  key: string;
}

const KEY_SHAPE = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;
const KEY_CHARS = /^[a-z0-9_-]*$/;
const KEY_PARAM = /(?:^k|K)ey$/;
const TRANSLATE = new Set(["t", "translate"]);

function sourceFiles(): string[] {
  return readdirSync(SRC, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.parentPath.includes("generated"))
    .map((e) => join(e.parentPath, e.name));
}

function calleeName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function nameOf(name: ts.Node | undefined): string | undefined {
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
}

/** The expressions a key position may evaluate to: both arms of a conditional, `??`, `||`. */
function outcomes(node: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
    return outcomes(node.expression);
  }
  if (ts.isConditionalExpression(node)) return [...outcomes(node.whenTrue), ...outcomes(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
      node.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  ) {
    return [...outcomes(node.left), ...outcomes(node.right)];
  }
  return [node];
}

function isText(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

function isBuilt(node: ts.Expression): boolean {
  return (
    ts.isTemplateExpression(node) ||
    (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
  );
}

/** A template whose text parts could only be pieces of a key, and begin or end one at a hyphen. */
function buildsKey(node: ts.TemplateExpression): boolean {
  const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  if (!parts.every((p) => KEY_CHARS.test(p))) return false;
  const head = parts[0]!;
  const tail = parts.at(-1)!;
  return [...ALL_KEYS].some(
    (k) => (head.endsWith("-") && k.startsWith(head)) || (tail.startsWith("-") && k.endsWith(tail)),
  );
}

function scanSources() {
  const literals: Named[] = [];
  const checked: Named[] = [];
  const built = new Set<string>();
  const parsed = sourceFiles().map((path) => {
    const parts = relative(SRC, path).split(sep);
    const owner = parts[0] === "features" ? parts[1]! : "common";
    // Properties, variables and parameters named …key hold locale keys in the code that speaks
    // to people; elsewhere (the emulator, the date parser) a "key" is an object's.
    const speaks = parts[0] === "features" || parts[0] === "bot";
    const text = read(path);
    return { path, owner, speaks, file: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true) };
  });

  // Parameters named …key of the functions declared in src, by function name.
  const keyParams = new Map<string, Set<number>>();
  const noteParams = (name: string | undefined, params: ts.NodeArray<ts.ParameterDeclaration>) => {
    if (!name) return;
    params.forEach((p, i) => {
      if (KEY_PARAM.test(nameOf(p.name) ?? ""))
        keyParams.set(name, (keyParams.get(name) ?? new Set()).add(i));
    });
  };
  for (const { file } of parsed) {
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node))
        noteParams(nameOf(node.name), node.parameters);
      if (
        ts.isVariableDeclaration(node) &&
        node.initializer &&
        (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
      ) {
        noteParams(nameOf(node.name), node.initializer.parameters);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  for (const { path, owner, speaks, file } of parsed) {
    const place = (node: ts.Node): Place => ({
      where: `${relative(SRC, path)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`,
      owner,
    });
    const keyPosition = (expr: ts.Expression, certain: boolean) => {
      for (const out of outcomes(expr)) {
        if (isText(out) && (certain || KEY_SHAPE.test(out.text)))
          checked.push({ key: out.text, ...place(out) });
        else if (certain && isBuilt(out)) built.add(`${place(out).where}: ${out.getText()}`);
      }
    };
    const visit = (node: ts.Node): void => {
      if (ts.isTypeNode(node)) return;
      if (isText(node)) literals.push({ key: node.text, ...place(node) });
      if (ts.isTemplateExpression(node) && buildsKey(node))
        built.add(`${place(node).where}: ${node.getText()}`);
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        for (const side of [node.left, node.right]) {
          if (isText(side) && KEY_CHARS.test(side.text) && /^-|-$/.test(side.text)) {
            built.add(`${place(node).where}: ${node.getText()}`);
          }
        }
      }
      if (ts.isCallExpression(node)) {
        const name = calleeName(node);
        node.arguments.forEach((arg, i) => {
          if (name && TRANSLATE.has(name) && !ts.isObjectLiteralExpression(arg)) keyPosition(arg, true);
          else if (speaks && name && keyParams.get(name)?.has(i)) keyPosition(arg, false);
        });
      }
      if ((ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) && node.initializer) {
        const name = nameOf(node.name) ?? "";
        if (speaks && KEY_PARAM.test(name)) keyPosition(node.initializer, false);
        if (/_KEYS$/.test(name)) {
          const inMap = (n: ts.Node): void => {
            if (ts.isTypeNode(n)) return;
            if (isText(n) && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) {
              checked.push({ key: n.text, ...place(n) });
            }
            ts.forEachChild(n, inMap);
          };
          inMap(node.initializer);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { literals, checked, built };
}

const SCAN = scanSources();

// ---------------------------------------------------------------------------------------------

describe("locale files", () => {
  it("has a folder per supported locale and nothing else", () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it("has the same files in every locale: common.ftl and files named after folders of src/features", () => {
    const names = (locale: (typeof SUPPORTED_LOCALES)[number]) =>
      readdirSync(join(LOCALES_DIR, locale)).sort();
    for (const locale of SUPPORTED_LOCALES) {
      expect(names(locale), locale).toEqual(names("vi"));
      expect(
        names(locale).filter(
          (n) => !n.endsWith(".ftl") || !["common", ...FEATURE_FOLDERS].includes(basename(n, ".ftl")),
        ),
        `files of ${locale} that are not common.ftl or <feature>.ftl`,
      ).toEqual([]);
    }
    expect(names("vi")).toContain("common.ftl");
  });

  it("defines the same keys in the same file in every locale", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const here = new Set(MESSAGES.get(locale)!.map((m) => `${m.file}.ftl: ${m.key}`));
      const inVi = new Set(MESSAGES.get("vi")!.map((m) => `${m.file}.ftl: ${m.key}`));
      expect(
        [...inVi].filter((k) => !here.has(k)),
        `missing in ${locale}`,
      ).toEqual([]);
      expect(
        [...here].filter((k) => !inVi.has(k)),
        `only in ${locale}`,
      ).toEqual([]);
    }
  });

  it("defines each key once per locale (Fluent would let the last file silently win)", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const seen = new Map<string, string[]>();
      for (const m of MESSAGES.get(locale)!) seen.set(m.key, [...(seen.get(m.key) ?? []), m.file]);
      expect(
        [...seen]
          .filter(([, files]) => files.length > 1)
          .map(([key, files]) => `${key}: ${files.join(", ")}`),
        locale,
      ).toEqual([]);
    }
  });

  it("heads every file with sections in its own language", () => {
    for (const [i, vi] of FILES.get("vi")!.entries()) {
      const en = FILES.get("en")![i]!;
      for (const path of [vi, en]) expect(read(path).trimStart(), path).toMatch(/^## /);
      const viHeaders = headersOf(vi);
      const enHeaders = headersOf(en);
      expect(viHeaders.length, basename(vi)).toBe(enHeaders.length);
      // English headers in plain ASCII (dashes and quotes aside); Vietnamese ones translated,
      // unless a header is only command names.
      for (const h of enHeaders) expect(h, `en/${basename(en)}`).toMatch(/^[\x20-\x7e—–’…]+$/);
      viHeaders.forEach((h, j) => {
        if (!/^(?:\/[a-z_]+[ ,]*)+$/.test(h)) expect(h, `vi/${basename(vi)}`).not.toBe(enHeaders[j]);
      });
    }
  });

  it("loads every file: createI18n and createTranslator show each plain message as written", () => {
    const i18n = createI18n({ defaultLocale: "vi" });
    const translate = createTranslator(i18n);
    for (const locale of SUPPORTED_LOCALES) {
      for (const path of FILES.get(locale)!) {
        const plain = messagesOf(path).filter((m) => m.plain !== null);
        for (const m of plain) {
          expect(i18n.t(locale, m.key), `${locale}/${m.file}.ftl ${m.key}`).toBe(m.plain);
          expect(translate(locale, m.key)).toBe(m.plain);
        }
      }
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

describe("locale keys in the code", () => {
  it("finds the keys where the code names them", () => {
    // The scan itself: literal calls, conditionals, properties, helper arguments and maps.
    const keys = new Set(SCAN.checked.map((n) => n.key));
    for (const key of [
      "start-welcome-back", // ctx.t(returning ? "start-welcome-back" : "start-welcome")
      "cmd-meetings", // descriptionKey: "cmd-meetings"
      "absence-alert", // a text job's payload, key: "absence-alert"
      "refused-members-only", // const key = … ? … : "refused-members-only"
      "meeting-moved-group", // tellGroup(…, key: string, …) called with a literal
      "meeting-rsvp-recorded-unsure", // RECORDED_KEYS
      "datetime-problem-missing_time", // DATETIME_PROBLEM_KEYS
      "meeting-guided-type-place-placeholder", // GUIDED_QUESTION_KEYS, nested
    ]) {
      expect(keys, key).toContain(key);
    }
    expect(keys.size).toBeGreaterThan(400);
  });

  it("builds no key from a template string or a concatenation", () => {
    expect([...SCAN.built]).toEqual([]);
  });

  it("names only keys that every locale defines", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const keys = KEYS.get(locale)!;
      expect(
        SCAN.checked.filter((n) => !keys.has(n.key)).map((n) => `${n.where}: ${n.key}`),
        `named in the code but missing in ${locale}`,
      ).toEqual([]);
    }
  });

  it("defines no key that nothing names", () => {
    const named = new Set([...SCAN.literals.map((n) => n.key), ...REFERENCED, ...NOT_NAMED_IN_CODE]);
    expect([...ALL_KEYS].filter((k) => !named.has(k))).toEqual([]);
  });

  it("keeps each key in the file of the only feature that names it; shared keys in common.ftl", () => {
    const misplaced: string[] = [];
    for (const m of MESSAGES.get("vi")!) {
      if (m.file === "common") continue;
      for (const n of SCAN.literals.filter((l) => l.key === m.key && l.owner !== m.file)) {
        misplaced.push(`${m.key} is in ${m.file}.ftl but named in ${n.where}`);
      }
    }
    expect(misplaced).toEqual([]);
  });
});
