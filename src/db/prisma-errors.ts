// Classifies Prisma errors by their stable codes (https://pris.ly/d/error-reference), never by text.
// Both generated clients share one runtime, hence one error class.
import { Prisma } from "./generated/sqlite/client.ts";

/** P2002: a unique constraint (or primary key) already holds this value. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** P2025: the record an update or delete needed was not found. */
export function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}
