// Layered (Sugiyama-style) left-to-right layout, fast enough to run on every render of a
// large map: dagre takes seconds for 1,000 nodes; this takes milliseconds.
//
//   1. Cycle breaking: back edges of an iterative depth-first search are reversed, as are
//      edges pointing from a later band to an earlier one.
//   2. Layering: longest path from the sources, in topological order, honouring pinned
//      columns and bands; then a node (not a source) with more edges to its right than to its
//      left moves right as far as its successors and its band allow, shortening edges.
//   3. Ordering: an edge spanning several layers becomes a chain of dummy nodes, one per layer
//      it crosses (bundled edges share theirs: one weighted link); barycenter half-sweeps,
//      down and up alternately, keeping the order with fewest crossings (counted exactly,
//      weighted by the edges along each link, with a Fenwick tree after every half-sweep, only
//      for the layer pairs it reordered); when up half-sweeps prove worse, they start from the
//      middle layer. Layers are sorted by a counting sort on the barycenter's whole part, on
//      nodes renumbered by their starting position (a layer's nodes contiguous in memory).
//      Sweeps stop when they stop gaining, or when a work budget proportional to nodes plus
//      dummy nodes is spent.
//   4. Coordinates: each layer is placed near the mean height of its neighbours, as close as
//      order and spacing allow (isotonic regression by pool-adjacent-violators, linear time).
//      Dummy nodes become the waypoints of long edges, so those pass between nodes, not over them.
//
// Every step is linear or n log n in nodes plus dummy nodes, on flat typed arrays (no Maps,
// Sets or per-node objects in the loops). Dummy nodes are capped at a budget proportional to
// the graph: past it, the longest edges are left out of ordering and routing (still laid out
// left to right, drawn as plain curves), so a 5,000-node chain with long shortcuts stays fast.
//
// Over 400 lines on purpose: the four steps share the indexed graph, its dummy nodes and their
// order arrays; split into modules they would hand a dozen parallel arrays back and forth.
import { adjacency, backEdges, indexGraph, type IndexedGraph } from "@/lib/graph/cycles";
import type { EdgeRoute, LayoutEdge, LayoutNode, LayoutOptions, LayoutResult, NodePosition, Point } from "@/lib/graph/types";

const DEFAULTS: Required<LayoutOptions> = { layerGap: 80, nodeGap: 24, edgeGap: 12, sweeps: 8, bundleEdges: true };

/** At most this many dummy nodes per node and edge (and never fewer than the minimum). */
const DUMMY_BUDGET_FACTOR = 10;
const DUMMY_BUDGET_MIN = 20_000;

/**
 * Ordering stops after this many node visits (half-sweeps times nodes and dummy nodes), but never
 * before MIN_HALF_SWEEPS; and once sweeps stop gaining MIN_GAIN of the crossings.
 */
const ORDER_BUDGET = 600_000;
const MIN_HALF_SWEEPS = 4;
const MIN_GAIN = 0.002;

/**
 * Down-and-up passes of coordinate assignment before the last one, which weighs both sides. One is
 * enough: on generated maps of 1,000 to 10,000 nodes, three give the same total vertical travel of
 * the edges (to 0.1%), and none gives 13 to 29% more.
 */
const PLACEMENT_PASSES = 1;

/**
 * Lays the graph out, in whole pixels. Positions and route points are moved by `shift` (lanes make
 * room for their labels that way, without a second pass over the hundreds of thousands of points
 * of a large map); width and height are the drawing's own.
 */
