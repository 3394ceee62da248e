// The one way a schema takes text: every string a user can send goes through `text(label, …)`,
// which refuses what no database stores faithfully (a NUL byte: PostgreSQL rejects it; an
// unpaired UTF-16 surrogate: both databases and Prisma's JSON protocol reject or mangle it) and
// enforces the length caps of lib/validation/limits.ts. Messages are whole sentences that name
// the field by the label people see ("Acceptance criteria must be at most 20,000 characters
// (this has 23,412)."), so ValidationError.fromZod shows them as they are.
import { z } from "./zod-browser";
import { formatCount } from "./limits";
import { labelled } from "./field-label";

/** Marks an issue whose message already names its field (see ValidationError.fromZod). */
export const LABELLED = { labelled: true } as const;

/** Why a string cannot be stored, as the end of a sentence starting with its label; null when it can. */
export function unstorable(value: string): string | null {
  if (value.includes("\u0000")) return "contains a NUL character (U+0000), which cannot be stored. Remove it and try again.";
  if (!value.isWellFormed()) return "contains a broken character (an unpaired UTF-16 surrogate), which cannot be stored. Retype or remove it.";
  return null;
}

/** The same string with anything unstorable replaced by U+FFFD, for records of what was attempted (the audit log). */
export function storableCopy(value: string): string {
  return value.replaceAll("\u0000", "\uFFFD").toWellFormed();
}

type TextOptions = {
  /** At most this many characters, after trimming when `trim` is set. */
  max: number;
  /** At least this many characters; 1 means "is required". */
  min?: number;
  /** Trim surrounding whitespace first (single-line fields); Markdown keeps its whitespace. */
  trim?: boolean;
  /** A title, name, key or label: no line breaks, no invisible text-direction controls. */
  singleLine?: boolean;
};

/** Line breaks of every kind (LF, CR, VT, FF, NEL, LS, PS). */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;
/** Unicode bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): invisible, they reorder what is shown. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Why a string cannot be a one-line title or name, as the end of a sentence starting with its label; null when it can. */
export function notOneLine(value: string): string | null {
  if (LINE_BREAK.test(value)) return "must be on one line: remove the line break.";
  const bidi = value.match(BIDI_CONTROLS);
  if (bidi) {
    const code = bidi[0].codePointAt(0)!.toString(16).toUpperCase();
    return `contains an invisible text-direction control character (U+${code}), which can make it read differently from what it says. Remove it.`;
  }
  return null;
}

/** The index of the character notOneLine refuses first (a line break, else a bidi control), or -1 when it refuses none. */
export function notOneLineIndex(value: string): number {
  const lineBreak = value.search(LINE_BREAK);
  return lineBreak >= 0 ? lineBreak : value.search(new RegExp(BIDI_CONTROLS.source));
}

/** The text with every bidi control removed (uploaded file names: kept, but never disguised). */
export function withoutBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, "");
}

/** Adds the storable/min/max checks for `label` to a string's refinement context. */
export function checkText(value: string, label: string, opts: TextOptions, ctx: z.RefinementCtx, path: PropertyKey[] = []): void {
  const problem = unstorable(value);
  if (problem) {
    ctx.addIssue({ code: "custom", path, message: `${label} ${problem}`, params: LABELLED });
    return;
  }
  const broken = opts.singleLine ? notOneLine(value) : null;
  if (broken) {
    ctx.addIssue({ code: "custom", path, message: `${label} ${broken}`, params: LABELLED });
    return;
  }
  if (opts.min && value.length < opts.min) {
    const message = opts.min === 1 ? `${label} is required.` : `${label} must be at least ${formatCount(opts.min)} characters.`;
    ctx.addIssue({ code: "custom", path, message, params: LABELLED });
  }
  if (value.length > opts.max) {
    ctx.addIssue({ code: "custom", path, message: `${label} must be at most ${formatCount(opts.max)} characters (this has ${formatCount(value.length)}).`, params: LABELLED });
  }
}

/** A string field with its visible label and caps. Chain .optional(), .default(), .regex() as usual. */
export function text(label: string, opts: TextOptions) {
  const base = z.string({ error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be text.`) });
  return labelled((opts.trim ? base.trim() : base).superRefine((value, ctx) => checkText(value, label, opts, ctx)), label);
}

/**
 * An optional single-line field where empty means "not given" (null), e.g. a DOI. Refinements on
 * the result see null or the trimmed text.
 */
export function optionalText(label: string, max: number) {
  return text(label, { max, trim: true, singleLine: true })
    .nullish()
    .transform((v) => (v ? v : null));
}

/** Ids made by the database (cuid) and the other lookup keys (project keys, service names): short and plain. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a value could be an id or lookup key at all; anything else names nothing and is "not found". */
export function isLookupKey(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}

/** An id sent in a body (an owner, a parent comment, a template): 422 naming the field when it cannot be one. */
export function idSchema(label: string) {
  const id = z.string({ error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be an id.`) }).superRefine((value, ctx) => {
    if (!ID_PATTERN.test(value)) ctx.addIssue({ code: "custom", message: `${label} is not a valid id.`, params: LABELLED });
  });
  return labelled(id, label);
}
