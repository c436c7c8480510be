// Telegram ids are 64-bit in the database (BigInt columns) but always fit in a JS number (Telegram
// promises at most 52 significant bits), so repositories convert at their boundary and the rest of
// the code, JSON included, only ever sees numbers.

/** A database BigInt as a Telegram id; throws if it would lose precision. */
export function toTgId(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`Telegram id ${value} is outside the safe integer range`);
  }
  return Number(value);
}

/** A Telegram id as a database BigInt; throws on fractions, NaN and unsafe integers. */
export function toDbId(value: number): bigint {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${value} is not a Telegram id (a safe integer)`);
  }
  return BigInt(value);
}

export function toTgIdOrNull(value: bigint | null): number | null {
  return value === null ? null : toTgId(value);
}

export function toDbIdOrNull(value: number | null | undefined): bigint | null {
  return value === null || value === undefined ? null : toDbId(value);
}
