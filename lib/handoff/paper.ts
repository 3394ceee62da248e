// Small pure helpers for showing a handoff's paper metadata.

/** "CVPR 2023" from venue "CVPR" and year 2023; the year is not repeated when the venue names it. */
export function venueLine(venue: string | null | undefined, year: number | null | undefined): string {
  const v = (venue ?? "").trim();
  if (!year) return v;
  if (!v) return String(year);
  return new RegExp(`(^|\\D)${year}(\\D|$)`).test(v) ? v : `${v} ${year}`;
}

/** The paper's authors from the stored JSON array, ignoring anything that is not a name. */
export function authorsOf(json: unknown): string[] {
  return Array.isArray(json) ? json.filter((a): a is string => typeof a === "string" && a.trim() !== "").map((a) => a.trim()) : [];
}
