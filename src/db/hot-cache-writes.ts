// Which repository methods make which part of the hot cache stale. Every method of every repository
// that writes admins, cells, chats' languages, organisations, members, memberships or party groups
// is listed (the types refuse a table that misses one, so a new method needs a decision here); a
// read lists nothing. The wrapped method drops the areas once its write has resolved, that is after
// its transaction committed, so no reader can bring the old rows back into the cache afterwards.
import type { Repositories } from "./repositories/index.ts";
import type { CacheArea, HotCache } from "./hot-cache.ts";

type Classified<R> = { readonly [K in keyof R]: readonly CacheArea[] };

type Watched =
  | "admins"
  | "cells"
  | "chats"
  | "members"
  | "memberships"
  | "organisations"
  | "joinRequests"
  | "roster"
  | "settings"
  | "partyGroups";

/** A member view carries cell names and states, party group names and the person's language. */
const MEMBERS: readonly CacheArea[] = ["members"];
/** A chat's view carries its cell (name, state, settings) and the organisation's language. */
const CELLS: readonly CacheArea[] = ["chats", "members"];

export const CACHE_WRITES = {
  admins: {
    isAdmin: [],
    telegramIds: [],
    ensureConfigAdmins: ["admins"],
    remove: ["admins"],
    add: ["admins"],
    list: [],
  },
  cells: {
    get: [],
    findByChatId: [],
    register: CELLS,
    setActive: CELLS,
    setChat: CELLS,
    updateSettings: CELLS,
    listByOrganisation: [],
    listByIds: [],
  },
  chats: {
    info: [],
    getLocale: [],
    setLocale: ["chats"],
    findCellByChatId: [],
    // The cell, the language and every stored reference follow the group to its new id.
    migrateChatId: ["chats", "members"],
  },
  members: {
    findByTelegramId: [],
    upsertFromTelegram: MEMBERS,
    reachableTelegramIdsWithRoles: [],
    // The cached person carries their names (shown and used to address them).
    setFullName: MEMBERS,
    setFirstName: MEMBERS,
    setLocale: MEMBERS,
    markUnreachable: MEMBERS,
    findById: [],
    findPeople: [],
    exportData: [],
    // Memberships end, the Telegram id and the private chat's language go.
    erase: ["members", "chats"],
    countUnreachableInCell: [],
  },
  memberships: {
    join: MEMBERS,
    listActive: [],
    find: [],
    findByNumber: [],
    findByTelegramId: [],
    findByUsername: [],
    setRole: MEMBERS,
    setStatus: MEMBERS,
    setPartyGroup: MEMBERS,
    leave: MEMBERS,
    listForMember: [],
    pageActive: [],
    countWithRole: [],
    changeRole: MEMBERS,
    changeStatus: MEMBERS,
    changePartyGroup: MEMBERS,
    managerTelegramIds: [],
  },
  organisations: {
    get: [],
    first: [],
    // Records the admin in their organisation (created on first use, without cells yet).
    forAdmin: ["admins"],
    rename: [],
    setCommitteeChat: [],
    findByCommitteeChat: [],
    // The organisation's language is the fallback of its groups.
    updateSettings: ["chats"],
    adminIds: [],
  },
  joinRequests: {
    get: [],
    openPending: [],
    countPending: [],
    // Creates or refreshes the member and their membership.
    approve: MEMBERS,
    reject: [],
    findClaimable: [],
    // Binds an imported member to a Telegram id, merging memberships.
    claim: MEMBERS,
  },
  roster: {
    snapshot: [],
    importRows: MEMBERS,
  },
  settings: {
    organisation: [],
    cell: [],
    // The organisation's language; a cell's settings may set its group's language.
    saveOrganisation: ["chats"],
    saveCell: CELLS,
  },
  partyGroups: {
    listByCell: [],
    get: [],
    create: [],
    setLeader: [],
    listLedBy: [],
    countByCell: [],
  },
} as const satisfies { readonly [N in Watched]: Classified<Repositories[N]> };

type AnyMethod = (...args: unknown[]) => unknown;

/**
 * Replaces, in place, each writing method of `repos` by one that drops its areas from `cache` once
 * the write has settled (failed writes too: a transaction may have been cut after its commit).
 */
export function invalidateOnWrites(repos: Repositories, cache: HotCache): void {
  for (const [name, methods] of Object.entries(CACHE_WRITES) as [
    Watched,
    Record<string, readonly CacheArea[]>,
  ][]) {
    const repo = repos[name] as unknown as Record<string, AnyMethod>;
    for (const [method, areas] of Object.entries(methods)) {
      if (areas.length === 0) continue;
      const original = repo[method];
      if (typeof original !== "function") throw new Error(`hot cache: ${name}.${method} is not a method`);
      repo[method] = async (...args: unknown[]) => {
        try {
          return await original.apply(repo, args);
        } finally {
          cache.invalidate(areas);
        }
      };
    }
  }
}
