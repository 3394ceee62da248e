// Issue 11, items 4 and 7: the map endpoints send the graph as JSON with a layout computed once per
// graph version and stored (MapLayout), validated by ETag; pins arrange a project map for the team.
// Route handlers and the data layer against a real database, on SQLite and PostgreSQL.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ROLES, roleAllows, type ProjectRole } from "@/lib/auth/permissions";
import { createToken } from "@/lib/data/tokens";
import { createMilestone, deleteMilestone } from "@/lib/data/milestones";
import { clearMapPins, removeMapPin, setMapPins } from "@/lib/data/map-pins";
import { layoutRuns } from "@/lib/data/map-layout-cache";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { LIMITS } from "@/lib/validation/limits";
import * as mapRoute from "@/app/api/v1/projects/[key]/map/route";
import * as pinsRoute from "@/app/api/v1/projects/[key]/map/pins/route";
import * as pinRoute from "@/app/api/v1/projects/[key]/map/pins/[node]/route";
import * as servicesMapRoute from "@/app/api/v1/maps/services/route";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const params = <P,>(p: P) => ({ params: Promise.resolve(p) });
const KEY = "ARR";

type MapBody = {
  version: string;
  canArrange: boolean;
  nodes: { id: string; kind: string }[];
  edges: { id: string; source: string; target: string }[];
  pins: { node: string; x: number; y: number; by: string | null }[];
  layout: { positions: { id: string; x: number; y: number }[]; routes: { edge: number }[]; width: number; height: number; lanes?: unknown[] };
};

