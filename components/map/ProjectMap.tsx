"use client";
// The project map: papers → milestones → services, laid out by lib/graph/layout and drawn with
// React Flow. Click (or Space on) a node to focus it: its upstream and downstream, all of it or
// within N hops, stay lit, the rest dims, and a side panel shows its details. Escape or a click on
// the background clears it. "Find on map" (MapSearch) highlights and steps through matches; kind
// chips and the Filters menu (MapFilters) hide nodes and their edges; arrow keys move between
// nodes, Enter opens one. The whole view lives in the URL (useMapViewState), so a link reproduces
// it. "Show as list" renders the same map as tables. Roles that may plan draw a dependency by
// dragging between milestone handles, or add one from the panel, and select a dependency edge to
// remove it (useDependencyEditing: the server decides, naming any cycle).
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Background, BackgroundVariant, MiniMap, ReactFlow, ReactFlowProvider, type Connection, type EdgeChange, type NodeChange, type ReactFlowInstance } from "@xyflow/react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { IconNetwork } from "@/components/ui/icons";
import { statusLabel } from "@/components/ui/status";
import { LANE_LABELS } from "@/lib/graph/map-layout";
import { neighbourhood } from "@/lib/graph/reachability";
import type { Box } from "@/lib/graph/spatial";
import type { MapEdge, MapNode, MapNodeKind, Point } from "@/lib/graph/types";
import { MapAddPrerequisite } from "./MapAddPrerequisite";
import { MapDependencyDetails } from "./MapDependencyDetails";
import { MapDetails } from "./MapDetails";
import { MapExportMenu, type MapExportTarget } from "./MapExportMenu";
import { MapActiveFilters, MapFiltersMenu } from "./MapFilters";
import { MapSearch, useFindShortcut } from "./MapSearch";
import { facetsOf, makeNodeFilter } from "./map-find";
import { IconLink } from "./map-icons";
import { MapLanes } from "./MapLanes";
import { Legend } from "./MapLegend";
import { useFillHeight, useMapLayout } from "./useMapLayout";
import { edgeTypes, toFlowEdges, type MapFlowEdge } from "./MapEdge";
import { MapList } from "./MapList";
import { nodeTypes, type CardFlowNode, type FindState, type FocusState, type MapFlowNode } from "./MapNodes";
import { MapCollapseToolbar, MapGroupDetails, MapPaperCollapse } from "./MapCollapse";
import { groupAriaLabel, rollupColor } from "./MapGroupNode";
import { laneGroupId, useCollapse, type HighlightMode } from "./useCollapse";
import { GROUP_SIZE } from "@/lib/graph/collapse";
import { useKeyboardTracking, useNodeKeys } from "./useKeyboardTracking";
import { useMapCamera } from "./useMapCamera";
import { useMapSearch } from "./useMapSearch";
import { useMapViewState } from "./useMapViewState";
import { READABLE_ZOOM, mapOpeningView, viewNodes } from "./first-view";
import { MapOverview, useDetailLevel, useLevelOfDetail, useOverflows } from "./MapOverview";
import { MapZoomControls } from "./MapZoomControls";
import { EDGE_KIND_ORDER, KIND_LABEL, KIND_ORDER, NODE_SIZE, SERVICE_LINKS, serviceCycles, dependencyOfConnection, dependencyOfEdge, prerequisiteChoices, statusColor } from "./map-model";
import { useDependencyEditing, type DependencyActions } from "./useDependencyEditing";
import { useMapArrange, type MapArrange } from "./useMapArrange";
import { MapRelayout, MapUnpin } from "./MapArrangeControls";
import type { MapLayout } from "./useMapLayout";
import styles from "./ProjectMap.module.css";

