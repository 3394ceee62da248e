import { describe, expect, it } from "vitest";
import { computePlan, criticalPathTo, dayNumber, dayToIso, groupProgress, riskChain, type PlanDependency, type PlanMilestoneInput } from "@/lib/graph/plan";
import { subtreeProgress } from "@/lib/graph/plan-subtree";
import { checklistFraction } from "@/lib/graph/checklist";
import { DECOMPOSE_LIMITS } from "@/lib/plan/decompose";
import { DATE_YEARS } from "@/lib/validation/date";
import { LIMITS } from "@/lib/validation/limits";

const TODAY = 20_000;

function ms(key: string, fields: Partial<PlanMilestoneInput> = {}): PlanMilestoneInput {
  return { id: key, key, status: "planned", health: "on_track", estimateDays: 1, startDay: null, dueDay: null, completedDay: null, ...fields };
}
const dep = (milestoneId: string, dependsOnId: string): PlanDependency => ({ milestoneId, dependsOnId });
const keysOf = (plan: ReturnType<typeof computePlan>, indices: number[]) => indices.map((i) => plan.keys[i]);

// A worked by hand, today = day T:
//   A (2 d) ──► B (3 d, due T+3) ──► D (no estimate: median 2.5 d)
//         └──► C (1 d, blocked) ──┘
//   E done (4 d), F cancelled (10 d, no work)
// A: T..T+2, last day T+1. B: T+2..T+5, last day T+4, due T+3: slips 1 day (late).
// C: T+2..T+3. D waits for B (T+5) rather than C (T+3): T+5..T+7.5, last day T+7.
// D is at risk from both B (late) and C (blocked), both 1 hop away: the nearest cause is B (first).
// Progress: E's 4 days done of 2 + 3 + 1 + 2.5 + 4 = 12.5 → 0.32.
const handPlan = () =>
  computePlan(
    [
      ms("A", { estimateDays: 2 }),
      ms("B", { estimateDays: 3, dueDay: TODAY + 3 }),
      ms("C", { estimateDays: 1, status: "blocked" }),
      ms("D", { estimateDays: null }),
      ms("E", { estimateDays: 4, status: "done", completedDay: TODAY - 2 }),
      ms("F", { estimateDays: 10, status: "cancelled" }),
    ],
    [dep("B", "A"), dep("C", "A"), dep("D", "B"), dep("D", "C")],
    TODAY,
  );

describe("computePlan on a plan worked by hand", () => {
  it("computes earliest dates from dependencies and estimates, and the slip past a due date", () => {
    const plan = handPlan();
    expect(plan.defaultEstimate).toBe(2.5);
    expect([...plan.earliestStart.slice(0, 4)].map((d) => d - TODAY)).toEqual([0, 2, 2, 5]);
    expect([...plan.earliestFinish.slice(0, 4)].map((d) => d - TODAY)).toEqual([2, 5, 3, 7.5]);
    expect([...plan.finishDay.slice(0, 4)].map((d) => d - TODAY)).toEqual([1, 4, 2, 7]);
    expect([...plan.slipDays]).toEqual([0, 1, 0, 0, 0, 0]);
    expect(plan.projectFinish).toBe(TODAY + 7.5);
  });

  it("finds the critical path to the end and to each open milestone", () => {
    const plan = handPlan();
    expect(keysOf(plan, plan.criticalPath)).toEqual(["A", "B", "D"]);
    expect([...plan.onCriticalPath]).toEqual([1, 1, 0, 1, 0, 0]);
    expect(keysOf(plan, criticalPathTo(plan, 2))).toEqual(["A", "C"]);
    expect(criticalPathTo(plan, 4)).toEqual([]);
  });

  it("propagates risk downstream and names the nearest cause", () => {
    const plan = handPlan();
    expect([...plan.riskSource]).toEqual([0, 1, 1, 0, 0, 0]);
    expect(plan.riskCause[3]).toBe(1);
    expect(keysOf(plan, riskChain(plan, 3))).toEqual(["B"]);
    expect([0, 1, 2, 4, 5].map((i) => plan.riskCause[i])).toEqual([-1, -1, -1, -1, -1]);
  });

  it("weights progress by estimate, cancelled work aside, per project, handoff and subtree", () => {
    const plan = handPlan();
    expect(plan.projectProgress).toBeCloseTo(4 / 12.5);
    expect(groupProgress(plan, ["E", "A"])).toBeCloseTo(4 / 6);
    expect(groupProgress(plan, ["F"])).toBe(1);
    expect(groupProgress(plan, [])).toBe(0);
    const subtree = subtreeProgress(plan);
    expect(subtree[3]).toBe(0);
    expect(subtree[4]).toBe(1);
    expect(subtree[5]).toBe(1);
  });

  it("counts an open milestone's own progress, and starts it no earlier than its start date", () => {
    const plan = computePlan([ms("A", { estimateDays: 4, status: "in_progress", fraction: 0.5 }), ms("B", { startDay: TODAY + 10 })], [dep("B", "A")], TODAY);
    expect(plan.earliestFinish[0]).toBe(TODAY + 2);
    expect(plan.earliestStart[1]).toBe(TODAY + 10);
    expect(plan.criticalPredecessor[1]).toBe(-1);
    expect(plan.projectProgress).toBeCloseTo(2 / 5);
  });

  it("reports an overdue open milestone as late, and the chain of causes in order", () => {
    const plan = computePlan(
      [ms("A", { dueDay: TODAY - 3, estimateDays: 0 }), ms("B"), ms("C"), ms("D", { health: "off_track" })],
      [dep("B", "A"), dep("C", "B"), dep("C", "D")],
      TODAY,
    );
    expect(plan.slipDays[0]).toBe(3);
    expect(plan.riskCause[2]).toBe(3);
    expect(keysOf(plan, riskChain(plan, 2))).toEqual(["D"]);
    expect(keysOf(plan, riskChain(plan, 1))).toEqual(["A"]);
  });

  it("does not let risk pass through a finished milestone", () => {
    const plan = computePlan([ms("A", { status: "blocked" }), ms("B", { status: "done" }), ms("C")], [dep("B", "A"), dep("C", "B")], TODAY);
    expect(plan.riskCause[2]).toBe(-1);
    expect(plan.earliestStart[2]).toBe(TODAY);
  });
});

