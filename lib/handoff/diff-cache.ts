// Saved revisions never change, so the comparison of two of them is computed once per server and
// then served from memory: a reader opening the same comparison again (or many readers at once)
// costs nothing, instead of up to the diff's whole time budget on the request thread each time.
// Bounded: the 32 most recently used comparisons. Callers authorize before they ask.
import "server-only";

const MAX_ENTRIES = 32;
const entries = new Map<string, unknown>();

export function cachedComparison<T>(key: string, compute: () => T): T {
  if (entries.has(key)) {
    const hit = entries.get(key) as T;
    entries.delete(key);
    entries.set(key, hit); // most recently used last
    return hit;
  }
  const value = compute();
  entries.set(key, value);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}

/** For tests: how many comparisons are held. */
export function cachedComparisons(): number {
  return entries.size;
}
