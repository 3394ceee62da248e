// Rendered HTML, reused: the same text renders to the same HTML (a saved revision never changes),
// and formatting costs far more than serving a page. Kept on the server's main thread, so a cache
// hit never waits for a worker. Bounded by entries and by total characters kept; the least
// recently used entry goes first.

export class RenderCache<V> {
  private readonly entries = new Map<string, V>();
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
    // Most recently used last, so eviction takes the oldest.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, value: V): void {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.chars -= key.length + this.charsOf(old);
    }
    // An entry larger than the whole budget would only evict everything else.
    const chars = key.length + this.charsOf(value);
    if (chars > this.maxChars) return;
    this.entries.set(key, value);
    this.chars += chars;
    for (const [oldKey, oldValue] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.entries.delete(oldKey);
      this.chars -= oldKey.length + this.charsOf(oldValue);
    }
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
