// Issue 11, item 7: a map request with nothing changed is cheap (304, or the cached body, without
// rebuilding the map), and never stale: every kind of change the map shows yields a new ETag and a
// new body; access is checked on every request, so a cached body or a held ETag never reaches
// someone who may not see it; the services map is keyed by the projects its viewer may see.
// Also the pins' limits (issue 11, item 4): the layout's extent plus a margin, refused on PUT and
// clamped on read; and the pin routes' error keys. Route handlers and the data layer against a
// real database, on SQLite and PostgreSQL.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/data/tokens";
import { updateMilestone, updateMilestoneStatus } from "@/lib/data/milestones";
import { addDependency, removeDependency, setMilestoneServices } from "@/lib/data/milestone-plan";
import { removeMapPin, setMapPins } from "@/lib/data/map-pins";
import { forgetMapBodies, mapBuilds } from "@/lib/data/map-graph";
import { applyPins, clampPin, clampPins, PIN_MARGIN, pinBounds } from "@/lib/graph/map-pins";
import * as mapRoute from "@/app/api/v1/projects/[key]/map/route";
import * as pinsRoute from "@/app/api/v1/projects/[key]/map/pins/route";
import * as pinRoute from "@/app/api/v1/projects/[key]/map/pins/[node]/route";
import * as servicesMapRoute from "@/app/api/v1/maps/services/route";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const params = <P,>(p: P) => ({ params: Promise.resolve(p) });
const KEY = "VER";

type MapBody = {
  canArrange: boolean;
  nodes: { id: string; label: string; status: string; owner?: string; usedBy?: { projects: { key: string }[] } }[];
  edges: { id: string; source: string; target: string; kind: string }[];
  pins: { node: string; x: number; y: number }[];
  layout: { width: number; height: number };
};

