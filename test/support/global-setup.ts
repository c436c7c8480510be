// Runs once before any test file: when the run includes PostgreSQL, make sure a server answers, so
// that a missing one is one clear message (how to start it, or how to run without it) instead of a
// failure in every suite.
import { POSTGRES_ENABLED } from "./provider-selection.ts";
import { postgresServerUrl } from "./postgres-server.ts";

export default async function checkDatabases(): Promise<void> {
  if (!POSTGRES_ENABLED) {
    process.stderr.write("TEST_PROVIDERS excludes postgresql: the PostgreSQL tests are skipped.\n");
    return;
  }
  try {
    await postgresServerUrl();
  } catch (error) {
    // The message says it all; vitest's stack trace of the set-up would only bury it.
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n\n`);
    process.exit(1);
  }
}
