// Worker for bench/diff.bench.mjs, run with tsx. Builds two large, very different revisions of one
// handoff (five sections at the section cap and a long body, made of the lines Markdown repeats:
// blank lines, list items, fences, table rows, so the two share lines all through and a diff must
// search) and times what the history page computes for them: ours (lib/handoff/diff: jsdiff under
// a work budget, then the page limit) against the implementation before it (linear-space Myers,
// no page limit), loaded from the file given as argv[2]. Interleaved rounds; prints one JSON line.
//   env: BENCH_DIFF_ROUNDS (default 3)
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { diffHandoffContent, limitShown } from "../lib/handoff/diff";
import { LIMITS } from "../lib/validation/limits";
import { DEFAULT_TEMPLATE_SECTIONS } from "../lib/validation/template";
import { handoffContentSchema, type HandoffContent } from "../lib/validation/handoff";

type Old = { diffHandoffContent: (a: HandoffContent, b: HandoffContent, t: typeof DEFAULT_TEMPLATE_SECTIONS) => { lines: unknown[]; changed: boolean }[] };

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = ["", "", "-", "```", "---", "| --- | --- |", "$$", "</details>"];

function text(next: () => number, chars: number): string {
  const lines: string[] = [];
  let size = 0;
  while (size < chars - 40) {
    const line = next() < 0.5 ? COMMON[Math.floor(next() * COMMON.length)] : `- step ${Math.floor(next() * 300)}: ${Math.floor(next() * 1e6)}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join("\n");
}

function revision(seed: number): HandoffContent {
  const next = random(seed);
  const keys = DEFAULT_TEMPLATE_SECTIONS.slice(0, 5).map((s) => s.key);
  const sections = Object.fromEntries(keys.map((k) => [k, text(next, LIMITS.handoff.section)]));
  return handoffContentSchema.parse({ title: "Large handoff", sections, body: text(next, 400_000) });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The same revision with every 60th line of each part changed: within budget, but long. */
function edited(c: HandoffContent): HandoffContent {
  const edit = (t: string) => t.split("\n").map((l, i) => (i % 60 === 30 ? `${l} (edited)` : l)).join("\n");
  return { ...c, sections: Object.fromEntries(Object.entries(c.sections).map(([k, v]) => [k, edit(v)])), body: edit(c.body) };
}

type Diffs = ReturnType<typeof diffHandoffContent>;
const drawn = (diffs: Diffs) => limitShown(diffs).fields.reduce((n, f) => n + f.chunks.reduce((m, c) => m + c.lines.length, 0), 0);

function measure(old: Old, a: HandoffContent, b: HandoffContent, rounds: number) {
  const ours: number[] = [];
  const baseline: number[] = [];
  let diffs: Diffs = [];
  let oldLines = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    diffs = diffHandoffContent(a, b, DEFAULT_TEMPLATE_SECTIONS);
    limitShown(diffs);
    ours.push(performance.now() - t);
    t = performance.now();
    const was = old.diffHandoffContent(a, b, DEFAULT_TEMPLATE_SECTIONS);
    baseline.push(performance.now() - t);
    oldLines = was.filter((d) => d.changed).reduce((n, d) => n + d.lines.length, 0);
  }
  return { ours: median(ours), baseline: median(baseline), shownLines: drawn(diffs), oldLines, tooDifferent: diffs.filter((d) => d.tooDifferent).length };
}

async function main() {
  const old: Old = await import(pathToFileURL(process.argv[2]).href);
  const before = revision(1);
  const rounds = Number(process.env.BENCH_DIFF_ROUNDS ?? 3);
  const different = measure(old, before, revision(2), rounds);
  const similar = measure(old, before, edited(before), rounds);
  const chars = Object.values(before.sections).reduce((n, s) => n + s.length, before.body.length);
  console.log(JSON.stringify({ different, edited: similar, chars, rounds }));
}

void main();
