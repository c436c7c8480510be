// The contract every capability folder fulfils (src/features/<folder>/index.ts exports one
// FeatureModule), and the helpers the composition root uses to put the modules together. Nothing
// here knows any particular feature: the list of modules is passed in (src/features/index.ts).
import type { Composer } from "grammy";
import type { Job } from "../scheduler/jobs.ts";
import { errorForLog } from "../scheduler/telegram-errors.ts";
import type { BotContext, BotServices } from "./context.ts";

/**
 * Who may use a command: anyone who writes to the bot; a member of a cell; a party group's leader
 * (and the cell's managers); a cell's secretary or deputy ("manager", committee admins included);
 * committee admins only. The cell levels are cell-access.ts's CellPower.
 */
export type CommandAudience = "everyone" | "member" | "group_leader" | "manager" | "admin";

/** Where a command is meant to be typed. */
export type CommandChats = "private" | "group" | "both";

/**
 * The two kinds of command menu (src/bot/commands.ts): private chats' and groups'. Several menus of
 * each kind are registered, per audience: everyone's private menu lists the `everyone` commands; a
 * group leader's, secretary's or admin's own private menu lists every command their roles allow;
 * the groups' menu lists `everyone` and `member` commands, the group administrators' one the
 * `group_leader` and `manager` ones too.
 */
export type MenuScope = "private" | "group";

export interface FeatureCommand {
  /** Without the slash, as Telegram's menu wants it: lower case, digits and underscores. */
  command: string;
  /** Locale key of the one-line description (both locales have it; a test checks). */
  descriptionKey: string;
  audience: CommandAudience;
  chats: CommandChats;
  /**
   * The kinds of menu it is listed in (of those its audience sees, and never a private menu for a
   * "group" command or the reverse), with its place there, lower first. Places are shared by all
   * modules, since one menu mixes several: meetings 100–199 (the daily work, most used first),
   * members 200–299, settings 300–399, committee administration 400–499, and the everyday commands
   * 900–999, so that every private menu ends as everyone's does.
   */
  menu?: Partial<Record<MenuScope, number>>;
}

/** What a feature's jobs are built with, once the bot knows its username. */
export interface JobDeps {
  services: BotServices;
  /** For deep links (t.me/<bot>?start=…) in scheduled messages. */
  botUsername: string;
}

export interface FeatureModule {
  /** The folder's name; used in logs and in errors about the registry. */
  readonly name: string;
  /** The feature's handlers; built once per bot. */
  composer(): Composer<BotContext>;
  /**
   * Handlers that must run before every module's `composer` (createBot installs all modules' early
   * handlers first, in registry order): /start payloads of deep links, which the generic /start
   * would otherwise answer. They must call next() for updates that are not theirs.
   */
  early?(): Composer<BotContext>;
  /** Every command the feature handles, including ones not listed in a menu. */
  readonly commands: readonly FeatureCommand[];
  /** The feature's scheduled-job kinds: kind → job. Kinds are unique across features. */
  jobs?(deps: JobDeps): Record<string, Job>;
  /**
   * Runs at every start of the service, once the scheduler exists and before updates are received:
   * idempotent set-up, such as writing the first row of a recurring job (its unique key makes a
   * restart, or a second instance, harmless). A failure is logged; the service starts regardless.
   */
  start?(deps: JobDeps): Promise<void>;
}

/** Runs every module's start step in registry order; a failing one is logged and the others run. */
export async function startFeatures(modules: readonly FeatureModule[], deps: JobDeps): Promise<void> {
  for (const module of modules) {
    if (!module.start) continue;
    try {
      await module.start(deps);
    } catch (err) {
      deps.services.logger.error(
        { feature: module.name, err: errorForLog(err) },
        "a feature's start step failed",
      );
    }
  }
}

/** The jobs of every module, by kind; a kind claimed twice is a programming error. */
export function collectJobs(modules: readonly FeatureModule[], deps: JobDeps): Record<string, Job> {
  const jobs: Record<string, Job> = {};
  const owner = new Map<string, string>();
  for (const module of modules) {
    for (const [kind, job] of Object.entries(module.jobs?.(deps) ?? {})) {
      const taken = owner.get(kind);
      if (taken !== undefined) {
        throw new Error(`job kind "${kind}" is registered by both ${taken} and ${module.name}`);
      }
      owner.set(kind, module.name);
      jobs[kind] = job;
    }
  }
  return jobs;
}

/** Every command of every module; a command handled by two modules is a programming error. */
export function collectCommands(modules: readonly FeatureModule[]): FeatureCommand[] {
  const owner = new Map<string, string>();
  const commands: FeatureCommand[] = [];
  for (const module of modules) {
    for (const command of module.commands) {
      const taken = owner.get(command.command);
      if (taken !== undefined) {
        throw new Error(`command /${command.command} is declared by both ${taken} and ${module.name}`);
      }
      owner.set(command.command, module.name);
      commands.push(command);
    }
  }
  return commands;
}
