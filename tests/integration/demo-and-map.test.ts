// The demo as the data layer serves it: the project map links papers to milestones to services
// without dangling edges, and each role sees what the permission matrix says.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { DEMO_PROJECT_KEY, DEMO_USERS, seedDemo } from "@/lib/demo/seed";
import { getProjectMap } from "@/lib/data/map";
import { createMilestone, newMilestoneForm } from "@/lib/data/milestones";
import { getProjectOverview, listProjects } from "@/lib/data/projects";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
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

  it("suggests the next free milestone key and creates milestones for planners only", async () => {
    const engineer = await actor(DEMO_USERS.find((u) => u.role === "engineer")!.email);
    const researcher = await actor(DEMO_USERS.find((u) => u.role === "researcher")!.email);
    const form = await newMilestoneForm(engineer, DEMO_PROJECT_KEY);
    expect(form.nextKey).toBe(`${DEMO_PROJECT_KEY}-16`);
    expect(form.owners.map((o) => o.name)).toContain(engineer.name);
    // Researchers may open the form page (it explains who plans), but not create.
    expect((await newMilestoneForm(researcher, DEMO_PROJECT_KEY)).role).toBe("researcher");
    await expect(createMilestone(researcher, DEMO_PROJECT_KEY, { key: form.nextKey, title: "Not mine to plan" })).rejects.toBeInstanceOf(ForbiddenError);

    const made = await createMilestone(engineer, DEMO_PROJECT_KEY, { key: form.nextKey.toLowerCase(), title: "Shadow traffic", dueDate: "2027-03-31" as unknown as Date });
    expect(made).toMatchObject({ key: `${DEMO_PROJECT_KEY}-16`, status: "planned" });
    expect((await newMilestoneForm(engineer, DEMO_PROJECT_KEY)).nextKey).toBe(`${DEMO_PROJECT_KEY}-17`);
    await expect(createMilestone(engineer, DEMO_PROJECT_KEY, { key: form.nextKey, title: "Again" })).rejects.toBeInstanceOf(ConflictError);
    await expect(createMilestone(engineer, DEMO_PROJECT_KEY, { key: "RAG-99", title: "Wrong project" })).rejects.toBeInstanceOf(ValidationError);
  });
});
