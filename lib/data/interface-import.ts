// A service's interfaces, kept current from its OpenAPI document (or a Pydantic model's JSON
// Schema): the plan compares the file with the catalog (create: operations the service lacks;
// update: the same name with a changed method, path, summary, kind or schema, each changed field
// named by its label; unchanged; missing: interfaces of the same kind the service has and the file
// does not, listed and never deleted), and applying it writes the plan in one audited transaction.
// Both need the right to edit the service. Re-importing the same file writes nothing at all (no
// audit row either). The plan is computed again inside the transaction, so what is written is what
// the catalog needs at that moment, never a stale preview.
import type { Caller } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
// DbNull (SQL NULL in a Json? column) is one value from Prisma's shared runtime, for both providers' clients.
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { ConflictError, parseInput } from "@/lib/errors";
import { diffFields, emptyPlan, planChangesSomething, type ImportPlan, type PlanEntry } from "@/lib/import/plan";
import { readInterfaces, type ImportedDocument, type ImportedInterface } from "@/lib/import/openapi";
import { sortedKeys } from "@/lib/import/openapi-schemas";
import { INTERFACE_LABELS } from "@/lib/validation/labels";
import { interfaceImportSchema } from "@/lib/validation/interface-import";
import { authorizeService } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";

/** A plan entry of an interface import: the operation's method and path ride along for the preview. */
export type InterfaceEntry = PlanEntry & { method: string; path: string };
export type InterfacePlan = { create: InterfaceEntry[]; update: InterfaceEntry[]; unchanged: InterfaceEntry[]; missing: InterfaceEntry[] };
export type InterfaceImportResult = {
  service: string;
  filename: string;
  format: ImportedDocument["format"];
  title: string;
  applied: boolean;
  plan: InterfacePlan;
};

const COMPARED = {
  kind: INTERFACE_LABELS.kind,
  method: INTERFACE_LABELS.method,
  path: INTERFACE_LABELS.path,
  summary: INTERFACE_LABELS.summary,
  requestSchema: INTERFACE_LABELS.requestSchema,
  responseSchema: INTERFACE_LABELS.responseSchema,
} as const;

type Stored = { id: string; version?: number; name: string; kind: string; method: string; path: string; summary: string; requestSchema: unknown; responseSchema: unknown };

/** Schemas compared with their keys sorted: PostgreSQL's jsonb returns keys in its own order. */
const comparable = (i: Omit<Stored, "id" | "name">) => ({
  kind: i.kind,
  method: i.method,
  path: i.path,
  summary: i.summary,
  requestSchema: sortedKeys(i.requestSchema),
  responseSchema: sortedKeys(i.responseSchema),
});

/** The plan of importing `imported` into a service that has `current`. Pure. */
export function planInterfaces(current: readonly Stored[], imported: readonly ImportedInterface[]): InterfacePlan & { changed: Map<string, ImportedInterface> } {
  const plan: InterfacePlan = emptyPlan() as InterfacePlan;
  const changed = new Map<string, ImportedInterface>();
  const byName = new Map(current.map((i) => [i.name, i]));
  const kinds = new Set(imported.map((i) => i.kind));
  for (const next of imported) {
    const entry: InterfaceEntry = { kind: next.kind === "schema" ? "schema" : "interface", name: next.name, method: next.method, path: next.path };
    const existing = byName.get(next.name);
    if (!existing) {
      plan.create.push(entry);
      changed.set(next.name, next);
      continue;
    }
    const before = comparable(existing);
    const changes = diffFields(before, comparable(next), COMPARED).map((c) => ({
      ...c,
      // The values people read: the schemas as stored and as the file has them, not sorted copies.
      from: c.field === "requestSchema" || c.field === "responseSchema" ? (existing[c.field] ?? null) : c.from,
      to: c.field === "requestSchema" || c.field === "responseSchema" ? next[c.field] : c.to,
    }));
    if (changes.length) {
      plan.update.push({ ...entry, changes });
      changed.set(next.name, next);
    } else plan.unchanged.push(entry);
  }
  const inFile = new Set(imported.map((i) => i.name));
  for (const i of current) {
    if (inFile.has(i.name) || !kinds.has(i.kind === "schema" ? "schema" : "operation")) continue;
    plan.missing.push({ kind: i.kind === "schema" ? "schema" : "interface", name: i.name, method: i.method, path: i.path, note: "In the catalog, not in the file: left as it is." });
  }
  return { ...plan, changed };
}

