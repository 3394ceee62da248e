// The plan as the map draws it: lib/graph/plan.ts computePlan over a map's milestones and their
// dependency edges, and what the map lights from it: the project's critical path, and the chains
// leading to blocked or slipping milestones. Pure: no React, no database. Linear in the map.
import { computePlan, dayNumber, isFinished, type PlanHealth, type PlanStatus, type ProjectPlan } from "@/lib/graph/plan";
import type { MapEdge, MapNode } from "@/lib/graph/types";

export type MapPlan = {
  plan: ProjectPlan;
  /** Open milestones whose status is blocked (node ids). */
  blocked: ReadonlySet<string>;
  /**
   * Open milestones that are slipping (node ids): past their due date, projected by the plan to
   * finish after it (slip > 0), or whose health is at risk or off track.
   */
  slipping: ReadonlySet<string>;
};

const day = (iso: string | undefined) => (iso ? dayNumber(new Date(iso)) : null);

/**
 * The plan of the milestones on a map, as of `today` (a UTC day number). Milestones keep the map's
 * order (the data layer sorts them by key), so every tie-break follows the keys, as on the plan page.
 * Dependency edges run from the prerequisite (source) to the milestone waiting for it (target).
 */
export function mapPlan(nodes: readonly MapNode[], edges: readonly MapEdge[], today: number): MapPlan {
  const milestones = nodes.filter((n) => n.kind === "milestone");
  const plan = computePlan(
    milestones.map((m) => ({
      id: m.id,
      key: m.sublabel,
      status: m.status as PlanStatus,
      health: (m.health ?? "on_track") as PlanHealth,
      estimateDays: m.estimateDays ?? null,
      startDay: day(m.startDate),
      dueDay: day(m.dueDate),
      completedDay: day(m.completedAt),
      fraction: m.progress ?? 0,
    })),
    edges.filter((e) => e.kind === "depends").map((e) => ({ milestoneId: e.target, dependsOnId: e.source })),
    today,
  );
  const blocked = new Set<string>();
  const slipping = new Set<string>();
  milestones.forEach((m, i) => {
    if (isFinished(m.status as PlanStatus)) return;
    if (m.status === "blocked") blocked.add(m.id);
    const due = day(m.dueDate);
    if (plan.slipDays[i] > 0 || (due !== null && due < today) || m.health === "at_risk" || m.health === "off_track") slipping.add(m.id);
  });
  return { plan, blocked, slipping };
}

export type HighlightMode = "critical" | "risk";

/** What a highlight lights: node ids, and the ids of the map's edges between them. */
export type Highlight = { nodes: Set<string>; edges: Set<string> };

/**
 * - "critical": the milestones on the project's critical path (computePlan's criticalPath: the
 *   chain of open prerequisites that sets when the last open milestone can finish) and the
 *   dependency edges between consecutive ones.
 * - "risk": every blocked or slipping milestone and the chain leading to it (riskChain: from its
 *   nearest upstream cause of risk, blocked, off track or late, through each prerequisite on the
 *   way), with the dependency edges along those chains. Each chain link is visited once.
 */
export function highlightSelection(facts: MapPlan, edges: readonly MapEdge[], mode: HighlightMode): Highlight {
  const { plan } = facts;
  const nodes = new Set<string>();
  const links = new Set<string>(); // "prerequisite\0dependent"
  if (mode === "critical") {
    const path = plan.criticalPath;
    for (let k = 0; k < path.length; k++) {
      nodes.add(plan.ids[path[k]]);
      if (k > 0) links.add(`${plan.ids[path[k - 1]]}\0${plan.ids[path[k]]}`);
    }
  } else {
    const sources = [...facts.blocked, ...facts.slipping];
    for (const id of sources) {
      nodes.add(id);
      // Walk riskVia up towards the cause; stop where another chain already went.
      for (let v = plan.index.get(id) ?? -1; v !== -1 && plan.riskDistance[v] > 0; ) {
        const via = plan.riskVia[v];
        if (via === -1) break;
        const link = `${plan.ids[via]}\0${plan.ids[v]}`;
        if (links.has(link)) break;
        links.add(link);
        nodes.add(plan.ids[via]);
        v = via;
      }
    }
  }
  const lit = new Set<string>();
  for (const e of edges) if (e.kind === "depends" && links.has(`${e.source}\0${e.target}`)) lit.add(e.id);
  return { nodes, edges: lit };
}
