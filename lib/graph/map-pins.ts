// Pins drawn over a computed layout: a pinned node sits where someone left it; edges touching a
// moved node lose the waypoints the layout reserved for the unmoved one (they are drawn as plain
// curves between the nodes' handles, so they still attach), and the map's size grows to hold
// every pinned node. Pure: the map loader and its tests use it alike.
import type { MapEdge } from "@/lib/graph/types";
import type { MapLayout } from "@/lib/graph/map-layout";

export type Pin = { x: number; y: number };

/** Node sizes by id are not needed: the layout's size only has to reach each pinned node's corner plus this margin. */
const MARGIN = 260;

export function applyPins(layout: MapLayout, edges: readonly MapEdge[], pins: ReadonlyMap<string, Pin>): MapLayout {
  if (pins.size === 0) return layout;
  const moved = new Set<string>();
  let width = layout.width;
  let height = layout.height;
  const positions = layout.positions.map((p) => {
    const pin = pins.get(p.id);
    if (!pin || (pin.x === p.x && pin.y === p.y)) return p;
    moved.add(p.id);
    width = Math.max(width, pin.x + MARGIN);
    height = Math.max(height, pin.y + MARGIN / 2);
    return { ...p, x: pin.x, y: pin.y };
  });
  if (moved.size === 0) return layout;
  const routes = layout.routes.filter((r) => {
    const edge = edges[r.edge];
    return edge && !moved.has(edge.source) && !moved.has(edge.target);
  });
  return { ...layout, positions, routes, width, height };
}
