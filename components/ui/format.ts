// Date formatting shared by server and client. Absolute dates are always UTC so that the
// server's rendering never disagrees with the viewer's, whatever their time zone.
import { formatCount } from "@/lib/validation/limits";

export type DateInput = Date | string | number;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function toDate(input: DateInput): Date {
  return input instanceof Date ? input : new Date(input);
}

/** "12 Mar 2026" (UTC). Returns "" for an invalid date. */
export function formatDate(input: DateInput): string {
  const d = toDate(input);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "12 Mar 2026, 14:05 UTC". */
export function formatDateTime(input: DateInput): string {
  const d = toDate(input);
  if (Number.isNaN(d.getTime())) return "";
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${formatDate(d)}, ${hh}:${mm} UTC`;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/**
 * "just now", "5 minutes ago", "in 3 hours", "yesterday", "3 days ago", "in 5 days",
 * "2 months ago", "in 1 year". Days are counted up to a month because due dates read
 * better as "in 12 days" than "in 2 weeks".
 */
export function formatRelative(input: DateInput, now: DateInput = new Date()): string {
  const d = toDate(input);
  const n = toDate(now);
  if (Number.isNaN(d.getTime()) || Number.isNaN(n.getTime())) return "";
  const diff = d.getTime() - n.getTime();
  const abs = Math.abs(diff);
  if (abs < 45 * SECOND) return "just now";
  if (abs < 45 * MINUTE) return rtf.format(roundToward(diff / MINUTE), "minute");
  if (abs < 22 * HOUR) return rtf.format(roundToward(diff / HOUR), "hour");
  if (abs < 30 * DAY) return rtf.format(roundToward(diff / DAY), "day");
  if (abs < 320 * DAY) return rtf.format(roundToward(diff / (30.4375 * DAY)), "month");
  return rtf.format(roundToward(diff / (365.25 * DAY)), "year");
}

// Round half away from zero, never to zero (so 40 seconds past a threshold is still "1 minute").
function roundToward(x: number): number {
  const r = Math.sign(x) * Math.round(Math.abs(x));
  return r === 0 ? Math.sign(x) || 1 : r;
}

// Counted nouns, in one place: "1 handoff", "3 handoffs", "1,204 lines", "2 replies".

/** `count(3, "handoff")` → "3 handoffs"; irregular plurals are passed: `count(1, "reply", "replies")`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

/** "A", "A and B", "A, B and C": names or words in a sentence. */
export function joinList(items: readonly string[], last = "and"): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

/** The noun alone, for sentences that place the number themselves: `noun(2, "file")` → "files". */
export function noun(n: number, singular: string, plural = `${singular}s`): string {
  return n === 1 ? singular : plural;
}
