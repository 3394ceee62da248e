import { describe, expect, it } from "vitest";
import { allPaperGroups, backRoute, collapseMap, drawnBox, groupMembers, indexGroups, mapLaneId, mergedEdgeId, parseGroupId, rollup } from "@/lib/graph/collapse";
import { layoutMap } from "@/lib/graph/map-layout";
import { syntheticProjectMap } from "@/lib/graph/synthetic";
import type { MapEdge, MapEdgeKind, MapNode, Point } from "@/lib/graph/types";

const node = (id: string, fields: Partial<MapNode> = {}): MapNode => {
  const kind = id.split(":")[0] as MapNode["kind"];
  return { id, kind, label: id, sublabel: kind === "milestone" ? id.slice(10).toUpperCase() : "", status: "planned", href: "#", ...fields };
};
const edge = (kind: MapEdgeKind, source: string, target: string): MapEdge => ({ id: `${kind}:${source}>${target}`, source, target, kind });

// Two papers: p1 → m1 (done), m2 (blocked), m3 (in progress); p2 → m4; m5 has no paper.
// s1 is implemented by m1 alone; s2 by m2 and m4 (p2's too); s3 is only called.
const nodes: MapNode[] = [
  node("handoff:p1", { label: "Floor plans" }),
  node("handoff:p2", { label: "Room graphs" }),
  node("milestone:m1", { status: "done" }),
  node("milestone:m2", { status: "blocked" }),
  node("milestone:m3", { status: "in_progress" }),
  node("milestone:m4"),
  node("milestone:m5"),
  node("service:s1", { layer: "api", sublabel: "API" }),
  node("service:s2", { layer: "model", sublabel: "Model" }),
  node("service:s3", { layer: "data", sublabel: "Data" }),
];
const edges: MapEdge[] = [
  edge("decomposed", "handoff:p1", "milestone:m1"),
  edge("decomposed", "handoff:p1", "milestone:m2"),
  edge("decomposed", "handoff:p1", "milestone:m3"),
  edge("decomposed", "handoff:p2", "milestone:m4"),
  edge("depends", "milestone:m1", "milestone:m2"),
  edge("depends", "milestone:m2", "milestone:m3"),
  edge("depends", "milestone:m3", "milestone:m4"),
  edge("depends", "milestone:m1", "milestone:m4"),
  edge("implements", "milestone:m1", "service:s1"),
  edge("implements", "milestone:m2", "service:s2"),
  edge("implements", "milestone:m4", "service:s2"),
  edge("calls", "service:s1", "service:s3"),
  edge("calls", "service:s2", "service:s3"),
];
// Columns: papers x=0, milestones x=300/600, services x=900.
const positions = new Map<string, Point>([
  ["handoff:p1", { x: 0, y: 0 }],
  ["handoff:p2", { x: 0, y: 200 }],
  ["milestone:m1", { x: 300, y: 0 }],
  ["milestone:m2", { x: 600, y: 0 }],
  ["milestone:m3", { x: 600, y: 120 }],
  ["milestone:m4", { x: 300, y: 240 }],
  ["milestone:m5", { x: 300, y: 120 }],
  ["service:s1", { x: 900, y: 0 }],
  ["service:s2", { x: 900, y: 100 }],
  ["service:s3", { x: 900, y: 200 }],
]);

describe("group ids", () => {
  it("parses the three kinds and refuses anything else", () => {
    expect(parseGroupId("paper:handoff:p1")).toEqual({ kind: "paper", key: "handoff:p1" });
    expect(parseGroupId("lane:service:x")).toEqual({ kind: "lane", key: "service:x" });
    expect(parseGroupId("milestones:handoff:p1")).toEqual({ kind: "milestones", key: "handoff:p1" });
    for (const bad of ["", "paper", "paper:", ":x", "team:x"]) expect(parseGroupId(bad)).toBeNull();
  });

  it("names lanes by kind, and services by layer", () => {
    expect(nodes.map(mapLaneId)).toEqual(["handoff", "handoff", "milestone", "milestone", "milestone", "milestone", "milestone", "api", "model", "data"]);
    expect(mapLaneId({ kind: "service" })).toBe("service");
  });

  it("puts in a paper's subtree its milestones and the services only they implement", () => {
    const index = indexGroups(nodes, edges);
    expect(groupMembers(index, "paper:handoff:p1")).toEqual(["handoff:p1", "milestone:m1", "milestone:m2", "milestone:m3", "service:s1"]);
    expect(groupMembers(index, "milestones:handoff:p1")).toEqual(["milestone:m1", "milestone:m2", "milestone:m3"]);
    expect(groupMembers(index, "lane:model")).toEqual(["service:s2"]);
    expect(groupMembers(index, "paper:handoff:nope")).toBeNull();
    expect(groupMembers(index, "paper:milestone:m1")).toBeNull();
    expect(groupMembers(index, "lane:team")).toBeNull();
    expect(allPaperGroups(index)).toEqual(["paper:handoff:p1", "paper:handoff:p2"]);
  });
});

