// The geometry of a project's timeline (Gantt): a date scale, one row per milestone in dependency
// order, a bar per row, the slip past the due date, dependency arrows, week and month ticks and
// today's line. Pure: no React, no Prisma. components/timeline/ only draws what this returns.
//
// Days are UTC day numbers (lib/graph/plan.ts); a date D covers the whole day, [D, D + 1), so a bar
// from its first to its last day ends at the start of the day after.
import { dayNumber, type PlanStatus } from "@/lib/graph/plan";
import { compareKeys } from "@/lib/sort";

export type TimelineMilestone = {
  id: string;
  key: string;
  title: string;
  status: PlanStatus;
  /** Calendar dates, YYYY-MM-DD. */
  startDate: string | null;
  dueDate: string | null;
  earliestStart: string;
  earliestFinish: string;
  slipDays: number;
  /** Keys of its prerequisites. */
  dependsOn: string[];
  /** The upstream chain that puts it at risk, the cause first (carried for the drawing; no geometry). */
  atRiskBecause: string[];
  /** Its people's judgement (carried for the drawing). */
  health?: "on_track" | "at_risk" | "off_track";
};

export type TimelineInput = { today: string; milestones: readonly TimelineMilestone[]; criticalPath: readonly string[] };

export type TimelineOptions = {
  rowHeight: number;
  barHeight: number;
  /** The width the scale aims for; a long plan gets narrower days, down to minDayWidth. */
  targetWidth: number;
  minDayWidth: number;
  maxDayWidth: number;
  /** No chart grows wider than this: a plan spanning decades gets days narrower than minDayWidth. */
  maxWidth: number;
};

export const TIMELINE_DEFAULTS: TimelineOptions = { rowHeight: 28, barHeight: 14, targetWidth: 1100, minDayWidth: 3, maxDayWidth: 28, maxWidth: 24_000 };

/** "planned": from its start date to its due date, both set. "computed": its earliest start to earliest finish. */
export type BarKind = "planned" | "computed";

export type TimelineRow = {
  milestone: TimelineMilestone;
  /** Top of the row and the vertical middle of its bar. */
  top: number;
  y: number;
  kind: BarKind;
  /** The days the bar covers, first and last. */
  firstDay: number;
  lastDay: number;
  x: number;
  width: number;
  /** The slip drawn after the due date, up to the earliest finish; null when not slipping. */
  slip: { x: number; width: number } | null;
  /** Where the due date ends (a tick on a computed bar), or null without one. */
  dueX: number | null;
  /** Where the bar and its slip end: arrows leave and labels start here. */
  endX: number;
  critical: boolean;
};

/** `tip` is where the arrow ends, pointing right, at the dependent's bar. */
export type TimelineArrow = { from: string; to: string; d: string; tip: { x: number; y: number }; critical: boolean };

export type TimelineTick = { x: number; day: number };

export type TimelineLayout = {
  width: number;
  height: number;
  rowHeight: number;
  barHeight: number;
  dayWidth: number;
  /** The first day drawn (x = 0) and the last. */
  startDay: number;
  endDay: number;
  today: number;
  todayX: number;
  rows: TimelineRow[];
  arrows: TimelineArrow[];
  /** The first of each month in range (of each year when months are too narrow), and the range's start. */
  months: TimelineTick[];
  /** Mondays in range, when a week is wide enough to label (else empty). */
  weeks: TimelineTick[];
};

const DAYS_BEFORE = 4;
/** Room after the last bar for its "+N d" slip label. */
const DAYS_AFTER = 10;
/** A week narrower than this draws no week ticks; months narrower than MIN_MONTH_WIDTH, only each January. */
const MIN_WEEK_WIDTH = 28;
const MIN_MONTH_WIDTH = 24;
/** How far an arrow runs beside a bar before it turns. */
const ELBOW = 6;

/**
 * "2026-03-05" → its UTC day number, by arithmetic (Hinnant's days_from_civil): a 500-milestone
 * timeline reads a few thousand dates per request, and parsing each into a Date showed in profiles.
 */
