// The milestones table across projects (/milestones, issue 9 item 5): every milestone of every
// project the caller can see, with what its project's computed plan says of it. One plan per project
// (getProjectPlan checks the caller's access to that project first, then makes three reads), and one
// read for the owners and direct prerequisites of all of them: a handful of reads per project, none
// per milestone. Filtering and sorting are lib/plan/milestone-table.ts, on what this returns.
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getProjectPlan, type ProjectPlanView } from "@/lib/data/plan";
import { listProjectLinks } from "@/lib/data/projects";
import { dayNumber, dayToIso } from "@/lib/graph/plan";
import type { TableRow } from "@/lib/plan/milestone-table";

export type MilestoneTableData = {
  /** YYYY-MM-DD, the day the plans were computed for: "overdue" is due before it. */
  today: string;
  projects: { key: string; name: string }[];
  rows: TableRow[];
};

export async function listMilestoneTable(caller: Caller, now: Date = new Date()): Promise<MilestoneTableData> {
  const links = await listProjectLinks(caller);
  // One project after another, as the dashboard does: a dozen short reads, and the pool stays free.
  const plans: ProjectPlanView[] = [];
  for (const link of links) {
    try {
      plans.push(await getProjectPlan(caller, link.key, now, { subtrees: false }));
    } catch (error) {
      // Archived, or access lost, since the list was read: the table shows the others.
      if (error instanceof NotFoundError || error instanceof ForbiddenError) continue;
      throw error;
    }
  }
  const keys = plans.map((p) => p.project.key);
  const details = keys.length
    ? await db().milestone.findMany({
        where: { project: { key: { in: keys } } },
        select: { id: true, owner: { select: { id: true, name: true } }, dependsOn: { select: { dependsOn: { select: { key: true } } } } },
      })
    : [];
  const byId = new Map(details.map((d) => [d.id, d]));
  const rows: TableRow[] = plans.flatMap((plan) =>
    plan.milestones.map((m) => {
      // A milestone made after its plan was read has no details yet; one deleted since keeps none.
      const detail = byId.get(m.id);
      return {
        id: m.id,
        key: m.key,
        title: m.title,
        project: plan.project,
        status: m.status,
        health: m.health,
        owner: detail?.owner ?? null,
        dueDate: m.dueDate,
        progress: m.progress,
        slipDays: m.slipDays,
        atRiskBecause: m.atRiskBecause,
        atRiskDistance: m.atRiskDistance,
        dependsOn: detail ? detail.dependsOn.map((d) => d.dependsOn.key) : [],
      };
    }),
  );
  return { today: dayToIso(dayNumber(now)), projects: plans.map((p) => p.project), rows };
}
