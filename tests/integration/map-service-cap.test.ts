// The project map follows calls to at most MAP_SERVICE_CAP services, and says so only when it
// left one off: a project that itself runs more services than the cap shows them all, silently.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getProjectMap, MAP_SERVICE_CAP } from "@/lib/data/map";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

describeEachProvider("the project map's service cap", (provider) => {
  let t: TestDb;
  let actor: Actor;

  /** A project running `runs` services, the first of which calls `outside` more that it does not run. */
  async function project(key: string, runs: number, outside: number) {
    const p = await t.db.project.create({ data: { key, name: key, memberships: { create: { userId: actor.id, role: "viewer" } } } });
    const name = (i: number, kind: string) => `${key.toLowerCase()}-${kind}-${i}`;
    await t.db.service.createMany({ data: Array.from({ length: runs }, (_, i) => ({ id: name(i, "run"), name: name(i, "run"), layer: "service" as const })) });
    await t.db.service.createMany({ data: Array.from({ length: outside }, (_, i) => ({ id: name(i, "out"), name: name(i, "out"), layer: "data" as const })) });
    await t.db.projectService.createMany({ data: Array.from({ length: runs }, (_, i) => ({ projectId: p.id, serviceId: name(i, "run") })) });
    await t.db.serviceDependency.createMany({ data: Array.from({ length: outside }, (_, i) => ({ fromId: name(0, "run"), toId: name(i, "out"), kind: "reads" as const })) });
  }
  const services = (map: Awaited<ReturnType<typeof getProjectMap>>) => map.nodes.filter((n) => n.kind === "service").length;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const u = await t.db.user.create({ data: { email: `cap-${provider}@example.test`, name: "Cap reader" } });
    actor = { id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: `vitest ${provider}` };
    await project("RUNS", MAP_SERVICE_CAP + 40, 0);
    await project("REACH", 20, 5);
    await project("OVER", MAP_SERVICE_CAP - 2, 5);
  });
  afterAll(() => t?.drop());

  it("shows every service the project runs, past the cap, and does not say any was left off", async () => {
    const map = await getProjectMap(actor, "RUNS");
    expect(services(map)).toBe(MAP_SERVICE_CAP + 40);
    expect(map.servicesCapped).toBe(false);
  });

  it("follows calls to services it does not run while under the cap", async () => {
    const map = await getProjectMap(actor, "REACH");
    expect(services(map)).toBe(25);
    expect(map.servicesCapped).toBe(false);
  });

  it("stops at the cap and says so when a service reached by a call is left off", async () => {
    const map = await getProjectMap(actor, "OVER");
    expect(services(map)).toBe(MAP_SERVICE_CAP);
    expect(map.servicesCapped).toBe(true);
  });
});
