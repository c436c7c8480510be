// npm run restore -- <file>: puts an SQLite backup in place of the database of DATABASE_URL. Refuses
// while a bot has that database open; keeps the database it replaces beside it.
import { loadConfig } from "../config.ts";
import { checkBackup, restoreSqlite } from "./backup.ts";
import { messageOf } from "./errors.ts";
import { providerOf, sqlitePathOf } from "./url.ts";

const HELP = `Usage: npm run restore -- <backup file>

Puts the backup in place of the SQLite database named by DATABASE_URL (default
file:./data/chibo.sqlite). Stop the bot first: the restore refuses while a bot has the database
open. The backup is checked first (a whole SQLite file, a chibo-bot database, not from a newer
version). The database it replaces is kept beside it as <name>.before-restore-<UTC time>.
Start the bot again afterwards; it applies any migration the backup lacks.

Backups are in the backups/ folder beside the database (npm run backup makes one).
PostgreSQL databases are restored with pg_restore instead (see deploy/README.md).
`;

function main(): number {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg === "--help" || arg === "-h")) {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.length !== 1) {
    process.stderr.write(`Give exactly one backup file.\n\n${HELP}`);
    return 2;
  }
  const file = args[0]!;
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(messageOf(error));
    return 2;
  }
  if (providerOf(config.databaseUrl) !== "sqlite") {
    console.error(
      "DATABASE_URL is a PostgreSQL database: restore it with pg_restore (see deploy/README.md).",
    );
    return 1;
  }
  const path = sqlitePathOf(config.databaseUrl);
  try {
    const { migrations } = checkBackup(file);
    const { previous } = restoreSqlite(path, file);
    console.log(`Restored ${file} to ${path} (${migrations.length} migrations applied in the backup).`);
    if (previous) console.log(`The database it replaced is kept as ${previous}.`);
    console.log("Start the bot again.");
    return 0;
  } catch (error) {
    const message = messageOf(error);
    console.error(
      /already in use by another chibo-bot/.test(message)
        ? `Not restored: the bot is running on ${path}. Stop it first (e.g. systemctl stop chibo-bot), then run the restore again.\n${message}`
        : `Not restored: ${message}`,
    );
    return 1;
  }
}

process.exitCode = main();
