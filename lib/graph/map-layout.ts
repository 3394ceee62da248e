// The one entry point that lays out a map (a project map, or the services map when lanes are
// given), shared by the server, which precomputes positions per graph version, and the client.
// Pure: no React, no database.
import { laneLayout, type LaneBox } from "@/lib/graph/lanes";
import { layeredLayout } from "@/lib/graph/layout";
import type { LayoutNode, LayoutResult, MapEdge, MapNode, MapNodeKind } from "@/lib/graph/types";

/** Fixed node sizes: the layout needs them before anything is drawn, and the CSS matches them. */
export const NODE_SIZE: Record<MapNodeKind, { width: number; height: number }> = {
  handoff: { width: 248, height: 88 },
  milestone: { width: 236, height: 96 },
  service: { width: 204, height: 60 },
};

export type MapLayout = LayoutResult & { lanes?: LaneBox[] };

/** Papers first, services last (still spread over columns when they call each other). */
export function layoutNodes(nodes: readonly MapNode[]): LayoutNode[] {
  return nodes.map((node) => ({
    id: node.id,
    ...NODE_SIZE[node.kind],
    ...(node.kind === "handoff" ? { column: 0, band: 0 } : { band: node.kind === "milestone" ? 1 : 2 }),
  }));
}

export function layoutMap(nodes: readonly MapNode[], edges: readonly MapEdge[], opts: { lanes?: readonly string[] } = {}): MapLayout {
  const links = edges.map((e) => ({ source: e.source, target: e.target, group: e.kind }));
  if (!opts.lanes) return layeredLayout(layoutNodes(nodes), links);
  return laneLayout(nodes.map((n) => ({ id: n.id, ...NODE_SIZE[n.kind], lane: n.layer ?? n.kind })), links, opts.lanes);
}
