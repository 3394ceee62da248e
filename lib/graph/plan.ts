// Computed status of a project's plan: progress, blocked propagation (at risk, and why), earliest
// dates with slip, and critical paths. Pure functions over plain data: nothing here knows React or
// Prisma. Health stays a human judgement; these signals sit beside it and never overwrite it.
//
// Conventions (also in docs/api.md, the `GET /projects/{key}/plan` row):
// - Days are calendar days, as UTC day numbers (days since 1970-01-01). A date D means the whole
//   day D; an interval [start, end) of day numbers may be fractional (estimates are in days).
// - A milestone's duration is its estimate in days. A milestone without an estimate counts as the
//   project's median estimate (of the milestones that have one), or 1 day when none has one. That
//   same figure is its weight in progress rollups.
// - Done and cancelled milestones are finished: they hold nothing up. A cancelled one contributes
//   no work to any progress figure; a done one counts fully.
// - An open milestone starts no earlier than today, its start date, and the earliest finish of
//   each open prerequisite; it takes its remaining work, estimate × (1 − its own progress).
//   Its finish day is the last day it works; slip = finish day − due date, when positive.
// - Ties (two prerequisites finishing together, two causes at the same distance) go to the
//   milestone that comes first in the input; the data layer passes milestones in key order.
// - Cycles cannot be stored, but if given one nothing loops: the topological order breaks it by
//   ignoring the edges that close it (counted in `ignoredEdges`). Every algorithm is iterative.

export type PlanStatus = "planned" | "in_progress" | "blocked" | "done" | "cancelled";
export type PlanHealth = "on_track" | "at_risk" | "off_track";

export type PlanMilestoneInput = {
  id: string;
  key: string;
  status: PlanStatus;
  health: PlanHealth;
  /** Estimate in days, or null (see the default above). */
  estimateDays: number | null;
  /** UTC day numbers (see dayNumber), or null. */
  startDay: number | null;
  dueDay: number | null;
  completedDay: number | null;
  /** An open milestone's own progress in [0, 1] (say, its ticked acceptance criteria); default 0. */
  fraction?: number;
};

/** "milestoneId depends on dependsOnId": the prerequisite must finish first. */
export type PlanDependency = { milestoneId: string; dependsOnId: string };

export type ProjectPlan = {
  /** Milestones in input order; the arrays below are indexed the same way. */
  ids: string[];
  keys: string[];
  finished: Uint8Array;
  cancelled: Uint8Array;
  /** Weight in progress rollups (0 for cancelled). */
  weight: Float64Array;
  /** Own progress in [0, 1]. */
  progress: Float64Array;
  earliestStart: Float64Array;
  earliestFinish: Float64Array;
  /** The last day an open milestone works (its completion day, or today, when finished). */
  finishDay: Float64Array;
  slipDays: Float64Array;
  /** Blocked, off track, or late (slip > 0): a cause of risk downstream. Open milestones only. */
  riskSource: Uint8Array;
  /** Index of the nearest upstream cause of risk, or -1 when not at risk. */
  riskCause: Int32Array;
  /** Hops from that cause (1 when a direct prerequisite), 0 when not at risk. */
  riskDistance: Int32Array;
  /** The prerequisite on the chain from that cause, -1 when not at risk. */
  riskVia: Int32Array;
  /** The open prerequisite whose finish sets this one's earliest start, or -1. */
  criticalPredecessor: Int32Array;
  /** Indices of the project's critical path, first to last; empty when nothing is open. */
  criticalPath: number[];
  onCriticalPath: Uint8Array;
  /** Weighted progress of the whole project, in [0, 1]. */
  projectProgress: number;
  /** Earliest finish of the project's open work (day number), or null when nothing is open. */
  projectFinish: number | null;
  /** The duration used for a milestone without an estimate. */
  defaultEstimate: number;
  /** Dependency edges ignored to break cycles (0 for stored data). */
  ignoredEdges: number;
  /** Topological order (indices); prerequisites before dependents. */
  order: Int32Array;
  /** Prerequisites of each milestone, as CSR: preds[predStart[i] .. predStart[i + 1]). */
  predStart: Int32Array;
  preds: Int32Array;
  index: Map<string, number>;
};

const DAY_MS = 86_400_000;
const EPSILON = 1e-9;

/** The UTC day number of a date. */
export function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** A day number as an ISO date, "2026-11-29". */
export function dayToIso(day: number): string {
  return new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10);
}

export function isFinished(status: PlanStatus): boolean {
  return status === "done" || status === "cancelled";
}

