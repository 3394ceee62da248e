"use client";
// A map's lanes (papers, milestones, services by layer; on the services map, the layers alone):
// a labelled band per lane behind the nodes, with its count, drawn in the canvas's own
// coordinates (React Flow's viewport portal) so that they pan and zoom with the map. Each label
// stays in view at the canvas's top edge while its lane is, so every lane on screen stays named.
// Zoomed out to tiles or dots, the canvas (MapOverview) draws the lanes' labels itself, so the
// heads are drawn only among cards.
import { ViewportPortal, useStore, type ReactFlowState } from "@xyflow/react";
import type { LaneBox } from "@/lib/graph/lanes";
import { useDetailLevel } from "./MapOverview";
import styles from "./ProjectMap.module.css";

type Props = {
  lanes: readonly LaneBox[];
  labels: Readonly<Record<string, string>>;
  /** What each lane shows (lane-counts.ts), instead of every node laid out in it. */
  counts?: ReadonlyMap<string, { count: number }>;
  /** Collapsed group ids: a lane collapsed is `lane:<lane>` (lib/graph/collapse). */
  collapsed?: ReadonlySet<string>;
  /** Collapse or expand a lane; without it, lanes have no such button. */
  onToggle?: (lane: string) => void;
};

/** The canvas's top-left corner in the map's coordinates, as "x y" (a string, so that the lanes
 * re-render only when it moves). */
const cornerOf = (s: ReactFlowState) => `${Math.round(-s.transform[0] / s.transform[2])} ${Math.round(-s.transform[1] / s.transform[2])}`;
/** Room a lane's label takes; it never slides past its lane's right edge. */
const HEAD_WIDTH = 220;

export function MapLanes({ lanes, labels, counts, collapsed, onToggle }: Props) {
  const [left, top] = useStore(cornerOf).split(" ").map(Number);
  const cards = useDetailLevel() === "cards";
  return (
    <ViewportPortal>
      {lanes.map((lane, i) => (
        <div
          key={lane.lane}
          className={styles.lane}
          data-lane={lane.lane}
          data-odd={i % 2 === 1 || undefined}
          style={{ transform: `translate(${lane.x}px, ${lane.y}px)`, width: lane.width, height: lane.height }}
        />
      ))}
      {/* The labels above the cards, like a table's sticky header. */}
      {cards &&
        lanes.map((lane) => (
          <div
            key={lane.lane}
            className={styles.laneHead}
            data-lane-head={lane.lane}
            style={{ transform: `translate(${lane.x + clamp(left - lane.x, lane.width - HEAD_WIDTH)}px, ${lane.y + clamp(top - lane.y, lane.height - 48)}px)`, width: Math.min(HEAD_WIDTH, lane.width) }}
          >
            <span className={styles.laneLabel}>
              {labels[lane.lane] ?? lane.lane} <span className={styles.count}>{counts ? (counts.get(lane.lane)?.count ?? 0) : lane.count}</span>
            </span>
            {onToggle && (
              <button type="button" className={`${styles.laneToggle} nodrag nopan`} onClick={() => onToggle(lane.lane)} aria-pressed={collapsed?.has(`lane:${lane.lane}`) ?? false}>
                {collapsed?.has(`lane:${lane.lane}`) ? "Expand" : "Collapse"}
                <span className="sr-only"> the {labels[lane.lane] ?? lane.lane} lane</span>
              </button>
            )}
          </div>
        ))}
    </ViewportPortal>
  );
}

/** 0 ≤ value ≤ max (0 when max is negative). */
function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(value, max));
}
