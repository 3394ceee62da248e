// The writes of a map import (lib/import/map-plan.ts's MapWrites), inside the import's one
// transaction, with the rules the forms follow: the project's milestone cap and each milestone's
// prerequisite cap (lib/data/plan-caps.ts, rows locked first), a status or health change recorded
// as a StatusUpdate (a new milestone's first one says "Created"), completedAt kept as the status
// form keeps it, versions bumped, and a service link granting editing only when the importer could
// edit that service (servicesEditableBy). One audit event (map.import) lists what changed; a new
// project is audited as project.create too. Authorization was checked by lib/data/map-code.ts.
import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { auditWrite } from "@/lib/data/audit";
import { servicesEditableBy } from "@/lib/data/access";
import { completedAtAfter, recordStatusChange } from "@/lib/data/milestone-status";
import { assertRoomForMilestones, assertRoomForPrerequisite, tooManyPrerequisitesMessage } from "@/lib/data/plan-caps";
import { ConflictError } from "@/lib/errors";
import { LIMITS } from "@/lib/validation/limits";
import { planNames, type ImportPlan } from "@/lib/import/plan";
import type { MapWrites, MilestoneWrite, ServiceWrite } from "@/lib/import/map-plan";

/** Lists cut to what one query's `in` may hold on SQLite (at most 999 parameters). */
export const inChunks = <T>(list: T[], size = 500): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

const day = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(`${value}T00:00:00.000Z`));

/** The owner's account id for an email (the plan checked that each is an active account, or a member). */
async function userIds(tx: Tx, emails: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(emails.filter((e): e is string => Boolean(e)))];
  if (!wanted.length) return new Map();
  const rows = (await Promise.all(inChunks(wanted).map((part) => tx.user.findMany({ where: { email: { in: part } }, select: { id: true, email: true } })))).flat();
  return new Map(rows.map((u) => [u.email, u.id]));
}

const ownerOf = (ids: Map<string, string>, email: string | null | undefined) => (email === undefined ? undefined : email === null ? null : (ids.get(email) ?? null));

function serviceData(data: Partial<ServiceWrite>, ids: Map<string, string>) {
  const { owner, runtime, name: _name, ...rest } = data;
  return {
    ...rest,
    ...(owner !== undefined ? { ownerId: ownerOf(ids, owner) } : {}),
    ...(runtime !== undefined ? { runtime: runtime === null ? Prisma.DbNull : runtime } : {}),
  };
}

function milestoneData(data: Partial<MilestoneWrite>, ids: Map<string, string>) {
  const { owner, startDate, dueDate, status: _s, health: _h, key: _k, ...rest } = data;
  return {
    ...rest,
    ...(owner !== undefined ? { ownerId: ownerOf(ids, owner) } : {}),
    ...(startDate !== undefined ? { startDate: day(startDate) } : {}),
    ...(dueDate !== undefined ? { dueDate: day(dueDate) } : {}),
  };
}

