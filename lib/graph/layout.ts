// Layered (Sugiyama-style) left-to-right layout, fast enough to run on every render of a
// large map: dagre takes seconds for 1,000 nodes; this takes milliseconds.
//
//   1. Cycle breaking: back edges of an iterative depth-first search are reversed, as are
//      edges pointing from a later band to an earlier one.
//   2. Layering: longest path from the sources, in topological order, honouring pinned
//      columns and bands.
//   3. Ordering: an edge spanning several layers becomes a chain of dummy nodes, one per layer
//      it crosses; barycenter sweeps, down and up, then keep the order with fewest crossings
//      (counted exactly, layer pair by layer pair, with a Fenwick tree).
//   4. Coordinates: each layer is placed near the mean height of its neighbours, as close as
//      order and spacing allow (isotonic regression by pool-adjacent-violators, linear time).
//      Dummy nodes become the waypoints of long edges, so those pass between nodes, not over them.
//
// Every step is linear or n log n in nodes plus dummy nodes. Dummy nodes are capped at a
// budget proportional to the graph: past it, the longest edges are left out of ordering and
// routing (still laid out left to right, drawn as plain curves), so a 5,000-node chain with
// long shortcuts stays fast.
//
// Over 400 lines on purpose: the four steps share the indexed graph, its dummy nodes and their
// order arrays; split into modules they would hand a dozen parallel arrays back and forth.
import { adjacency, backEdges, indexGraph, type IndexedGraph } from "@/lib/graph/cycles";
import type { EdgeRoute, LayoutEdge, LayoutNode, LayoutOptions, LayoutResult, NodePosition, Point } from "@/lib/graph/types";

const DEFAULTS = { layerGap: 80, nodeGap: 24, edgeGap: 12, sweeps: 8, bundleEdges: true };

/** At most this many dummy nodes per node and edge (and never fewer than the minimum). */
const DUMMY_BUDGET_FACTOR = 10;
const DUMMY_BUDGET_MIN = 20_000;

/** Down-and-up passes of coordinate assignment; more straighten long edges a little more. */
const PLACEMENT_PASSES = 3;

export function layeredLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], opts: LayoutOptions = {}): LayoutResult {
  const { layerGap, nodeGap, edgeGap, sweeps, bundleEdges } = { ...DEFAULTS, ...opts };
  const n = nodes.length;
  if (n === 0) return { positions: [], routes: [], width: 0, height: 0, layerCount: 0, reversedEdges: 0 };
  const graph = withGroups(indexGraph(nodes, edges), edges);
  const layer = assignLayers(nodes, graph.source, graph.target);
  let reversedEdges = 0;
  for (let e = 0; e < graph.source.length; e++) if (layer[graph.source[e]] >= layer[graph.target[e]]) reversedEdges++;

  const seg = buildSegments(layer, graph, bundleEdges);
  const layers = orderLayers(seg, sweeps);
  const height = new Float64Array(seg.count);
  for (let i = 0; i < n; i++) height[i] = nodes[i].height;
  const center = placeInLayers(seg, layers, height, nodeGap, edgeGap);

  // Columns: each as wide as its widest node; nodes centred in their column.
  const layerWidth = new Float64Array(seg.layerCount);
  for (let i = 0; i < n; i++) layerWidth[layer[i]] = Math.max(layerWidth[layer[i]], nodes[i].width);
  const layerX = new Float64Array(seg.layerCount);
  for (let l = 1; l < seg.layerCount; l++) layerX[l] = layerX[l - 1] + layerWidth[l - 1] + layerGap;

  let top = Infinity;
  let bottom = -Infinity;
  for (let v = 0; v < seg.count; v++) {
    top = Math.min(top, center[v] - height[v] / 2);
    bottom = Math.max(bottom, center[v] + height[v] / 2);
  }
  const positions: NodePosition[] = nodes.map((node, i) => ({
    id: node.id,
    x: round(layerX[layer[i]] + (layerWidth[layer[i]] - node.width) / 2),
    y: round(center[i] - node.height / 2 - top),
    layer: layer[i],
  }));
  const routes: EdgeRoute[] = seg.chains.map((chain) => {
    const points: Point[] = [];
    for (const d of chain.dummies) {
      const l = seg.layer[d];
      const y = round(center[d] - top);
      points.push({ x: round(layerX[l]), y });
      if (layerWidth[l] > 0) points.push({ x: round(layerX[l] + layerWidth[l]), y });
    }
    if (chain.flipped) points.reverse();
    return { edge: chain.edge, points };
  });
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
  const bands = [...new Set(band)].sort((a, b) => a - b);
  const rank = new Map(bands.map((b, i) => [b, i]));
  const byBand = Array.from(order).sort((a, b) => rank.get(band[a])! - rank.get(band[b])!);

  const preds = adjacency(n, to);
  const layer = new Int32Array(n);
  let maxSoFar = -1;
  let bandStart = 0;
  let currentBand: number | undefined;
  for (const v of byBand) {
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
  // Negative pins count back from the last layer of everything else.
  for (let v = 0; v < n; v++) {
    if (pin[v] < 0) layer[v] = Math.max(0, maxSoFar + 1 + pin[v]);
  }
  return layer;
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

/** Numbers each edge's group (first appearance order) when any edge names one. */
function withGroups(graph: IndexedGraph, edges: readonly LayoutEdge[]): IndexedGraph & { group?: Int32Array } {
  if (!edges.some((edge) => edge.group !== undefined)) return graph;
  const ids = new Map<string, number>();
  const group = Int32Array.from(graph.edgeIndex, (e) => {
    const name = edges[e].group ?? "";
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = ids.size));
    return id;
  });
  return { ...graph, group };
}

