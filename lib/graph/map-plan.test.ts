import { describe, expect, it } from "vitest";
import { highlightSelection, mapPlan } from "@/lib/graph/map-plan";
import { criticalPathTo, dayToIso, riskChain } from "@/lib/graph/plan";
import type { MapEdge, MapNode } from "@/lib/graph/types";

const TODAY = 20_000;
const iso = (day: number) => `${dayToIso(day)}T00:00:00.000Z`;
const ms = (key: string, fields: Partial<MapNode> = {}): MapNode => ({ id: `milestone:${key}`, kind: "milestone", label: key, sublabel: key, status: "planned", health: "on_track", href: "#", estimateDays: 1, ...fields });
const dep = (from: string, to: string): MapEdge => ({ id: `depends:${from}>${to}`, source: `milestone:${from}`, target: `milestone:${to}`, kind: "depends" });

// The plan worked by hand in plan.test.ts, on a map, with E after D (at risk by its health):
//   A (2 d) ──► B (3 d, due T+3: late) ──► D ──► E (at risk)
//         └──► C (1 d, blocked) ─────────┘
// plus a paper, a service and a done milestone F.
const nodes: MapNode[] = [
  { id: "handoff:p", kind: "handoff", label: "Paper", sublabel: "", status: "accepted", href: "#" },
  ms("A", { estimateDays: 2, status: "in_progress" }),
  ms("B", { estimateDays: 3, dueDate: iso(TODAY + 3) }),
  ms("C", { status: "blocked" }),
  ms("D", { estimateDays: undefined }),
  ms("E", { health: "at_risk" }),
  ms("F", { status: "done", completedAt: iso(TODAY - 2), dueDate: iso(TODAY - 5) }),
  { id: "service:s", kind: "service", label: "s", sublabel: "API", status: "active", href: "#" },
];
const edges: MapEdge[] = [
  { id: "decomposed:x", source: "handoff:p", target: "milestone:A", kind: "decomposed" },
  dep("A", "B"),
  dep("A", "C"),
  dep("B", "D"),
  dep("C", "D"),
  dep("D", "E"),
  { id: "implements:x", source: "milestone:E", target: "service:s", kind: "implements" },
];

describe("mapPlan", () => {
  it("plans the map's milestones with their estimates, dates and dependencies", () => {
    const facts = mapPlan(nodes, edges, TODAY);
    expect(facts.plan.keys).toEqual(["A", "B", "C", "D", "E", "F"]);
    expect(facts.plan.slipDays[1]).toBe(1);
    expect([...facts.blocked]).toEqual(["milestone:C"]);
    // B is projected late, E is at risk; F is done, so its past due date does not count.
    expect([...facts.slipping].sort()).toEqual(["milestone:B", "milestone:E"]);
  });

  it("counts an open milestone past its due date as slipping", () => {
    const facts = mapPlan([ms("L", { dueDate: iso(TODAY - 1), estimateDays: 0 })], [], TODAY);
    expect([...facts.slipping]).toEqual(["milestone:L"]);
  });
});

describe("highlightSelection", () => {
  it("lights the critical path and the dependency edges along it", () => {
    const facts = mapPlan(nodes, edges, TODAY);
    const lit = highlightSelection(facts, edges, "critical");
    const path = criticalPathTo(facts.plan, facts.plan.index.get("milestone:E")!).map((i) => facts.plan.ids[i]);
    expect(path).toEqual(["milestone:A", "milestone:B", "milestone:D", "milestone:E"]);
    expect([...lit.nodes]).toEqual(path);
    expect([...lit.edges].sort()).toEqual(["depends:A>B", "depends:B>D", "depends:D>E"]);
  });

  it("lights blocked and slipping milestones and the chains leading to them", () => {
    const facts = mapPlan(nodes, edges, TODAY);
    const lit = highlightSelection(facts, edges, "risk");
    const e = facts.plan.index.get("milestone:E")!;
    // E's chain: from its nearest cause B (late), through D.
    expect(riskChain(facts.plan, e).map((i) => facts.plan.keys[i])).toEqual(["B", "D"]);
    expect([...lit.nodes].sort()).toEqual(["milestone:B", "milestone:C", "milestone:D", "milestone:E"]);
    expect([...lit.edges].sort()).toEqual(["depends:B>D", "depends:D>E"]);
    expect(lit.nodes.has("milestone:A")).toBe(false);
  });

  it("lights nothing when nothing is open", () => {
    const done = [ms("X", { status: "done" }), ms("Y", { status: "cancelled" })];
    const facts = mapPlan(done, [dep("X", "Y")], TODAY);
    expect(highlightSelection(facts, [dep("X", "Y")], "critical").nodes.size).toBe(0);
    expect(highlightSelection(facts, [dep("X", "Y")], "risk").nodes.size).toBe(0);
  });
});
