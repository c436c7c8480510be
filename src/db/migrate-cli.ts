// npm run db:migrate: applies prisma/migrations/<provider>/ to DATABASE_URL (the bot also does this
// at every start-up; this is for deployments that migrate as a separate step).
import { loadConfig } from "../config.ts";
import { messageOf } from "./errors.ts";
import { migrateDatabase } from "./migrator.ts";
import { redactUrl } from "./url.ts";

async function main(): Promise<void> {
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
