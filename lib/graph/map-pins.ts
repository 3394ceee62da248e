// Pins drawn over a computed layout: a pinned node sits where someone left it; edges touching a
// moved node lose the waypoints the layout reserved for the unmoved one (they are drawn as plain
// curves between the nodes' handles, so they still attach), and the map's size grows to hold
// every pinned node. A pin may lie only a margin beyond the layout's extent (PIN_MARGIN on every
// side): the API refuses one farther out, and a stored pin the layout has since shrunk away from
// is drawn at the nearest allowed place, so one far-off pin never makes "Show all" zoom out to
// nothing for everyone. Pure: the map loader, the data layer and their tests use it alike.
import type { MapEdge } from "@/lib/graph/types";
import type { MapLayout } from "@/lib/graph/map-layout";
import { LIMITS } from "@/lib/validation/limits";

export type Pin = { x: number; y: number };

/** Node sizes by id are not needed: the layout's size only has to reach each pinned node's corner plus this margin. */
const MARGIN = 260;

/** How far beyond the layout's extent a pin may lie, in map pixels: about four cards. */
export const PIN_MARGIN = LIMITS.map.pinMargin;

/** Where a node's top-left corner may be pinned on a layout of this size. */
export type PinBounds = { minX: number; maxX: number; minY: number; maxY: number };

export function pinBounds(layout: Pick<MapLayout, "width" | "height">): PinBounds {
  return { minX: -PIN_MARGIN, maxX: Math.round(layout.width) + PIN_MARGIN, minY: -PIN_MARGIN, maxY: Math.round(layout.height) + PIN_MARGIN };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A position moved inside the bounds of this layout: where a drop past the edge lands (the map's drag handler). */
export function clampPin(pin: Pin, layout: Pick<MapLayout, "width" | "height">): Pin {
  const b = pinBounds(layout);
  return { x: clamp(pin.x, b.minX, b.maxX), y: clamp(pin.y, b.minY, b.maxY) };
}

/** Pins moved inside the bounds of this layout (the same objects when they already are). */
export function clampPins<P extends Pin>(pins: readonly P[], layout: Pick<MapLayout, "width" | "height">): P[] {
  const b = pinBounds(layout);
  return pins.map((p) => {
    const x = clamp(p.x, b.minX, b.maxX);
    const y = clamp(p.y, b.minY, b.maxY);
    return x === p.x && y === p.y ? p : { ...p, x, y };
  });
}

export function applyPins(layout: MapLayout, edges: readonly MapEdge[], pins: ReadonlyMap<string, Pin>): MapLayout {
  if (pins.size === 0) return layout;
  const b = pinBounds(layout);
  const moved = new Set<string>();
  let width = layout.width;
  let height = layout.height;
  const positions = layout.positions.map((p) => {
    const pin = pins.get(p.id);
    if (!pin) return p;
    const x = clamp(pin.x, b.minX, b.maxX);
    const y = clamp(pin.y, b.minY, b.maxY);
    if (x === p.x && y === p.y) return p;
    moved.add(p.id);
    width = Math.max(width, x + MARGIN);
    height = Math.max(height, y + MARGIN / 2);
    return { ...p, x, y };
  });
  if (moved.size === 0) return layout;
  const routes = layout.routes.filter((r) => {
    const edge = edges[r.edge];
    return edge && !moved.has(edge.source) && !moved.has(edge.target);
  });
  return { ...layout, positions, routes, width, height };
}
