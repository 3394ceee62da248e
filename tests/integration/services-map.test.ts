// Issue 10, item 2 (the map part): a project map never silently drops a service its services call,
// and the organisation-wide services map shows the whole catalog with who uses each service, from
// projects the caller can see only. On SQLite and PostgreSQL.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { MAP_SERVICE_HOPS, getProjectMap } from "@/lib/data/map";
import { getServicesMap } from "@/lib/data/services-map";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

describeEachProvider("project map services and the services map", (provider) => {
  let t: TestDb;
  const actors = {} as Record<"engineer" | "outsider" | "admin", Actor>;
  const svc: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    for (const role of ["engineer", "outsider", "admin"] as const) {
      const u = await t.db.user.create({ data: { email: `${role}@example.test`, name: role, isAdmin: role === "admin" } });
      actors[role] = { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
    }
    const layers: Record<string, "gateway" | "api" | "service" | "worker" | "model" | "data"> = {
      gateway: "gateway", "layout-api": "api", checker: "service", postgres: "data", backup: "worker", "ops-runner": "worker", "ops-db": "data", lonely: "model",
    };
    for (const [name, layer] of Object.entries(layers)) svc[name] = (await t.db.service.create({ data: { name, layer } })).id;
    // A chain longer than the hop cap, to prove the cap holds.
    for (let i = 0; i <= MAP_SERVICE_HOPS + 2; i++) svc[`chain-${i}`] = (await t.db.service.create({ data: { name: `chain-${i}`, layer: "service" } })).id;
    const call = (from: string, to: string, kind: "calls" | "reads" | "publishes" = "calls") => t.db.serviceDependency.create({ data: { fromId: svc[from], toId: svc[to], kind } });
    await call("gateway", "layout-api");
    await call("layout-api", "checker");
    await call("checker", "postgres", "reads");
    await call("postgres", "backup", "publishes");
    await call("checker", "layout-api"); // a cycle
    await call("ops-runner", "ops-db", "reads");
    for (let i = 0; i < MAP_SERVICE_HOPS + 2; i++) await call(`chain-${i}`, `chain-${i + 1}`);

    const floor = await t.db.project.create({ data: { key: "FLOOR", name: "Floor plans", memberships: { create: { userId: actors.engineer.id, role: "engineer" } } } });
    const m1 = await t.db.milestone.create({ data: { projectId: floor.id, key: "FLOOR-1", title: "Route layouts" } });
    await t.db.milestoneService.create({ data: { milestoneId: m1.id, serviceId: svc.gateway } });
    await t.db.milestoneService.create({ data: { milestoneId: m1.id, serviceId: svc["chain-0"] } });
    const paper = await t.db.handoff.create({ data: { projectId: floor.id, title: "Diffusion floor plans", paperTitle: "Floor plans by diffusion", authors: [], sections: {} } });
    await t.db.handoffMilestone.create({ data: { handoffId: paper.id, milestoneId: m1.id } });
    // Compose import records the services a project runs: ops-runner is run, no milestone names it.
    await t.db.projectService.create({ data: { projectId: floor.id, serviceId: svc["ops-runner"] } });

    // A project the engineer is not in, using checker and running postgres.
    const secret = await t.db.project.create({ data: { key: "SECRET", name: "Secret project", memberships: { create: { userId: actors.outsider.id, role: "owner" } } } });
    const s1 = await t.db.milestone.create({ data: { projectId: secret.id, key: "SECRET-1", title: "Hidden work" } });
    await t.db.milestoneService.create({ data: { milestoneId: s1.id, serviceId: svc.checker } });
    const hiddenPaper = await t.db.handoff.create({ data: { projectId: secret.id, title: "Hidden paper", authors: [], sections: {} } });
    await t.db.handoffMilestone.create({ data: { handoffId: hiddenPaper.id, milestoneId: s1.id } });
    await t.db.projectService.create({ data: { projectId: secret.id, serviceId: svc.postgres } });
  });
  afterAll(() => t?.drop());

  const service = <N extends { id: string }>(nodes: N[], name: string) => nodes.find((n) => n.id === `service:${svc[name]}`);

  it("includes services reached transitively through calls, reads and publishes, saying through which", async () => {
    const map = await getProjectMap(actors.engineer, "FLOOR");
    const names = map.nodes.filter((n) => n.kind === "service").map((n) => n.label);
    for (const name of ["gateway", "layout-api", "checker", "postgres", "backup"]) expect(names).toContain(name);
    expect(service(map.nodes, "gateway")).not.toHaveProperty("reason");
    expect(service(map.nodes, "postgres")).toMatchObject({ reason: "Reached through checker", layer: "data" });
    expect(service(map.nodes, "backup")).toMatchObject({ reason: "Reached through postgres" });
    expect(names).not.toContain("lonely");
    // Every edge among the included services is drawn, the cycle's too.
    const edge = (a: string, b: string, kind: string) => map.edges.some((e) => e.source === `service:${svc[a]}` && e.target === `service:${svc[b]}` && e.kind === kind);
    expect(edge("checker", "postgres", "reads")).toBe(true);
    expect(edge("postgres", "backup", "publishes")).toBe(true);
    expect(edge("checker", "layout-api", "calls")).toBe(true);
    const ids = new Set(map.nodes.map((n) => n.id));
    for (const e of map.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it("includes a service the project runs (ProjectService) and what it reaches", async () => {
    const map = await getProjectMap(actors.engineer, "FLOOR");
    expect(service(map.nodes, "ops-runner")).toMatchObject({ reason: "Run by this project" });
    expect(service(map.nodes, "ops-db")).toMatchObject({ reason: "Reached through ops-runner" });
  });

  it("follows calls no further than the hop cap, with the edges among what it includes", async () => {
    const map = await getProjectMap(actors.engineer, "FLOOR");
    const chain = map.nodes.filter((n) => n.label.startsWith("chain-")).map((n) => n.label);
    expect(chain).toContain(`chain-${MAP_SERVICE_HOPS}`);
    expect(chain).not.toContain(`chain-${MAP_SERVICE_HOPS + 1}`);
    expect(map.edges.filter((e) => e.source.startsWith("service:") && chain.some((c) => e.source === `service:${svc[c]}`))).toHaveLength(chain.length - 1);
  });

  it("the services map shows every service, also those nothing uses, with every edge", async () => {
    const map = await getServicesMap(actors.engineer);
    expect(map.nodes.map((n) => n.label).sort()).toEqual(Object.keys(svc).sort());
    expect(map.edges).toHaveLength(6 + MAP_SERVICE_HOPS + 2);
    expect(service(map.nodes, "lonely")).toMatchObject({ usedBy: { projects: [], papers: [] }, layer: "model" });
  });

  it("lists who uses a service from visible projects only; an admin sees all", async () => {
    const mine = await getServicesMap(actors.engineer);
    expect(service(mine.nodes, "gateway")).toMatchObject({
      usedBy: { projects: [{ key: "FLOOR", name: "Floor plans", href: "/projects/FLOOR/map" }], papers: [{ label: "Floor plans by diffusion" }] },
    });
    expect(service(mine.nodes, "ops-runner")).toMatchObject({ usedBy: { projects: [{ key: "FLOOR" }], papers: [] } });
    // checker and postgres are used by SECRET only: nothing of it leaks.
    expect(service(mine.nodes, "checker")).toMatchObject({ usedBy: { projects: [], papers: [] } });
    expect(service(mine.nodes, "postgres")).toMatchObject({ usedBy: { projects: [], papers: [] } });
    expect(JSON.stringify(mine)).not.toMatch(/SECRET|Secret project|Hidden/);

    const theirs = await getServicesMap(actors.outsider);
    expect(service(theirs.nodes, "checker")).toMatchObject({ usedBy: { projects: [{ key: "SECRET" }], papers: [{ label: "Hidden paper" }] } });
    expect(service(theirs.nodes, "gateway")).toMatchObject({ usedBy: { projects: [], papers: [] } });

    const all = await getServicesMap(actors.admin);
    expect(service(all.nodes, "postgres")!.usedBy!.projects.map((p) => p.key)).toEqual(["SECRET"]);
    expect(service(all.nodes, "gateway")!.usedBy!.projects.map((p) => p.key)).toEqual(["FLOOR"]);
  });

  it("refuses signed-out callers and keeps a project map from outsiders", async () => {
    await expect(getServicesMap(null)).rejects.toMatchObject({ status: 401 });
    await expect(getProjectMap(actors.outsider, "FLOOR")).rejects.toMatchObject({ status: 404 });
  });
});
