"use client";
// The project map: papers → milestones → services, laid out by lib/graph/layout and drawn with
// React Flow. Click (or Enter on) a node to focus it: its upstream and downstream stay lit, the
// rest dims, and a side panel shows its details. Escape or a click on the background clears it.
// Filter chips hide node kinds; "Show as list" renders the same map as tables. Roles that may plan
// draw a dependency by dragging between milestone handles, or add one from the panel, and select
// a dependency edge to remove it (useDependencyEditing: the server decides, naming any cycle).
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Background, BackgroundVariant, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type Connection, type EdgeChange, type NodeChange, type ReactFlowInstance } from "@xyflow/react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { IconNetwork } from "@/components/ui/icons";
import { statusLabel } from "@/components/ui/status";
import { neighbourhood } from "@/lib/graph/reachability";
import type { MapEdge, MapNode, MapNodeKind, Point } from "@/lib/graph/types";
import { MapAddPrerequisite } from "./MapAddPrerequisite";
import { MapDependencyDetails } from "./MapDependencyDetails";
import { MapDetails } from "./MapDetails";
import { MapLanes } from "./MapLanes";
import { Legend } from "./MapLegend";
import { useFillHeight, useMapLayout } from "./useMapLayout";
import { edgeTypes, toFlowEdges, type MapFlowEdge } from "./MapEdge";
import { MapList } from "./MapList";
import { nodeTypes, type FocusState, type MapFlowNode } from "./MapNodes";
import { useKeyboardTracking } from "./useKeyboardTracking";
import { READABLE_ZOOM, mapOpeningView, viewNodes } from "./first-view";
import { MapOverview, useDetailLevel, useLevelOfDetail, useOverflows } from "./MapOverview";
import { MapZoomControls } from "./MapZoomControls";
import { EDGE_KIND_ORDER, KIND_LABEL, KIND_ORDER, NODE_SIZE, SERVICE_LINKS, serviceCycles, dependencyOfConnection, dependencyOfEdge, prerequisiteChoices, statusColor } from "./map-model";
import { useDependencyEditing, type DependencyActions } from "./useDependencyEditing";
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
   * papers → milestones → services in columns (a project map).
   */
  lanes?: { order: readonly string[]; labels: Readonly<Record<string, string>> };
  /** The canvas's accessible name. Default "Project map". */
  label?: string;
};


/** "Show all" may zoom this far out (a 5,000-node map); below TILE_ZOOM the canvas draws tiles. */
const MIN_ZOOM = 0.01;
/** React Flow's minimap redraws every node on every frame; past this many, "Show all" serves instead. */
const MINIMAP_MAX = 600;
/** Above this many nodes React Flow draws only what is in view, and edges go on a canvas (MapOverview). */
const VIRTUALIZE_ABOVE = 300;
/** Edges React Flow still draws on a large map: the focused paths and the selected edge. */
const onPath = (edge: MapFlowEdge) => edge.data?.focus === "path" || edge.selected === true;

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