export function layeredLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], opts: LayoutOptions = {}, shift: Point = { x: 0, y: 0 }): LayoutResult {
  const { layerGap, nodeGap, edgeGap, sweeps, bundleEdges } = { ...DEFAULTS, ...opts };
  const n = nodes.length;
  const shiftX = round(shift.x);
  const shiftY = round(shift.y);
  if (n === 0) return { positions: [], routes: [], width: 0, height: 0, layerCount: 0, reversedEdges: 0 };
  const graph = withGroups(indexGraph(nodes, edges), edges, bundleEdges);
  const layer = assignLayers(nodes, graph.source, graph.target);
  let reversedEdges = 0;
  for (let e = 0; e < graph.source.length; e++) if (layer[graph.source[e]] >= layer[graph.target[e]]) reversedEdges++;

  const seg = buildSegments(layer, graph, bundleEdges !== false);
  const order = orderLayers(seg, sweeps);
  const height = new Float64Array(seg.count);
  for (let i = 0; i < n; i++) height[i] = nodes[i].height;
  const center = placeInLayers(seg, order, height, nodeGap, edgeGap);

  // Columns: each as wide as its widest node; nodes centred in their column.
  const layerWidth = new Float64Array(seg.layerCount);
  for (let i = 0; i < n; i++) layerWidth[layer[i]] = Math.max(layerWidth[layer[i]], nodes[i].width);
  const layerX = new Float64Array(seg.layerCount);
  for (let l = 1; l < seg.layerCount; l++) layerX[l] = layerX[l - 1] + layerWidth[l - 1] + layerGap;

  let top = Infinity;
  let bottom = -Infinity;
  for (let v = 0; v < seg.count; v++) {
    const half = height[v] / 2;
    if (center[v] - half < top) top = center[v] - half;
    if (center[v] + half > bottom) bottom = center[v] + half;
  }
  const positions: NodePosition[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    const l = layer[i];
    positions[i] = { id: node.id, x: round(layerX[l] + (layerWidth[l] - node.width) / 2) + shiftX, y: round(center[i] - node.height / 2 - top) + shiftY, layer: l };
  }
  // Waypoints: two per layer a long edge crosses (one where the column is empty), at the
  // column's left and right edges; arrays sized up front, filled from the end when flipped.
  const { chainEdge, chainFlipped, chainStart, chainNodes } = seg;
  const leftX = new Int32Array(seg.layerCount);
  const rightX = new Int32Array(seg.layerCount);
  for (let l = 0; l < seg.layerCount; l++) {
    leftX[l] = round(layerX[l]) + shiftX;
    rightX[l] = round(layerX[l] + layerWidth[l]) + shiftX;
  }
  const routes: EdgeRoute[] = new Array(chainEdge.length);
  for (let c = 0; c < chainEdge.length; c++) {
    let length = 0;
    for (let k = chainStart[c]; k < chainStart[c + 1]; k++) length += layerWidth[seg.layer[chainNodes[k]]] > 0 ? 2 : 1;
    const points: Point[] = new Array(length);
    const flipped = chainFlipped[c] === 1;
    let at = 0;
    for (let k = chainStart[c]; k < chainStart[c + 1]; k++) {
      const d = chainNodes[k];
      const l = seg.layer[d];
      const y = round(center[d] - top) + shiftY;
      if (layerWidth[l] > 0) {
        points[flipped ? length - 1 - at++ : at++] = { x: leftX[l], y };
        points[flipped ? length - 1 - at++ : at++] = { x: rightX[l], y };
      } else {
        points[flipped ? length - 1 - at++ : at++] = { x: leftX[l], y };
      }
    }
    routes[c] = { edge: chainEdge[c], points };
  }
  const last = seg.layerCount - 1;
  return {
    positions,
    routes,
    width: round(layerX[last] + layerWidth[last]),
    height: round(bottom - top),
    layerCount: seg.layerCount,
    reversedEdges,
  };
}

// ---------- 1 and 2: cycle breaking and layering ----------

function assignLayers(nodes: readonly LayoutNode[], source: Int32Array, target: Int32Array): Int32Array {
  const n = nodes.length;
  const band = Float64Array.from(nodes, (node) => node.band ?? 0);
  const pin = Float64Array.from(nodes, (node) => (node.column === undefined || !Number.isFinite(node.column) ? NaN : Math.trunc(node.column)));

  // Orient every edge from earlier band to later; then break the cycles left within bands.
  const from = new Int32Array(source.length);
  const to = new Int32Array(source.length);
  for (let e = 0; e < source.length; e++) {
    const flip = band[source[e]] > band[target[e]];
    from[e] = flip ? target[e] : source[e];
    to[e] = flip ? source[e] : target[e];
  }
  const back = backEdges(n, from, to);
  for (let e = 0; e < from.length; e++) {
    if (back[e]) [from[e], to[e]] = [to[e], from[e]];
  }

  // Topological order (Kahn, input order among ready nodes), then grouped by band: every edge
  // now runs towards a later or equal band, so grouping keeps the order topological.
  const order = topologicalOrder(n, from, to);
  const bands = Float64Array.from(new Set(band)).sort();
  const bandRank = new Int32Array(n);
  if (bands.length > 1) for (let v = 0; v < n; v++) bandRank[v] = binarySearch(bands, band[v]);
  // Stable counting sort of the topological order by band.
  const bandStarts = new Int32Array(bands.length + 1);
  for (let v = 0; v < n; v++) bandStarts[bandRank[v] + 1]++;
  for (let b = 0; b < bands.length; b++) bandStarts[b + 1] += bandStarts[b];
  const byBand = new Int32Array(n);
  for (let k = 0; k < n; k++) byBand[bandStarts[bandRank[order[k]]]++] = order[k];

  const preds = adjacency(n, to);
  const layer = new Int32Array(n);
  let maxSoFar = -1;
  let bandStart = 0;
  let currentBand: number | undefined;
  for (let k = 0; k < n; k++) {
    const v = byBand[k];
    if (band[v] !== currentBand) {
      currentBand = band[v];
      bandStart = maxSoFar + 1;
    }
    let l: number;
    if (pin[v] >= 0) {
      l = pin[v];
    } else {
      l = bandStart;
      for (let k = preds.offsets[v]; k < preds.offsets[v + 1]; k++) l = Math.max(l, layer[from[preds.edges[k]]] + 1);
    }
    layer[v] = l;
    maxSoFar = Math.max(maxSoFar, l);
  }
  promote(n, byBand, layer, bandRank, pin, from, to);
  // Negative pins count back from the last layer of everything else.
  for (let v = 0; v < n; v++) {
    if (pin[v] < 0) layer[v] = Math.max(0, maxSoFar + 1 + pin[v]);
  }
  return layer;
}

