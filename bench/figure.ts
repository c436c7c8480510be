// A figure: the rows it fills and the function that measures them on one provider's stage.
import type { Provider } from "../src/db/url.ts";
import type { RowResult, RowSpec } from "./report.ts";
import type { Stage } from "./stage.ts";

export interface Figure {
  name: string;
  /** The stage (database provider) it runs on. */
  provider: Provider;
  rows: RowSpec[];
  run(stage: Stage): Promise<Record<string, RowResult>>;
}

export const PROVIDER_LABEL: Record<Provider, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };
