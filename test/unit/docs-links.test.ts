// The documentation must stand alone: every relative link in the repository's Markdown files
// resolves to a file inside the repository, so a clone never points a reader at a missing page.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SKIP_DIRS = new Set(["node_modules", ".git", "dist", "data", "coverage"]);

function markdownFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (SKIP_DIRS.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...markdownFiles(path));
    else if (entry.endsWith(".md")) found.push(path);
  }
  return found;
}

/** Targets of `[text](target)` links, outside fenced code blocks. */
export function linkTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  const targets: string[] = [];
  for (const match of withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    targets.push(match[1] ?? "");
  }
  return targets;
}

function isExternal(target: string): boolean {
  return /^(https?:|mailto:|tg:)/i.test(target) || target.startsWith("#");
}

describe("documentation links", () => {
  const files = markdownFiles(root);

  it("finds the documents it checks", () => {
    const names = files.map((f) => relative(root, f));
    expect(names).toContain("README.md");
    expect(names).toContain(join("docs", "huong-dan-bi-thu.md"));
    expect(names).toContain(join("docs", "huong-dan-dang-vien.md"));
  });

  it("reads link targets and leaves code alone", () => {
    expect(linkTargets('see [a](docs/a.md) and [b](../b.md#x "t") `[c](nope.md)`')).toEqual([
      "docs/a.md",
      "../b.md#x",
    ]);
  });

  it.each(files.map((f) => [relative(root, f), f] as const))(
    "%s: every relative link resolves",
    (_name, file) => {
      const broken: string[] = [];
      for (const target of linkTargets(readFileSync(file, "utf8"))) {
        if (isExternal(target)) continue;
        const path = decodeURIComponent(target.split("#")[0] ?? "");
        const absolute = resolve(dirname(file), path);
        const inside = !relative(root, absolute).startsWith("..");
        if (!inside || !existsSync(absolute)) broken.push(target);
      }
      expect(broken).toEqual([]);
    },
  );
});
