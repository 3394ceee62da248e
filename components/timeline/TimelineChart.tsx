// The timeline (Gantt) of a project: a label column that links each row to its milestone, a date
// axis, and the bars with their dependency arrows. Server-rendered SVG over the geometry that
// lib/plan/timeline.ts computed; the label column and the axis stay in place (sticky) while the
// chart scrolls under them. The rows themselves are markup strings (markup.ts says why).
import type { CSSProperties } from "react";
import type { TimelineLayout } from "@/lib/plan/timeline";
import { dayLabel, monthLabel, weekLabel } from "./describe";
import { TimelineBars } from "./TimelineBars";
import { TimelineFocus } from "./TimelineFocus";
import { labelsMarkup, type RowClasses } from "./markup";
import styles from "./timeline.module.css";

const HEADER_HEIGHT = 56;
/** A month label needs about this much room before the next month starts. */
const MONTH_LABEL_ROOM = 56;
/** The "Today" label's room to the right of its line, else it sits on the left. */
const TODAY_LABEL_ROOM = 130;
const SCROLLER_ID = "timeline-chart";

const ROW_CLASSES: RowClasses = {
  bar: styles.bar,
  fill: styles.fill,
  slip: styles.slip,
  slipLabel: styles.slipLabel,
  due: styles.due,
  risk: styles.risk,
  criticalOutline: styles.criticalOutline,
  flag: styles.flag,
  done: styles.done,
};

export function TimelineChart({ layout, milestonesHref }: { layout: TimelineLayout; milestonesHref: string }) {
  // The label column's width is the stylesheet's (--timeline-label), wider on wide screens.
  const frame = { "--timeline-row": `${layout.rowHeight}px`, "--timeline-header": `${HEADER_HEIGHT}px`, "--timeline-chart": `${layout.width}px` } as CSSProperties;
  return (
    <>
      {/* Focusable, so that the chart scrolls from the keyboard too. */}
      <div id={SCROLLER_ID} className={styles.scroller} tabIndex={0} role="region" aria-label="Timeline">
        <div className={styles.grid} style={frame}>
          <div className={styles.corner}>Milestone</div>
          <Axis layout={layout} />
          <ol className={styles.labels} aria-label="Milestones in timeline order" data-timeline-labels dangerouslySetInnerHTML={{ __html: labelsMarkup(layout, milestonesHref, ROW_CLASSES) }} />
          <TimelineBars layout={layout} rowClasses={ROW_CLASSES} />
        </div>
      </div>
      <TimelineFocus scrollerId={SCROLLER_ID} focusX={layout.todayX} />
    </>
  );
}

/** Months, the Mondays under them when there is room, and today's label. Decorative: the dates are in each bar's name. */
function Axis({ layout }: { layout: TimelineLayout }) {
  const { months, weeks, width, todayX, today } = layout;
  const todayOnLeft = todayX + TODAY_LABEL_ROOM > width;
  let grid = "";
  for (const t of months) grid += `M${t.x} 0V36`;
  for (const t of weeks) grid += `M${t.x} 20V36`;
  return (
    <svg className={styles.axis} width={width} height={HEADER_HEIGHT} aria-hidden>
      <path d={grid} className={styles.axisLine} />
      {months.map((t, i) => {
        const next = months[i + 1]?.x ?? width;
        return next - t.x >= MONTH_LABEL_ROOM ? (
          <text key={t.day} x={t.x + 4} y={14} className={styles.month}>
            {monthLabel(t.day)}
          </text>
        ) : null;
      })}
      {weeks.map((t) => (
        <text key={t.day} x={t.x + 3} y={32} className={styles.week}>
          {weekLabel(t.day)}
        </text>
      ))}
      <line x1={todayX} x2={todayX} y1={36} y2={HEADER_HEIGHT} className={styles.todayLine} />
      <text x={todayOnLeft ? todayX - 4 : todayX + 4} y={51} textAnchor={todayOnLeft ? "end" : "start"} className={styles.todayLabel}>
        {`Today, ${dayLabel(today)}`}
      </text>
    </svg>
  );
}
