// The organisation-wide services catalog. Who may do what is in lib/auth/permissions.ts: any
// member reads it; engineers, managers and owners of a project add services; a service is edited
// by its owner, by admins, and by the engineers, managers and owners of the projects whose
// milestones one of its editors linked to it (authorizeService checks that per service). Links
// are counted and listed only from projects the caller can see, so the catalog tells nobody
// about work in projects they are not in.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { ConflictError, ValidationError, parseInput } from "@/lib/errors";
import { retireServiceSchema, serviceRuntimeSchema, serviceSchema, updateServiceSchema } from "@/lib/validation/service";
import { SERVICE_LABELS } from "@/lib/validation/labels";
import { authorizeInstance, authorizeService, denyService, instanceAllows } from "@/lib/data/access";
import { auditWrite, requireSignedIn } from "@/lib/data/audit";

/** The milestone links of a service the caller may know of: those in projects they can see (admins: all). */
const visibleLinks = (actor: Actor) => (actor.isAdmin ? {} : { milestone: { project: { memberships: { some: { userId: actor.id } } } } });

/** The catalog; `_count.milestones` counts the milestones of projects the caller can see. */
export async function listServices(caller: Caller) {
  const actor = await authorizeInstance(caller, "service", "read", { targetType: "service" });
  return db().service.findMany({
    select: {
      id: true,
      name: true,
      displayName: true,
      description: true,
      layer: true,
      lifecycle: true,
      image: true,
      repositoryPath: true,
      updatedAt: true,
      owner: { select: { id: true, name: true } },
      _count: { select: { interfaces: true, calls: true, calledBy: true, milestones: { where: visibleLinks(actor) } } },
    },
    orderBy: [{ layer: "asc" }, { name: "asc" }],
  });
}

/** Whether the caller may add services (the catalog page's "New service"). */
export async function canAddServices(caller: Caller): Promise<boolean> {
  const actor = await requireSignedIn(caller, { action: "service.create", targetType: "service" });
  return instanceAllows(actor, "service", "create");
}

/**
 * One service with its interfaces, dependencies and the milestones it implements; milestones of
 * projects the caller cannot see are left out. `may` says what else the caller may do to it.
 */
export async function getService(caller: Caller, name: string) {
  const { actor, may } = await authorizeService(caller, name, "read");
  const service = await db().service.findUniqueOrThrow({
    where: { name },
    include: {
      owner: { select: { id: true, name: true, email: true } },
      interfaces: { orderBy: { name: "asc" } },
      calls: { select: { id: true, kind: true, description: true, to: { select: { name: true, displayName: true, layer: true, lifecycle: true } } } },
      calledBy: { select: { id: true, kind: true, description: true, from: { select: { name: true, displayName: true, layer: true, lifecycle: true } } } },
      milestones: {
        where: visibleLinks(actor),
        select: {
          milestone: {
            select: {
              id: true,
              key: true,
              title: true,
              status: true,
              project: { select: { key: true, name: true } },
              // The handoffs (papers) each milestone was decomposed from: why the service exists.
              handoffs: { select: { handoff: { select: { id: true, title: true, paperTitle: true, status: true } } } },
            },
          },
        },
      },
      // The projects that run it (a compose file names it), of those the caller can see.
      projects: {
        where: actor.isAdmin ? {} : { project: { memberships: { some: { userId: actor.id } } } },
        select: { project: { select: { key: true, name: true } } },
      },
    },
  });
  // The owner's email fills the owner field of the edit form, for those who may change it only.
  const owner = service.owner && { id: service.owner.id, name: service.owner.name, email: may.changeOwner ? service.owner.email : undefined };
  const runtime = serviceRuntimeSchema.safeParse(service.runtime ?? {});
  return { actor, service: { ...service, owner, runtime: runtime.success ? runtime.data : null }, may };
}

