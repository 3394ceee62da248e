import { describe, expect, it } from "vitest";
import { diffHandoffContent, diffLines, diffSequences, diffStats, diffWords, foldUnchanged, pairChangedLines, splitLines, type DiffLine } from "./diff";
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

  it("diffs two long, different texts quickly and in little memory", () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `line ${i}`);
    const b = Array.from({ length: 20_000 }, (_, i) => `other ${i}`);
    const started = performance.now();
    const stats = diffStats(diffLines(a.join("\n"), b.join("\n")));
    expect(stats).toEqual({ added: 20_000, removed: 20_000, unchanged: 0 });
    const edited = a.map((line, i) => (i % 100 === 0 ? `${line} changed` : line));
    const small = diffStats(diffLines(a.join("\n"), edited.join("\n")));
    expect(small).toEqual({ added: 200, removed: 200, unchanged: 19_800 });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("stays correct and fast on pathological input (thousands of scattered changes)", () => {
    const next = random(3);
    const a = Array.from({ length: 15_000 }, () => String(Math.floor(next() * 40)));
    const b = Array.from({ length: 15_000 }, () => String(Math.floor(next() * 40)));
    const started = performance.now();
    const lines = diffLines(a.join("\n"), b.join("\n"));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(sides(lines)).toEqual({ old: a, new: b });
  });
});

describe("diffSequences", () => {
  it("accepts a custom equality", () => {
    const edits = diffSequences(["A", "b"], ["a", "B", "c"], (x, y) => x.toLowerCase() === y.toLowerCase());
    expect(edits.map((e) => e.op)).toEqual(["equal", "equal", "insert"]);
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
