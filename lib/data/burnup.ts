// A project's burn-up (lib/plan/burnup.ts): its milestones and their status history, read in one
// statement after the permission check. The overview shows it, so the read is plain SQL on the
// driver (ADR 0002): only the columns the replay needs, the history of a milestone joined to it.
import { read } from "@/lib/db/client";
import type { MilestoneStatus } from "@/lib/db/generated/sqlite/enums";
import type { Caller } from "@/lib/auth/actor";
import { authorizeProject } from "@/lib/data/access";
import { dayNumber } from "@/lib/graph/plan";
import { computeBurnUp, type BurnUp, type BurnUpMilestone, type BurnUpStatusChange } from "@/lib/plan/burnup";
import { compareKeys } from "@/lib/sort";

export type ProjectBurnUp = BurnUp & { project: { key: string; name: string } };

export async function getProjectBurnUp(caller: Caller, key: string, now: Date = new Date()): Promise<ProjectBurnUp> {
  const access = await authorizeProject(caller, { key }, "milestone", "read", { targetType: "project" });
  const rows = await read<{
    id: string;
    key: string;
    status: MilestoneStatus;
    estimateDays: number | null;
    createdAt: Date;
    completedAt: Date | null;
    fromStatus: MilestoneStatus | null;
    toStatus: MilestoneStatus | null;
    changedAt: Date | null;
  }>`
    SELECT m."id", m."key", m."status", m."estimateDays", m."createdAt", m."completedAt",
           s."fromStatus", s."toStatus", s."createdAt" AS "changedAt"
    FROM "Milestone" m LEFT JOIN "StatusUpdate" s ON s."milestoneId" = m."id"
    WHERE m."projectId" = ${access.project.id}`;
  const milestones = new Map<string, BurnUpMilestone>();
  const updates: BurnUpStatusChange[] = [];
  for (const r of rows) {
    if (!milestones.has(r.id)) milestones.set(r.id, { id: r.id, key: r.key, status: r.status, estimateDays: r.estimateDays, createdAt: r.createdAt, completedAt: r.completedAt });
    if (r.toStatus !== null && r.changedAt !== null) updates.push({ milestoneId: r.id, fromStatus: r.fromStatus, toStatus: r.toStatus, at: r.changedAt });
  }
  // Key order, so that the keys of a scope change read in order (lib/plan/burnup.ts keeps it).
  const ordered = [...milestones.values()].sort((a, b) => compareKeys(a.key, b.key));
  return { project: { key: access.project.key, name: access.project.name }, ...computeBurnUp(ordered, updates, dayNumber(now)) };
}
