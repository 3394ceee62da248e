// A project's burn-up: estimated days done against total scope over time, rebuilt from the status
// history. Pure: nothing here knows React or Prisma.
//
// What it can and cannot know (the chart's caption says the same):
// - Scope on day D is the weight of the milestones created by D and not cancelled on D; done is the
//   weight of those whose status on D is done. A weight is the milestone's estimate *as it is now*
//   (no estimate history is kept), or the project's default estimate (lib/graph/plan.ts), so the
//   last point agrees with the computed progress of the plan.
// - A milestone's status on a day is replayed from its status updates; without any, it had its
//   current status since it was created, except a done one, which was open until its completedAt.
//   If the history does not end in the current status, the current status wins from the last record.
// - Deleted milestones take their history with them: they are not in the chart at all.
// Days are UTC day numbers (lib/graph/plan.ts). Sums are kept in thousandths of a day as integers,
// so done ≤ scope holds exactly and no rounding drifts. Linear in milestones and updates, plus sorts.
import { dayNumber, dayToIso, defaultEstimateOf, estimateOrDefault, type PlanStatus } from "@/lib/graph/plan";
import { joinList } from "@/components/ui/format";

export type BurnUpMilestone = {
  id: string;
  key: string;
  status: PlanStatus;
  estimateDays: number | null;
  createdAt: Date;
  completedAt: Date | null;
};

/** One status update: the status the milestone moved to (and from, when recorded), and when. */
export type BurnUpStatusChange = { milestoneId: string; fromStatus: PlanStatus | null; toStatus: PlanStatus; at: Date };

/** Estimated days done and in scope at the end of a day. */
export type BurnUpPoint = { day: number; date: string; done: number; scope: number };

/** The scope changed on a day: by `delta` days, as these milestones were added, restored from cancelled, or cancelled. */
export type ScopeChange = { day: number; date: string; delta: number; added: string[]; restored: string[]; cancelled: string[] };

export type BurnUp = {
  /** One point per day on which anything changed, then today; empty when no estimated work was ever planned. */
  points: BurnUpPoint[];
  /** Days on which the scope changed, first to last (the first is the initial plan). */
  changes: ScopeChange[];
  /** Done and scope today: the last point. */
  done: number;
  scope: number;
  today: string;
  /** The weight of a milestone without an estimate. */
  defaultEstimateDays: number;
};

const UNIT = 1000;
const ABSENT = 0;
const OPEN = 1;
const DONE = 2;
const CANCELLED = 3;
type State = typeof ABSENT | typeof OPEN | typeof DONE | typeof CANCELLED;

const stateOf = (status: PlanStatus): State => (status === "done" ? DONE : status === "cancelled" ? CANCELLED : OPEN);
const inScope = (s: State) => s === OPEN || s === DONE;

/** A change to the totals on a day, from one milestone (its index). */
type Delta = { day: number; scope: number; done: number; milestone: number; restored: boolean };

/** The milestone's state over time: [time, state] records in order, starting at its creation. */
function timeline(m: BurnUpMilestone, updates: BurnUpStatusChange[] | undefined): [number, State][] {
  const created = m.createdAt.getTime();
  const records: [number, State][] = [];
  if (updates && updates.length > 0) {
    records.push([created, stateOf(updates[0].fromStatus ?? updates[0].toStatus)]);
    for (const u of updates) records.push([Math.max(created, u.at.getTime()), stateOf(u.toStatus)]);
  } else if (m.status === "done" && m.completedAt && m.completedAt.getTime() > created) {
    records.push([created, OPEN], [m.completedAt.getTime(), DONE]);
  } else {
    records.push([created, stateOf(m.status)]);
  }
  const current = stateOf(m.status);
  const [lastTime, lastState] = records[records.length - 1];
  if (lastState !== current) {
    const at = m.status === "done" && m.completedAt ? Math.max(lastTime, m.completedAt.getTime()) : lastTime;
    records.push([at, current]);
  }
  return records;
}