function MapView({ nodes, edges, dependencies, lanes, label = "Project map" }: ProjectMapProps) {
  const flow = useReactFlow<MapFlowNode, MapFlowEdge>();
  const layout = useMapLayout(nodes, edges, lanes?.order);
  const frameRef = useFillHeight();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const [hidden, setHidden] = useState<ReadonlySet<MapNodeKind>>(() => new Set());
  const [showList, setShowList] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [selectedEdgeId, setSelectedEdge] = useState<string | null>(null);
  const editing = useDependencyEditing(dependencies);
  const selectedEdge = edges.find((e) => e.id === selectedEdgeId && e.kind === "depends");
  const focusId = selected && byId.has(selected) && !hidden.has(byId.get(selected)!.kind) ? selected : null;
  const focus = useMemo(() => (focusId ? neighbourhood(focusId, edges) : null), [focusId, edges]);

  // Keyboard users get keyboard focus moved to the details panel and back (useKeyboardTracking).
  const moveFocusToPanel = useRef(false);
  const clearFocusRef = useRef<() => void>(() => setSelected(null));
  const keyboard = useKeyboardTracking(clearFocusRef);
  useEffect(() => {
    if ((focusId || selectedEdgeId) && moveFocusToPanel.current) headingRef.current?.focus();
    moveFocusToPanel.current = false;
  }, [focusId, selectedEdgeId]);

  const positions = useMemo(() => new Map(layout?.positions.map((p) => [p.id, p])), [layout]);
  const routes = useMemo(() => new Map<number, Point[]>(layout?.routes.map((r) => [r.edge, r.points])), [layout]);

  /** Pans (keeping the zoom) when a node is not fully in view, e.g. once the panel narrowed the canvas. */
  const reveal = useCallback(
    (id: string) => {
      const at = positions.get(id);
      const node = byId.get(id);
      const canvas = frameRef.current?.querySelector<HTMLElement>(".react-flow");
      if (!at || !node || !canvas) return;
      const { width, height } = NODE_SIZE[node.kind];
      const { x, y, zoom } = flow.getViewport();
      const margin = 24;
      const left = at.x * zoom + x;
      const top = at.y * zoom + y;
      const outside = left < margin || top < margin || left + width * zoom > canvas.clientWidth - margin || top + height * zoom > canvas.clientHeight - margin;
      if (outside) void flow.setCenter(at.x + width / 2, at.y + height / 2, { zoom, duration: 300 });
    },
    [positions, byId, flow, frameRef],
  );

  const focusOn = useCallback(
    (id: string | null, origin: FocusOrigin) => {
      setSelected(id);
      setSelectedEdge(null);
      if (!id) return;
      moveFocusToPanel.current = keyboard.current || origin !== "canvas";
      if (origin === "canvas") {
        // After the details panel has opened and the canvas has resized.
        window.setTimeout(() => reveal(id), 60);
        return;
      }
      // From the list or the panel: bring the node and its neighbourhood into view, or, when
      // that would shrink the text past reading, centre the node at a readable zoom.
      const around = neighbourhood(id, edges);
      const ids = [id, ...around.upstream, ...around.downstream].filter((n) => !hidden.has(byId.get(n)!.kind));
      frameRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
      window.setTimeout(() => {
        const canvas = frameRef.current?.querySelector<HTMLElement>(".react-flow");
        const at = positions.get(id);
        if (!canvas || !at) return;
        const bounds = flow.getNodesBounds(ids);
        const fit = Math.min(canvas.clientWidth / bounds.width, canvas.clientHeight / bounds.height) * 0.85;
        if (fit >= READABLE_ZOOM) return void flow.fitView({ nodes: ids.map((n) => ({ id: n })), duration: 400, padding: 0.15, maxZoom: 1.1 });
        const { width, height } = NODE_SIZE[byId.get(id)!.kind];
        void flow.setCenter(at.x + width / 2, at.y + height / 2, { zoom: Math.max(READABLE_ZOOM, flow.getViewport().zoom), duration: 400 });
      }, 60);
    },
    [edges, hidden, byId, flow, frameRef, reveal, positions, keyboard],
  );

  const clearFocus = useCallback(() => {
    const previous = focusId;
    setSelected(null);
    if (previous && keyboard.current) {
      const element = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(previous)}"]`);
      element?.focus();
    }
  }, [focusId, keyboard]);

  /** Escape, a click on the background, or the panel's close button: nothing selected at all. */
  const clearAll = useCallback(() => {
    setSelectedEdge(null);
    clearFocus();
  }, [clearFocus]);

  useEffect(() => {
    clearFocusRef.current = clearAll;
  }, [clearAll]);

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
    setSelected(null);
    setSelectedEdge(picked.id);
  }, [keyboard]);

  const addDependency = editing.add;
  const onConnect = useCallback(
    (connection: Connection) => {
      const dependency = dependencyOfConnection(connection);
      if (dependency) addDependency(dependency);
    },
    [addDependency],
  );

  // Start where the text is readable: the whole map if it fits at a legible zoom, otherwise the
  // readable zoom centred on open and blocked work (first-view.ts). "Show all" shows everything.
  const boxes = useMemo(() => viewNodes(nodes, positions, hidden, layout?.lanes), [nodes, positions, hidden, layout]);
  const showReadably = useCallback(
    (instance: ReactFlowInstance<MapFlowNode, MapFlowEdge>) => {
      const canvas = frameRef.current?.querySelector<HTMLElement>(".react-flow");
      if (!layout || !canvas) return void instance.fitView({ padding: 0.08, maxZoom: 1 });
      void instance.setViewport(mapOpeningView(boxes, { width: canvas.clientWidth, height: canvas.clientHeight, readableZoom: READABLE_ZOOM }));
    },
    [layout, frameRef, boxes],
  );

  const flowNodes = useMemo<MapFlowNode[]>(() => {
    if (!layout) return [];
    const stateOf = (id: string): FocusState => {
      if (!focus) return "none";
      if (id === focusId) return "focus";
      if (focus.upstream.has(id)) return "upstream";
      return focus.downstream.has(id) ? "downstream" : "dimmed";
    };
    return nodes.map((node) => {
      const at = positions.get(node.id)!;
      return {
        id: node.id,
        type: node.kind,
        position: { x: at.x, y: at.y },
        ...NODE_SIZE[node.kind],
        data: { node, focus: stateOf(node.id) },
        hidden: hidden.has(node.kind),
        selected: node.id === focusId,
        draggable: false,
        connectable: editing.enabled && node.kind === "milestone",
        ariaLabel: `${KIND_LABEL[node.kind].one} ${node.kind === "milestone" ? `${node.sublabel} ` : ""}${node.label}, ${statusLabel(node.kind === "service" ? "lifecycle" : node.kind, node.status)}`,
      };
    });
  }, [layout, nodes, positions, focus, focusId, hidden, editing.enabled]);

  // Cycles among services are allowed but marked, on both maps.
  const cycles = useMemo(() => serviceCycles(nodes, edges), [nodes, edges]);
  const flowEdges = useMemo(
    () => toFlowEdges(edges, { byId, routes, hidden, focusEdges: focus?.edges ?? null, selectedEdgeId, plannable: editing.enabled, cycles }),
    [edges, byId, routes, focus, hidden, selectedEdgeId, editing.enabled, cycles],
  );

  const counts = useMemo(() => {
    const result: Record<MapNodeKind, number> = { handoff: 0, milestone: 0, service: 0 };
    for (const node of nodes) result[node.kind]++;
    return result;
  }, [nodes]);
  const blocked = useMemo(() => flowEdges.filter((e) => e.data?.blocking).length, [flowEdges]);
  // Semantic zoom: zoomed out, React Flow draws nothing and MapOverview's canvas draws tiles.
  const level = useDetailLevel();
  const drawn = useLevelOfDetail(level, flowNodes, flowEdges, nodes.length > VIRTUALIZE_ABOVE, onPath);
  const overflows = useOverflows(layout);
  const visibleKinds = KIND_ORDER.filter((kind) => !hidden.has(kind));
  // The services map draws services only: no kinds to choose between, no milestone colours.
  const kinds = lanes ? [] : KIND_ORDER;
  const visibleNodes = useMemo(() => nodes.filter((n) => !hidden.has(n.kind)), [nodes, hidden]);
  const visibleEdges = useMemo(() => edges.filter((_, i) => !flowEdges[i].hidden), [edges, flowEdges]);
  const focused = focusId ? byId.get(focusId) : undefined;
  const related = (ids: Set<string> | undefined) => nodes.filter((n) => ids?.has(n.id) && !hidden.has(n.kind));

  const toggleKind = (kind: MapNodeKind) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <div className={styles.chips} role="group" aria-label="Show on the map" hidden={kinds.length === 0}>
          {kinds.map((kind) => (
            <button key={kind} type="button" className={styles.chip} data-kind={kind} aria-pressed={!hidden.has(kind)} onClick={() => toggleKind(kind)} disabled={counts[kind] === 0}>
              <span className={styles.swatch} data-kind={kind} aria-hidden />
              {KIND_LABEL[kind].many}
              <span className={styles.count}>{counts[kind]}</span>
            </button>
          ))}
        </div>
        <p className={styles.hint}>
          {blocked > 0 && (
            <span className={styles.blockedNote}>
              {blocked} blocked {blocked === 1 ? "dependency" : "dependencies"} ·{" "}
            </span>
          )}
          Click a node to trace what it depends on and what depends on it.
        </p>
        <MapZoomControls boxes={boxes} minZoom={MIN_ZOOM} maxZoom={2} />
        <button type="button" className={styles.listToggle} aria-expanded={showList} aria-controls="map-list" onClick={() => setShowList((v) => !v)}>
          {showList ? "Hide list" : "Show as list"}
        </button>
      </div>

      {editing.enabled && (
        <p className={styles.planHint}>
          <span className={styles.planDot} aria-hidden />
          To add a dependency, drag from a milestone&apos;s right-hand handle to the milestone that must wait for it (or focus a milestone and add a prerequisite); select a dependency to remove it.
        </p>
      )}
      <div className={styles.frame} ref={frameRef}>
        <div className={styles.canvas}>
          {layout ? (
            <ReactFlow<MapFlowNode, MapFlowEdge>
              nodes={drawn.nodes}
              edges={drawn.edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodesChange={onNodesChange}
              onPaneClick={clearAll}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              isValidConnection={(c) => dependencyOfConnection(c) !== null}
              nodesDraggable={false}
              nodesConnectable={editing.enabled}
              edgesFocusable={false}
              deleteKeyCode={null}
              selectionKeyCode={null}
              multiSelectionKeyCode={null}
              onInit={showReadably}
              minZoom={MIN_ZOOM}
              maxZoom={2}
              onlyRenderVisibleElements={nodes.length > VIRTUALIZE_ABOVE}
              className={styles.flow}
              aria-label={label}
            >
              {layout.lanes && lanes && <MapLanes lanes={layout.lanes} labels={lanes.labels} />}
              {/* Zoomed out, the dots would be a fraction of a pixel apart: costly, and noise. */}
              {level === "cards" && <Background variant={BackgroundVariant.Dots} gap={22} size={1.2} />}
              <MapOverview nodes={nodes} edges={edges} positions={positions} routes={routes} hidden={hidden} lanes={layout.lanes} laneLabels={lanes?.labels} edgesAtCards={nodes.length > VIRTUALIZE_ABOVE} focusId={focusId} focus={focus} />
              {level === "cards" && overflows && nodes.length <= MINIMAP_MAX && (
                <MiniMap<MapFlowNode>
                  position="bottom-right"
                  pannable
                  zoomable
                  ariaLabel="Overview of the whole map"
                  nodeColor={(n) => statusColor(n.data.node)}
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
            plan={
              editing.enabled && focused.kind === "milestone" ? (
                <MapAddPrerequisite node={focused} candidates={prerequisiteChoices(nodes, edges, focused.id)} pending={editing.pending} onAdd={(id) => onConnect({ source: id, target: focused.id, sourceHandle: null, targetHandle: null })} />
              ) : null
            }
          />
        )}
      </div>
      <p className="sr-only" aria-live="polite">
        {focused ? `Focused ${focused.label}: ${focus?.upstream.size ?? 0} upstream, ${focus?.downstream.size ?? 0} downstream.` : ""}
      </p>

      {showList && <MapList id="map-list" kinds={visibleKinds} nodes={visibleNodes} edges={visibleEdges} byId={byId} focusId={focusId} onFocus={(id) => focusOn(id, "list")} />}
    </div>
  );
}