/** The owner a write names: by email (the form) or id (the API); each must be an active account. */
async function resolveOwner(ownerId: string | null | undefined, ownerEmail: string | undefined): Promise<string | null | undefined> {
  if (ownerEmail !== undefined) {
    const user = await db().user.findUnique({ where: { email: ownerEmail }, select: { id: true, disabledAt: true } });
    if (!user || user.disabledAt) throw new ValidationError(`${SERVICE_LABELS.ownerEmail} must be the email of an active account on this instance; none has the email ${ownerEmail}.`, { ownerEmail: [`${SERVICE_LABELS.ownerEmail} must be the email of an active account on this instance.`] });
    return user.id;
  }
  if (ownerId) {
    const user = await db().user.findUnique({ where: { id: ownerId }, select: { disabledAt: true } });
    if (!user || user.disabledAt) throw new ValidationError(`${SERVICE_LABELS.ownerId} must be an active account on this instance.`, { ownerId: [`${SERVICE_LABELS.ownerId} must be an active account on this instance.`] });
  }
  return ownerId;
}

export async function createService(caller: Caller, input: unknown) {
  const actor = await authorizeInstance(caller, "service", "create", { targetType: "service" });
  const { ownerEmail, ownerId, ...data } = parseInput(serviceSchema, input);
  if (await db().service.findUnique({ where: { name: data.name }, select: { id: true } })) {
    throw new ConflictError(`A service named ${data.name} is already in the catalog.`);
  }
  // Whoever adds a service owns it unless they name someone else (or nobody, with null).
  const owner = await resolveOwner(ownerId, ownerEmail);
  return db().$transaction(async (tx) => {
    const service = await tx.service.create({ data: { ...data, ownerId: owner === undefined ? actor.id : owner } });
    await auditWrite(tx, actor, { action: "service.create", targetType: "service", targetId: service.id, details: { name: service.name } });
    return service;
  });
}

export async function updateService(caller: Caller, name: string, input: unknown) {
  const { actor, service, may } = await authorizeService(caller, name, "update");
  const { version, ownerEmail, ownerId, ...data } = parseInput(updateServiceSchema, input);
  const owner = await resolveOwner(ownerId, ownerEmail);
  if (owner !== undefined && owner !== service.ownerId && !may.changeOwner) await denyService(actor, service, "changeOwner");
  return db().$transaction(async (tx) => {
    const result = await tx.service.updateMany({ where: { id: service.id, version }, data: { ...data, ...(owner === undefined ? {} : { ownerId: owner }), version: { increment: 1 } } });
    const current = await tx.service.findUniqueOrThrow({ where: { id: service.id } });
    if (result.count === 0) throw new ConflictError("Someone changed this service after you opened it. Review their change and try again.", current);
    await auditWrite(tx, actor, {
      action: "service.update",
      targetType: "service",
      targetId: current.id,
      details: { name, ...(owner !== undefined && owner !== service.ownerId ? { ownerId: owner } : {}) },
    });
    return current;
  });
}

export async function deleteService(caller: Caller, name: string) {
  const { actor, service } = await authorizeService(caller, name, "delete");
  await db().$transaction(async (tx) => {
    await tx.service.delete({ where: { id: service.id } });
    await auditWrite(tx, actor, { action: "service.delete", targetType: "service", targetId: service.id, details: { name } });
  });
}

/**
 * Retires a service: its lifecycle becomes "retired" (it stays in the catalog, and on the maps
 * that show it, marked). `version` is the one read: 409 with what is saved now when stale.
 */
export async function retireService(caller: Caller, name: string, input: unknown) {
  const { actor, service } = await authorizeService(caller, name, "update");
  const { version } = parseInput(retireServiceSchema, input);
  return db().$transaction(async (tx) => {
    const result = await tx.service.updateMany({ where: { id: service.id, version }, data: { lifecycle: "retired", version: { increment: 1 } } });
    const current = await tx.service.findUniqueOrThrow({ where: { id: service.id } });
    if (result.count === 0) throw new ConflictError("Someone changed this service after you opened it. Review their change and try again.", current);
    await auditWrite(tx, actor, { action: "service.retire", targetType: "service", targetId: current.id, details: { name } });
    return current;
  });
}
