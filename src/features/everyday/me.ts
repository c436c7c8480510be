// What /me shows beyond the caller the middleware already loaded (cells, roles, language, reach):
// read here in one place, so that /me stays within its statement budget (issue 13: ≤ 3 per /me;
// test/e2e/hot-path.test.ts pins it). Anything /me adds should be read by loadMeDetails too,
// preferably in the same statement.
import type { BotServices } from "../../bot/context.ts";
import type { OpenTaskBrief } from "../../db/repositories/tasks.ts";

export interface MeDetails {
  /** Open tasks assigned to the member, oldest due first (one statement). */
  openTasks: OpenTaskBrief[];
}

/** Everything /me reads from the database for a known member. */
export async function loadMeDetails(services: BotServices, memberId: number): Promise<MeDetails> {
  const openTasks = await services.repos.tasks.openBriefsForMember(memberId);
  return { openTasks };
}
