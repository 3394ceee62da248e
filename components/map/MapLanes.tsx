"use client";
// A map's lanes (papers, milestones, services by layer; on the services map, the layers alone):
// a labelled band per lane behind the nodes, with its count, drawn in the canvas's own
// coordinates (React Flow's viewport portal) so that they pan and zoom with the map.
import { ViewportPortal } from "@xyflow/react";
import type { LaneBox } from "@/lib/graph/lanes";
import styles from "./ProjectMap.module.css";

export function MapLanes({ lanes, labels }: { lanes: readonly LaneBox[]; labels: Readonly<Record<string, string>> }) {
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
          <span className={styles.laneLabel}>
            {labels[lane.lane] ?? lane.lane} <span className={styles.count}>{lane.count}</span>
          </span>
        </div>
      ))}
    </ViewportPortal>
  );
}