// ---------- 3: ordering within layers ----------

/** Neighbour lists: the neighbours of v are list[offsets[v] .. offsets[v + 1]). */
type Neighbours = { offsets: Int32Array; list: Int32Array };

type Segments = {
  /** Real nodes are 0 .. real - 1 (input order); dummy nodes follow. */
  count: number;
  real: number;
  layer: Int32Array;
  layerCount: number;
  /** Neighbours in the previous layer and in the next layer. */
  up: Neighbours;
  down: Neighbours;
  /** Long edges: their dummy nodes left to right; flipped when the edge points right to left. */
  chains: { edge: number; flipped: boolean; dummies: number[] }[];
};

function neighbours(count: number, from: Int32Array, to: Int32Array): Neighbours {
  const { offsets, edges } = adjacency(count, from);
  const list = new Int32Array(edges.length);
  for (let k = 0; k < edges.length; k++) list[k] = to[edges[k]];
  return { offsets, list };
}

/** Splits every edge into segments between adjacent layers, adding dummy nodes within budget. */
function buildSegments(layer: Int32Array, graph: IndexedGraph & { group?: Int32Array }, bundle: boolean): Segments {
  const real = layer.length;
  const m = graph.source.length;
  const span = (e: number) => Math.abs(layer[graph.target[e]] - layer[graph.source[e]]);
  let dummies = 0;
  for (let e = 0; e < m; e++) dummies += Math.max(0, span(e) - 1);
  const budget = Math.max(DUMMY_BUDGET_MIN, DUMMY_BUDGET_FACTOR * (real + m));
  let maxSpan = Infinity;
  if (dummies > budget) {
    // Keep the shortest edges that fit; every edge longer than that is left out.
    const spans = Int32Array.from({ length: m }, (_, e) => span(e)).sort();
    let used = 0;
    for (const s of spans) {
      if (used + Math.max(0, s - 1) > budget) {
        maxSpan = s - 1;
        break;
      }
      used += Math.max(0, s - 1);
    }
  }

  let layerCount = 0;
  for (let i = 0; i < real; i++) layerCount = Math.max(layerCount, layer[i] + 1);
  const routed = (e: number) => span(e) > 1 && span(e) <= maxSpan;
  const leftOf = (e: number) => (layer[graph.source[e]] < layer[graph.target[e]] ? graph.source[e] : graph.target[e]);
  const rightOf = (e: number) => (layer[graph.source[e]] < layer[graph.target[e]] ? graph.target[e] : graph.source[e]);

  // Bundling: long edges of one group leaving the same node share their dummy nodes (one trunk
  // that branches off near the targets), as do long edges converging on the same node. An edge
  // with siblings at both ends shares with its source's for the first half, its target's after.
  const groups = graph.group;
  let groupCount = 1;
  if (groups) for (const g of groups) groupCount = Math.max(groupCount, g + 1);
  const groupOf = (e: number) => (groups ? groups[e] : 0);
  const longAt = new Map<number, number>(); // (endpoint, side, group) → long edges there
  const endKey = (node: number, side: number, group: number) => (node * groupCount + group) * 2 + side;
  if (bundle) {
    for (let e = 0; e < m; e++) {
      if (!routed(e)) continue;
      for (const key of [endKey(leftOf(e), 0, groupOf(e)), endKey(rightOf(e), 1, groupOf(e))]) longAt.set(key, (longAt.get(key) ?? 0) + 1);
    }
  }
  const shared = new Map<number, number>(); // (endpoint, side, group, layer) → dummy node

  const layerOf: number[] = Array.from(layer);
  const from: number[] = [];
  const to: number[] = [];
  const seen = new Set<number>();
  const link = (a: number, b: number) => {
    const key = a * 4_194_304 + b; // 2^22: more nodes than any budget allows
    if (seen.has(key)) return;
    seen.add(key);
    from.push(a);
    to.push(b);
  };
  const chains: Segments["chains"] = [];
  for (let e = 0; e < m; e++) {
    const s = graph.source[e];
    const t = graph.target[e];
    if (layer[s] === layer[t] || span(e) > maxSpan) continue;
    const left = leftOf(e);
    const right = rightOf(e);
    const group = groupOf(e);
    const fromLeft = bundle && (longAt.get(endKey(left, 0, group)) ?? 0) > 1;
    const fromRight = bundle && (longAt.get(endKey(right, 1, group)) ?? 0) > 1;
    const middle = layer[left] + Math.ceil((layer[right] - layer[left]) / 2);
    let previous = left;
    const chain: number[] = [];
    for (let l = layer[left] + 1; l < layer[right]; l++) {
      const side = fromLeft && (!fromRight || l < middle) ? 0 : fromRight ? 1 : -1;
      const key = side < 0 ? -1 : endKey(side === 0 ? left : right, side, group) * layerCount + l;
      let d = side < 0 ? undefined : shared.get(key);
      if (d === undefined) {
        d = layerOf.length;
        layerOf.push(l);
        if (side >= 0) shared.set(key, d);
      }
      chain.push(d);
      link(previous, d);
      previous = d;
    }
    link(previous, right);
    if (chain.length) chains.push({ edge: graph.edgeIndex[e], flipped: left !== s, dummies: chain });
  }
  const count = layerOf.length;
  const fromArray = Int32Array.from(from);
  const toArray = Int32Array.from(to);
  return {
    count,
    real,
    layer: Int32Array.from(layerOf),
    layerCount,
    up: neighbours(count, toArray, fromArray),
    down: neighbours(count, fromArray, toArray),
    chains,
  };
}

