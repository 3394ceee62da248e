// The one date schema: every date a person or client sends (a milestone's start and due dates, in
// the form and the API) is a real calendar day written YYYY-MM-DD (an ISO date-time is taken by
// its date part, so a date read from the API can be sent back), with a year from 1970 to 2200.
// "2026-02-31" and "99999-01-01" are refused with a message naming the field by its label, instead
// of rolling over to another day or reaching the database as a date it cannot hold.
import { z } from "./zod-browser";
import { LABELLED } from "./text";
import { labelled } from "./field-label";

export const DATE_YEARS = { min: 1970, max: 2200 } as const;

const FORM = /^(\d{4,9})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The calendar day `value` names, as UTC midnight; or why it is not one (the end of a sentence starting with the label). */
export function parseCalendarDay(value: string): Date | string {
  const m = FORM.exec(value.trim());
  if (!m) return "must be a date like 2026-03-31.";
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < DATE_YEARS.min || year > DATE_YEARS.max) return `must be a date from year ${DATE_YEARS.min} to ${DATE_YEARS.max} (this is ${year}).`;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return `must be a real calendar day (${m[1]}-${m[2]}-${m[3]} does not exist).`;
  }
  return date;
}

/** An optional date field: empty, null or missing is "no date" (null); anything else must be a real day. */
export function optionalDate(label: string) {
  const date = z.unknown().optional().transform((value, ctx) => {
    if (value === null || value === undefined || value === "") return null;
    const text = typeof value === "string" ? value : value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : null;
    const day = text === null ? "must be a date like 2026-03-31." : text.trim() === "" ? null : parseCalendarDay(text);
    if (typeof day === "string") {
      ctx.addIssue({ code: "custom", message: `${label} ${day}`, params: LABELLED });
      return z.NEVER;
    }
    return day;
  });
  return labelled(date, label);
}