/**
 * Shortens edges: a node with more edges to its right than to its left moves right, as far as
 * its successors in its band and the band's last layer allow (latest first, so room opens up).
 */
function promote(n: number, byBand: Int32Array, layer: Int32Array, bandRank: Int32Array, pin: Float64Array, from: Int32Array, to: Int32Array): void {
  let bands = 0;
  for (let v = 0; v < n; v++) bands = Math.max(bands, bandRank[v] + 1);
  const bandEnd = new Int32Array(bands).fill(-1);
  for (let v = 0; v < n; v++) bandEnd[bandRank[v]] = Math.max(bandEnd[bandRank[v]], layer[v]);
  const out = adjacency(n, from);
  const inn = adjacency(n, to);
  for (let k = n - 1; k >= 0; k--) {
    const v = byBand[k];
    if (pin[v] === pin[v]) continue; // pinned (not NaN)
    const outDegree = out.offsets[v + 1] - out.offsets[v];
    const inDegree = inn.offsets[v + 1] - inn.offsets[v];
    if (outDegree <= inDegree || inDegree === 0) continue; // sources stay in the first layer
    let upper = bandEnd[bandRank[v]];
    for (let j = out.offsets[v]; j < out.offsets[v + 1]; j++) {
      const w = to[out.edges[j]];
      if (bandRank[w] === bandRank[v]) upper = Math.min(upper, layer[w] - 1);
    }
    if (upper > layer[v]) layer[v] = upper;
  }
}

function binarySearch(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function topologicalOrder(n: number, from: Int32Array, to: Int32Array): Int32Array {
  const out = adjacency(n, from);
  const indegree = new Int32Array(n);
  for (let e = 0; e < to.length; e++) indegree[to[e]]++;
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const v = order[head];
    for (let k = out.offsets[v]; k < out.offsets[v + 1]; k++) {
      const w = to[out.edges[k]];
      if (--indegree[w] === 0) order[tail++] = w;
    }
  }
  return order; // acyclic after backEdges, so every node is in it
}

type GroupedGraph = IndexedGraph & { group?: Int32Array; unbundled?: Uint8Array };

/**
 * Numbers each edge's group (first appearance order) when any edge names one, and flags the
 * edges never to bundle when only some groups are (`bundle` a list of group names).
 */
function withGroups(graph: IndexedGraph, edges: readonly LayoutEdge[], bundle: boolean | readonly string[]): GroupedGraph {
  const only = typeof bundle === "boolean" ? null : new Set(bundle);
  if (!edges.some((edge) => edge.group !== undefined)) return only && !only.has("") ? { ...graph, unbundled: new Uint8Array(graph.source.length).fill(1) } : graph;
  const ids = new Map<string, number>();
  const group = new Int32Array(graph.edgeIndex.length);
  const unbundled = only ? new Uint8Array(group.length) : undefined;
  for (let k = 0; k < group.length; k++) {
    const name = edges[graph.edgeIndex[k]].group ?? "";
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = ids.size));
    group[k] = id;
    if (unbundled && !only!.has(name)) unbundled[k] = 1;
  }
  return { ...graph, group, unbundled };
}

// ---------- 3: ordering within layers ----------

/** Neighbour lists: the neighbours of v are list[offsets[v] .. offsets[v + 1]). */
/** Neighbour lists: the neighbours of v are list[offsets[v] .. offsets[v + 1]), weight[k] the edges along link k. */
type Neighbours = { offsets: Int32Array; list: Int32Array; weight: Int32Array };

