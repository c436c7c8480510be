// Classifies Prisma errors by their stable codes (https://pris.ly/d/error-reference), never by text.
// Both generated clients share one runtime, hence one error class.
import { isConnectionFailure } from "./errors.ts";
import { Prisma } from "./generated/sqlite/client.ts";

/** P2002: a unique constraint (or primary key) already holds this value. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** P2025: the record an update or delete needed was not found. */
export function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

/**
 * Prisma codes for a database that cannot be reached or did not answer: P1001 can't reach the server,
 * P1002 timed out, P1008 operation timed out, P1017 server closed the connection, P2024 timed out
 * waiting for a connection from the pool.
 */
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/**
 * True when `error` means the database was unavailable (an infrastructure failure worth retrying
 * later), not that the request itself was wrong. By error class and code only.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_CODES.has(error.code)) return true;
  return isConnectionFailure(error);
}

/**
 * An error that came out of a Prisma call (Prisma stamps `clientVersion` on what it rethrows) but
 * is none of Prisma's classified errors: a driver failure passed through as a bare Error. pg, for
 * one, reports a connection cut mid-way as "Connection terminated unexpectedly" with no code. Such
 * an error can only be told apart by asking the database whether it answers (see dedupe.ts).
 */
export function isUnclassifiedPrismaError(error: unknown): boolean {
  if (!(error instanceof Error) || !("clientVersion" in error)) return false;
  return !(
    error instanceof Prisma.PrismaClientKnownRequestError ||
    error instanceof Prisma.PrismaClientValidationError ||
    error instanceof Prisma.PrismaClientRustPanicError
  );
}
