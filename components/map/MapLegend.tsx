// The map's legend: status colours (milestones on a project map, lifecycles on the services map)
// and the kinds of link, as drawn on the canvas, with the mark of a cycle among services.
import type { CSSProperties } from "react";
import { statusLabel, statusTone, statusValues, toneColor } from "@/components/ui/status";
import type { MapEdgeKind } from "@/lib/graph/types";
import { EDGE_DASH, EDGE_KIND_ORDER, EDGE_LABEL, EDGE_TONE } from "./map-model";
import { ROLLUP_LABEL, rollupColor } from "./MapGroupNode";
import styles from "./ProjectMap.module.css";

type Props = {
  /** Whose colours the nodes wear. Default "milestone". */
  status?: "milestone" | "lifecycle";
  /** The kinds of link on this map. Default all. */
  edgeKinds?: readonly MapEdgeKind[];
  /** Show how a link on a cycle among services is drawn. */
  cycles?: boolean;
  /** The highlight in force (critical path, blocked and slipping chains), if any. */
  highlight?: "critical" | "risk" | null;
  /** Collapsed groups are drawn: show their rolled-up status colours. */
  groups?: boolean;
};

export function Legend({ status = "milestone", edgeKinds = EDGE_KIND_ORDER, cycles = false, highlight = null, groups = false }: Props) {
  return (
    <details className={styles.legend} data-testid="map-legend">
      <summary>Legend</summary>
      <div className={styles.legendBody}>
        <div className={styles.legendGroup}>
          <span className={styles.legendHeading}>{status === "milestone" ? "Milestone status" : "Service lifecycle"}</span>
          {statusValues(status).map((value) => (
            <span key={value} className={styles.legendItem}>
              <span className={styles.legendDot} style={{ background: status === "milestone" ? `var(--milestone-${value})` : toneColor(statusTone(status, value)) }} aria-hidden />
              {statusLabel(status, value)}
            </span>
          ))}
        </div>
        {groups && (
          <div className={styles.legendGroup}>
            <span className={styles.legendHeading}>Collapsed groups</span>
            {(["done", "blocked", "slipping", "in_progress", "planned"] as const).map((value) => (
              <span key={value} className={styles.legendItem}>
                <span className={styles.legendDot} style={{ background: rollupColor(value) }} aria-hidden />
                {ROLLUP_LABEL[value]}
              </span>
            ))}
            <span className={styles.legendItem}>
              <span className={styles.legendCount} aria-hidden>×3</span>
              links merged into one
            </span>
          </div>
        )}
        <div className={styles.legendGroup}>
          <span className={styles.legendHeading}>Links</span>
          {edgeKinds.map((kind) => (
            <span key={kind} className={styles.legendItem}>
              <LineSample stroke={EDGE_TONE[kind]} dash={EDGE_DASH[kind]} />
              {EDGE_LABEL[kind]}
            </span>
          ))}
          {edgeKinds.includes("depends") && (
            <span className={styles.legendItem}>
              <LineSample stroke="var(--tone-red-solid)" dash="6 4" />
              blocked dependency
            </span>
          )}
          {highlight === "critical" && (
            <span className={styles.legendItem} data-testid="legend-critical">
              <LineSample stroke="var(--tone-orange-solid)" />
              on the critical path (lit; the rest dimmed)
            </span>
          )}
          {highlight === "risk" && (
            <span className={styles.legendItem} data-testid="legend-risk">
              <LineSample stroke="var(--tone-red-solid)" />
              blocked or slipping, and the chain leading to it
            </span>
          )}
          {cycles && (
            <span className={styles.legendItem} data-testid="legend-cycle">
              <LineSample stroke="var(--tone-blue-solid)" halo />
              on a cycle among services
            </span>
          )}
        </div>
      </div>
    </details>
  );
}

function LineSample({ stroke, dash, halo = false }: { stroke: string; dash?: string; halo?: boolean }) {
  return (
    <svg width="28" height="10" aria-hidden className={styles.lineSample}>
      {halo && <line x1="3" y1="5" x2="25" y2="5" style={{ stroke: "var(--tone-orange-solid)", strokeOpacity: 0.35, strokeWidth: 7, strokeLinecap: "round" }} />}
      <line x1="1" y1="5" x2="27" y2="5" style={{ stroke, strokeDasharray: dash, strokeWidth: 2 } as CSSProperties} />
    </svg>
  );
}
