// The Decompose list: a paper's plan typed or pasted as text, one milestone per line. Pure (no
// React, no Prisma) so the page's preview, the server action and the API read it the same way.
//
// Syntax, one milestone per non-blank line:
//
//   [list marker] TITLE [ESTIMATE] [after REFERENCES]
//
// - A list marker is dropped: "-", "*", "+", "•", or a number with "." or ")" ("3.", "3)").
// - ESTIMATE is in days, in parentheses or after a tilde: "(3d)", "(2.5 days)", "~5 days", "~1d".
//   A bare number in parentheses ("(3)") is days too. 0 to 1,000, like the milestone form.
// - "after" ends the line with what the milestone depends on, separated by commas, spaces or
//   "and": a NUMBER is the Nth milestone of this list (blank lines are not counted, so a numbered
//   Markdown list reads as written), a KEY ("FLOOR-4") is an existing milestone of the project.
//   The estimate may stand before or after the "after" clause.
// - A trailing "after …" whose words are not all numbers or keys is part of the title
//   ("Tidy up after lunch").
//
// A title is one line like any milestone title: a line break other than LF/CR (VT, FF, NEL, U+2028,
// U+2029) or a text-direction control in it is an error, as the milestone form says.
//
// Errors name the text's line and column (1-based, as an editor shows them). Caps: at most
// DECOMPOSE_LIMITS.items milestones, DECOMPOSE_LIMITS.chars characters in all and
// DECOMPOSE_LIMITS.line on a line, titles of at most LIMITS.milestone.title characters and
// DECOMPOSE_LIMITS.refs references on a line, so the work stays small whatever is typed.
import { LIMITS } from "@/lib/validation/limits";
import { notOneLine, notOneLineIndex } from "@/lib/validation/text";

/**
 * `line` leaves room for a longest title, an estimate and `refs` keys; checked before any pattern
 * runs, so no line is long enough for backtracking to matter.
 */
export const DECOMPOSE_LIMITS = { items: 100, chars: 40_000, line: 600, refs: LIMITS.milestone.prerequisites, minTitle: 3, maxEstimate: LIMITS.milestone.estimateDays } as const;

export type DecomposeRef = { kind: "item"; item: number; column: number } | { kind: "key"; key: string; column: number };

export type DecomposeItem = {
  /** 1-based position among the list's milestones (what "after N" names). */
  item: number;
  /** 1-based line of the text it was read from. */
  line: number;
  title: string;
  estimateDays: number | null;
  after: DecomposeRef[];
};

export type DecomposeError = { line: number; column: number; message: string };

export type DecomposeParse = { ok: true; items: DecomposeItem[] } | { ok: false; errors: DecomposeError[] };

/** "Line 3, column 24: …" — how every error is shown. */
export function formatDecomposeError(error: DecomposeError): string {
  return `Line ${error.line}, column ${error.column}: ${error.message}`;
}

const MARKER = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+/;
const REF_TOKEN = /^(?:\d{1,4}|[A-Za-z][A-Za-z0-9]{1,9}-\d{1,5})$/;
// No leading \s*: a match starts at "(" or "~" only (the head is trimmed instead).
const ESTIMATE_PAREN = /\(\s*(\d{1,4}(?:\.\d{1,2})?)\s*(?:(?:d|days?)\s*)?\)$/i;
const ESTIMATE_TILDE = /(?<=\s)~\s*(\d{1,4}(?:\.\d{1,2})?)(?:\s*(?:d|days?))?$/i;
/** Something in parentheses that ends like an estimate ("(abc d)", "(3,5 days)") but is not one. */
const ESTIMATE_LIKE = /\((?=[^()]{0,40}\))[^()]*[\d\s](?:d|days?)\s*\)$/i;
// Case-insensitive "after" as a word, the last one on the line.
const AFTER = /(^|\s)after\s+/gi;

type Raw = { line: number; text: string; offset: number };
type Pending = { line: number; title: string; estimateDays: number | null; after: DecomposeRef[] };

/** The "after" clause at the end of `text`, when every word of it is a reference. */
function splitAfter(text: string): { head: string; refs: { token: string; index: number }[]; index: number } | null {
  let last: RegExpExecArray | null = null;
  for (let m = AFTER.exec(text); m; m = AFTER.exec(text)) last = m;
  AFTER.lastIndex = 0;
  if (!last) return null;
  const start = last.index + last[1].length;
  const refsStart = last.index + last[0].length;
  const refs: { token: string; index: number }[] = [];
  const tail = text.slice(refsStart);
  const words = /[^\s,]+/g;
  for (let m = words.exec(tail); m; m = words.exec(tail)) {
    if (m[0].toLowerCase() === "and") continue;
    if (!REF_TOKEN.test(m[0])) return null;
    refs.push({ token: m[0], index: refsStart + m.index });
  }
  if (refs.length === 0) return null;
  return { head: text.slice(0, start).trimEnd(), refs, index: start };
}

function splitEstimate(text: string): { head: string; days: number; index: number } | null {
  const m = ESTIMATE_PAREN.exec(text) ?? ESTIMATE_TILDE.exec(text);
  if (!m) return null;
  return { head: text.slice(0, m.index).trimEnd(), days: Number(m[1]), index: m.index };
}

