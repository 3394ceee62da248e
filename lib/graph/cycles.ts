// Cycle detection and cycle breaking for directed graphs given as plain nodes and edges.
// Depth-first search runs on an explicit stack, never by recursion, so a 5,000-node chain
// cannot overflow the call stack. Also home to the compact integer adjacency the layout reuses.
import type { GraphEdge } from "@/lib/graph/types";

export type IndexedGraph = {
  ids: string[];
  index: Map<string, number>;
  /** Edge e runs from source[e] to target[e]. Edges naming unknown nodes are dropped. */
  source: Int32Array;
  target: Int32Array;
  /** Index of edge e in the caller's edges array. */
  edgeIndex: Int32Array;
};

/** Maps ids to indices. Duplicate node ids are a caller bug and throw. */
export function indexGraph(nodes: readonly { id: string }[], edges: readonly GraphEdge[], opts: { keepSelfLoops?: boolean } = {}): IndexedGraph {
  const index = new Map<string, number>();
  const ids = nodes.map((node, i) => {
    if (index.has(node.id)) throw new Error(`Duplicate node id: ${node.id}`);
    index.set(node.id, i);
    return node.id;
  });
  const source: number[] = [];
  const target: number[] = [];
  const edgeIndex: number[] = [];
  edges.forEach((edge, e) => {
    const s = index.get(edge.source);
    const t = index.get(edge.target);
    if (s === undefined || t === undefined || (s === t && !opts.keepSelfLoops)) return;
    source.push(s);
    target.push(t);
    edgeIndex.push(e);
  });
  return { ids, index, source: Int32Array.from(source), target: Int32Array.from(target), edgeIndex: Int32Array.from(edgeIndex) };
}

/** Compressed sparse rows: the out-edges of node i are edges[offsets[i] .. offsets[i + 1]). */
export type Adjacency = { offsets: Int32Array; edges: Int32Array };

/** Groups edge indices by their `from` node, keeping input order within each node. */
export function adjacency(n: number, from: ArrayLike<number>): Adjacency {
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) offsets[from[e] + 1]++;
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const cursor = offsets.slice(0, n);
  const edges = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) edges[cursor[from[e]]++] = e;
  return { offsets, edges };
}

type DfsVisitor = {
  /** Called for an edge into a node still on the stack; return true to stop the search. */
  onBackEdge(edge: number, stack: Int32Array, depth: number, stackIndexOfTarget: number): boolean | void;
};

/**
 * Iterative depth-first search over every node, roots tried in the given order. Reports each
 * back edge (an edge closing a cycle) to the visitor. Deterministic for a given input order.
 */
function depthFirst(n: number, from: ArrayLike<number>, to: ArrayLike<number>, roots: ArrayLike<number>, visitor: DfsVisitor): void {
  const out = adjacency(n, from);
  const state = new Uint8Array(n); // 0 unvisited, 1 on the stack, 2 finished
  const cursor = out.offsets.slice(0, n);
  const stack = new Int32Array(n);
  const stackIndex = new Int32Array(n);
  for (let r = 0; r < roots.length; r++) {
    const root = roots[r];
    if (state[root] !== 0) continue;
    let depth = 0;
    stack[depth++] = root;
    stackIndex[root] = 0;
    state[root] = 1;
    while (depth > 0) {
      const v = stack[depth - 1];
      if (cursor[v] < out.offsets[v + 1]) {
        const e = out.edges[cursor[v]++];
        const w = to[e];
        if (state[w] === 0) {
          state[w] = 1;
          stackIndex[w] = depth;
          stack[depth++] = w;
        } else if (state[w] === 1) {
          if (visitor.onBackEdge(e, stack, depth, stackIndex[w])) return;
        }
      } else {
        state[v] = 2;
        depth--;
      }
    }
  }
}

/** Sources (no incoming edge) first, then every other node, each group in input order. */
function rootOrder(n: number, to: ArrayLike<number>): Int32Array {
  const indegree = new Int32Array(n);
  for (let e = 0; e < to.length; e++) indegree[to[e]]++;
  const roots = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) roots[k++] = i;
  for (let i = 0; i < n; i++) if (indegree[i] !== 0) roots[k++] = i;
  return roots;
}

