// A meeting's number within its cell (issue 9 item 10): Khu phố 2's first meeting is #1, whatever
// other cells did before. People see and type this number; the global id stays internal (callback
// data, outbox keys).
import type { Db } from "../client.ts";
import { isUniqueViolation } from "../prisma-errors.ts";

/** Attempts before giving up when concurrent creations keep taking the same number. */
const ATTEMPTS = 5;

/** The number the cell's next meeting gets: one more than the highest so far. */
async function nextNumber(db: Db, cellId: number): Promise<number> {
  const { _max } = await db.meeting.aggregate({ where: { cellId }, _max: { number: true } });
  return (_max.number ?? 0) + 1;
}

/**
 * Runs `create` with the cell's next meeting number. Two concurrent creations may read the same
 * highest number; the unique (cellId, number) refuses the second, which then takes the next one.
 * `isTaken` tells such a clash from a unique violation that means something else (the same
 * scheduled meeting created twice): when it returns false, the error goes to the caller.
 */
export async function withNextMeetingNumber<T>(
  db: Db,
  cellId: number,
  create: (number: number) => Promise<T>,
  isTaken: (number: number) => Promise<boolean> = () => Promise.resolve(true),
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const number = await nextNumber(db, cellId);
    try {
      return await create(number);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= ATTEMPTS || !(await isTaken(number))) throw error;
    }
  }
}

/** Whether the cell already has a meeting with this number. */
export async function meetingNumberTaken(db: Db, cellId: number, number: number): Promise<boolean> {
  const row = await db.meeting.findUnique({
    where: { cellId_number: { cellId, number } },
    select: { id: true },
  });
  return row !== null;
}
