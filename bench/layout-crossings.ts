// How bench/layout.bench.mjs counts crossings, the same way for our layout and for dagre's: over
// each drawing's proper layered graph (every edge split at every layer it spans), between
// adjacent layers. See the bench's header comment.
import type { Graph } from "@dagrejs/dagre";
import { NODE_SIZE, type MapLayout } from "../lib/graph/map-layout";
import type { MapEdge, MapNode } from "../lib/graph/types";

/**
 * A drawing reduced to its proper layered graph: per edge, the vertical position where it
 * crosses each layer from its left end's layer to its right end's, both ends included.
 */
export type Layered = { layers: number; paths: { first: number; ys: number[] }[] };

/**
 * Crossings between adjacent layers: for each pair of layers, the segments of every edge
 * between them, (y on the left, y on the right); two segments cross when their order on the
 * left is strictly the reverse of their order on the right (segments sharing an end, as bundled
 * edges do, do not cross). Inversions counted with a Fenwick tree, n log n per layer pair.
 */
export function countCrossings({ layers, paths }: Layered): { crossings: number; segments: number } {
  const byGap: [number, number][][] = Array.from({ length: Math.max(0, layers - 1) }, () => []);
  let segments = 0;
  for (const { first, ys } of paths) {
    for (let k = 0; k + 1 < ys.length; k++) {
      byGap[first + k].push([ys[k], ys[k + 1]]);
      segments++;
    }
  }
  let crossings = 0;
  for (const segs of byGap) {
    if (segs.length < 2) continue;
    segs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const rights = [...new Set(segs.map((s) => s[1]))].sort((a, b) => a - b);
    const rank = new Map(rights.map((y, i) => [y, i + 1]));
    const tree = new Int32Array(rights.length + 1);
    let inserted = 0;
    // Walk in left order; a segment crosses every earlier one (strictly above on the left) that
    // ends strictly below it on the right. Segments with the same left end never cross: a group
    // with equal left y is counted against earlier groups only.
    for (let i = 0; i < segs.length; ) {
      let j = i;
      while (j < segs.length && segs[j][0] === segs[i][0]) j++;
      for (let k = i; k < j; k++) {
        let notBelow = 0; // earlier segments ending at or above this one's right end
        for (let p = rank.get(segs[k][1])!; p > 0; p -= p & -p) notBelow += tree[p];
        crossings += inserted - notBelow;
      }
      for (let k = i; k < j; k++) {
        for (let p = rank.get(segs[k][1])!; p <= rights.length; p += p & -p) tree[p]++;
        inserted++;
      }
      i = j;
    }
  }
  return { crossings, segments };
}

/** Our drawing: node layers and centres; a long edge crosses each layer at its waypoint there. */
export function oursLayered(nodes: readonly MapNode[], edges: readonly MapEdge[], layout: MapLayout): Layered {
  const at = new Map(layout.positions.map((p, i) => [p.id, { layer: p.layer, x: p.x, y: p.y + NODE_SIZE[nodes[i].kind].height / 2 }]));
  // Each layer's left edge, to tell which layer a waypoint is in (waypoints come in pairs, at
  // the left and right edges of the column of the layer they pass).
  const left = new Float64Array(layout.layerCount).fill(Infinity);
  for (const p of at.values()) left[p.layer] = Math.min(left[p.layer], p.x);
  const layerOf = (x: number) => {
    let lo = 0;
    let hi = layout.layerCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (left[mid] <= x + 0.5) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const routes = new Map(layout.routes.map((r) => [r.edge, r.points]));
  const paths: Layered["paths"] = [];
  edges.forEach((edge, e) => {
    let a = at.get(edge.source)!;
    let b = at.get(edge.target)!;
    if (!a || !b || a.layer === b.layer) return; // same-layer edges belong to no layer pair
    let points = routes.get(e) ?? [];
    if (a.layer > b.layer) {
      [a, b] = [b, a];
      points = [...points].reverse();
    }
    const ys: number[] = [a.y];
    for (const point of points) {
      const l = layerOf(point.x);
      if (l > a.layer + ys.length - 1 && l < b.layer) ys.push(point.y);
    }
    // An edge left unrouted (over the dummy budget) is drawn as a curve: straight interpolation.
    const span = b.layer - a.layer;
    if (ys.length !== span) {
      ys.length = 1;
      for (let k = 1; k < span; k++) ys.push(a.y + ((b.y - a.y) * k) / span);
    }
    ys.push(b.y);
    paths.push({ first: a.layer, ys });
  });
  return { layers: layout.layerCount, paths };
}

type DagreNode = { width: number; height: number; x: number; y: number; rank: number; order: number };

/** dagre's drawing: its ranks (dummy-only ranks included), and one point per dummy node of an edge. */
export function dagreLayered(graph: Graph, edges: readonly MapEdge[]): Layered {
  let layers = 0;
  for (const id of graph.nodes()) layers = Math.max(layers, (graph.node(id) as unknown as DagreNode).rank + 1);
  const paths: Layered["paths"] = [];
  for (const edge of edges) {
    const a = graph.node(edge.source) as unknown as DagreNode;
    const b = graph.node(edge.target) as unknown as DagreNode;
    const label = graph.edge(edge.source, edge.target) as { points: { x: number; y: number }[] } | undefined;
    if (!label || a.rank === b.rank) continue;
    // points: the intersection with the source's box, one point per dummy node (one per rank
    // between the ends), the intersection with the target's box; in the edge's direction.
    const inner = label.points.slice(1, -1).map((p) => p.y);
    const span = Math.abs(b.rank - a.rank);
    if (inner.length !== span - 1) throw new Error(`dagre edge ${edge.source}→${edge.target}: ${inner.length} points for span ${span}`);
    const ys = [a.y, ...inner, b.y];
    if (a.rank > b.rank) ys.reverse();
    paths.push({ first: Math.min(a.rank, b.rank), ys });
  }
  return { layers, paths };
}