describeEachProvider("map endpoints and pins", (provider) => {
  let t: TestDb;
  const actors = {} as Record<ProjectRole | "outsider" | "admin", Actor>;
  const tokens = {} as Record<string, string>;
  let milestones: string[] = [];

  async function makeUser(label: string, isAdmin = false): Promise<Actor> {
    const u = await t.db.user.create({ data: { email: `${label}-${randomBytes(3).toString("hex")}@example.test`, name: `Test ${label}`, isAdmin } });
    return { id: u.id, email: u.email, name: u.name, isAdmin, ip: "127.0.0.1", userAgent: `vitest ${provider}` };
  }

  const get = (who: keyof typeof actors, headers: Record<string, string> = {}) =>
    mapRoute.GET(new Request(`http://test/api/v1/projects/${KEY}/map`, { headers: { authorization: `Bearer ${tokens[who]}`, ...headers } }), params({ key: KEY }));
  const body = async (who: keyof typeof actors) => {
    const res = await get(who);
    expect(res.status).toBe(200);
    return (await res.json()) as MapBody;
  };
  const put = (who: keyof typeof actors, payload: unknown) =>
    pinsRoute.PUT(
      new Request(`http://test/api/v1/projects/${KEY}/map/pins`, { method: "PUT", headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" }, body: JSON.stringify(payload) }),
      params({ key: KEY }),
    );

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const project = await t.db.project.create({ data: { key: KEY, name: "Arranged" } });
    for (const role of ROLES) {
      actors[role] = await makeUser(role);
      await t.db.membership.create({ data: { projectId: project.id, userId: actors[role].id, role } });
    }
    actors.outsider = await makeUser("outsider");
    actors.admin = await makeUser("admin", true);
    for (const who of Object.keys(actors) as (keyof typeof actors)[]) tokens[who] = (await createToken(actors[who], { name: "map test" })).token;
    const paper = await t.db.handoff.create({ data: { projectId: project.id, title: "Paper", authors: [], sections: {} } });
    const api = await t.db.service.create({ data: { name: `arr-api-${randomBytes(2).toString("hex")}`, layer: "api" } });
    for (let i = 1; i <= 5; i++) {
      const m = await t.db.milestone.create({ data: { projectId: project.id, key: `${KEY}-${i}`, title: `Step ${i}` } });
      milestones.push(m.id);
      await t.db.handoffMilestone.create({ data: { handoffId: paper.id, milestoneId: m.id } });
      if (i > 1) await t.db.milestoneDependency.create({ data: { projectId: project.id, milestoneId: m.id, dependsOnId: milestones[i - 2] } });
    }
    // A long edge: the paper straight to the last milestone is already there; the first milestone to the service spans columns.
    await t.db.milestoneService.create({ data: { milestoneId: milestones[0], serviceId: api.id } });
    milestones = [...milestones];
  });
  afterAll(() => t?.drop());

  describe("GET /projects/{key}/map", () => {
    it("answers 404 to someone outside the project, as for a project that does not exist", async () => {
      const res = await get("outsider");
      expect(res.status).toBe(404);
      const missing = await mapRoute.GET(new Request("http://test/api/v1/projects/NOPE/map", { headers: { authorization: `Bearer ${tokens.viewer}` } }), params({ key: "NOPE" }));
      expect(missing.status).toBe(404);
      expect((await res.json()).detail).toBe((await missing.json()).detail);
    });

    it("gives every member the graph with a layout position for each node, and says who may arrange", async () => {
      for (const role of ROLES) {
        const map = await body(role);
        expect(map.nodes).toHaveLength(7);
        expect(new Set(map.layout.positions.map((p) => p.id))).toEqual(new Set(map.nodes.map((n) => n.id)));
        for (const route of map.layout.routes) expect(map.edges[route.edge]).toBeDefined();
        expect(map.canArrange).toBe(roleAllows(role, "map", "arrange"));
      }
      expect((await body("admin")).canArrange).toBe(true);
    });

    it("answers 304 to If-None-Match with the current ETag, private to the caller", async () => {
      const first = await get("engineer");
      const etag = first.headers.get("etag")!;
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(first.headers.get("cache-control")).toBe("private, no-cache");
      const again = await get("engineer", { "if-none-match": etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      const stale = await get("engineer", { "if-none-match": '"something-else"' });
      expect(stale.status).toBe(200);
    });

    it("lays a version out once: a reopen reads the stored layout, a new milestone lays out once more", async () => {
      const before = await body("viewer");
      const runs = layoutRuns.count;
      const rows = await t.db.mapLayout.count();
      const reopened = await body("owner");
      expect(reopened.version).toBe(before.version);
      expect(reopened.layout).toEqual(before.layout);
      expect(layoutRuns.count).toBe(runs);
      expect(await t.db.mapLayout.count()).toBe(rows);

      const added = await createMilestone(actors.engineer, KEY, { key: `${KEY}-9`, title: "Added later" });
      const changed = await body("viewer");
      expect(changed.version).not.toBe(before.version);
      expect(changed.nodes.map((n) => n.id)).toContain(`milestone:${added.id}`);
      expect(layoutRuns.count).toBe(runs + 1);
      await body("manager");
      expect(layoutRuns.count).toBe(runs + 1);
      const stored = await t.db.mapLayout.findMany({ where: { version: changed.version } });
      expect(stored).toHaveLength(1);
      expect(JSON.parse(stored[0].layout)).toEqual(changed.layout);

      // A renamed milestone changes no position: same version, nothing laid out (the ETag changes, the text did).
      const etag = (await get("viewer")).headers.get("etag");
      await t.db.milestone.update({ where: { id: added.id }, data: { title: "Renamed" } });
      const renamed = await get("viewer");
      expect(((await renamed.json()) as MapBody).version).toBe(changed.version);
      expect(renamed.headers.get("etag")).not.toBe(etag);
      expect(layoutRuns.count).toBe(runs + 1);
      await deleteMilestone(actors.owner, added.id);
    });

    it("keeps at most the newest few versions of a map", async () => {
      for (let i = 0; i < LIMITS.map.layoutVersions + 2; i++) {
        const m = await createMilestone(actors.engineer, KEY, { key: `${KEY}-${20 + i}`, title: `Churn ${i}` });
        await body("viewer");
        await deleteMilestone(actors.owner, m.id);
      }
      const project = await t.db.project.findUniqueOrThrow({ where: { key: KEY } });
      expect(await t.db.mapLayout.count({ where: { scope: `project:${project.id}` } })).toBeLessThanOrEqual(LIMITS.map.layoutVersions);
    });

    it("serves the services map in lanes to any member, with an ETag", async () => {
      const res = await servicesMapRoute.GET(new Request("http://test/api/v1/maps/services", { headers: { authorization: `Bearer ${tokens.outsider}` } }), params({}));
      expect(res.status).toBe(200);
      const map = (await res.json()) as MapBody;
      expect(map.nodes.every((n) => n.kind === "service")).toBe(true);
      expect(map.layout.lanes?.length).toBeGreaterThan(0);
      const again = await servicesMapRoute.GET(new Request("http://test/api/v1/maps/services", { headers: { authorization: `Bearer ${tokens.outsider}`, "if-none-match": res.headers.get("etag")! } }), params({}));
      expect(again.status).toBe(304);
    });
  });

  describe("pins", () => {
    const node = (i: number) => `milestone:${milestones[i]}`;

    it("lets exactly the roles that plan arrange the map; others get 403, outsiders 404, each audited", async () => {
      for (const who of [...ROLES, "outsider", "admin"] as const) {
        const res = await put(who, { pins: [{ node: node(0), x: 10, y: 20 }] });
        const allowed = who === "admin" || (who !== "outsider" && roleAllows(who, "map", "arrange"));
        expect(res.status, who).toBe(allowed ? 200 : who === "outsider" ? 404 : 403);
      }
      const denied = await t.db.auditEvent.count({ where: { action: "map.arrange", outcome: "denied" } });
      expect(denied).toBe(ROLES.filter((r) => !roleAllows(r, "map", "arrange")).length + 1);
      expect(await t.db.auditEvent.count({ where: { action: "map.pins.set", outcome: "success" } })).toBeGreaterThanOrEqual(4);
      await expect(clearMapPins(actors.viewer, KEY)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(removeMapPin(actors.researcher, KEY, node(0))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(clearMapPins(actors.outsider, KEY)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("puts a pinned node where it was left for every member, and drops the routes of its edges", async () => {
      await put("engineer", { pins: [{ node: node(2), x: 1234.5, y: -60 }] });
      const map = await body("viewer");
      expect(map.pins.find((p) => p.node === node(2))).toMatchObject({ x: 1234.5, y: -60, by: "Test engineer" });
      // The layout itself is the computed one: pins are drawn over it by the map (lib/graph/map-pins).
      const computed = map.layout.positions.find((p) => p.id === node(2))!;
      expect([computed.x, computed.y]).not.toEqual([1234.5, -60]);
    });

    it("refuses bad pins, naming the field by its label, and stores nothing", async () => {
      const before = await t.db.mapPin.count();
      const cases: [unknown, RegExp, string][] = [
        [{ pins: [{ node: node(1), x: "left", y: 0 }] }, /^X position must be a number/, "pins.0.x"],
        [{ pins: [{ node: node(1), x: 0, y: 1e12 }] }, /^Y position must be at most 1,000,000/, "pins.0.y"],
        [{ pins: [{ node: node(1), x: 0 }] }, /^Y position is required/, "pins.0.y"],
        [{ pins: [{ node: "milestone:not-on-this-map", x: 0, y: 0 }] }, /^Node milestone:not-on-this-map is not on the map of Arranged/, "pins.0.node"],
        [{ pins: [{ node: "anything", x: 0, y: 0 }] }, /^Node must be a map node id such as milestone:<id>/, "pins.0.node"],
        [{ pins: [] }, /^Pins must list at least one pin/, "pins"],
        [{ pins: Array.from({ length: LIMITS.map.pinsPerRequest + 1 }, () => ({ node: node(1), x: 0, y: 0 })) }, /^Pins can set at most 500 pins at once/, "pins"],
        [{}, /^Pins/, "pins"],
      ];
      for (const [payload, message, field] of cases) {
        const res = await put("owner", payload);
        expect(res.status, JSON.stringify(payload).slice(0, 80)).toBe(422);
        const problem = await res.json();
        expect(problem.detail).toMatch(message);
        expect(Object.keys(problem.errors)).toContain(field);
      }
      // Infinity cannot travel in JSON; the data layer refuses it from any other caller.
      await expect(setMapPins(actors.owner, KEY, { pins: [{ node: node(1), x: Infinity, y: 0 }] })).rejects.toThrow(/^X position must be a (finite )?number/);
      expect(await t.db.mapPin.count()).toBe(before);
    });

    it("refuses pins past the cap per project (409)", async () => {
      const project = await t.db.project.findUniqueOrThrow({ where: { key: KEY } });
      const filler = Array.from({ length: LIMITS.map.pinsPerProject }, (_, i) => ({ projectId: project.id, nodeId: `milestone:filler${i}`, x: 0, y: 0 }));
      await t.db.mapPin.createMany({ data: filler });
      await expect(setMapPins(actors.owner, KEY, { pins: [{ node: node(4), x: 1, y: 1 }] })).rejects.toBeInstanceOf(ConflictError);
      // Reading the map prunes pins of nodes that are not on it.
      const map = await body("viewer");
      expect(map.pins.every((p) => !p.node.includes("filler"))).toBe(true);
      expect(await t.db.mapPin.count({ where: { nodeId: { startsWith: "milestone:filler" } } })).toBe(0);
    });

    it("ignores and prunes the pin of a deleted node; the others survive the change", async () => {
      const extra = await createMilestone(actors.engineer, KEY, { key: `${KEY}-40`, title: "Short-lived" });
      await setMapPins(actors.engineer, KEY, { pins: [{ node: `milestone:${extra.id}`, x: 5, y: 5 }, { node: node(3), x: 700, y: 300 }] });
      await deleteMilestone(actors.owner, extra.id);
      const map = await body("researcher");
      expect(map.pins.map((p) => p.node)).not.toContain(`milestone:${extra.id}`);
      expect(map.pins.find((p) => p.node === node(3))).toMatchObject({ x: 700, y: 300 });
      expect(await t.db.mapPin.count({ where: { nodeId: `milestone:${extra.id}` } })).toBe(0);
    });

    it("unpins one node, then re-layout drops every pin", async () => {
      const res = await pinRoute.DELETE(
        new Request(`http://test/api/v1/projects/${KEY}/map/pins/${encodeURIComponent(node(3))}`, { method: "DELETE", headers: { authorization: `Bearer ${tokens.manager}` } }),
        params({ key: KEY, node: node(3) }),
      );
      expect(res.status).toBe(200);
      expect((await body("viewer")).pins.map((p) => p.node)).not.toContain(node(3));
      await expect(removeMapPin(actors.manager, KEY, node(3))).rejects.toBeInstanceOf(NotFoundError);
      await expect(removeMapPin(actors.manager, KEY, "milestone:\u0000x")).rejects.toBeInstanceOf(ValidationError);

      expect((await body("viewer")).pins.length).toBeGreaterThan(0);
      const cleared = await pinsRoute.DELETE(new Request(`http://test/api/v1/projects/${KEY}/map/pins`, { method: "DELETE", headers: { authorization: `Bearer ${tokens.owner}` } }), params({ key: KEY }));
      expect(cleared.status).toBe(200);
      expect((await cleared.json()).removed).toBeGreaterThan(0);
      expect((await body("viewer")).pins).toEqual([]);
      expect(await t.db.auditEvent.count({ where: { action: "map.pins.clear", outcome: "success" } })).toBe(1);
    });
  });
});
