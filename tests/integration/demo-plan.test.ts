// The demo's computed plan (issue 9, item 7): seeded today (its dates are days relative to the
// moment of seeding), FLOOR's plan as getProjectPlan computes it shows a real blocked chain, a slip
// and a critical path to the project's end.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { DEMO_PROJECT_KEY, DEMO_USERS, seedDemo } from "@/lib/demo/seed";
import { getProjectPlan, type ProjectPlanView } from "@/lib/data/plan";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

describeEachProvider("demo plan", (provider) => {
  let t: TestDb;
  let plan: ProjectPlanView;
  const now = new Date();
  const open = (status: string) => status !== "done" && status !== "cancelled";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await seedDemo(t.db, now);
    const u = await t.db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.find((x) => x.role === "manager")!.email } });
    const manager: Actor = { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
    plan = await getProjectPlan(manager, DEMO_PROJECT_KEY, now);
  });
  afterAll(() => t?.drop());

  it("has a blocked milestone that puts open work downstream at risk", () => {
    const byKey = new Map(plan.milestones.map((m) => [m.key, m]));
    const blocked = plan.milestones.filter((m) => m.status === "blocked").map((m) => m.key);
    expect(blocked.length).toBeGreaterThan(0);
    // Open milestones whose nearest cause is a blocked milestone: the chain is that cause, the
    // prerequisites between, and the milestone itself.
    const chains = plan.milestones
      .filter((m) => open(m.status) && m.atRiskBecause.length > 0 && byKey.get(m.atRiskBecause[0])?.status === "blocked")
      .map((m) => [...m.atRiskBecause, m.key]);
    expect(chains.length).toBeGreaterThan(0);
    for (const chain of chains) expect(chain.length).toBeGreaterThanOrEqual(2);
  });

  it("has open work slipping past its due date", () => {
    const slipping = plan.milestones.filter((m) => open(m.status) && m.slipDays > 0);
    expect(slipping.length).toBeGreaterThan(0);
    for (const m of slipping) expect(m.earliestFinish > (m.dueDate ?? "")).toBe(true);
  });

  it("has a critical path of three or more milestones ending at the project's end", () => {
    expect(plan.criticalPath.length).toBeGreaterThanOrEqual(3);
    const byKey = new Map(plan.milestones.map((m) => [m.key, m]));
    const last = byKey.get(plan.criticalPath.at(-1)!)!;
    expect(open(last.status)).toBe(true);
    expect(last.earliestFinish).toBe(plan.earliestFinish);
    const openFinishes = plan.milestones.filter((m) => open(m.status)).map((m) => m.earliestFinish);
    expect(openFinishes.every((f) => f <= plan.earliestFinish!)).toBe(true);
    // Each step is the next one's critical predecessor, and every step is marked on the path.
    for (let i = 1; i < plan.criticalPath.length; i++) expect(byKey.get(plan.criticalPath[i])!.criticalPredecessor).toBe(plan.criticalPath[i - 1]);
    for (const key of plan.criticalPath) expect(byKey.get(key)!.onCriticalPath).toBe(true);
    // The project ends after today: the demo's dates are relative to the moment it was seeded.
    expect(plan.earliestFinish! > plan.today).toBe(true);
  });
});
