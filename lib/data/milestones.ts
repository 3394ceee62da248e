// Milestones: the units a paper is decomposed into, with status history and dependencies.
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { ConflictError, ValidationError, parseInput } from "@/lib/errors";
import {
  createMilestoneSchema,
  updateMilestoneSchema,
  updateMilestoneStatusSchema,
} from "@/lib/validation/milestone";
import { authorizeInProject, authorizeProject } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";
import { assertRoomForMilestones } from "@/lib/data/plan-caps";
import { isLookupKey } from "@/lib/validation/text";
import { MILESTONE_LABELS } from "@/lib/validation/labels";
import { compareKeys } from "@/lib/sort";
import { LIMITS } from "@/lib/validation/limits";
import { asChecklist } from "@/lib/validation/milestone-criteria";
import { completedAtAfter, recordStatusChange } from "@/lib/data/milestone-status";

const target = (id: string) => ({ targetType: "milestone", targetId: id });

async function projectOfMilestone(id: string) {
  if (!isLookupKey(id)) return undefined;
  return (await db().milestone.findUnique({ where: { id }, select: { projectId: true } }))?.projectId;
}

/** A milestone's owner works on the project: a member of it (an id that names nobody is refused the same way). */
async function assertOwnerIsMember(projectId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const membership = await db().membership.findUnique({ where: { projectId_userId: { projectId, userId: ownerId } }, select: { id: true } });
  if (!membership) throw new ValidationError(`${MILESTONE_LABELS.ownerId} must be a member of this project.`, { ownerId: [`${MILESTONE_LABELS.ownerId} must be a member of this project.`] });
}

export async function listMilestones(caller: Caller, key: string) {
  const access = await authorizeProject(caller, { key }, "milestone", "read", { targetType: "project" });
  const milestones = await db().milestone.findMany({
    where: { projectId: access.project.id },
    select: {
      id: true,
      key: true,
      title: true,
      status: true,
      health: true,
      startDate: true,
      dueDate: true,
      estimateDays: true,
      completedAt: true,
      updatedAt: true,
      version: true,
      owner: { select: { id: true, name: true } },
      dependsOn: { select: { dependsOn: { select: { key: true, status: true } } } },
    },
  });
  // Natural key order: FLOOR-2 before FLOOR-10.
  milestones.sort((a, b) => compareKeys(a.key, b.key));
  return { ...access, milestones };
}

export async function getMilestone(caller: Caller, id: string) {
  const access = await authorizeInProject(caller, await projectOfMilestone(id), "milestone", "read", target(id), "Milestone");
  const milestone = await db().milestone.findUniqueOrThrow({
    where: { id },
    include: {
      owner: { select: { id: true, name: true } },
      dependsOn: { select: { dependsOn: { select: { id: true, key: true, title: true, status: true } } } },
      dependents: { select: { milestone: { select: { id: true, key: true, title: true, status: true } } } },
      statusUpdates: { include: { author: { select: { name: true } } }, orderBy: { createdAt: "desc" } },
      handoffs: { select: { handoff: { select: { id: true, title: true, status: true } } } },
      services: { select: { service: { select: { id: true, name: true, displayName: true, layer: true, lifecycle: true } } } },
    },
  });
  return { ...access, milestone };
}

/** After the largest number in use; past the largest a key can have, the smallest free one. */
function nextKeyNumber(numbers: number[]): number {
  const next = Math.max(0, ...numbers) + 1;
  if (next <= LIMITS.milestone.keyNumber) return next;
  const used = new Set(numbers);
  let free = 1;
  while (used.has(free)) free++;
  return free;
}

/**
 * What the new-milestone form needs: the project, the next free key and who may own the work.
 * Reading it needs only read access (the page tells others who plans milestones); creating is
 * checked by createMilestone.
 */
export async function newMilestoneForm(caller: Caller, key: string) {
  const access = await authorizeProject(caller, { key }, "milestone", "read", { targetType: "project" });
  const [keys, members] = await Promise.all([
    db().milestone.findMany({ where: { projectId: access.project.id }, select: { key: true } }),
    db().membership.findMany({
      where: { projectId: access.project.id, user: { disabledAt: null } },
      select: { user: { select: { id: true, name: true } } },
    }),
  ]);
  const numbers = keys.map((m) => Number(/-(\d+)$/.exec(m.key)?.[1] ?? 0));
  const nextKey = `${access.project.key}-${nextKeyNumber(numbers)}`;
  const owners = members.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name));
  return { ...access, nextKey, owners };
}

export async function createMilestone(caller: Caller, key: string, input: unknown) {
  const { actor, project } = await authorizeProject(caller, { key }, "milestone", "create", { targetType: "milestone" });
  const parsed = parseInput(createMilestoneSchema, input);
  const data = { ...parsed, acceptanceCriteria: asChecklist(parsed.acceptanceCriteria) };
  await assertOwnerIsMember(project.id, data.ownerId);
  await assertKeyFree(project, data.key);
  return db().$transaction(async (tx) => {
    await assertRoomForMilestones(tx, project, 1);
    const milestone = await tx.milestone.create({ data: { ...data, projectId: project.id } });
    await recordStatusChange(tx, milestone.id, actor.id, null, milestone, "Created");
    await auditWrite(tx, actor, { action: "milestone.create", targetType: "milestone", targetId: milestone.id, projectId: project.id, details: { key: milestone.key } });
    return milestone;
  });
}

