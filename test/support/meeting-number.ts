// Tests that write meetings straight into the database give them the cell's next number, as the
// repositories do (src/db/repositories/meeting-numbers.ts).
import type { Db } from "../../src/db/client.ts";

export async function nextMeetingNumber(db: Db, cellId: number): Promise<number> {
  const { _max } = await db.meeting.aggregate({ where: { cellId }, _max: { number: true } });
  return (_max.number ?? 0) + 1;
}