describe("collapseMap", () => {
  it("draws nothing differently with nothing collapsed", () => {
    const view = collapseMap(nodes, edges, positions, []);
    expect(view.nodes).toEqual(nodes);
    expect(view.groups).toEqual([]);
    expect(view.edges.map((e) => e.origin)).toEqual(edges.map((_, i) => i));
    expect(view.edges.every((e) => e.count === 1)).toBe(true);
  });

  it("folds a paper's subtree into one node where the paper was, merging edges with counts", () => {
    const view = collapseMap(nodes, edges, positions, ["paper:handoff:p1"]);
    expect(view.nodes.map((n) => n.id)).toEqual(["handoff:p2", "milestone:m4", "milestone:m5", "service:s2", "service:s3"]);
    const [group] = view.groups;
    expect(group).toMatchObject({ id: "paper:handoff:p1", groupKind: "paper", title: "Floor plans", summary: "3 milestones · 1 service", counts: { handoff: 1, milestone: 3, service: 1 } });
    expect(group.rollup).toEqual({ status: "blocked", milestones: 3, finished: 1, blocked: 1, slipping: 0 });
    expect(view.positions.get("paper:handoff:p1")).toEqual({ x: 0, y: 0 });
    expect(view.positions.has("milestone:m1")).toBe(false);
    const drawn = Object.fromEntries(view.edges.map((e) => [e.id, e.count]));
    expect(drawn).toEqual({
      "decomposed:handoff:p2>milestone:m4": 1,
      [mergedEdgeId("depends", "paper:handoff:p1", "milestone:m4")]: 2,
      [mergedEdgeId("implements", "paper:handoff:p1", "service:s2")]: 1,
      "implements:milestone:m4>service:s2": 1,
      [mergedEdgeId("calls", "paper:handoff:p1", "service:s3")]: 1,
      "calls:service:s2>service:s3": 1,
    });
    // Every edge is either inside the group or counted once by a drawn edge.
    const inside = edges.filter((e) => view.groupOf.get(e.source) === "paper:handoff:p1" && view.groupOf.get(e.target) === "paper:handoff:p1").length;
    expect(view.edges.reduce((sum, e) => sum + e.count, 0) + inside).toBe(edges.length);
    expect(view.edges.find((e) => e.id === "calls:service:s2>service:s3")!.origin).toBe(12);
  });

  it("folds a paper's milestones without the paper: one decomposed edge counting them", () => {
    const view = collapseMap(nodes, edges, positions, ["milestones:handoff:p1"]);
    const [group] = view.groups;
    expect(group).toMatchObject({ title: "Milestones of Floor plans", summary: "3 milestones", members: ["milestone:m1", "milestone:m2", "milestone:m3"] });
    expect(view.edges.find((e) => e.source === "handoff:p1")).toMatchObject({ target: "milestones:handoff:p1", kind: "decomposed", count: 3, origin: -1 });
    // In the slot of its leftmost member (m1 at x=300), never on a node still drawn.
    expect(view.positions.get("milestones:handoff:p1")).toEqual({ x: 300, y: 0 });
  });

  it("lets a lane claim its nodes before a paper, and drops groups left empty or unknown", () => {
    const view = collapseMap(nodes, edges, positions, ["paper:handoff:p1", "lane:milestone", "milestones:handoff:p2", "paper:handoff:gone", "nonsense"]);
    expect(view.groups.map((g) => g.id)).toEqual(["lane:milestone", "paper:handoff:p1"]);
    const [lane, paper] = view.groups;
    expect(lane).toMatchObject({ title: "Milestones", summary: "5 milestones" });
    expect(lane.members).toHaveLength(5);
    expect(paper.members).toEqual(["handoff:p1", "service:s1"]);
    expect(paper.rollup.status).toBeNull();
    expect(view.positions.get("lane:milestone")).toEqual({ x: 300, y: 0 });
    expect(view.edges.find((e) => e.source === "paper:handoff:p1" && e.target === "lane:milestone")).toMatchObject({ kind: "decomposed", count: 3 });
    expect(view.edges.find((e) => e.source === "handoff:p2")).toMatchObject({ target: "lane:milestone", count: 1 });
  });

  it("titles a service lane by its layer", () => {
    const view = collapseMap(nodes, edges, positions, ["lane:model"]);
    expect(view.groups[0]).toMatchObject({ title: "Services · Model", summary: "1 service" });
  });

  it("expands again: removing the id restores every member and edge", () => {
    const collapsed = new Set(["paper:handoff:p1"]);
    expect(collapseMap(nodes, edges, positions, collapsed).nodes).toHaveLength(5);
    collapsed.delete("paper:handoff:p1");
    const view = collapseMap(nodes, edges, positions, collapsed);
    expect(view.nodes).toEqual(nodes);
    expect(view.edges).toHaveLength(edges.length);
  });

  it("accounts for every edge of a 5,000-node map with every paper collapsed", () => {
    const map = syntheticProjectMap({ nodes: 5000, seed: 7 });
    const layout = layoutMap(map.nodes, map.edges);
    const at = new Map(layout.positions.map((p) => [p.id, p]));
    const index = indexGroups(map.nodes, map.edges);
    const papers = allPaperGroups(index);
    const view = collapseMap(map.nodes, map.edges, at, papers, { index });
    expect(view.groups).toHaveLength(papers.length);
    const members = view.groups.reduce((sum, g) => sum + g.members.length, 0);
    expect(view.nodes.length + members).toBe(map.nodes.length);
    expect(new Set(view.groups.flatMap((g) => g.members)).size).toBe(members);
    const inside = map.edges.filter((e) => view.groupOf.has(e.source) && view.groupOf.get(e.source) === view.groupOf.get(e.target)).length;
    expect(view.edges.reduce((sum, e) => sum + e.count, 0) + inside).toBe(map.edges.length);
    expect(new Set(view.edges.map((e) => e.id)).size).toBe(view.edges.length);
    for (const id of [...view.nodes.map((n) => n.id), ...view.groups.map((g) => g.id)]) expect(view.positions.has(id)).toBe(true);
  });
});

