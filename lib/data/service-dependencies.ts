// "This service calls, reads or publishes to that one": the edges of the services map, edited from
// the service that depends. Editing them is editing that service (authorizeService "update"); the
// other service is only named. A service never depends on itself, and each (from, to, kind) is
// recorded once. Cycles are allowed (two services may call each other) but flagged: the answer
// and the service page name the cycle.
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError, parseInput } from "@/lib/errors";
import { LIMITS, formatCount } from "@/lib/validation/limits";
import { DEPENDENCY_LABELS } from "@/lib/validation/labels";
import { isLookupKey } from "@/lib/validation/text";
import { dependencySchema } from "@/lib/validation/service-interface";
import { cycleThrough } from "@/lib/graph/cycles";
import { authorizeService } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";

const VERB: Record<string, string> = { calls: "calls", reads: "reads from", publishes: "publishes to" };

async function allEdges() {
  const edges = await db().serviceDependency.findMany({ select: { id: true, from: { select: { name: true } }, to: { select: { name: true } } } });
  return edges.map((e) => ({ id: e.id, source: e.from.name, target: e.to.name }));
}

/** The shortest cycle of dependencies through this service (names, starting with it), or null. */
export async function serviceCycle(serviceId: string): Promise<string[] | null> {
  const start = await db().service.findUnique({ where: { id: serviceId }, select: { name: true } });
  if (!start) return null;
  return cycleThrough(start.name, await allEdges());
}

/** The shortest cycle the dependency `id` (from → to) is part of, starting with its `from`, or null. */
async function cycleOfEdge(id: string, from: string): Promise<string[] | null> {
  // Of from's own edges only this one: a cycle through `from` then has to take it.
  const edges = (await allEdges()).filter((e) => e.source !== from || e.id === id);
  return cycleThrough(from, edges);
}

/** "a → b → a": a cycle as people read it, back to where it started. */
export function cycleText(cycle: readonly string[]): string {
  return [...cycle, cycle[0]].join(" → ");
}

/**
 * `fromName` calls (reads, publishes to) the service `input.to`. Refuses the service itself
 * (422) and an edge already recorded (409). Answers with the dependency and the shortest cycle it
 * closes (names, starting with this service), if any.
 */
export async function addServiceDependency(caller: Caller, fromName: string, input: unknown) {
  const { actor, service } = await authorizeService(caller, fromName, "update");
  const data = parseInput(dependencySchema, input);
  if (data.to === service.name) {
    const message = `${service.name} cannot depend on itself. Choose another ${DEPENDENCY_LABELS.to.toLowerCase()}.`;
    throw new ValidationError(message, { to: [message] });
  }
  const target = isLookupKey(data.to) ? await db().service.findUnique({ where: { name: data.to }, select: { id: true, name: true } }) : null;
  if (!target) {
    const message = `${DEPENDENCY_LABELS.to} must be a service in the catalog; there is none named ${data.to}.`;
    throw new ValidationError(message, { to: [message] });
  }
  const created = await db().$transaction(async (tx) => {
    const existing = await tx.serviceDependency.findUnique({ where: { fromId_toId_kind: { fromId: service.id, toId: target.id, kind: data.kind } }, select: { id: true } });
    if (existing) {
      const message = `${service.name} already ${VERB[data.kind]} ${target.name}. Pick another ${DEPENDENCY_LABELS.to.toLowerCase()} or ${DEPENDENCY_LABELS.kind.toLowerCase()}.`;
      throw new ConflictError(message, undefined, { to: [message] });
    }
    const count = await tx.serviceDependency.count({ where: { fromId: service.id } });
    if (count >= LIMITS.dependency.perService) {
      throw new ConflictError(`${service.name} already depends on ${formatCount(count)} services, the most one service can. Remove one first.`);
    }
    const dependency = await tx.serviceDependency.create({ data: { fromId: service.id, toId: target.id, kind: data.kind, description: data.description } });
    await auditWrite(tx, actor, {
      action: "service.dependency.add",
      targetType: "service",
      targetId: service.id,
      details: { name: service.name, to: target.name, kind: data.kind },
    });
    return dependency;
  });
  const cycle = await cycleOfEdge(created.id, service.name);
  return { id: created.id, from: service.name, to: target.name, kind: created.kind, description: created.description, cycle };
}

/** Removes one dependency of `fromName` (by its id); another service's dependency is not found. */
export async function removeServiceDependency(caller: Caller, fromName: string, dependencyId: string) {
  const { actor, service } = await authorizeService(caller, fromName, "update");
  return db().$transaction(async (tx) => {
    const found = isLookupKey(dependencyId)
      ? await tx.serviceDependency.findUnique({ where: { id: dependencyId }, select: { id: true, fromId: true, kind: true, to: { select: { name: true } } } })
      : null;
    if (!found || found.fromId !== service.id) throw new NotFoundError("Dependency");
    await tx.serviceDependency.delete({ where: { id: found.id } });
    await auditWrite(tx, actor, {
      action: "service.dependency.remove",
      targetType: "service",
      targetId: service.id,
      details: { name: service.name, to: found.to.name, kind: found.kind },
    });
    return { id: found.id, from: service.name, to: found.to.name, kind: found.kind, removed: true };
  });
}

/** The services `name` could depend on (every other one in the catalog), for the add form. */
export async function dependencyChoices(caller: Caller, name: string): Promise<{ name: string; layer: string }[]> {
  const { service } = await authorizeService(caller, name, "read");
  return db().service.findMany({ where: { id: { not: service.id } }, select: { name: true, layer: true }, orderBy: [{ layer: "asc" }, { name: "asc" }] });
}