describeEachProvider("map versions, cached answers and pin limits", (provider) => {
  let t: TestDb;
  const actors = {} as Record<"owner" | "viewer" | "outsider" | "other", Actor>;
  const tokens = {} as Record<keyof typeof actors, string>;
  const m: { id: string; key: string }[] = [];
  let projectId = "";
  let serviceName = "";
  let paperId = "";

  async function makeUser(label: string): Promise<Actor> {
    const u = await t.db.user.create({ data: { email: `${label}-${randomBytes(3).toString("hex")}@example.test`, name: `Test ${label}` } });
    return { id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: `vitest ${provider}` };
  }

  const get = (who: keyof typeof actors, etag?: string) =>
    mapRoute.GET(new Request(`http://test/api/v1/projects/${KEY}/map`, { headers: { authorization: `Bearer ${tokens[who]}`, ...(etag ? { "if-none-match": etag } : {}) } }), params({ key: KEY }));
  const getServices = (who: keyof typeof actors, etag?: string) =>
    servicesMapRoute.GET(new Request("http://test/api/v1/maps/services", { headers: { authorization: `Bearer ${tokens[who]}`, ...(etag ? { "if-none-match": etag } : {}) } }), params({}));
  const snapshot = async (who: keyof typeof actors = "owner") => {
    const res = await get(who);
    expect(res.status).toBe(200);
    const text = await res.text();
    return { etag: res.headers.get("etag")!, text, map: JSON.parse(text) as MapBody };
  };
  const versionOf = async (id: string) => (await t.db.milestone.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const project = await t.db.project.create({ data: { key: KEY, name: "Versioned" } });
    projectId = project.id;
    for (const who of Object.keys({ owner: 1, viewer: 1, outsider: 1, other: 1 }) as (keyof typeof actors)[]) {
      actors[who] = await makeUser(who);
      tokens[who] = (await createToken(actors[who], { name: "map versions" })).token;
    }
    await t.db.membership.create({ data: { projectId, userId: actors.owner.id, role: "owner" } });
    await t.db.membership.create({ data: { projectId, userId: actors.viewer.id, role: "viewer" } });
    const paper = await t.db.handoff.create({ data: { projectId, title: "Paper", authors: [], sections: {} } });
    paperId = paper.id;
    serviceName = `ver-api-${randomBytes(2).toString("hex")}`;
    await t.db.service.create({ data: { name: serviceName, layer: "api" } });
    for (let i = 1; i <= 3; i++) {
      const row = await t.db.milestone.create({ data: { projectId, key: `${KEY}-${i}`, title: `Step ${i}`, ownerId: actors.owner.id } });
      m.push({ id: row.id, key: row.key });
      await t.db.handoffMilestone.create({ data: { handoffId: paper.id, milestoneId: row.id } });
    }
  });
  afterAll(() => t?.drop());

  describe("GET /projects/{key}/map", () => {
    it("answers a reopen with nothing changed by 304 or the cached body, building nothing", async () => {
      forgetMapBodies();
      const builds = mapBuilds.count;
      const first = await snapshot();
      expect(mapBuilds.count).toBe(builds + 1);
      const again = await get("owner", first.etag);
      expect(again.status).toBe(304);
      expect(again.headers.get("etag")).toBe(first.etag);
      const cached = await get("owner");
      expect(cached.status).toBe(200);
      expect(await cached.text()).toBe(first.text);
      expect(mapBuilds.count).toBe(builds + 1);
    });

    it("gives every kind of change a new ETag and a new body", async () => {
      const id = (i: number) => `milestone:${m[i].id}`;
      const changes: [string, () => Promise<unknown>, (map: MapBody) => boolean][] = [
        ["milestone title", () => updateMilestone(actors.owner, m[0].id, { title: "Renamed step", version: 1 }), (map) => map.nodes.some((n) => n.label === "Renamed step")],
        [
          "milestone status",
          async () => updateMilestoneStatus(actors.owner, m[0].id, { status: "in_progress", health: "on_track", version: await versionOf(m[0].id) }),
          (map) => map.nodes.find((n) => n.id === id(0))?.status === "in_progress",
        ],
        ["dependency added", () => addDependency(actors.owner, m[1].id, { dependsOn: m[0].key }), (map) => map.edges.some((e) => e.kind === "depends" && e.source === id(0) && e.target === id(1))],
        ["dependency removed", () => removeDependency(actors.owner, m[1].id, m[0].id), (map) => !map.edges.some((e) => e.kind === "depends")],
        ["service linked", () => setMilestoneServices(actors.owner, m[2].id, { services: [serviceName] }), (map) => map.edges.some((e) => e.kind === "implements" && e.source === id(2))],
        ["service unlinked", () => setMilestoneServices(actors.owner, m[2].id, { services: [] }), (map) => !map.edges.some((e) => e.kind === "implements")],
        ["pin set", () => setMapPins(actors.owner, KEY, { pins: [{ node: id(1), x: 40, y: 30 }] }), (map) => map.pins.some((p) => p.node === id(1) && p.x === 40)],
        ["pin moved", () => setMapPins(actors.owner, KEY, { pins: [{ node: id(1), x: 41, y: 30 }] }), (map) => map.pins.some((p) => p.node === id(1) && p.x === 41)],
        ["pin removed", () => removeMapPin(actors.owner, KEY, id(1)), (map) => map.pins.length === 0],
        // Writes outside lib/data's functions too (a script, an import): the stamp reads the rows, not a counter.
        ["owner renamed", () => t.db.user.update({ where: { id: actors.owner.id }, data: { name: "Owner Renamed" } }), (map) => map.nodes.some((n) => n.owner === "Owner Renamed")],
        ["paper retitled", () => t.db.handoff.update({ where: { id: paperId }, data: { paperTitle: "A retitled paper" } }), (map) => map.nodes.some((n) => n.label === "A retitled paper")],
        ["milestone added", () => t.db.milestone.create({ data: { projectId, key: `${KEY}-9`, title: "Step nine" } }), (map) => map.nodes.some((n) => n.label === "Step nine")],
        ["milestone deleted", () => t.db.milestone.deleteMany({ where: { projectId, key: `${KEY}-9` } }), (map) => !map.nodes.some((n) => n.label === "Step nine")],
      ];
      let before = await snapshot();
      for (const [what, change, shows] of changes) {
        await change();
        const stale = await get("owner", before.etag);
        expect(stale.status, what).toBe(200);
        const after = { etag: stale.headers.get("etag")!, text: await stale.text() };
        expect(after.etag, what).not.toBe(before.etag);
        expect(after.text, what).not.toBe(before.text);
        expect(shows(JSON.parse(after.text) as MapBody), what).toBe(true);
        before = await snapshot();
        expect(before.etag, what).toBe(after.etag);
      }
    });

    it("checks access on every request: a held ETag or a cached body reaches no one who may not see the map", async () => {
      const owner = await snapshot("owner");
      const viewer = await snapshot("viewer");
      // Who may arrange is part of the answer, so part of its key.
      expect(owner.map.canArrange).toBe(true);
      expect(viewer.map.canArrange).toBe(false);
      expect(viewer.etag).not.toBe(owner.etag);
      expect((await get("viewer", owner.etag)).status).toBe(200);
      expect((await get("outsider", owner.etag)).status).toBe(404);
      expect((await get("outsider")).status).toBe(404);
      // Removed from the project: the ETag they hold and the body cached for their role are no longer theirs.
      const membership = await t.db.membership.findFirstOrThrow({ where: { projectId, userId: actors.viewer.id } });
      await t.db.membership.delete({ where: { id: membership.id } });
      expect((await get("viewer", viewer.etag)).status).toBe(404);
      expect((await get("viewer")).status).toBe(404);
      await t.db.membership.create({ data: { projectId, userId: actors.viewer.id, role: "viewer" } });
      expect((await get("viewer", viewer.etag)).status).toBe(304);
    });
  });

  describe("GET /maps/services", () => {
    it("is keyed by the projects its viewer may see: usage of projects they are not in never reaches them", async () => {
      await setMilestoneServices(actors.owner, m[2].id, { services: [serviceName] });
      const usersOf = (map: MapBody) => map.nodes.find((n) => n.label === serviceName)?.usedBy?.projects.map((p) => p.key) ?? [];
      const mine = await getServices("owner");
      const mineMap = (await mine.json()) as MapBody;
      expect(usersOf(mineMap)).toEqual([KEY]);
      const theirs = await getServices("other", mine.headers.get("etag")!);
      expect(theirs.status).toBe(200);
      expect(theirs.headers.get("etag")).not.toBe(mine.headers.get("etag"));
      const theirsMap = (await theirs.json()) as MapBody;
      expect(usersOf(theirsMap)).toEqual([]);
      expect((await getServices("other", theirs.headers.get("etag")!)).status).toBe(304);
      // Made a member: the same request now shows the project's use.
      await t.db.membership.create({ data: { projectId, userId: actors.other.id, role: "viewer" } });
      const now = await getServices("other", theirs.headers.get("etag")!);
      expect(now.status).toBe(200);
      expect(usersOf((await now.json()) as MapBody)).toEqual([KEY]);
      // A service renamed in the catalog: a new body for everyone.
      await t.db.service.update({ where: { name: serviceName }, data: { name: `${serviceName}-x` } });
      const renamed = await getServices("owner", mine.headers.get("etag")!);
      expect(renamed.status).toBe(200);
      expect(((await renamed.json()) as MapBody).nodes.some((n) => n.label === `${serviceName}-x`)).toBe(true);
      await t.db.service.update({ where: { name: `${serviceName}-x` }, data: { name: serviceName } });
    });

    it("does not change a viewer's ETag when a project they cannot see changes its use of services", async () => {
      // "outsider" is in no project: the ETag must not tell them when this one links a service,
      // retitles a paper or adds one.
      const before = await getServices("outsider");
      expect(before.status).toBe(200);
      const etag = before.headers.get("etag")!;
      await setMilestoneServices(actors.owner, m[1].id, { services: [serviceName] });
      expect((await getServices("outsider", etag)).status).toBe(304);
      await t.db.handoff.update({ where: { id: paperId }, data: { title: "Paper, retitled" } });
      const extra = await t.db.handoff.create({ data: { projectId, title: "Another paper", authors: [], sections: {} } });
      await t.db.handoffMilestone.create({ data: { handoffId: extra.id, milestoneId: m[1].id } });
      expect((await getServices("outsider", etag)).status).toBe(304);
      // The owner, who sees the project, gets the new use.
      const owner = await getServices("owner");
      const usedBy = ((await owner.json()) as MapBody).nodes.find((n) => n.label === serviceName)?.usedBy?.projects.map((p) => p.key);
      expect(usedBy).toEqual([KEY]);
      await setMilestoneServices(actors.owner, m[1].id, { services: [] });
      await t.db.handoffMilestone.deleteMany({ where: { handoffId: extra.id } });
      await t.db.handoff.delete({ where: { id: extra.id } });
      await t.db.handoff.update({ where: { id: paperId }, data: { title: "Paper" } });
    });
  });

  describe("pins", () => {
    const id = (i: number) => `milestone:${m[i].id}`;
    const put = (body: string) =>
      pinsRoute.PUT(new Request(`http://test/api/v1/projects/${KEY}/map/pins`, { method: "PUT", headers: { authorization: `Bearer ${tokens.owner}`, "content-type": "application/json" }, body }), params({ key: KEY }));

    it("refuses a pin beyond the layout's extent plus the margin, naming the field and the allowed range", async () => {
      const { map } = await snapshot();
      const bounds = pinBounds(map.layout);
      expect(bounds).toEqual({ minX: -PIN_MARGIN, minY: -PIN_MARGIN, maxX: Math.round(map.layout.width) + PIN_MARGIN, maxY: Math.round(map.layout.height) + PIN_MARGIN });
      const far = await put(JSON.stringify({ pins: [{ node: id(0), x: 10, y: 0 }, { node: id(1), x: bounds.maxX + 1, y: 0 }] }));
      expect(far.status).toBe(422);
      const problem = await far.json();
      expect(problem.detail).toMatch(new RegExp(`^X position must be between -1,000 and ${bounds.maxX.toLocaleString("en-US")} on the map of Versioned`));
      expect(problem.errors).toEqual({ "pins.1.x": [`must be between -1,000 and ${bounds.maxX.toLocaleString("en-US")} on this map`] });
      const above = await put(JSON.stringify({ pins: [{ node: id(1), x: 0, y: -PIN_MARGIN - 0.5 }] }));
      expect(above.status).toBe(422);
      expect(Object.keys((await above.json()).errors)).toEqual(["pins.0.y"]);
      expect(await t.db.mapPin.count({ where: { projectId } })).toBe(0);
      // At the edge of the margin is allowed.
      expect((await put(JSON.stringify({ pins: [{ node: id(1), x: bounds.maxX, y: bounds.minY }] }))).status).toBe(200);
      await removeMapPin(actors.owner, KEY, id(1));
    });

    it("draws a stored pin the layout has shrunk away from at the nearest allowed place", async () => {
      await t.db.mapPin.create({ data: { projectId, nodeId: id(2), x: 900_000, y: -900_000 } });
      const { map } = await snapshot();
      const bounds = pinBounds(map.layout);
      expect(map.pins.find((p) => p.node === id(2))).toMatchObject({ x: bounds.maxX, y: bounds.minY });
      // The same rule where the map draws pins, whatever it was given.
      const layout = { positions: [{ id: "a", x: 0, y: 0 }], routes: [], width: 500, height: 300 };
      const drawn = applyPins(layout as never, [], new Map([["a", { x: 1e6, y: -1e6 }]]));
      expect(drawn.positions[0]).toMatchObject({ x: 500 + PIN_MARGIN, y: -PIN_MARGIN });
      expect(drawn.width).toBeLessThan(3 * PIN_MARGIN);
      expect(clampPins([{ x: 5, y: 5 }], layout)[0]).toEqual({ x: 5, y: 5 });
      expect(clampPin({ x: -5_000, y: 400 }, layout)).toEqual({ x: -PIN_MARGIN, y: 400 });
      await t.db.mapPin.deleteMany({ where: { projectId } });
    });

    it("says a coordinate of 1e999 (Infinity once parsed) must be a finite number", async () => {
      const res = await put(`{"pins":[{"node":"${id(0)}","x":1e999,"y":0}]}`);
      expect(res.status).toBe(422);
      const problem = await res.json();
      expect(problem.detail).toMatch(/^X position must be a finite number\./);
      expect(problem.errors).toEqual({ "pins.0.x": ["must be a finite number"] });
      const text = await put(JSON.stringify({ pins: [{ node: id(0), x: "far", y: 0 }] }));
      expect((await text.json()).errors).toEqual({ "pins.0.x": ["must be a number"] });
    });

    it("names the {node} path parameter of DELETE …/map/pins/{node} in its errors", async () => {
      const res = await pinRoute.DELETE(
        new Request(`http://test/api/v1/projects/${KEY}/map/pins/nonsense`, { method: "DELETE", headers: { authorization: `Bearer ${tokens.owner}` } }),
        params({ key: KEY, node: "nonsense" }),
      );
      expect(res.status).toBe(422);
      const problem = await res.json();
      expect(Object.keys(problem.errors)).toEqual(["node"]);
      expect(problem.detail).toMatch(/^Node must be a map node id such as milestone:<id>/);
    });

    it("says where a malformed body goes wrong, by line and column, without echoing it; an empty one lacks its pins", async () => {
      const res = await put(`{"pins":[\n  {"node":"${id(0)}","x":NaN,"y":5}]}`);
      expect(res.status).toBe(422);
      const problem = await res.json();
      expect(problem.detail).toMatch(/^Request body is not valid JSON: line 2, column \d+: .+\. Nothing was stored\.$/);
      expect(problem.detail).not.toContain(id(0));
      expect(problem.errors.body[0]).toMatch(/^is not valid JSON \(line 2, column \d+\)$/);
      const empty = await put("");
      expect((await empty.json()).errors).toEqual({ pins: ["is required"] });
    });

    it("gives one message for an overlong node id, and the exact value of a position out of range", async () => {
      const long = await put(JSON.stringify({ pins: [{ node: `milestone:${"a".repeat(5_000)}`, x: 0, y: 0 }] }));
      expect((await long.json()).errors["pins.0.node"]).toHaveLength(1);
      const res = await put(JSON.stringify({ pins: [{ node: id(0), x: -PIN_MARGIN - 0.0001, y: 0 }] }));
      expect(res.status).toBe(422);
      expect((await res.json()).detail).toContain(`is at -${PIN_MARGIN.toLocaleString("en-US")}.0001.`);
    });
  });
});
