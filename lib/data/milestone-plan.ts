// Planning a milestone from its page and the API: what it depends on (a DAG per project, so an
// edge that would close a cycle is refused with the cycle named), the services that implement
// it, and ticking its acceptance criteria. Planning is the milestone "update" cell of the matrix.
// Links do not change the milestone's version: someone editing its text is not in conflict with
// someone linking it. Ticking a criterion changes the text, so it does.
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError, parseInput } from "@/lib/errors";
import { addDependencySchema, milestoneServicesSchema, tickCriterionSchema } from "@/lib/validation/milestone";
import { tickCriterion } from "@/lib/validation/milestone-criteria";
import { MILESTONE_PLAN_LABELS as P } from "@/lib/validation/labels";
import { isLookupKey } from "@/lib/validation/text";
import { authorizeInProject, servicesEditableBy } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";
import { assertRoomForPrerequisite } from "@/lib/data/plan-caps";
import { createsCycle, findCycle } from "@/lib/graph/cycles";
import { compareKeys } from "@/lib/sort";
import { reachable } from "@/lib/graph/reachability";

const target = (id: string) => ({ targetType: "milestone", targetId: id });

async function projectOfMilestone(id: string) {
  if (!isLookupKey(id)) return undefined;
  return (await db().milestone.findUnique({ where: { id }, select: { projectId: true } }))?.projectId;
}

/** The caller may plan milestone `id` (the milestone "update" cell in its project); else 404 or 403, audited. */
export const authorizePlan = async (caller: Caller, id: string) =>
  authorizeInProject(caller, await projectOfMilestone(id), "milestone", "update", target(id), "Milestone");

/** A dependency that would close a cycle; `cycle` lists the keys in order, first and last the same. */
export class CycleError extends ConflictError {
  constructor(readonly cycle: string[]) {
    super(`That dependency would close a cycle: ${cycle.join(" → ")}. A milestone cannot wait, however indirectly, on itself.`);
  }
}

/**
 * "Milestone `id` depends on `dependsOn`" (a key such as FLOOR-3, or an id). Refused: itself, a
 * milestone outside this project (or one that does not exist: the same answer, so nothing leaks),
 * an edge it already has (409), an edge that would close a cycle (409 naming the cycle), and a
 * prerequisite past LIMITS.milestone.prerequisites (409).
 */
export async function addDependency(caller: Caller, id: string, input: unknown) {
  const { actor, project } = await authorizePlan(caller, id);
  const { dependsOn } = parseInput(addDependencySchema, input);
  const milestones = await db().milestone.findMany({ where: { projectId: project.id }, select: { id: true, key: true } });
  const self = milestones.find((m) => m.id === id)!;
  const other = milestones.find((m) => m.id === dependsOn || m.key === dependsOn.toUpperCase());
  if (!other) {
    throw new ValidationError(`${P.dependsOn} must name a milestone of ${project.name} (${dependsOn} is not one).`, { dependsOn: [`must be a milestone of ${project.name}`] });
  }
  if (other.id === id) throw new ValidationError(`${P.dependsOn} cannot be the milestone itself.`, { dependsOn: ["cannot be the milestone itself"] });
  return db().$transaction(async (tx) => {
    const edges = (await tx.milestoneDependency.findMany({ where: { projectId: project.id }, select: { milestoneId: true, dependsOnId: true } })).map((e) => ({
      source: e.milestoneId,
      target: e.dependsOnId,
    }));
    if (edges.some((e) => e.source === id && e.target === other.id)) throw new ConflictError(`${self.key} already depends on ${other.key}.`);
    const edge = { source: id, target: other.id };
    if (createsCycle(edges, edge)) throw new CycleError(cycleThrough(milestones, [...edges, edge], id));
    await assertRoomForPrerequisite(tx, self);
    const dependency = await tx.milestoneDependency.create({ data: { projectId: project.id, milestoneId: id, dependsOnId: other.id } });
    await auditWrite(tx, actor, { action: "milestone.dependency.add", targetType: "milestone", targetId: id, projectId: project.id, details: { key: self.key, dependsOn: other.key } });
    return { id: dependency.id, milestone: self.key, dependsOn: { id: other.id, key: other.key } };
  });
}

/** The cycle the new edge from `start` closes, as keys from `start` back to it. */
function cycleThrough(milestones: { id: string; key: string }[], edges: { source: string; target: string }[], start: string): string[] {
  const keyOf = new Map(milestones.map((m) => [m.id, m.key]));
  // The graph was acyclic before, so every cycle runs through the new edge, and so through start.
  const cycle = findCycle(milestones, edges) ?? [start];
  const at = Math.max(0, cycle.indexOf(start));
  const ordered = [...cycle.slice(at), ...cycle.slice(0, at)];
  return [...ordered, start].map((m) => keyOf.get(m) ?? m);
}

