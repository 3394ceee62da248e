// The one entry point that lays out a map, shared by the server, which precomputes positions per
// graph version, and the client. Every map is drawn in labelled lanes, left to right: papers,
// milestones, then services by layer in the order a request flows (gateway, API, service, worker,
// model, data). Within a lane, nodes linked to each other spread over several columns (a chain of
// milestones, services calling services); lanes with no node are left out. The services map
// passes its own lane order (the layers alone). Pure: no React, no database.
import { laneLayout, type LaneBox } from "@/lib/graph/lanes";
import type { LayoutNode, LayoutResult, MapEdge, MapEdgeKind, MapNode, MapNodeKind } from "@/lib/graph/types";
import { SERVICE_LAYERS, SERVICE_LAYER_LABELS } from "@/lib/validation/service";

/** Fixed node sizes: the layout needs them before anything is drawn, and the CSS matches them. */
export const NODE_SIZE: Record<MapNodeKind, { width: number; height: number }> = {
  handoff: { width: 248, height: 88 },
  milestone: { width: 236, height: 96 },
  service: { width: 204, height: 60 },
};

export type MapLayout = LayoutResult & { lanes?: LaneBox[] };

/** A project map's lanes, left to right: papers, milestones, then services by layer. */
export const MAP_LANES: readonly string[] = ["handoff", "milestone", ...SERVICE_LAYERS];

/** Each lane's heading. */
export const LANE_LABELS: Readonly<Record<string, string>> = { handoff: "Handoffs", milestone: "Milestones", ...SERVICE_LAYER_LABELS };

/** The lane a node is drawn in: its kind, or for a service its layer. */
export function laneOf(node: Pick<MapNode, "kind" | "layer">): string {
  return node.kind === "service" ? (node.layer ?? "service") : node.kind;
}

/** Papers first, services last (still spread over columns when they call each other). */
export function layoutNodes(nodes: readonly MapNode[]): LayoutNode[] {
  const band = new Map(MAP_LANES.map((lane, i) => [lane, i]));
  return nodes.map((node) => ({ id: node.id, ...NODE_SIZE[node.kind], band: band.get(laneOf(node)) ?? MAP_LANES.length }));
}

/**
 * Long edges bundled into one trunk: a paper's links to the milestones it was decomposed into.
 * Bundling the others too (a milestone's services, a service's calls) ties edges that go to
 * unrelated places together, and roughly doubles the crossings on a generated 1,000-node map.
 */
const BUNDLED: readonly MapEdgeKind[] = ["decomposed"];

/** Lays a map out in lanes: `lanes` is their order (default MAP_LANES); nodes of other lanes follow, by name. */
export function layoutMap(nodes: readonly MapNode[], edges: readonly MapEdge[], opts: { lanes?: readonly string[] } = {}): MapLayout {
  const links = edges.map((e) => ({ source: e.source, target: e.target, group: e.kind }));
  return laneLayout(nodes.map((n) => ({ id: n.id, ...NODE_SIZE[n.kind], lane: laneOf(n) })), links, opts.lanes ?? MAP_LANES, { bundleEdges: BUNDLED });
}
