// Orderings shared by pages, the API and the map, so that every list sorts the same way.

/** Natural order of keys and names: "FLOOR-2" before "FLOOR-10", case-insensitive letters. */
export function compareKeys(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true, sensitivity: "base" });
}

/** Earliest due date first, undated last, then by key. */
export function compareByDueThenKey(a: { dueDate: Date | null; key: string }, b: { dueDate: Date | null; key: string }): number {
  return (a.dueDate?.getTime() ?? Infinity) - (b.dueDate?.getTime() ?? Infinity) || compareKeys(a.key, b.key);
}
