// The layout benchmark, in Node: our layout (lib/graph/map-layout layoutMap: lanes Papers |
// Milestones | services by layer, cycle breaking, layering, ordering, coordinates, routes) against
// dagre (@dagrejs/dagre, ranker "tight-tree", rankdir LR, the same gaps) on the same generated
// project maps (lib/graph/synthetic syntheticProjectMap, seed 1: 10% papers, 60% milestones, 30%
// services, about 1.9 links per node), the same node sizes (NODE_SIZE) and the same edges.
//   BENCH layout nodes=<n> ms=<ours> baseline=<dagre ms> ratio=<baseline/ours> crossings=<ours> baseline_crossings=<dagre's>
// for 1,000, 5,000 and 10,000 nodes. Targets: ≤ 20 ms, ≤ 100 ms, ≤ 250 ms; crossings ≤ dagre's.
//
// Timing. Each engine runs in its own child process (bench/layout.worker.ts under tsx). Ours:
// 5 warm-up runs, then the median of BENCH_LAYOUT_ROUNDS (default 15) runs. dagre: one run (it
// takes seconds to minutes), killed after 60 s; then the line reads baseline=timeout ratio=n/a
// baseline_crossings=n/a. Both times include building each engine's own graph from the nodes and
// edges (ours: layoutMap's whole call; dagre: new Graph, setNode/setEdge, layout).
//
// Crossings, counted the same way for both (bench/layout-crossings.ts): over each drawing's proper
// layered graph, between adjacent layers. Every edge is split at every layer it spans, and
// positioned by the layout's own per-layer order: the vertical position where it passes each
// layer. For ours: node layers from positions[].layer, node centres, and the edge's route
// waypoints (one per layer crossed; a route gives two points per layer, at the column's left and
// right edges, at the same height); an edge left without a route (over the dummy-node budget,
// which these sizes never reach) would be interpolated straight. For dagre: its node ranks
// (dagre writes rank and order back onto the nodes) and its edge points, which hold the two
// border intersections and one point per dummy node, i.e. one per rank between the ends
// (checked: the bench throws if the count differs). dagre doubles every edge's minimum length,
// so its drawing has dummy-only ranks between node ranks; they are layers of its proper layered
// graph like any other, so a pair of edges that swaps and swaps back there counts twice, as it is
// drawn. Two segments between adjacent layers cross when their order on the left is strictly the
// reverse of their order on the right; segments sharing an end (bundled edges sharing a
// waypoint, edges of one node) do not cross. Counted per edge: a bundle of k edges crossing a
// single edge counts k. Same-layer edges (none here) are not counted.
//
// Run: npm run bench -- layout         env: BENCH_LAYOUT_SIZES (default 1000,5000,10000),
//                                           BENCH_LAYOUT_ROUNDS, BENCH_LAYOUT_TIMEOUT_MS (60000)
import { spawn } from "node:child_process";
import path from "node:path";
import { root } from "./lib.mjs";

const SIZES = (process.env.BENCH_LAYOUT_SIZES ?? "1000,5000,10000").split(",").map(Number);
const ROUNDS = Number(process.env.BENCH_LAYOUT_ROUNDS ?? 15);
const TIMEOUT_MS = Number(process.env.BENCH_LAYOUT_TIMEOUT_MS ?? 60_000);

/** Runs one engine on one size in a child process; null when it does not finish in time. */
function runWorker(engine, nodes, timeoutMs) {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [path.join(root, "bench", "layout.worker.ts"), engine, String(nodes), String(ROUNDS)], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
      detached: true, // its own process group, so a timeout ends tsx and the node it runs
    });
    let out = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (timedOut) return resolve(null);
      if (code !== 0) return reject(new Error(`layout worker (${engine}, ${nodes}) exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? ""));
      } catch {
        reject(new Error(`layout worker printed no JSON: ${out.slice(0, 500)}`));
      }
    });
  });
}

const fmt = (v) => (v >= 100 ? Math.round(v).toString() : v.toFixed(2));

export default async function layout() {
  for (const nodes of SIZES) {
    const ours = await runWorker("ours", nodes, 10 * TIMEOUT_MS);
    const dagre = await runWorker("dagre", nodes, TIMEOUT_MS);
    const baseline = dagre ? fmt(dagre.ms) : "timeout";
    const ratio = dagre ? (dagre.ms / ours.ms).toFixed(2) : "n/a";
    console.log(`BENCH layout nodes=${nodes} ms=${fmt(ours.ms)} baseline=${baseline} ratio=${ratio} crossings=${ours.crossings} baseline_crossings=${dagre ? dagre.crossings : "n/a"}`);
  }
}
