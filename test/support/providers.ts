/** Every integration test runs on both databases. */
export const SUPPORTED_PROVIDERS = ["sqlite", "postgresql"] as const;
