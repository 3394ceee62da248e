"use client";
// The project map: papers → milestones → services, laid out by lib/graph/layout and drawn with React
// Flow. Click (or Space on) a node to focus it: its upstream and downstream (all, or within N hops)
// stay lit and a side panel shows its details; Escape clears it. MapSearch finds, chips and MapFilters
// hide, arrow keys move, Enter opens. The whole view lives in the URL (useMapViewState). "Show as
// list" renders the same map as tables. Planners draw and remove dependencies (useDependencyEditing).
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Background, BackgroundVariant, ReactFlow, ReactFlowProvider, type Connection, type EdgeChange, type NodeChange, type ReactFlowInstance } from "@xyflow/react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { IconNetwork } from "@/components/ui/icons";
import { LANE_LABELS } from "@/lib/graph/map-layout";
import { neighbourhood } from "@/lib/graph/reachability";
import type { Box } from "@/lib/graph/spatial";
import type { MapEdge, MapNode, MapNodeKind, Point } from "@/lib/graph/types";
import { MapExportMenu, type MapExportTarget } from "./MapExportMenu";
import { MapActiveFilters, MapFiltersMenu, MapNoMatches } from "./MapFilters";
import { NO_FILTERS } from "./map-find";
import { MapSearch, useFindShortcut } from "./MapSearch";
import { MapPanels } from "./MapPanels";
import { MapToolbar } from "./MapToolbar";
import { useMapFilters } from "./useMapFilters";
import { useFlowNodes } from "./useFlowNodes";
import { MapLanes } from "./MapLanes";
import { Legend } from "./MapLegend";
import { useFillHeight, useMapLayout } from "./useMapLayout";
import { edgeTypes, type MapFlowEdge } from "./MapEdge";
import { MapList } from "./MapList";
import { nodeTypes, type MapFlowNode } from "./MapNodes";
import { MapCollapseToolbar } from "./MapCollapse";
import { laneGroupId, useCollapse } from "./useCollapse";
import { useMapFraming } from "./useMapFraming";
import { NODE_KEYS_HELP, useKeyboardTracking, useNodeKeys } from "./useKeyboardTracking";
import { useMapCamera } from "./useMapCamera";
import { useMapSearch } from "./useMapSearch";
import { useMapViewState } from "./useMapViewState";
import { READABLE_ZOOM, mapOpeningView, viewNodes, type Viewport } from "./first-view";
import { MapOverview, useDetailLevel, useLevelOfDetail } from "./MapOverview";
import { MapZoomControls } from "./MapZoomControls";
import { laneCounts } from "./lane-counts";
import { EDGE_KIND_ORDER, KIND_ORDER, NODE_SIZE, SERVICE_LINKS, dependencyOfConnection, prerequisiteChoices } from "./map-model";
import { useDependencyEditing, type DependencyActions } from "./useDependencyEditing";
import type { MapArrange } from "./useMapArrange";
import { MapRelayout } from "./MapArrangeControls";
import type { MapLayout } from "./useMapLayout";
import styles from "./ProjectMap.module.css";

export type ProjectMapProps = {
  nodes: MapNode[];
  edges: MapEdge[];
  /** The milestone page's dependency actions, for roles that may plan; null otherwise. */
  dependencies?: DependencyActions | null;
  /** What the empty map offers (the compose import, for those who may import). */
  emptyAction?: ReactNode;
  /** The services map's lanes (layers in order, labelled); default a project map's (lib/graph/map-layout). */
  lanes?: { order: readonly string[]; labels: Readonly<Record<string, string>> };
  /** The canvas's accessible name. Default "Project map". */
  label?: string;
  /** A layout the server precomputed (the map endpoint, pins applied): nothing is laid out here. */
  layout?: MapLayout | null;
  /** Pins, dragging and re-layout on a project map (MapLoader); absent on the services map. */
  arrange?: MapArrange | null;
  /** Names the Export menu's files ("FLOOR-map-2026-11-29.svg") and titles their content. */
  exportAs?: MapExportTarget;
};

