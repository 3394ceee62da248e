// Random plans for property tests and the rollup benchmark: a seeded PRNG (mulberry32), so a
// failing seed can be replayed, and a generator of DAG-shaped projects.
import type { PlanDependency, PlanHealth, PlanMilestoneInput, PlanStatus } from "@/lib/graph/plan";

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type RandomPlanOptions = { milestones: number; edges: number; today: number; seed: number };

const STATUSES: PlanStatus[] = ["planned", "planned", "in_progress", "in_progress", "blocked", "done", "done", "cancelled"];
const HEALTHS: PlanHealth[] = ["on_track", "on_track", "on_track", "at_risk", "off_track"];

/**
 * A project of `milestones` milestones and up to `edges` distinct dependencies, acyclic: each edge
 * goes from an earlier to a later milestone of a hidden random order, so the input order is not a
 * topological one. Statuses, health, estimates (some missing) and dates are all random.
 */
export function randomPlan({ milestones: n, edges, today, seed }: RandomPlanOptions): { milestones: PlanMilestoneInput[]; dependencies: PlanDependency[] } {
  const random = seededRandom(seed);
  const int = (k: number) => Math.floor(random() * k);
  const rank = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = int(i + 1);
    [rank[i], rank[j]] = [rank[j], rank[i]];
  }
  const milestones: PlanMilestoneInput[] = rank.map((_, i) => {
    const status = STATUSES[int(STATUSES.length)];
    const finished = status === "done" || status === "cancelled";
    return {
      id: `m${i}`,
      key: `P-${i + 1}`,
      status,
      health: HEALTHS[int(HEALTHS.length)],
      estimateDays: random() < 0.15 ? null : [0, 0.5, 1, 2, 3, 5, 8][int(7)],
      startDay: random() < 0.3 ? today - 10 + int(30) : null,
      dueDay: random() < 0.6 ? today - 5 + int(60) : null,
      completedDay: finished ? today - int(20) : null,
      fraction: status === "in_progress" ? Math.round(random() * 10) / 10 : undefined,
    };
  });
  const byRank = new Array<number>(n);
  rank.forEach((r, i) => (byRank[r] = i));
  const seen = new Set<number>();
  const dependencies: PlanDependency[] = [];
  const maxEdges = Math.min(edges, (n * (n - 1)) / 2);
  for (let tries = 0; dependencies.length < maxEdges && tries < maxEdges * 20; tries++) {
    // Mostly short hops in the hidden order, sometimes long ones, like real plans.
    const a = int(n);
    const span = random() < 0.8 ? 1 + int(20) : 1 + int(n);
    const b = a + span;
    if (b >= n) continue;
    const code = a * n + b;
    if (seen.has(code)) continue;
    seen.add(code);
    dependencies.push({ milestoneId: milestones[byRank[b]].id, dependsOnId: milestones[byRank[a]].id });
  }
  return { milestones, dependencies };
}
