// The computed plan of a project: per milestone its progress, earliest dates, slip, place on the
// critical path and what puts it at risk, and the project's critical path. Three reads (milestones,
// dependencies, handoff links) after the permission check; the rest is lib/graph/plan.ts.
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { authorizeProject } from "@/lib/data/access";
import { computePlan, dayNumber, dayToIso, groupProgress, riskChain, type PlanMilestoneInput } from "@/lib/graph/plan";
import { subtreeProgress } from "@/lib/graph/plan-subtree";
import { checklistFraction } from "@/lib/graph/checklist";
import { compareKeys } from "@/lib/sort";

const day = (date: Date | null) => (date ? dayNumber(date) : null);
const round = (value: number) => Math.round(value * 1000) / 1000;

export type PlanMilestone = {
  id: string;
  key: string;
  title: string;
  status: PlanMilestoneInput["status"];
  health: PlanMilestoneInput["health"];
  dueDate: string | null;
  /** Its planned start date (YYYY-MM-DD), or null. */
  startDate: string | null;
  /** Its estimate in days as entered, or null (the plan then uses defaultEstimateDays). */
  estimateDays: number | null;
  /** Keys of the milestones it depends on (its prerequisites), in key order. */
  dependsOn: string[];
  /** Its own progress: 1 when done, else the share of its acceptance criteria ticked (0 without). */
  progress: number;
  /**
   * Weighted progress of the milestone and everything it transitively depends on (null past
   * SUBTREE_LIMIT milestones, or when the caller asked for the plan without subtrees).
   */
  subtreeProgress: number | null;
  /** Calendar dates (YYYY-MM-DD): the first and last day of its remaining work; for a finished milestone, its start and completion. */
  earliestStart: string;
  earliestFinish: string;
  slipDays: number;
  onCriticalPath: boolean;
  /**
   * The chain of upstream milestones that puts it at risk: the nearest cause (blocked, off track
   * or late) first, its own prerequisite last; empty when not at risk. A chain longer than
   * RISK_CHAIN_SHOWN keeps the cause and the last keys (atRiskDistance says how many hops).
   */
  atRiskBecause: string[];
  atRiskDistance: number;
  /** The open prerequisite whose earliest finish sets its earliest start: its critical path goes through it. */
  criticalPredecessor: string | null;
};

/**
 * Subtree progress is a transitive closure, quadratic in the milestones (12–45 ms for 5,000 on a busy 2-core machine,
 * bench/rollup.bench.mjs): past this many milestones in a project it is not computed, so that no
 * project can make a read take seconds. Everything else is linear.
 */
export const SUBTREE_LIMIT = 5_000;

/** At most this many keys of a risk chain are listed per milestone, so the answer stays linear. */
export const RISK_CHAIN_SHOWN = 10;


export type ProjectPlanView = {
  project: { key: string; name: string };
  today: string;
  progress: number;
  /** The last day of open work, or null when nothing is open. */
  earliestFinish: string | null;
  criticalPath: string[];
  /** The duration and weight given to a milestone without an estimate (the median estimate, or 1). */
  defaultEstimateDays: number;
  milestones: PlanMilestone[];
  handoffs: { id: string; title: string; progress: number }[];
};

export type ProjectPlanOptions = {
  /**
   * Compute each milestone's subtree progress (the default, as the API answers it). A reader that
   * never shows it (the dashboard) passes false and skips the one quadratic step of the plan.
   */
  subtrees?: boolean;
};

export async function getProjectPlan(caller: Caller, key: string, now: Date = new Date(), options: ProjectPlanOptions = {}): Promise<ProjectPlanView> {
  const access = await authorizeProject(caller, { key }, "milestone", "read", { targetType: "project" });
  const projectId = access.project.id;
  const [rows, dependencies, links] = await Promise.all([
    db().milestone.findMany({
      where: { projectId },
      select: { id: true, key: true, title: true, status: true, health: true, startDate: true, dueDate: true, estimateDays: true, completedAt: true, acceptanceCriteria: true },
    }),
    db().milestoneDependency.findMany({ where: { projectId }, select: { milestoneId: true, dependsOnId: true } }),
    db().handoffMilestone.findMany({ where: { handoff: { projectId } }, select: { milestoneId: true, handoff: { select: { id: true, title: true } } } }),
  ]);
  // Key order makes every tie-break of the plan (lib/graph/plan.ts) follow the keys.
  rows.sort((a, b) => compareKeys(a.key, b.key));
  const today = dayNumber(now);
  const plan = computePlan(
    rows.map((m) => ({
      id: m.id,
      key: m.key,
      status: m.status,
      health: m.health,
      estimateDays: m.estimateDays,
      startDay: day(m.startDate),
      dueDay: day(m.dueDate),
      completedDay: day(m.completedAt),
      fraction: checklistFraction(m.acceptanceCriteria) ?? 0,
    })),
    dependencies,
    today,
  );
  const subtree = options.subtrees !== false && rows.length <= SUBTREE_LIMIT ? subtreeProgress(plan) : null;
  const keysOf = (indices: number[]) => indices.map((i) => plan.keys[i]);

  const handoffs = new Map<string, { id: string; title: string; milestoneIds: string[] }>();
  for (const link of links) {
    const entry = handoffs.get(link.handoff.id) ?? { ...link.handoff, milestoneIds: [] };
    entry.milestoneIds.push(link.milestoneId);
    handoffs.set(link.handoff.id, entry);
  }

  return {
    project: { key: access.project.key, name: access.project.name },
    today: dayToIso(today),
    progress: round(plan.projectProgress),
    earliestFinish: plan.criticalPath.length ? dayToIso(plan.finishDay[plan.criticalPath[plan.criticalPath.length - 1]]) : null,
    criticalPath: keysOf(plan.criticalPath),
    defaultEstimateDays: plan.defaultEstimate,
    milestones: rows.map((m, i) => ({
      id: m.id,
      key: m.key,
      title: m.title,
      status: m.status,
      health: m.health,
      dueDate: m.dueDate ? dayToIso(dayNumber(m.dueDate)) : null,
      startDate: m.startDate ? dayToIso(dayNumber(m.startDate)) : null,
      estimateDays: m.estimateDays,
      dependsOn: keysOf(Array.from(plan.preds.subarray(plan.predStart[i], plan.predStart[i + 1]))).sort(compareKeys),
      progress: round(plan.progress[i]),
      subtreeProgress: subtree ? round(subtree[i]) : null,
      earliestStart: dayToIso(plan.earliestStart[i]),
      earliestFinish: dayToIso(plan.finishDay[i]),
      slipDays: plan.slipDays[i],
      onCriticalPath: plan.onCriticalPath[i] === 1,
      atRiskBecause: keysOf(riskChain(plan, i, RISK_CHAIN_SHOWN)),
      atRiskDistance: plan.riskDistance[i],
      criticalPredecessor: plan.criticalPredecessor[i] === -1 ? null : plan.keys[plan.criticalPredecessor[i]],
    })),
    handoffs: [...handoffs.values()]
      .map((h) => ({ id: h.id, title: h.title, progress: round(groupProgress(plan, h.milestoneIds)) }))
      .sort((a, b) => compareKeys(a.title, b.title)),
  };
}
