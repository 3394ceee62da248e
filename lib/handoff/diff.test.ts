import { describe, expect, it } from "vitest";
import { diffBudget, diffHandoffContent, diffLines as diffLinesOrNull, diffStats, diffWords, foldUnchanged, limitShown, pairChangedLines, splitLines, MAX_EDIT_LENGTH, type DiffLine, type FieldDiff } from "./diff";
import { DEFAULT_TEMPLATE_SECTIONS } from "@/lib/validation/template";
import { handoffContentSchema } from "@/lib/validation/handoff";

/** Length of a longest common subsequence, by dynamic programming: the reference. */
function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    prev = row;
  }
  return prev[b.length];
}

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The diff, within an ample budget (these inputs are all well inside it). */
function diffLines(a: string, b: string): DiffLine[] {
  const lines = diffLinesOrNull(a, b, diffBudget(60_000));
  if (!lines) throw new Error("over budget");
  return lines;
}

const sides = (lines: DiffLine[]) => ({
  old: lines.filter((l) => l.op !== "insert").map((l) => l.text),
  new: lines.filter((l) => l.op !== "delete").map((l) => l.text),
});

describe("splitLines", () => {
  it("drops one trailing newline and treats CRLF as LF", () => {
    expect(splitLines("")).toEqual([]);
    expect(splitLines("a")).toEqual(["a"]);
    expect(splitLines("a\n")).toEqual(["a"]);
    expect(splitLines("a\n\n")).toEqual(["a", ""]);
    expect(splitLines("a\r\nb\rc")).toEqual(["a", "b", "c"]);
  });
});

