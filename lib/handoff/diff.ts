// Line diffs between two revisions of a handoff, compared field by field and section by section.
// Pure: the history page and the editor's conflict view only draw what these functions return.
//
// The one text diff of the app is jsdiff's Myers diff (package "diff"), run with a work budget:
// at most MAX_EDIT_LENGTH changed lines per part and a time budget per comparison. Over budget,
// a part is reported as too different to compare line by line (with the sizes of both sides)
// instead of blocking the request. Common prefix and suffix are matched first, and two ranges
// that share no line are one replacement, so neither costs any search.
import { diffArrays } from "diff";
import type { HandoffContent } from "@/lib/validation/handoff";
import { LIMITS } from "@/lib/validation/limits";
import type { TemplateSection } from "@/lib/validation/template";

export type DiffOp = "equal" | "delete" | "insert";

/** One line of a diff, with its 1-based line number in the old text, the new text or both. */
export type DiffLine = { op: DiffOp; text: string; oldLine: number | null; newLine: number | null };

/** Changed lines (deleted + inserted) one part may have and still be compared line by line. */
export const MAX_EDIT_LENGTH = LIMITS.history.diffEdits;
/** Time one whole comparison (every part of two versions) may take, in milliseconds. */
export const DIFF_TIME_BUDGET_MS = LIMITS.history.diffMs;

/** How much work a diff may do: edits per comparison, and a wall-clock deadline (Date.now() based). */
export type DiffBudget = { maxEditLength: number; deadline: number };

export function diffBudget(ms: number = DIFF_TIME_BUDGET_MS, maxEditLength: number = MAX_EDIT_LENGTH): DiffBudget {
  return { maxEditLength, deadline: Date.now() + ms };
}

/** "a\nb\n" → ["a", "b"]; "" → []. CRLF and CR line endings count as LF. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

type Edit = { op: DiffOp; aIndex: number; bIndex: number };

/**
 * A shortest edit script turning `a` into `b` (equal / delete / insert steps in order, deletions
 * before insertions within each run of changes), or null when it needs more than the budget's
 * edits or time.
 */
export function diffSequences<T>(a: readonly T[], b: readonly T[], budget: DiffBudget = diffBudget()): Edit[] | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: Edit[] = [];
  for (let i = 0; i < start; i++) out.push({ op: "equal", aIndex: i, bIndex: i });
  if (!middle(a, b, start, endA, endB, budget, out)) return null;
  for (let i = endA, j = endB; i < a.length; i++, j++) out.push({ op: "equal", aIndex: i, bIndex: j });
  return out;
}

function middle<T>(a: readonly T[], b: readonly T[], start: number, endA: number, endB: number, budget: DiffBudget, out: Edit[]): boolean {
  const replace = () => {
    for (let i = start; i < endA; i++) out.push({ op: "delete", aIndex: i, bIndex: start });
    for (let j = start; j < endB; j++) out.push({ op: "insert", aIndex: endA, bIndex: j });
    return true;
  };
  if (start === endA || start === endB) return replace();
  const seen = new Set<T>();
  for (let i = start; i < endA; i++) seen.add(a[i]);
  let shared = false;
  for (let j = start; j < endB && !shared; j++) shared = seen.has(b[j]);
  if (!shared) return replace();
  const timeout = budget.deadline - Date.now();
  if (timeout <= 0) return false;
  const changes = diffArrays(a.slice(start, endA), b.slice(start, endB), { maxEditLength: budget.maxEditLength, timeout });
  if (!changes) return false;
  let i = start;
  let j = start;
  let inserts: Edit[] = [];
  for (const change of changes) {
    const count = change.value.length;
    if (change.removed) {
      for (let n = 0; n < count; n++) out.push({ op: "delete", aIndex: i++, bIndex: j });
    } else if (change.added) {
      for (let n = 0; n < count; n++) inserts.push({ op: "insert", aIndex: i, bIndex: j++ });
    } else {
      out.push(...inserts);
      inserts = [];
      for (let n = 0; n < count; n++) out.push({ op: "equal", aIndex: i++, bIndex: j++ });
    }
  }
  out.push(...inserts);
  return true;
}

/**
 * The line diff of two texts: every line of both, marked equal, deleted (old only) or inserted
 * (new only); null when the texts are too different to compare within the budget.
 */
export function diffLines(a: string, b: string, budget: DiffBudget = diffBudget()): DiffLine[] | null {
  const oldLines = splitLines(a);
  const newLines = splitLines(b);
  const edits = diffSequences(oldLines, newLines, budget);
  if (!edits) return null;
  return edits.map((edit) => {
    if (edit.op === "equal") return { op: "equal", text: oldLines[edit.aIndex], oldLine: edit.aIndex + 1, newLine: edit.bIndex + 1 };
    if (edit.op === "delete") return { op: "delete", text: oldLines[edit.aIndex], oldLine: edit.aIndex + 1, newLine: null };
    return { op: "insert", text: newLines[edit.bIndex], oldLine: null, newLine: edit.bIndex + 1 };
  });
}

