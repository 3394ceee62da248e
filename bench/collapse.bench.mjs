// The collapse benchmark: generated project maps (lib/graph/synthetic.ts, seed 11) of 1,000, 5,000
// and 10,000 nodes. Ours: what the map computes on a change of the collapsed groups or the graph,
// the group index, the plan (lib/graph/map-plan), every paper collapsed (lib/graph/collapse) and
// both highlights. Baseline: one plain pass over the same map (index nodes by id, look up both
// ends of every edge), in the same process. Medians of interleaved rounds; a ratio that stays
// flat from 1,000 to 10,000 nodes says the work is linear.
//   BENCH collapse nodes=<n> ms=<ours> baseline=<plain pass> ratio=<ours/baseline>
//   env: BENCH_COLLAPSE_ROUNDS (default 20)
// Run: npm run bench -- collapse
import { spawn } from "node:child_process";
import path from "node:path";
import { root } from "./lib.mjs";

function runWorker() {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["--tsconfig", path.join(root, "tsconfig.json"), path.join(root, "bench", "collapse.worker.ts")], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`collapse worker exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? ""));
      } catch {
        reject(new Error(`collapse worker printed no JSON: ${out.slice(0, 500)}`));
      }
    });
  });
}

const fmt = (v) => (v >= 100 ? Math.round(v).toString() : v.toFixed(2));

export default async function collapse() {
  for (const r of await runWorker()) console.log(`BENCH collapse nodes=${r.nodes} ms=${fmt(r.ours)} baseline=${fmt(r.baseline)} ratio=${(r.ours / r.baseline).toFixed(2)}`);
}