type Segments = {
  /** Real nodes are 0 .. real - 1 (input order); dummy nodes follow. */
  count: number;
  real: number;
  layer: Int32Array;
  layerCount: number;
  /** Neighbours in the previous layer and in the next layer (each pair once). */
  up: Neighbours;
  down: Neighbours;
  /**
   * Long edges, flat: chain c is edge chainEdge[c], its dummy nodes left to right are
   * chainNodes[chainStart[c] .. chainStart[c + 1]); flipped when the edge points right to left.
   */
  chainEdge: Int32Array;
  chainFlipped: Uint8Array;
  chainStart: Int32Array;
  chainNodes: Int32Array;
};

/** The per-layer order, flat: layer l is order[start[l] .. start[l + 1]). */
type Order = {
  order: Int32Array;
  start: Int32Array;
  /** The same order in the sweeps' numbering, and their neighbour lists (see orderLayers). */
  ids: Int32Array;
  toPrevious: Neighbours;
  toNext: Neighbours;
};

/**
 * Compressed rows of `to` grouped by `from`, each row sorted; a link given several times (edges
 * bundled through it) is kept once, its weight the number of times it was given (or the sum of
 * the given weights).
 */
function neighbours(count: number, from: Int32Array, to: Int32Array, links: number, given?: Int32Array): Neighbours {
  const offsets = new Int32Array(count + 1);
  for (let k = 0; k < links; k++) offsets[from[k] + 1]++;
  for (let v = 0; v < count; v++) offsets[v + 1] += offsets[v];
  const list = new Int32Array(links);
  const weight = new Int32Array(links);
  const cursor = offsets.slice(0, count);
  for (let k = 0; k < links; k++) {
    const at = cursor[from[k]]++;
    list[at] = to[k];
    weight[at] = given ? given[k] : 1;
  }
  // Sort each row (rows are short: insertion sort), merging repeated links.
  let write = 0;
  let rowStart = 0;
  for (let v = 0; v < count; v++) {
    const end = offsets[v + 1];
    const first = write;
    for (let k = rowStart; k < end; k++) {
      const w = list[k];
      const wt = weight[k];
      let j = write - 1;
      while (j >= first && list[j] > w) j--;
      if (j >= first && list[j] === w) {
        weight[j] += wt;
        continue;
      }
      for (let i = write; i > j + 1; i--) {
        list[i] = list[i - 1];
        weight[i] = weight[i - 1];
      }
      list[j + 1] = w;
      weight[j + 1] = wt;
      write++;
    }
    rowStart = end;
    offsets[v + 1] = write;
  }
  return { offsets, list: write === links ? list : list.slice(0, write), weight: write === links ? weight : weight.slice(0, write) };
}

