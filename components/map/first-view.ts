// Where a map opens, and what "Show all" shows, as pure functions of the laid-out boxes and the
// canvas size (no React, no DOM), so the view, the URL state (no viewport in the link) and tests
// share one rule:
//   - the whole map, when it fits at a zoom where card titles can still be read;
//   - otherwise the readable zoom (or closer, up to maxZoom, when the work fits at that), centred
//     on where work is happening: the open and blocked milestones' bounding box when it fits,
//     else the open milestone nearest their centroid (so the centre is a card, never a gap), and
//     never scrolled past the map's edges; then moved to the map's left edge (the first lane)
//     when that keeps the work's box (or that card) and at least half of the open work shown;
//   - parts of the canvas covered by controls (insets) are kept clear.
// Viewports are React Flow's: screen = flow × zoom + (x, y).
import { NODE_SIZE } from "@/lib/graph/map-layout";
import type { MapNode, MapNodeKind, NodePosition } from "@/lib/graph/types";

export type Box = { x: number; y: number; width: number; height: number };
export type Viewport = { x: number; y: number; zoom: number };
export type Insets = { top: number; right: number; bottom: number; left: number };

/** A laid-out node: its box, and whether work is happening there (see `isActiveWork`). */
export type ViewNode = Box & { active?: boolean };

export type ViewOptions = {
  /** The canvas in screen pixels. */
  width: number;
  height: number;
  /** Below this zoom card titles stop being readable. Default READABLE_ZOOM. */
  readableZoom?: number;
  /** Never open closer than this. Default 1. */
  maxZoom?: number;
  /** Never zoom out further than this (Show all). Default 0.01. */
  minZoom?: number;
  /** Space kept around what is shown, in screen pixels. Default 24. */
  padding?: number;
  /** Screen pixels along each side covered by controls (a legend, a minimap). */
  insets?: Partial<Insets>;
};

export type FirstView = Viewport & {
  /** The whole map is in view (at a readable zoom). */
  fitsAll: boolean;
};

/** The smallest zoom at which card titles (14 px) are still readable (about 10 px on screen). */
export const READABLE_ZOOM = 0.7;

/** Milestones still to do: planned, in progress or blocked. */
const OPEN = new Set(["planned", "in_progress", "blocked"]);

/** Where work is happening: an open or blocked milestone. */
export function isActiveWork(node: Pick<MapNode, "kind" | "status">): boolean {
  return node.kind === "milestone" && OPEN.has(node.status);
}

