// Handoff templates: the built-in paper handoff and the ones a project's owners define.
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { parseInput } from "@/lib/errors";
import { DEFAULT_TEMPLATE_NAME, DEFAULT_TEMPLATE_SECTIONS, templateInputSchema } from "@/lib/validation/template";
import { resolveTemplateSections } from "@/lib/handoff/completeness";
import { authorizeInProject, authorizeProject } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";
import { isLookupKey } from "@/lib/validation/text";
import type { Db, Tx } from "@/lib/db/client";

/** Makes sure the built-in template exists; run at start-up (under the start-up lock), so every instance has one. */
export async function ensureBuiltInTemplate(client: Db | Tx = db()) {
  const existing = await client.handoffTemplate.findFirst({ where: { projectId: null, name: DEFAULT_TEMPLATE_NAME }, select: { id: true } });
  if (existing) return existing.id;
  const created = await client.handoffTemplate.create({
    data: { name: DEFAULT_TEMPLATE_NAME, description: "What an engineer needs to take a paper to production.", sections: DEFAULT_TEMPLATE_SECTIONS },
  });
  return created.id;
}

/** Templates a new handoff in this project can start from: built-in ones first. */
export async function listTemplates(caller: Caller, key: string) {
  const access = await authorizeProject(caller, { key }, "template", "read", { targetType: "project" });
  const rows = await db().handoffTemplate.findMany({
    where: { OR: [{ projectId: null }, { projectId: access.project.id }] },
    select: { id: true, name: true, description: true, sections: true, projectId: true, updatedAt: true, _count: { select: { handoffs: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  const templates = rows
    .map((t) => ({ ...t, builtIn: t.projectId === null, sections: resolveTemplateSections(t.sections) }))
    .sort((a, b) => Number(b.builtIn) - Number(a.builtIn));
  return { ...access, templates };
}

export async function createTemplate(caller: Caller, key: string, input: unknown) {
  const { actor, project } = await authorizeProject(caller, { key }, "template", "manage", { targetType: "template" });
  const data = parseInput(templateInputSchema, input);
  return db().$transaction(async (tx) => {
    const template = await tx.handoffTemplate.create({ data: { ...data, projectId: project.id, createdById: actor.id } });
    await auditWrite(tx, actor, { action: "template.create", targetType: "template", targetId: template.id, projectId: project.id, details: { name: data.name } });
    return template;
  });
}

async function projectOfTemplate(id: string) {
  // Built-in templates belong to no project and cannot be changed here.
  if (!isLookupKey(id)) return undefined;
  return (await db().handoffTemplate.findUnique({ where: { id }, select: { projectId: true } }))?.projectId;
}

export async function updateTemplate(caller: Caller, id: string, input: unknown) {
  const { actor, project } = await authorizeInProject(caller, await projectOfTemplate(id), "template", "manage", { targetType: "template", targetId: id }, "Template");
  const data = parseInput(templateInputSchema, input);
  return db().$transaction(async (tx) => {
    const template = await tx.handoffTemplate.update({ where: { id }, data });
    await auditWrite(tx, actor, { action: "template.update", targetType: "template", targetId: id, projectId: project.id });
    return template;
  });
}

/** Handoffs made from a deleted template keep their text and fall back to the default sections. */
export async function deleteTemplate(caller: Caller, id: string) {
  const { actor, project } = await authorizeInProject(caller, await projectOfTemplate(id), "template", "manage", { targetType: "template", targetId: id }, "Template");
  await db().$transaction(async (tx) => {
    const removed = await tx.handoffTemplate.delete({ where: { id }, select: { name: true } });
    await auditWrite(tx, actor, { action: "template.delete", targetType: "template", targetId: id, projectId: project.id, details: { name: removed.name } });
  });
}