/** Splits every edge into segments between adjacent layers, adding dummy nodes within budget. */
function buildSegments(layer: Int32Array, graph: GroupedGraph, bundle: boolean): Segments {
  const real = layer.length;
  const { source, target } = graph;
  const m = source.length;
  let layerCount = 0;
  for (let i = 0; i < real; i++) if (layer[i] + 1 > layerCount) layerCount = layer[i] + 1;
  const leftOf = new Int32Array(m);
  const rightOf = new Int32Array(m);
  const span = new Int32Array(m);
  const spanCount = new Int32Array(layerCount + 1);
  let dummies = 0;
  for (let e = 0; e < m; e++) {
    const flip = layer[source[e]] > layer[target[e]];
    leftOf[e] = flip ? target[e] : source[e];
    rightOf[e] = flip ? source[e] : target[e];
    span[e] = layer[rightOf[e]] - layer[leftOf[e]];
    spanCount[span[e]]++;
    if (span[e] > 1) dummies += span[e] - 1;
  }
  const budget = Math.max(DUMMY_BUDGET_MIN, DUMMY_BUDGET_FACTOR * (real + m));
  let maxSpan = layerCount;
  if (dummies > budget) {
    // Keep the shortest edges that fit; every edge longer than that is left out.
    let used = 0;
    for (let s = 2; s <= layerCount; s++) {
      if (used + spanCount[s] * (s - 1) > budget) {
        maxSpan = s - 1;
        break;
      }
      used += spanCount[s] * (s - 1);
    }
    dummies = used;
  }

  // Bundling: long edges of one group leaving the same node share their dummy nodes (one trunk
  // that branches off near the targets), as do long edges converging on the same node. An edge
  // with siblings at both ends shares with its source's for the first half, its target's after.
  // Shared dummy nodes live in slots: per (end node, group), one per layer the trunk reaches.
  const { group: groups, unbundled } = graph;
  let groupCount = 1;
  if (groups) for (let e = 0; e < m; e++) if (groups[e] + 1 > groupCount) groupCount = groups[e] + 1;
  const keys = real * groupCount;
  const atLeft = new Int32Array(bundle ? keys : 0);
  const atRight = new Int32Array(bundle ? keys : 0);
  const leftBase = new Int32Array(bundle ? keys + 1 : 0);
  const rightBase = new Int32Array(bundle ? keys + 1 : 0);
  const keyOf = (node: number, e: number) => node * groupCount + (groups ? groups[e] : 0);
  if (bundle) {
    for (let e = 0; e < m; e++) {
      if (span[e] < 2 || span[e] > maxSpan || unbundled?.[e]) continue;
      atLeft[keyOf(leftOf[e], e)]++;
      atRight[keyOf(rightOf[e], e)]++;
    }
    // How many layers each trunk reaches (first into leftBase/rightBase[key + 1], then summed).
    for (let e = 0; e < m; e++) {
      if (span[e] < 2 || span[e] > maxSpan || unbundled?.[e]) continue;
      const kl = keyOf(leftOf[e], e);
      const kr = keyOf(rightOf[e], e);
      const fromLeft = atLeft[kl] > 1;
      const fromRight = atRight[kr] > 1;
      const half = Math.ceil(span[e] / 2); // layers left + 1 .. left + half - 1 go with the source
      if (fromLeft) leftBase[kl + 1] = Math.max(leftBase[kl + 1], fromRight ? half - 1 : span[e] - 1);
      if (fromRight) rightBase[kr + 1] = Math.max(rightBase[kr + 1], fromLeft ? span[e] - half : span[e] - 1);
    }
    for (let k = 0; k < keys; k++) {
      leftBase[k + 1] += leftBase[k];
      rightBase[k + 1] += rightBase[k];
    }
  }
  const leftSlots = new Int32Array(bundle ? leftBase[keys] : 0).fill(-1);
  const rightSlots = new Int32Array(bundle ? rightBase[keys] : 0).fill(-1);

  const layerOf = new Int32Array(real + dummies);
  layerOf.set(layer);
  let count = real;
  const capacity = m + dummies;
  const from = new Int32Array(capacity);
  const to = new Int32Array(capacity);
  let links = 0;
  const chainEdge = new Int32Array(m);
  const chainFlipped = new Uint8Array(m);
  const chainStart = new Int32Array(m + 1);
  const chainNodes = new Int32Array(dummies);
  let chains = 0;
  let chained = 0;
  for (let e = 0; e < m; e++) {
    const s = span[e];
    if (s === 0 || s > maxSpan) continue;
    const left = leftOf[e];
    const right = rightOf[e];
    const first = layer[left];
    const lastLayer = layer[right];
    const kl = bundle ? keyOf(left, e) : 0;
    const kr = bundle ? keyOf(right, e) : 0;
    const shares = bundle && s > 1 && !unbundled?.[e];
    const fromLeft = shares && atLeft[kl] > 1;
    const fromRight = shares && atRight[kr] > 1;
    const middle = first + Math.ceil(s / 2);
    let previous = left;
    // Every hop is recorded, shared or not: neighbours() merges repeats into one weighted link.
    for (let l = first + 1; l < lastLayer; l++) {
      let d: number;
      if (fromLeft && (!fromRight || l < middle)) {
        const slot = leftBase[kl] + (l - first - 1);
        d = leftSlots[slot];
        if (d < 0) d = leftSlots[slot] = count++;
      } else if (fromRight) {
        const slot = rightBase[kr] + (lastLayer - 1 - l);
        d = rightSlots[slot];
        if (d < 0) d = rightSlots[slot] = count++;
      } else {
        d = count++;
      }
      layerOf[d] = l;
      chainNodes[chained++] = d;
      from[links] = previous;
      to[links++] = d;
      previous = d;
    }
    from[links] = previous;
    to[links++] = right;
    if (s > 1) {
      chainEdge[chains] = graph.edgeIndex[e];
      chainFlipped[chains] = left !== source[e] ? 1 : 0;
      chainStart[++chains] = chained;
    }
  }
  const down = neighbours(count, from, to, links);
  // The same links, reversed (each once already).
  const upFrom = new Int32Array(down.list.length);
  for (let v = 0; v < count; v++) for (let k = down.offsets[v]; k < down.offsets[v + 1]; k++) upFrom[k] = v;
  const up = neighbours(count, down.list, upFrom, down.list.length, down.weight);
  return {
    count,
    real,
    layer: layerOf.subarray(0, count),
    layerCount,
    up,
    down,
    chainEdge: chainEdge.slice(0, chains),
    chainFlipped: chainFlipped.slice(0, chains),
    chainStart: chainStart.slice(0, chains + 1),
    chainNodes: chainNodes.subarray(0, chained),
  };
}

