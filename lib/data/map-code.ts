// The map as code (docs/map-format.md): export a project as YAML, plan an import of such a file
// (a dry run: the ImportPlan of lib/import/plan.ts, nothing written), and apply it in ONE
// transaction, audited. Who may do what is the same as in the forms: reading the project to export
// or plan; planning (milestone create, update, updateStatus) to change milestones, their
// dependencies and links; project update to rename it; the catalog's rules (lib/auth/permissions.ts)
// for services: adding needs a catalog editor, editing needs an editor of that service, a new owner
// needs its owner or an admin. A project the instance lacks is created only for a caller who may
// create projects. Nothing is deleted: what the project has and the file lacks is listed as missing.
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor, Caller } from "@/lib/auth/actor";
import { ConflictError, parseInput } from "@/lib/errors";
import { authorizeInstance, authorizeProject, authorizeService, denyService } from "@/lib/data/access";
import { requireSignedIn } from "@/lib/data/audit";
import { text } from "@/lib/validation/text";
import { parseMapFile, type MapFile } from "@/lib/import/map-format";
import { mapDocument, stringifyMap } from "@/lib/import/map-state";
import { planMap, type MapWrites } from "@/lib/import/map-plan";
import { planNames, type ImportPlan } from "@/lib/import/plan";
import { YAML_LIMITS } from "@/lib/import/yaml";
import { loadMapState, type MapNames } from "@/lib/data/map-state";
import { writeMap } from "@/lib/data/map-write";

export const MAP_IMPORT_LABELS = { text: "Map file", filename: "File name" } as const;

/** What the API, the page and the command line send: the file's text and, for messages, its name. */
export const mapImportSchema = z.object({
  // Characters, a loose bound: readYaml refuses a file over YAML_LIMITS.maxBytes (UTF-8) with its size.
  text: text(MAP_IMPORT_LABELS.text, { min: 1, max: 2 * YAML_LIMITS.maxBytes }),
  filename: text(MAP_IMPORT_LABELS.filename, { max: 200, trim: true, singleLine: true }).default("map.yaml"),
});

/** The project as a map file: `{ filename, text }`; any member of the project may export it. */
export async function exportProjectMap(caller: Caller, key: string): Promise<{ filename: string; text: string }> {
  const { project } = await authorizeProject(caller, { key }, "project", "read", { targetType: "project" });
  // One transaction: a consistent snapshot, read in a handful of queries.
  const state = await db().$transaction((tx) => loadMapState(tx, project.key));
  return { filename: `${project.key.toLowerCase()}-map.yaml`, text: stringifyMap(mapDocument(state)) };
}

/** Every service name and email the file names, so the state read covers them. */
function namesIn(map: MapFile, actor: Actor): MapNames {
  return {
    services: [...map.services.flatMap((s) => [s.name, ...s.dependencies.map((d) => d.to)]), ...map.milestones.flatMap((m) => m.implementedBy)],
    emails: [actor.email, ...map.services.flatMap((s) => (s.owner ? [s.owner] : [])), ...map.milestones.flatMap((m) => (m.owner ? [m.owner] : []))],
  };
}

type Prepared = { actor: Actor; map: MapFile; plan: ImportPlan; writes: MapWrites; filename: string; names: MapNames; ctx: Parameters<typeof planMap>[2] };

/** Parses the file and checks the caller may see the project it names (or create it), then plans. */
async function prepare(caller: Caller, input: unknown): Promise<Prepared> {
  const actor = await requireSignedIn(caller, { action: "map.import", targetType: "project" });
  const { text: body, filename } = parseInput(mapImportSchema, input);
  const { map, positionOf } = parseMapFile(body, filename);
  const key = map.project.key;
  const exists = await db().project.findUnique({ where: { key }, select: { id: true } });
  // A project the caller cannot see answers 404 like one that does not exist; only a key no
  // project has is offered for creation, and only to those who may create projects.
  if (exists) await authorizeProject(actor, { key }, "project", "read", { targetType: "project" });
  else await authorizeInstance(actor, "project", "create", { targetType: "project", targetId: key });
  const names = namesIn(map, actor);
  const ctx = { filename, positionOf, actorEmail: actor.email };
  const state = await db().$transaction((tx) => loadMapState(tx, key, names));
  const { plan, writes } = planMap(map, state, ctx);
  return { actor, map, plan, writes, filename, names, ctx };
}

/** The dry run: what importing the file would create, update, leave unchanged, and what the project has that it lacks. */
export async function planMapImport(caller: Caller, input: unknown): Promise<{ project: string; plan: ImportPlan }> {
  const { map, plan } = await prepare(caller, input);
  return { project: map.project.key, plan };
}

/** Every permission the writes need, checked (and each refusal audited) before anything is written. */
async function authorizeWrites(actor: Actor, key: string, writes: MapWrites) {
  const ms = writes.milestones;
  if (!writes.project.create) {
    if (writes.project.update) await authorizeProject(actor, { key }, "project", "update", { targetType: "project" });
    if (ms.create.length) await authorizeProject(actor, { key }, "milestone", "create", { targetType: "milestone" });
    if (ms.update.some((u) => u.statusChanged)) await authorizeProject(actor, { key }, "milestone", "updateStatus", { targetType: "milestone" });
    const plans = ms.update.some((u) => u.fieldsChanged) || writes.dependencies.length || writes.handoffLinks.length || writes.serviceLinks.length || writes.runs.length;
    if (plans) await authorizeProject(actor, { key }, "milestone", "update", { targetType: "milestone" });
  }
  if (writes.services.create.length) await authorizeInstance(actor, "service", "create", { targetType: "service", targetId: writes.services.create[0].name });
  const created = new Set(writes.services.create.map((s) => s.name));
  const edited = new Set([...writes.services.update.map((u) => u.name), ...[...writes.serviceDependencies.create, ...writes.serviceDependencies.update].map((d) => d.from)]);
  for (const name of [...edited].filter((n) => !created.has(n)).sort()) {
    const { service, may } = await authorizeService(actor, name, "update");
    if (writes.services.update.some((u) => u.name === name && u.ownerChanged) && !may.changeOwner) await denyService(actor, service, "changeOwner");
  }
}

/**
 * Applies the file: the same checks and plan as the dry run, then, in one transaction that plans
 * again on what it reads (a project changed in between is a 409, never a half-applied file), every
 * write, audited. Returns the plan it carried out.
 */
export async function applyMapImport(caller: Caller, input: unknown): Promise<{ project: string; plan: ImportPlan; applied: boolean }> {
  const { actor, map, plan, writes, names, ctx } = await prepare(caller, input);
  const key = map.project.key;
  if (!plan.create.length && !plan.update.length) return { project: key, plan, applied: false };
  await authorizeWrites(actor, key, writes);
  await db().$transaction(async (tx) => {
    const again = planMap(map, await loadMapState(tx, key, names), ctx);
    if (JSON.stringify(planNames(again.plan)) !== JSON.stringify(planNames(plan)) || JSON.stringify(again.writes) !== JSON.stringify(writes)) {
      throw new ConflictError(`${key} changed while the file was being imported. Review the new dry run and apply again.`);
    }
    await writeMap(tx, actor, key, again.writes, again.plan, ctx.filename);
    // A file may add 1,000 milestones with their history, dependencies and links: more than the default 5 s.
  }, { timeout: 60_000, maxWait: 10_000 });
  return { project: key, plan, applied: true };
}
