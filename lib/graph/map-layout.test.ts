import { describe, expect, it } from "vitest";
import { LANE_LABELS, MAP_LANES, NODE_SIZE, laneOf, layoutMap } from "@/lib/graph/map-layout";
import { syntheticProjectMap } from "@/lib/graph/synthetic";
import type { MapEdge, MapEdgeKind, MapNode } from "@/lib/graph/types";
import { SERVICE_LAYERS } from "@/lib/validation/service";

const paper = (id: string): MapNode => ({ id: `handoff:${id}`, kind: "handoff", label: id, sublabel: "", status: "approved", href: "#" });
const milestone = (id: string): MapNode => ({ id: `milestone:${id}`, kind: "milestone", label: id, sublabel: id, status: "planned", href: "#" });
const service = (id: string, layer: string): MapNode => ({ id: `service:${id}`, kind: "service", label: id, sublabel: layer, status: "active", href: "#", layer });
const link = (source: string, target: string, kind: MapEdgeKind): MapEdge => ({ id: `${kind}:${source}->${target}`, source, target, kind });

/** A small project: two papers, milestones (one without a paper), services of four layers. */
function smallProject() {
  const nodes = [
    paper("p1"),
    paper("p2"),
    milestone("m1"),
    milestone("m2"),
    milestone("m3"),
    milestone("orphan"),
    service("gw", "gateway"),
    service("api", "api"),
    service("svc-a", "service"),
    service("svc-b", "service"),
    service("svc-c", "service"),
    service("db", "data"),
    service("unused", "worker"),
  ];
  const edges = [
    link("handoff:p1", "milestone:m1", "decomposed"),
    link("handoff:p1", "milestone:m2", "decomposed"),
    link("handoff:p2", "milestone:m3", "decomposed"),
    link("milestone:m1", "milestone:m2", "depends"),
    link("milestone:m2", "service:api", "implements"),
    link("milestone:m3", "service:db", "implements"),
    link("milestone:orphan", "service:gw", "implements"),
    link("service:gw", "service:api", "calls"),
    link("service:api", "service:svc-a", "calls"),
    // Services calling within their lane, in a cycle, and one calling back up.
    link("service:svc-a", "service:svc-b", "calls"),
    link("service:svc-b", "service:svc-c", "calls"),
    link("service:svc-c", "service:svc-a", "calls"),
    link("service:svc-c", "service:db", "reads"),
    link("service:db", "service:api", "publishes"),
  ];
  return { nodes, edges };
}

function expectInLanes(nodes: readonly MapNode[], layout: ReturnType<typeof layoutMap>) {
  const lanes = layout.lanes!;
  nodes.forEach((node, i) => {
    const p = layout.positions[i];
    const lane = lanes.find((l) => l.lane === laneOf(node));
    expect(lane, `${node.id} has a lane`).toBeDefined();
    expect(p.x).toBeGreaterThanOrEqual(lane!.x);
    expect(p.x + NODE_SIZE[node.kind].width).toBeLessThanOrEqual(lane!.x + lane!.width);
    expect(p.y).toBeGreaterThanOrEqual(lane!.y + 44); // below the lane's label
    expect(p.y + NODE_SIZE[node.kind].height).toBeLessThanOrEqual(lane!.y + lane!.height);
  });
  for (let k = 1; k < lanes.length; k++) expect(lanes[k].x).toBeCloseTo(lanes[k - 1].x + lanes[k - 1].width, 5);
}

function expectNoOverlap(nodes: readonly MapNode[], layout: ReturnType<typeof layoutMap>) {
  const rects = layout.positions
    .map((p, i) => ({ id: p.id, x1: p.x, x2: p.x + NODE_SIZE[nodes[i].kind].width, y1: p.y, y2: p.y + NODE_SIZE[nodes[i].kind].height }))
    .sort((a, b) => a.x1 - b.x1);
  const overlaps: string[] = [];
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length && rects[j].x1 < rects[i].x2; j++) {
      if (rects[i].y1 < rects[j].y2 && rects[j].y1 < rects[i].y2) overlaps.push(`${rects[i].id}/${rects[j].id}`);
    }
  }
  expect(overlaps).toEqual([]);
}

