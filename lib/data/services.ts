// The organisation-wide services catalog.
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError, parseInput } from "@/lib/errors";
import { serviceSchema, updateServiceSchema, type ServiceInput, type UpdateServiceInput } from "@/lib/validation/service";
import { authorizeInstance } from "@/lib/data/access";
import { auditWrite, deny } from "@/lib/data/audit";
import { isLookupKey } from "@/lib/validation/text";

/** A service's owner is an active account (any project's member may own a catalog entry). */
async function assertOwnerExists(ownerId: string | null | undefined) {
  if (!ownerId) return;
  const owner = await db().user.findUnique({ where: { id: ownerId }, select: { disabledAt: true } });
  if (!owner || owner.disabledAt) throw new ValidationError("Owner must be an active account on this instance.", { ownerId: ["Owner must be an active account on this instance."] });
}

export async function listServices(caller: Caller) {
  await authorizeInstance(caller, "service", "read", { targetType: "service" });
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
      _count: { select: { interfaces: true, calls: true, calledBy: true, milestones: true } },
    },
    orderBy: [{ layer: "asc" }, { name: "asc" }],
  });
}

/**
 * One service with its interfaces, dependencies and the milestones it implements; milestones of
 * projects the caller cannot see are left out.
 */
export async function getService(caller: Caller, name: string) {
  const actor = await authorizeInstance(caller, "service", "read", { targetType: "service", targetId: name });
  const service = !isLookupKey(name) ? null : await db().service.findUnique({
    where: { name },
    include: {
      owner: { select: { id: true, name: true } },
      interfaces: { orderBy: { name: "asc" } },
      calls: { select: { kind: true, description: true, to: { select: { name: true, displayName: true, layer: true } } } },
      calledBy: { select: { kind: true, description: true, from: { select: { name: true, displayName: true, layer: true } } } },
      milestones: {
        where: actor.isAdmin ? {} : { milestone: { project: { memberships: { some: { userId: actor.id } } } } },
        select: { milestone: { select: { id: true, key: true, title: true, status: true, project: { select: { key: true, name: true } } } } },
      },
    },
  });
  if (!service) return deny(actor, { action: "service.read", targetType: "service", targetId: name }, new NotFoundError("Service"));
  return { actor, service };
}

export async function createService(caller: Caller, input: ServiceInput) {
  const actor = await authorizeInstance(caller, "service", "create", { targetType: "service" });
  const data = parseInput(serviceSchema, input);
  await assertOwnerExists(data.ownerId);
  if (await db().service.findUnique({ where: { name: data.name }, select: { id: true } })) {
    throw new ConflictError(`A service named ${data.name} is already in the catalog.`);
  }
  return db().$transaction(async (tx) => {
    const service = await tx.service.create({ data });
    await auditWrite(tx, actor, { action: "service.create", targetType: "service", targetId: service.id, details: { name: service.name } });
    return service;
  });
}

export async function updateService(caller: Caller, name: string, input: UpdateServiceInput) {
  const actor = await authorizeInstance(caller, "service", "update", { targetType: "service", targetId: name });
  const { version, ...data } = parseInput(updateServiceSchema, input);
  if (!isLookupKey(name)) throw new NotFoundError("Service");
  await assertOwnerExists(data.ownerId);
  return db().$transaction(async (tx) => {
    const result = await tx.service.updateMany({ where: { name, version }, data: { ...data, version: { increment: 1 } } });
    const current = await tx.service.findUnique({ where: { name } });
    if (!current) throw new NotFoundError("Service");
    if (result.count === 0) throw new ConflictError("Someone changed this service after you opened it. Review their change and try again.", current);
    await auditWrite(tx, actor, { action: "service.update", targetType: "service", targetId: current.id });
    return current;
  });
}

export async function deleteService(caller: Caller, name: string) {
  const actor = await authorizeInstance(caller, "service", "delete", { targetType: "service", targetId: name });
  const service = isLookupKey(name) ? await db().service.findUnique({ where: { name }, select: { id: true } }) : null;
  if (!service) throw new NotFoundError("Service");
  await db().$transaction(async (tx) => {
    await tx.service.delete({ where: { id: service.id } });
    await auditWrite(tx, actor, { action: "service.delete", targetType: "service", targetId: service.id, details: { name } });
  });
}