describe("diffLines", () => {
  it("marks nothing when the texts are equal", () => {
    const lines = diffLines("one\ntwo\n", "one\ntwo\n");
    expect(lines.map((l) => l.op)).toEqual(["equal", "equal"]);
    expect(lines.map((l) => [l.oldLine, l.newLine])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it("reports an added line with its new line number", () => {
    const lines = diffLines("a\nb\nc", "a\nb\nnew\nc");
    expect(lines).toEqual([
      { op: "equal", text: "a", oldLine: 1, newLine: 1 },
      { op: "equal", text: "b", oldLine: 2, newLine: 2 },
      { op: "insert", text: "new", oldLine: null, newLine: 3 },
      { op: "equal", text: "c", oldLine: 3, newLine: 4 },
    ]);
  });

  it("reports a removed line with its old line number", () => {
    expect(diffLines("a\nb\nc", "a\nc")).toEqual([
      { op: "equal", text: "a", oldLine: 1, newLine: 1 },
      { op: "delete", text: "b", oldLine: 2, newLine: null },
      { op: "equal", text: "c", oldLine: 3, newLine: 2 },
    ]);
  });

  it("shows a changed line as a deletion followed by an insertion", () => {
    expect(diffLines("x\nold\ny", "x\nnew\ny").map((l) => `${l.op}:${l.text}`)).toEqual(["equal:x", "delete:old", "insert:new", "equal:y"]);
  });

  it("handles empty texts on either side", () => {
    expect(diffLines("", "")).toEqual([]);
    expect(diffLines("", "a\nb").map((l) => l.op)).toEqual(["insert", "insert"]);
    expect(diffLines("a\nb", "").map((l) => l.op)).toEqual(["delete", "delete"]);
  });

  it("finds the classic Myers example's shortest script (ABCABBA → CBABAC: 5 edits)", () => {
    const lines = diffLines([..."ABCABBA"].join("\n"), [..."CBABAC"].join("\n"));
    const stats = diffStats(lines);
    expect(stats.added + stats.removed).toBe(5);
    expect(stats.unchanged).toBe(4);
    expect(sides(lines)).toEqual({ old: [..."ABCABBA"], new: [..."CBABAC"] });
  });

  it("replaces everything when two texts share no line", () => {
    const lines = diffLines("a\nb\nc", "x\ny");
    expect(lines.map((l) => l.op)).toEqual(["delete", "delete", "delete", "insert", "insert"]);
  });

  it("keeps repeated lines straight", () => {
    const lines = diffLines("-\n-\n-\nx\n-\n-", "-\n-\nx\n-\n-\n-");
    expect(sides(lines)).toEqual({ old: ["-", "-", "-", "x", "-", "-"], new: ["-", "-", "x", "-", "-", "-"] });
    const stats = diffStats(lines);
    expect(stats.added + stats.removed).toBe(2);
  });

  it("is a shortest edit script on random inputs (checked against an LCS table)", () => {
    const next = random(42);
    for (let round = 0; round < 400; round++) {
      const alphabet = 1 + Math.floor(next() * 6);
      const make = () => Array.from({ length: Math.floor(next() * 30) }, () => String.fromCharCode(97 + Math.floor(next() * alphabet)));
      const a = make();
      const b = next() < 0.3 ? a.filter(() => next() < 0.8).concat(make().slice(0, 3)) : make();
      const lines = diffLines(a.join("\n"), b.join("\n"));
      expect(sides(lines)).toEqual({ old: a, new: b });
      const stats = diffStats(lines);
      expect(stats.unchanged).toBe(lcsLength(a, b));
      // Line numbers count up on each side.
      expect(lines.filter((l) => l.oldLine !== null).map((l) => l.oldLine)).toEqual(a.map((_, i) => i + 1));
      expect(lines.filter((l) => l.newLine !== null).map((l) => l.newLine)).toEqual(b.map((_, i) => i + 1));
    }
  });

  it("puts deletions before insertions within a run of changes", () => {
    const next = random(7);
    for (let round = 0; round < 100; round++) {
      const make = () => Array.from({ length: 20 }, () => String(Math.floor(next() * 4)));
      const ops = diffLines(make().join("\n"), make().join("\n")).map((l) => l.op);
      for (let i = 1; i < ops.length; i++) expect(ops[i - 1] === "insert" && ops[i] === "delete").toBe(false);
    }
  });

  it("diffs two long texts: replaced whole when they share no line, exactly when few lines changed", () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `line ${i}`);
    const b = Array.from({ length: 20_000 }, (_, i) => `other ${i}`);
    expect(diffStats(diffLines(a.join("\n"), b.join("\n")))).toEqual({ added: 20_000, removed: 20_000, unchanged: 0 });
    const edited = a.map((line, i) => (i % 100 === 0 ? `${line} changed` : line));
    expect(diffStats(diffLines(a.join("\n"), edited.join("\n")))).toEqual({ added: 200, removed: 200, unchanged: 19_800 });
  });

  it("gives up (null), instead of searching on, when two texts need more edits than the budget", () => {
    const next = random(3);
    // Shared lines scattered through two long texts: the case that made the old diff search for seconds.
    const a = Array.from({ length: 15_000 }, () => String(Math.floor(next() * 40)));
    const b = Array.from({ length: 15_000 }, () => String(Math.floor(next() * 40)));
    expect(diffLinesOrNull(a.join("\n"), b.join("\n"))).toBeNull();
    // Within the edit budget the same kind of text is compared.
    const small = a.slice(0, MAX_EDIT_LENGTH / 4);
    const other = b.slice(0, MAX_EDIT_LENGTH / 4);
    expect(sides(diffLinesOrNull(small.join("\n"), other.join("\n"))!)).toEqual({ old: small, new: other });
  });

  it("gives up when the time budget is spent", () => {
    expect(diffLinesOrNull("a\nb\nc", "c\nb\na", { maxEditLength: 100, deadline: Date.now() - 1 })).toBeNull();
    // Prefix, suffix and texts sharing nothing need no search, so no time.
    expect(diffLinesOrNull("a\nb", "a\nc", { maxEditLength: 100, deadline: Date.now() - 1 })?.map((l) => l.op)).toEqual(["equal", "delete", "insert"]);
  });
});

describe("foldUnchanged", () => {
  const lines = (ops: string) => [...ops].map((c, i): DiffLine => ({ op: c === "+" ? "insert" : c === "-" ? "delete" : "equal", text: String(i), oldLine: null, newLine: null }));

  it("folds long unchanged runs, keeping context around changes", () => {
    const chunks = foldUnchanged(lines("==========+=========="), 3);
    expect(chunks.map((c) => [c.kind, c.lines.length])).toEqual([
      ["fold", 7],
      ["lines", 7],
      ["fold", 7],
    ]);
  });

  it("keeps short unchanged runs whole", () => {
    expect(foldUnchanged(lines("+=======-"), 3).map((c) => [c.kind, c.lines.length])).toEqual([["lines", 9]]);
    expect(foldUnchanged(lines("+========-"), 3).map((c) => [c.kind, c.lines.length])).toEqual([
      ["lines", 4],
      ["fold", 2],
      ["lines", 4],
    ]);
  });

  it("folds everything when nothing changed", () => {
    expect(foldUnchanged(lines("=====")).map((c) => c.kind)).toEqual(["fold"]);
    expect(foldUnchanged([])).toEqual([]);
  });
});

describe("diffWords and pairChangedLines", () => {
  it("highlights the changed words of a line", () => {
    const words = diffWords("p95 latency is 120 ms on A100", "p95 latency is 95 ms on H100");
    expect(words?.old.filter((p) => p.op === "delete").map((p) => p.text)).toEqual(["120", "A100"]);
    expect(words?.new.filter((p) => p.op === "insert").map((p) => p.text)).toEqual(["95", "H100"]);
    expect(words?.old.map((p) => p.text).join("")).toBe("p95 latency is 120 ms on A100");
  });

  it("gives up on lines that share too little", () => {
    expect(diffWords("completely different", "nothing alike here")).toBeNull();
  });

  it("pairs deleted lines with the inserted lines after them", () => {
    const lines = diffLines("a\nb\nc\nd", "a\nB\nC\nX\nd");
    const pairs = pairChangedLines(lines);
    const b = lines.find((l) => l.text === "b")!;
    expect(pairs.get(b)?.text).toBe("B");
    expect(pairs.get(lines.find((l) => l.text === "X")!)).toBeUndefined();
  });
});

describe("diffHandoffContent", () => {
  const base = handoffContentSchema.parse({
    title: "HouseDiffusion handoff",
    paperTitle: "HouseDiffusion",
    authors: ["Mohammad Amin Shabani", "Sepidehsadat Hosseini"],
    year: 2023,
    sections: { tldr: "One line.", method: "Diffusion over corners.\nTwo stages." },
    body: "",
  });

  it("reports which fields and sections changed, in template order", () => {
    const next = { ...base, year: 2022, authors: [...base.authors, "Yasutaka Furukawa"], sections: { ...base.sections, method: "Diffusion over corners.\nThree stages.", problem: "New problem." } };
    const diffs = diffHandoffContent(base, next, DEFAULT_TEMPLATE_SECTIONS);
    const changed = diffs.filter((d) => d.changed);
    expect(changed.map((d) => d.key)).toEqual(["authors", "year", "problem", "method"]);
    expect(changed.find((d) => d.key === "problem")?.status).toBe("added");
    expect(changed.find((d) => d.key === "method")?.stats).toEqual({ added: 1, removed: 1, unchanged: 1 });
    expect(changed.find((d) => d.key === "authors")?.stats).toEqual({ added: 1, removed: 0, unchanged: 2 });
    expect(diffs.find((d) => d.key === "tldr")?.status).toBe("unchanged");
    expect(diffs[diffs.length - 1].key).toBe("body");
  });

  it("includes sections the template no longer has, labelled from their key", () => {
    const next = { ...base, sections: { ...base.sections, old_notes: "Kept." } };
    const diff = diffHandoffContent(base, next, DEFAULT_TEMPLATE_SECTIONS).find((d) => d.key === "old_notes");
    expect(diff).toMatchObject({ label: "Old notes", status: "added", changed: true });
  });

  it("marks a section emptied in the new version as removed", () => {
    const next = { ...base, sections: { tldr: "One line." } };
    expect(diffHandoffContent(base, next, DEFAULT_TEMPLATE_SECTIONS).find((d) => d.key === "method")?.status).toBe("removed");
  });
});

describe("two large, very different revisions", () => {
  const next = random(11);
  const noise = () => Array.from({ length: 20_000 }, () => ["", "-", "```", String(Math.floor(next() * 50))][Math.floor(next() * 4)]).join("\n");
  const base = handoffContentSchema.parse({ title: "Big", sections: { method: noise(), results: "Same.\n" }, body: noise() });
  const next2 = { ...base, sections: { ...base.sections, method: noise() }, body: noise() };

  it("reports each part too different to compare line by line, with its sizes, within the budget", () => {
    const diffs = diffHandoffContent(base, next2, DEFAULT_TEMPLATE_SECTIONS);
    const method = diffs.find((d) => d.key === "method")!;
    expect(method).toMatchObject({ changed: true, status: "changed", lines: [] });
    expect(method.tooDifferent).toEqual({ oldLines: 20_000, newLines: 20_000, oldChars: base.sections.method.length, newChars: next2.sections.method.length });
    expect(diffs.find((d) => d.key === "body")?.tooDifferent).not.toBeNull();
    expect(diffs.find((d) => d.key === "results")).toMatchObject({ changed: false, tooDifferent: null });
  });
});

describe("limitShown", () => {
  const field = (key: string, lines: DiffLine[]): FieldDiff => ({ key, label: key.toUpperCase(), group: "section", lines, stats: diffStats(lines), changed: true, status: "changed", tooDifferent: null });
  const inserted = (n: number, text = "x") => Array.from({ length: n }, (_, i): DiffLine => ({ op: "insert", text, oldLine: null, newLine: i + 1 }));
  const shownLines = (s: ReturnType<typeof limitShown>) => s.fields.flatMap((f) => f.chunks.flatMap((c) => c.lines));

  it("shows everything under the limits", () => {
    const shown = limitShown([field("a", inserted(10)), field("b", inserted(5))], { lines: 100, chars: 1_000 });
    expect(shownLines(shown)).toHaveLength(15);
    expect(shown.hiddenLines).toBe(0);
  });

  it("stops at the line limit and counts the rest, naming the parts left out", () => {
    const shown = limitShown([field("a", inserted(30)), field("b", inserted(50)), field("c", inserted(7))], { lines: 40, chars: 1_000_000 });
    expect(shownLines(shown)).toHaveLength(40);
    expect(shown.hiddenLines).toBe(47);
    expect(shown.fields.map((f) => [f.diff.key, f.hiddenLines])).toEqual([
      ["a", 0],
      ["b", 40],
    ]);
    expect(shown.hiddenParts).toEqual(["C"]);
  });

  it("stops at the character limit, cutting a line longer than what is left", () => {
    const shown = limitShown([field("a", inserted(3, "y".repeat(400)))], { lines: 100, chars: 1_000 });
    const texts = shownLines(shown).map((l) => l.text.length);
    expect(texts).toEqual([400, 400, 201]);
    expect(shown.hiddenLines).toBe(0);
    const more = limitShown([field("a", inserted(4, "y".repeat(400)))], { lines: 100, chars: 1_000 });
    expect(more.hiddenLines).toBe(1);
  });

  it("counts folded unchanged lines too (they are in the page), showing a fold whole or not at all", () => {
    const equal = Array.from({ length: 100 }, (_, i): DiffLine => ({ op: "equal", text: "=", oldLine: i + 1, newLine: i + 1 }));
    const lines = [...inserted(1), ...equal, ...inserted(1)];
    const shown = limitShown([field("a", lines)], { lines: 50, chars: 1_000 });
    expect(shownLines(shown)).toHaveLength(4);
    expect(shown.hiddenLines).toBe(98);
  });

  it("shows a part too different to compare at no cost", () => {
    const far = { ...field("far", []), tooDifferent: { oldLines: 1, newLines: 2, oldChars: 3, newChars: 4 } };
    const shown = limitShown([far, field("a", inserted(3))], { lines: 3, chars: 100 });
    expect(shown.fields.map((f) => f.diff.key)).toEqual(["far", "a"]);
    expect(shown.hiddenLines).toBe(0);
  });
});
