// The geometry of a burn-up chart (components/charts/BurnUpChart.tsx draws it): scales, step paths
// for scope and done, date and day ticks, and the scope-change markers, in SVG user units. Pure.
import { dayToIso } from "@/lib/graph/plan";
import { formatDays, scopeChangeLabel, type BurnUp } from "@/lib/plan/burnup";

export type ChartFrame = { width: number; height: number; left: number; right: number; top: number; bottom: number };

export type ChartTick = { at: number; label: string };
export type ChartMarker = { x: number; y: number; n: number; date: string; delta: number; label: string };

export type BurnUpGeometry = {
  /** The plot area, inside the axes. */
  plot: { x0: number; x1: number; y0: number; y1: number };
  scopePath: string;
  donePath: string;
  /** The done line closed down to zero, to fill. */
  doneArea: string;
  xTicks: ChartTick[];
  yTicks: ChartTick[];
  markers: ChartMarker[];
  todayX: number;
  /** Today's scope and done, written at the lines' right ends (kept 12 units apart). */
  ends: { scope: ChartTick; done: ChartTick };
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY_MS = 86_400_000;
const MARKER_RADIUS = 7;

/** "3 Aug": a day number, short, in UTC. */
export function shortDate(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** A round step (1, 2, 2.5 or 5 × 10^k) that cuts `max` into about `count` parts. */
export function niceStep(max: number, count: number): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/**
 * Day numbers to label between `first` and `last`: every day or every few days over a short span,
 * weekly over a few months, else the first of every month (or every few months), at most `count`.
 */
export function dateTicks(first: number, last: number, count = 6): number[] {
  const span = last - first;
  if (span <= 0) return [first];
  if (span <= 70) {
    const step = [1, 2, 3, 7, 14].find((s) => span / s <= count) ?? 14;
    const ticks: number[] = [];
    for (let d = first; d <= last; d += step) ticks.push(d);
    return ticks;
  }
  const start = new Date(first * DAY_MS);
  const firsts: number[] = [];
  for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); ; m++) {
    const day = Math.floor(Date.UTC(y, m, 1) / DAY_MS);
    if (day > last) break;
    if (day >= first) firsts.push(day);
  }
  const every = Math.max(1, Math.ceil(firsts.length / count));
  return firsts.filter((_, i) => i % every === 0);
}

/** The chart of a burn-up with at least one point, in `frame`. */
export function burnUpGeometry(burnUp: BurnUp, frame: ChartFrame): BurnUpGeometry {
  const { points } = burnUp;
  const today = points[points.length - 1].day;
  // A value holds from the start of its day; the chart ends at the end of today.
  const first = Math.min(points[0].day, today - 1);
  const end = today + 1;
  const plot = { x0: frame.left, x1: frame.width - frame.right, y0: frame.height - frame.bottom, y1: frame.top };
  const top = Math.max(...points.map((p) => p.scope));
  const step = niceStep(top, 4);
  const yMax = Math.max(step, Math.ceil(top / step) * step);
  const x = (day: number) => round(plot.x0 + ((day - first) / (end - first)) * (plot.x1 - plot.x0));
  const y = (value: number) => round(plot.y0 - (value / yMax) * (plot.y0 - plot.y1));

  const stepPath = (value: (p: (typeof points)[number]) => number) => {
    let d = `M${x(points[0].day)},${y(value(points[0]))}`;
    for (let i = 1; i < points.length; i++) d += `H${x(points[i].day)}V${y(value(points[i]))}`;
    return `${d}H${x(end)}`;
  };
  const donePath = stepPath((p) => p.done);

  const yTicks: ChartTick[] = [];
  for (let v = 0; v <= yMax + step / 2; v += step) yTicks.push({ at: y(v), label: formatDays(v) });
  const xTicks = dateTicks(first, today).map((day) => ({ at: x(day), label: shortDate(day) }));

  // A marker sits where the scope line steps; one that would cover the last is lifted above it.
  const markers: ChartMarker[] = [];
  const scopeOn = new Map(points.map((p) => [p.day, p.scope]));
  for (const [i, change] of burnUp.changes.entries()) {
    const mx = x(change.day);
    let my = y(scopeOn.get(change.day) ?? 0);
    const previous = markers[markers.length - 1];
    if (previous && Math.abs(previous.x - mx) < 2 * MARKER_RADIUS + 2 && Math.abs(previous.y - my) < 2 * MARKER_RADIUS + 2) my = previous.y - (2 * MARKER_RADIUS + 2);
    markers.push({ x: mx, y: Math.max(MARKER_RADIUS, my), n: i + 1, date: dayToIso(change.day), delta: change.delta, label: scopeChangeLabel(change, 20) });
  }

  return {
    plot,
    scopePath: stepPath((p) => p.scope),
    donePath,
    doneArea: `${donePath}V${plot.y0}H${x(points[0].day)}Z`,
    xTicks,
    yTicks,
    markers,
    todayX: x(today),
    ends: endLabels(y(burnUp.scope), y(burnUp.done), burnUp),
  };
}

function endLabels(scopeY: number, doneY: number, burnUp: BurnUp): BurnUpGeometry["ends"] {
  const gap = 12;
  const apart = doneY - scopeY >= gap ? { scopeY, doneY } : { scopeY: (scopeY + doneY) / 2 - gap / 2, doneY: (scopeY + doneY) / 2 + gap / 2 };
  return { scope: { at: round(apart.scopeY), label: formatDays(burnUp.scope) }, done: { at: round(apart.doneY), label: formatDays(burnUp.done) } };
}

const round = (v: number) => Math.round(v * 10) / 10;

export { MARKER_RADIUS };
