// The demo as the data layer serves it: the project map links papers to milestones to services
// without dangling edges, and each role sees what the permission matrix says.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { DEMO_PROJECT_KEY, DEMO_USERS, seedDemo } from "@/lib/demo/seed";
import { getProjectMap } from "@/lib/data/map";
import { getProjectOverview, listProjects } from "@/lib/data/projects";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { findCycle } from "@/lib/graph/cycles";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

describeEachProvider("demo project and map", (provider) => {
  let t: TestDb;
  const actor = async (email: string): Promise<Actor> => {
    const u = await t.db.user.findUniqueOrThrow({ where: { email } });
    return { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
  };

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await seedDemo(t.db, new Date("2026-11-26T12:00:00Z"));
  });
  afterAll(() => t?.drop());

  it("maps every paper to milestones to services, with no dangling edge and no cycle", async () => {
    const engineer = await actor(DEMO_USERS.find((u) => u.role === "engineer")!.email);
    const map = await getProjectMap(engineer, DEMO_PROJECT_KEY);
    const kinds = (k: string) => map.nodes.filter((n) => n.kind === k).length;
    expect(kinds("handoff")).toBe(3);
    expect(kinds("milestone")).toBe(15);
    expect(kinds("service")).toBeGreaterThanOrEqual(5);
    const ids = new Set(map.nodes.map((n) => n.id));
    for (const edge of map.edges) {
      expect(ids.has(edge.source), `${edge.id} source`).toBe(true);
      expect(ids.has(edge.target), `${edge.id} target`).toBe(true);
    }
    const dependencies = map.edges.filter((e) => e.kind === "depends");
    expect(dependencies.length).toBeGreaterThan(10);
    expect(findCycle(map.nodes.map((n) => ({ id: n.id })), dependencies)).toBeNull();
    expect(map.edges.some((e) => e.kind === "decomposed")).toBe(true);
    expect(map.edges.some((e) => e.kind === "implements")).toBe(true);
  });

  it("shows the manager blocked and overdue work on the overview", async () => {
    const manager = await actor(DEMO_USERS.find((u) => u.role === "manager")!.email);
    const overview = await getProjectOverview(manager, DEMO_PROJECT_KEY, new Date("2026-11-26T12:00:00Z"));
    expect(overview.milestones.total).toBe(15);
    expect(overview.milestones.blocked.length).toBeGreaterThanOrEqual(2);
    expect(overview.milestones.overdue.length).toBeGreaterThanOrEqual(2);
    expect((await listProjects(manager)).length).toBe(2);
  });

  it("hides the map from people outside the project and from signed-out callers", async () => {
    const stranger = await t.db.user.create({ data: { email: "stranger@example.test", name: "Stranger" } });
    const outsider: Actor = { id: stranger.id, email: stranger.email, name: stranger.name, isAdmin: false, ip: "", userAgent: "" };
    await expect(getProjectMap(outsider, DEMO_PROJECT_KEY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProjectMap(null, DEMO_PROJECT_KEY)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
