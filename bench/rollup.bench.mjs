// The plan rollup benchmark: a generated project of 5,000 milestones and 10,000 dependencies
// (lib/graph/plan-random.ts, seed 9). Ours: lib/graph/plan.ts computePlan (progress rollup,
// blocked propagation with the nearest cause, earliest dates with slip, critical path) plus the
// progress of 100 handoffs and the critical path to 50 milestones. Baseline: one plain topological
// sort (Kahn) of the same graph, in the same process. Medians of interleaved rounds.
//   BENCH rollup ms=<ours> baseline=<topological sort> ratio=<ours/baseline>      targets < 50 ms, ≤ 5
//   BENCH rollup-subtrees ms=<ours + subtree progress of every milestone> baseline=<topological sort> ratio=<…>
//   env: BENCH_ROLLUP_ROUNDS (default 30)
// Run: npm run bench -- rollup
import { spawn } from "node:child_process";
import path from "node:path";
import { root } from "./lib.mjs";

function runWorker() {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [path.join(root, "bench", "rollup.worker.ts")], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`rollup worker exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? ""));
      } catch {
        reject(new Error(`rollup worker printed no JSON: ${out.slice(0, 500)}`));
      }
    });
  });
}

// Printed here rather than with report() (which divides baseline by ours for lower-is-better
// figures): this ratio is ours / baseline, as the issue asks.
const fmt = (v) => (v >= 100 ? Math.round(v).toString() : v.toFixed(2));

export default async function rollup() {
  const r = await runWorker();
  console.log(`BENCH rollup ms=${fmt(r.ours)} baseline=${fmt(r.baseline)} ratio=${(r.ours / r.baseline).toFixed(2)}`);
  console.log(`BENCH rollup-subtrees ms=${fmt(r.subtrees)} baseline=${fmt(r.baseline)} ratio=${(r.subtrees / r.baseline).toFixed(2)}`);
}
