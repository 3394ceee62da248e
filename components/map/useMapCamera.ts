"use client";
// Where the map looks: revealing a node that is out of view, centring on
// one at a readable zoom (search matches, keyboard moves), and framing a node with its
// neighbourhood. All in one place so that the view component only says what to show.
import { useCallback, type RefObject } from "react";
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
  frameRef: RefObject<HTMLDivElement | null>;
};

export function useMapCamera({ positions, byId, frameRef }: Args) {
  const flow = useReactFlow<MapFlowNode, MapFlowEdge>();
  const canvas = useCallback(() => frameRef.current?.querySelector<HTMLElement>(".react-flow") ?? null, [frameRef]);
  /** A drawn node's or collapsed group's size; null for what is not drawn. */
  const sizeOf = useCallback(
    (id: string) => {
      const node = byId.get(id);
      if (node) return NODE_SIZE[node.kind];
      return positions.has(id) && parseGroupId(id) ? GROUP_SIZE : null;
    },
    [byId, positions],
  );

  /** Pans (keeping the zoom) when a node is not fully in view, e.g. once the panel narrowed the canvas. */
  const reveal = useCallback(
    (id: string) => {
      const at = positions.get(id);
      const size = sizeOf(id);
      const element = canvas();
      if (!at || !size || !element) return;
      const { width, height } = size;
      const { x, y, zoom } = flow.getViewport();
      const margin = 24;
      const left = at.x * zoom + x;
      const top = at.y * zoom + y;
      const outside = left < margin || top < margin || left + width * zoom > element.clientWidth - margin || top + height * zoom > element.clientHeight - margin;
      if (outside) void flow.setCenter(at.x + width / 2, at.y + height / 2, { zoom, duration: 300 });
    },
    [positions, sizeOf, flow, canvas],
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

  /** Brings a node and `around` into view, or, when that would shrink the text past reading, centres the node. */
  const frame = useCallback(
    (id: string, around: string[]) => {
      const element = canvas();
      if (!element || !positions.has(id)) return;
      const ids = [id, ...around];
      const bounds = flow.getNodesBounds(ids);
      const fit = Math.min(element.clientWidth / bounds.width, element.clientHeight / bounds.height) * 0.85;
      if (fit >= READABLE_ZOOM) return void flow.fitView({ nodes: ids.map((n) => ({ id: n })), duration: 400, padding: 0.15, maxZoom: 1.1 });
      void centreOn(id, 400);
    },
    [canvas, positions, flow, centreOn],
  );

  // Start where the text is readable: the whole map if it fits at a legible zoom, otherwise its
  // left end (the papers), vertically centred. The fit-view control still shows everything.
  return { reveal, centreOn, frame };
}
