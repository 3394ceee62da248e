// The three node cards drawn on the map. Sizes are fixed (NODE_SIZE) because the layout places
// them before they render; the CSS keeps content within those boxes.
import { memo, type CSSProperties, type ReactNode } from "react";
import { Handle, Position, type Node, type NodeHandle, type NodeProps } from "@xyflow/react";
import { IconFileText, IconFlag, IconServer } from "@/components/ui/icons";
import { statusLabel } from "@/components/ui/status";
import type { MapNode } from "@/lib/graph/types";
import { NODE_SIZE, STATUS_KIND, statusColor } from "./map-model";
import { MapGroupNode, type GroupFlowNode } from "./MapGroupNode";
import styles from "./MapNodes.module.css";
import arrangeStyles from "./MapArrange.module.css";

/** How a node relates to the focused one: drawn brighter or dimmer accordingly. */
export type FocusState = "none" | "focus" | "upstream" | "downstream" | "dimmed";

/** Whether a node matches the map's search, and whether it is the match stepped to. */
export type FindState = "match" | "current" | undefined;

export type MapNodeData = {
  node: MapNode;
  focus: FocusState;
  find?: FindState;
  /** Someone dragged the node and pinned it there for the team (MapArrangeControls). */
  pinned?: boolean;
  /** Lit by the map's highlight (critical path, or blocked and slipping chains), or dimmed by it. */
  highlight?: "critical" | "risk" | "dim";
};
export type CardFlowNode = Node<MapNodeData, MapNode["kind"]>;
/** A node card, or a collapsed group (MapGroupNode). */
export type MapFlowNode = CardFlowNode | GroupFlowNode;

/**
 * Handles anchor the edges; on milestones, for roles that may plan, they are also drawn and
 * dragged: from a milestone's right-hand handle to the milestone that must wait for it.
 */
function Frame({ data, connectable = false, children }: { data: MapNodeData; connectable?: boolean; children: ReactNode }) {
  const { node, focus, highlight } = data;
  const live = connectable || undefined;
  return (
    <div
      className={styles.node}
      data-kind={node.kind}
      data-focus={focus}
      data-find={data.find}
      data-highlight={highlight}
      data-connectable={live}
      style={{ ...NODE_SIZE[node.kind], "--status": statusColor(node) } as CSSProperties}
    >
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={connectable}
        className={styles.handle}
        data-live={live}
        title={live && `Drag to the milestone ${node.sublabel} must wait for`}
      />
      {children}
      {data.pinned && <PinMarker />}
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={connectable}
        className={styles.handle}
        data-live={live}
        title={live && `Drag to a milestone that must wait for ${node.sublabel}`}
      />
    </div>
  );
}

function PinMarker() {
  return (
    <span className={arrangeStyles.pin} title="Pinned here for the team" data-testid="map-pin">
      <svg width="10" height="10" viewBox="0 0 16 16" fill="currentColor" aria-hidden>
        <path d="M10.5 1.5 14.5 5.5 12.8 6.2 10.3 8.7 10.6 12.2 9.5 13.3 6.6 10.4 2.6 14.4 1.6 13.4 5.6 9.4 2.7 6.5 3.8 5.4 7.3 5.7 9.8 3.2Z" />
      </svg>
      <span className="sr-only">Pinned</span>
    </span>
  );
}

function StatusPill({ node }: { node: MapNode }) {
  return (
    <span className={styles.status}>
      <span className={styles.dot} aria-hidden />
      {statusLabel(STATUS_KIND[node.kind], node.status)}
    </span>
  );
}

export const HandoffNode = memo(function HandoffNode({ data }: NodeProps<CardFlowNode>) {
  const { node } = data;
  return (
    <Frame data={data}>
      <div className={styles.top}>
        <span className={styles.kind}>
          <IconFileText size={12} /> Paper{node.sublabel ? ` · ${node.sublabel}` : ""}
        </span>
      </div>
      <div className={styles.title} title={node.label}>
        {node.label}
      </div>
      <div className={styles.bottom}>
        <StatusPill node={node} />
        {node.owner && <span className={styles.owner}>{node.owner}</span>}
      </div>
    </Frame>
  );
});

/** Health means nothing once a milestone is done or cancelled. */
const FINISHED = new Set(["done", "cancelled"]);

export const MilestoneNode = memo(function MilestoneNode({ data, isConnectable }: NodeProps<CardFlowNode>) {
  const { node } = data;
  return (
    <Frame data={data} connectable={isConnectable}>
      <div className={styles.top}>
        <span className={styles.key}>
          <IconFlag size={12} /> {node.sublabel}
        </span>
        <StatusPill node={node} />
      </div>
      <div className={styles.title} title={node.label}>
        {node.label}
      </div>
      <div className={styles.bottom}>
        {node.health && !FINISHED.has(node.status) && (
          <span className={styles.health} data-health={node.health}>
            <span className={styles.healthDot} aria-hidden />
            {statusLabel("health", node.health)}
          </span>
        )}
        <span className={styles.owner}>{node.owner ?? "Unowned"}</span>
      </div>
    </Frame>
  );
});

export const ServiceNode = memo(function ServiceNode({ data }: NodeProps<CardFlowNode>) {
  const { node } = data;
  return (
    <Frame data={data}>
      <div className={styles.serviceRow}>
        <span className={styles.serviceIcon} aria-hidden>
          <IconServer size={14} />
        </span>
        <span className={styles.serviceName} title={node.label}>
          {node.label}
        </span>
      </div>
      <div className={styles.serviceMeta}>
        <span>{node.sublabel}</span>
        <span aria-hidden>·</span>
        <StatusPill node={node} />
      </div>
    </Frame>
  );
});

/**
 * A card's two handles (1 px, centred on its left and right edges) as React Flow's `handles`: with
 * them a node has handle bounds before it is drawn, so React Flow never renders every card of a
 * large map once to measure them (onlyRenderVisibleElements draws all nodes without bounds; at
 * 2,000 nodes that was seconds on first render and on every rebuild of the node list). A card
 * drawn is measured from the DOM as before.
 */
export function cardHandles({ width, height }: { width: number; height: number }): NodeHandle[] {
  return [
    { type: "target", position: Position.Left, x: -0.5, y: height / 2 - 0.5, width: 1, height: 1 },
    { type: "source", position: Position.Right, x: width - 0.5, y: height / 2 - 0.5, width: 1, height: 1 },
  ];
}

export const nodeTypes = { handoff: HandoffNode, milestone: MilestoneNode, service: ServiceNode, collapsed: MapGroupNode };