/** "Show all" may zoom this far out (a 5,000-node map); below TILE_ZOOM the canvas draws tiles. */
const MIN_ZOOM = 0.01;
/** Above this many nodes React Flow draws only what is in view, and edges go on a canvas (MapOverview). */
const VIRTUALIZE_ABOVE = 300;
/** Edges React Flow still draws on a large map: the focused paths and the selected edge. */
const onPath = (edge: MapFlowEdge) => edge.data?.focus === "path" || edge.selected === true;
/** MapOverview is handed the nodes the filters show, so it hides no kind itself. */
const NO_KINDS: ReadonlySet<MapNodeKind> = new Set();
const sameViewport = (a: Viewport, b: Viewport) => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-4;

export function ProjectMap(props: ProjectMapProps) {
  if (props.nodes.length === 0) {
    return (
      <EmptyState
        icon={<IconNetwork size={20} />}
        title="Nothing on this map yet"
        description="It shows this project's handoffs, the milestones each was decomposed into, and the services those milestones name. A handoff or a milestone starts it; importing a compose file (above) brings the project's services in."
        action={props.emptyAction}
      />
    );
  }
  return (
    <ReactFlowProvider>
      <MapView {...props} />
    </ReactFlowProvider>
  );
}

type FocusOrigin = "canvas" | "list" | "panel";

