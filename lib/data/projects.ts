// Projects: list, overview, create, update, archive.
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { parseInput, ConflictError } from "@/lib/errors";
import { createProjectSchema, updateProjectSchema, type CreateProjectInput, type UpdateProjectInput } from "@/lib/validation/project";
import { authorizeInstance, authorizeProject } from "@/lib/data/access";
import { auditWrite, requireSignedIn } from "@/lib/data/audit";
import type { ProjectRole } from "@/lib/auth/permissions";

export type StatusCounts = Record<"planned" | "in_progress" | "blocked" | "done" | "cancelled", number>;

export const emptyStatusCounts = (): StatusCounts => ({ planned: 0, in_progress: 0, blocked: 0, done: 0, cancelled: 0 });

export type ProjectSummary = {
  id: string;
  key: string;
  name: string;
  description: string;
  role: ProjectRole;
  archived: boolean;
  milestones: StatusCounts;
  overdue: number;
  handoffs: number;
  updatedAt: Date;
};

/** The projects the caller can see (all of them for instance admins), with milestone progress. */
export async function listProjects(caller: Caller, opts: { includeArchived?: boolean } = {}): Promise<ProjectSummary[]> {
  const actor = await requireSignedIn(caller, { action: "project.list", targetType: "project" });
  const now = new Date();
  const projects = await db().project.findMany({
    where: {
      ...(actor.isAdmin ? {} : { memberships: { some: { userId: actor.id } } }),
      ...(opts.includeArchived ? {} : { archivedAt: null }),
    },
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      archivedAt: true,
      updatedAt: true,
      memberships: { where: { userId: actor.id }, select: { role: true } },
      _count: { select: { handoffs: true } },
    },
    orderBy: { name: "asc" },
  });
  if (projects.length === 0) return [];
  const ids = projects.map((p) => p.id);
  const [byStatus, overdue] = await Promise.all([
    db().milestone.groupBy({ by: ["projectId", "status"], where: { projectId: { in: ids } }, _count: { _all: true } }),
    db().milestone.groupBy({
      by: ["projectId"],
      where: { projectId: { in: ids }, dueDate: { lt: now }, status: { notIn: ["done", "cancelled"] } },
      _count: { _all: true },
    }),
  ]);
  return projects.map((p) => {
    const milestones = emptyStatusCounts();
    for (const row of byStatus) if (row.projectId === p.id) milestones[row.status] = row._count._all;
    return {
      id: p.id,
      key: p.key,
      name: p.name,
      description: p.description,
      role: actor.isAdmin ? "owner" : (p.memberships[0]?.role ?? "viewer"),
      archived: Boolean(p.archivedAt),
      milestones,
      overdue: overdue.find((o) => o.projectId === p.id)?._count._all ?? 0,
      handoffs: p._count.handoffs,
      updatedAt: p.updatedAt,
    };
  });
}

/** Everything the project overview page shows, in a handful of queries. */
export async function getProjectOverview(caller: Caller, key: string, now = new Date()) {
  const access = await authorizeProject(caller, { key }, "project", "read", { targetType: "project" });
  const projectId = access.project.id;
  const [handoffsByStatus, milestones, recentUpdates, members, recentHandoffs] = await Promise.all([
    db().handoff.groupBy({ by: ["status"], where: { projectId }, _count: { _all: true } }),
    db().milestone.findMany({
      where: { projectId },
      select: {
        id: true,
        key: true,
        title: true,
        status: true,
        health: true,
        dueDate: true,
        owner: { select: { id: true, name: true } },
      },
      orderBy: [{ dueDate: "asc" }, { key: "asc" }],
    }),
    db().statusUpdate.findMany({
      where: { milestone: { projectId } },
      select: {
        id: true,
        fromStatus: true,
        toStatus: true,
        toHealth: true,
        note: true,
        createdAt: true,
        author: { select: { name: true } },
        milestone: { select: { id: true, key: true, title: true } },
      },
      orderBy: { createdAt: "desc" },
      take: 6,
    }),
    db().membership.findMany({
      where: { projectId },
      select: { role: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db().handoff.findMany({
      where: { projectId },
      select: { id: true, title: true, status: true, updatedAt: true, author: { select: { name: true } } },
      orderBy: { updatedAt: "desc" },
      take: 5,
    }),
  ]);
  const counts = emptyStatusCounts();
  for (const m of milestones) counts[m.status]++;
  const open = milestones.filter((m) => m.status !== "done" && m.status !== "cancelled");
  const overdue = open.filter((m) => m.dueDate && m.dueDate < now);
  const blocked = open.filter((m) => m.status === "blocked");
  // At risk lists what is not already shown as blocked or overdue.
  const atRisk = open.filter((m) => m.health !== "on_track" && m.status !== "blocked" && !overdue.includes(m));
  const dueSoon = open.filter((m) => m.dueDate && m.dueDate >= now && m.dueDate.getTime() - now.getTime() < 14 * 86400_000);
  return {
    ...access,
    handoffs: Object.fromEntries(handoffsByStatus.map((h) => [h.status, h._count._all])) as Partial<Record<string, number>>,
    recentHandoffs,
    milestones: { counts, total: milestones.length, overdue, blocked, atRisk, dueSoon },
    recentUpdates,
    members,
  };
}

export async function createProject(caller: Caller, input: CreateProjectInput) {
  const actor = await authorizeInstance(caller, "project", "create", { targetType: "project" });
  const data = parseInput(createProjectSchema, input);
  const existing = await db().project.findUnique({ where: { key: data.key }, select: { id: true } });
  if (existing) throw new ConflictError(`A project with key ${data.key} already exists.`);
  return db().$transaction(async (tx) => {
    const project = await tx.project.create({ data: { ...data, memberships: { create: { userId: actor.id, role: "owner" } } } });
    await auditWrite(tx, actor, { action: "project.create", targetType: "project", targetId: project.id, projectId: project.id, details: { key: project.key } });
    return project;
  });
}

export async function updateProject(caller: Caller, key: string, input: UpdateProjectInput) {
  const { actor, project } = await authorizeProject(caller, { key }, "project", "update", { targetType: "project" });
  const data = parseInput(updateProjectSchema, input);
  return db().$transaction(async (tx) => {
    const updated = await tx.project.update({ where: { id: project.id }, data });
    await auditWrite(tx, actor, { action: "project.update", targetType: "project", targetId: project.id, projectId: project.id, details: data });
    return updated;
  });
}

export async function setProjectArchived(caller: Caller, key: string, archived: boolean) {
  const { actor, project } = await authorizeProject(caller, { key }, "project", "archive", { targetType: "project" });
  return db().$transaction(async (tx) => {
    const updated = await tx.project.update({ where: { id: project.id }, data: { archivedAt: archived ? new Date() : null } });
    await auditWrite(tx, actor, { action: archived ? "project.archive" : "project.unarchive", targetType: "project", targetId: project.id, projectId: project.id });
    return updated;
  });
}

/** Key and name of each project the caller can see: the sidebar's project switcher. One query. */
export async function listProjectLinks(caller: Caller) {
  const actor = await requireSignedIn(caller, { action: "project.list", targetType: "project" });
  return db().project.findMany({
    where: { archivedAt: null, ...(actor.isAdmin ? {} : { memberships: { some: { userId: actor.id } } }) },
    select: { key: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** The project and the caller's role in it, for the project's layout. */
export async function getProjectHeader(caller: Caller, key: string) {
  return authorizeProject(caller, { key }, "project", "read", { targetType: "project" });
}