describe("rollup", () => {
  const ms = (id: string, status: string) => node(`milestone:${id}`, { status });
  it("is done when every milestone is done or cancelled", () => {
    expect(rollup([ms("a", "done"), ms("b", "cancelled"), node("service:x")], new Set()).status).toBe("done");
  });
  it("puts blocked before slipping, slipping before in progress, in progress before planned", () => {
    const slipping = new Set(["milestone:s"]);
    expect(rollup([ms("a", "done"), ms("b", "blocked"), ms("s", "in_progress")], slipping)).toEqual({ status: "blocked", milestones: 3, finished: 1, blocked: 1, slipping: 1 });
    expect(rollup([ms("s", "planned"), ms("c", "in_progress")], slipping).status).toBe("slipping");
    expect(rollup([ms("a", "planned"), ms("c", "in_progress"), ms("d", "done")], slipping).status).toBe("in_progress");
    expect(rollup([ms("a", "planned"), ms("d", "done")], slipping).status).toBe("planned");
  });
  it("ignores a finished milestone's slip, and has no status without milestones", () => {
    expect(rollup([ms("s", "done"), ms("a", "planned")], new Set(["milestone:s"])).status).toBe("planned");
    expect(rollup([node("handoff:p"), node("service:x")], new Set()).status).toBeNull();
  });
});

describe("edges between groups", () => {
  it("drops a group's edges among its own members: no edge from a group to itself", () => {
    const view = collapseMap(nodes, edges, positions, ["paper:handoff:p1", "paper:handoff:p2"]);
    expect(view.edges.filter((e) => e.source === e.target)).toEqual([]);
    // p1's milestones depend on p2's: one merged edge between the two groups, counted.
    const between = view.edges.find((e) => e.source === "paper:handoff:p1" && e.target === "paper:handoff:p2");
    expect(between).toMatchObject({ kind: "depends", count: 2 });
  });

  it("routes an edge between two groups of one column round the column, never back over the cards", () => {
    const view = collapseMap(nodes, edges, positions, ["paper:handoff:p1", "paper:handoff:p2"]);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const source = drawnBox(view, byId, "paper:handoff:p1")!;
    const target = drawnBox(view, byId, "paper:handoff:p2")!;
    expect(source.x).toBe(target.x);
    const route = backRoute(source, target)!;
    // Out to the right of the column, across it only in the gap just above the target, in from the left.
    expect(route[0].x).toBeGreaterThan(source.x + source.width);
    expect(route[0].y).toBe(source.y + source.height / 2);
    expect(route[1]).toEqual({ x: route[0].x, y: target.y - 10 });
    expect(route[2].x).toBeLessThan(target.x);
    expect(route[2].y).toBeGreaterThan(source.y + source.height);
    expect(route[3]).toEqual({ x: route[2].x, y: target.y + target.height / 2 });
    // Every leg is horizontal or vertical.
    for (let i = 1; i < route.length; i++) expect(route[i].x === route[i - 1].x || route[i].y === route[i - 1].y).toBe(true);
  });

  it("takes an edge back to a column further left over the top of the map, crossing no column", () => {
    const source = { x: 900, y: 300, width: 200, height: 60 };
    const target = { x: 0, y: 200, width: 248, height: 96 };
    const route = backRoute(source, target, -40)!;
    expect(route[0]).toEqual({ x: 1132, y: 330 });
    expect(route[1]).toEqual({ x: 1132, y: -60 });
    expect(route[2]).toEqual({ x: -32, y: -60 });
    expect(route[3]).toEqual({ x: -32, y: 248 });
  });

  it("leaves an edge whose target lies to the right to a plain curve", () => {
    expect(backRoute({ x: 0, y: 0, width: 200, height: 80 }, { x: 280, y: 300, width: 200, height: 80 })).toBeNull();
  });
});
