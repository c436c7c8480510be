// Counts the SQL statements the process sends to its database drivers, whoever built the client:
// the better-sqlite3 adapter prepares every statement it runs (BEGIN and COMMIT included) and the pg
// adapter sends every statement through pg.Client#query (pool queries end there too). Patching
// those two methods once counts what startApp's own clients do, without changing src/db.
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";

let statements = 0;
let installed = false;

type AnyMethod = (this: unknown, ...args: unknown[]) => unknown;

function wrap(target: object, name: string): void {
  const original = Reflect.get(target, name) as AnyMethod | undefined;
  if (typeof original !== "function") throw new Error(`cannot count statements: no ${name} to wrap`);
  const counted: AnyMethod = function (this: unknown, ...args: unknown[]) {
    statements += 1;
    return original.apply(this, args);
  };
  Reflect.set(target, name, counted);
}

/** Starts counting (idempotent). Call before the first database is opened. */
export function installStatementCounter(): void {
  if (installed) return;
  installed = true;
  wrap(BetterSqlite3.prototype, "prepare");
  wrap(BetterSqlite3.prototype, "exec");
  wrap(pg.Client.prototype, "query");
}

/** Statements sent so far by this process; take differences around what you measure. */
export function statementCount(): number {
  return statements;
}

/**
 * Waits until no statement has been sent for `quietMs` (work a handler left running in the
 * background belongs to the update that caused it), at most `maxMs`.
 */
export async function settleStatements(quietMs = 150, maxMs = 5_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let last = statements;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (statements !== last) {
      last = statements;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) return;
  }
}
