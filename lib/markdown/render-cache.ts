// Rendered HTML, reused: the same text renders to the same HTML (a saved revision never changes),
// and formatting costs far more than serving a page. Kept on the server's main thread, so a cache
// hit never waits for a worker. Bounded by entries and by total characters kept; the least
// recently used entry goes first.

export class RenderCache<V> {
  private readonly entries = new Map<string, V>();
  /** When entries kept for a while only (set with ttlMs) stop being answered, by Date.now(). */
  private readonly expires = new Map<string, number>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
    /** The characters a value holds. */
    private readonly charsOf: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    const until = this.expires.get(key);
    if (until !== undefined && Date.now() >= until) {
      this.delete(key);
      return undefined;
    }
    // Most recently used last, so eviction takes the oldest.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  /** Keeps `value` (for `ttlMs` only, if given; otherwise until it is the least recently used). */
  set(key: string, value: V, ttlMs?: number): void {
    this.delete(key);
    // An entry larger than the whole budget would only evict everything else.
    const chars = key.length + this.charsOf(value);
    if (chars > this.maxChars) return;
    this.entries.set(key, value);
    if (ttlMs !== undefined) this.expires.set(key, Date.now() + ttlMs);
    this.chars += chars;
    for (const oldKey of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.delete(oldKey);
    }
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.expires.delete(key);
    this.chars -= key.length + this.charsOf(old);
  }

  clear(): void {
    this.entries.clear();
    this.expires.clear();
    this.chars = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
