"use client";
// What the map's filters (kind chips and the Filters menu, view state in the URL) leave shown: the
// ids of the cards drawn, the facets and counts the menus offer (over the whole map), and what the
// list shows (the whole map, collapsed groups or not). A hidden node's edges hide with it.
import { useCallback, useMemo } from "react";
import type { MapEdge, MapNode, MapNodeKind } from "@/lib/graph/types";
import { facetsOf, makeNodeFilter, type MapFilters } from "./map-find";
import { KIND_ORDER } from "./map-model";

export function useMapFilters(allNodes: readonly MapNode[], allEdges: readonly MapEdge[], nodes: readonly MapNode[], filters: MapFilters, setFilters: (update: (current: MapFilters) => MapFilters) => void) {
  const hidden = useMemo<ReadonlySet<MapNodeKind>>(() => new Set(filters.hiddenKinds), [filters.hiddenKinds]);
  const passes = useMemo(() => makeNodeFilter(filters), [filters]);
  const shownNodes = useMemo(() => nodes.filter(passes), [nodes, passes]);
  const visibleIds = useMemo(() => new Set(shownNodes.map((n) => n.id)), [shownNodes]);
  const facets = useMemo(() => facetsOf(allNodes), [allNodes]);
  const counts = useMemo(() => {
    const result: Record<MapNodeKind, number> = { handoff: 0, milestone: 0, service: 0 };
    for (const node of allNodes) result[node.kind]++;
    return result;
  }, [allNodes]);
  const visibleKinds = useMemo(() => KIND_ORDER.filter((kind) => !hidden.has(kind)), [hidden]);
  const listNodes = useMemo(() => allNodes.filter(passes), [allNodes, passes]);
  const listEdges = useMemo(() => {
    const listed = new Set(listNodes.map((n) => n.id));
    return allEdges.filter((e) => listed.has(e.source) && listed.has(e.target));
  }, [allEdges, listNodes]);
  const toggleKind = useCallback(
    (kind: MapNodeKind) => setFilters((current) => ({ ...current, hiddenKinds: current.hiddenKinds.includes(kind) ? current.hiddenKinds.filter((k) => k !== kind) : [...current.hiddenKinds, kind] })),
    [setFilters],
  );
  return { hidden, visibleIds, facets, counts, shownNodes, visibleKinds, listNodes, listEdges, toggleKind };
}
