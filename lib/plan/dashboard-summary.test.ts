import { describe, expect, it } from "vitest";
import type { PlanMilestone, ProjectPlanView } from "@/lib/data/plan";
import { stateOf, summarizePlan } from "./dashboard-summary";

function m(key: string, over: Partial<PlanMilestone> = {}): PlanMilestone {
  return {
    id: `id-${key}`,
    key,
    title: `Title of ${key}`,
    status: "planned",
    health: "on_track",
    dueDate: null,
    startDate: null,
    estimateDays: null,
    dependsOn: [],
    progress: 0,
    subtreeProgress: 0,
    earliestStart: "2026-11-29",
    earliestFinish: "2026-11-29",
    slipDays: 0,
    onCriticalPath: false,
    atRiskBecause: [],
    atRiskDistance: 0,
    criticalPredecessor: null,
    ...over,
  };
}

function plan(milestones: PlanMilestone[]): ProjectPlanView {
  return { project: { key: "P", name: "Plan" }, today: "2026-11-29", progress: 0.4, earliestFinish: null, criticalPath: [], defaultEstimateDays: 1, milestones, handoffs: [] };
}

describe("summarizePlan", () => {
  const milestones = [
    m("P-1", { status: "done", dueDate: "2026-11-01" }),
    m("P-2", { status: "blocked", health: "off_track", dueDate: "2026-11-20" }),
    m("P-3", { status: "planned", dueDate: "2026-12-03", slipDays: 4, atRiskBecause: ["P-2"], atRiskDistance: 1 }),
    m("P-4", { status: "planned", dueDate: "2026-12-01", atRiskBecause: ["P-2", "P-3"], atRiskDistance: 2 }),
    m("P-5", { status: "in_progress", dueDate: "2026-11-29" }),
    m("P-6", { status: "cancelled", dueDate: "2026-11-02" }),
    m("P-7", { status: "planned", dueDate: "2027-01-01" }),
    m("P-8", { status: "planned", atRiskBecause: ["P-2", "P-6", "P-7"], atRiskDistance: 14 }),
  ];
  const notes = new Map([["id-P-2", "Waiting for the licence"]]);
  const s = summarizePlan(plan(milestones), notes);

  it("counts milestones by status and the computed signals of open ones", () => {
    expect(s.counts).toEqual({ planned: 4, in_progress: 1, blocked: 1, done: 1, cancelled: 1 });
    expect(s.total).toBe(8);
    expect(s.blocked).toBe(1);
    expect(s.atRisk).toBe(3);
    expect(s.slipping).toBe(1);
    // Done and cancelled milestones past their due date are not overdue; due today is not overdue.
    expect(s.overdue).toBe(1);
  });

  it("counts a milestone its people judge at risk or off track as at risk, with its own note as the cause", () => {
    const judged = summarizePlan(plan([m("J-1", { status: "in_progress", health: "at_risk" }), m("J-2", { status: "planned", health: "off_track" }), m("J-3", { status: "blocked", health: "at_risk" })]), new Map([["id-J-1", "Load test saturates the GPU"]]));
    // J-3 is blocked: counted as blocked, not again as at risk.
    expect(judged.atRisk).toBe(2);
    expect(judged.chains.map((c) => [c.subject.key, c.subject.state, c.subject.note])).toEqual([
      ["J-1", "at risk", "Load test saturates the GPU"],
      ["J-2", "off track", null],
      ["J-3", "blocked", null],
    ]);
  });

  it("lists the next due dates of open milestones from today, earliest first", () => {
    expect(s.nextDue.map((d) => [d.key, d.dueDate])).toEqual([
      ["P-5", "2026-11-29"],
      ["P-4", "2026-12-01"],
      ["P-3", "2026-12-03"],
    ]);
    expect(s.nextDue[0].id).toBe("id-P-5");
  });

  it("gives each blocked, at-risk or slipping milestone its causes, nearest first, root cause with its note last", () => {
    expect(s.chains.map((c) => [c.subject.key, c.subject.state, ...c.causes.map((l) => `${l.key} ${l.state}`)])).toEqual([
      ["P-2", "blocked"],
      ["P-3", "slipping 4 d", "P-2 blocked"],
      ["P-4", "at risk", "P-3 slipping 4 d", "P-2 blocked"],
      ["P-8", "at risk", "P-7 planned", "P-6 cancelled", "P-2 blocked"],
    ]);
    expect(s.chains[0].subject.note).toBe("Waiting for the licence");
    expect(s.chains[2].causes.at(-1)).toMatchObject({ id: "id-P-2", note: "Waiting for the licence", title: "Title of P-2" });
    // A shortened chain keeps its full distance so the view can mark the gap.
    expect(s.chains[3].distance).toBe(14);
  });

  it("names an unknown key in a chain without a link", () => {
    const lone = summarizePlan(plan([m("Q-1", { atRiskBecause: ["Q-9"], atRiskDistance: 1 })]));
    expect(lone.chains[0].causes).toEqual([{ key: "Q-9", id: null, title: "Q-9", state: "", note: null }]);
  });

  it("is empty for a project without milestones", () => {
    const empty = summarizePlan(plan([]));
    expect(empty).toMatchObject({ total: 0, blocked: 0, atRisk: 0, slipping: 0, overdue: 0, nextDue: [], chains: [] });
  });
});

describe("stateOf", () => {
  it("says blocked or off track with any slip, else slipping, else at risk", () => {
    expect(stateOf(m("A", { status: "blocked", health: "off_track" }))).toBe("blocked");
    expect(stateOf(m("A", { status: "blocked", health: "off_track", slipDays: 3 }))).toBe("blocked, slipping 3 d");
    expect(stateOf(m("A", { health: "off_track", slipDays: 3 }))).toBe("off track, slipping 3 d");
    expect(stateOf(m("A", { health: "off_track" }))).toBe("off track");
    expect(stateOf(m("A", { slipDays: 3, atRiskBecause: ["B"] }))).toBe("slipping 3 d");
    expect(stateOf(m("A", { atRiskBecause: ["B"] }))).toBe("at risk");
    expect(stateOf(m("A", { status: "in_progress" }))).toBe("in progress");
  });
});