/** The project's median estimate (of the milestones that have one, cancelled ones aside), or 1. */
export function defaultEstimateOf(milestones: readonly Pick<PlanMilestoneInput, "status" | "estimateDays">[]): number {
  const values: number[] = [];
  for (const m of milestones) if (m.estimateDays !== null && m.status !== "cancelled" && Number.isFinite(m.estimateDays) && m.estimateDays >= 0) values.push(m.estimateDays);
  if (values.length === 0) return 1;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A milestone's duration and weight: its own estimate, or the project's default when it has none (or a bad one). */
export function estimateOrDefault(estimateDays: number | null, defaultEstimate: number): number {
  return estimateDays !== null && Number.isFinite(estimateDays) && estimateDays >= 0 ? estimateDays : defaultEstimate;
}

type Csr = { start: Int32Array; list: Int32Array };

function csr(n: number, from: Int32Array, to: Int32Array, count: number): Csr {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) start[from[e] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const list = new Int32Array(count);
  for (let e = 0; e < count; e++) list[fill[from[e]]++] = to[e];
  return { start, list };
}

/**
 * Kahn's algorithm. When it stalls on a cycle, the unplaced milestone that comes first in the input
 * is placed anyway; edges from milestones placed after their dependents are then ignored by callers.
 */
function topologicalOrder(n: number, succ: Csr, indegree: Int32Array): Int32Array {
  const order = new Int32Array(n);
  const placed = new Uint8Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order[tail++] = i;
  let scan = 0;
  while (tail < n) {
    if (head === tail) {
      // A cycle: force the first unplaced milestone (each is queued once, so this ends).
      while (placed[scan] || indegree[scan] === 0) scan++;
      indegree[scan] = 0;
      order[tail++] = scan;
    }
    const v = order[head++];
    placed[v] = 1;
    for (let k = succ.start[v]; k < succ.start[v + 1]; k++) {
      const w = succ.list[k];
      if (indegree[w] > 0 && --indegree[w] === 0) order[tail++] = w;
    }
  }
  return order;
}

/** Computes every signal of a project's plan as of `today` (a UTC day number). */
export function computePlan(milestones: readonly PlanMilestoneInput[], dependencies: readonly PlanDependency[], today: number): ProjectPlan {
  const n = milestones.length;
  const index = new Map<string, number>();
  const ids = new Array<string>(n);
  const keys = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    ids[i] = milestones[i].id;
    keys[i] = milestones[i].key;
    index.set(ids[i], i);
  }
  // Edges prerequisite → dependent, dropping unknown ends and self-loops.
  const from = new Int32Array(dependencies.length);
  const to = new Int32Array(dependencies.length);
  let m = 0;
  for (const d of dependencies) {
    const a = index.get(d.dependsOnId);
    const b = index.get(d.milestoneId);
    if (a === undefined || b === undefined || a === b) continue;
    from[m] = a;
    to[m] = b;
    m++;
  }
  const succ = csr(n, from, to, m);
  const pred = csr(n, to, from, m);
  const indegree = new Int32Array(n);
  for (let e = 0; e < m; e++) indegree[to[e]]++;
  const order = topologicalOrder(n, succ, indegree);
  const position = new Int32Array(n);
  for (let p = 0; p < n; p++) position[order[p]] = p;

  const defaultEstimate = defaultEstimateOf(milestones);
  const finished = new Uint8Array(n);
  const cancelled = new Uint8Array(n);
  const weight = new Float64Array(n);
  const progress = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ms = milestones[i];
    const estimate = estimateOrDefault(ms.estimateDays, defaultEstimate);
    finished[i] = isFinished(ms.status) ? 1 : 0;
    cancelled[i] = ms.status === "cancelled" ? 1 : 0;
    weight[i] = cancelled[i] ? 0 : estimate;
    const own = ms.fraction !== undefined && Number.isFinite(ms.fraction) ? Math.min(1, Math.max(0, ms.fraction)) : 0;
    progress[i] = finished[i] ? 1 : own;
  }

  const earliestStart = new Float64Array(n);
  const earliestFinish = new Float64Array(n);
  const finishDay = new Float64Array(n);
  const slipDays = new Float64Array(n);
  const riskSource = new Uint8Array(n);
  const riskCause = new Int32Array(n).fill(-1);
  const riskDistance = new Int32Array(n);
  const riskVia = new Int32Array(n).fill(-1);
  const criticalPredecessor = new Int32Array(n).fill(-1);
  let ignoredEdges = 0;

  for (let p = 0; p < n; p++) {
    const v = order[p];
    const ms = milestones[v];
    if (finished[v]) {
      const done = ms.completedDay ?? today;
      earliestStart[v] = ms.startDay ?? done;
      earliestFinish[v] = today;
      finishDay[v] = done;
      for (let k = pred.start[v]; k < pred.start[v + 1]; k++) if (position[pred.list[k]] > p) ignoredEdges++;
      continue;
    }
    // Earliest start, and which open prerequisite sets it (a prerequisite wins a tie with a date).
    let start = ms.startDay !== null && ms.startDay > today ? ms.startDay : today;
    let critical = -1;
    // Nearest cause of risk: fewest hops, then the cause first in the input, then the prerequisite.
    let distance = 0;
    let cause = -1;
    let via = -1;
    for (let k = pred.start[v]; k < pred.start[v + 1]; k++) {
      const u = pred.list[k];
      if (position[u] > p) {
        ignoredEdges++;
        continue;
      }
      if (finished[u]) continue;
      const f = earliestFinish[u];
      if (f > start || (f === start && (critical === -1 || u < critical))) {
        start = f;
        critical = u;
      }
      const d = riskSource[u] ? 1 : riskDistance[u] > 0 ? riskDistance[u] + 1 : 0;
      if (d === 0) continue;
      const c = riskSource[u] ? u : riskCause[u];
      if (cause === -1 || d < distance || (d === distance && (c < cause || (c === cause && u < via)))) {
        distance = d;
        cause = c;
        via = u;
      }
    }
    const finish = start + weight[v] * (1 - progress[v]);
    earliestStart[v] = start;
    earliestFinish[v] = finish;
    criticalPredecessor[v] = critical;
    const last = Math.max(Math.floor(start), Math.ceil(finish - EPSILON) - 1);
    finishDay[v] = last;
    const slip = ms.dueDay !== null && last > ms.dueDay ? last - ms.dueDay : 0;
    slipDays[v] = slip;
    riskSource[v] = ms.status === "blocked" || ms.health === "off_track" || slip > 0 ? 1 : 0;
    riskCause[v] = cause;
    riskDistance[v] = distance;
    riskVia[v] = via;
  }

  // The project's end: the open milestone that finishes last (first in the input on a tie).
  let end = -1;
  for (let i = 0; i < n; i++) if (!finished[i] && (end === -1 || earliestFinish[i] > earliestFinish[end])) end = i;
  const criticalPath = end === -1 ? [] : chain(criticalPredecessor, end);
  const onCriticalPath = new Uint8Array(n);
  for (const i of criticalPath) onCriticalPath[i] = 1;

  return {
    ids,
    keys,
    finished,
    cancelled,
    weight,
    progress,
    earliestStart,
    earliestFinish,
    finishDay,
    slipDays,
    riskSource,
    riskCause,
    riskDistance,
    riskVia,
    criticalPredecessor,
    criticalPath,
    onCriticalPath,
    projectProgress: weightedProgress(weight, progress, cancelled, null),
    projectFinish: end === -1 ? null : earliestFinish[end],
    defaultEstimate,
    ignoredEdges,
    order,
    predStart: pred.start,
    preds: pred.list,
    index,
  };
}

