// Compose import into a project (issue 10, item 3): planComposeImport previews, applyComposeImport
// recomputes the same plan inside one transaction and writes it with one audit event. What each
// case does is in lib/import/compose-plan.ts (and docs/api.md).
//
// Who may: planning roles of the project (project.importServices: engineers, managers, owners);
// adding a service needs the catalog's create permission, changing one (its fields, or new
// dependencies from it) needs edit rights on it. The preview marks the services the caller may not
// change; applying is refused (403) naming them, and nothing is written. Recording that the
// project runs a service grants nothing and needs nothing more.
//
// Queries are batched: a handful per preview whatever the file's size, and the writes are one
// createMany per kind plus one update per changed service.
import type { Actor, Caller } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { ForbiddenError, ValidationError, parseInput } from "@/lib/errors";
import { authorizeProject, instanceAllows, servicesEditableBy } from "@/lib/data/access";
import { auditWrite, deny } from "@/lib/data/audit";
import { readCompose, type ComposeFile } from "@/lib/import/compose";
import { buildComposePlan, type CatalogState, type ComposePlan, type ComposeServiceRow } from "@/lib/import/compose-plan";
import type { DependencyKind, ServiceLayer } from "@/lib/import/compose-layers";
import { planChangesSomething, type ImportPlan } from "@/lib/import/plan";
import { COMPOSE_IMPORT_LABELS, composeImportSchema } from "@/lib/validation/compose-import";
import { serviceRuntimeSchema } from "@/lib/validation/service";

export type ComposeImportResult = {
  project: { key: string; name: string };
  file: { filename: string; name: string | null };
  applied: boolean;
  plan: ImportPlan;
  services: ComposeServiceRow[];
  /** Services the caller may not change: applying is refused while this is not empty. */
  refused: string[];
};

/** What the catalog holds about the file's services, read in `reader` (the transaction when applying). */
async function loadState(reader: Tx, actor: Actor, project: { id: string; key: string }, file: ComposeFile, canCreate: boolean): Promise<CatalogState> {
  const names = file.services.map((s) => s.name);
  const [rows, recorded] = await Promise.all([
    reader.service.findMany({
      where: { name: { in: names } },
      select: {
        id: true,
        name: true,
        layer: true,
        image: true,
        repositoryPath: true,
        runtime: true,
        // The other projects that run it: the preview warns that changing it changes theirs.
        projects: {
          where: { projectId: { not: project.id } },
          select: { project: { select: { name: true, memberships: { where: { userId: actor.id }, select: { id: true } } } } },
        },
      },
    }),
    reader.projectService.findMany({ where: { projectId: project.id }, select: { serviceId: true, service: { select: { name: true } } } }),
  ]);
  const ids = rows.map((r) => r.id);
  const [editable, edges] = await Promise.all([
    servicesEditableBy(reader, actor, ids),
    ids.length ? reader.serviceDependency.findMany({ where: { fromId: { in: ids }, toId: { in: ids } }, select: { kind: true, from: { select: { name: true } }, to: { select: { name: true } } } }) : [],
  ]);
  const inProject = new Set(recorded.map((r) => r.serviceId));
  return {
    projectKey: project.key,
    canCreate,
    services: new Map(
      rows.map((r) => {
        const runtime = r.runtime === null ? null : serviceRuntimeSchema.safeParse(r.runtime);
        const named = r.projects.filter((p) => actor.isAdmin || p.project.memberships.length > 0).map((p) => p.project.name).sort();
        const hidden = r.projects.length - named.length;
        const otherProjects = hidden ? [...named, `${hidden} project${hidden === 1 ? "" : "s"} you are not in`] : named;
        return [r.name, { id: r.id, name: r.name, layer: r.layer, image: r.image, repositoryPath: r.repositoryPath, runtime: runtime?.success ? runtime.data : null, inProject: inProject.has(r.id), editable: editable.has(r.id), otherProjects }];
      }),
    ),
    edges: edges.map((e) => ({ from: e.from.name, to: e.to.name, kind: e.kind as DependencyKind })),
    projectServices: recorded.map((r) => r.service.name).sort(),
  };
}

/** The layers chosen in the preview must name services of the file. */
function checkLayers(file: ComposeFile, layers: Record<string, ServiceLayer>) {
  const known = new Set(file.services.flatMap((s) => [s.name, s.composeName]));
  const unknown = Object.keys(layers).filter((k) => !known.has(k));
  if (unknown.length) {
    const message = `${COMPOSE_IMPORT_LABELS.layers} names ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ""}, not ${unknown.length === 1 ? "a service" : "services"} of this file.`;
    throw new ValidationError(message, { layers: [message] });
  }
}