describe("computePlan on bad shapes", () => {
  it("breaks a cycle instead of looping, and ignores unknown ends and self-loops", () => {
    const plan = computePlan([ms("a"), ms("b"), ms("c"), ms("d")], [dep("b", "a"), dep("c", "b"), dep("a", "c"), dep("d", "d"), dep("d", "ghost")], TODAY);
    expect(plan.ignoredEdges).toBe(1);
    expect(plan.order.length).toBe(4);
    expect(plan.criticalPath.length).toBeGreaterThan(0);
    subtreeProgress(plan);
  });

  it("walks a 5,000-milestone chain without recursion", () => {
    const n = 5_000;
    const chainMs = Array.from({ length: n }, (_, i) => ms(`m${i}`));
    const deps = Array.from({ length: n - 1 }, (_, i) => dep(`m${i + 1}`, `m${i}`));
    const plan = computePlan(chainMs, deps, TODAY);
    expect(plan.criticalPath.length).toBe(n);
    expect(plan.projectFinish).toBe(TODAY + n);
    const cyclic = computePlan(chainMs, [...deps, dep("m0", `m${n - 1}`)], TODAY);
    expect(cyclic.ignoredEdges).toBe(1);
    expect(cyclic.criticalPath.length).toBe(n);
  });

  it("converts dates to UTC day numbers and back", () => {
    expect(dayToIso(dayNumber(new Date("2026-11-29T23:59:00Z")))).toBe("2026-11-29");
    expect(computePlan([], [], TODAY).projectProgress).toBe(0);
  });
});

describe("checklistFraction", () => {
  it("counts ticked task-list items, of any list marker, and nothing else", () => {
    expect(checklistFraction("- [x] one\n- [ ] two\n  * [X] nested\n1. [ ] numbered\nplain [x] text")).toBe(0.5);
    expect(checklistFraction("No list here")).toBeNull();
    expect(checklistFraction("")).toBeNull();
  });
});

describe("riskChain with a limit", () => {
  it("keeps the cause and the last links of a long chain", () => {
    const n = 30;
    const chainMs = Array.from({ length: n }, (_, i) => ms(`m${i}`, i === 0 ? { status: "blocked" } : {}));
    const plan = computePlan(chainMs, Array.from({ length: n - 1 }, (_, i) => dep(`m${i + 1}`, `m${i}`)), TODAY);
    expect(keysOf(plan, riskChain(plan, 29))).toEqual(chainMs.slice(0, 29).map((m) => m.key));
    expect(keysOf(plan, riskChain(plan, 29, 4))).toEqual(["m0", "m26", "m27", "m28"]);
    expect(keysOf(plan, riskChain(plan, 3, 4))).toEqual(["m0", "m1", "m2"]);
  });
});

describe("the largest plan the caps allow", () => {
  it("ends in a four-digit year: LIMITS.milestone.perProject milestones in a chain, each of the largest estimate, starting on the last day a date may name", () => {
    const { perProject } = LIMITS.milestone;
    const lastDay = dayNumber(new Date(`${DATE_YEARS.max}-12-31T00:00:00Z`));
    const firstDay = dayNumber(new Date(`${DATE_YEARS.min}-01-01T00:00:00Z`));
    // The milestone form and Decompose both cap an estimate at LIMITS.milestone.estimateDays.
    expect(DECOMPOSE_LIMITS.maxEstimate).toBe(LIMITS.milestone.estimateDays);
    const maxEstimate = LIMITS.milestone.estimateDays;
    const milestones = Array.from({ length: perProject }, (_, i) => ms(`M-${i + 1}`, { estimateDays: maxEstimate, startDay: lastDay, dueDay: firstDay }));
    const deps = milestones.slice(1).map((m, i) => dep(m.id, milestones[i].id));
    // "Today" a century past the last date a milestone may name, to be generous.
    const plan = computePlan(milestones, deps, lastDay + 36_525);
    expect(plan.projectFinish).not.toBeNull();
    // 1,000 × 1,000 days ≈ 2,738 years after 2300: about the year 5040, far from 9999.
    expect(perProject * maxEstimate).toBeLessThan(1_500_000);
    const last = dayToIso(plan.projectFinish!);
    expect(last).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number(last.slice(0, 4))).toBeLessThan(6_000);
    for (let i = 0; i < perProject; i++) {
      expect(dayToIso(plan.finishDay[i])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(dayToIso(plan.earliestStart[i])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
