// The history diff benchmark: two large, very different revisions of one handoff (~900,000
// characters each, sharing blank lines, fences and list markers all through), compared as the
// history page does. Ours: lib/handoff/diff (jsdiff under a budget of changed lines per part and
// time per comparison, then the page limit of 2,000 lines / 150,000 characters). Baseline: the
// implementation it replaced (linear-space Myers, every line drawn), read from git at BASELINE_COMMIT
// so both run on the same input in the same process.
// Second case: the same revision with every 60th line edited (within budget, but long), where the
// page limit decides how much is drawn.
//   BENCH diff ms=<ours> baseline=<before> ratio=<before/ours>          very different revisions
//   BENCH diff-edited ms=<ours> baseline=<before> ratio=<before/ours>   every 60th line edited
//   BENCH diff-lines lines=<drawn by ours> baseline=<drawn before> ratio=<before/ours>  (edited)
//   env: BENCH_DIFF_ROUNDS (default 3)
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { report, root } from "./lib.mjs";

// main before jsdiff replaced the hand-written Myers diff in lib/handoff/diff.ts.
const BASELINE_COMMIT = "46426e1";

function baselineFile() {
  const r = spawnSync("git", ["show", `${BASELINE_COMMIT}:lib/handoff/diff.ts`], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`cannot read the baseline diff from git (${BASELINE_COMMIT}): ${r.stderr}`);
  const dir = mkdtempSync(path.join(tmpdir(), "legible-diff-bench-"));
  // It imports only types, which tsx drops, so it runs from anywhere.
  const file = path.join(dir, "diff-baseline.ts");
  writeFileSync(file, r.stdout);
  return { file, dir };
}

function runWorker(file) {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [path.join(root, "bench", "diff.worker.ts"), file], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`diff worker exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? ""));
      } catch {
        reject(new Error(`diff worker printed no JSON: ${out.slice(0, 500)}`));
      }
    });
  });
}

export default async function diff() {
  const { file, dir } = baselineFile();
  try {
    const r = await runWorker(file);
    const { different: d, edited: e } = r;
    console.log(`# revisions of ~${r.chars.toLocaleString("en")} characters; median of ${r.rounds} rounds, ours and before interleaved`);
    console.log(`# very different: ours ${d.tooDifferent} parts too different to compare line by line; before: ${d.oldLines} lines drawn`);
    console.log(`# every 60th line edited: ours ${e.ours.toFixed(0)} ms, ${e.tooDifferent} parts too different, ${e.shownLines} lines drawn; before ${e.baseline.toFixed(0)} ms, ${e.oldLines} lines drawn`);
    report("diff", "ms", d.ours, "", d.baseline, { higherIsBetter: false });
    report("diff-edited", "ms", e.ours, "", e.baseline, { higherIsBetter: false });
    report("diff-lines", "lines", e.shownLines, "", e.oldLines, { higherIsBetter: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
