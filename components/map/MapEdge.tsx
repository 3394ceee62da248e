// An edge drawn as a smooth curve through the waypoints the layout reserved for it, so long
// edges pass between the nodes of the columns they cross rather than over them.
import { memo } from "react";
import type { Edge, EdgeProps } from "@xyflow/react";
import type { MapGroup } from "@/lib/graph/collapse";
import type { MapEdge, MapEdgeKind, MapNode, MapNodeKind, Point } from "@/lib/graph/types";
import { EDGE_DASH, EDGE_LABEL, EDGE_TONE, isBlockingDependency } from "./map-model";
import type { FocusState } from "./MapNodes";
import styles from "./ProjectMap.module.css";

export type MapEdgeData = {
  kind: MapEdgeKind;
  points: Point[];
  blocking: boolean;
  /** A call, read or publish on a cycle among services: drawn with a halo, named in the legend. */
  cycle: boolean;
  focus: Exclude<FocusState, "upstream" | "downstream"> | "path";
  /** How many of the map's edges it stands for (more than 1 when merged into a collapsed group). */
  count?: number;
  /** Lit by the map's highlight, or dimmed by it. */
  highlight?: "critical" | "risk" | "dim";
};
export type MapFlowEdge = Edge<MapEdgeData, "routed">;

/** Horizontal-tangent cubic segments through every point: an S-curve per column gap. */
export function routedPath(points: Point[]): string {
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const dx = (b.x - a.x) / 2;
    d += dx === 0 ? ` L${b.x},${b.y}` : ` C${a.x + dx},${a.y} ${b.x - dx},${b.y} ${b.x},${b.y}`;
  }
  return d;
}

const ARROW = 7;

export const RoutedEdge = memo(function RoutedEdge({ sourceX, sourceY, targetX, targetY, data }: EdgeProps<MapFlowEdge>) {
  if (!data) return null;
  // Stop short of the target so the arrowhead's tip touches the node's border.
  const end = { x: targetX - ARROW, y: targetY };
  const path = routedPath([{ x: sourceX, y: sourceY }, ...data.points, end]);
  const colour = data.highlight === "critical" ? "var(--tone-orange-solid)" : data.blocking || data.highlight === "risk" ? "var(--tone-red-solid)" : EDGE_TONE[data.kind];
  return (
    <g className={styles.edge} data-focus={data.focus} data-blocking={data.blocking || undefined} data-cycle={data.cycle || undefined} data-kind={data.kind} data-highlight={data.highlight}>
      <path d={path} className={styles.edgeHit} />
      {data.cycle && <path d={path} className={styles.cycleHalo} />}
      <path d={path} className={styles.edgePath} style={{ stroke: colour, strokeDasharray: data.blocking ? "6 4" : EDGE_DASH[data.kind] }} />
      <path d={`M${end.x - 1},${targetY - ARROW / 2 - 0.5} L${targetX},${targetY} L${end.x - 1},${targetY + ARROW / 2 + 0.5} Z`} className={styles.arrow} style={{ fill: colour }} />
      {(data.count ?? 1) > 1 && <EdgeCount count={data.count!} at={middle([{ x: sourceX, y: sourceY }, ...data.points, end])} colour={colour} />}
    </g>
  );
});

/** A merged edge's count, in a pill half-way along it. */
function EdgeCount({ count, at, colour }: { count: number; at: Point; colour: string }) {
  const text = `×${count}`;
  const width = 10 + text.length * 7;
  return (
    <g className={styles.edgeCount} transform={`translate(${at.x}, ${at.y})`} data-testid="map-edge-count">
      <rect x={-width / 2} y={-9} width={width} height={18} rx={9} style={{ stroke: colour }} />
      <text textAnchor="middle" dy="0.35em">
        {text}
      </text>
    </g>
  );
}

/** The point half-way along a polyline (near enough to the curve drawn through it). */
function middle(points: Point[]): Point {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
  let left = total / 2;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length >= left && length > 0) return { x: a.x + ((b.x - a.x) * left) / length, y: a.y + ((b.y - a.y) * left) / length };
    left -= length;
  }
  return points[0];
}

export const edgeTypes = { routed: RoutedEdge };

type EdgeContext = {
  byId: ReadonlyMap<string, MapNode>;
  routes: ReadonlyMap<number, Point[]>;
  hidden: ReadonlySet<MapNodeKind>;
  /** Indexes of the edges on the focused node's paths; null when nothing is focused. */
  focusEdges: ReadonlySet<number> | null;
  selectedEdgeId: string | null;
  /** The caller may plan: dependency edges can be focused and selected (to remove one). */
  plannable: boolean;
  /** Flag per edge: on a cycle (lib/graph/cycles cycleEdges); null when there is none. */
  cycles?: Uint8Array | null;
  /** Collapsed groups drawn in place of their members: an edge may end at one. */
  groups?: ReadonlyMap<string, MapGroup>;
  /** Ids of the edges the map's highlight lights (the rest dim); null when it is off. */
  highlight?: { mode: "critical" | "risk"; edges: ReadonlySet<string> } | null;
};

/** What a screen reader hears for an edge: its two ends by name, never their ids. */
function edgeName(kind: MapEdgeKind, source: MapNode | MapGroup, target: MapNode | MapGroup, cycle: boolean, count = 1): string {
  const name = (node: MapNode | MapGroup) => (node.kind === "group" ? node.title : node.kind === "milestone" ? node.sublabel : node.label);
  if (count > 1) return `${count} links: ${name(source)} ${EDGE_LABEL[kind]} ${name(target)}`;
  if (kind === "depends") return `Dependency: ${name(source)} must finish before ${name(target)}`;
  return `${name(source)} ${EDGE_LABEL[kind]} ${name(target)}${cycle ? " (in a cycle)" : ""}`;
}

/** The map's edges as React Flow draws them: routed, dimmed off the focused paths, selectable where the role plans. */
export function toFlowEdges(edges: (MapEdge & { count?: number })[], { byId, routes, hidden, focusEdges, selectedEdgeId, plannable, cycles, groups, highlight }: EdgeContext): MapFlowEdge[] {
  return edges.map((edge, i) => {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    const sourceEnd = source ?? groups?.get(edge.source);
    const targetEnd = target ?? groups?.get(edge.target);
    const onPath = (focusEdges?.has(i) ?? false) || edge.id === selectedEdgeId;
    const selectable = plannable && edge.kind === "depends";
    const cycle = cycles?.[i] === 1;
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: "routed",
      hidden: !sourceEnd || !targetEnd || (source !== undefined && hidden.has(source.kind)) || (target !== undefined && hidden.has(target.kind)),
      focusable: selectable,
      selectable,
      selected: edge.id === selectedEdgeId,
      ...(sourceEnd && targetEnd ? { ariaLabel: edgeName(edge.kind, sourceEnd, targetEnd, cycle, edge.count) } : {}),
      zIndex: onPath ? 1 : 0,
      data: {
        kind: edge.kind,
        points: routes.get(i) ?? [],
        blocking: isBlockingDependency(edge, source, target),
        cycle,
        focus: onPath ? "path" : !focusEdges ? "none" : "dimmed",
        count: edge.count ?? 1,
        ...(highlight ? { highlight: highlight.edges.has(edge.id) ? highlight.mode : "dim" } : {}),
      },
    };
  });
}
