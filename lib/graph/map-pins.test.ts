import { describe, expect, it } from "vitest";
import { layoutMap } from "@/lib/graph/map-layout";
import { applyPins } from "@/lib/graph/map-pins";
import { syntheticProjectMap } from "@/lib/graph/synthetic";

describe("applyPins", () => {
  const map = syntheticProjectMap({ nodes: 120, seed: 3 });
  const layout = layoutMap(map.nodes, map.edges);

  it("returns the layout itself when nothing is pinned", () => {
    expect(applyPins(layout, map.edges, new Map())).toBe(layout);
  });

  it("moves pinned nodes, drops the routes of edges touching them, keeps the rest", () => {
    const routed = layout.routes[0];
    expect(routed, "the sample has a long edge").toBeDefined();
    const node = map.edges[routed.edge].target;
    const pinned = applyPins(layout, map.edges, new Map([[node, { x: 5_000, y: 7_000 }]]));
    expect(pinned.positions.find((p) => p.id === node)).toMatchObject({ x: 5_000, y: 7_000 });
    expect(pinned.routes.some((r) => r.edge === routed.edge)).toBe(false);
    const untouched = layout.routes.filter((r) => map.edges[r.edge].source !== node && map.edges[r.edge].target !== node);
    expect(pinned.routes).toEqual(untouched);
    expect(pinned.width).toBeGreaterThan(5_000);
    expect(pinned.height).toBeGreaterThan(7_000);
    // Every other node stays where the layout put it.
    const others = pinned.positions.filter((p) => p.id !== node);
    expect(others).toEqual(layout.positions.filter((p) => p.id !== node));
  });

  it("ignores pins of nodes the layout does not have", () => {
    expect(applyPins(layout, map.edges, new Map([["milestone:gone", { x: 1, y: 2 }]]))).toBe(layout);
  });
});
