"use client";
// Where the map looks when asked to show one node: centring on it at a readable zoom (search
// matches, keyboard moves, a focus from the URL). Re-framing after a change of filters, collapse,
// highlight, focus or hops is useMapFraming's.
import { useCallback } from "react";
import { useReactFlow } from "@xyflow/react";
import { GROUP_SIZE, parseGroupId } from "@/lib/graph/collapse";
import type { MapNode, Point } from "@/lib/graph/types";
import type { MapFlowEdge } from "./MapEdge";
import type { MapFlowNode } from "./MapNodes";
import { NODE_SIZE } from "./map-model";
import { READABLE_ZOOM } from "./first-view";


type Args = {
  positions: ReadonlyMap<string, Point>;
  byId: Map<string, MapNode>;
};

export function useMapCamera({ positions, byId }: Args) {
  const flow = useReactFlow<MapFlowNode, MapFlowEdge>();
  /** A drawn node's or collapsed group's size; null for what is not drawn. */
  const sizeOf = useCallback(
    (id: string) => {
      const node = byId.get(id);
      if (node) return NODE_SIZE[node.kind];
      return positions.has(id) && parseGroupId(id) ? GROUP_SIZE : null;
    },
    [byId, positions],
  );

  /** Centres a node, zooming in to a readable size when the map is zoomed out further. */
  const centreOn = useCallback(
    (id: string, duration = 300) => {
      const at = positions.get(id);
      const size = sizeOf(id);
      if (!at || !size) return;
      const { width, height } = size;
      return flow.setCenter(at.x + width / 2, at.y + height / 2, { zoom: Math.max(READABLE_ZOOM, flow.getViewport().zoom), duration });
    },
    [positions, sizeOf, flow],
  );

  return { centreOn };
}