function MapView({ nodes: allNodes, edges: allEdges, dependencies, lanes, label = "Project map", layout: given, arrange, exportAs }: ProjectMapProps) {
  const router = useRouter();
  const view = useMapViewState();
  const layout = useMapLayout(allNodes, allEdges, lanes?.order, given);
  // Collapsed groups (view state, in the URL) and the highlight (useCollapse) decide what is drawn.
  const collapsed = useMemo<ReadonlySet<string>>(() => new Set(view.collapsed), [view.collapsed]);
  const { setCollapsed: setCollapsedList } = view;
  const setCollapsed = useCallback((next: ReadonlySet<string>) => setCollapsedList([...next]), [setCollapsedList]);
  const { highlight: highlightMode, setHighlight: setHighlightMode } = view;
  const rolled = useCollapse(allNodes, allEdges, layout, collapsed, setCollapsed, highlightMode);
  const { nodes, edges } = rolled;
  const allById = useMemo(() => new Map(allNodes.map((n) => [n.id, n])), [allNodes]);
  const frameRef = useFillHeight();
  const rootRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const [showList, setShowList] = useState(false);
  const [selectedEdgeId, setSelectedEdge] = useState<string | null>(null);
  const editing = useDependencyEditing(dependencies);
  const selectedEdge = edges.find((e) => e.id === selectedEdgeId && e.kind === "depends");

  // Filters: kind chips and the Filters menu; a hidden node's edges hide with it.
  const { filters, setFilters, setFocus, setQuery } = view;
  const { hidden, visibleIds, facets, counts, shownNodes, visibleKinds, listNodes, listEdges, toggleKind } = useMapFilters(allNodes, allEdges, nodes, filters, setFilters);

  const selected = view.focus;
  const focusId = selected && visibleIds.has(selected) ? selected : null;
  const focus = useMemo(() => (focusId ? neighbourhood(focusId, edges, view.hops ?? Infinity) : null), [focusId, edges, view.hops]);
  const selectedGroup = selected ? rolled.groupById.get(selected) : undefined;

  const positions = rolled.positions;
  const routes: ReadonlyMap<number, Point[]> = rolled.routes;
  const camera = useMapCamera({ positions, byId });

  // Search: matches among the nodes shown, highlighted, stepped through (useMapSearch).
  // A search typed before the opening view is set jumps once it is (else that view undoes the jump).
  const [opened, setOpened] = useState(false);
  const find = useMapSearch({ nodes, groups: rolled.groups, allById, query: view.q, setQuery, visibleIds, positions, ready: layout !== null && opened, centreOn: camera.centreOn });
  const { searching, matchSet, currentMatch, onQuery } = find;
  useFindShortcut(searchRef, rootRef);

  // Keyboard users get keyboard focus moved to the details panel and back (useKeyboardTracking).
  const moveFocusToPanel = useRef(false);
  const clearFocusRef = useRef<() => void>(() => setFocus(null));
  const keyboard = useKeyboardTracking(clearFocusRef);
  useEffect(() => {
    if ((focusId || selectedEdgeId || selectedGroup) && moveFocusToPanel.current) headingRef.current?.focus();
    moveFocusToPanel.current = false;
  }, [focusId, selectedEdgeId, selectedGroup]);

  const focusOn = useCallback(
    (id: string | null, origin: FocusOrigin) => {
      setFocus(id);
      setSelectedEdge(null);
      if (!id) return;
      moveFocusToPanel.current = keyboard.current || origin !== "canvas";
      // The camera follows in useMapFraming; from the list, the canvas is scrolled to first.
      if (origin === "list") frameRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
    },
    [frameRef, keyboard, setFocus],
  );

  const clearFocus = useCallback(() => {
    const previous = focusId;
    setFocus(null);
    if (previous && keyboard.current) {
      const element = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(previous)}"]`);
      element?.focus();
    }
  }, [focusId, keyboard, setFocus]);

  /** Escape, a click on the background, or the panel's close button: nothing selected at all. */
  const clearAll = useCallback(() => (setSelectedEdge(null), clearFocus()), [clearFocus]);

  useEffect(() => {
    // Escape on the map clears the focus first, then the search.
    clearFocusRef.current = () => (focusId || selectedEdgeId || !searching ? clearAll() : onQuery(""));
  }, [clearAll, focusId, selectedEdgeId, searching, onQuery]);

  const onNodesChange = useCallback(
    (changes: NodeChange<MapFlowNode>[]) => {
      let next: string | null | undefined;
      for (const change of changes) {
        if (change.type !== "select") continue;
        if (change.selected) next = change.id;
        else if (next === undefined && change.id === focusId) next = null;
      }
      if (next === null) clearFocus();
      else if (next !== undefined) focusOn(next, "canvas");
    },
    [focusId, focusOn, clearFocus],
  );

  /** A dependency edge selected (clicked, or Enter on it): its panel replaces the node's. */
  const onEdgesChange = useCallback((changes: EdgeChange<MapFlowEdge>[]) => {
    const picked = changes.find((c) => c.type === "select" && c.selected);
    if (!picked || picked.type !== "select") return;
    moveFocusToPanel.current = keyboard.current;
    setFocus(null);
    setSelectedEdge(picked.id);
  }, [keyboard, setFocus]);

  const addDependency = editing.add;
  const onConnect = useCallback(
    (connection: Connection) => {
      const dependency = dependencyOfConnection(connection);
      if (dependency) addDependency(dependency);
    },
    [addDependency],
  );

  // The first view: a viewport in the URL wins (a focus in it is brought into view); otherwise the
  // whole map if it fits at a legible zoom, else the readable zoom centred on open and blocked work
  // (first-view.ts). "Show all" (MapZoomControls) shows everything.
  const viewBoxes = useMemo(() => viewNodes(shownNodes, positions, undefined, layout?.lanes), [shownNodes, positions, layout]);
  const { initialViewport } = view;
  // The opening view is not written into the URL: a link without a viewport opens the same way,
  // so the address stays as the user typed it until they move the map.
  const opening = useRef<Viewport | null>(null);
  const onInit = useCallback(
    (instance: ReactFlowInstance<MapFlowNode, MapFlowEdge>) => {
      setOpened(true);
      if (initialViewport) return void instance.setViewport(initialViewport);
      const canvas = frameRef.current?.querySelector<HTMLElement>(".react-flow");
      if (!canvas || viewBoxes.length === 0) void instance.fitView({ padding: 0.08, maxZoom: 1 });
      else {
        const { x, y, zoom } = mapOpeningView(viewBoxes, { width: canvas.clientWidth, height: canvas.clientHeight, readableZoom: READABLE_ZOOM });
        opening.current = { x, y, zoom };
        void instance.setViewport(opening.current);
      }
      if (focusId) window.setTimeout(() => camera.centreOn(focusId, 0), 0);
    },
    // The first view only: later changes of focus move the camera themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [initialViewport, camera, viewBoxes],
  );

  // The camera follows what the filters, collapse and highlight show, and the focus (useMapFraming).
  const around = useMemo(() => (focus ? [...focus.upstream, ...focus.downstream].filter((n) => visibleIds.has(n)) : []), [focus, visibleIds]);
  const changeKey = JSON.stringify([filters, view.collapsed, highlightMode]);
  useMapFraming({ frameRef, opened, shownNodes, groups: rolled.groups, positions, changeKey, highlighted: rolled.highlight?.nodes ?? null, focusId, around, hops: view.hops });

  // React Flow's nodes (cards with focus, search, highlight and pins; collapsed groups) and edges.
  const { arranged, drawnNodes, flowEdges, cycles } = useFlowNodes({ layout, nodes, edges, byId, positions, routes, hidden, focus, focusId, selected, selectedEdgeId, visibleIds, connectable: editing.enabled, searching, matchSet, currentMatch, rolled, arrange });

  // Arrow keys move between the nodes shown; Enter opens one.
  const boxes = useCallback((): Box[] => shownNodes.flatMap((n) => (positions.has(n.id) ? [{ id: n.id, ...positions.get(n.id)!, ...NODE_SIZE[n.kind] }] : [])), [shownNodes, positions]);
  const onNodeKeys = useNodeKeys({ boxes, hrefOf: (id) => byId.get(id)?.href, centreOn: camera.centreOn, open: router.push });

  // Lane heads count what each lane shows (a collapsed group counts as its members: lane-counts.ts).
  const laneShown = useMemo(() => laneCounts(shownNodes, rolled.groups, allById), [shownNodes, rolled.groups, allById]);
  const blocked = useMemo(() => flowEdges.filter((e) => e.data?.blocking && !e.hidden).length, [flowEdges]);
  // Semantic zoom: zoomed out, React Flow draws nothing and MapOverview's canvas draws tiles.
  const level = useDetailLevel();
  const drawn = useLevelOfDetail(level, drawnNodes, flowEdges, nodes.length > VIRTUALIZE_ABOVE, onPath);
  // The services map draws services only: no kinds to choose between, no milestone colours.
  const kinds = lanes ? [] : KIND_ORDER;
  const planned = !lanes && counts.milestone > 0;
  const focused = focusId ? byId.get(focusId) : undefined;
  const related = (ids: Set<string> | undefined) => nodes.filter((n) => ids?.has(n.id) && visibleIds.has(n.id));

  return (
    <div className={styles.root} ref={rootRef}>
      <MapToolbar
        search={<MapSearch query={view.q} onQuery={onQuery} count={find.matches.length} current={find.current} onStep={find.step} inputRef={searchRef} />}
        kinds={kinds}
        hidden={hidden}
        counts={counts}
        onToggleKind={toggleKind}
        filters={<MapFiltersMenu facets={facets} filters={filters} onChange={setFilters} />}
        activeFilters={<MapActiveFilters facets={facets} filters={filters} onChange={setFilters} />}
        collapse={<MapCollapseToolbar view={rolled} highlight={highlightMode} onHighlight={setHighlightMode} planned={planned} />}
        relayout={arrange ? <MapRelayout arrange={arrange} /> : null}
        exportMenu={<MapExportMenu nodes={nodes} edges={edges} layout={layout} target={exportAs ?? { slug: "map", title: label }} laneLabels={lanes?.labels ?? LANE_LABELS} isVisible={(n) => visibleIds.has(n.id)} />}
        link={view.link}
        showList={showList}
        onShowList={setShowList}
        blocked={blocked}
        onBlocked={planned ? () => setHighlightMode("risk") : null}
        zoom={<MapZoomControls boxes={viewBoxes} minZoom={MIN_ZOOM} maxZoom={2} />}
        planHelp={
          <>
            {editing.enabled && (
              <p className={styles.planHint}>
                <span className={styles.planDot} aria-hidden />
                To add a dependency, drag from a milestone&apos;s right-hand handle to the milestone that must wait for it (or focus a milestone and add a prerequisite); select a dependency to remove it.
              </p>
            )}
            {arrange?.canArrange && <p>Drag a node to pin it where you want it, for the whole team; Re-layout then drops every pin.</p>}
          </>
        }
      />
      <div className={styles.frame} ref={frameRef}>
        <div className={styles.canvas} onKeyDownCapture={onNodeKeys}>
          {layout ? (
            <ReactFlow<MapFlowNode, MapFlowEdge>
              nodes={drawn.nodes}
              edges={drawn.edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodesChange={arranged.draggable ? (changes) => (arranged.onNodesChange(changes), onNodesChange(changes)) : onNodesChange}
              onPaneClick={clearAll}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              isValidConnection={(c) => dependencyOfConnection(c) !== null}
              nodesDraggable={arranged.draggable}
              onNodeDragStop={arranged.onNodeDragStop}
              nodesConnectable={editing.enabled}
              edgesFocusable={false}
              deleteKeyCode={null}
              selectionKeyCode={null}
              multiSelectionKeyCode={null}
              onInit={onInit}
              onMoveEnd={(_, viewport) => {
                if (opening.current && sameViewport(opening.current, viewport)) return;
                opening.current = null;
                view.setViewport(viewport);
              }}
              ariaLabelConfig={NODE_KEYS_HELP}
              minZoom={MIN_ZOOM}
              maxZoom={2}
              onlyRenderVisibleElements={nodes.length > VIRTUALIZE_ABOVE}
              className={styles.flow}
              aria-label={label}
            >
              {layout.lanes && <MapLanes lanes={layout.lanes} labels={lanes?.labels ?? LANE_LABELS} counts={laneShown} collapsed={collapsed} onToggle={(lane) => rolled.toggle(laneGroupId(lane))} />}
              {/* Zoomed out, the dots would be a fraction of a pixel apart: costly, and noise. */}
              {level === "cards" && <Background variant={BackgroundVariant.Dots} gap={22} size={1.2} />}
              <MapOverview nodes={shownNodes} edges={edges} positions={positions} routes={routes} hidden={NO_KINDS} lanes={layout.lanes} laneLabels={lanes?.labels ?? LANE_LABELS} edgesAtCards={nodes.length > VIRTUALIZE_ABOVE} focusId={focusId} focus={focus} groups={rolled.groups} allById={allById} />
            </ReactFlow>
          ) : (
            <p className={styles.progress} role="status">
              Laying out {nodes.length.toLocaleString("en")} nodes and {edges.length.toLocaleString("en")} links…
            </p>
          )}
          <Legend
            status={lanes ? "lifecycle" : "milestone"}
            edgeKinds={lanes ? EDGE_KIND_ORDER.filter((k) => SERVICE_LINKS.has(k)) : EDGE_KIND_ORDER}
            cycles={Boolean(lanes) || cycles !== null}
            highlight={highlightMode}
            groups={rolled.groups.length > 0}
          />
          {layout && shownNodes.length === 0 && rolled.groups.length === 0 && <MapNoMatches onClear={() => setFilters(() => NO_FILTERS)} />}
          {editing.notice && (
            <div className={styles.notice} key={editing.notice.at}>
              <Alert tone={editing.notice.ok ? "success" : "error"} action={<Button variant="ghost" size="sm" onClick={editing.dismiss}>Dismiss</Button>}>
                {editing.notice.text}
              </Alert>
            </div>
          )}
        </div>
        <MapPanels
          selectedEdge={selectedEdge}
          focused={focused}
          selectedGroup={selectedGroup}
          byId={byId}
          allById={allById}
          upstream={related(focus?.upstream)}
          downstream={related(focus?.downstream)}
          prerequisites={() => (focused ? prerequisiteChoices(nodes, edges, focused.id) : [])}
          editing={editing}
          arrange={arrange}
          rolled={rolled}
          hops={view.hops}
          onHops={view.setHops}
          onFocus={(id) => focusOn(id, "panel")}
          onUnfocus={() => setFocus(null)}
          onClearFocus={clearFocus}
          onClose={clearAll}
          onConnect={onConnect}
          headingRef={headingRef}
        />
      </div>
      <p className="sr-only" aria-live="polite">
        {focused ? `Focused ${focused.label}: ${focus?.upstream.size ?? 0} upstream, ${focus?.downstream.size ?? 0} downstream.` : ""}
      </p>

      {showList && (
        <MapList
          id="map-list"
          kinds={visibleKinds}
          nodes={listNodes}
          edges={listEdges}
          byId={allById}
          focusId={focusId}
          onFocus={(id) => {
            // A node inside a collapsed group: expand the group first.
            const group = rolled.groupOf.get(id);
            if (group) rolled.toggle(group);
            focusOn(id, "list");
          }}
        />
      )}
    </div>
  );
}
