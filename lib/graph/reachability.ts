// Upstream and downstream of a node: everything it transitively depends on, everything that
// transitively depends on it, and the edges along those paths. Drives the map's focus mode.
import type { GraphEdge } from "@/lib/graph/types";

export type Neighbourhood = {
  /** Nodes with a path to the focused node (not including it). */
  upstream: Set<string>;
  /** Nodes reachable from the focused node (not including it). */
  downstream: Set<string>;
  /** Indices (into the edges array) of edges on an upstream or downstream path. */
  edges: Set<number>;
};

/**
 * Every node reachable from `start` by following edges forwards (or backwards), not `start` itself;
 * with `depth`, only those at most that many edges away (1: direct neighbours).
 */
export function reachable(start: string, edges: readonly GraphEdge[], direction: "downstream" | "upstream", depth = Infinity): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const [from, to] = direction === "downstream" ? [edge.source, edge.target] : [edge.target, edge.source];
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  }
  const seen = new Set<string>();
  // Breadth first, so each node is met at its shortest distance and the depth limit is exact.
  let frontier = [start];
  for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
    const following: string[] = [];
    for (const from of frontier) {
      for (const node of next.get(from) ?? []) {
        if (node === start || seen.has(node)) continue;
        seen.add(node);
        following.push(node);
      }
    }
    frontier = following;
  }
  return seen;
}

/**
 * The focus set of a node. An edge belongs to it when it lies on a path into the node (both ends
 * upstream, or from upstream into the node) or out of it (from the node or downstream to
 * downstream). In a cycle a node can be both upstream and downstream. With `depth` (≥ 1), only
 * nodes within that many hops count, each way; the default follows every path to its end.
 */
export function neighbourhood(focus: string, edges: readonly GraphEdge[], depth = Infinity): Neighbourhood {
  const upstream = reachable(focus, edges, "upstream", depth);
  const downstream = reachable(focus, edges, "downstream", depth);
  const onPath = new Set<number>();
  edges.forEach((edge, i) => {
    const intoFocus = upstream.has(edge.source) && (edge.target === focus || upstream.has(edge.target));
    const outOfFocus = downstream.has(edge.target) && (edge.source === focus || downstream.has(edge.source));
    if (intoFocus || outOfFocus) onPath.add(i);
  });
  return { upstream, downstream, edges: onPath };
}
