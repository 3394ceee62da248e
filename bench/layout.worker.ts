// Runs under tsx for bench/layout.bench.mjs (see its header for the method). One size, one
// engine per process:  tsx bench/layout.worker.ts <ours|dagre> <nodes> [rounds]
// prints one JSON line: { ms, crossings, layers, segments }.
import { performance } from "node:perf_hooks";
import { Graph, layout as dagreLayoutOf } from "@dagrejs/dagre";
import { layoutMap, NODE_SIZE } from "../lib/graph/map-layout";
import { countCrossings, dagreLayered, oursLayered } from "./layout-crossings";
import { syntheticProjectMap } from "../lib/graph/synthetic";
import type { MapLayout } from "../lib/graph/map-layout";
import type { MapEdge, MapNode } from "../lib/graph/types";

/** The same gaps for both engines: our defaults for maps (lanes.ts) and layout.ts's node gaps. */
const RANK_SEP = 120;
const NODE_SEP = 24;
const EDGE_SEP = 12;
const SEED = 1;

function dagreLayout(nodes: readonly MapNode[], edges: readonly MapEdge[]): Graph {
  const graph = new Graph();
  graph.setGraph({ rankdir: "LR", ranker: "tight-tree", ranksep: RANK_SEP, nodesep: NODE_SEP, edgesep: EDGE_SEP });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { ...NODE_SIZE[node.kind] });
  for (const edge of edges) graph.setEdge(edge.source, edge.target);
  dagreLayoutOf(graph);
  return graph;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const [engine, size, roundsArg] = process.argv.slice(2);
const { nodes, edges } = syntheticProjectMap({ nodes: Number(size), seed: SEED });
if (engine === "ours") {
  const rounds = Number(roundsArg ?? 15);
  for (let i = 0; i < 5; i++) layoutMap(nodes, edges); // warm-up: let the JIT settle
  const times: number[] = [];
  let layout: MapLayout | undefined;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    layout = layoutMap(nodes, edges);
    times.push(performance.now() - t0);
  }
  const { crossings, segments } = countCrossings(oursLayered(nodes, edges, layout!));
  console.log(JSON.stringify({ ms: median(times), crossings, segments, layers: layout!.layerCount }));
} else if (engine === "dagre") {
  const t0 = performance.now();
  const graph = dagreLayout(nodes, edges);
  const ms = performance.now() - t0;
  const layered = dagreLayered(graph, edges);
  const { crossings, segments } = countCrossings(layered);
  console.log(JSON.stringify({ ms, crossings, segments, layers: layered.layers }));
} else {
  throw new Error(`unknown engine ${engine}: ours or dagre`);
}
