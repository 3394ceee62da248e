import { describe, expect, it } from "vitest";
import { laneLayout, type LaneNode } from "@/lib/graph/lanes";
import type { GraphEdge } from "@/lib/graph/types";

const ORDER = ["gateway", "api", "service", "worker", "model", "data"];
const node = (id: string, lane: string): LaneNode => ({ id, lane, width: 200, height: 60 });

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }) {
  return Math.abs(a.x - b.x) < 200 && Math.abs(a.y - b.y) < 60;
}

describe("laneLayout", () => {
  it("puts every node inside its own lane, lanes left to right in the given order, skipping empty ones", () => {
    const nodes = [node("db", "data"), node("gw", "gateway"), node("a1", "api"), node("a2", "api"), node("m", "model")];
    const edges: GraphEdge[] = [
      { source: "gw", target: "a1" },
      { source: "gw", target: "a2" },
      { source: "a1", target: "m" },
      { source: "a2", target: "db" },
      { source: "m", target: "db" },
    ];
    const result = laneLayout(nodes, edges, ORDER);
    expect(result.lanes.map((l) => [l.lane, l.count])).toEqual([["gateway", 1], ["api", 2], ["model", 1], ["data", 1]]);
    for (let k = 1; k < result.lanes.length; k++) {
      // Neighbouring lanes touch and never overlap.
      expect(result.lanes[k].x).toBeCloseTo(result.lanes[k - 1].x + result.lanes[k - 1].width, 5);
    }
    expect(result.lanes[0].x).toBe(0);
    nodes.forEach((n, i) => {
      const p = result.positions[i];
      const lane = result.lanes.find((l) => l.lane === n.lane)!;
      expect(p.x).toBeGreaterThanOrEqual(lane.x);
      expect(p.x + n.width).toBeLessThanOrEqual(lane.x + lane.width);
      expect(p.y).toBeGreaterThanOrEqual(44); // below the lane labels
      expect(p.y + n.height).toBeLessThanOrEqual(lane.height);
    });
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) expect(overlaps(result.positions[i], result.positions[j])).toBe(false);
  });

  it("keeps the lane order even when edges point backwards, and spreads calls within a lane over columns", () => {
    const nodes = [node("worker", "worker"), node("svc-a", "service"), node("svc-b", "service"), node("api", "api")];
    // A worker calling back into the API, and two services of one lane calling each other.
    const edges: GraphEdge[] = [
      { source: "worker", target: "api" },
      { source: "api", target: "svc-a" },
      { source: "svc-a", target: "svc-b" },
    ];
    const result = laneLayout(nodes, edges, ORDER);
    const x = Object.fromEntries(result.positions.map((p) => [p.id, p.x]));
    expect(x.api).toBeLessThan(x["svc-a"]);
    expect(x["svc-a"]).toBeLessThan(x["svc-b"]);
    expect(x["svc-b"]).toBeLessThan(x.worker);
    expect(result.lanes.find((l) => l.lane === "service")!.width).toBeGreaterThan(400);
  });

  it("lays out a cycle among services", () => {
    const nodes = [node("a", "service"), node("b", "service"), node("c", "data")];
    const edges: GraphEdge[] = [
      { source: "a", target: "b" },
      { source: "b", target: "a" },
      { source: "b", target: "c" },
      { source: "c", target: "a" },
    ];
    const result = laneLayout(nodes, edges, ORDER);
    expect(result.positions).toHaveLength(3);
    for (const p of result.positions) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(result.reversedEdges).toBeGreaterThan(0);
    expect(result.lanes.map((l) => l.lane)).toEqual(["service", "data"]);
  });

  it("gives unknown lanes their own lanes after the known ones, in name order, and handles nothing at all", () => {
    const result = laneLayout([node("x", "zeta"), node("y", "alpha"), node("z", "gateway")], [], ORDER);
    expect(result.lanes.map((l) => l.lane)).toEqual(["gateway", "alpha", "zeta"]);
    expect(laneLayout([], [], ORDER)).toMatchObject({ positions: [], lanes: [], width: 0, height: 0 });
  });

  it("moves routes of long edges with the nodes", () => {
    const nodes = [node("gw", "gateway"), node("api", "api"), node("db", "data")];
    const result = laneLayout(nodes, [{ source: "gw", target: "api" }, { source: "api", target: "db" }, { source: "gw", target: "db" }], ORDER);
    const route = result.routes.find((r) => r.edge === 2);
    expect(route?.points.length).toBeGreaterThan(0);
    for (const pt of route!.points) {
      expect(pt.x).toBeGreaterThan(result.positions[0].x);
      expect(pt.x).toBeLessThan(result.positions[2].x);
      expect(pt.y).toBeGreaterThanOrEqual(44);
    }
  });
});
