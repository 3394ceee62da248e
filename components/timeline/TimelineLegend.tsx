// What the timeline's marks mean, drawn with the same classes as the chart so that the two always match.
import type { ReactNode } from "react";
import styles from "./timeline.module.css";

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg className={styles.swatch} width={36} height={16} aria-hidden>
      {children}
    </svg>
  );
}

const bar = (status: string, kind: "planned" | "computed", extra?: ReactNode) => (
  <g className={styles.bar} data-status={status} data-kind={kind}>
    <rect x={2} y={3} width={30} height={10} rx={3} className={styles.fill} />
    {extra}
  </g>
);

export function TimelineLegend() {
  const items: [ReactNode, string][] = [
    [bar("in_progress", "planned"), "Planned dates: start to due date"],
    [bar("in_progress", "computed"), "Computed dates: earliest start to earliest finish (start or due date not set)"],
    [bar("done", "planned"), "Done"],
    [bar("blocked", "planned"), "Blocked"],
    [
      <g key="c" className={styles.bar} data-status="planned" data-kind="planned" data-critical>
        <rect x={1} y={1} width={34} height={14} rx={4} className={styles.criticalOutline} />
        <rect x={3} y={3} width={30} height={10} rx={3} className={styles.fill} />
      </g>,
      "Critical path (outlined, with bold arrows)",
    ],
    [
      <g key="s" className={styles.bar} data-status="in_progress" data-kind="planned">
        <rect x={0} y={3} width={16} height={10} rx={3} className={styles.fill} />
        <rect x={16} y={3} width={18} height={10} className={styles.slip} />
      </g>,
      "Slip: earliest finish past the due date (+days)",
    ],
    [<path key="d" d="M18 1l4 7-4 7-4-7z" className={styles.due} />, "Due date of a computed bar"],
    [
      bar("planned", "planned", <path d="M2 15h30" className={styles.risk} />),
      "At risk: something upstream is blocked, off track or late",
    ],
    [<line key="t" x1={18} x2={18} y1={0} y2={16} className={styles.todayLine} />, "Today"],
  ];
  return (
    <ul className={styles.legend} aria-label="Legend">
      {items.map(([mark, text]) => (
        <li key={text}>
          <Swatch>{mark}</Swatch>
          {text}
        </li>
      ))}
    </ul>
  );
}
