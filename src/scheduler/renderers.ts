// The renderers the running service registers, by delivery kind. Features add their kinds here.
import type { Clock } from "../clock.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { createMeetingReminderRenderers } from "../features/meetings/reminder-renderers.ts";
import { createMeetingScheduleRenderers } from "../features/meetings/schedule-renderer.ts";
import type { Config } from "../config.ts";
import type { Translator } from "../i18n.ts";
import type { Logger } from "../logger.ts";
import { createTextRenderer } from "./text-renderer.ts";
import type { Renderer } from "./types.ts";

export interface DeliveryRendererDeps {
  translate: Translator;
  defaultLocale: string;
  /** For renderers that read the database at send time (features' kinds); absent in bare setups. */
  repos?: Repositories;
  clock?: Clock;
  /** The bot's username, for deep links (the private-reminders button). */
  botUsername?: string;
  logger?: Logger;
  config?: Config;
}

export function createDeliveryRenderers(deps: DeliveryRendererDeps): Record<string, Renderer> {
  return {
    text: createTextRenderer({ translate: deps.translate, defaultLocale: deps.defaultLocale }),
    ...withServices(deps, (d) => createMeetingReminderRenderers(d)),
    ...withServices(deps, (d) => createMeetingScheduleRenderers(d)),
  };
}

type ServiceDeps = DeliveryRendererDeps &
  Required<Pick<DeliveryRendererDeps, "repos" | "clock" | "botUsername">>;

/** Registers `make`'s renderers only when the database, clock and bot username were given. */
function withServices(
  deps: DeliveryRendererDeps,
  make: (deps: ServiceDeps) => Record<string, Renderer>,
): Record<string, Renderer> {
  const { repos, clock, botUsername } = deps;
  return repos && clock && botUsername !== undefined ? make({ ...deps, repos, clock, botUsername }) : {};
}
