import { describe, expect, it } from "vitest";
import { burnUpSummary, computeBurnUp, formatDays, scopeChangeLabel, type BurnUpMilestone, type BurnUpStatusChange } from "@/lib/plan/burnup";
import { computePlan, dayToIso, type PlanStatus } from "@/lib/graph/plan";
import { seededRandom } from "@/lib/graph/plan-random";

const T = 20_000; // today, a UTC day number
const DAY = 86_400_000;
/** Noon of day T + offset, plus some minutes so that records of one day keep their order. */
const at = (offset: number, minutes = 0) => new Date((T + offset) * DAY + 12 * 3_600_000 + minutes * 60_000);

function milestone(key: string, fields: Partial<BurnUpMilestone> & { created: number }): BurnUpMilestone {
  const { created, ...rest } = fields;
  return { id: key, key, status: "planned", estimateDays: null, createdAt: at(created), completedAt: null, ...rest };
}
const change = (milestoneId: string, offset: number, fromStatus: PlanStatus | null, toStatus: PlanStatus, minutes = 0): BurnUpStatusChange => ({
  milestoneId,
  fromStatus,
  toStatus,
  at: at(offset, minutes),
});

describe("computeBurnUp", () => {
  // A-1 3 d, created T-10, in progress T-8, done T-5.
  // A-2 no estimate (the median of 3, 1 and 2, A-3 cancelled aside, is 2), created T-10, still planned.
  // A-3 5 d, created T-6, cancelled T-3 (scope drops by 5).
  // A-4 1 d, created T-2 with no history, done since completedAt T-1.
  // A-6 2 d, created today and done today: counted today only. Progress: (3 + 1 + 2) / 8.
  const milestones = [
    milestone("A-1", { created: -10, estimateDays: 3, status: "done", completedAt: at(-5) }),
    milestone("A-2", { created: -10 }),
    milestone("A-3", { created: -6, estimateDays: 5, status: "cancelled" }),
    milestone("A-4", { created: -2, estimateDays: 1, status: "done", completedAt: at(-1) }),
    milestone("A-6", { created: 0, estimateDays: 2, status: "done", completedAt: at(0, 5) }),
  ];
  const updates = [
    change("A-1", -5, "in_progress", "done"),
    change("A-1", -10, null, "planned"),
    change("A-1", -8, "planned", "in_progress"),
    change("A-2", -10, null, "planned"),
    change("A-3", -6, null, "planned"),
    change("A-3", -3, "planned", "cancelled"),
    change("A-6", 0, null, "planned"),
    change("A-6", 0, "planned", "done", 5),
  ];
  const burnUp = computeBurnUp(milestones, updates, T);

  it("replays the history day by day", () => {
    expect(burnUp.defaultEstimateDays).toBe(2);
    expect(burnUp.points).toEqual([
      { day: T - 10, date: dayToIso(T - 10), done: 0, scope: 5 },
      { day: T - 6, date: dayToIso(T - 6), done: 0, scope: 10 },
      { day: T - 5, date: dayToIso(T - 5), done: 3, scope: 10 },
      { day: T - 3, date: dayToIso(T - 3), done: 3, scope: 5 },
      { day: T - 2, date: dayToIso(T - 2), done: 3, scope: 6 },
      { day: T - 1, date: dayToIso(T - 1), done: 4, scope: 6 },
      { day: T, date: dayToIso(T), done: 6, scope: 8 },
    ]);
    expect([burnUp.done, burnUp.scope, burnUp.today]).toEqual([6, 8, dayToIso(T)]);
  });

  it("lists the scope changes with the milestones that made them", () => {
    expect(burnUp.changes.map((c) => [c.day - T, c.delta, c.added, c.restored, c.cancelled])).toEqual([
      [-10, 5, ["A-1", "A-2"], [], []],
      [-6, 5, ["A-3"], [], []],
      [-3, -5, [], [], ["A-3"]],
      [-2, 1, ["A-4"], [], []],
      [0, 2, ["A-6"], [], []],
    ]);
  });

  it("agrees with the plan's weights, and ends on today's state", () => {
    const plan = computePlan(
      milestones.map((m) => ({ id: m.id, key: m.key, status: m.status, health: "on_track", estimateDays: m.estimateDays, startDay: null, dueDay: null, completedDay: null })),
      [],
      T,
    );
    expect(burnUp.defaultEstimateDays).toBe(plan.defaultEstimate);
    expect(burnUp.done / burnUp.scope).toBeCloseTo(plan.projectProgress, 9);
  });

  it("counts a cancelled and restored milestone back in, and a same-day round trip not at all", () => {
    const ms = [milestone("B-1", { created: -4, estimateDays: 2 }), milestone("B-2", { created: -4, estimateDays: 1 })];
    const history = [
      change("B-1", -3, "planned", "cancelled"),
      change("B-1", -1, "cancelled", "planned"),
      change("B-2", -2, "planned", "cancelled", 1),
      change("B-2", -2, "cancelled", "planned", 2),
    ];
    const result = computeBurnUp(ms, history, T);
    expect(result.changes.map((c) => [c.day - T, c.delta, c.added, c.restored, c.cancelled])).toEqual([
      [-4, 3, ["B-1", "B-2"], [], []],
      [-3, -2, [], [], ["B-1"]],
      [-1, 2, [], ["B-1"], []],
    ]);
    expect(result.points.map((p) => [p.day - T, p.scope])).toEqual([
      [-4, 3],
      [-3, 1],
      [-1, 3],
      [0, 3],
    ]);
  });

  it("lets the current status win when the history does not end in it, and clamps the future to today", () => {
    const ms = [
      milestone("C-1", { created: -5, estimateDays: 4, status: "done", completedAt: at(-2) }),
      milestone("C-2", { created: 3, estimateDays: 1 }),
    ];
    const result = computeBurnUp(ms, [change("C-1", -5, null, "planned")], T);
    expect(result.points.map((p) => [p.day - T, p.done, p.scope])).toEqual([
      [-5, 0, 4],
      [-2, 4, 4],
      [0, 4, 5],
    ]);
  });

  it("has no points when nothing was ever planned", () => {
    const result = computeBurnUp([], [], T);
    expect(result).toMatchObject({ points: [], changes: [], done: 0, scope: 0, defaultEstimateDays: 1 });
  });
});

