// Lays out a large map off the main thread (useMapLayout), so a graph that arrives without
// precomputed positions never freezes the tab: the same lib/graph/map-layout entry point.
import { layoutMap } from "@/lib/graph/map-layout";
import type { MapEdge, MapNode } from "@/lib/graph/types";

type Request = { id: number; nodes: MapNode[]; edges: MapEdge[]; lanes?: readonly string[] };

self.onmessage = (event: MessageEvent<Request>) => {
  const { id, nodes, edges, lanes } = event.data;
  try {
    self.postMessage({ id, layout: layoutMap(nodes, edges, { lanes }) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
