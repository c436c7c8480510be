// What every update needs before any handler runs, kept in memory: the admins, each group chat's
// language and cell, each person with their memberships and language. Without it every update
// paid 7 statements before a handler looked at it (issue 13). Each part is loaded by one statement
// and dropped by the repository writes that change it (hot-cache-writes.ts), after they committed.
//
// Several instances sharing one PostgreSQL database cannot see each other's writes in memory. When
// the configuration says they may exist (DEDUPE=database, the default for a webhook on PostgreSQL),
// every entry is re-read after SHARED_DATABASE_TTL_MS: a role removed, an admin removed or a cell
// paused on another instance is obeyed here within those seconds. Skipping the cache there instead
// would cost the same 7 statements per update again, for a window no member can act in on purpose.
import type { MemberView } from "./repositories/members.ts";
import type { ChatInfo } from "./repositories/chats.ts";
import { Lru } from "../lru.ts";

/** How long an entry is trusted when other instances may write the same database. */
export const SHARED_DATABASE_TTL_MS = 3_000;

/** Most people and chats remembered (a ward has a few thousand; the rest is whoever wrote in a group). */
const CAPACITY = 20_000;

/** A part of the cache that a write can make stale. */
export type CacheArea = "admins" | "chats" | "members";

export interface HotCacheLoaders {
  members: { findByTelegramId(telegramId: number): Promise<MemberView | null> };
  admins: { telegramIds(): Promise<number[]> };
  chats: { info(chatId: number): Promise<ChatInfo> };
}

export interface HotCacheOptions {
  /** null: entries live until a write drops them (one instance); else re-read after this many ms. */
  ttlMs: number | null;
  /** Admins named in ADMIN_IDS, admins whatever the table says. */
  configAdminIds: readonly number[];
}

export interface HotCache {
  /** The person with their active memberships and language; null for someone never seen. */
  member(telegramId: number): Promise<MemberView | null>;
  isAdmin(telegramId: number): Promise<boolean>;
  /** A group chat's language and cell. */
  chat(chatId: number): Promise<ChatInfo>;
  /** Forgets what `areas` hold; called after a write that changes them has committed. */
  invalidate(areas: readonly CacheArea[]): void;
}

interface Entry<V> {
  value: Promise<V>;
  loadedAt: number;
}

/**
 * One area: values by key, the promise of a load stored at once so that concurrent updates share one
 * statement. A clear while a load is in flight removes its entry, so that load's (possibly old)
 * result is never kept.
 */
function createArea<K, V>(ttlMs: number | null, load: (key: K) => Promise<V>) {
  const entries = new Lru<K, Entry<V>>(CAPACITY);
  return {
    get(key: K): Promise<V> {
      const now = performance.now();
      const hit = entries.get(key);
      if (hit && (ttlMs === null || now - hit.loadedAt < ttlMs)) return hit.value;
      const entry: Entry<V> = { value: load(key), loadedAt: now };
      entries.set(key, entry);
      // A failed load is not remembered: the next update tries again.
      entry.value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return entry.value;
    },
    clear(): void {
      entries.clear();
    },
  };
}

export function createHotCache(loaders: HotCacheLoaders, options: HotCacheOptions): HotCache {
  const { ttlMs } = options;
  const configAdmins = new Set(options.configAdminIds);
  // Looked up on the loader objects at each miss, so a test that replaces a repository method sees it used.
  const members = createArea<number, MemberView | null>(ttlMs, (id) => loaders.members.findByTelegramId(id));
  const admins = createArea<"all", ReadonlySet<number>>(
    ttlMs,
    async () => new Set(await loaders.admins.telegramIds()),
  );
  const chats = createArea<number, ChatInfo>(ttlMs, (id) => loaders.chats.info(id));
  const areas: Record<CacheArea, { clear(): void }> = { admins, chats, members };
  return {
    member: (telegramId) => members.get(telegramId),
    async isAdmin(telegramId) {
      return configAdmins.has(telegramId) || (await admins.get("all")).has(telegramId);
    },
    chat: (chatId) => chats.get(chatId),
    invalidate(changed) {
      for (const area of changed) areas[area].clear();
    },
  };
}