export type DiffStats = { added: number; removed: number; unchanged: number };

export function diffStats(lines: readonly DiffLine[]): DiffStats {
  const stats = { added: 0, removed: 0, unchanged: 0 };
  for (const line of lines) {
    if (line.op === "insert") stats.added++;
    else if (line.op === "delete") stats.removed++;
    else stats.unchanged++;
  }
  return stats;
}

/** A run of a diff to show, or a run of unchanged lines folded away. */
export type DiffChunk = { kind: "lines"; lines: DiffLine[] } | { kind: "fold"; lines: DiffLine[] };

/**
 * Folds unchanged runs longer than 2 × `context` + 1 lines, keeping `context` lines around
 * every change (and at the start or end only where a change is near).
 */
export function foldUnchanged(lines: readonly DiffLine[], context = 3): DiffChunk[] {
  const chunks: DiffChunk[] = [];
  let shown: DiffLine[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].op !== "equal") {
      shown.push(lines[i++]);
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j].op === "equal") j++;
    const run = lines.slice(i, j);
    const keepBefore = i === 0 ? 0 : context;
    const keepAfter = j === lines.length ? 0 : context;
    if (run.length > keepBefore + keepAfter + 1) {
      shown.push(...run.slice(0, keepBefore));
      if (shown.length) chunks.push({ kind: "lines", lines: shown });
      chunks.push({ kind: "fold", lines: run.slice(keepBefore, run.length - keepAfter) });
      shown = run.slice(run.length - keepAfter);
    } else {
      shown.push(...run);
    }
    i = j;
  }
  if (shown.length) chunks.push({ kind: "lines", lines: shown });
  return chunks;
}

/** A piece of a changed line: text both versions share, or text only one of them has. */
export type WordPart = { op: DiffOp; text: string };

const TOKEN = /\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;

/**
 * Word-level diff of two versions of one line, for highlighting what changed inside it:
 * returns the old line's parts (equal + delete) and the new line's parts (equal + insert).
 * Null when the lines share too little for highlighting to help, or the budget is spent.
 */
export function diffWords(oldText: string, newText: string, budget: DiffBudget = diffBudget(50, 200)): { old: WordPart[]; new: WordPart[] } | null {
  const a = oldText.match(TOKEN) ?? [];
  const b = newText.match(TOKEN) ?? [];
  // Long lines are compared whole: word diffs of a rewritten paragraph are noise, and slow.
  if (a.length * b.length > 250_000) return null;
  // At most 200 word edits, in whatever time is left of the budget (one for the whole page).
  const edits = diffSequences(a, b, { maxEditLength: Math.min(200, budget.maxEditLength), deadline: budget.deadline });
  if (!edits) return null;
  const oldParts: WordPart[] = [];
  const newParts: WordPart[] = [];
  let shared = 0;
  const push = (parts: WordPart[], op: DiffOp, text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  for (const edit of edits) {
    if (edit.op === "equal") {
      const token = a[edit.aIndex];
      if (token.trim()) shared += token.length;
      push(oldParts, "equal", token);
      push(newParts, "equal", token);
    } else if (edit.op === "delete") push(oldParts, "delete", a[edit.aIndex]);
    else push(newParts, "insert", b[edit.bIndex]);
  }
  const longest = Math.max(oldText.replace(/\s+/g, "").length, newText.replace(/\s+/g, "").length);
  if (longest === 0 || shared / longest < 0.4) return null;
  return { old: oldParts, new: newParts };
}

/** Pairs each run of deleted lines with the inserted lines that follow it, line by line, for word highlighting. */
export function pairChangedLines(lines: readonly DiffLine[]): Map<DiffLine, DiffLine> {
  const pairs = new Map<DiffLine, DiffLine>();
  let i = 0;
  while (i < lines.length) {
    if (lines[i].op !== "delete") {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j].op === "delete") j++;
    let k = j;
    while (k < lines.length && lines[k].op === "insert") k++;
    const count = Math.min(j - i, k - j);
    for (let p = 0; p < count; p++) {
      pairs.set(lines[i + p], lines[j + p]);
      pairs.set(lines[j + p], lines[i + p]);
    }
    i = k;
  }
  return pairs;
}

// ---------- Handoff revisions, field by field ----------

export type FieldGroup = "paper" | "section" | "body";

export type FieldDiff = {
  key: string;
  label: string;
  group: FieldGroup;
  lines: DiffLine[];
  stats: DiffStats;
  changed: boolean;
  /** Empty in the old version (added whole) or in the new one (removed whole). */
  status: "added" | "removed" | "changed" | "unchanged";
  /** Set (and `lines` empty) when the part was too different to compare line by line within the budget. */
  tooDifferent: null | { oldLines: number; newLines: number; oldChars: number; newChars: number };
};

const PAPER_FIELDS: { key: keyof HandoffContent; label: string }[] = [
  { key: "title", label: "Title" },
  { key: "paperTitle", label: "Paper title" },
  { key: "authors", label: "Authors" },
  { key: "venue", label: "Venue" },
  { key: "year", label: "Year" },
  { key: "arxivId", label: "arXiv id" },
  { key: "doi", label: "DOI" },
  { key: "url", label: "URL" },
  { key: "bibtex", label: "BibTeX" },
];

