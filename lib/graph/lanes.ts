// Lanes: a layered layout whose columns are grouped into labelled lanes, left to right in a given
// order (the services map puts gateway, API, service, worker, model and data services each in
// their own lane). Every node of a lane sits in a column after every node of the lanes before it;
// within a lane, nodes that call each other still spread over several columns. Edges pointing
// back to an earlier lane, and cycles, are laid out reversed (layeredLayout's bands) and still
// drawn. Lanes with no node are left out; nodes of a lane not in the order get lanes of their
// own after the known ones, in name order. Pure: no React, no database.
import { layeredLayout } from "@/lib/graph/layout";
import type { LayoutEdge, LayoutNode, LayoutOptions, LayoutResult } from "@/lib/graph/types";

export type LaneNode = Omit<LayoutNode, "band" | "column"> & { lane: string };

/** A lane's rectangle, in the same coordinates as the positions: the full height of the layout. */
export type LaneBox = { lane: string; x: number; y: number; width: number; height: number; count: number };

export type LaneLayoutOptions = LayoutOptions & {
  /** Room above the nodes for the lanes' labels. Default 44. */
  header?: number;
  /** Room below the last node. Default 24. */
  footer?: number;
};

export type LaneLayoutResult = LayoutResult & { lanes: LaneBox[] };

const DEFAULT_LAYER_GAP = 120;

export function laneLayout(nodes: readonly LaneNode[], edges: readonly LayoutEdge[], order: readonly string[], opts: LaneLayoutOptions = {}): LaneLayoutResult {
  const { header = 44, footer = 24, ...layoutOpts } = opts;
  const layerGap = layoutOpts.layerGap ?? DEFAULT_LAYER_GAP;
  const known = new Map(order.map((lane, i) => [lane, i]));
  const extra = [...new Set(nodes.map((n) => n.lane).filter((lane) => !known.has(lane)))].sort();
  const rank = new Map([...known, ...extra.map((lane, i): [string, number] => [lane, order.length + i])]);
  const half = layerGap / 2;
  // Room for the labels above, and half a gap on the left so the first lane starts at 0: the
  // layout places everything there itself, as a large map has hundreds of thousands of points.
  const laid = layeredLayout(
    nodes.map((node) => ({ id: node.id, width: node.width, height: node.height, band: rank.get(node.lane)! })),
    edges,
    { ...layoutOpts, layerGap },
    { x: half, y: header },
  );
  if (nodes.length === 0) return { ...laid, lanes: [] };

  const height = laid.height + header + footer;

  // Each lane spans its columns plus half the gap on either side, so neighbouring lanes touch.
  const spans = new Map<string, { left: number; right: number; count: number }>();
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const { x } = laid.positions[i];
    const span = spans.get(node.lane);
    if (!span) spans.set(node.lane, { left: x, right: x + node.width, count: 1 });
    else {
      span.left = Math.min(span.left, x);
      span.right = Math.max(span.right, x + node.width);
      span.count++;
    }
  }
  const boxes = [...spans]
    .sort((a, b) => rank.get(a[0])! - rank.get(b[0])!)
    .map(([lane, span]): LaneBox => ({ lane, x: span.left - half, y: 0, width: span.right - span.left + layerGap, height, count: span.count }));
  return { ...laid, lanes: boxes, width: laid.width + layerGap, height };
}