/**
 * Edits a milestone from the version the caller saw: only the fields the input names change (the
 * form sends all of them, a PATCH any). A stale version is a 409 carrying the current milestone,
 * so the caller can show it beside their own text; nothing is overwritten silently.
 */
export async function updateMilestone(caller: Caller, id: string, input: unknown) {
  const { actor, project } = await authorizeInProject(caller, await projectOfMilestone(id), "milestone", "update", target(id), "Milestone");
  const parsed = parseInput(updateMilestoneSchema, input);
  const named = (k: string) => typeof input === "object" && input !== null && Object.hasOwn(input, k);
  const { version, ...fields } = parsed;
  const data = Object.fromEntries(Object.entries(fields).filter(([k]) => named(k))) as Omit<typeof parsed, "version">;
  if (data.acceptanceCriteria !== undefined) data.acceptanceCriteria = asChecklist(data.acceptanceCriteria);
  await assertOwnerIsMember(project.id, data.ownerId);
  if (data.key !== undefined) await assertKeyFree(project, data.key, id);
  return db().$transaction(async (tx) => {
    const before = await tx.milestone.findUniqueOrThrow({ where: { id }, select: { key: true, startDate: true, dueDate: true } });
    const start = data.startDate !== undefined ? data.startDate : before.startDate;
    const due = data.dueDate !== undefined ? data.dueDate : before.dueDate;
    if (start && due && start > due) throw new ValidationError(`${MILESTONE_LABELS.dueDate} must be on or after the start date.`, { dueDate: ["must be on or after the start date"] });
    const result = await tx.milestone.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
    if (result.count === 0) {
      const current = await tx.milestone.findUnique({ where: { id } });
      throw new ConflictError("Someone changed this milestone after you opened it. Review their change and try again.", current);
    }
    const changed = Object.keys(data).sort();
    await auditWrite(tx, actor, { action: "milestone.update", targetType: "milestone", targetId: id, projectId: project.id, details: { key: data.key ?? before.key, fields: changed } });
    return tx.milestone.findUniqueOrThrow({ where: { id } });
  });
}

/** A milestone key belongs to its project (PROJ-n) and names one milestone in it. */
async function assertKeyFree(project: { id: string; key: string; name: string }, key: string, exceptId?: string) {
  if (!key.startsWith(`${project.key}-`)) {
    throw new ValidationError(`${MILESTONE_LABELS.key} must start with ${project.key}-.`, { key: [`must start with ${project.key}-`] });
  }
  const other = await db().milestone.findUnique({ where: { projectId_key: { projectId: project.id, key } }, select: { id: true } });
  if (other && other.id !== exceptId) throw new ConflictError(`${key} already exists in ${project.name}.`, undefined, { key: [`${key} is another milestone's key`] });
}

/** Records a status or health change with who, when and a note; stale versions get 409. */
export async function updateMilestoneStatus(caller: Caller, id: string, input: unknown) {
  const { actor, project } = await authorizeInProject(caller, await projectOfMilestone(id), "milestone", "updateStatus", target(id), "Milestone");
  const data = parseInput(updateMilestoneStatusSchema, input);
  return db().$transaction(async (tx) => {
    const before = await tx.milestone.findUniqueOrThrow({ where: { id }, select: { status: true, health: true, completedAt: true } });
    const completedAt = completedAtAfter(data.status, before.completedAt);
    const result = await tx.milestone.updateMany({
      where: { id, version: data.version },
      data: { status: data.status, health: data.health, completedAt, version: { increment: 1 } },
    });
    if (result.count === 0) {
      const current = await tx.milestone.findUnique({ where: { id } });
      throw new ConflictError("Someone updated this milestone's status after you opened it. Review the latest status and try again.", current);
    }
    await recordStatusChange(tx, id, actor.id, before, data, data.note);
    await auditWrite(tx, actor, {
      action: "milestone.updateStatus",
      targetType: "milestone",
      targetId: id,
      projectId: project.id,
      details: { from: before.status, to: data.status, health: data.health },
    });
    const saved = await tx.milestone.findUniqueOrThrow({ where: { id } });
    // Done with prerequisites still open is allowed (plans change), but said: the answer names them.
    const openPrerequisites =
      data.status === "done"
        ? (
            await tx.milestoneDependency.findMany({
              where: { milestoneId: id, dependsOn: { status: { notIn: ["done", "cancelled"] } } },
              select: { dependsOn: { select: { key: true } } },
            })
          )
            .map((d) => d.dependsOn.key)
            .sort(compareKeys)
        : [];
    return { ...saved, openPrerequisites };
  });
}

/** Deletes a milestone with its dependencies (both ways), service and handoff links and status history. */
export async function deleteMilestone(caller: Caller, id: string) {
  const { actor, project } = await authorizeInProject(caller, await projectOfMilestone(id), "milestone", "delete", target(id), "Milestone");
  return db().$transaction(async (tx) => {
    const [dependencies, services, handoffs] = await Promise.all([
      tx.milestoneDependency.count({ where: { OR: [{ milestoneId: id }, { dependsOnId: id }] } }),
      tx.milestoneService.count({ where: { milestoneId: id } }),
      tx.handoffMilestone.count({ where: { milestoneId: id } }),
    ]);
    const removed = await tx.milestone.delete({ where: { id }, select: { key: true } });
    const details = { key: removed.key, dependencies, services, handoffs };
    await auditWrite(tx, actor, { action: "milestone.delete", targetType: "milestone", targetId: id, projectId: project.id, details });
    return { project: project.key, ...details };
  });
}
