// Turns driver and engine failures into one-line messages an operator can act on. The URL in them is
// always redacted; the original error stays available as `cause`.
import { pgAddressOf, providerOf, redactUrl, sqlitePathOf } from "./url.ts";

export class DatabaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseError";
  }
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/** Driver adapter error kinds (@prisma/driver-adapter-utils) that mean "no connection at all". */
const UNREACHABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "SocketTimeout",
  "ConnectionClosed",
  "TlsConnectionError",
]);

/** Why a database cannot be used, by PostgreSQL SQLSTATE and by driver adapter error kind. */
const ACCESS_PROBLEMS: Record<string, string> = {
  "28P01": "password authentication failed",
  "28000": "authentication rejected",
  "3D000": "the database does not exist",
  "42501": "permission denied",
  "57P03": "the server is starting up or shutting down",
  "53300": "too many connections",
  AuthenticationFailed: "password authentication failed",
  DatabaseAccessDenied: "access denied",
  DatabaseDoesNotExist: "the database does not exist",
  TooManyConnections: "too many connections",
};

/** The message of any thrown value, without a stack. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return String(error);
}

interface DriverFacts {
  /** Node errno code or PostgreSQL SQLSTATE. */
  code?: string;
  /** Driver adapter error kind, e.g. DatabaseNotReachable. */
  kind?: string;
  /** The driver's own message, when a wrapper kept it. */
  message?: string;
}

/**
 * Digs through the wrappers a failure may arrive in (Prisma's P2010 with
 * meta.driverAdapterError, DriverAdapterError.cause, Error.cause, AggregateError.errors from a
 * dual-stack connect) for the driver's code, kind and message.
 */
function driverFacts(error: unknown): DriverFacts {
  const facts: DriverFacts = {};
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 12; seen++) {
    const e = queue.shift();
    if (typeof e !== "object" || e === null) continue;
    const record = e as Record<string, unknown>;
    const code = record.originalCode ?? record.code;
    if (typeof code === "string" && !/^P\d{4}$/.test(code)) facts.code ??= code;
    if (typeof record.kind === "string") facts.kind ??= record.kind;
    if (typeof record.originalMessage === "string") facts.message ??= record.originalMessage;
    const meta = record.meta as Record<string, unknown> | undefined;
    queue.push(meta?.driverAdapterError, record.cause);
    if (Array.isArray(record.errors)) queue.push(record.errors[0]);
  }
  return facts;
}

/** One line: the driver's message, the quoted message inside Prisma's multi-line text, or the text. */
function conciseMessage(error: unknown, facts: DriverFacts): string {
  if (facts.message) return facts.message;
  const text = messageOf(error);
  const quoted = /Message: `([^`]*)`/.exec(text);
  if (quoted?.[1]) return quoted[1];
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^Invalid `.*` invocation/.test(line));
  return lines.join(" ") || "unknown error";
}

/**
 * Wraps a failure that happened while `action` (e.g. "migrating", "connecting to") the database at
 * `url` in a DatabaseError whose message says where and why, never just a stack.
 */
export function explainDatabaseError(error: unknown, url: string, action: string): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const safeUrl = redactUrl(url);
  const facts = driverFacts(error);
  const detail = scrub(conciseMessage(error, facts), url);
  let provider: "sqlite" | "postgresql" | undefined;
  try {
    provider = providerOf(url);
  } catch {
    provider = undefined;
  }
  if (provider === "postgresql") {
    if (
      (facts.code && CONNECTION_CODES.has(facts.code)) ||
      (facts.kind && UNREACHABLE_KINDS.has(facts.kind))
    ) {
      return new DatabaseError(`cannot reach PostgreSQL at ${pgAddressOf(url)}: ${detail}`, { cause: error });
    }
    const problem =
      (facts.code && ACCESS_PROBLEMS[facts.code]) || (facts.kind && ACCESS_PROBLEMS[facts.kind]);
    if (problem) {
      return new DatabaseError(`cannot use PostgreSQL database ${safeUrl}: ${problem} (${detail})`, {
        cause: error,
      });
    }
    return new DatabaseError(`${action} PostgreSQL database ${safeUrl} failed: ${detail}`, { cause: error });
  }
  if (provider === "sqlite") {
    let where = safeUrl;
    try {
      where = sqlitePathOf(url);
    } catch {
      // keep the URL
    }
    return new DatabaseError(`${action} SQLite database ${where} failed: ${detail}`, { cause: error });
  }
  return new DatabaseError(`${action} database ${safeUrl} failed: ${detail}`, { cause: error });
}

/** Removes the password of `url` from a message that may quote the URL. */
function scrub(message: string, url: string): string {
  const redacted = redactUrl(url);
  let out = redacted === url ? message : message.split(url).join(redacted);
  try {
    const password = decodeURIComponent(new URL(url).password);
    if (password) out = out.split(password).join("***");
  } catch {
    // not a URL with a password
  }
  return out;
}

/** SQLite result codes (better-sqlite3's `code`, extended codes included) that mean "try again later". */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|PROTOCOL)(_|$)/;

/**
 * True when a driver-level failure means the database could not be used at all (unreachable,
 * connection dropped or timed out, file locked or unreadable), as opposed to a problem with the
 * query or the data. Decided by errno code, driver adapter kind and SQLite result code, never by
 * message text. Prisma's own codes (P1001…) are checked in prisma-errors.ts.
 */
export function isConnectionFailure(error: unknown): boolean {
  const facts = driverFacts(error);
  if (facts.kind && UNREACHABLE_KINDS.has(facts.kind)) return true;
  if (!facts.code) return false;
  return CONNECTION_CODES.has(facts.code) || SQLITE_UNAVAILABLE.test(facts.code);
}
