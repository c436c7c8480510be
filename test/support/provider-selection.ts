// Which databases the integration tests run on: both by default. `npm run test:sqlite` sets
// TEST_PROVIDERS=sqlite, for a machine without PostgreSQL: every suite then runs its SQLite half,
// and the suites that only make sense on PostgreSQL are skipped (describePostgres in providers.ts).
// No vitest import here: the global set-up reads it too.
export const ALL_PROVIDERS = ["sqlite", "postgresql"] as const;
export type TestProvider = (typeof ALL_PROVIDERS)[number];

function selected(value: string | undefined): readonly TestProvider[] {
  if (!value?.trim()) return ALL_PROVIDERS;
  const names = value.split(",").map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !(ALL_PROVIDERS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`TEST_PROVIDERS=${value}: use a comma-separated list of ${ALL_PROVIDERS.join(", ")}`);
  }
  return ALL_PROVIDERS.filter((provider) => names.includes(provider));
}

/** The providers integration tests run on (describe.each / describeEachProvider). */
export const SUPPORTED_PROVIDERS: readonly TestProvider[] = selected(process.env.TEST_PROVIDERS);

export const POSTGRES_ENABLED = SUPPORTED_PROVIDERS.includes("postgresql");