function orderLayers(seg: Segments, sweeps: number): Int32Array[] {
  const sizes = new Int32Array(seg.layerCount);
  for (let v = 0; v < seg.count; v++) sizes[seg.layer[v]]++;
  const layers = Array.from(sizes, (size) => new Int32Array(size));
  const fill = new Int32Array(seg.layerCount);
  for (let v = 0; v < seg.count; v++) layers[seg.layer[v]][fill[seg.layer[v]]++] = v; // input order to start

  const index = new Int32Array(seg.count);
  for (const nodesInLayer of layers) nodesInLayer.forEach((v, k) => (index[v] = k));

  let widest = 0;
  for (const nodesInLayer of layers) widest = Math.max(widest, nodesInLayer.length);
  const movable = new Int32Array(widest);
  const packed = new Float64Array(widest);
  // Nodes with neighbours on the given side are sorted by the mean index of those neighbours;
  // the others keep their slots, as dagre does, so unconnected nodes do not drift. The sort key
  // (barycenter to 1/1024, then current position) is packed into one number so that the
  // engine's native numeric sort does the work: several times faster than a comparator.
  const sortLayer = (nodesInLayer: Int32Array, side: Neighbours) => {
    let count = 0;
    for (const v of nodesInLayer) {
      const start = side.offsets[v];
      const end = side.offsets[v + 1];
      if (start === end) continue;
      let sum = 0;
      for (let k = start; k < end; k++) sum += index[side.list[k]];
      packed[count] = Math.round((sum / (end - start)) * 1024) * PACK + count;
      movable[count++] = v;
    }
    if (count < 2) return;
    let sorted = true;
    for (let k = 1; k < count && sorted; k++) sorted = packed[k - 1] <= packed[k];
    if (sorted) return; // common once the sweeps settle
    const order = packed.subarray(0, count).sort();
    let next = 0;
    for (let k = 0; k < nodesInLayer.length; k++) {
      const v = nodesInLayer[k];
      if (side.offsets[v] !== side.offsets[v + 1]) nodesInLayer[k] = movable[order[next++] % PACK];
    }
    for (let k = 0; k < nodesInLayer.length; k++) index[nodesInLayer[k]] = k;
  };

  const countCrossings = crossingCounter(seg, layers, index, widest);
  let best = layers.map((l) => l.slice());
  let bestCrossings = countCrossings();
  let stale = 0;
  for (let sweep = 0; sweep < sweeps && bestCrossings > 0 && stale < 2; sweep++) {
    for (let l = 1; l < seg.layerCount; l++) sortLayer(layers[l], seg.up);
    for (let l = seg.layerCount - 2; l >= 0; l--) sortLayer(layers[l], seg.down);
    const crossings = countCrossings();
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = layers.map((l) => l.slice());
      stale = 0;
    } else {
      stale++;
    }
  }
  return best;
}