function orderLayers(seg: Segments, sweeps: number): Order {
  const { count, layerCount } = seg;
  const start = new Int32Array(layerCount + 1);
  for (let v = 0; v < count; v++) start[seg.layer[v] + 1]++;
  let widest = 0;
  for (let l = 0; l < layerCount; l++) {
    widest = Math.max(widest, start[l + 1]);
    start[l + 1] += start[l];
  }
  // The sweeps work on nodes renumbered by their starting position (input order within each
  // layer, layer by layer): a layer's nodes and its neighbours' are then contiguous in memory.
  // `initial[k]` is the node first at position k; the best order is mapped back at the end.
  const initial = new Int32Array(count);
  const fill = start.slice(0, layerCount);
  for (let v = 0; v < count; v++) initial[fill[seg.layer[v]]++] = v;
  const newId = new Int32Array(count);
  for (let k = 0; k < count; k++) newId[initial[k]] = k;
  const toPrevious = renumbered(seg.up, initial, newId);
  const toNext = renumbered(seg.down, initial, newId);
  const order = new Int32Array(count);
  const index = new Int32Array(count); // position of each node within its layer
  for (let l = 0; l < layerCount; l++) {
    for (let k = start[l]; k < start[l + 1]; k++) {
      order[k] = k;
      index[k] = k - start[l];
    }
  }

  const movable = new Int32Array(widest);
  const key = new Int32Array(widest);
  const sortedMovers = new Int32Array(widest);
  const bucketFill = new Int32Array(widest + 2);
  const bucketStart = new Int32Array(widest + 2);
  // Nodes with neighbours on the given side are sorted by the weighted mean index of those
  // neighbours (to 1/1024), ties kept in their current order; the others keep their slots, as
  // dagre does, so unconnected nodes do not drift. A counting sort by the mean's whole part (it
  // is below the neighbouring layer's size), then insertion sort within each bucket: linear in
  // practice, where a comparison sort of every layer on every sweep dominated the layout.
  // Returns whether the layer's order changed.
  const sortLayer = (l: number, side: number, { offsets, list, weight }: Neighbours): boolean => {
    const a = start[l];
    const b = start[l + 1];
    let movers = 0;
    let sorted = true;
    let previous = -1;
    for (let k = a; k < b; k++) {
      const v = order[k];
      const from = offsets[v];
      const to = offsets[v + 1];
      if (from === to) continue;
      let q: number;
      if (to - from === 1) {
        q = index[list[from]] << 10; // one neighbour (most dummy nodes): no division
      } else {
        let sum = 0;
        let total = 0;
        for (let j = from; j < to; j++) {
          sum += index[list[j]] * weight[j];
          total += weight[j];
        }
        q = Math.round((sum / total) * 1024);
      }
      if (previous > q) sorted = false;
      previous = q;
      key[movers] = q;
      movable[movers++] = v;
    }
    if (sorted) return false; // common once the sweeps settle
    const buckets = start[side + 1] - start[side];
    bucketFill.fill(0, 0, buckets + 1);
    for (let i = 0; i < movers; i++) bucketFill[(key[i] >> 10) + 1]++;
    for (let i = 0; i < buckets; i++) bucketFill[i + 1] += bucketFill[i];
    bucketStart.set(bucketFill.subarray(0, buckets));
    for (let i = 0; i < movers; i++) {
      // Insertion into the bucket; equal keys keep their current order.
      const q = key[i];
      const lo = bucketStart[q >> 10];
      let j = bucketFill[q >> 10]++;
      while (j > lo && key[sortedMovers[j - 1]] > q) {
        sortedMovers[j] = sortedMovers[j - 1];
        j--;
      }
      sortedMovers[j] = i;
    }
    let next = 0;
    for (let k = a; k < b; k++) {
      const v = order[k];
      if (offsets[v] === offsets[v + 1]) continue;
      const w = movable[sortedMovers[next++]];
      order[k] = w;
      index[w] = k - a;
    }
    return true;
  };

  // Layers reordered since their crossings were last counted: only their pairs are recounted.
  const dirty = new Uint8Array(layerCount).fill(1);
  const crossings = crossingCounter(seg.layerCount, toNext, order, start, index, widest, dirty);
  // The input order is kept only if no sweep changes anything: it is not even counted.
  const best = order.slice();
  let bestCrossings = Infinity;
  // Half-sweeps, down then up, alternating; the order is judged after each and the best kept.
  // Stops when a few in a row gain under 0.2%, or when the work budget is spent. When the first
  // up half-sweep ends worse than the down one before it, later up half-sweeps only shake the
  // order for the next down one and are not counted (on maps, up sweeps undo the grouping by
  // paper and come out about twice as crossed); and they start from the middle layer, carrying
  // the order of the middle back to the first layers without undoing the later layers', which
  // the down sweeps derive from the first (on generated maps of 1,000 and 5,000 nodes, about 10%
  // fewer crossings than full up half-sweeps, and those half-sweeps take half the time).
  const halves = Math.min(2 * sweeps, Math.max(MIN_HALF_SWEEPS, Math.floor(ORDER_BUDGET / Math.max(1, count))));
  let stale = 0;
  let judgeUp = true;
  for (let half = 0; half < halves && bestCrossings > 0 && stale < 4; half++) {
    const down = half % 2 === 0;
    if (!down && !judgeUp && half === halves - 1) break; // it would only prepare a down half-sweep
    let changed = 0;
    if (down) {
      for (let l = 1; l < layerCount; l++) if (sortLayer(l, l - 1, toPrevious)) changed = dirty[l] = 1;
    } else {
      const from = judgeUp ? layerCount - 2 : Math.min(layerCount - 2, layerCount >> 1);
      for (let l = from; l >= 0; l--) if (sortLayer(l, l + 1, toNext)) changed = dirty[l] = 1;
    }
    if (!changed) {
      stale++;
      continue;
    }
    if (!down && !judgeUp) continue;
    const now = crossings(bestCrossings);
    if (half === 1 && now > bestCrossings) judgeUp = false;
    stale = now < bestCrossings * (1 - MIN_GAIN) ? 0 : stale + 1;
    if (now < bestCrossings) {
      bestCrossings = now;
      best.set(order);
    }
  }
  const ids = best.slice();
  for (let k = 0; k < count; k++) best[k] = initial[best[k]];
  return { order: best, start, ids, toPrevious, toNext };
}

