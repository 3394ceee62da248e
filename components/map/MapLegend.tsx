// The map's legend: milestone status colours and the kinds of link, as drawn on the canvas.
import type { CSSProperties } from "react";
import { statusLabel, statusValues } from "@/components/ui/status";
import { EDGE_DASH, EDGE_KIND_ORDER, EDGE_LABEL, EDGE_TONE } from "./map-model";
import styles from "./ProjectMap.module.css";

export function Legend() {
  return (
    <details className={styles.legend}>
      <summary>Legend</summary>
      <div className={styles.legendBody}>
        <div className={styles.legendGroup}>
          <span className={styles.legendHeading}>Milestone status</span>
          {statusValues("milestone").map((status) => (
            <span key={status} className={styles.legendItem}>
              <span className={styles.legendDot} style={{ background: `var(--milestone-${status})` }} aria-hidden />
              {statusLabel("milestone", status)}
            </span>
          ))}
        </div>
        <div className={styles.legendGroup}>
          <span className={styles.legendHeading}>Links</span>
          {EDGE_KIND_ORDER.map((kind) => (
            <span key={kind} className={styles.legendItem}>
              <LineSample stroke={EDGE_TONE[kind]} dash={EDGE_DASH[kind]} />
              {EDGE_LABEL[kind]}
            </span>
          ))}
          <span className={styles.legendItem}>
            <LineSample stroke="var(--tone-red-solid)" dash="6 4" />
            blocked dependency
          </span>
        </div>
      </div>
    </details>
  );
}

function LineSample({ stroke, dash }: { stroke: string; dash?: string }) {
  return (
    <svg width="28" height="8" aria-hidden className={styles.lineSample}>
      <line x1="1" y1="4" x2="27" y2="4" style={{ stroke, strokeDasharray: dash, strokeWidth: 2 } as CSSProperties} />
    </svg>
  );
}
