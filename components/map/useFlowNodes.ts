"use client";
// The map's React Flow nodes: a card per node shown (its focus state, search match, highlight and
// pin) and a card per collapsed group; and its edges (focus, cycles, highlight, merged counts).
// Built once per change of what they depend on.
import { useMemo } from "react";
import { statusLabel } from "@/components/ui/status";
import { GROUP_SIZE } from "@/lib/graph/collapse";
import type { DrawnEdge } from "@/lib/graph/collapse";
import type { Neighbourhood } from "@/lib/graph/reachability";
import type { MapNode, MapNodeKind, Point } from "@/lib/graph/types";
import { groupAriaLabel } from "./MapGroupNode";
import type { CardFlowNode, FindState, FocusState, MapFlowNode } from "./MapNodes";
import { toFlowEdges } from "./MapEdge";
import { KIND_LABEL, NODE_SIZE, serviceCycles } from "./map-model";
import { cardHandles } from "./MapNodes";
import type { CollapseView } from "./useCollapse";
import { useMapArrange, type MapArrange } from "./useMapArrange";
import type { MapLayout } from "./useMapLayout";

type Args = {
  layout: MapLayout | null;
  nodes: readonly MapNode[];
  edges: DrawnEdge[];
  byId: ReadonlyMap<string, MapNode>;
  positions: ReadonlyMap<string, Point>;
  routes: ReadonlyMap<number, Point[]>;
  hidden: ReadonlySet<MapNodeKind>;
  focus: Neighbourhood | null;
  selectedEdgeId: string | null;
  focusId: string | null;
  /** The selected node or group (a group is never the focus). */
  selected: string | null;
  visibleIds: ReadonlySet<string>;
  /** Milestones offer handles to draw a dependency. */
  connectable: boolean;
  searching: boolean;
  matchSet: ReadonlySet<string>;
  currentMatch: string | null;
  rolled: CollapseView;
  arrange: MapArrange | null | undefined;
};

/** Handles known before a card is drawn (MapNodes cardHandles), shared by every card of a kind. */
const HANDLES = { handoff: cardHandles(NODE_SIZE.handoff), milestone: cardHandles(NODE_SIZE.milestone), service: cardHandles(NODE_SIZE.service) };
const GROUP_HANDLES = cardHandles(GROUP_SIZE);

export function useFlowNodes({ layout, nodes, edges, byId, positions, routes, hidden, focus, focusId, selected, selectedEdgeId, visibleIds, connectable, searching, matchSet, currentMatch, rolled, arrange }: Args) {
  const flowNodes = useMemo<CardFlowNode[]>(() => {
    if (!layout) return [];
    const stateOf = (id: string): FocusState => {
      if (!focus) return searching && !matchSet.has(id) ? "dimmed" : "none";
      if (id === focusId) return "focus";
      if (focus.upstream.has(id)) return "upstream";
      return focus.downstream.has(id) ? "downstream" : "dimmed";
    };
    const findOf = (id: string): FindState => (id === currentMatch ? "current" : matchSet.has(id) ? "match" : undefined);
    return nodes.map((node) => {
      const at = positions.get(node.id)!;
      return {
        id: node.id,
        type: node.kind,
        position: { x: at.x, y: at.y },
        ...NODE_SIZE[node.kind],
        handles: HANDLES[node.kind],
        data: { node, focus: stateOf(node.id), find: findOf(node.id), ...(rolled.highlight ? { highlight: rolled.highlight.nodes.has(node.id) ? rolled.highlight.mode : "dim" } : {}) },
        hidden: !visibleIds.has(node.id),
        selected: node.id === focusId,
        draggable: false,
        connectable: connectable && node.kind === "milestone",
        ariaLabel: `${KIND_LABEL[node.kind].one} ${node.kind === "milestone" ? `${node.sublabel} ` : ""}${node.label}, ${statusLabel(node.kind === "service" ? "lifecycle" : node.kind, node.status)}`,
      };
    });
  }, [layout, nodes, positions, focus, focusId, visibleIds, connectable, searching, matchSet, currentMatch, rolled.highlight]);
  const arranged = useMapArrange(arrange, flowNodes);
  const groupFlowNodes = useMemo<MapFlowNode[]>(
    () =>
      rolled.groups.map((group) => ({
        id: group.id,
        type: "collapsed" as const,
        position: positions.get(group.id)!,
        ...GROUP_SIZE,
        handles: GROUP_HANDLES,
        data: {
          group,
          onExpand: rolled.toggle,
          find: group.id === currentMatch ? "current" : matchSet.has(group.id) ? "match" : undefined,
          dimmed: focus ? !focus.upstream.has(group.id) && !focus.downstream.has(group.id) : searching && !matchSet.has(group.id),
          ...(rolled.highlight ? { highlight: rolled.highlight.nodes.has(group.id) ? rolled.highlight.mode : "dim" } : {}) },
        selected: group.id === selected,
        draggable: false,
        connectable: false,
        ariaLabel: groupAriaLabel(group),
      })),
    [rolled.groups, rolled.toggle, rolled.highlight, positions, focus, selected, searching, matchSet, currentMatch],
  );
  const drawnNodes = useMemo((): MapFlowNode[] => (groupFlowNodes.length ? [...arranged.nodes, ...groupFlowNodes] : arranged.nodes), [arranged.nodes, groupFlowNodes]);
  // Cycles among services are allowed but marked, on both maps.
  const cycles = useMemo(() => serviceCycles(nodes, edges), [nodes, edges]);
  const flowEdges = useMemo(() => {
    const drawn = toFlowEdges(edges, { byId, routes, hidden, focusEdges: focus?.edges ?? null, selectedEdgeId, plannable: connectable, cycles, groups: rolled.groupById, highlight: rolled.highlight });
    if (visibleIds.size === nodes.length) return drawn;
    return drawn.map((e) => (e.hidden || (visibleIds.has(e.source) && visibleIds.has(e.target)) ? e : { ...e, hidden: true }));
  }, [edges, byId, routes, focus, hidden, selectedEdgeId, connectable, cycles, visibleIds, nodes.length, rolled.groupById, rolled.highlight]);
  return { arranged, drawnNodes, flowEdges, cycles };
}
