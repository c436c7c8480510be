// Where package.json, locales/, prisma/ and scripts/ are. Files that read them at run time resolve
// from here, never from their own directory: the same module runs from src/ (tsx, tests, demo) and
// from dist/ (`npm start`), and only the package root is the same for both.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
