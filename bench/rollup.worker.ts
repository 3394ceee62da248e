// Runs under tsx for bench/rollup.bench.mjs: times the plan rollup against one plain topological
// sort of the same graph, in the same process, and prints one JSON line.
import { performance } from "node:perf_hooks";
import { computePlan, criticalPathTo, groupProgress } from "../lib/graph/plan";
import { subtreeProgress } from "../lib/graph/plan-subtree";
import { randomPlan } from "../lib/graph/plan-random";

const MILESTONES = 5_000;
const EDGES = 10_000;
const HANDOFFS = 100;
const ROUNDS = Number(process.env.BENCH_ROLLUP_ROUNDS ?? 30);
const today = 20_000;

const { milestones, dependencies } = randomPlan({ milestones: MILESTONES, edges: EDGES, today, seed: 9 });
// Handoffs name the milestones they were decomposed into: 50 each.
const handoffs = Array.from({ length: HANDOFFS }, (_, h) => milestones.slice(h * 50, h * 50 + 50).map((m) => m.id));

/** The baseline: Kahn's algorithm over the same input, ids to indices, adjacency lists, a queue. */
function topologicalSort(): number[] {
  const index = new Map<string, number>();
  milestones.forEach((m, i) => index.set(m.id, i));
  const next: number[][] = milestones.map(() => []);
  const indegree = new Array<number>(milestones.length).fill(0);
  for (const d of dependencies) {
    const a = index.get(d.dependsOnId)!;
    const b = index.get(d.milestoneId)!;
    next[a].push(b);
    indegree[b]++;
  }
  const order: number[] = [];
  for (let i = 0; i < milestones.length; i++) if (indegree[i] === 0) order.push(i);
  for (let head = 0; head < order.length; head++) for (const w of next[order[head]]) if (--indegree[w] === 0) order.push(w);
  return order;
}

/** Ours: every signal of the plan, the handoffs' progress and each open milestone's critical path length. */
function rollup(): number {
  const plan = computePlan(milestones, dependencies, today);
  let sum = plan.projectProgress + plan.criticalPath.length;
  for (const ids of handoffs) sum += groupProgress(plan, ids);
  for (let i = 0; i < 50; i++) sum += criticalPathTo(plan, i).length;
  return sum;
}

function subtrees(): number {
  return subtreeProgress(computePlan(milestones, dependencies, today))[0];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const check = topologicalSort();
if (check.length !== MILESTONES) throw new Error("the generated graph is not acyclic");
let sink = 0;
for (let i = 0; i < 5; i++) sink += topologicalSort().length + rollup() + subtrees();
const ours: number[] = [];
const base: number[] = [];
const sub: number[] = [];
// Interleaved, so both see the same machine load.
for (let i = 0; i < ROUNDS; i++) {
  base.push(time(topologicalSort));
  ours.push(time(rollup));
  sub.push(time(subtrees));
}
console.log(JSON.stringify({ ours: median(ours), baseline: median(base), subtrees: median(sub), edges: dependencies.length, sink: Number.isFinite(sink) }));
