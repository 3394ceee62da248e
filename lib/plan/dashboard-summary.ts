// What the dashboard shows of one project's computed plan (lib/data/plan.ts): counts by status,
// the computed signals (blocked, at risk, slipping, overdue), the next due dates, and for each
// blocked, at-risk or slipping milestone the chain of causes upstream. Pure: no React, no Prisma.
import type { PlanMilestone, ProjectPlanView } from "@/lib/data/plan";

export type ChainLink = { key: string; id: string | null; title: string; state: string; note: string | null };

export type CauseChain = {
  /** The milestone the chain explains, followed by its causes upstream, nearest first. */
  subject: ChainLink;
  /** From the prerequisite next to the subject to the cause furthest upstream (the root). */
  causes: ChainLink[];
  /** Hops to the root cause when the chain had to be shortened (lib/data/plan RISK_CHAIN_SHOWN). */
  distance: number;
};

export type ProjectSummary = {
  counts: Record<PlanMilestone["status"], number>;
  total: number;
  blocked: number;
  atRisk: number;
  slipping: number;
  overdue: number;
  nextDue: { key: string; id: string; title: string; dueDate: string }[];
  chains: CauseChain[];
};

const OPEN = (m: Pick<PlanMilestone, "status">) => m.status !== "done" && m.status !== "cancelled";
/**
 * At risk (and not itself blocked, which is counted apart): its people judge it at risk or off
 * track, or something upstream is blocked, off track or late.
 */
export const isAtRisk = (m: Pick<PlanMilestone, "status" | "health" | "atRiskBecause">) => OPEN(m) && m.status !== "blocked" && (m.health !== "on_track" || m.atRiskBecause.length > 0);

/** How a milestone stands, in a few words: "blocked", "off track, slipping 4 d", "slipping 4 d", "at risk". */
export function stateOf(m: PlanMilestone): string {
  const slip = m.slipDays > 0 ? `slipping ${m.slipDays} d` : "";
  const first = m.status === "blocked" ? "blocked" : m.health === "off_track" ? "off track" : "";
  if (first) return slip ? `${first}, ${slip}` : first;
  if (slip) return slip;
  if (m.health === "at_risk" || m.atRiskBecause.length > 0) return "at risk";
  return m.status.replace("_", " ");
}

export function summarizePlan(plan: ProjectPlanView, notes: ReadonlyMap<string, string> = new Map(), nextDueCount = 3): ProjectSummary {
  const counts = { planned: 0, in_progress: 0, blocked: 0, done: 0, cancelled: 0 };
  const byKey = new Map(plan.milestones.map((m) => [m.key, m]));
  let atRisk = 0;
  let slipping = 0;
  let overdue = 0;
  for (const m of plan.milestones) {
    counts[m.status]++;
    if (!OPEN(m)) continue;
    if (isAtRisk(m)) atRisk++;
    if (m.slipDays > 0) slipping++;
    if (m.dueDate !== null && m.dueDate < plan.today) overdue++;
  }
  const link = (key: string): ChainLink => {
    const m = byKey.get(key);
    return m ? { key, id: m.id, title: m.title, state: stateOf(m), note: notes.get(m.id) ?? null } : { key, id: null, title: key, state: "", note: null };
  };
  const chains: CauseChain[] = plan.milestones
    .filter((m) => OPEN(m) && (m.status === "blocked" || m.slipDays > 0 || isAtRisk(m)))
    .map((m) => ({
      subject: link(m.key),
      // atRiskBecause lists the root cause first and the subject's own prerequisite last.
      causes: [...m.atRiskBecause].reverse().map(link),
      distance: m.atRiskDistance,
    }));
  const nextDue = plan.milestones
    .filter((m) => OPEN(m) && m.dueDate !== null && m.dueDate >= plan.today)
    .sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : 0))
    .slice(0, nextDueCount)
    .map((m) => ({ key: m.key, id: m.id, title: m.title, dueDate: m.dueDate! }));
  return { counts, total: plan.milestones.length, blocked: counts.blocked, atRisk, slipping, overdue, nextDue, chains };
}
