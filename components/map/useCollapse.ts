"use client";
// Collapse and highlight as a hook: given the map, its layout and the collapsed group ids (state
// the caller holds, and may keep in the URL as `collapsed=<id>,<id>`), the nodes, groups, edges,
// positions and routes to draw (lib/graph/collapse; an edge between groups that runs backwards
// bends round its column, backRoute), the plan drawn on the map (lib/graph/map-plan)
// and what a highlight lights, mapped onto the drawn nodes and edges.
import { useCallback, useMemo } from "react";
import { allPaperGroups, backRoute, collapseMap, drawnBox, indexGroups, laneGroupId, milestonesGroupId, paperGroupId, type DrawnEdge, type MapGroup } from "@/lib/graph/collapse";
import { highlightSelection, mapPlan, type HighlightMode } from "@/lib/graph/map-plan";
import type { MapLayout } from "@/lib/graph/map-layout";
import { dayNumber } from "@/lib/graph/plan";
import type { MapEdge, MapNode, Point } from "@/lib/graph/types";

export type { HighlightMode };

/** The group ids as the URL writes them: comma-separated, in a stable order. */
export function formatCollapsed(collapsed: ReadonlySet<string>): string {
  return [...collapsed].sort().join(",");
}

export function parseCollapsed(value: string | null | undefined): Set<string> {
  return new Set((value ?? "").split(",").map((s) => s.trim()).filter(Boolean));
}

export type CollapseView = {
  nodes: MapNode[];
  groups: MapGroup[];
  groupById: Map<string, MapGroup>;
  edges: DrawnEdge[];
  positions: Map<string, Point>;
  /** Member node id → the collapsed group drawn in its place. */
  groupOf: ReadonlyMap<string, string>;
  /** Routes of the drawn edges that are the map's own, by drawn index. */
  routes: Map<number, Point[]>;
  /** Papers that have milestones to fold. */
  paperGroups: string[];
  isCollapsed: (groupId: string) => boolean;
  toggle: (groupId: string) => void;
  collapseAllPapers: () => void;
  expandAll: () => void;
  /** Lit node and group ids, and drawn edge ids, for the highlight; null when off. */
  highlight: { mode: HighlightMode; nodes: Set<string>; edges: Set<string> } | null;
};

export { laneGroupId, milestonesGroupId, paperGroupId };

export function useCollapse(
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
  layout: MapLayout | null,
  collapsed: ReadonlySet<string>,
  setCollapsed: (next: ReadonlySet<string>) => void,
  highlightMode: HighlightMode | null = null,
): CollapseView {
  const index = useMemo(() => indexGroups(nodes, edges), [nodes, edges]);
  const facts = useMemo(() => mapPlan(nodes, edges, dayNumber(new Date())), [nodes, edges]);
  const base = useMemo(() => new Map<string, Point>(layout?.positions.map((p) => [p.id, p])), [layout]);
  const view = useMemo(() => collapseMap(nodes, edges, base, collapsed, { slipping: facts.slipping, index }), [nodes, edges, base, collapsed, facts, index]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const routes = useMemo(() => {
    // The top of the map: long back edges pass above every card.
    let top = Infinity;
    for (const at of view.positions.values()) top = Math.min(top, at.y);
    const own = new Map<number, Point[]>(layout?.routes.map((r) => [r.edge, r.points]));
    const result = new Map<number, Point[]>();
    view.edges.forEach((e, i) => {
      const points = e.origin === -1 ? undefined : own.get(e.origin);
      if (points?.length) return void result.set(i, points);
      // A merged edge (or one the layout left unrouted) running backwards bends round its column.
      if (view.groups.length === 0) return;
      const source = drawnBox(view, byId, e.source);
      const target = drawnBox(view, byId, e.target);
      const back = source && target ? backRoute(source, target, top) : null;
      if (back) result.set(i, back);
      else if (points) result.set(i, points);
    });
    return result;
  }, [layout, view, byId]);
  const groupById = useMemo(() => new Map(view.groups.map((g) => [g.id, g])), [view]);
  const paperGroups = useMemo(() => allPaperGroups(index), [index]);

  const highlight = useMemo(() => {
    if (!highlightMode) return null;
    const lit = highlightSelection(facts, edges, highlightMode);
    // A group lights when a member does; a merged edge when one of the edges it stands for does.
    const litNodes = new Set<string>();
    for (const id of lit.nodes) litNodes.add(view.groupOf.get(id) ?? id);
    const litEdges = new Set<string>();
    for (const e of view.edges) if (e.members.some((i) => lit.edges.has(edges[i].id))) litEdges.add(e.id);
    return { mode: highlightMode, nodes: litNodes, edges: litEdges };
  }, [highlightMode, facts, edges, view]);

  const isCollapsed = useCallback((id: string) => collapsed.has(id), [collapsed]);
  const toggle = useCallback(
    (id: string) => {
      const next = new Set(collapsed);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      setCollapsed(next);
    },
    [collapsed, setCollapsed],
  );
  const collapseAllPapers = useCallback(() => {
    // A paper folded with its milestones replaces a fold of the milestones alone.
    const next = new Set([...collapsed].filter((id) => !id.startsWith("milestones:")));
    for (const id of paperGroups) next.add(id);
    setCollapsed(next);
  }, [collapsed, paperGroups, setCollapsed]);
  const expandAll = useCallback(() => setCollapsed(new Set()), [setCollapsed]);

  return { nodes: view.nodes, groups: view.groups, groupById, edges: view.edges, positions: view.positions, groupOf: view.groupOf, routes, paperGroups, isCollapsed, toggle, collapseAllPapers, expandAll, highlight };
}
