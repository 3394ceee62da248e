// GET /api/v1/projects/{key}/plan on SQLite and PostgreSQL: a small plan whose answers are worked
// out by hand below, read through the route handler with a session cookie; 404 for an outsider.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import type { Actor } from "@/lib/auth/actor";
import * as planRoute from "@/app/api/v1/projects/[key]/plan/route";
import { dayNumber, dayToIso } from "@/lib/graph/plan";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const DAY = 86_400_000;

// Today is T. Estimates in days; the median estimate (of 2, 3, 1, 4, 1) is 2.
//   P-1  2 d, in progress, half its criteria ticked → 1 d left: T..T+1 (last day T)
//   P-2  3 d, after P-1, due T+2: T+1..T+4, last day T+3 → slips 1 day, late
//   P-3  1 d, after P-1, blocked: T+1..T+2
//   P-4  no estimate (2 d), after P-2 and P-3: waits for P-2, T+4..T+6 (last day T+5);
//        at risk from P-2 (late) and P-3 (blocked), both one hop: the cause is P-2 (key order)
//   P-5  4 d, done two days ago;  P-6  10 d, cancelled, after P-5 (no work)
//   P-10 1 d, after P-4: T+6..T+7 (last day T+6); at risk through P-4, from P-2
// Critical path: P-1 → P-2 → P-4 → P-10. Progress: (2 × 0.5 + 4) / (2 + 3 + 1 + 2 + 4 + 1) = 5/13.
describeEachProvider("GET /projects/{key}/plan", (provider) => {
  let t: TestDb;
  let viewer: Actor;
  let outsider: Actor;
  const today = dayNumber(new Date());
  const date = (offset: number) => new Date((today + offset) * DAY);
  const iso = (offset: number) => dayToIso(today + offset);

  async function user(label: string): Promise<Actor> {
    const u = await t.db.user.create({ data: { email: `${label}-${randomBytes(3).toString("hex")}@example.test`, name: label } });
    return { id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: "vitest" };
  }

  async function cookie(actor: Actor) {
    const version = (await t.db.user.findUniqueOrThrow({ where: { id: actor.id } })).sessionVersion;
    return `next-auth.session-token=${await encode({ token: { uid: actor.id, sv: version }, secret: process.env.NEXTAUTH_SECRET! })}`;
  }

  const get = async (actor: Actor, key: string) =>
    planRoute.GET(new Request(`http://test/api/v1/projects/${key}/plan`, { headers: { cookie: await cookie(actor) } }), params({ key }));

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    viewer = await user("viewer");
    outsider = await user("outsider");
    const project = await t.db.project.create({ data: { key: "PLAN", name: "Plan", memberships: { create: { userId: viewer.id, role: "viewer" } } } });
    const milestone = (key: string, data: Record<string, unknown> = {}) =>
      t.db.milestone.create({ data: { projectId: project.id, key, title: `Work ${key}`, ...data } });
    const m1 = await milestone("P-1", { estimateDays: 2, status: "in_progress", acceptanceCriteria: "- [x] first\n- [ ] second" });
    const m2 = await milestone("P-2", { estimateDays: 3, dueDate: date(2) });
    const m3 = await milestone("P-3", { estimateDays: 1, status: "blocked" });
    const m4 = await milestone("P-4");
    const m5 = await milestone("P-5", { estimateDays: 4, status: "done", completedAt: date(-2) });
    const m6 = await milestone("P-6", { estimateDays: 10, status: "cancelled" });
    const m10 = await milestone("P-10", { estimateDays: 1 });
    const edges: [typeof m1, typeof m1][] = [[m2, m1], [m3, m1], [m4, m2], [m4, m3], [m6, m5], [m10, m4]];
    for (const [m, on] of edges) await t.db.milestoneDependency.create({ data: { projectId: project.id, milestoneId: m.id, dependsOnId: on.id } });
    const handoff = await t.db.handoff.create({ data: { projectId: project.id, title: "Paper", authors: [], sections: {} } });
    for (const m of [m1, m5]) await t.db.handoffMilestone.create({ data: { handoffId: handoff.id, milestoneId: m.id } });
  });
  afterAll(() => t?.drop());

  it("answers the computed plan worked out by hand", async () => {
    const res = await get(viewer, "PLAN");
    expect(res.status).toBe(200);
    const { plan } = await res.json();
    expect(plan.criticalPath).toEqual(["P-1", "P-2", "P-4", "P-10"]);
    expect(plan.progress).toBe(0.385);
    expect(plan.defaultEstimateDays).toBe(2);
    expect(plan.today).toBe(iso(0));
    expect(plan.earliestFinish).toBe(iso(6));
    expect(plan.handoffs).toEqual([{ id: expect.any(String), title: "Paper", progress: 0.833 }]);
    const rows = Object.fromEntries(
      plan.milestones.map((m: Record<string, unknown>) => [m.key, [m.status, m.progress, m.earliestStart, m.earliestFinish, m.slipDays, m.onCriticalPath, m.atRiskBecause, m.criticalPredecessor]]),
    );
    expect(plan.milestones.map((m: { key: string }) => m.key)).toEqual(["P-1", "P-2", "P-3", "P-4", "P-5", "P-6", "P-10"]);
    expect(rows).toEqual({
      "P-1": ["in_progress", 0.5, iso(0), iso(0), 0, true, [], null],
      "P-2": ["planned", 0, iso(1), iso(3), 1, true, [], "P-1"],
      "P-3": ["blocked", 0, iso(1), iso(1), 0, false, [], "P-1"],
      "P-4": ["planned", 0, iso(4), iso(5), 0, true, ["P-2"], "P-2"],
      "P-5": ["done", 1, iso(-2), iso(-2), 0, false, [], null],
      "P-6": ["cancelled", 1, iso(0), iso(0), 0, false, [], null],
      "P-10": ["planned", 0, iso(6), iso(6), 0, true, ["P-2", "P-4"], "P-4"],
    });
    // What the timeline draws besides: planned dates, the estimate as entered, prerequisites by key.
    const p4 = plan.milestones.find((m: { key: string }) => m.key === "P-4");
    expect([p4.startDate, p4.dueDate, p4.estimateDays, p4.dependsOn]).toEqual([null, null, null, ["P-2", "P-3"]]);
    const p2 = plan.milestones.find((m: { key: string }) => m.key === "P-2");
    expect([p2.startDate, p2.dueDate, p2.estimateDays, p2.dependsOn]).toEqual([null, iso(2), 3, ["P-1"]]);
    // P-4 and everything upstream: P-1's 1 day done of 2 + 3 + 1 + 2.
    expect(plan.milestones.find((m: { key: string }) => m.key === "P-4").subtreeProgress).toBe(0.125);
  });

  it("answers 404 to a caller who cannot see the project, as for one that does not exist", async () => {
    const res = await get(outsider, "PLAN");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const missing = await get(outsider, "NOPE");
    expect((await res.json()).detail).toBe((await missing.json()).detail);
  });
});
