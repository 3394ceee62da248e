// Property tests of lib/graph/plan.ts on random DAGs from a seeded generator: each seed is a case,
// so a failure names the seed that replays it.
import { describe, expect, it } from "vitest";
import { computePlan, criticalPathTo, groupProgress, riskChain, type PlanDependency, type PlanMilestoneInput, type ProjectPlan } from "@/lib/graph/plan";
import { subtreeProgress } from "@/lib/graph/plan-subtree";
import { randomPlan, seededRandom } from "@/lib/graph/plan-random";

const TODAY = 20_000;
const EPS = 1e-9;
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

function generate(seed: number) {
  const random = seededRandom(seed * 7919);
  const n = 1 + Math.floor(random() * 120);
  const edges = Math.floor(random() * n * 3);
  const { milestones, dependencies } = randomPlan({ milestones: n, edges, today: TODAY, seed });
  return { milestones, dependencies, plan: computePlan(milestones, dependencies, TODAY) };
}

/** Indices of each milestone's prerequisites and dependents. */
function adjacency(plan: ProjectPlan, dependencies: PlanDependency[]) {
  const preds = plan.ids.map(() => [] as number[]);
  const succs = plan.ids.map(() => [] as number[]);
  for (const d of dependencies) {
    const a = plan.index.get(d.dependsOnId)!;
    const b = plan.index.get(d.milestoneId)!;
    preds[b].push(a);
    succs[a].push(b);
  }
  return { preds, succs };
}

const remaining = (plan: ProjectPlan, i: number) => plan.weight[i] * (1 - plan.progress[i]);
const open = (plan: ProjectPlan, i: number) => !plan.finished[i];

describe.each(SEEDS)("random DAG, seed %i", (seed) => {
  const { milestones, dependencies, plan } = generate(seed);
  const { preds, succs } = adjacency(plan, dependencies);
  const n = milestones.length;

  it("ignores no edge of an acyclic graph", () => {
    expect(plan.ignoredEdges).toBe(0);
  });

  it("finishes an open milestone no earlier than each open prerequisite's finish plus its own remaining work", () => {
    for (let v = 0; v < n; v++) {
      if (!open(plan, v)) continue;
      const m: PlanMilestoneInput = milestones[v];
      expect(plan.earliestStart[v]).toBeGreaterThanOrEqual(Math.max(TODAY, m.startDay ?? TODAY));
      expect(plan.earliestFinish[v]).toBeCloseTo(plan.earliestStart[v] + remaining(plan, v), 9);
      for (const u of preds[v]) if (open(plan, u)) expect(plan.earliestFinish[v] + EPS).toBeGreaterThanOrEqual(plan.earliestFinish[u] + remaining(plan, v));
      expect(plan.slipDays[v]).toBe(m.dueDay !== null ? Math.max(0, plan.finishDay[v] - m.dueDay) : 0);
    }
  });

  it("gives a critical path that is a path in the graph whose length is the project's earliest finish", () => {
    const openIds = plan.ids.map((_, i) => i).filter((i) => open(plan, i));
    if (openIds.length === 0) {
      expect(plan.criticalPath).toEqual([]);
      return;
    }
    const finish = Math.max(...openIds.map((i) => plan.earliestFinish[i]));
    expect(plan.projectFinish).toBe(finish);
    const path = plan.criticalPath;
    for (let k = 1; k < path.length; k++) expect(preds[path[k]]).toContain(path[k - 1]);
    const first = milestones[path[0]];
    const length = Math.max(TODAY, first.startDay ?? TODAY) + path.reduce((sum, i) => sum + remaining(plan, i), 0);
    expect(length).toBeCloseTo(finish, 9);
    for (const i of path) expect(open(plan, i)).toBe(true);
  });

  it("gives each open milestone a critical path of open milestones, ending with it, as long as its earliest finish", () => {
    for (let v = 0; v < n; v++) {
      if (!open(plan, v)) continue;
      const path = criticalPathTo(plan, v);
      expect(path[path.length - 1]).toBe(v);
      for (let k = 1; k < path.length; k++) expect(preds[path[k]]).toContain(path[k - 1]);
      for (const i of path) expect(open(plan, i)).toBe(true);
      const first = milestones[path[0]];
      const length = Math.max(TODAY, first.startDay ?? TODAY) + path.reduce((sum, i) => sum + remaining(plan, i), 0);
      expect(length).toBeCloseTo(plan.earliestFinish[v], 9);
    }
  });

  it("keeps every progress figure within [0, 1]", () => {
    for (const value of [plan.projectProgress, ...plan.progress, ...subtreeProgress(plan), groupProgress(plan, plan.ids.slice(0, 7))]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });

  it("computes subtree progress as the weighted progress of the milestone and everything upstream", () => {
    const subtree = subtreeProgress(plan);
    for (let v = 0; v < n; v += Math.max(1, Math.floor(n / 15))) {
      const seen = new Set([v]);
      const queue = [v];
      for (let h = 0; h < queue.length; h++) {
        for (const u of preds[queue[h]]) {
          if (seen.has(u)) continue;
          seen.add(u);
          queue.push(u);
        }
      }
      let total = 0;
      let done = 0;
      for (const u of seen) {
        if (plan.cancelled[u]) continue;
        total += plan.weight[u];
        done += plan.weight[u] * plan.progress[u];
      }
      if (total > 0) expect(subtree[v]).toBeCloseTo(done / total, 9);
    }
  });

  it("reports 1 everywhere when everything is done", () => {
    const allDone = computePlan(milestones.map((m) => ({ ...m, status: "done" as const })), dependencies, TODAY);
    expect(allDone.projectProgress).toBe(1);
    expect([...subtreeProgress(allDone)].every((p) => p === 1)).toBe(true);
    expect(allDone.criticalPath).toEqual([]);
    expect([...allDone.riskCause].every((c) => c === -1)).toBe(true);
  });

  it("puts at risk exactly the open milestones reachable downstream, through open ones, from a cause; the nearest", () => {
    // Breadth-first from every cause at once, along edges between open milestones.
    const distance = new Array<number>(n).fill(Infinity);
    const queue: number[] = [];
    const reach = (w: number, d: number) => {
      if (!open(plan, w) || distance[w] <= d) return;
      distance[w] = d;
      queue.push(w);
    };
    for (let s = 0; s < n; s++) if (plan.riskSource[s]) for (const w of succs[s]) reach(w, 1);
    for (let h = 0; h < queue.length; h++) for (const w of succs[queue[h]]) reach(w, distance[queue[h]] + 1);
    for (let v = 0; v < n; v++) {
      const m = milestones[v];
      if (open(plan, v)) expect(plan.riskSource[v] === 1).toBe(m.status === "blocked" || m.health === "off_track" || plan.slipDays[v] > 0);
      else expect(plan.riskSource[v]).toBe(0);
      if (distance[v] === Infinity) {
        expect(plan.riskCause[v]).toBe(-1);
        continue;
      }
      expect(plan.riskDistance[v]).toBe(distance[v]);
      const chain = riskChain(plan, v);
      expect(chain.length).toBe(distance[v]);
      expect(chain[0]).toBe(plan.riskCause[v]);
      expect(plan.riskSource[chain[0]]).toBe(1);
      for (let k = 1; k < chain.length; k++) expect(preds[chain[k]]).toContain(chain[k - 1]);
      expect(preds[v]).toContain(chain[chain.length - 1]);
    }
  });
});
