// The settings other features read: `getEffectiveSettings(repos, cellId)` for a cell (defaults ←
// organisation ← the cell's overrides), `getOrganisationSettings(repos, organisationId)` for the
// organisation itself (digest schedule, committee-wide defaults).
import type { Repositories } from "../../db/repositories/index.ts";
import { effectiveSettings, organisationSettings, type Settings } from "./model.ts";

export * from "./model.ts";

/** The settings that apply to a cell; null when the cell does not exist. */
export async function getEffectiveSettings(
  repos: Pick<Repositories, "settings">,
  cellId: number,
): Promise<Settings | null> {
  const found = await repos.settings.cell(cellId);
  return found ? effectiveSettings(found.organisation, found.cell) : null;
}

/** The organisation's own settings; null when it does not exist. */
export async function getOrganisationSettings(
  repos: Pick<Repositories, "settings">,
  organisationId: number,
): Promise<Settings | null> {
  const org = await repos.settings.organisation(organisationId);
  return org ? organisationSettings(org) : null;
}