/** Neighbour lists of the nodes renumbered: old[k] is the node now numbered k, newId its inverse. */
function renumbered(side: Neighbours, old: Int32Array, newId: Int32Array): Neighbours {
  const count = old.length;
  const offsets = new Int32Array(count + 1);
  const list = new Int32Array(side.list.length);
  const weight = new Int32Array(side.list.length);
  let at = 0;
  for (let k = 0; k < count; k++) {
    const v = old[k];
    for (let j = side.offsets[v]; j < side.offsets[v + 1]; j++) {
      list[at] = newId[side.list[j]];
      weight[at++] = side.weight[j];
    }
    offsets[k + 1] = at;
  }
  return { offsets, list, weight };
}

/**
 * Exact crossings between every pair of adjacent layers for the current order (Barth, Jünger,
 * Mutzel), each link weighted by the edges along it: two bundles of 3 and 4 edges crossing count 12.
 * Stops counting, and returns a partial count, once over `limit` (an order that loses anyway).
 */
function crossingCounter(layerCount: number, { offsets, list, weight }: Neighbours, order: Int32Array, start: Int32Array, index: Int32Array, widest: number, dirty: Uint8Array) {
  const tree = new Int32Array(widest + 1);
  const pairs = new Float64Array(Math.max(0, layerCount - 1));
  return (limit: number): number => {
    let crossings = 0;
    for (let l = 0; l + 1 < layerCount; l++) {
      if (crossings > limit) {
        // Worse than the best order already: the pairs left uncounted keep their layers dirty.
        dirty.fill(0, 0, l);
        return crossings;
      }
      if (!dirty[l] && !dirty[l + 1]) {
        crossings += pairs[l];
        continue;
      }
      const pairStart = crossings;
      const below = start[l + 2] - start[l + 1];
      tree.fill(0, 0, below + 1);
      let inserted = 0;
      for (let i = start[l]; i < start[l + 1]; i++) {
        const u = order[i];
        const first = offsets[u];
        const last = offsets[u + 1];
        if (last - first === 1) {
          // One segment (most dummy nodes): one lookup for the query and the insertion.
          const at = index[list[first]] + 1;
          const w = weight[first];
          let notAfter = 0;
          for (let j = at; j > 0; j -= j & -j) notAfter += tree[j];
          crossings += w * (inserted - notAfter);
          for (let j = at; j <= below; j += j & -j) tree[j] += w;
          inserted += w;
          continue;
        }
        // Every segment of this node is weighed against the earlier nodes' segments only, before
        // any of them is inserted: segments sharing an end never cross, so no sorting is needed.
        for (let k = first; k < last; k++) {
          let notAfter = 0;
          for (let j = index[list[k]] + 1; j > 0; j -= j & -j) notAfter += tree[j];
          crossings += weight[k] * (inserted - notAfter);
        }
        for (let k = first; k < last; k++) {
          const w = weight[k];
          for (let j = index[list[k]] + 1; j <= below; j += j & -j) tree[j] += w;
          inserted += w;
        }
      }
      pairs[l] = crossings - pairStart;
    }
    dirty.fill(0);
    return crossings;
  };
}

