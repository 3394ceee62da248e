// Line diffs between two revisions of a handoff, compared field by field and section by section.
// Pure: the history page only draws what these functions return.
//
// diffSequences is Myers' O(ND) algorithm in its linear-space form (find the "middle snake" of an
// optimal edit path, then recurse on both halves), so two long, very different texts cost memory
// proportional to their length, not to length × edits. The result is a shortest edit script:
// the equal lines are a longest common subsequence.
import type { HandoffContent } from "@/lib/validation/handoff";
import type { TemplateSection } from "@/lib/validation/template";

export type DiffOp = "equal" | "delete" | "insert";

/** One line of a diff, with its 1-based line number in the old text, the new text or both. */
export type DiffLine = { op: DiffOp; text: string; oldLine: number | null; newLine: number | null };

/** "a\nb\n" → ["a", "b"]; "" → []. CRLF and CR line endings count as LF. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

type Edit = { op: DiffOp; aIndex: number; bIndex: number };

/**
 * A shortest edit script turning `a` into `b`, as equal / delete / insert steps in order. Within
 * each run of changes, deletions come before insertions (the way diffs are read).
 */
export function diffSequences<T>(a: readonly T[], b: readonly T[], equals: (x: T, y: T) => boolean = Object.is): Edit[] {
  // Compare small integers, not the items: equal items get the same id.
  const ids: unknown[] = [];
  const idOf = (item: T): number => {
    for (let i = 0; i < ids.length; i++) if (equals(ids[i] as T, item)) return i;
    ids.push(item);
    return ids.length - 1;
  };
  const useMap = equals === Object.is;
  const map = new Map<T, number>();
  const toId = (item: T): number => {
    if (!useMap) return idOf(item);
    let id = map.get(item);
    if (id === undefined) {
      id = map.size;
      map.set(item, id);
    }
    return id;
  };
  const A = Int32Array.from(a, toId);
  const B = Int32Array.from(b, toId);
  const raw: Edit[] = [];
  compareRange(A, B, 0, A.length, 0, B.length, raw);
  return normalize(raw);
}

/** Appends the edits for A[aLo, aHi) → B[bLo, bHi) to `out`, in order. */
function compareRange(A: Int32Array, B: Int32Array, aLo: number, aHi: number, bLo: number, bHi: number, out: Edit[]): void {
  // Common prefix and suffix cost nothing to find and shrink the problem.
  while (aLo < aHi && bLo < bHi && A[aLo] === B[bLo]) out.push({ op: "equal", aIndex: aLo++, bIndex: bLo++ });
  let suffix = 0;
  while (aLo < aHi && bLo < bHi && A[aHi - 1] === B[bHi - 1]) {
    aHi--;
    bHi--;
    suffix++;
  }
  if (aLo === aHi) {
    for (let j = bLo; j < bHi; j++) out.push({ op: "insert", aIndex: aLo, bIndex: j });
  } else if (bLo === bHi) {
    for (let i = aLo; i < aHi; i++) out.push({ op: "delete", aIndex: i, bIndex: bLo });
  } else if (!shareAny(A, B, aLo, aHi, bLo, bHi)) {
    replaceRange(aLo, aHi, bLo, bHi, out);
  } else {
    const split = middleSnake(A, B, aLo, aHi, bLo, bHi);
    const progress = split && !(split[0] === aLo && split[1] === bLo) && !(split[0] === aHi && split[1] === bHi);
    if (split && progress) {
      compareRange(A, B, aLo, split[0], bLo, split[1], out);
      compareRange(A, B, split[0], aHi, split[1], bHi, out);
    } else {
      replaceRange(aLo, aHi, bLo, bHi, out);
    }
  }
  for (let s = 0; s < suffix; s++) out.push({ op: "equal", aIndex: aHi + s, bIndex: bHi + s });
}

function replaceRange(aLo: number, aHi: number, bLo: number, bHi: number, out: Edit[]): void {
  for (let i = aLo; i < aHi; i++) out.push({ op: "delete", aIndex: i, bIndex: bLo });
  for (let j = bLo; j < bHi; j++) out.push({ op: "insert", aIndex: aHi, bIndex: j });
}

/** Whether the two ranges have any item in common (if not, the answer is "replace it all", at once). */
function shareAny(A: Int32Array, B: Int32Array, aLo: number, aHi: number, bLo: number, bHi: number): boolean {
  const seen = new Set<number>();
  for (let i = aLo; i < aHi; i++) seen.add(A[i]);
  for (let j = bLo; j < bHi; j++) if (seen.has(B[j])) return true;
  return false;
}

/**
 * Work allowed in one middle-snake search (diagonals × steps). Past it, the search settles for
 * the furthest point the forward search reached: still a correct diff, no longer always the
 * shortest. Only pathological inputs (thousands of scattered changes in tens of thousands of
 * lines) get there; everything a person writes is diffed exactly.
 */
const SNAKE_BUDGET = 20_000_000;

/**
 * Myers' middle snake: runs the greedy search forward from the start and backward from the end
 * until the two paths overlap, and returns a point [x, y] (absolute indices) that lies on a
 * shortest edit path. Both ranges are non-empty and differ at both ends.
 */