describe("layoutMap on a project map", () => {
  it("draws papers, milestones, then services by layer in labelled lanes with counts, leaving empty lanes out", () => {
    const { nodes, edges } = smallProject();
    const layout = layoutMap(nodes, edges);
    expect(layout.lanes!.map((l) => [l.lane, l.count])).toEqual([
      ["handoff", 2],
      ["milestone", 4],
      ["gateway", 1],
      ["api", 1],
      ["service", 3],
      ["worker", 1],
      ["data", 1],
    ]); // no model service: no model lane
    expect(layout.lanes!.map((l) => LANE_LABELS[l.lane])).toEqual(["Handoffs", "Milestones", "Gateway", "API", "Service", "Worker", "Data"]);
    expect(layout.lanes![0].x).toBe(0);
    expectInLanes(nodes, layout);
    expectNoOverlap(nodes, layout);
  });

  it("still places a milestone with no paper, a service with no milestone, and a service cycle", () => {
    const { nodes, edges } = smallProject();
    const layout = layoutMap(nodes, edges);
    const at = new Map(layout.positions.map((p) => [p.id, p]));
    // The orphan milestone sits in the milestones lane, the unused worker in the worker lane.
    expect(at.get("milestone:orphan")!.layer).toBeGreaterThan(at.get("handoff:p1")!.layer);
    expect(at.get("service:unused")!.layer).toBeGreaterThan(at.get("service:svc-c")!.layer);
    // The cycle among services (and the data service publishing back to the API) is laid out reversed.
    expect(layout.reversedEdges).toBeGreaterThanOrEqual(2);
    for (const p of layout.positions) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it("spreads milestones that wait for each other and services that call within a lane over columns", () => {
    const { nodes, edges } = smallProject();
    const layout = layoutMap(nodes, edges);
    const at = new Map(layout.positions.map((p) => [p.id, p]));
    expect(at.get("milestone:m1")!.x).toBeLessThan(at.get("milestone:m2")!.x);
    const serviceColumns = new Set(["svc-a", "svc-b", "svc-c"].map((id) => at.get(`service:${id}`)!.x));
    expect(serviceColumns.size).toBe(3);
    expect(layout.lanes!.find((l) => l.lane === "service")!.width).toBeGreaterThan(3 * NODE_SIZE.service.width);
  });

  it("lays out a generated 1,000-node project in lanes: every node in its lane, none overlapping, links forward but for cycles", () => {
    const { nodes, edges } = syntheticProjectMap({ nodes: 1000, seed: 5 });
    const layout = layoutMap(nodes, edges);
    expect(layout.lanes!.map((l) => l.lane)).toEqual(MAP_LANES);
    expect(layout.lanes!.reduce((sum, l) => sum + l.count, 0)).toBe(1000);
    expectInLanes(nodes, layout);
    expectNoOverlap(nodes, layout);
    const layerOf = new Map(layout.positions.map((p) => [p.id, p.layer]));
    const backward = edges.filter((e) => layerOf.get(e.source)! >= layerOf.get(e.target)!);
    // Only links among services may point back (the generator adds a few that climb a layer).
    for (const e of backward) expect(e.kind === "calls" || e.kind === "reads" || e.kind === "publishes").toBe(true);
    expect(backward.length).toBe(layout.reversedEdges);
  });

  it("has a label for every lane, and lays out the services map with the layers as its own lane order", () => {
    for (const lane of MAP_LANES) expect(LANE_LABELS[lane]).toBeTruthy();
    const nodes = [service("db", "data"), service("gw", "gateway"), service("w", "worker")];
    const edges = [link("service:gw", "service:w", "calls"), link("service:w", "service:db", "reads")];
    const layout = layoutMap(nodes, edges, { lanes: SERVICE_LAYERS });
    expect(layout.lanes!.map((l) => l.lane)).toEqual(["gateway", "worker", "data"]);
    expect(layoutMap([], []).lanes).toEqual([]);
  });
});
