// Decomposition: the milestones a handoff's paper was broken into. Planning the work is the
// engineers', managers' and owners' part, so linking follows the milestone "update" permission.
import { db, read } from "@/lib/db/client";
import type { MilestoneStatus } from "@/lib/db/generated/sqlite/enums";
import type { Caller } from "@/lib/auth/actor";
import { ValidationError, parseInput } from "@/lib/errors";
import { handoffMilestonesSchema } from "@/lib/validation/handoff";
import { HANDOFF_ACTION_LABELS } from "@/lib/validation/labels";
import { authorizeHandoff } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";
import { compareKeys } from "@/lib/sort";

/** Replaces the set of milestones linked to a handoff; each must belong to the handoff's project. */
export async function setHandoffMilestones(caller: Caller, handoffId: string, input: unknown) {
  const { actor, project } = await authorizeHandoff(caller, handoffId, "update", "milestone");
  const { milestoneIds } = parseInput(handoffMilestonesSchema, input);
  const unique = [...new Set(milestoneIds)];
  const found = await db().milestone.findMany({ where: { projectId: project.id, id: { in: unique } }, select: { id: true, key: true } });
  if (found.length !== unique.length) {
    throw new ValidationError(`${HANDOFF_ACTION_LABELS.milestoneIds} must all belong to this handoff's project.`, { milestoneIds: ["must be milestones of this project"] });
  }
  const keys = found.map((m) => m.key).sort(compareKeys);
  await db().$transaction(async (tx) => {
    await tx.handoffMilestone.deleteMany({ where: { handoffId, milestoneId: { notIn: unique } } });
    const existing = await tx.handoffMilestone.findMany({ where: { handoffId }, select: { milestoneId: true } });
    const missing = unique.filter((id) => !existing.some((e) => e.milestoneId === id));
    if (missing.length) await tx.handoffMilestone.createMany({ data: missing.map((milestoneId) => ({ handoffId, milestoneId })) });
    await auditWrite(tx, actor, { action: "handoff.milestones", targetType: "handoff", targetId: handoffId, projectId: project.id, details: { milestoneIds: unique, keys } });
  });
  return { milestoneIds: unique, keys };
}

/** The project's milestones to choose from, for those who may link them (a plain read, ADR 0002). */
export async function milestoneChoices(caller: Caller, handoffId: string) {
  const { project } = await authorizeHandoff(caller, handoffId, "update", "milestone");
  const rows = await read<{ id: string; key: string; title: string; status: MilestoneStatus }>`
    SELECT "id", "key", "title", "status" FROM "Milestone" WHERE "projectId" = ${project.id}`;
  return rows.sort((a, b) => compareKeys(a.key, b.key));
}
