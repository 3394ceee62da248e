// A service's interfaces: operations (method, path, request and response JSON Schemas) and named
// data schemas. Editing them is editing the service: authorizeService(…, "update") decides (its
// owner, admins, and the planners of projects an editor linked to it; lib/auth/permissions.ts).
// Every write is one transaction with its audit event; an edit names the version it read and is
// refused (409, with what is saved now) when someone saved in between.
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { db, type Tx } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError, parseInput } from "@/lib/errors";
import { LIMITS, formatCount } from "@/lib/validation/limits";
import { INTERFACE_LABELS } from "@/lib/validation/labels";
import { isLookupKey } from "@/lib/validation/text";
import { interfaceSchema, updateInterfaceSchema, type JsonObject } from "@/lib/validation/service-interface";
import { authorizeService } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";

/** A schema column's value to write: the object, or SQL NULL for "none". */
const jsonColumn = (value: JsonObject | null) => (value === null ? Prisma.DbNull : (value as Prisma.InputJsonObject));

async function nameTaken(tx: Tx, serviceId: string, name: string, exceptId?: string): Promise<boolean> {
  const found = await tx.interface.findUnique({ where: { serviceId_name: { serviceId, name } }, select: { id: true } });
  return found !== null && found.id !== exceptId;
}

const nameConflict = (service: string, name: string) =>
  new ConflictError(`${service} already has an interface named ${name}. Choose another ${INTERFACE_LABELS.name.toLowerCase()}.`, undefined, {
    name: [`${service} already has an interface named ${name}.`],
  });

/** Adds an interface to `serviceName`; the caller must be able to edit the service. */
export async function createInterface(caller: Caller, serviceName: string, input: unknown) {
  const { actor, service } = await authorizeService(caller, serviceName, "update");
  const data = parseInput(interfaceSchema, input);
  return db().$transaction(async (tx) => {
    if (await nameTaken(tx, service.id, data.name)) throw nameConflict(service.name, data.name);
    const count = await tx.interface.count({ where: { serviceId: service.id } });
    if (count >= LIMITS.interface.perService) {
      throw new ConflictError(`${service.name} already has ${formatCount(count)} interfaces, the most one service can have. Remove one first.`);
    }
    const created = await tx.interface.create({
      data: { ...data, serviceId: service.id, requestSchema: jsonColumn(data.requestSchema), responseSchema: jsonColumn(data.responseSchema) },
    });
    await auditWrite(tx, actor, { action: "service.interface.create", targetType: "service", targetId: service.id, details: { name: service.name, interface: created.name, kind: created.kind } });
    return created;
  });
}

/** The interface `interfaceId` of this service, or 404 (an id of another service's interface too). */
async function interfaceOf(tx: Tx, serviceId: string, interfaceId: string) {
  const found = isLookupKey(interfaceId) ? await tx.interface.findUnique({ where: { id: interfaceId } }) : null;
  if (!found || found.serviceId !== serviceId) throw new NotFoundError("Interface");
  return found;
}

/**
 * Changes the fields sent; `version` must be the one read, else 409 with what is saved now
 * (`current`). Changing the kind to a data schema drops the method and response schema.
 */
export async function updateInterface(caller: Caller, serviceName: string, interfaceId: string, input: unknown) {
  const { actor, service } = await authorizeService(caller, serviceName, "update");
  const { version, requestSchema, responseSchema, ...fields } = parseInput(updateInterfaceSchema, input);
  return db().$transaction(async (tx) => {
    const before = await interfaceOf(tx, service.id, interfaceId);
    const kind = fields.kind ?? before.kind;
    if (kind === "schema" && (fields.method || (responseSchema && fields.kind === undefined))) {
      const message = `${before.name} is a data schema, not an endpoint: it has no ${fields.method ? INTERFACE_LABELS.method : INTERFACE_LABELS.responseSchema}.`;
      throw new ValidationError(message, { [fields.method ? "method" : "responseSchema"]: [message] });
    }
    if (fields.name !== undefined && fields.name !== before.name && (await nameTaken(tx, service.id, fields.name, before.id))) throw nameConflict(service.name, fields.name);
    const data = {
      ...fields,
      ...(kind === "schema" ? { method: "", responseSchema: Prisma.DbNull } : {}),
      ...(requestSchema !== undefined ? { requestSchema: jsonColumn(requestSchema) } : {}),
      ...(responseSchema !== undefined && kind !== "schema" ? { responseSchema: jsonColumn(responseSchema) } : {}),
      version: { increment: 1 },
    };
    const result = await tx.interface.updateMany({ where: { id: before.id, version }, data });
    const current = await tx.interface.findUniqueOrThrow({ where: { id: before.id } });
    if (result.count === 0) throw new ConflictError(`Someone changed the interface ${before.name} after you opened it. Review their version and try again.`, current);
    await auditWrite(tx, actor, {
      action: "service.interface.update",
      targetType: "service",
      targetId: service.id,
      details: { name: service.name, interface: current.name, ...(current.name !== before.name ? { renamedFrom: before.name } : {}) },
    });
    return current;
  });
}

/** Removes one interface of the service. */
export async function deleteInterface(caller: Caller, serviceName: string, interfaceId: string) {
  const { actor, service } = await authorizeService(caller, serviceName, "update");
  return db().$transaction(async (tx) => {
    const found = await interfaceOf(tx, service.id, interfaceId);
    await tx.interface.delete({ where: { id: found.id } });
    await auditWrite(tx, actor, { action: "service.interface.delete", targetType: "service", targetId: service.id, details: { name: service.name, interface: found.name } });
    return { id: found.id, name: found.name, service: service.name, removed: true };
  });
}
