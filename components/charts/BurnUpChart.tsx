// A burn-up chart in plain SVG: estimated days done (a filled step line) against total scope (a step
// line) over time, numbered markers where the scope changed (listed beside the chart, and titled on
// hover), today's line, a legend, a summary in words and the numbers as a table. Server-rendered:
// no script. Colours are the theme's tokens, so it reads in light and dark.
import { Table } from "@/components/ui/Table";
import { count, formatDate } from "@/components/ui/format";
import { burnUpGeometry, MARKER_RADIUS, type ChartFrame } from "@/lib/plan/burnup-chart";
import { burnUpSummary, formatDays, scopeChangeLabel, type BurnUp } from "@/lib/plan/burnup";
import styles from "./BurnUpChart.module.css";

/** Scope changes listed beside the chart: the latest ones (every one is marked, and in the table). */
const LISTED = 12;
const FRAME: ChartFrame = { width: 640, height: 260, left: 48, right: 48, top: 14, bottom: 28 };

export function BurnUpChart({ burnUp, title = "Burn-up" }: { burnUp: BurnUp; title?: string }) {
  if (burnUp.points.length === 0) return <p className={styles.empty}>No estimated work has been planned yet: the chart starts with the first milestone.</p>;
  const g = burnUpGeometry(burnUp, FRAME);
  const summary = burnUpSummary(burnUp);
  const firstDate = formatDate(burnUp.points[0].date);
  const changes = burnUp.changes.length;
  const label = `${title}: ${summary} as of ${formatDate(burnUp.today)}, since ${firstDate}; the scope changed on ${changes} ${changes === 1 ? "day" : "days"}.`;
  const changeOn = new Map(burnUp.changes.map((c) => [c.day, c]));
  const hidden = Math.max(0, changes - LISTED);
  const listed = burnUp.changes.slice(hidden);
  return (
    <figure className={styles.figure}>
      <p className={styles.summary} data-testid="burnup-summary">
        <strong>{summary}</strong> as of {formatDate(burnUp.today)}
      </p>
      <div className={styles.layout}>
        <div className={styles.chart}>
          <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} className={styles.svg} role="img" aria-label={label}>
            <g className={styles.grid}>
              {g.yTicks.map((t) => (
                <line key={t.label} x1={g.plot.x0} x2={g.plot.x1} y1={t.at} y2={t.at} />
              ))}
            </g>
            <g className={styles.axisText} aria-hidden="true">
              {g.yTicks.map((t) => (
                <text key={t.label} x={g.plot.x0 - 8} y={t.at} textAnchor="end" dominantBaseline="middle">
                  {t.label}
                </text>
              ))}
              {g.xTicks.map((t) => (
                <text key={t.at} x={t.at} y={g.plot.y0 + 18} textAnchor="middle">
                  {t.label}
                </text>
              ))}
            </g>
            <g className={styles.ticks}>
              {g.xTicks.map((t) => (
                <line key={t.at} x1={t.at} x2={t.at} y1={g.plot.y0} y2={g.plot.y0 + 4} />
              ))}
              <line x1={g.plot.x0} x2={g.plot.x1} y1={g.plot.y0} y2={g.plot.y0} />
            </g>
            <path d={g.doneArea} className={styles.doneArea} />
            <path d={g.donePath} className={styles.doneLine} />
            <path d={g.scopePath} className={styles.scopeLine} />
            <g className={styles.ends} aria-hidden="true">
              <text x={g.plot.x1 + 10} y={g.ends.scope.at} dominantBaseline="middle" data-line="scope">
                {g.ends.scope.label}
              </text>
              <text x={g.plot.x1 + 10} y={g.ends.done.at} dominantBaseline="middle" data-line="done">
                {g.ends.done.label}
              </text>
            </g>
            <g className={styles.today}>
              <line x1={g.todayX} x2={g.todayX} y1={g.plot.y1} y2={g.plot.y0} />
              {/* Above the plot, so that no line or marker runs through it. */}
              <text x={g.todayX} y={g.plot.y1 - 4} textAnchor="end">
                Today
              </text>
            </g>
            <g>
              {g.markers.map((m) => (
                <g key={m.n} className={styles.marker} data-direction={m.delta < 0 ? "down" : "up"}>
                  <title>{`${formatDate(m.date)}: ${m.label}`}</title>
                  <circle cx={m.x} cy={m.y} r={MARKER_RADIUS} />
                  <text x={m.x} y={m.y} textAnchor="middle" dominantBaseline="central">
                    {m.n}
                  </text>
                </g>
              ))}
            </g>
          </svg>
          <ul className={styles.legend} aria-hidden="true">
            <li>
              <span className={styles.keyScope} /> Scope
            </li>
            <li>
              <span className={styles.keyDone} /> Done
            </li>
            <li>
              <span className={styles.keyMarker} /> Scope change
            </li>
            <li>
              <span className={styles.keyToday} /> Today
            </li>
          </ul>
        </div>
        <div className={styles.side}>
          <h3 className={styles.sideTitle}>Scope changes</h3>
          {hidden > 0 && <p className={styles.muted}>The latest {LISTED} are listed; {count(hidden, "earlier one")} {hidden === 1 ? "is" : "are"} marked on the chart and in the data table.</p>}
          <ol className={styles.changes} start={hidden + 1}>
            {listed.map((c, j) => (
              <li key={c.day} data-direction={c.delta < 0 ? "down" : "up"}>
                <span className={styles.changeN} aria-hidden="true">
                  {hidden + j + 1}
                </span>
                <span>
                  <time dateTime={c.date} className={styles.changeDate}>
                    {formatDate(c.date)}
                  </time>{" "}
                  <KeysUnbroken text={scopeChangeLabel(c)} />
                  {hidden + j === 0 && <span className={styles.muted}> (the first plan)</span>}
                </span>
              </li>
            ))}
          </ol>
        </div>
      </div>
      <figcaption className={styles.caption}>
        Estimated days of milestones done, against all milestones not cancelled, rebuilt from each milestone&apos;s status history. Estimates are counted at their current
        value; a milestone without one counts as the median of the project&apos;s estimates ({formatDays(burnUp.defaultEstimateDays)}, 1 d when none has one). Deleted milestones are not shown: their history is
        deleted with them.
      </figcaption>
      <details className={styles.data}>
        <summary>Data table</summary>
        <Table caption={`${title} by day`} density="compact">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" data-align="right">
                Done
              </th>
              <th scope="col" data-align="right">
                Scope
              </th>
              <th scope="col">Scope change</th>
            </tr>
          </thead>
          <tbody>
            {burnUp.points.map((p) => {
              const c = changeOn.get(p.day);
              return (
                <tr key={p.day}>
                  <td>
                    <time dateTime={p.date}>{formatDate(p.date)}</time>
                  </td>
                  <td data-align="right">{formatDays(p.done)}</td>
                  <td data-align="right">{formatDays(p.scope)}</td>
                  <td>{c ? scopeChangeLabel(c, Infinity) : ""}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </details>
    </figure>
  );
}

/** Milestone keys in a sentence never break at their hyphen ("FLOOR-" / "3"). */
function KeysUnbroken({ text }: { text: string }) {
  return text.split(/([A-Z][A-Z0-9]*-\d+)/).map((part, i) =>
    i % 2 ? (
      <span key={i} className={styles.key}>
        {part}
      </span>
    ) : (
      part
    ),
  );
}
