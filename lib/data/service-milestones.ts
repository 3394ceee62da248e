// The "implemented by" link seen from the service's side: its page links one milestone at a time
// and unlinks one. The catalog is organisation-wide but a milestone belongs to a project, so each
// link is authorized on the milestone: the caller's role in its project must allow planning it
// (milestone "update", as setMilestoneServices asks), and a milestone of a project the caller
// cannot see is not found. Both writes are idempotent and audited like the other plan writes.
// A link grants the planners of the milestone's project editing of the service only when the
// caller could edit it (its owner, an admin, another editor): see lib/auth/permissions.ts.
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { rolesAllowed } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/errors";
import { serviceMilestoneSchema } from "@/lib/validation/milestone";
import { authorizeService, servicesEditableBy } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";
import { authorizePlan } from "@/lib/data/milestone-plan";
import { compareKeys } from "@/lib/sort";

/**
 * The service must exist (any member reads the catalog) before the input is read; which
 * milestone it names then decides the permission, checked on that milestone's project.
 */
async function authorizeLink(caller: Caller, name: string, input: unknown) {
  const { service } = await authorizeService(caller, name, "read");
  const { milestone: milestoneId } = parseInput(serviceMilestoneSchema, input);
  const { actor, project } = await authorizePlan(caller, milestoneId);
  return { actor, project, service, milestoneId };
}

/**
 * "`name` implements this milestone." The link grants editing when the caller could edit the
 * service now; linking a milestone already linked changes nothing, unless such a caller confirms
 * a link someone else made, which then grants.
 */
export async function linkServiceMilestone(caller: Caller, name: string, input: unknown) {
  const { actor, project, service, milestoneId } = await authorizeLink(caller, name, input);
  return db().$transaction(async (tx) => {
    const where = { milestoneId_serviceId: { milestoneId, serviceId: service.id } };
    const existing = await tx.milestoneService.findUnique({ where, select: { id: true, grantsEdit: true } });
    const grantsEdit = (await servicesEditableBy(tx, actor, [service.id])).has(service.id);
    if (!existing) await tx.milestoneService.create({ data: { milestoneId, serviceId: service.id, grantsEdit } });
    else if (grantsEdit && !existing.grantsEdit) await tx.milestoneService.update({ where: { id: existing.id }, data: { grantsEdit } });
    const changed = !existing || (grantsEdit && !existing.grantsEdit);
    const { key } = await tx.milestone.findUniqueOrThrow({ where: { id: milestoneId }, select: { key: true } });
    const details = { key, service: service.name, changed, grantsEdit: existing?.grantsEdit || grantsEdit };
    await auditWrite(tx, actor, { action: "milestone.service.link", targetType: "milestone", targetId: milestoneId, projectId: project.id, details });
    return { key, project: project.key, service: service.name, linked: true, changed };
  });
}

/** "`name` no longer implements this milestone." Unlinking one that is not linked changes nothing. */
export async function unlinkServiceMilestone(caller: Caller, name: string, input: unknown) {
  const { actor, project, service, milestoneId } = await authorizeLink(caller, name, input);
  return db().$transaction(async (tx) => {
    const { count } = await tx.milestoneService.deleteMany({ where: { milestoneId, serviceId: service.id } });
    const { key } = await tx.milestone.findUniqueOrThrow({ where: { id: milestoneId }, select: { key: true } });
    const details = { key, service: service.name, changed: count > 0 };
    await auditWrite(tx, actor, { action: "milestone.service.unlink", targetType: "milestone", targetId: milestoneId, projectId: project.id, details });
    return { key, project: project.key, service: service.name, linked: false, changed: count > 0 };
  });
}

export type ServiceMilestoneChoices = {
  /** Keys of the projects whose milestones the caller may link to services and unlink. */
  editable: string[];
  /** Per project (by name), its milestones not linked to this service yet, in key order. */
  groups: { project: { key: string; name: string }; milestones: { id: string; key: string; title: string }[] }[];
};

/** What the service page's "Add milestone" offers: milestones of active projects the caller may plan in. */
export async function serviceMilestoneChoices(caller: Caller, name: string): Promise<ServiceMilestoneChoices> {
  const { actor, service } = await authorizeService(caller, name, "read");
  const planners = rolesAllowed("milestone", "update");
  const projects = await db().project.findMany({
    where: { archivedAt: null, ...(actor.isAdmin ? {} : { memberships: { some: { userId: actor.id, role: { in: [...planners] } } } }) },
    select: {
      key: true,
      name: true,
      milestones: { where: { services: { none: { serviceId: service.id } } }, select: { id: true, key: true, title: true } },
    },
    orderBy: { name: "asc" },
  });
  return {
    editable: projects.map((p) => p.key),
    groups: projects
      .filter((p) => p.milestones.length > 0)
      .map((p) => ({ project: { key: p.key, name: p.name }, milestones: p.milestones.sort((a, b) => compareKeys(a.key, b.key)) })),
  };
}
