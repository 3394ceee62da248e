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
    // Past the layout's corner, within the margin a pin may take (LIMITS.map.pinMargin).
    const at = { x: layout.width + 500, y: layout.height + 500 };
    const pinned = applyPins(layout, map.edges, new Map([[node, at]]));
    expect(pinned.positions.find((p) => p.id === node)).toMatchObject(at);
    expect(pinned.routes.some((r) => r.edge === routed.edge)).toBe(false);
    const untouched = layout.routes.filter((r) => map.edges[r.edge].source !== node && map.edges[r.edge].target !== node);
    expect(pinned.routes).toEqual(untouched);
    expect(pinned.width).toBeGreaterThan(at.x);
    expect(pinned.height).toBeGreaterThan(at.y);
    // Every other node stays where the layout put it.
    const others = pinned.positions.filter((p) => p.id !== node);
    expect(others).toEqual(layout.positions.filter((p) => p.id !== node));
  });

  it("ignores pins of nodes the layout does not have", () => {
    expect(applyPins(layout, map.edges, new Map([["milestone:gone", { x: 1, y: 2 }]]))).toBe(layout);
  });
});