function fieldText(content: HandoffContent, key: keyof HandoffContent): string {
  const value = content[key];
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join("\n");
  if (typeof value === "object") return "";
  return String(value);
}

function humanizeKey(key: string): string {
  const words = key.replace(/_/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

function fieldDiff(key: string, label: string, group: FieldGroup, before: string, after: string, budget: DiffBudget): FieldDiff {
  const lines = before === after ? splitLines(after).map((text, i) => ({ op: "equal" as const, text, oldLine: i + 1, newLine: i + 1 })) : diffLines(before, after, budget);
  if (!lines) {
    const tooDifferent = { oldLines: splitLines(before).length, newLines: splitLines(after).length, oldChars: before.length, newChars: after.length };
    return { key, label, group, lines: [], stats: { added: 0, removed: 0, unchanged: 0 }, changed: true, status: "changed", tooDifferent };
  }
  const stats = diffStats(lines);
  const changed = stats.added > 0 || stats.removed > 0;
  const status = !changed ? "unchanged" : before.trim() === "" ? "added" : after.trim() === "" ? "removed" : "changed";
  return { key, label, group, lines, stats, changed, status, tooDifferent: null };
}

/**
 * Every field of two handoff versions compared: the paper fields, then the sections in template
 * order (sections the template no longer has come after, by key), then the free Markdown body.
 */
export function diffHandoffContent(before: HandoffContent, after: HandoffContent, template: readonly TemplateSection[], budget: DiffBudget = diffBudget()): FieldDiff[] {
  const out: FieldDiff[] = PAPER_FIELDS.map(({ key, label }) => fieldDiff(key, label, "paper", fieldText(before, key), fieldText(after, key), budget));
  const known = new Set(template.map((s) => s.key));
  const extra = [...new Set([...Object.keys(before.sections), ...Object.keys(after.sections)])].filter((k) => !known.has(k)).sort();
  for (const section of template) {
    out.push(fieldDiff(section.key, section.title, "section", before.sections[section.key] ?? "", after.sections[section.key] ?? "", budget));
  }
  for (const key of extra) out.push(fieldDiff(key, humanizeKey(key), "section", before.sections[key] ?? "", after.sections[key] ?? "", budget));
  out.push(fieldDiff("body", "Notes", "body", before.body, after.body, budget));
  return out;
}

// ---------- What one page shows ----------

/** A comparison page shows at most this many diff lines and characters of text; the rest is counted. */
export const SHOWN_LIMITS: { lines: number; chars: number } = { lines: LIMITS.history.shownLines, chars: LIMITS.history.shownChars };

export type ShownField = { diff: FieldDiff; chunks: DiffChunk[]; hiddenLines: number };
export type ShownDiff = { fields: ShownField[]; hiddenLines: number; hiddenParts: string[] };

/**
 * The changed parts as the page draws them (unchanged stretches folded), cut once the shown lines
 * (folded ones included: they are in the page too) or characters reach the limits. A fold is
 * shown whole or not at all; a single line longer than what is left is cut, ending in "…".
 */
export function limitShown(diffs: readonly FieldDiff[], limits = SHOWN_LIMITS, context = 3): ShownDiff {
  let lines = limits.lines;
  let chars = limits.chars;
  const fields: ShownField[] = [];
  const hiddenParts: string[] = [];
  let hiddenLines = 0;
  for (const diff of diffs) {
    if (!diff.changed) continue;
    if (diff.tooDifferent) {
      fields.push({ diff, chunks: [], hiddenLines: 0 });
      continue;
    }
    if (lines <= 0 || chars <= 0) {
      hiddenLines += diff.lines.length;
      hiddenParts.push(diff.label);
      continue;
    }
    const chunks: DiffChunk[] = [];
    let shown = 0;
    let full = false;
    for (const chunk of foldUnchanged(diff.lines, context)) {
      if (full) break;
      if (chunk.kind === "fold") {
        const size = chunk.lines.reduce((n, l) => n + l.text.length, 0);
        if (chunk.lines.length > lines || size > chars) {
          full = true;
          break;
        }
        chunks.push(chunk);
        lines -= chunk.lines.length;
        chars -= size;
        shown += chunk.lines.length;
        continue;
      }
      const kept: DiffLine[] = [];
      for (const line of chunk.lines) {
        if (lines <= 0 || chars <= 0) {
          full = true;
          break;
        }
        kept.push(line.text.length > chars ? { ...line, text: `${line.text.slice(0, chars)}…` } : line);
        lines--;
        chars -= Math.min(chars, line.text.length);
      }
      if (kept.length) chunks.push({ kind: "lines", lines: kept });
      shown += kept.length;
    }
    fields.push({ diff, chunks, hiddenLines: diff.lines.length - shown });
    hiddenLines += diff.lines.length - shown;
    if (full && lines > 0 && chars > 0) lines = 0;
  }
  return { fields, hiddenLines, hiddenParts };
}
