// Every date-time value stored in the database, found from the database's own catalogue (sqlite_master
// and PRAGMA table_info on SQLite, information_schema on PostgreSQL) rather than from a list kept by
// hand, so a table or column added later is checked too.
import type { Database } from "../../src/db/client.ts";

export interface StoredTime {
  table: string;
  column: string;
  value: Date;
}

/** Prisma's own bookkeeping (when migrations ran) is not application data. */
const isBookkeeping = (table: string) => table.startsWith("_prisma") || table.startsWith("sqlite_");

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The date-time columns of every application table, as table → columns. */
export async function dateTimeColumns(database: Database): Promise<Map<string, string[]>> {
  const prisma = database.prisma;
  const columns = new Map<string, string[]>();
  const add = (table: string, column: string) => {
    if (isBookkeeping(table)) return;
    columns.set(table, [...(columns.get(table) ?? []), column]);
  };
  if (database.provider === "sqlite") {
    const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    );
    for (const { name } of tables) {
      if (isBookkeeping(name)) continue;
      const info = await prisma.$queryRawUnsafe<{ name: string; type: string }[]>(
        `PRAGMA table_info(${quote(name)})`,
      );
      for (const column of info) if (/date|time/i.test(column.type)) add(name, column.name);
    }
  } else {
    const rows = await prisma.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND (data_type LIKE 'timestamp%' OR data_type = 'date')
       ORDER BY table_name, ordinal_position`,
    );
    for (const row of rows) add(row.table_name, row.column_name);
  }
  return columns;
}

function toDate(raw: unknown, where: string): Date {
  const value =
    raw instanceof Date
      ? raw
      : typeof raw === "number" || typeof raw === "bigint"
        ? new Date(Number(raw))
        : typeof raw === "string"
          ? new Date(/^\d+$/.test(raw) ? Number(raw) : raw)
          : null;
  if (!value || Number.isNaN(value.getTime())) throw new Error(`${where}: unreadable date ${String(raw)}`);
  return value;
}

/** Every non-null date-time value of every application table. */
export async function storedTimes(database: Database): Promise<StoredTime[]> {
  const found: StoredTime[] = [];
  for (const [table, columns] of await dateTimeColumns(database)) {
    for (const column of columns) {
      const rows = await database.prisma.$queryRawUnsafe<{ v: unknown }[]>(
        `SELECT ${quote(column)} AS v FROM ${quote(table)} WHERE ${quote(column)} IS NOT NULL`,
      );
      for (const row of rows) found.push({ table, column, value: toDate(row.v, `${table}.${column}`) });
    }
  }
  return found;
}