/** Follows `previous` pointers back from `last`; returns the chain first to last. Bounded by n. */
function chain(previous: Int32Array, last: number): number[] {
  const path: number[] = [];
  for (let v = last; v !== -1 && path.length <= previous.length; v = previous[v]) path.push(v);
  return path.reverse();
}

/**
 * Weighted progress of some milestones (all when `members` is null): done work over all work,
 * cancelled milestones aside. With no weight at all (every estimate 0), the plain mean; with no
 * milestone left but cancelled ones, 1 (nothing left to do); with no milestone at all, 0.
 */
function weightedProgress(weight: Float64Array, progress: Float64Array, cancelled: Uint8Array, members: Iterable<number> | null): number {
  let total = 0;
  let done = 0;
  let count = 0;
  let sum = 0;
  let any = false;
  const visit = (i: number) => {
    any = true;
    if (cancelled[i]) return;
    total += weight[i];
    done += weight[i] * progress[i];
    count++;
    sum += progress[i];
  };
  if (members === null) for (let i = 0; i < weight.length; i++) visit(i);
  else for (const i of members) visit(i);
  if (total > 0) return Math.min(1, done / total);
  if (count > 0) return sum / count;
  return any ? 1 : 0;
}

/** Weighted progress of a set of milestones by id, such as those a handoff was decomposed into. */
export function groupProgress(plan: ProjectPlan, milestoneIds: Iterable<string>): number {
  const members = new Set<number>();
  for (const id of milestoneIds) {
    const i = plan.index.get(id);
    if (i !== undefined) members.add(i);
  }
  return weightedProgress(plan.weight, plan.progress, plan.cancelled, members);
}

/** The critical path to a milestone (indices, first to last, ending with it); [] for a finished one. */
export function criticalPathTo(plan: ProjectPlan, i: number): number[] {
  return plan.finished[i] ? [] : chain(plan.criticalPredecessor, i);
}

/**
 * Why a milestone is at risk: the chain from its nearest upstream cause (first) down to its
 * prerequisite on that chain (last), as indices; [] when it is not at risk. With `limit`, a longer
 * chain keeps the cause and the last `limit - 1` links, and costs no more than that to find.
 */
export function riskChain(plan: ProjectPlan, i: number, limit = Infinity): number[] {
  const distance = plan.riskDistance[i];
  if (plan.riskCause[i] === -1 || distance === 0) return [];
  const steps = distance <= limit ? distance : Math.max(0, limit - 1);
  const path: number[] = [];
  for (let v = plan.riskVia[i]; path.length < steps && v !== -1; v = plan.riskVia[v]) path.push(v);
  if (steps < distance) path.push(plan.riskCause[i]);
  return path.reverse();
}