/**
 * The edges whose reversal makes the graph acyclic: the back edges of a depth-first search.
 * Returns a flag per edge (1 = back edge). Self-loops, if any, are always back edges.
 */
export function backEdges(n: number, from: ArrayLike<number>, to: ArrayLike<number>): Uint8Array {
  const back = new Uint8Array(from.length);
  depthFirst(n, from, to, rootOrder(n, to), {
    onBackEdge(edge) {
      back[edge] = 1;
    },
  });
  return back;
}

/**
 * One cycle as the list of its node ids in edge order (the last node has an edge back to the
 * first), or null when the graph is acyclic. A self-loop is a cycle of one node.
 */
export function findCycle(nodes: readonly { id: string }[], edges: readonly GraphEdge[]): string[] | null {
  const graph = indexGraph(nodes, edges, { keepSelfLoops: true });
  let cycle: string[] | null = null;
  depthFirst(graph.ids.length, graph.source, graph.target, rootOrder(graph.ids.length, graph.target), {
    onBackEdge(_edge, stack, depth, start) {
      cycle = Array.from(stack.subarray(start, depth), (i) => graph.ids[i]);
      return true;
    },
  });
  return cycle;
}

/**
 * Whether adding `edge` would close a cycle: true when its source is already reachable from its
 * target (or it is a self-loop). For validating a new dependency before saving it.
 */
export function createsCycle(edges: readonly GraphEdge[], edge: GraphEdge): boolean {
  if (edge.source === edge.target) return true;
  const out = new Map<string, string[]>();
  for (const e of edges) {
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const seen = new Set<string>([edge.target]);
  const queue = [edge.target];
  for (let head = 0; head < queue.length; head++) {
    for (const next of out.get(queue[head]) ?? []) {
      if (next === edge.source) return true;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

/**
 * The shortest cycle through `start` as its node ids in edge order, starting with `start` (the
 * last node has an edge back to it), or null when no cycle passes through it. Breadth-first, so
 * the cycle shown is the one a person would name first. A self-loop is [start].
 */
export function cycleThrough(start: string, edges: readonly GraphEdge[]): string[] | null {
  const out = new Map<string, string[]>();
  for (const e of edges) {
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const next of out.get(node) ?? []) {
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(parent.get(path[0])!);
        return path;
      }
      if (!parent.has(next)) {
        parent.set(next, node);
        queue.push(next);
      }
    }
  }
  return null;
}

/**
 * Which edges lie on a cycle: flag e is 1 when edge e's source and target are in the same
 * strongly connected component (Tarjan's algorithm on an explicit stack), or e is a self-loop.
 * Edges naming unknown nodes are never on a cycle. Linear in nodes plus edges.
 */
export function cycleEdges(nodes: readonly { id: string }[], edges: readonly GraphEdge[]): Uint8Array {
  const graph = indexGraph(nodes, edges, { keepSelfLoops: true });
  const n = graph.ids.length;
  const out = adjacency(n, graph.source);
  const order = new Int32Array(n).fill(-1); // discovery index, -1 unvisited
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const call = new Int32Array(n);
  const cursor = out.offsets.slice(0, n);
  let top = 0;
  let depth = 0;
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    call[depth++] = root;
    order[root] = low[root] = counter++;
    stack[top++] = root;
    onStack[root] = 1;
    while (depth > 0) {
      const v = call[depth - 1];
      if (cursor[v] < out.offsets[v + 1]) {
        const w = graph.target[out.edges[cursor[v]++]];
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack[top++] = w;
          onStack[w] = 1;
          call[depth++] = w;
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], order[w]);
        }
        continue;
      }
      depth--;
      if (depth > 0) low[call[depth - 1]] = Math.min(low[call[depth - 1]], low[v]);
      if (low[v] === order[v]) {
        let w: number;
        do {
          w = stack[--top];
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  const flags = new Uint8Array(edges.length);
  for (let k = 0; k < graph.source.length; k++) {
    if (component[graph.source[k]] === component[graph.target[k]]) flags[graph.edgeIndex[k]] = 1;
  }
  return flags;
}
