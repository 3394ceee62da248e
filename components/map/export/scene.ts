// What an export draws or lists: the map's nodes with their laid-out boxes, the edges between
// them with their full routes, and the lanes, for either the whole map or the current view.
// Every format (SVG, PNG, Mermaid, JSON) starts from one scene, so they always agree. Pure.
import { humanize } from "@/components/ui/status";
import type { MapLayout } from "@/lib/graph/map-layout";
import type { MapEdge, MapNode, Point } from "@/lib/graph/types";
import { KIND_LABEL, NODE_SIZE, isBlockingDependency, serviceCycles } from "../map-model";

export type Rect = { x: number; y: number; width: number; height: number };

/** "view": the nodes intersecting the viewport; "map": every node. Both leave out filtered-out nodes. */
export type ExportScope = "view" | "map";

export type ExportInput = {
  nodes: readonly MapNode[];
  edges: readonly MapEdge[];
  layout: MapLayout;
  /** The map's name in the file ("Floor-plan generation", "Services map"). */
  title: string;
  /** The project a project map belongs to; null for the services map. */
  project?: { key: string; name: string } | null;
  /** Labels of the lanes, by lane id; lanes without one are humanised ("handoff" → "Handoffs" by kind). */
  laneLabels?: Readonly<Record<string, string>>;
  /** False for nodes the view's filters hide. Default: every node is shown. */
  isVisible?: (node: MapNode) => boolean;
  /** The visible part of the canvas, in map coordinates; needed for the "view" scope. */
  viewport?: Rect | null;
};

export type SceneNode = MapNode & Rect;
export type SceneEdge = MapEdge & {
  /** From the source's right-hand side through the layout's waypoints to the target's left-hand side. */
  points: Point[];
  blocking: boolean;
  cycle: boolean;
};
export type SceneLane = Rect & { id: string; label: string; count: number };

export type Scene = {
  title: string;
  project: { key: string; name: string } | null;
  scope: ExportScope;
  /** The drawn area, in map coordinates: everything in the scene, with a margin. */
  frame: Rect;
  nodes: SceneNode[];
  edges: SceneEdge[];
  lanes: SceneLane[];
};

const MARGIN = 24;

const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function laneLabel(id: string, labels: Readonly<Record<string, string>> | undefined): string {
  if (labels?.[id]) return labels[id];
  if (id === "handoff") return "Handoffs";
  if (id in KIND_LABEL) return KIND_LABEL[id as keyof typeof KIND_LABEL].many;
  return humanize(id);
}

export function buildScene(input: ExportInput, scope: ExportScope): Scene {
  const { nodes, edges, layout } = input;
  const shown = input.isVisible ?? (() => true);
  const boxes = new Map<string, SceneNode>();
  nodes.forEach((node, i) => {
    const at = layout.positions[i]?.id === node.id ? layout.positions[i] : layout.positions.find((p) => p.id === node.id);
    if (!at || !shown(node)) return;
    const box: SceneNode = { ...node, x: at.x, y: at.y, ...NODE_SIZE[node.kind] };
    if (scope === "view" && input.viewport && !intersects(box, input.viewport)) return;
    boxes.set(node.id, box);
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const routes = new Map(layout.routes.map((r) => [r.edge, r.points]));
  const cycles = serviceCycles(nodes, edges);
  const sceneEdges: SceneEdge[] = [];
  edges.forEach((edge, i) => {
    const source = boxes.get(edge.source);
    const target = boxes.get(edge.target);
    if (!source || !target) return;
    sceneEdges.push({
      ...edge,
      points: [{ x: source.x + source.width, y: source.y + source.height / 2 }, ...(routes.get(i) ?? []), { x: target.x, y: target.y + target.height / 2 }],
      blocking: isBlockingDependency(edge, byId.get(edge.source), byId.get(edge.target)),
      cycle: cycles?.[i] === 1,
    });
  });

  // The frame: the whole layout for the map, or what the scene's nodes and edges cover for a view.
  let frame: Rect;
  const sceneNodes = [...boxes.values()];
  if (scope === "map" && sceneNodes.length === nodes.length) {
    frame = { x: -MARGIN, y: -MARGIN, width: layout.width + 2 * MARGIN, height: layout.height + 2 * MARGIN };
    if (layout.lanes?.length) frame = { x: 0, y: 0, width: layout.width, height: layout.height };
  } else {
    let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    const cover = (x: number, y: number, w = 0, h = 0) => {
      left = Math.min(left, x);
      top = Math.min(top, y);
      right = Math.max(right, x + w);
      bottom = Math.max(bottom, y + h);
    };
    for (const n of sceneNodes) cover(n.x, n.y, n.width, n.height);
    for (const e of sceneEdges) for (const p of e.points) cover(p.x, p.y);
    frame = sceneNodes.length === 0 ? { x: 0, y: 0, width: 2 * MARGIN, height: 2 * MARGIN } : { x: left - MARGIN, y: top - MARGIN, width: right - left + 2 * MARGIN, height: bottom - top + 2 * MARGIN };
    // Lane labels sit above the nodes: keep the lanes' tops in the frame.
    if (layout.lanes?.length && sceneNodes.length > 0) {
      frame = { ...frame, y: Math.min(frame.y, 0), height: frame.y + frame.height - Math.min(frame.y, 0) };
    }
  }

  const lanes: SceneLane[] = [];
  for (const lane of layout.lanes ?? []) {
    const x = Math.max(lane.x, frame.x);
    const right = Math.min(lane.x + lane.width, frame.x + frame.width);
    if (right <= x) continue;
    // Members by position (a lane spans its columns), whatever decided the lanes.
    const count = sceneNodes.filter((n) => n.x + n.width / 2 >= lane.x && n.x + n.width / 2 < lane.x + lane.width).length;
    if (count === 0 && scope === "view") continue;
    lanes.push({ id: lane.lane, label: laneLabel(lane.lane, input.laneLabels), count, x, y: frame.y, width: right - x, height: frame.height });
  }

  return { title: input.title, project: input.project ?? null, scope, frame, nodes: sceneNodes, edges: sceneEdges, lanes };
}

/**
 * "FLOOR-map-2026-11-29.svg" for the whole map, "FLOOR-map-view-2026-11-29.svg" for the current
 * view: the map's short name, what was exported, the day (local), the format.
 */
export function exportFileName(slug: string, day: Date, extension: string, scope: ExportScope = "map"): string {
  const safe = slug.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "legible";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${safe}-map${scope === "view" ? "-view" : ""}-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}.${extension}`;
}
