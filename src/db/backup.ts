// Backups of the SQLite database, and putting one back.
//
// Copying the .sqlite file is not a backup: in WAL mode the latest writes may still be in the -wal
// file, and a copy taken while the bot writes can be torn. A backup here is SQLite's online backup
// API on a connection of its own: a consistent snapshot of the database as it was at one instant,
// taken while the bot goes on working, written to `<name>.partial`, turned into a single
// self-contained file (rollback journal, not WAL), checked (quick_check), and only then renamed to
// its final name, so a file named like a backup is always a whole one.
//
// Backups go to `backups/` beside the database file (`./data/backups/` by default), named
// `chibo-<UTC time>.sqlite`; the newest `keep` are kept.
//
// A restore swaps the file while no service has it open: it takes the same instance lock as the
// service (`<database>.lock`), so it refuses while the bot runs and no bot can start meanwhile. The
// database it replaces is kept beside it as `<name>.before-restore-<UTC time>`.
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { dirname, join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { acquireInstanceLock } from "./client.ts";
import { DatabaseError } from "./errors.ts";
import { migrationsDirOf } from "./schema-engine.ts";

export const BACKUP_DIR_NAME = "backups";
const BACKUP_NAME = /^chibo-(\d{8}T\d{6}Z)\.sqlite$/;
/** Pages copied per step of the online backup: 4 MB; the bot's own work runs between steps. */
const PAGES_PER_STEP = 1_000;

export interface BackupFile {
  path: string;
  name: string;
  bytes: number;
}

/** `backups/` beside the database file. */
export function backupDirFor(databasePath: string): string {
  return join(dirname(databasePath), BACKUP_DIR_NAME);
}

/** 20261203T020000Z: sorts by time, safe in a file name. */
export function compactUtc(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

/** The backups in `dir`, oldest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return { path, name, bytes: statSync(path).size };
    });
}

/**
 * Writes a consistent snapshot of the SQLite database at `databasePath` into `dir` (created if
 * needed) and returns it. Safe while the bot runs. Throws a DatabaseError when it cannot.
 */
export async function backupSqlite(
  databasePath: string,
  options: { dir?: string; now?: Date } = {},
): Promise<BackupFile> {
  if (!existsSync(databasePath)) throw new DatabaseError(`SQLite database ${databasePath} does not exist`);
  const dir = options.dir ?? backupDirFor(databasePath);
  mkdirSync(dir, { recursive: true });
  let name = `chibo-${compactUtc(options.now ?? new Date())}.sqlite`;
  // Two backups in one second (by hand right after the scheduled one): the later one waits a name.
  for (let i = 1; existsSync(join(dir, name)); i++) {
    name = `chibo-${compactUtc(new Date((options.now ?? new Date()).getTime() + i * 1000))}.sqlite`;
  }
  const final = join(dir, name);
  const partial = `${final}.partial`;
  rmSync(partial, { force: true });
  const source = new BetterSqlite3(databasePath, { fileMustExist: true, timeout: 5_000 });
  try {
    await source.backup(partial, { progress: () => PAGES_PER_STEP });
  } catch (error) {
    rmSync(partial, { force: true });
    throw new DatabaseError(`backup of ${databasePath} failed: ${errorText(error)}`, { cause: error });
  } finally {
    source.close();
  }
  try {
    const copy = new BetterSqlite3(partial, { fileMustExist: true });
    try {
      // One file that stands on its own: no -wal beside it to forget when it is copied elsewhere.
      copy.pragma("journal_mode = DELETE");
      const check = String(copy.pragma("quick_check", { simple: true }));
      if (check !== "ok") throw new Error(`the copy failed its integrity check: ${check}`);
    } finally {
      copy.close();
    }
    syncFile(partial);
    renameSync(partial, final);
    syncFile(dir);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new DatabaseError(`backup of ${databasePath} failed: ${errorText(error)}`, { cause: error });
  }
  return { path: final, name, bytes: statSync(final).size };
}

/** Deletes all but the newest `keep` backups in `dir` (and leftover partial files); returns the deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const backups = listBackups(dir);
  const deleted = backups.slice(0, Math.max(0, backups.length - Math.max(1, keep))).map((b) => b.path);
  for (const path of deleted) rmSync(path, { force: true });
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      // A backup cut short by a crash; a running one is younger than a minute.
      const path = join(dir, name);
      if (name.endsWith(".sqlite.partial") && Date.now() - statSync(path).mtimeMs > 60 * 60_000) {
        rmSync(path, { force: true });
      }
    }
  }
  return deleted;
}

/** What `checkBackup` finds: the migrations the backup has applied. */
export interface BackupCheck {
  migrations: string[];
}

/**
 * Makes sure `file` is a whole chibo-bot SQLite database this version can run: it opens, passes
 * quick_check, has the migrations table, and has no migration this version does not know (a
 * backup from a newer version). Throws a DatabaseError saying what is wrong.
 */
export function checkBackup(file: string): BackupCheck {
  if (!existsSync(file)) throw new DatabaseError(`${file} does not exist`);
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new DatabaseError(`${file} cannot be opened as an SQLite database: ${errorText(error)}`);
  }
  try {
    let check: string;
    try {
      check = String(db.pragma("quick_check", { simple: true }));
    } catch (error) {
      throw new DatabaseError(`${file} is not an SQLite database: ${errorText(error)}`);
    }
    if (check !== "ok") throw new DatabaseError(`${file} is damaged: ${check}`);
    const table = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!table) throw new DatabaseError(`${file} is not a chibo-bot database (no migrations table)`);
    const applied = (
      db
        .prepare(
          "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
        )
        .all() as { name: string }[]
    ).map((row) => row.name);
    const known = new Set(
      readdirSync(migrationsDirOf("sqlite"), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name),
    );
    const unknown = applied.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new DatabaseError(
        `${file} comes from a newer version of chibo-bot (migrations ${unknown.join(", ")} are unknown here); upgrade first`,
      );
    }
    return { migrations: applied };
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  /** Where the database that was replaced now is (undefined if there was none). */
  previous: string | undefined;
}

/**
 * Puts the backup `file` in place of the database at `databasePath`. Refuses (DatabaseError) while a
 * service has the database open, and when the backup is not one this version can run. The swap is
 * one rename; the database it replaces is kept as `<name>.before-restore-<time>`.
 */
export function restoreSqlite(databasePath: string, file: string, now = new Date()): RestoreResult {
  checkBackup(file);
  mkdirSync(dirname(databasePath), { recursive: true });
  // Held until the swap is done: no service can start on a half-restored file.
  const lock = acquireInstanceLock(databasePath, `file:${databasePath}`);
  try {
    const incoming = `${databasePath}.restoring`;
    copyFileSync(file, incoming);
    syncFile(incoming);
    let previous: string | undefined;
    if (existsSync(databasePath)) {
      // Everything still in the -wal goes into the file first, so the copy set aside is whole and no
      // -wal of the old database is left to be replayed onto the restored one.
      const old = new BetterSqlite3(databasePath, { fileMustExist: true, timeout: 5_000 });
      try {
        old.pragma("wal_checkpoint(TRUNCATE)");
        old.pragma("journal_mode = DELETE");
      } finally {
        old.close();
      }
      previous = `${databasePath}.before-restore-${compactUtc(now)}`;
      copyFileSync(databasePath, previous);
      syncFile(previous);
    }
    for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${databasePath}${suffix}`, { force: true });
    renameSync(incoming, databasePath);
    syncFile(dirname(databasePath));
    return { previous };
  } finally {
    lock.release();
  }
}

function syncFile(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
