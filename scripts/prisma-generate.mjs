// Builds one schema per database provider from prisma/models.prisma and generates a Prisma
// client for each. Works offline: the Prisma 7 CLI insists on downloading its native schema
// engine first, which `generate` never uses, so we point PRISMA_SCHEMA_ENGINE_BINARY at an
// existing executable when none is configured.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const PROVIDERS = ["sqlite", "postgresql"];

export function composeSchema(provider, models) {
  return [
    "// Generated from prisma/models.prisma by scripts/prisma-generate.mjs. Do not edit.",
    "datasource db {",
    `  provider = "${provider}"`,
    "}",
    "",
    "generator client {",
    '  provider               = "prisma-client"',
    `  output                 = "../../../src/db/generated/${provider}"`,
    '  runtime                = "nodejs"',
    '  moduleFormat           = "esm"',
    '  importFileExtension    = "ts"',
    '  generatedFileExtension = "ts"',
    "}",
    "",
    models,
  ].join("\n");
}

export function schemaPath(provider) {
  return join(root, "prisma", "schema", provider, "schema.prisma");
}

function main() {
  const models = readFileSync(join(root, "prisma", "models.prisma"), "utf8");
  const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
  if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
  const cli = join(root, "node_modules", "prisma", "build", "index.js");
  for (const provider of PROVIDERS) {
    const file = schemaPath(provider);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, composeSchema(provider, models));
    execFileSync(process.execPath, [cli, "generate", "--schema", file, "--no-hints"], {
      cwd: root,
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