/** The burn-up of a project's milestones and their status updates, up to `today` (a UTC day number). */
export function computeBurnUp(milestones: readonly BurnUpMilestone[], updates: readonly BurnUpStatusChange[], today: number): BurnUp {
  const defaultEstimate = defaultEstimateOf(milestones);
  const byMilestone = new Map<string, BurnUpStatusChange[]>();
  for (const u of updates) {
    const list = byMilestone.get(u.milestoneId);
    if (list) list.push(u);
    else byMilestone.set(u.milestoneId, [u]);
  }
  const deltas: Delta[] = [];
  for (let i = 0; i < milestones.length; i++) {
    const m = milestones[i];
    const weight = Math.round(estimateOrDefault(m.estimateDays, defaultEstimate) * UNIT);
    if (weight === 0) continue;
    const list = byMilestone.get(m.id);
    list?.sort((a, b) => a.at.getTime() - b.at.getTime());
    // The state at the end of each day it changed on; a later record on the same day wins.
    let previous: State = ABSENT;
    const records = timeline(m, list);
    for (let r = 0; r < records.length; r++) {
      const day = Math.min(today, dayNumber(new Date(records[r][0])));
      const nextDay = r + 1 < records.length ? Math.min(today, dayNumber(new Date(records[r + 1][0]))) : Infinity;
      if (nextDay === day) continue;
      const state = records[r][1];
      const scope = (inScope(state) ? weight : 0) - (inScope(previous) ? weight : 0);
      const done = (state === DONE ? weight : 0) - (previous === DONE ? weight : 0);
      if (scope !== 0 || done !== 0) deltas.push({ day, scope, done, milestone: i, restored: previous === CANCELLED });
      previous = state;
    }
  }
  deltas.sort((a, b) => a.day - b.day || a.milestone - b.milestone);

  const points: BurnUpPoint[] = [];
  const changes: ScopeChange[] = [];
  let scope = 0;
  let done = 0;
  for (let k = 0; k < deltas.length; ) {
    const day = deltas[k].day;
    let delta = 0;
    const added: string[] = [];
    const restored: string[] = [];
    const cancelled: string[] = [];
    for (; k < deltas.length && deltas[k].day === day; k++) {
      const d = deltas[k];
      scope += d.scope;
      done += d.done;
      delta += d.scope;
      if (d.scope > 0) (d.restored ? restored : added).push(milestones[d.milestone].key);
      else if (d.scope < 0) cancelled.push(milestones[d.milestone].key);
    }
    points.push({ day, date: dayToIso(day), done: done / UNIT, scope: scope / UNIT });
    if (added.length || restored.length || cancelled.length) changes.push({ day, date: dayToIso(day), delta: delta / UNIT, added, restored, cancelled });
  }
  if (points.length > 0 && points[points.length - 1].day < today) points.push({ day: today, date: dayToIso(today), done: done / UNIT, scope: scope / UNIT });
  return { points, changes, done: done / UNIT, scope: scope / UNIT, today: dayToIso(today), defaultEstimateDays: defaultEstimate };
}

/** Estimated days as the chart writes them: one decimal at most. */
export const roundDays = (days: number) => Math.round(days * 10) / 10;

/** "12 d", "2.5 d". */
export function formatDays(days: number): string {
  return `${roundDays(days)} d`;
}

/** "12 of 30 estimated days done (40%)": where the project stands today. */
export function burnUpSummary({ done, scope }: Pick<BurnUp, "done" | "scope">): string {
  const share = scope > 0 ? Math.round((done / scope) * 100) : 0;
  return `${roundDays(done)} of ${roundDays(scope)} estimated days done (${share}%)`;
}

/** "+3 d: FLOOR-16 added", "−5 d: FLOOR-4 cancelled", "+9 d: FLOOR-2, …, FLOOR-6 and 4 more added" (past `shown` keys). */
export function scopeChangeLabel(change: ScopeChange, shown = 5): string {
  const keys = (list: string[]) => (list.length <= shown ? joinList(list) : `${list.slice(0, shown).join(", ")} and ${list.length - shown} more`);
  const parts: string[] = [];
  if (change.added.length) parts.push(`${keys(change.added)} added`);
  if (change.restored.length) parts.push(`${keys(change.restored)} restored`);
  if (change.cancelled.length) parts.push(`${keys(change.cancelled)} cancelled`);
  const sign = change.delta > 0 ? "+" : change.delta < 0 ? "\u2212" : "±";
  return `${sign}${formatDays(Math.abs(change.delta))}: ${parts.join("; ")}`;
}