export type ProjectMapProps = {
  nodes: MapNode[];
  edges: MapEdge[];
  /** The milestone page's dependency actions, for roles that may plan; null otherwise. */
  dependencies?: DependencyActions | null;
  /** What the empty map offers (the compose import, for those who may import). */
  emptyAction?: ReactNode;
  /**
   * Lay services out in lanes by layer, in this order, labelled (the services map); without it,
   * a project map's lanes: papers, milestones, then services by layer (lib/graph/map-layout).
   */
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
/** React Flow's minimap redraws every node on every frame; past this many, "Show all" serves instead. */
const MINIMAP_MAX = 600;
/** Above this many nodes React Flow draws only what is in view, and edges go on a canvas (MapOverview). */
const VIRTUALIZE_ABOVE = 300;
/** Edges React Flow still draws on a large map: the focused paths and the selected edge. */
const onPath = (edge: MapFlowEdge) => edge.data?.focus === "path" || edge.selected === true;
/** MapOverview is handed the nodes the filters show, so it hides no kind itself. */
const NO_KINDS: ReadonlySet<MapNodeKind> = new Set();

export function ProjectMap(props: ProjectMapProps) {
  if (props.nodes.length === 0) {
    return (
      <EmptyState
        icon={<IconNetwork size={20} />}
        title="Nothing on this map yet"
        description="It shows this project's handoffs, the milestones each was decomposed into, and the services those milestones name. Add a handoff, or a milestone, to start it; importing the monorepo's compose file brings its services into the catalog."
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
  const [highlightMode, setHighlightMode] = useState<HighlightMode | null>(null);
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
  const hidden = useMemo<ReadonlySet<MapNodeKind>>(() => new Set(filters.hiddenKinds), [filters.hiddenKinds]);
  const visibleIds = useMemo(() => {
    const passes = makeNodeFilter(filters);
    return new Set(nodes.filter(passes).map((n) => n.id));
  }, [nodes, filters]);
  const facets = useMemo(() => facetsOf(allNodes), [allNodes]);

  const selected = view.focus;
  const focusId = selected && visibleIds.has(selected) ? selected : null;
  const focus = useMemo(() => (focusId ? neighbourhood(focusId, edges, view.hops ?? Infinity) : null), [focusId, edges, view.hops]);
  const selectedGroup = selected ? rolled.groupById.get(selected) : undefined;

  const positions = rolled.positions;
  const routes: ReadonlyMap<number, Point[]> = rolled.routes;
  const camera = useMapCamera({ positions, byId, frameRef });

  // Search: matches among the nodes shown, highlighted, stepped through (useMapSearch).
  const find = useMapSearch({ nodes, query: view.q, setQuery, visibleIds, positions, ready: layout !== null, centreOn: camera.centreOn });
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
      if (origin === "canvas") {
        // After the details panel has opened and the canvas has resized.
        window.setTimeout(() => camera.reveal(id), 60);
        return;
      }
      // From the list or the panel: bring the node and its neighbourhood into view, or, when
      // that would shrink the text past reading, centre the node at a readable zoom.
      const around = neighbourhood(id, edges, view.hops ?? Infinity);
      const ids = [...around.upstream, ...around.downstream].filter((n) => visibleIds.has(n));
      frameRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
      window.setTimeout(() => camera.frame(id, ids), 60);
    },
    [edges, visibleIds, frameRef, camera, keyboard, setFocus, view.hops],
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
  const clearAll = useCallback(() => {
    setSelectedEdge(null);
    clearFocus();
  }, [clearFocus]);

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
  const viewBoxes = useMemo(() => viewNodes(nodes.filter((n) => visibleIds.has(n.id)), positions, undefined, layout?.lanes), [nodes, visibleIds, positions, layout]);
  const { initialViewport } = view;
  const onInit = useCallback(
    (instance: ReactFlowInstance<MapFlowNode, MapFlowEdge>) => {
      if (initialViewport) return void instance.setViewport(initialViewport);
      const canvas = frameRef.current?.querySelector<HTMLElement>(".react-flow");
      if (!canvas || viewBoxes.length === 0) void instance.fitView({ padding: 0.08, maxZoom: 1 });
      else void instance.setViewport(mapOpeningView(viewBoxes, { width: canvas.clientWidth, height: canvas.clientHeight, readableZoom: READABLE_ZOOM }));
      if (focusId) window.setTimeout(() => camera.centreOn(focusId, 0), 0);
    },
    // The first view only: later changes of focus move the camera themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [initialViewport, camera, viewBoxes],
  );

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
        data: { node, focus: stateOf(node.id), find: findOf(node.id), ...(rolled.highlight ? { highlight: rolled.highlight.nodes.has(node.id) ? rolled.highlight.mode : "dim" } : {}) },
        hidden: !visibleIds.has(node.id),
        selected: node.id === focusId,
        draggable: false,
        connectable: editing.enabled && node.kind === "milestone",
        ariaLabel: `${KIND_LABEL[node.kind].one} ${node.kind === "milestone" ? `${node.sublabel} ` : ""}${node.label}, ${statusLabel(node.kind === "service" ? "lifecycle" : node.kind, node.status)}`,
      };
    });
  }, [layout, nodes, positions, focus, focusId, visibleIds, editing.enabled, searching, matchSet, currentMatch, rolled.highlight]);
  const arranged = useMapArrange(arrange, flowNodes);
  const groupFlowNodes = useMemo<MapFlowNode[]>(
    () =>
      rolled.groups.map((group) => ({
        id: group.id,
        type: "collapsed" as const,
        position: positions.get(group.id)!,
        ...GROUP_SIZE,
        data: { group, onExpand: rolled.toggle, dimmed: focus !== null && !focus.upstream.has(group.id) && !focus.downstream.has(group.id), ...(rolled.highlight ? { highlight: rolled.highlight.nodes.has(group.id) ? rolled.highlight.mode : "dim" } : {}) },
        selected: group.id === selected,
        draggable: false,
        connectable: false,
        ariaLabel: groupAriaLabel(group),
      })),
    [rolled.groups, rolled.toggle, rolled.highlight, positions, focus, selected],
  );
  const drawnNodes = useMemo((): MapFlowNode[] => (groupFlowNodes.length ? [...arranged.nodes, ...groupFlowNodes] : arranged.nodes), [arranged.nodes, groupFlowNodes]);

  // Cycles among services are allowed but marked, on both maps.
  const cycles = useMemo(() => serviceCycles(nodes, edges), [nodes, edges]);
  const flowEdges = useMemo(() => {
    const drawn = toFlowEdges(edges, { byId, routes, hidden, focusEdges: focus?.edges ?? null, selectedEdgeId, plannable: editing.enabled, cycles, groups: rolled.groupById, highlight: rolled.highlight });
    if (visibleIds.size === nodes.length) return drawn;
    return drawn.map((e) => (e.hidden || (visibleIds.has(e.source) && visibleIds.has(e.target)) ? e : { ...e, hidden: true }));
  }, [edges, byId, routes, focus, hidden, selectedEdgeId, editing.enabled, cycles, visibleIds, nodes.length, rolled.groupById, rolled.highlight]);

  // Arrow keys move between the nodes shown; Enter opens one.
  const boxes = useCallback(
    (): Box[] =>
      nodes.flatMap((n) => {
        const at = positions.get(n.id);
        return at && visibleIds.has(n.id) ? [{ id: n.id, x: at.x, y: at.y, ...NODE_SIZE[n.kind] }] : [];
      }),
    [nodes, positions, visibleIds],
  );
  const centreAt = camera.centreOn;
  const onNodeKeys = useNodeKeys({ boxes, hrefOf: (id) => byId.get(id)?.href, centreOn: centreAt, open: router.push });

  const counts = useMemo(() => {
    const result: Record<MapNodeKind, number> = { handoff: 0, milestone: 0, service: 0 };
    for (const node of allNodes) result[node.kind]++;
    return result;
  }, [allNodes]);
  const blocked = useMemo(() => flowEdges.filter((e) => e.data?.blocking && !e.hidden).length, [flowEdges]);
  // Semantic zoom: zoomed out, React Flow draws nothing and MapOverview's canvas draws tiles.
  const level = useDetailLevel();
  const overviewNodes = useMemo(() => nodes.filter((n) => visibleIds.has(n.id)), [nodes, visibleIds]);
  const drawn = useLevelOfDetail(level, drawnNodes, flowEdges, nodes.length > VIRTUALIZE_ABOVE, onPath);
  const overflows = useOverflows(layout);
  const visibleKinds = KIND_ORDER.filter((kind) => !hidden.has(kind));
  // The services map draws services only: no kinds to choose between, no milestone colours.
  const kinds = lanes ? [] : KIND_ORDER;
  // The list shows the whole map, collapsed groups or not.
  const listed = useMemo(() => new Set(allNodes.filter(makeNodeFilter(filters)).map((n) => n.id)), [allNodes, filters]);
  const visibleNodes = useMemo(() => allNodes.filter((n) => listed.has(n.id)), [allNodes, listed]);
  const visibleEdges = useMemo(() => allEdges.filter((e) => listed.has(e.source) && listed.has(e.target)), [allEdges, listed]);
  const focused = focusId ? byId.get(focusId) : undefined;
  const related = (ids: Set<string> | undefined) => nodes.filter((n) => ids?.has(n.id) && visibleIds.has(n.id));

  const toggleKind = (kind: MapNodeKind) =>
    setFilters((current) => ({ ...current, hiddenKinds: current.hiddenKinds.includes(kind) ? current.hiddenKinds.filter((k) => k !== kind) : [...current.hiddenKinds, kind] }));

  return (
    <div className={styles.root} ref={rootRef}>
      <div className={styles.toolbar}>
        <MapSearch query={view.q} onQuery={onQuery} count={find.matches.length} current={find.current} onStep={find.step} inputRef={searchRef} />
        <div className={styles.chips} role="group" aria-label="Show on the map" hidden={kinds.length === 0}>
          {kinds.map((kind) => (
            <button key={kind} type="button" className={styles.chip} data-kind={kind} aria-pressed={!hidden.has(kind)} onClick={() => toggleKind(kind)} disabled={counts[kind] === 0}>
              <span className={styles.swatch} data-kind={kind} aria-hidden />
              {KIND_LABEL[kind].many}
              <span className={styles.count}>{counts[kind]}</span>
            </button>
          ))}
        </div>
        <MapFiltersMenu facets={facets} filters={filters} onChange={setFilters} />
        <MapCollapseToolbar view={rolled} highlight={highlightMode} onHighlight={setHighlightMode} planned={!lanes && counts.milestone > 0} />
        <div className={styles.toolbarEnd}>
          {arrange && <MapRelayout arrange={arrange} />}
          <MapExportMenu nodes={nodes} edges={edges} layout={layout} target={exportAs ?? { slug: "map", title: label }} laneLabels={lanes?.labels ?? LANE_LABELS} isVisible={(n) => visibleIds.has(n.id)} />
          <CopyLink link={view.link} />
          <button type="button" className={styles.listToggle} aria-expanded={showList} aria-controls="map-list" onClick={() => setShowList((v) => !v)}>
            {showList ? "Hide list" : "Show as list"}
          </button>
        </div>
      </div>
      <div className={styles.subbar}>
        <MapActiveFilters facets={facets} filters={filters} onChange={setFilters} />
        <p className={styles.hint}>
          {blocked > 0 && (
            <span className={styles.blockedNote}>
              {blocked} blocked {blocked === 1 ? "dependency" : "dependencies"} ·{" "}
            </span>
          )}
          Click a node to trace what it depends on and what depends on it.
          <span className={styles.keys}> Arrow keys move between nodes, Enter opens one, / finds.</span>
        </p>
        <MapZoomControls boxes={viewBoxes} minZoom={MIN_ZOOM} maxZoom={2} />
      </div>

      {editing.enabled && (
        <p className={styles.planHint}>
          <span className={styles.planDot} aria-hidden />
          To add a dependency, drag from a milestone&apos;s right-hand handle to the milestone that must wait for it (or focus a milestone and add a prerequisite); select a dependency to remove it.
        </p>
      )}
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
              onMoveEnd={(_, viewport) => view.setViewport(viewport)}
              ariaLabelConfig={NODE_KEYS_HELP}
              minZoom={MIN_ZOOM}
              maxZoom={2}
              onlyRenderVisibleElements={nodes.length > VIRTUALIZE_ABOVE}
              className={styles.flow}
              aria-label={label}
            >
              {layout.lanes && <MapLanes lanes={layout.lanes} labels={lanes?.labels ?? LANE_LABELS} collapsed={collapsed} onToggle={(lane) => rolled.toggle(laneGroupId(lane))} />}
              {/* Zoomed out, the dots would be a fraction of a pixel apart: costly, and noise. */}
              {level === "cards" && <Background variant={BackgroundVariant.Dots} gap={22} size={1.2} />}
              <MapOverview nodes={overviewNodes} edges={edges} positions={positions} routes={routes} hidden={NO_KINDS} lanes={layout.lanes} laneLabels={lanes?.labels ?? LANE_LABELS} edgesAtCards={nodes.length > VIRTUALIZE_ABOVE} focusId={focusId} focus={focus} />
              {level === "cards" && overflows && nodes.length <= MINIMAP_MAX && (
                <MiniMap<MapFlowNode>
                  position="bottom-right"
                  pannable
                  zoomable
                  ariaLabel="Overview of the whole map"
                  nodeColor={(n) => (n.type === "collapsed" ? rollupColor(n.data.group.rollup.status) : statusColor(n.data.node))}
                  nodeBorderRadius={6}
                  nodeStrokeWidth={0}
                  style={{ width: 168, height: 104 }}
                  className={styles.minimap}
                />
              )}
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
          {editing.notice && (
            <div className={styles.notice} key={editing.notice.at}>
              <Alert tone={editing.notice.ok ? "success" : "error"} action={<Button variant="ghost" size="sm" onClick={editing.dismiss}>Dismiss</Button>}>
                {editing.notice.text}
              </Alert>
            </div>
          )}
        </div>
        {selectedEdge && byId.has(selectedEdge.source) && byId.has(selectedEdge.target) && (
          <MapDependencyDetails
            key={selectedEdge.id}
            prerequisite={byId.get(selectedEdge.source)!}
            dependent={byId.get(selectedEdge.target)!}
            onRemove={editing.enabled ? () => editing.remove(dependencyOfEdge(selectedEdge)!) : null}
            pending={editing.pending}
            onFocus={(id) => focusOn(id, "panel")}
            onClose={clearAll}
            headingRef={headingRef}
          />
        )}
        {focused && (
          <MapDetails
            node={focused}
            upstream={related(focus?.upstream)}
            downstream={related(focus?.downstream)}
            onFocus={(id) => focusOn(id, "panel")}
            onClose={clearFocus}
            headingRef={headingRef}
            hops={view.hops}
            onHops={view.setHops}
            plan={
              <>
                {arrange && <MapUnpin arrange={arrange} id={focused.id} />}
                {editing.enabled && focused.kind === "milestone" ? (
                  <MapAddPrerequisite node={focused} candidates={prerequisiteChoices(nodes, edges, focused.id)} pending={editing.pending} onAdd={(id) => onConnect({ source: id, target: focused.id, sourceHandle: null, targetHandle: null })} />
                ) : focused.kind === "handoff" ? (
                  <MapPaperCollapse node={focused} view={rolled} onCollapsed={(id) => focusOn(id, "panel")} />
                ) : null}
              </>
            }
          />
        )}
        {selectedGroup && (
          <MapGroupDetails
            key={selectedGroup.id}
            group={selectedGroup}
            byId={allById}
            onExpand={(groupId, member) => {
              rolled.toggle(groupId);
              if (member) focusOn(member, "panel");
              else setFocus(null);
            }}
            onClose={clearAll}
            headingRef={headingRef}
          />
        )}
      </div>
      <p className="sr-only" aria-live="polite">
        {focused ? `Focused ${focused.label}: ${focus?.upstream.size ?? 0} upstream, ${focus?.downstream.size ?? 0} downstream.` : ""}
      </p>

      {showList && (
        <MapList
          id="map-list"
          kinds={visibleKinds}
          nodes={visibleNodes}
          edges={visibleEdges}
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

/** What a screen reader announces on a node, and the keys it offers. */
const NODE_KEYS_HELP = {
  "node.a11yDescription.default": "Press space to trace what it depends on and what depends on it, enter to open it, arrow keys to move to the nearest node that way, escape to clear.",
};

/** Copies the link to this exact view (focus, hops, filters, search, viewport). */
function CopyLink({ link }: { link: () => string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link());
      setCopied("yes");
    } catch {
      // Clipboard access needs a secure context; the address bar holds the same link.
      setCopied("failed");
    }
  };
  return (
    <button type="button" className={styles.toolButton} onClick={copy} title="Copy a link to this view: focus, filters, search and position">
      <IconLink size={14} />
      <span aria-live="polite">{copied === "yes" ? "Copied" : copied === "failed" ? "Copy from the address bar" : "Copy link"}</span>
    </button>
  );
}
