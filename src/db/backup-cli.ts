// npm run backup: writes a consistent snapshot of the SQLite database of DATABASE_URL into backups/
// beside it, and keeps the newest BACKUP_KEEP. Safe while the bot runs. On PostgreSQL it says what to
// use instead (pg_dump) and exits 1.
import { loadConfig } from "../config.ts";
import { backupDirFor, backupSqlite, pruneBackups } from "./backup.ts";
import { messageOf } from "./errors.ts";
import { providerOf, sqlitePathOf } from "./url.ts";

const HELP = `Usage: npm run backup

Writes a consistent copy of the SQLite database named by DATABASE_URL (default
file:./data/chibo.sqlite) into the backups/ folder beside it, as chibo-<UTC time>.sqlite, then
deletes all but the newest BACKUP_KEEP backups (default 14). Safe while the bot is running.
The bot also does this every day at 02:00 (organisation time) by itself.

To put a backup back:   npm run restore -- <file>   (stop the bot first)
PostgreSQL databases are backed up with pg_dump instead (see deploy/README.md).
`;

async function main(): Promise<number> {
  if (process.argv.slice(2).some((arg) => arg === "--help" || arg === "-h")) {
    process.stdout.write(HELP);
    return 0;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(messageOf(error));
    return 2;
  }
  if (providerOf(config.databaseUrl) !== "sqlite") {
    console.error(
      "DATABASE_URL is a PostgreSQL database: back it up with pg_dump, e.g.\n" +
        '  pg_dump --format=custom --file=chibo-$(date -u +%Y%m%dT%H%M%SZ).dump "$DATABASE_URL"\n' +
        "(see deploy/README.md).",
    );
    return 1;
  }
  const path = sqlitePathOf(config.databaseUrl);
  try {
    const file = await backupSqlite(path);
    const deleted = pruneBackups(backupDirFor(path), config.backupKeep);
    console.log(`Backup written: ${file.path} (${Math.ceil(file.bytes / 1024)} KiB).`);
    if (deleted.length > 0) {
      console.log(`Deleted ${deleted.length} older backup(s); keeping the newest ${config.backupKeep}.`);
    }
    return 0;
  } catch (error) {
    console.error(messageOf(error));
    return 1;
  }
}

process.exitCode = await main();