describe("labels", () => {
  it("writes days with one decimal at most", () => {
    expect([formatDays(12), formatDays(2.5), formatDays(1 / 3)]).toEqual(["12 d", "2.5 d", "0.3 d"]);
  });
  it("sums up where the project stands", () => {
    expect(burnUpSummary({ done: 43, scope: 154 })).toBe("43 of 154 estimated days done (28%)");
    expect(burnUpSummary({ done: 0, scope: 0 })).toBe("0 of 0 estimated days done (0%)");
  });
  it("names the milestones of a scope change, a few at a time", () => {
    const base = { day: T, date: dayToIso(T), restored: [], cancelled: [] };
    expect(scopeChangeLabel({ ...base, delta: 3, added: ["FLOOR-16"] })).toBe("+3 d: FLOOR-16 added");
    expect(scopeChangeLabel({ ...base, delta: -5, added: [], cancelled: ["FLOOR-4"] })).toBe("\u22125 d: FLOOR-4 cancelled");
    const seven = ["A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7"];
    expect(scopeChangeLabel({ ...base, delta: 6, added: seven })).toBe("+6 d: A-1, A-2, A-3, A-4, A-5 and 2 more added");
    expect(scopeChangeLabel({ ...base, delta: 6, added: seven }, Infinity)).toBe("+6 d: A-1, A-2, A-3, A-4, A-5, A-6 and A-7 added");
    expect(scopeChangeLabel({ ...base, delta: 0, added: ["A-1"], cancelled: ["A-2"] })).toBe("±0 d: A-1 added; A-2 cancelled");
  });
});

// Random projects with random histories: each seed is a case, so a failure names the seed.
const STATUSES: PlanStatus[] = ["planned", "in_progress", "blocked", "done", "cancelled"];

function randomProject(seed: number) {
  const random = seededRandom(seed * 104_729);
  const int = (k: number) => Math.floor(random() * k);
  const n = int(60);
  const milestones: BurnUpMilestone[] = [];
  const updates: BurnUpStatusChange[] = [];
  for (let i = 0; i < n; i++) {
    const created = -int(90) + (random() < 0.05 ? 5 : 0);
    let status: PlanStatus = random() < 0.7 ? "planned" : STATUSES[int(5)];
    let completedAt: Date | null = status === "done" ? at(created) : null;
    const id = `m${i}`;
    const recorded = random() < 0.85;
    if (recorded) updates.push(change(id, created, null, status));
    for (let k = int(6), when = created; k > 0; k--) {
      when += int(10);
      const next = STATUSES[int(5)];
      // Some histories lose a record, so replay and the current status may disagree.
      if (recorded && random() < 0.9) updates.push(change(id, Math.min(when, 2), random() < 0.9 ? status : null, next, int(600)));
      completedAt = next === "done" ? (completedAt ?? at(when)) : null;
      status = next;
    }
    const estimateDays = random() < 0.25 ? null : random() < 0.05 ? 0 : Math.round(random() * 200) / 10;
    milestones.push({ id, key: `R-${i}`, status, estimateDays, createdAt: at(created, int(600)), completedAt });
  }
  return { milestones, updates: updates.sort(() => random() - 0.5) };
}

describe.each(Array.from({ length: 60 }, (_, i) => i + 1))("random history, seed %i", (seed) => {
  const { milestones, updates } = randomProject(seed);
  const burnUp = computeBurnUp(milestones, updates, T);
  const plan = computePlan(
    milestones.map((m) => ({ id: m.id, key: m.key, status: m.status, health: "on_track" as const, estimateDays: m.estimateDays, startDay: null, dueDay: null, completedDay: null })),
    [],
    T,
  );

  it("never has more done than in scope, nor less than nothing", () => {
    for (const p of burnUp.points) {
      expect(p.done).toBeGreaterThanOrEqual(0);
      expect(p.done).toBeLessThanOrEqual(p.scope);
    }
  });

  it("ends on today's done and scope, as the plan weighs them", () => {
    let done = 0;
    let scope = 0;
    for (let i = 0; i < milestones.length; i++) {
      if (milestones[i].status === "cancelled") continue;
      scope += Math.round(plan.weight[i] * 1000);
      if (milestones[i].status === "done") done += Math.round(plan.weight[i] * 1000);
    }
    expect([burnUp.done, burnUp.scope]).toEqual([done / 1000, scope / 1000]);
    const last = burnUp.points.at(-1);
    if (scope > 0) expect(last).toMatchObject({ day: T, done: done / 1000, scope: scope / 1000 });
  });

  it("has one point per day, in order, none after today; the scope moves only on a change's day, by its delta", () => {
    const days = burnUp.points.map((p) => p.day);
    expect(days).toEqual([...new Set(days)].sort((a, b) => a - b));
    expect(days.every((d) => d <= T)).toBe(true);
    const byDay = new Map(burnUp.changes.map((c) => [c.day, c.delta]));
    let scope = 0;
    for (const p of burnUp.points) {
      expect(p.scope).toBeCloseTo(scope + (byDay.get(p.day) ?? 0), 6);
      scope = p.scope;
    }
  });
});
