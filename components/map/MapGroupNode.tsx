// A collapsed group on the map: a paper's subtree, a paper's milestones or a whole lane drawn as
// one card, with its counts, its rolled-up status (lib/graph/collapse) and a button to expand it.
// The card is a React Flow node like the others: Tab reaches it, Enter selects it (the side panel
// then lists its members), and the Expand button is reachable by Tab within it.
import { memo, type CSSProperties } from "react";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { GROUP_SIZE, type GroupKind, type GroupRollup, type MapGroup, type RollupStatus } from "@/lib/graph/collapse";
import type { FindState } from "./MapNodes";
import styles from "./MapGroupNode.module.css";

export type GroupNodeData = {
  group: MapGroup;
  /** Lit or dimmed by the map's highlight (critical path, blocked and slipping chains). */
  highlight?: "critical" | "risk" | "dim";
  /** Focus elsewhere, or a search it does not match. */
  dimmed?: boolean;
  /** A search match (by its title or a member's), or the match stepped to. */
  find?: FindState;
  onExpand: (groupId: string) => void;
};
export type GroupFlowNode = Node<GroupNodeData, "collapsed">;

export const ROLLUP_LABEL: Record<RollupStatus, string> = {
  done: "Done",
  blocked: "Blocked",
  slipping: "Slipping",
  in_progress: "In progress",
  planned: "Not started",
};

const ROLLUP_TONE: Record<RollupStatus, string> = { done: "green", blocked: "red", slipping: "amber", in_progress: "blue", planned: "gray" };

/** The rolled-up status's colour (grey for a group without milestones). */
export function rollupColor(status: RollupStatus | null): string {
  return `var(--tone-${status ? ROLLUP_TONE[status] : "gray"}-solid)`;
}

export const GROUP_KIND_LABEL: Record<GroupKind, string> = { paper: "Handoff and its work", milestones: "Milestones", lane: "Lane" };

/** "3 of 7 done · 1 blocked · 2 slipping", or "" without milestones. */
export function rollupSummary(rollup: GroupRollup): string {
  if (rollup.milestones === 0) return "";
  const parts = [`${rollup.finished} of ${rollup.milestones} done`];
  if (rollup.blocked) parts.push(`${rollup.blocked} blocked`);
  if (rollup.slipping) parts.push(`${rollup.slipping} slipping`);
  return parts.join(" · ");
}

/** What a screen reader hears for the card. */
export function groupAriaLabel(group: MapGroup): string {
  const status = group.rollup.status ? `, ${ROLLUP_LABEL[group.rollup.status].toLowerCase()}` : "";
  return `Collapsed ${GROUP_KIND_LABEL[group.groupKind].toLowerCase()}: ${group.title}, ${group.summary}${status}`;
}

export const MapGroupNode = memo(function MapGroupNode({ data }: NodeProps<GroupFlowNode>) {
  const { group, highlight, dimmed, find, onExpand } = data;
  const { rollup } = group;
  const open = rollup.milestones - rollup.finished;
  return (
    <div
      className={styles.group}
      data-testid="map-group"
      data-group={group.id}
      data-status={rollup.status ?? "none"}
      data-highlight={highlight}
      data-dimmed={dimmed || undefined}
      data-find={find}
      style={{ ...GROUP_SIZE, "--status": rollupColor(rollup.status) } as CSSProperties}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className={styles.handle} />
      <div className={styles.top}>
        <span className={styles.kind}>{GROUP_KIND_LABEL[group.groupKind]}</span>
        {rollup.status && (
          <span className={styles.status} data-testid="map-group-status">
            <span className={styles.dot} aria-hidden />
            {ROLLUP_LABEL[rollup.status]}
          </span>
        )}
      </div>
      <div className={styles.title} title={`${group.title} — ${group.summary}`}>
        {group.title}
      </div>
      <div className={styles.bottom}>
        <span className={styles.summary} data-testid="map-group-summary">
          {group.summary}
        </span>
        <button
          type="button"
          className={`${styles.expand} nodrag nopan`}
          onClick={(event) => {
            event.stopPropagation();
            onExpand(group.id);
          }}
          onKeyDown={(event) => event.stopPropagation()}
          aria-label={`Expand ${group.title}`}
        >
          Expand
        </button>
      </div>
      {rollup.milestones > 0 && (
        <span className={styles.bar} aria-label={rollupSummary(rollup)} role="img" data-testid="map-group-counts">
          <span style={{ flexGrow: rollup.finished, background: rollupColor("done") }} />
          <span style={{ flexGrow: rollup.blocked, background: rollupColor("blocked") }} />
          <span style={{ flexGrow: Math.max(0, open - rollup.blocked), background: "var(--border-strong)" }} />
        </span>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} className={styles.handle} />
    </div>
  );
});
