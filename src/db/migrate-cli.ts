// npm run db:migrate: applies prisma/migrations/<provider>/ to DATABASE_URL (the bot also does this
// at every start-up; this is for deployments that migrate as a separate step).
import { loadConfig } from "../config.ts";
import { messageOf } from "./errors.ts";
import { migrateDatabase } from "./migrator.ts";
import { redactUrl } from "./url.ts";

const USAGE = `usage: npm run db:migrate

Applies the migrations of prisma/migrations/<provider>/ that DATABASE_URL (from the environment or
.env) lacks, and exits. The bot does the same at every start; this is for deployments that migrate
as a separate step. Exit codes: 0 done, 1 the migration failed, 2 bad configuration or arguments.`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  if (args.length > 0) {
    console.error(`unknown argument(s): ${args.join(" ")}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  let url: string;
  try {
    url = loadConfig().databaseUrl;
  } catch (error) {
    console.error(messageOf(error));
    process.exitCode = 2;
    return;
  }
  try {
    const { provider, applied } = await migrateDatabase(url);
    const where = `${provider} database ${redactUrl(url)}`;
    if (applied.length === 0) console.log(`The ${where} is up to date.`);
    else console.log(`Applied ${applied.length} migration(s) to the ${where}:\n  ${applied.join("\n  ")}`);
  } catch (error) {
    console.error(messageOf(error));
    process.exitCode = 1;
  }
}

await main();