// ---------- 4: vertical coordinates ----------

function placeInLayers(seg: Segments, { order, start, ids, toPrevious, toNext }: Order, height: Float64Array, nodeGap: number, edgeGap: number): Float64Array {
  // Spacing is indexed by flat position k (order[k] is the node there, ids[k] the same node in the
  // sweeps' numbering); centres `at` by the sweeps' numbering, which the neighbour lists use. A
  // layer's nodes are contiguous in that numbering too, so lookups stay within two layers.
  const count = seg.count;
  const up = toPrevious;
  const down = toNext;
  const at = new Float64Array(count);
  // offset[k]: where the node at k would sit if its layer were packed tight.
  const offset = new Float64Array(count);
  let widest = 0;
  for (let l = 0; l < seg.layerCount; l++) {
    const a = start[l];
    const b = start[l + 1];
    widest = Math.max(widest, b - a);
    for (let k = a + 1; k < b; k++) {
      const u = order[k - 1];
      const v = order[k];
      // Two nodes: nodeGap; two edge lanes: edgeGap; a lane beside a node: halfway between.
      const gap = u < seg.real && v < seg.real ? nodeGap : u < seg.real || v < seg.real ? (nodeGap + edgeGap) / 2 : edgeGap;
      offset[k] = offset[k - 1] + (height[u] + height[v]) / 2 + gap;
    }
    // Start compact: each layer stacked and centred on 0.
    const mid = b > a ? offset[b - 1] / 2 : 0;
    for (let k = a; k < b; k++) at[ids[k]] = offset[k] - mid;
  }

  const blockStart = new Int32Array(widest);
  const blockWeight = new Float64Array(widest);
  const blockMean = new Float64Array(widest);
  /**
   * Least-squares placement of one layer: centres as close as possible (weighted) to the mean
   * of their neighbours' centres while keeping the order and the minimum spacing encoded in
   * `offset`. Pool adjacent violators on desired - offset, which must come out non-decreasing.
   * Unconnected nodes stay where they are, with a small weight, so they give way.
   */
  const place = (l: number, useUp: boolean, useDown: boolean) => {
    const a = start[l];
    const b = start[l + 1];
    let blocks = 0;
    for (let k = a; k < b; k++) {
      const v = ids[k];
      let sum = 0;
      let count = 0;
      if (useUp) {
        for (let j = up.offsets[v]; j < up.offsets[v + 1]; j++) sum += at[up.list[j]];
        count += up.offsets[v + 1] - up.offsets[v];
      }
      if (useDown) {
        for (let j = down.offsets[v]; j < down.offsets[v + 1]; j++) sum += at[down.list[j]];
        count += down.offsets[v + 1] - down.offsets[v];
      }
      blockStart[blocks] = k;
      blockWeight[blocks] = count || 0.25;
      blockMean[blocks] = (count ? sum / count : at[v]) - offset[k];
      blocks++;
      while (blocks > 1 && blockMean[blocks - 2] > blockMean[blocks - 1]) {
        const w = blockWeight[blocks - 2] + blockWeight[blocks - 1];
        blockMean[blocks - 2] = (blockMean[blocks - 2] * blockWeight[blocks - 2] + blockMean[blocks - 1] * blockWeight[blocks - 1]) / w;
        blockWeight[blocks - 2] = w;
        blocks--;
      }
    }
    for (let i = 0; i < blocks; i++) {
      const end = i + 1 < blocks ? blockStart[i + 1] : b;
      for (let k = blockStart[i]; k < end; k++) at[ids[k]] = blockMean[i] + offset[k];
    }
  };

  for (let pass = 0; pass < PLACEMENT_PASSES; pass++) {
    for (let l = 1; l < seg.layerCount; l++) place(l, true, false);
    for (let l = seg.layerCount - 2; l >= 0; l--) place(l, false, true);
  }
  for (let l = 0; l < seg.layerCount; l++) place(l, true, true);
  const center = new Float64Array(count);
  for (let k = 0; k < count; k++) center[order[k]] = at[ids[k]];
  return center;
}

/**
 * Whole pixels, never -0. V8 keeps small integers inline in an object's fields, but boxes every
 * fraction as a heap number of its own: with whole pixels a waypoint is one object, not three, and
 * a 10,000-node map's 320,000 waypoints take 17 MB instead of 28 (less to allocate and to collect).
 * The column edges come from Int32Arrays for the same reason (a Float64Array's reads are boxed).
 */
function round(value: number): number {
  return Math.round(value) + 0;
}