export function isoDay(iso: string): number {
  const d = Number(iso.slice(8, 10));
  const m = Number(iso.slice(5, 7));
  const y = Number(iso.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** A UTC day number as its calendar date (Hinnant's civil_from_days); month 1 to 12. */
export function civilDate(day: number): { year: number; month: number; day: number } {
  const z = Math.floor(day) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Where a milestone's bar goes, in days: planned dates when both are set, else the computed ones. */
export function barDays(m: TimelineMilestone): { kind: BarKind; firstDay: number; lastDay: number } {
  if (m.startDate && m.dueDate) {
    const first = isoDay(m.startDate);
    const last = isoDay(m.dueDate);
    // A due date before the start date is drawn as one day at the start, not as a negative bar.
    return { kind: "planned", firstDay: first, lastDay: Math.max(first, last) };
  }
  const first = isoDay(m.earliestStart);
  return { kind: "computed", firstDay: first, lastDay: Math.max(first, isoDay(m.earliestFinish)) };
}

/** The slip as days: from the day after the due date through the earliest finish; null when none. */
export function slipDays(m: TimelineMilestone): { firstDay: number; lastDay: number } | null {
  if (m.slipDays <= 0 || !m.dueDate) return null;
  const due = isoDay(m.dueDate);
  const finish = isoDay(m.earliestFinish);
  return finish > due ? { firstDay: due + 1, lastDay: finish } : null;
}

/** A binary min-heap of indices under a comparison, for the ordering below. */
function heap(compare: (a: number, b: number) => number) {
  const items: number[] = [];
  return {
    get size() {
      return items.length;
    },
    push(value: number) {
      items.push(value);
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (compare(items[i], items[parent]) >= 0) break;
        [items[i], items[parent]] = [items[parent], items[i]];
        i = parent;
      }
    },
    pop(): number {
      const top = items[0];
      const last = items.pop()!;
      if (items.length > 0) {
        items[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < items.length && compare(items[l], items[m]) < 0) m = l;
          if (r < items.length && compare(items[r], items[m]) < 0) m = r;
          if (m === i) break;
          [items[i], items[m]] = [items[m], items[i]];
          i = m;
        }
      }
      return top;
    },
  };
}

/**
 * Row order: every milestone below its prerequisites, and otherwise the one whose bar starts first
 * (then by key) on top. Kahn's algorithm with a heap, O((n + e) log n). Prerequisites that are not
 * in the list are ignored; should edges form a cycle, the earliest-starting milestone left goes next.
 */
export function orderRows(milestones: readonly TimelineMilestone[], firstDays: readonly number[]): number[] {
  const n = milestones.length;
  const index = new Map<string, number>();
  milestones.forEach((m, i) => index.set(m.key, i));
  const indegree = new Int32Array(n);
  const successors: number[][] = milestones.map(() => []);
  milestones.forEach((m, i) => {
    for (const key of new Set(m.dependsOn)) {
      const p = index.get(key);
      if (p === undefined || p === i) continue;
      successors[p].push(i);
      indegree[i]++;
    }
  });
  const before = (a: number, b: number) => firstDays[a] - firstDays[b] || compareKeys(milestones[a].key, milestones[b].key);
  const ready = heap(before);
  for (let i = 0; i < n; i++) if (indegree[i] === 0) ready.push(i);
  const placed = new Uint8Array(n);
  const order: number[] = [];
  let rest: number[] | null = null;
  while (order.length < n) {
    if (ready.size === 0) {
      // A cycle: release the earliest unplaced milestone (sorted once, scanned once).
      rest ??= Array.from({ length: n }, (_, i) => i).sort(before);
      const next = rest.find((i) => !placed[i])!;
      indegree[next] = 0;
      ready.push(next);
    }
    const v = ready.pop();
    if (placed[v]) continue;
    placed[v] = 1;
    order.push(v);
    for (const w of successors[v]) if (!placed[w] && indegree[w] > 0 && --indegree[w] === 0) ready.push(w);
  }
  return order;
}

/** The pixel width of a day: the plan's span stretched to the target width, within the bounds. */
export function dayWidthFor(days: number, options: TimelineOptions = TIMELINE_DEFAULTS): number {
  const span = Math.max(1, days);
  const width = Math.min(options.maxDayWidth, Math.max(options.minDayWidth, Math.floor((options.targetWidth / span) * 2) / 2));
  return width * span > options.maxWidth ? options.maxWidth / span : width;
}

/** First days of months in [startDay, endDay], the start itself first when it falls mid-month. */
export function monthStarts(startDay: number, endDay: number): number[] {
  const first = new Date(startDay * 86_400_000);
  const days: number[] = [startDay];
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth() + 1;
  for (;;) {
    const day = dayNumber(new Date(Date.UTC(year, month, 1)));
    if (day > endDay) break;
    if (day > startDay) days.push(day);
    month++;
    if (month === 12) {
      month = 0;
      year++;
    }
  }
  return days;
}

/** Mondays in [startDay, endDay] (day 0, 1970-01-01, was a Thursday). */
export function mondays(startDay: number, endDay: number): number[] {
  const days: number[] = [];
  for (let d = startDay + ((((4 - startDay) % 7) + 7) % 7); d <= endDay; d += 7) days.push(d);
  return days;
}

/**
 * An arrow from the end of a prerequisite's bar to the start of its dependent's: down from the bar's
 * end, then right into the dependent. When the dependent starts before the prerequisite ends (planned
 * dates may overlap), it runs along the gap above the dependent's row and enters from the left.
 */
export function arrowPath(from: TimelineRow, to: TimelineRow, rowHeight: number, barHeight: number): string {
  const down = to.y >= from.y ? 1 : -1;
  const x1 = Math.max(from.x + 1, from.endX - ELBOW / 2);
  const y1 = from.y + (down * barHeight) / 2;
  const x2 = to.x;
  // A dependent that starts where the prerequisite ends (the usual case) still gets a short run in.
  if (x2 - x1 >= ELBOW / 2) return `M${round(x1)} ${round(y1)}V${round(to.y)}H${round(x2)}`;
  const gap = to.y - (down * rowHeight) / 2;
  return `M${round(x1)} ${round(y1)}V${round(gap)}H${round(x2 - 2 * ELBOW)}V${round(to.y)}H${round(x2)}`;
}

export function layoutTimeline(input: TimelineInput, options: TimelineOptions = TIMELINE_DEFAULTS): TimelineLayout {
  const { milestones } = input;
  const today = isoDay(input.today);
  const bars = milestones.map(barDays);
  const slips = milestones.map(slipDays);
  const dues = milestones.map((m) => (m.dueDate ? isoDay(m.dueDate) : null));

  let min = today;
  let max = today;
  milestones.forEach((_, i) => {
    // A due date can lie before the bar (a computed bar that starts late): its slip starts there.
    min = Math.min(min, bars[i].firstDay, dues[i] ?? min);
    max = Math.max(max, bars[i].lastDay, slips[i]?.lastDay ?? max, dues[i] ?? max);
  });
  const startDay = min - DAYS_BEFORE;
  const endDay = max + DAYS_AFTER;
  const dayWidth = dayWidthFor(endDay - startDay + 1, options);
  const xOf = (day: number) => round((day - startDay) * dayWidth);

  const critical = new Set(input.criticalPath);
  const criticalEdges = new Set(input.criticalPath.slice(1).map((key, i) => `${input.criticalPath[i]}\u0000${key}`));
  const order = orderRows(
    milestones,
    bars.map((b) => b.firstDay),
  );
  const rows: TimelineRow[] = new Array(milestones.length);
  const rowOf = new Map<string, TimelineRow>();
  order.forEach((i, position) => {
    const m = milestones[i];
    const bar = bars[i];
    const slip = slips[i];
    const x = xOf(bar.firstDay);
    const width = Math.max(2, xOf(bar.lastDay + 1) - x);
    const slipBox = slip ? { x: xOf(slip.firstDay), width: xOf(slip.lastDay + 1) - xOf(slip.firstDay) } : null;
    const top = position * options.rowHeight;
    const row: TimelineRow = {
      milestone: m,
      top,
      y: top + options.rowHeight / 2,
      kind: bar.kind,
      firstDay: bar.firstDay,
      lastDay: bar.lastDay,
      x,
      width,
      slip: slipBox,
      dueX: dues[i] === null ? null : xOf(dues[i]! + 1),
      endX: Math.max(x + width, slipBox ? slipBox.x + slipBox.width : 0),
      critical: critical.has(m.key),
    };
    rows[position] = row;
    rowOf.set(m.key, row);
  });

  const arrows: TimelineArrow[] = [];
  for (const row of rows) {
    for (const key of row.milestone.dependsOn) {
      const from = rowOf.get(key);
      if (!from || from === row) continue;
      const critical = criticalEdges.has(`${key}\u0000${row.milestone.key}`);
      arrows.push({ from: key, to: row.milestone.key, d: arrowPath(from, row, options.rowHeight, options.barHeight), tip: { x: row.x, y: row.y }, critical });
    }
  }
  return {
    width: xOf(endDay + 1),
    height: rows.length * options.rowHeight,
    rowHeight: options.rowHeight,
    barHeight: options.barHeight,
    dayWidth,
    startDay,
    endDay,
    today,
    todayX: xOf(today),
    rows,
    arrows,
    months: monthStarts(startDay, endDay)
      .filter((day, i) => i === 0 || dayWidth * 30 >= MIN_MONTH_WIDTH || new Date(day * 86_400_000).getUTCMonth() === 0)
      .map((day) => ({ day, x: xOf(day) })),
    weeks: dayWidth * 7 >= MIN_WEEK_WIDTH ? mondays(startDay, endDay).map((day) => ({ day, x: xOf(day) })) : [],
  };
}
