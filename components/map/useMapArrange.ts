"use client";
// Dragging nodes on a project map, for roles that may arrange it (the map "arrange" permission):
// while a node is dragged it follows the pointer; when the drag ends the loader pins it there for
// the team (MapLoader: optimistic, rolled back with a notice if the server refuses). Keyboard
// moves are not applied: arrow keys navigate the map, they never shift a node.
import { useCallback, useMemo, useState } from "react";
import type { NodeChange, OnNodeDrag } from "@xyflow/react";
import type { CardFlowNode, MapFlowNode } from "./MapNodes";

export type MapArrange = {
  /** Nodes pinned where someone left them (drawn with a pin marker, for everyone). */
  pinned: ReadonlySet<string>;
  /** The caller may drag, unpin and re-layout. */
  canArrange: boolean;
  /** A drag ended: pin the node at this top-left corner. */
  onMove: (id: string, at: { x: number; y: number }) => void;
  onUnpin: (id: string) => void;
  onRelayout: () => void;
  pending: boolean;
};

export function useMapArrange(arrange: MapArrange | null | undefined, flowNodes: CardFlowNode[]) {
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | null>(null);
  const canArrange = Boolean(arrange?.canArrange);

  const nodes = useMemo(() => {
    if (!arrange || (!canArrange && arrange.pinned.size === 0)) return flowNodes;
    return flowNodes.map((n): CardFlowNode => {
      const pinned = arrange.pinned.has(n.id);
      const moving = drag?.id === n.id;
      if (!pinned && !moving && !canArrange) return n;
      return {
        ...n,
        draggable: canArrange,
        ...(moving ? { position: { x: drag.x, y: drag.y }, dragging: true } : {}),
        ...(pinned ? { data: { ...n.data, pinned: true } } : {}),
      };
    });
  }, [arrange, canArrange, flowNodes, drag]);

  /** Follows the pointer during a drag; other position changes (arrow keys) are not applied. */
  const onNodesChange = useCallback(
    (changes: NodeChange<MapFlowNode>[]) => {
      if (!canArrange) return;
      for (const change of changes) {
        if (change.type === "position" && change.dragging && change.position) setDrag({ id: change.id, x: change.position.x, y: change.position.y });
      }
    },
    [canArrange],
  );

  const onNodeDragStop: OnNodeDrag<MapFlowNode> = useCallback(
    (_event, node) => {
      setDrag(null);
      if (!arrange?.canArrange) return;
      const at = { x: Math.round(node.position.x), y: Math.round(node.position.y) };
      const before = flowNodes.find((n) => n.id === node.id)?.position;
      if (before && before.x === at.x && before.y === at.y) return;
      arrange.onMove(node.id, at);
    },
    [arrange, flowNodes],
  );

  return { nodes, onNodesChange, onNodeDragStop, draggable: canArrange };
}
