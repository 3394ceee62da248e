// The body of the timeline: row stripes, week and month lines, today's line, the dependency arrows
// and one bar per milestone. Each bar is an image named by what it says (describeBar); its colour
// follows its status and whether its dates are planned or computed (data attributes). The bars are
// one markup string (markup.ts); the arrows are four paths in all (lines and heads, ordinary and
// critical), not one element per arrow.
import type { TimelineLayout } from "@/lib/plan/timeline";
import { dayLabel } from "./describe";
import { barsMarkup, type RowClasses } from "./markup";
import styles from "./timeline.module.css";

const HEAD = 5;

export function TimelineBars({ layout, rowClasses }: { layout: TimelineLayout; rowClasses: RowClasses }) {
  const { width, height, rowHeight, todayX } = layout;
  let weekLines = "";
  for (const t of layout.weeks) weekLines += `M${t.x} 0V${height}`;
  let monthLines = "";
  for (const t of layout.months.slice(1)) monthLines += `M${t.x} 0V${height}`;
  const lines = ["", ""];
  const heads = ["", ""];
  for (const a of layout.arrows) {
    const k = a.critical ? 1 : 0;
    lines[k] += a.d;
    heads[k] += `M${a.tip.x - HEAD} ${a.tip.y - HEAD * 0.7}L${a.tip.x} ${a.tip.y}L${a.tip.x - HEAD} ${a.tip.y + HEAD * 0.7}z`;
  }
  return (
    <svg className={styles.chart} width={width} height={height} role="group" aria-label="Milestone bars">
      <defs>
        <pattern id="timeline-rows" width={8} height={2 * rowHeight} patternUnits="userSpaceOnUse">
          <rect y={rowHeight} width={8} height={rowHeight} className={styles.stripe} />
        </pattern>
        <pattern id="timeline-slip" width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width={6} height={6} className={styles.slipBack} />
          <line x1={0} y1={0} x2={0} y2={6} className={styles.slipHatch} />
        </pattern>
      </defs>
      <rect width={width} height={height} fill="url(#timeline-rows)" />
      {weekLines && <path d={weekLines} className={styles.weekLine} />}
      {monthLines && <path d={monthLines} className={styles.monthLine} />}
      <line x1={todayX} x2={todayX} y1={0} y2={height} className={styles.todayLine} role="img" aria-label={`Today, ${dayLabel(layout.today)}`} data-testid="timeline-today" />
      <path d={lines[0]} className={styles.arrow} data-arrows="dependency" />
      <path d={heads[0]} className={styles.arrowHead} />
      <path d={lines[1]} className={styles.arrow} data-arrows="critical" />
      <path d={heads[1]} className={styles.arrowHead} data-critical />
      <g dangerouslySetInnerHTML={{ __html: barsMarkup(layout, rowClasses) }} />
    </svg>
  );
}