/** Removes "`id` depends on `dependsOnId`"; 404 when there is no such edge. */
export async function removeDependency(caller: Caller, id: string, dependsOnId: string) {
  const { actor, project } = await authorizePlan(caller, id);
  if (!isLookupKey(dependsOnId)) throw new NotFoundError("Dependency");
  return db().$transaction(async (tx) => {
    const edge = await tx.milestoneDependency.findUnique({
      where: { milestoneId_dependsOnId: { milestoneId: id, dependsOnId } },
      select: { id: true, milestone: { select: { key: true } }, dependsOn: { select: { key: true } } },
    });
    if (!edge) throw new NotFoundError("Dependency");
    await tx.milestoneDependency.delete({ where: { id: edge.id } });
    const details = { key: edge.milestone.key, dependsOn: edge.dependsOn.key };
    await auditWrite(tx, actor, { action: "milestone.dependency.remove", targetType: "milestone", targetId: id, projectId: project.id, details });
    return details;
  });
}

/**
 * Replaces the set of services that implement the milestone, by name; unknown names are refused,
 * named. Any planner may link any service, but a link grants its project's planners editing only
 * when the caller could edit that service now (lib/auth/permissions.ts, "service editor"): so a
 * link an editor makes grants. A link the set keeps keeps what it had: an editor saving a set (to
 * add or remove another service) never confirms, unawares, a link someone else made; confirming
 * is a deliberate act on the service's own page (linkServiceMilestone). Removing a link removes
 * what it granted.
 */
export async function setMilestoneServices(caller: Caller, id: string, input: unknown) {
  const { actor, project } = await authorizePlan(caller, id);
  const names = [...new Set(parseInput(milestoneServicesSchema, input).services)].sort();
  const found = await db().service.findMany({ where: { name: { in: names } }, select: { id: true, name: true } });
  const unknown = names.filter((n) => !found.some((s) => s.name === n));
  if (unknown.length) {
    const list = unknown.join(", ");
    throw new ValidationError(`${P.services} names ${unknown.length === 1 ? "a service" : "services"} the catalog does not have: ${list}.`, { services: [`not in the catalog: ${list}`] });
  }
  return db().$transaction(async (tx) => {
    const ids = found.map((s) => s.id);
    const existing = await tx.milestoneService.findMany({ where: { milestoneId: id }, select: { serviceId: true, grantsEdit: true, service: { select: { name: true } } } });
    const removed = existing.filter((e) => !ids.includes(e.serviceId));
    const added = found.filter((s) => !existing.some((e) => e.serviceId === s.id));
    const editable = await servicesEditableBy(tx, actor, ids);
    if (removed.length) await tx.milestoneService.deleteMany({ where: { milestoneId: id, serviceId: { in: removed.map((e) => e.serviceId) } } });
    if (added.length) await tx.milestoneService.createMany({ data: added.map((s) => ({ milestoneId: id, serviceId: s.id, grantsEdit: editable.has(s.id) })) });
    const { key } = await tx.milestone.findUniqueOrThrow({ where: { id }, select: { key: true } });
    const granting = added.filter((s) => editable.has(s.id)).map((s) => s.name).sort();
    const details = { key, services: names, added: added.map((s) => s.name).sort(), removed: removed.map((e) => e.service.name).sort(), grantsEdit: granting };
    await auditWrite(tx, actor, { action: "milestone.services", targetType: "milestone", targetId: id, projectId: project.id, details });
    return { key, services: names };
  });
}

/** Ticks or unticks one acceptance criterion ("- [ ] …" item) from the version the caller saw. */
export async function tickMilestoneCriterion(caller: Caller, id: string, input: unknown) {
  const { actor, project } = await authorizePlan(caller, id);
  const { index, checked, version } = parseInput(tickCriterionSchema, input);
  return db().$transaction(async (tx) => {
    const current = await tx.milestone.findUniqueOrThrow({ where: { id } });
    if (current.version !== version) throw new ConflictError("Someone changed this milestone after you opened it. Reload to see their change, then tick again.", current);
    const criteria = tickCriterion(current.acceptanceCriteria, index, checked);
    if (criteria === null) throw new ValidationError(`${P.criterion} ${index + 1} does not exist.`, { index: ["no such criterion"] });
    const result = await tx.milestone.updateMany({ where: { id, version }, data: { acceptanceCriteria: criteria, version: { increment: 1 } } });
    if (result.count === 0) throw new ConflictError("Someone changed this milestone after you opened it. Reload to see their change, then tick again.");
    await auditWrite(tx, actor, { action: "milestone.criterion", targetType: "milestone", targetId: id, projectId: project.id, details: { key: current.key, index, checked } });
    return { key: current.key, index, checked };
  });
}

/** What the planning controls offer: the project's other milestones and the services catalog. */
export async function milestonePlanChoices(caller: Caller, id: string) {
  const { project } = await authorizePlan(caller, id);
  const [milestones, services, dependencies] = await Promise.all([
    db().milestone.findMany({ where: { projectId: project.id, id: { not: id } }, select: { id: true, key: true, title: true } }),
    db().service.findMany({ select: { name: true, displayName: true, layer: true }, orderBy: { name: "asc" } }),
    db().milestoneDependency.findMany({ where: { projectId: project.id }, select: { milestoneId: true, dependsOnId: true } }),
  ]);
  // Milestones that wait on this one, directly or through others, are not offered as its
  // prerequisites: choosing one would close a cycle (the server would refuse it anyway).
  const waiting = reachable(id, dependencies.map((d) => ({ source: d.dependsOnId, target: d.milestoneId })), "downstream");
  return { milestones: milestones.filter((m) => !waiting.has(m.id)).sort((a, b) => compareKeys(a.key, b.key)), services };
}