const storedFields = { id: true, version: true, name: true, kind: true, method: true, path: true, summary: true, requestSchema: true, responseSchema: true } as const;
const currentInterfaces = (tx: Tx, serviceId: string): Promise<Stored[]> => tx.interface.findMany({ where: { serviceId }, select: storedFields, orderBy: { name: "asc" } });

async function prepare(caller: Caller, serviceName: string, input: unknown) {
  const access = await authorizeService(caller, serviceName, "update");
  const { text, filename } = parseInput(interfaceImportSchema, input);
  const document = await readInterfaces(text, { filename });
  return { ...access, document, filename };
}

const result = (service: string, filename: string, document: ImportedDocument, applied: boolean, plan: InterfacePlan): InterfaceImportResult => ({
  service,
  filename,
  format: document.format,
  title: document.title,
  applied,
  plan: { create: plan.create, update: plan.update, unchanged: plan.unchanged, missing: plan.missing },
});

/** What importing the file would do to the service's interfaces; writes nothing. */
export async function planInterfaceImport(caller: Caller, serviceName: string, input: unknown): Promise<InterfaceImportResult> {
  const { service, document, filename } = await prepare(caller, serviceName, input);
  const current = await db().interface.findMany({ where: { serviceId: service.id }, select: storedFields, orderBy: { name: "asc" } });
  const plan = planInterfaces(current, document.interfaces);
  return result(service.name, filename, document, false, plan);
}

/** Imports the file: creates and updates interfaces in one transaction, audited; never deletes. */
export async function applyInterfaceImport(caller: Caller, serviceName: string, input: unknown): Promise<InterfaceImportResult> {
  const { actor, service, document, filename } = await prepare(caller, serviceName, input);
  const raced = () => new ConflictError(`Someone changed ${service.name}'s interfaces at the same time. Nothing was written; preview the file again.`);
  const plan = await db().$transaction(async (tx) => {
    const current = await currentInterfaces(tx, service.id);
    const planned = planInterfaces(current, document.interfaces);
    if (!planChangesSomething(planned as ImportPlan)) return planned;
    const byName = new Map(current.map((i) => [i.name, i]));
    for (const [name, next] of planned.changed) {
      const data = {
        kind: next.kind,
        method: next.method,
        path: next.path,
        summary: next.summary,
        requestSchema: next.requestSchema ?? undefined,
        responseSchema: next.responseSchema ?? undefined,
      };
      const existing = byName.get(name);
      if (!existing) await tx.interface.create({ data: { ...data, serviceId: service.id, name } });
      else {
        // A schema the file no longer has is cleared (JSON null), so the stored interface is what the file says.
        const cleared = { requestSchema: next.requestSchema ?? Prisma.DbNull, responseSchema: next.responseSchema ?? Prisma.DbNull };
        const { count } = await tx.interface.updateMany({ where: { id: existing.id, version: existing.version }, data: { ...data, ...cleared, version: { increment: 1 } } });
        if (count === 0) throw raced();
      }
    }
    await auditWrite(tx, actor, {
      action: "service.interfaces.import",
      targetType: "service",
      targetId: service.id,
      details: { name: service.name, file: filename, created: planned.create.map((e) => e.name).slice(0, 20), updated: planned.update.map((e) => e.name).slice(0, 20), createdCount: planned.create.length, updatedCount: planned.update.length },
    });
    return planned;
  }).catch((error: unknown) => {
    // Two imports creating the same interface at once: the unique name refuses the second.
    // Checked by code, not class: the SQLite and PostgreSQL clients are generated apart.
    if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002") throw raced();
    throw error;
  });
  return result(service.name, filename, document, true, plan);
}
