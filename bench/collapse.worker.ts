// Runs under tsx for bench/collapse.bench.mjs: times collapse and roll-up on generated project
// maps against one plain pass over the same map, in the same process; prints one JSON line.
import { performance } from "node:perf_hooks";
import { allPaperGroups, collapseMap, indexGroups } from "../lib/graph/collapse";
import { highlightSelection, mapPlan } from "../lib/graph/map-plan";
import { layoutMap } from "../lib/graph/map-layout";
import { syntheticProjectMap } from "../lib/graph/synthetic";
import type { MapEdge, MapNode, Point } from "../lib/graph/types";

const ROUNDS = Number(process.env.BENCH_COLLAPSE_ROUNDS ?? 20);
const today = 20_000;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** The baseline: index the nodes by id and re-point every edge through that index, once. */
function plainPass(nodes: readonly MapNode[], edges: readonly MapEdge[]): number {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let sum = 0;
  for (const e of edges) if (byId.get(e.source) && byId.get(e.target)) sum++;
  return sum;
}

/** Ours, as the map does it on a change: index, plan, collapse every paper, both highlights. */
function ours(nodes: readonly MapNode[], edges: readonly MapEdge[], positions: ReadonlyMap<string, Point>): number {
  const index = indexGroups(nodes, edges);
  const facts = mapPlan(nodes, edges, today);
  const view = collapseMap(nodes, edges, positions, allPaperGroups(index), { slipping: facts.slipping, index });
  return view.edges.length + highlightSelection(facts, edges, "critical").nodes.size + highlightSelection(facts, edges, "risk").nodes.size;
}

const results = [];
for (const size of [1_000, 5_000, 10_000]) {
  const { nodes, edges } = syntheticProjectMap({ nodes: size, seed: 11 });
  const positions = new Map(layoutMap(nodes, edges).positions.map((p) => [p.id, p]));
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < ROUNDS + 3; r++) {
    let t0 = performance.now();
    ours(nodes, edges, positions);
    const ms = performance.now() - t0;
    t0 = performance.now();
    plainPass(nodes, edges);
    const base = performance.now() - t0;
    if (r >= 3) {
      a.push(ms);
      b.push(base);
    }
  }
  results.push({ nodes: size, edges: edges.length, ours: median(a), baseline: median(b) });
}
console.log(JSON.stringify(results));
