// Pure helpers about database URLs, shared by the client factory, the migrator and the CLIs.
import { isAbsolute, resolve } from "node:path";

export type Provider = "sqlite" | "postgresql";

/**
 * Which provider a database URL is for: `postgres://` and `postgresql://` are PostgreSQL; `file:` URLs
 * and plain paths are SQLite. Throws on any other scheme (mysql://, http://…) rather than guessing.
 */
export function providerOf(url: string): Provider {
  const trimmed = url.trim();
  if (/^postgres(ql)?:\/\//i.test(trimmed)) return "postgresql";
  if (/^file:/i.test(trimmed)) return "sqlite";
  // A Windows drive letter (C:\…) looks like a scheme; anything else with "scheme:" is not ours.
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[a-z]:[\\/]/i.test(trimmed)) {
    throw new Error(
      `unsupported database URL ${redactUrl(trimmed)}: use file:./path.sqlite (SQLite) or postgresql://… (PostgreSQL)`,
    );
  }
  if (trimmed === "") throw new Error("the database URL is empty");
  return "sqlite";
}

/**
 * The absolute file path of an SQLite URL (`file:./data/x.sqlite`, `file:/abs/x.sqlite`,
 * `file:///abs/x.sqlite` or a plain path), resolved against `cwd`. Query strings are ignored.
 */
export function sqlitePathOf(url: string, cwd = process.cwd()): string {
  let path = url.trim();
  if (/^file:/i.test(path)) {
    path = path.slice("file:".length);
    if (path.startsWith("//")) path = decodeURIComponent(path.replace(/^\/\/[^/]*/, ""));
  }
  path = path.replace(/\?.*$/, "");
  if (path === "" || path === ":memory:") throw new Error(`no SQLite file path in ${redactUrl(url)}`);
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/** The URL with any password replaced by `***`, safe to log and to put in error messages. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@?#]*):[^@/?#]*@/i, "$1:***@");
}

/** host:port of a PostgreSQL URL, for error messages ("cannot reach PostgreSQL at 127.0.0.1:5432"). */
export function pgAddressOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`;
  } catch {
    return redactUrl(url);
  }
}

/** The same PostgreSQL URL pointing at another database on the same server. */
export function withPgDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The database name of a PostgreSQL URL. */
export function pgDatabaseOf(url: string): string {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  return name || decodeURIComponent(parsed.username) || "postgres";
}
