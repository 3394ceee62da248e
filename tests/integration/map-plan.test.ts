// The plan the map draws (lib/graph/map-plan over getProjectMap's nodes and edges) is the plan the
// plan page and API compute (getProjectPlan): the same critical path, the same slip per milestone,
// on the demo project, in SQLite and PostgreSQL. And a collapsed paper rolls up what the demo holds.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { DEMO_PROJECT_KEY, DEMO_USERS, seedDemo } from "@/lib/demo/seed";
import { getProjectMap } from "@/lib/data/map";
import { getProjectPlan } from "@/lib/data/plan";
import { collapseMap } from "@/lib/graph/collapse";
import { highlightSelection, mapPlan } from "@/lib/graph/map-plan";
import { dayNumber } from "@/lib/graph/plan";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const SEEDED = new Date("2026-11-26T12:00:00Z");

describeEachProvider("the plan drawn on the map", (provider) => {
  let t: TestDb;
  let engineer: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await seedDemo(t.db, SEEDED);
    const u = await t.db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.find((d) => d.role === "engineer")!.email } });
    engineer = { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
  });
  afterAll(() => t?.drop());

  it("has the plan page's critical path and slip", async () => {
    const now = new Date(SEEDED.getTime() + 3 * 86_400_000);
    const [map, plan] = await Promise.all([getProjectMap(engineer, DEMO_PROJECT_KEY), getProjectPlan(engineer, DEMO_PROJECT_KEY, now)]);
    const drawn = mapPlan(map.nodes, map.edges, dayNumber(now));
    expect(plan.criticalPath.length).toBeGreaterThan(1);
    expect(drawn.plan.criticalPath.map((i) => drawn.plan.keys[i])).toEqual(plan.criticalPath);
    expect(Object.fromEntries(drawn.plan.keys.map((key, i) => [key, drawn.plan.slipDays[i]]))).toEqual(Object.fromEntries(plan.milestones.map((m) => [m.key, m.slipDays])));
    const lit = highlightSelection(drawn, map.edges, "critical");
    const keyOf = new Map(map.nodes.map((n) => [n.id, n.sublabel]));
    expect([...lit.nodes].map((id) => keyOf.get(id))).toEqual(plan.criticalPath);
    expect(lit.edges.size).toBe(plan.criticalPath.length - 1);
  });

  it("rolls HouseDiffusion's subtree up as blocked, with its nine milestones", async () => {
    const map = await getProjectMap(engineer, DEMO_PROJECT_KEY);
    const paper = map.nodes.find((n) => n.kind === "handoff" && n.label.startsWith("HouseDiffusion"))!;
    const positions = new Map(map.nodes.map((n, i) => [n.id, { x: 0, y: i * 100 }]));
    const { slipping } = mapPlan(map.nodes, map.edges, dayNumber(SEEDED));
    const view = collapseMap(map.nodes, map.edges, positions, [`paper:${paper.id}`], { slipping });
    expect(view.groups).toHaveLength(1);
    expect(view.groups[0]).toMatchObject({ summary: "9 milestones · 1 service", counts: { handoff: 1, milestone: 9, service: 1 } });
    expect(view.groups[0].rollup).toMatchObject({ status: "blocked", milestones: 9, blocked: 2 });
    expect(view.edges.find((e) => e.source === `paper:${paper.id}` && e.kind === "implements" && map.nodes.find((n) => n.id === e.target)?.label === "floorplan-generator")?.count).toBe(6);
  });
});