export async function writeMap(tx: Tx, actor: Actor, key: string, writes: MapWrites, plan: ImportPlan, filename: string) {
  const note = `Map import (${filename})`;
  const ids = await userIds(tx, [
    ...writes.services.create.map((s) => s.owner),
    ...writes.services.update.map((u) => u.data.owner),
    ...writes.milestones.create.map((m) => m.owner),
    ...writes.milestones.update.map((u) => u.data.owner),
  ]);

  // The project.
  let project = await tx.project.findUnique({ where: { key }, select: { id: true, key: true, name: true } });
  if (writes.project.create) {
    project = await tx.project.create({ data: { ...writes.project.create, memberships: { create: { userId: actor.id, role: "owner" } } }, select: { id: true, key: true, name: true } });
    await auditWrite(tx, actor, { action: "project.create", targetType: "project", targetId: project.id, projectId: project.id, details: { key, via: "map.import" } });
  } else if (writes.project.update && project) {
    await tx.project.update({ where: { id: project.id }, data: writes.project.update });
  }
  if (!project) throw new Error(`map import: project ${key} vanished`);
  const projectId = project.id;

  // Services and their dependencies.
  const serviceId = new Map<string, string>();
  for (const s of writes.services.create) {
    const created = await tx.service.create({ data: { ...serviceData(s, ids), name: s.name, layer: s.layer }, select: { id: true } });
    serviceId.set(s.name, created.id);
  }
  for (const u of writes.services.update) {
    await tx.service.update({ where: { name: u.name }, data: { ...serviceData(u.data, ids), version: { increment: 1 } } });
  }
  const serviceNames = [...writes.serviceDependencies.create, ...writes.serviceDependencies.update].flatMap((d) => [d.from, d.to]).concat(writes.serviceLinks.map((l) => l.service), writes.runs);
  for (const part of inChunks([...new Set(serviceNames)])) {
    for (const s of await tx.service.findMany({ where: { name: { in: part } }, select: { id: true, name: true } })) serviceId.set(s.name, s.id);
  }
  const sid = (name: string) => serviceId.get(name)!;
  for (const d of writes.serviceDependencies.create) await tx.serviceDependency.create({ data: { fromId: sid(d.from), toId: sid(d.to), kind: d.kind, description: d.description } });
  for (const d of writes.serviceDependencies.update) {
    await tx.serviceDependency.update({ where: { fromId_toId_kind: { fromId: sid(d.from), toId: sid(d.to), kind: d.kind } }, data: { description: d.description } });
  }
  if (writes.runs.length) await tx.projectService.createMany({ data: writes.runs.map((name) => ({ projectId, serviceId: sid(name) })) });

  // Milestones, within the project's cap; each status or health change is history.
  if (writes.milestones.create.length) await assertRoomForMilestones(tx, { id: projectId, name: project.name }, writes.milestones.create.length, " Nothing was imported.");
  // In bulk: a file may add up to 1,000 milestones, each with its first status entry.
  if (writes.milestones.create.length) {
    await tx.milestone.createMany({
      data: writes.milestones.create.map((m) => ({ ...milestoneData(m, ids), key: m.key, title: m.title, status: m.status, health: m.health, completedAt: completedAtAfter(m.status, null), projectId })),
    });
    const keys = new Set(writes.milestones.create.map((m) => m.key));
    const created = (await tx.milestone.findMany({ where: { projectId }, select: { id: true, key: true, status: true, health: true } })).filter((m) => keys.has(m.key));
    const first = `Created by ${note.charAt(0).toLowerCase()}${note.slice(1)}`;
    await tx.statusUpdate.createMany({ data: created.map((m) => ({ milestoneId: m.id, authorId: actor.id, toStatus: m.status, toHealth: m.health, note: first })) });
  }
  for (const u of writes.milestones.update) {
    const before = await tx.milestone.findUniqueOrThrow({ where: { projectId_key: { projectId, key: u.key } }, select: { id: true, status: true, health: true, completedAt: true } });
    const status = u.data.status ?? before.status;
    const health = u.data.health ?? before.health;
    const completedAt = completedAtAfter(status, before.completedAt);
    await tx.milestone.update({ where: { id: before.id }, data: { ...milestoneData(u.data, ids), status, health, completedAt, version: { increment: 1 } } });
    if (u.statusChanged) await recordStatusChange(tx, before.id, actor.id, before, { status, health }, note);
  }

  // Dependencies (checked acyclic by the plan), handoff and service links.
  const milestoneIds = new Map((await tx.milestone.findMany({ where: { projectId }, select: { id: true, key: true } })).map((m) => [m.key, m.id]));
  const mid = (k: string) => milestoneIds.get(k)!;
  if (writes.dependencies.length) {
    // Each milestone gaining prerequisites: its row locked and its room checked (plan-caps), then all
    // edges at once, then the cap checked on the result (the plan counted the same edges).
    const gaining = [...new Set(writes.dependencies.map((d) => d.milestone))];
    for (const key of gaining) await assertRoomForPrerequisite(tx, { id: mid(key), key });
    await tx.milestoneDependency.createMany({ data: writes.dependencies.map((d) => ({ projectId, milestoneId: mid(d.milestone), dependsOnId: mid(d.dependsOn) })) });
    const counts = await tx.milestoneDependency.groupBy({ by: ["milestoneId"], where: { projectId }, _count: { _all: true } });
    const over = counts.find((c) => c._count._all > LIMITS.milestone.prerequisites);
    if (over) throw new ConflictError(tooManyPrerequisitesMessage([...milestoneIds].find(([, id]) => id === over.milestoneId)?.[0] ?? ""));
  }
  if (writes.handoffLinks.length) await tx.handoffMilestone.createMany({ data: writes.handoffLinks.map((l) => ({ handoffId: l.handoffId, milestoneId: mid(l.milestone) })) });
  if (writes.serviceLinks.length) {
    const editable = await servicesEditableBy(tx, actor, [...new Set(writes.serviceLinks.map((l) => sid(l.service)))]);
    await tx.milestoneService.createMany({ data: writes.serviceLinks.map((l) => ({ milestoneId: mid(l.milestone), serviceId: sid(l.service), grantsEdit: editable.has(sid(l.service)) })) });
  }

  const names = planNames(plan);
  await auditWrite(tx, actor, { action: "map.import", targetType: "project", targetId: projectId, projectId, details: { key, filename, created: names.create.length, updated: names.update.length, first: [...names.create, ...names.update].slice(0, 12) } });
}