function middleSnake(A: Int32Array, B: Int32Array, aLo: number, aHi: number, bLo: number, bHi: number): [number, number] | null {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const size = 2 * maxD + 2;
  const forward = new Int32Array(size).fill(-1);
  const backward = new Int32Array(size).fill(-1);
  forward[offset + 1] = 0;
  backward[offset + 1] = 0;
  const delta = n - m;
  // With an odd delta the forward path meets the backward one first; with an even delta, the reverse.
  const odd = (delta & 1) !== 0;
  let k1Start = 0;
  let k1End = 0;
  let k2Start = 0;
  let k2End = 0;
  for (let d = 0; d < maxD; d++) {
    if (d > 0 && d * (n + m) > SNAKE_BUDGET) return furthestForward(forward, offset, d, n, m, aLo, bLo);
    for (let k1 = -d + k1Start; k1 <= d - k1End; k1 += 2) {
      const i1 = offset + k1;
      let x1 = k1 === -d || (k1 !== d && forward[i1 - 1] < forward[i1 + 1]) ? forward[i1 + 1] : forward[i1 - 1] + 1;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && A[aLo + x1] === B[bLo + y1]) {
        x1++;
        y1++;
      }
      forward[i1] = x1;
      if (x1 > n) k1End += 2;
      else if (y1 > m) k1Start += 2;
      else if (odd) {
        const i2 = offset + delta - k1;
        if (i2 >= 0 && i2 < size && backward[i2] !== -1 && x1 >= n - backward[i2]) return [aLo + x1, bLo + y1];
      }
    }
    for (let k2 = -d + k2Start; k2 <= d - k2End; k2 += 2) {
      const i2 = offset + k2;
      let x2 = k2 === -d || (k2 !== d && backward[i2 - 1] < backward[i2 + 1]) ? backward[i2 + 1] : backward[i2 - 1] + 1;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && A[aHi - 1 - x2] === B[bHi - 1 - y2]) {
        x2++;
        y2++;
      }
      backward[i2] = x2;
      if (x2 > n) k2End += 2;
      else if (y2 > m) k2Start += 2;
      else if (!odd) {
        const i1 = offset + delta - k2;
        if (i1 >= 0 && i1 < size && forward[i1] !== -1) {
          const x1 = forward[i1];
          const y1 = offset + x1 - i1;
          if (x1 >= n - x2) return [aLo + x1, bLo + y1];
        }
      }
    }
  }
  return null;
}

/** The forward point with the most progress (x + y) after d - 1 steps: a valid, if not optimal, split. */
function furthestForward(forward: Int32Array, offset: number, d: number, n: number, m: number, aLo: number, bLo: number): [number, number] | null {
  let best: [number, number] | null = null;
  let bestScore = -1;
  for (let k = -(d - 1); k <= d - 1; k += 2) {
    const x = forward[offset + k];
    const y = x - k;
    if (x < 0 || x > n || y < 0 || y > m) continue;
    if (x + y > bestScore && !(x === n && y === m)) {
      bestScore = x + y;
      best = [aLo + x, bLo + y];
    }
  }
  return best;
}

/** Within each run of changes, deletions first, then insertions. */
function normalize(edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  let deletes: Edit[] = [];
  let inserts: Edit[] = [];
  const flush = () => {
    out.push(...deletes, ...inserts);
    deletes = [];
    inserts = [];
  };
  for (const edit of edits) {
    if (edit.op === "equal") {
      flush();
      out.push(edit);
    } else if (edit.op === "delete") deletes.push(edit);
    else inserts.push(edit);
  }
  flush();
  return out;
}

/** The line diff of two texts: every line of both, marked equal, deleted (old only) or inserted (new only). */
export function diffLines(a: string, b: string): DiffLine[] {
  const oldLines = splitLines(a);
  const newLines = splitLines(b);
  return diffSequences(oldLines, newLines).map((edit) => {
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
 * Null when the lines share too little for highlighting to help.
 */
export function diffWords(oldText: string, newText: string): { old: WordPart[]; new: WordPart[] } | null {
  const a = oldText.match(TOKEN) ?? [];
  const b = newText.match(TOKEN) ?? [];
  // Long lines are compared whole: word diffs of a rewritten paragraph are noise, and slow.
  if (a.length * b.length > 250_000) return null;
  const edits = diffSequences(a, b);
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

function fieldDiff(key: string, label: string, group: FieldGroup, before: string, after: string): FieldDiff {
  const lines = before === after ? splitLines(after).map((text, i) => ({ op: "equal" as const, text, oldLine: i + 1, newLine: i + 1 })) : diffLines(before, after);
  const stats = diffStats(lines);
  const changed = stats.added > 0 || stats.removed > 0;
  const status = !changed ? "unchanged" : before.trim() === "" ? "added" : after.trim() === "" ? "removed" : "changed";
  return { key, label, group, lines, stats, changed, status };
}

/**
 * Every field of two handoff versions compared: the paper fields, then the sections in template
 * order (sections the template no longer has come after, by key), then the free Markdown body.
 */
export function diffHandoffContent(before: HandoffContent, after: HandoffContent, template: readonly TemplateSection[]): FieldDiff[] {
  const out: FieldDiff[] = PAPER_FIELDS.map(({ key, label }) => fieldDiff(key, label, "paper", fieldText(before, key), fieldText(after, key)));
  const known = new Set(template.map((s) => s.key));
  const extra = [...new Set([...Object.keys(before.sections), ...Object.keys(after.sections)])].filter((k) => !known.has(k)).sort();
  for (const section of template) {
    out.push(fieldDiff(section.key, section.title, "section", before.sections[section.key] ?? "", after.sections[section.key] ?? ""));
  }
  for (const key of extra) out.push(fieldDiff(key, humanizeKey(key), "section", before.sections[key] ?? "", after.sections[key] ?? ""));
  out.push(fieldDiff("body", "Notes", "body", before.body, after.body));
  return out;
}
