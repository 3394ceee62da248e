"use client";
// The project map: papers → milestones → services, laid out by lib/graph/layout and drawn with
// React Flow. Click (or Enter on) a node to focus it: its upstream and downstream stay lit, the
// rest dims, and a side panel shows its details. Escape or a click on the background clears it.
// Filter chips hide node kinds; "Show as list" renders the same map as tables. Roles that may plan
// draw a dependency by dragging between milestone handles, or add one from the panel, and select
// a dependency edge to remove it (useDependencyEditing: the server decides, naming any cycle).
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type Connection, type EdgeChange, type NodeChange, type ReactFlowInstance } from "@xyflow/react";
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
import { MapCollapseToolbar, MapGroupDetails, MapPaperCollapse } from "./MapCollapse";
import { groupAriaLabel, rollupColor } from "./MapGroupNode";
import { laneGroupId, useCollapse, type HighlightMode } from "./useCollapse";
import { GROUP_SIZE } from "@/lib/graph/collapse";
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


/** The smallest zoom the map opens at: below it node titles stop being readable. */
const READABLE_ZOOM = 0.7;
/** Above this many nodes React Flow draws only what is in view. */
const VIRTUALIZE_ABOVE = 300;

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

function MapView({ nodes: allNodes, edges: allEdges, dependencies, lanes, label = "Project map" }: ProjectMapProps) {
  const flow = useReactFlow<MapFlowNode, MapFlowEdge>();
  const layout = useMapLayout(allNodes, allEdges, lanes?.order);
  // Collapsed groups and the highlight (useCollapse): what is drawn. `collapsed` is view state,
  // ready to live in the URL (`collapsed=<id>,<id>`, see formatCollapsed/parseCollapsed).
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [highlightMode, setHighlightMode] = useState<HighlightMode | null>(null);
  const view = useCollapse(allNodes, allEdges, layout, collapsed, setCollapsed, highlightMode);
  const { nodes, edges } = view;
  const allById = useMemo(() => new Map(allNodes.map((n) => [n.id, n])), [allNodes]);
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
  const selectedGroup = selected ? view.groupById.get(selected) : undefined;

  // Keyboard users get keyboard focus moved to the details panel and back (useKeyboardTracking).
  const moveFocusToPanel = useRef(false);
  const clearFocusRef = useRef<() => void>(() => setSelected(null));
  const keyboard = useKeyboardTracking(clearFocusRef);
  useEffect(() => {
    if ((focusId || selectedEdgeId || selectedGroup) && moveFocusToPanel.current) headingRef.current?.focus();
    moveFocusToPanel.current = false;
  }, [focusId, selectedEdgeId, selectedGroup]);

  const positions = view.positions;
  const routes: ReadonlyMap<number, Point[]> = view.routes;

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
      const ids = [id, ...around.upstream, ...around.downstream].filter((n) => !byId.has(n) || !hidden.has(byId.get(n)!.kind));
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

  // Start where the text is readable: the whole map if it fits at a legible zoom, otherwise its
  // left end (the papers), vertically centred. The fit-view control still shows everything.
  const showReadably = useCallback(
    (instance: ReactFlowInstance<MapFlowNode, MapFlowEdge>) => {
      const canvas = frameRef.current?.querySelector<HTMLElement>(".react-flow");
      if (!layout || !canvas) return void instance.fitView({ padding: 0.08, maxZoom: 1 });
      const pad = 24;
      const fit = Math.min((canvas.clientWidth - 2 * pad) / layout.width, (canvas.clientHeight - 2 * pad) / layout.height);
      const zoom = Math.min(1, Math.max(READABLE_ZOOM, fit));
      const x = zoom === fit || layout.width * zoom <= canvas.clientWidth - 2 * pad ? (canvas.clientWidth - layout.width * zoom) / 2 : pad;
      const y = layout.height * zoom <= canvas.clientHeight - 2 * pad ? (canvas.clientHeight - layout.height * zoom) / 2 : pad;
      void instance.setViewport({ x, y, zoom });
    },
    [layout, frameRef],
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
        data: { node, focus: stateOf(node.id), ...(view.highlight ? { highlight: view.highlight.nodes.has(node.id) ? view.highlight.mode : "dim" } : {}) },
        hidden: hidden.has(node.kind),
        selected: node.id === focusId,
        draggable: false,
        connectable: editing.enabled && node.kind === "milestone",
        ariaLabel: `${KIND_LABEL[node.kind].one} ${node.kind === "milestone" ? `${node.sublabel} ` : ""}${node.label}, ${statusLabel(node.kind === "service" ? "lifecycle" : node.kind, node.status)}`,
      };
    });
  }, [layout, nodes, positions, focus, focusId, hidden, editing.enabled, view.highlight]);
  const groupFlowNodes = useMemo<MapFlowNode[]>(
    () =>
      view.groups.map((group) => ({
        id: group.id,
        type: "collapsed" as const,
        position: positions.get(group.id)!,
        ...GROUP_SIZE,
        data: { group, onExpand: view.toggle, dimmed: focus !== null && !focus.upstream.has(group.id) && !focus.downstream.has(group.id), ...(view.highlight ? { highlight: view.highlight.nodes.has(group.id) ? view.highlight.mode : "dim" } : {}) },
        selected: group.id === selected,
        draggable: false,
        connectable: false,
        ariaLabel: groupAriaLabel(group),
      })),
    [view.groups, view.toggle, view.highlight, positions, focus, selected],
  );
  const drawnNodes = useMemo(() => [...flowNodes, ...groupFlowNodes], [flowNodes, groupFlowNodes]);

  // Cycles among services are allowed but marked, on both maps.
  const cycles = useMemo(() => serviceCycles(nodes, edges), [nodes, edges]);
  const flowEdges = useMemo(
    () => toFlowEdges(edges, { byId, routes, hidden, focusEdges: focus?.edges ?? null, selectedEdgeId, plannable: editing.enabled, cycles, groups: view.groupById, highlight: view.highlight }),
    [edges, byId, routes, focus, hidden, selectedEdgeId, editing.enabled, cycles, view.groupById, view.highlight],
  );

  const counts = useMemo(() => {
    const result: Record<MapNodeKind, number> = { handoff: 0, milestone: 0, service: 0 };
    for (const node of allNodes) result[node.kind]++;
    return result;
  }, [allNodes]);
  const blocked = useMemo(() => flowEdges.filter((e) => e.data?.blocking).length, [flowEdges]);
  const visibleKinds = KIND_ORDER.filter((kind) => !hidden.has(kind));
  // The services map draws services only: no kinds to choose between, no milestone colours.
  const kinds = lanes ? [] : KIND_ORDER;
  // The list shows the whole map, collapsed groups or not.
  const visibleNodes = useMemo(() => allNodes.filter((n) => !hidden.has(n.kind)), [allNodes, hidden]);
  const visibleEdges = useMemo(() => allEdges.filter((e) => !hidden.has(allById.get(e.source)!.kind) && !hidden.has(allById.get(e.target)!.kind)), [allEdges, allById, hidden]);
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
        <MapCollapseToolbar view={view} highlight={highlightMode} onHighlight={setHighlightMode} planned={!lanes && counts.milestone > 0} />
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
              nodes={drawnNodes}
              edges={flowEdges}
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
              minZoom={0.05}
              maxZoom={2}
              onlyRenderVisibleElements={nodes.length > VIRTUALIZE_ABOVE}
              className={styles.flow}
              aria-label={label}
            >
              {layout.lanes && lanes && <MapLanes lanes={layout.lanes} labels={lanes.labels} collapsed={collapsed} onToggle={(lane) => view.toggle(laneGroupId(lane))} />}
              <Background variant={BackgroundVariant.Dots} gap={22} size={1.2} />
              <Controls showInteractive={false} position="bottom-left" aria-label="Zoom controls" />
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
            groups={view.groups.length > 0}
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
              ) : focused.kind === "handoff" ? (
                <MapPaperCollapse node={focused} view={view} onCollapsed={(id) => focusOn(id, "panel")} />
              ) : null
            }
          />
        )}
        {selectedGroup && (
          <MapGroupDetails
            key={selectedGroup.id}
            group={selectedGroup}
            byId={allById}
            onExpand={(groupId, member) => {
              view.toggle(groupId);
              if (member) focusOn(member, "panel");
              else setSelected(null);
            }}
            onClose={clearAll}
            headingRef={headingRef}
          />
        )}
      </div>
      <p className="sr-only" aria-live="polite">
        {focused ? `Focused ${focused.label}: ${focus?.upstream.size ?? 0} upstream, ${focus?.downstream.size ?? 0} downstream.` : ""}
      </p>

      {showList && <MapList id="map-list" kinds={visibleKinds} nodes={visibleNodes} edges={visibleEdges} byId={allById} focusId={focusId} onFocus={(id) => {
        // A node inside a collapsed group: expand the group first.
        const group = view.groupOf.get(id);
        if (group) view.toggle(group);
        focusOn(id, "list");
      }} />}
    </div>
  );
}