/** 2^20: positions within a layer are below this, so (key, position) packs exactly into a double. */
const PACK = 1_048_576;

/** Exact crossings between every pair of adjacent layers for the current order (Barth, Jünger, Mutzel). */
function crossingCounter(seg: Segments, layers: Int32Array[], index: Int32Array, widest: number) {
  const tree = new Int32Array(widest + 1);
  const { offsets, list } = seg.down;
  let scratch = new Int32Array(16);
  return (): number => {
    let crossings = 0;
    for (let l = 0; l + 1 < layers.length; l++) {
      const below = layers[l + 1].length;
      tree.fill(0, 0, below + 1);
      let inserted = 0;
      for (const u of layers[l]) {
        // This node's segments in the order of their lower ends (insertion sort: lists are short).
        const degree = offsets[u + 1] - offsets[u];
        if (degree > scratch.length) scratch = new Int32Array(degree * 2);
        for (let k = 0; k < degree; k++) {
          const position = index[list[offsets[u] + k]] + 1;
          let j = k - 1;
          while (j >= 0 && scratch[j] > position) {
            scratch[j + 1] = scratch[j];
            j--;
          }
          scratch[j + 1] = position;
        }
        for (let k = 0; k < degree; k++) {
          const position = scratch[k];
          let notAfter = 0;
          for (let j = position; j > 0; j -= j & -j) notAfter += tree[j];
          crossings += inserted - notAfter;
          for (let j = position; j <= below; j += j & -j) tree[j]++;
          inserted++;
        }
      }
    }
    return crossings;
  };
}

// ---------- 4: vertical coordinates ----------

