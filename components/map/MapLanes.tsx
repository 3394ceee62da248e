"use client";
// A map's lanes (papers, milestones, services by layer; on the services map, the layers alone):
// a labelled band per lane behind the nodes, with its count, drawn in the canvas's own
// coordinates (React Flow's viewport portal) so that they pan and zoom with the map. The labels
// stay at the top of the canvas while the map is panned down, so every lane stays named.
import { ViewportPortal, useStore, type ReactFlowState } from "@xyflow/react";
import type { LaneBox } from "@/lib/graph/lanes";
import styles from "./ProjectMap.module.css";

type Props = {
  lanes: readonly LaneBox[];
  labels: Readonly<Record<string, string>>;
  /** Collapsed group ids: a lane collapsed is `lane:<lane>` (lib/graph/collapse). */
  collapsed?: ReadonlySet<string>;
  /** Collapse or expand a lane; without it, lanes have no such button. */
  onToggle?: (lane: string) => void;
};

/** How far below the lanes' top edge the canvas's top edge is, in the map's coordinates. */
const scrolledBy = (s: ReactFlowState) => Math.max(0, Math.round(-s.transform[1] / s.transform[2]));

export function MapLanes({ lanes, labels, collapsed, onToggle }: Props) {
  const scrolled = useStore(scrolledBy);
  return (
    <ViewportPortal>
      {lanes.map((lane, i) => (
        <div
          key={lane.lane}
          className={styles.lane}
          data-lane={lane.lane}
          data-odd={i % 2 === 1 || undefined}
          style={{ transform: `translate(${lane.x}px, ${lane.y}px)`, width: lane.width, height: lane.height }}
        >
          <div className={styles.laneHead} style={{ transform: `translateY(${Math.min(scrolled, Math.max(0, lane.height - 48))}px)` }}>
            <span className={styles.laneLabel}>
              {labels[lane.lane] ?? lane.lane} <span className={styles.count}>{lane.count}</span>
            </span>
            {onToggle && (
              <button type="button" className={`${styles.laneToggle} nodrag nopan`} onClick={() => onToggle(lane.lane)} aria-pressed={collapsed?.has(`lane:${lane.lane}`) ?? false}>
                {collapsed?.has(`lane:${lane.lane}`) ? "Expand" : "Collapse"}
                <span className="sr-only"> the {labels[lane.lane] ?? lane.lane} lane</span>
              </button>
            )}
          </div>
        </div>
      ))}
    </ViewportPortal>
  );
}
