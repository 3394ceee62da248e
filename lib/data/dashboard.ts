// The cross-project dashboard (issue 9, item 5): for every project the caller can see, its computed
// plan (getProjectPlan, which checks the caller's access to the project first) and the notes of its
// status updates: the newest one of the project, and the newest one of each milestone a cause chain
// names. Five reads per project: access, the three of the plan, and the notes.
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Caller } from "@/lib/auth/actor";
import { getProjectPlan, type ProjectPlanView } from "@/lib/data/plan";
import { listProjectLinks } from "@/lib/data/projects";
import { summarizePlan, type ProjectSummary } from "@/lib/plan/dashboard-summary";

/** Notes read per project at most, newest first: enough for every chain the card shows. */
export const DASHBOARD_NOTES_READ = 500;

export type HealthNote = { milestoneKey: string; milestoneId: string; health: string; note: string; author: string | null; at: Date };

export type ProjectDashboard = {
  plan: ProjectPlanView;
  summary: ProjectSummary;
  latestNote: HealthNote | null;
};

export async function getDashboard(caller: Caller, now: Date = new Date()): Promise<ProjectDashboard[]> {
  const projects = await listProjectLinks(caller);
  // One project after another: a dozen projects is a dozen short reads, and the pool stays free.
  const out: ProjectDashboard[] = [];
  for (const project of projects) {
    try {
      out.push(await getProjectDashboard(caller, project.key, now));
    } catch (error) {
      // Archived, or access lost, since the list was read: the page shows the others.
      if (error instanceof NotFoundError || error instanceof ForbiddenError) continue;
      throw error;
    }
  }
  return out;
}

export async function getProjectDashboard(caller: Caller, key: string, now: Date = new Date()): Promise<ProjectDashboard> {
  // Authorization first: getProjectPlan refuses a caller who may not read the project's milestones.
  // The dashboard shows no subtree progress, so the plan skips computing it (quadratic in milestones).
  const plan = await getProjectPlan(caller, key, now, { subtrees: false });
  const notes = plan.milestones.length
    ? await db().statusUpdate.findMany({
        where: { milestone: { project: { key: plan.project.key } }, note: { not: "" } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: DASHBOARD_NOTES_READ,
        select: { milestoneId: true, toHealth: true, note: true, createdAt: true, author: { select: { name: true } } },
      })
    : [];
  const newest = new Map<string, string>();
  for (const n of notes) if (!newest.has(n.milestoneId)) newest.set(n.milestoneId, n.note);
  const keyOf = new Map(plan.milestones.map((m) => [m.id, m.key]));
  const first = notes[0];
  return {
    plan,
    summary: summarizePlan(plan, newest),
    latestNote: first
      ? { milestoneKey: keyOf.get(first.milestoneId) ?? "", milestoneId: first.milestoneId, health: first.toHealth, note: first.note, author: first.author?.name ?? null, at: first.createdAt }
      : null,
  };
}
