// Orderings shared by pages, the API and the map, so that every list sorts the same way.

// One collator for every comparison: localeCompare with options builds a new one per call, which
// made sorting a 500-milestone project take about 20 ms of a board request (bench/plan-pages.bench.mjs).
const NATURAL = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Natural order of keys and names: "FLOOR-2" before "FLOOR-10", case-insensitive letters. */
export function compareKeys(a: string, b: string): number {
  return NATURAL.compare(a, b);
}

/** Earliest due date first, undated last, then by key. */
export function compareByDueThenKey(a: { dueDate: Date | null; key: string }, b: { dueDate: Date | null; key: string }): number {
  return (a.dueDate?.getTime() ?? Infinity) - (b.dueDate?.getTime() ?? Infinity) || compareKeys(a.key, b.key);
}