async function prepare(caller: Caller, projectKey: string, input: unknown) {
  const access = await authorizeProject(caller, { key: projectKey }, "project", "importServices", { targetType: "project" });
  const { text, filename, layers = {} } = parseInput(composeImportSchema, input);
  const file = readCompose(text, { filename });
  checkLayers(file, layers);
  // Read outside any transaction (it reads through db()); only asked when the file may add services.
  const canCreate = await instanceAllows(access.actor, "service", "create");
  return { ...access, filename, file, layers, canCreate };
}

const result = (project: { key: string; name: string }, filename: string, file: ComposeFile, built: ComposePlan, applied: boolean): ComposeImportResult => ({
  project: { key: project.key, name: project.name },
  file: { filename, name: file.name ?? null },
  applied,
  plan: built.plan,
  services: built.services,
  refused: built.refused,
});

function refusal(names: string[]): string {
  const shown = names.slice(0, 10).join(", ");
  const more = names.length > 10 ? ` and ${names.length - 10} more` : "";
  return `You may not change ${names.length === 1 ? "this service" : "these services"}: ${shown}${more}. Adding services needs an engineer, manager or owner role in a project; changing one needs edit rights on it (its owner, an admin, or a planner of a project whose milestones an editor linked to it). Nothing was written.`;
}

/** The preview: what applying would do. Writes nothing. */
export async function planComposeImport(caller: Caller, projectKey: string, input: unknown): Promise<ComposeImportResult> {
  const { actor, project, filename, file, layers, canCreate } = await prepare(caller, projectKey, input);
  const state = await db().$transaction((tx) => loadState(tx, actor, project, file, canCreate));
  return result(project, filename, file, buildComposePlan(file, state, layers), false);
}

/** Applies the import in one transaction with one audit event; an import that changes nothing writes nothing. */
export async function applyComposeImport(caller: Caller, projectKey: string, input: unknown): Promise<ComposeImportResult> {
  const { actor, project, filename, file, layers, canCreate } = await prepare(caller, projectKey, input);
  // Checked (and a refusal audited) before the transaction; checked again inside it.
  const first = buildComposePlan(file, await db().$transaction((tx) => loadState(tx, actor, project, file, canCreate)), layers);
  if (first.refused.length) {
    await deny(actor, { action: "project.importServices", targetType: "project", targetId: project.id, projectId: project.id, details: { file: filename, refused: first.refused.slice(0, 50) } }, new ForbiddenError(refusal(first.refused)));
  }
  if (!planChangesSomething(first.plan)) return result(project, filename, file, first, true);

  const built = await db().$transaction(async (tx) => {
    const current = buildComposePlan(file, await loadState(tx, actor, project, file, canCreate), layers);
    if (current.refused.length) throw new ForbiddenError(refusal(current.refused));
    const { writes } = current;
    const ids = new Map<string, string>();
    if (writes.create.length) {
      const created = await tx.service.createManyAndReturn({ data: writes.create.map((c) => ({ ...c, ownerId: actor.id })), select: { id: true, name: true } });
      for (const c of created) ids.set(c.name, c.id);
    }
    for (const u of writes.update) {
      await tx.service.update({ where: { id: u.id }, data: { ...u.data, version: { increment: 1 } } });
      ids.set(u.name, u.id);
    }
    const missingIds = [...new Set([...writes.record, ...writes.dependencies.flatMap((d) => [d.from, d.to])])].filter((n) => !ids.has(n));
    if (missingIds.length) for (const r of await tx.service.findMany({ where: { name: { in: missingIds } }, select: { id: true, name: true } })) ids.set(r.name, r.id);
    if (writes.record.length) await tx.projectService.createMany({ data: writes.record.map((name) => ({ projectId: project.id, serviceId: ids.get(name)! })) });
    if (writes.dependencies.length) await tx.serviceDependency.createMany({ data: writes.dependencies.map((d) => ({ fromId: ids.get(d.from)!, toId: ids.get(d.to)!, kind: d.kind })) });
    await auditWrite(tx, actor, {
      action: "project.importServices",
      targetType: "project",
      targetId: project.id,
      projectId: project.id,
      details: {
        file: filename,
        created: writes.create.map((c) => c.name).slice(0, 50),
        updated: writes.update.map((u) => u.name).slice(0, 50),
        counts: { created: writes.create.length, updated: writes.update.length, recorded: writes.record.length, dependencies: writes.dependencies.length },
      },
    });
    return current;
  }, { timeout: 60_000 });
  return result(project, filename, file, built, true);
}
