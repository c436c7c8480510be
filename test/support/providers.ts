// Test helpers for the provider selection of provider-selection.ts.
import { describe } from "vitest";
import { POSTGRES_ENABLED } from "./provider-selection.ts";

export {
  ALL_PROVIDERS,
  POSTGRES_ENABLED,
  SUPPORTED_PROVIDERS,
  type TestProvider,
} from "./provider-selection.ts";

/** `describe` for a block that needs a PostgreSQL server; skipped when tests run on SQLite alone. */
export const describePostgres = describe.skipIf(!POSTGRES_ENABLED);
