// Columns read by raw SQL come back as each driver gives them: PostgreSQL's driver gives Dates,
// booleans and numbers; SQLite's gives epoch milliseconds or UTC text for dates, 0/1 for booleans
// and bigint for 64-bit integers. These read them the same way on both.

/** A date-time column: a Date, epoch milliseconds, or UTC text ("2026-12-04 12:30:00"). */
export function rawDate(value: Date | string | number | bigint): Date {
  if (value instanceof Date) return value;
  if (typeof value !== "string") return new Date(Number(value));
  const iso = value.includes("T") ? value : `${value.replace(" ", "T")}Z`;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}

/** An integer column as a number (drivers give bigint for 64-bit columns). */
export function rawInt(value: number | bigint): number {
  return typeof value === "bigint" ? Number(value) : value;
}