function placeInLayers(seg: Segments, layers: Int32Array[], height: Float64Array, nodeGap: number, edgeGap: number): Float64Array {
  const center = new Float64Array(seg.count);
  // offset[k]: where the k-th node of a layer would sit if the layer were packed tight.
  const offsets = layers.map((nodesInLayer) => {
    const offset = new Float64Array(nodesInLayer.length);
    for (let k = 1; k < nodesInLayer.length; k++) {
      const a = nodesInLayer[k - 1];
      const b = nodesInLayer[k];
      // Two nodes: nodeGap; two edge lanes: edgeGap; a lane beside a node: halfway between.
      const gap = a < seg.real && b < seg.real ? nodeGap : a < seg.real || b < seg.real ? (nodeGap + edgeGap) / 2 : edgeGap;
      offset[k] = offset[k - 1] + (height[a] + height[b]) / 2 + gap;
    }
    // Start compact: each layer stacked and centred on 0.
    const mid = nodesInLayer.length ? offset[nodesInLayer.length - 1] / 2 : 0;
    for (let k = 0; k < nodesInLayer.length; k++) center[nodesInLayer[k]] = offset[k] - mid;
    return offset;
  });

  let widest = 0;
  for (const nodesInLayer of layers) widest = Math.max(widest, nodesInLayer.length);
  const blocks: Blocks = { blockStart: new Int32Array(widest), blockWeight: new Float64Array(widest), blockMean: new Float64Array(widest) };
  const desired = new Float64Array(seg.count);
  const weight = new Float64Array(seg.count);
  const sum = new Float64Array(seg.count);
  const count = new Float64Array(seg.count);
  const gather = (nodesInLayer: Int32Array, side: Neighbours) => {
    for (const v of nodesInLayer) {
      for (let k = side.offsets[v]; k < side.offsets[v + 1]; k++) {
        sum[v] += center[side.list[k]];
        count[v]++;
      }
    }
  };
  const place = (l: number, up: boolean, down: boolean) => {
    const nodesInLayer = layers[l];
    for (const v of nodesInLayer) sum[v] = count[v] = 0;
    if (up) gather(nodesInLayer, seg.up);
    if (down) gather(nodesInLayer, seg.down);
    for (const v of nodesInLayer) {
      desired[v] = count[v] ? sum[v] / count[v] : center[v];
      weight[v] = count[v] || 0.25; // unconnected nodes give way to connected ones
    }
    isotonicPlace(nodesInLayer, offsets[l], desired, weight, center, blocks);
  };

  for (let pass = 0; pass < PLACEMENT_PASSES; pass++) {
    for (let l = 1; l < layers.length; l++) place(l, true, false);
    for (let l = layers.length - 2; l >= 0; l--) place(l, false, true);
  }
  for (let l = 0; l < layers.length; l++) place(l, true, true);
  return center;
}

type Blocks = { blockStart: Int32Array; blockWeight: Float64Array; blockMean: Float64Array };

/**
 * Least-squares placement of one layer: centres as close as possible (weighted) to `desired`
 * while keeping the order and the minimum spacing encoded in `offset`. Pool adjacent violators
 * on desired - offset, which must come out non-decreasing.
 */
function isotonicPlace(nodesInLayer: Int32Array, offset: Float64Array, desired: Float64Array, weight: Float64Array, center: Float64Array, scratch: Blocks): void {
  const m = nodesInLayer.length;
  const { blockStart, blockWeight, blockMean } = scratch;
  let blocks = 0;
  for (let k = 0; k < m; k++) {
    const v = nodesInLayer[k];
    blockStart[blocks] = k;
    blockWeight[blocks] = weight[v];
    blockMean[blocks] = desired[v] - offset[k];
    blocks++;
    while (blocks > 1 && blockMean[blocks - 2] > blockMean[blocks - 1]) {
      const w = blockWeight[blocks - 2] + blockWeight[blocks - 1];
      blockMean[blocks - 2] = (blockMean[blocks - 2] * blockWeight[blocks - 2] + blockMean[blocks - 1] * blockWeight[blocks - 1]) / w;
      blockWeight[blocks - 2] = w;
      blocks--;
    }
  }
  for (let b = 0; b < blocks; b++) {
    const end = b + 1 < blocks ? blockStart[b + 1] : m;
    for (let k = blockStart[b]; k < end; k++) center[nodesInLayer[k]] = blockMean[b] + offset[k];
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