export function boundsOf(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    if (b.x < minX) minX = b.x;
    if (b.y < minY) minY = b.y;
    if (b.x + b.width > maxX) maxX = b.x + b.width;
    if (b.y + b.height > maxY) maxY = b.y + b.height;
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The canvas area left for the map once padding and insets are taken off. */
function area(opts: ViewOptions) {
  const pad = opts.padding ?? 24;
  const inset = { top: 0, right: 0, bottom: 0, left: 0, ...opts.insets };
  const left = inset.left + pad;
  const top = inset.top + pad;
  return { left, top, width: Math.max(1, opts.width - left - inset.right - pad), height: Math.max(1, opts.height - top - inset.bottom - pad) };
}

const fitZoom = (box: Box, room: { width: number; height: number }) => Math.min(room.width / Math.max(1, box.width), room.height / Math.max(1, box.height));

/** The viewport that puts flow point (cx, cy) at the centre of the free area. */
function centreOn(cx: number, cy: number, zoom: number, room: ReturnType<typeof area>): Viewport {
  return { x: room.left + room.width / 2 - cx * zoom, y: room.top + room.height / 2 - cy * zoom, zoom };
}

/** Keeps the centre so that the view does not run past the map's edges (or centres an axis that fits). */
function clampCentre(c: number, start: number, size: number, visible: number): number {
  if (size <= visible) return start + size / 2;
  return Math.min(Math.max(c, start + visible / 2), start + size - visible / 2);
}

/** The whole map, as large as fits (up to maxZoom), whatever the zoom: what "Show all" shows. */
export function showAllView(nodes: readonly Box[], opts: ViewOptions): Viewport {
  const room = area(opts);
  const all = boundsOf(nodes);
  const zoom = Math.min(opts.maxZoom ?? 1, Math.max(opts.minZoom ?? 0.01, fitZoom(all, room)));
  return centreOn(all.x + all.width / 2, all.y + all.height / 2, zoom, room);
}

/** Where the map opens (see the top of this file). */
export function firstView(nodes: readonly ViewNode[], opts: ViewOptions): FirstView {
  const readable = opts.readableZoom ?? READABLE_ZOOM;
  const maxZoom = opts.maxZoom ?? 1;
  const room = area(opts);
  const all = boundsOf(nodes);
  if (nodes.length === 0) return { ...centreOn(0, 0, maxZoom, room), fitsAll: true };
  const fitAll = fitZoom(all, room);
  if (fitAll >= readable) return { ...centreOn(all.x + all.width / 2, all.y + all.height / 2, Math.min(maxZoom, fitAll), room), fitsAll: true };

  const active = nodes.filter((n) => n.active);
  if (active.length === 0) {
    // Nothing open (a services map, a finished project): the start of the map, where its lanes
    // and first column begin, at the readable zoom.
    const zoom = Math.min(maxZoom, readable);
    const cx = clampCentre(-Infinity, all.x, all.width, room.width / zoom);
    const cy = clampCentre(-Infinity, all.y, all.height, room.height / zoom);
    return { ...centreOn(cx, cy, zoom, room), fitsAll: false };
  }
  const work = active;
  const box = boundsOf(work);
  const fitWork = fitZoom(box, room);
  const zoom = Math.min(maxZoom, Math.max(readable, fitWork));
  let cx: number;
  let cy: number;
  /** What the view is built around: the work's box, or the open card nearest its centroid. */
  let anchor: Box = box;
  if (fitWork >= readable) {
    cx = box.x + box.width / 2;
    cy = box.y + box.height / 2;
  } else {
    // The centroid of scattered work can fall between columns: centre on the card nearest it.
    let sx = 0;
    let sy = 0;
    for (const n of work) {
      sx += n.x + n.width / 2;
      sy += n.y + n.height / 2;
    }
    const gx = sx / work.length;
    const gy = sy / work.length;
    let best = work[0];
    let bestD = Infinity;
    for (const n of work) {
      const d = (n.x + n.width / 2 - gx) ** 2 + (n.y + n.height / 2 - gy) ** 2;
      if (d < bestD) {
        bestD = d;
        best = n;
      }
    }
    cx = best.x + best.width / 2;
    cy = best.y + best.height / 2;
    anchor = best;
  }
  cx = clampCentre(cx, all.x, all.width, room.width / zoom);
  cy = clampCentre(cy, all.y, all.height, room.height / zoom);
  // Read left to right: start at the map's left edge (the first lane, the papers, and its label)
  // when that still shows what the view is built around and at least half the open work the
  // centred view shows.
  const leftX = clampCentre(-Infinity, all.x, all.width, room.width / zoom);
  if (leftX !== cx && inside(anchor, leftX, cy, zoom, room)) {
    const shown = (x: number) => work.filter((n) => inside(n, x, cy, zoom, room)).length;
    if (shown(leftX) * 2 >= shown(cx)) cx = leftX;
  }
  cx = unclipLeft(nodes, anchor, cx, cy, zoom, room, all);
  return { ...centreOn(cx, cy, zoom, room), fitsAll: false };
}

/** Boxes wider than any card are lanes: they never count as cut. */
const CARD_WIDTH = Math.max(...Object.values(NODE_SIZE).map((s) => s.width));

/**
 * The centre moved so that no card is cut by the view's left edge: left to show the cut column
 * whole, or else right past it, whichever keeps the anchor in view and stays on the map; else
 * unchanged. A column sliced in half reads as a rendering fault, not as "more to the left".
 */
function unclipLeft(nodes: readonly Box[], anchor: Box, cx: number, cy: number, zoom: number, room: ReturnType<typeof area>, all: Box): number {
  const halfW = room.width / zoom / 2;
  // The canvas's own left edge, not the padded area's: a card in the padding is cut all the same.
  const toEdge = (room.left + room.width / 2) / zoom;
  const left = cx - toEdge;
  let cutStart = Infinity;
  let cutEnd = -Infinity;
  for (const n of nodes) {
    if (n.width > CARD_WIDTH || n.x >= left || n.x + n.width <= left) continue;
    if (n.y + n.height <= cy - room.height / zoom / 2 || n.y >= cy + room.height / zoom / 2) continue;
    cutStart = Math.min(cutStart, n.x);
    cutEnd = Math.max(cutEnd, n.x + n.width);
  }
  if (cutStart === Infinity) return cx;
  const gap = 16 / zoom;
  for (const next of [cutStart - gap + toEdge, cutEnd + gap + toEdge]) {
    const onMap = next - toEdge >= all.x - gap * 2 && next + halfW <= all.x + all.width + gap * 2;
    if (onMap && inside(anchor, next, cy, zoom, room)) return next;
  }
  return cx;
}

/** Whether a box lies wholly in the view centred on (cx, cy) at `zoom`. */
function inside(b: Box, cx: number, cy: number, zoom: number, room: ReturnType<typeof area>): boolean {
  const w = room.width / zoom / 2;
  const h = room.height / zoom / 2;
  return b.x >= cx - w && b.x + b.width <= cx + w && b.y >= cy - h && b.y + b.height <= cy + h;
}

/** The flow-space rectangle a viewport shows on a canvas of the given size. */
export function visibleBox(viewport: Viewport, width: number, height: number): Box {
  return { x: -viewport.x / viewport.zoom, y: -viewport.y / viewport.zoom, width: width / viewport.zoom, height: height / viewport.zoom };
}

/**
 * A map's nodes as boxes for the functions above (kinds filtered out left out), and its lanes'
 * boxes, if any, so that a view starting at the map's edge shows the lanes' labels.
 */
export function viewNodes(nodes: readonly MapNode[], positions: ReadonlyMap<string, Pick<NodePosition, "x" | "y">>, hidden?: ReadonlySet<MapNodeKind>, lanes?: readonly Box[]): ViewNode[] {
  const boxes: ViewNode[] = lanes ? lanes.map(({ x, y, width, height }) => ({ x, y, width, height })) : [];
  for (const node of nodes) {
    const at = positions.get(node.id);
    if (!at || hidden?.has(node.kind)) continue;
    boxes.push({ x: at.x, y: at.y, ...NODE_SIZE[node.kind], active: isActiveWork(node) });
  }
  return boxes;
}

/** What the map view's own controls cover: the legend along the top right. */
export const MAP_INSETS: Partial<Insets> = { top: 44 };

/** The map view's opening viewport: firstView with the legend kept clear. */
export function mapOpeningView(nodes: readonly ViewNode[], opts: ViewOptions): FirstView {
  return firstView(nodes, { ...opts, insets: { ...MAP_INSETS, ...opts.insets } });
}