/** Reads one line's title, estimate and references; errors carry the line's own columns. */
function parseLine(raw: Raw, errors: DecomposeError[]): Pending | null {
  const at = (index: number) => raw.offset + index + 1;
  const fail = (index: number, message: string) => {
    errors.push({ line: raw.line, column: at(index), message });
    return null;
  };
  let rest = raw.text;
  let estimate: ReturnType<typeof splitEstimate> = null;
  let after: ReturnType<typeof splitAfter> = null;
  // The estimate and the "after" clause may come in either order at the end of the line.
  for (let pass = 0; pass < 2; pass++) {
    if (!after) {
      after = splitAfter(rest);
      if (after) rest = after.head;
    }
    if (!estimate) {
      estimate = splitEstimate(rest);
      if (estimate) rest = estimate.head;
    }
  }
  const title = rest.trim();
  if (!estimate) {
    const like = ESTIMATE_LIKE.exec(rest.trimEnd());
    if (like) return fail(like.index, `"${like[0]}" is not an estimate: write a number of days, as (3d) or ~5 days.`);
  }
  // The check a milestone title's schema makes (a vertical tab, NEL or U+2028 is not a line end here).
  const broken = notOneLine(title);
  if (broken) return fail(rest.indexOf(title) + notOneLineIndex(title), `the title ${broken}`);
  if (title.length < DECOMPOSE_LIMITS.minTitle) return fail(0, `the title must be at least ${DECOMPOSE_LIMITS.minTitle} characters.`);
  if (title.length > LIMITS.milestone.title) return fail(LIMITS.milestone.title, `the title is ${title.length} characters; a milestone title takes at most ${LIMITS.milestone.title}.`);
  if (estimate && estimate.days > DECOMPOSE_LIMITS.maxEstimate) return fail(estimate.index, `the estimate must be at most ${DECOMPOSE_LIMITS.maxEstimate.toLocaleString("en-US")} days.`);
  const refs = after?.refs ?? [];
  if (refs.length > DECOMPOSE_LIMITS.refs) return fail(after!.index, `a milestone can name at most ${DECOMPOSE_LIMITS.refs} milestones after "after".`);
  const parsed: DecomposeRef[] = refs.map(({ token, index }) =>
    /^\d+$/.test(token) ? { kind: "item", item: Number(token), column: at(index) } : { kind: "key", key: token.toUpperCase(), column: at(index) },
  );
  return { line: raw.line, title, estimateDays: estimate?.days ?? null, after: parsed };
}

/** Parses the whole list; either every line is good or the errors of every bad line are returned. */
export function parseDecomposeList(input: string): DecomposeParse {
  if (input.length > DECOMPOSE_LIMITS.chars) {
    return { ok: false, errors: [{ line: 1, column: 1, message: `the list is ${input.length.toLocaleString("en-US")} characters; it takes at most ${DECOMPOSE_LIMITS.chars.toLocaleString("en-US")}.` }] };
  }
  const raws: Raw[] = [];
  const lines = input.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i]);
    const offset = marker ? marker[0].length : lines[i].length - lines[i].trimStart().length;
    const text = lines[i].slice(offset).trimEnd();
    if (!text) continue;
    if (raws.length === DECOMPOSE_LIMITS.items) {
      return { ok: false, errors: [{ line: i + 1, column: 1, message: `a decomposition takes at most ${DECOMPOSE_LIMITS.items} milestones; this is the ${DECOMPOSE_LIMITS.items + 1}st.` }] };
    }
    if (text.length > DECOMPOSE_LIMITS.line) {
      return { ok: false, errors: [{ line: i + 1, column: offset + DECOMPOSE_LIMITS.line + 1, message: `the line is ${text.length.toLocaleString("en-US")} characters; a line takes at most ${DECOMPOSE_LIMITS.line}.` }] };
    }
    raws.push({ line: i + 1, text, offset });
  }
  if (raws.length === 0) return { ok: false, errors: [{ line: 1, column: 1, message: "the list is empty: write one milestone per line." }] };

  const errors: DecomposeError[] = [];
  const pending = raws.map((raw) => parseLine(raw, errors));
  pending.forEach((p, i) => {
    if (!p) return;
    for (const ref of p.after) {
      if (ref.kind !== "item") continue;
      const quoted = `"after ${ref.item}"`;
      if (ref.item < 1 || ref.item > raws.length) {
        errors.push({ line: p.line, column: ref.column, message: `${quoted} — the list has ${raws.length} milestone${raws.length === 1 ? "" : "s"}.` });
      } else if (ref.item === i + 1) {
        errors.push({ line: p.line, column: ref.column, message: `${quoted} — a milestone cannot come after itself.` });
      }
    }
  });
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line || a.column - b.column) };

  const items = (pending as Pending[]).map((p, i): DecomposeItem => {
    const seen = new Set<string>();
    const after = p.after.filter((r) => {
      const id = r.kind === "item" ? `#${r.item}` : r.key;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    return { item: i + 1, line: p.line, title: p.title, estimateDays: p.estimateDays, after };
  });
  return { ok: true, items };
}
