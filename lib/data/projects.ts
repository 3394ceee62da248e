// Projects: list, overview, create, update, archive.
import { db, read } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { parseInput, ConflictError } from "@/lib/errors";
import { createProjectSchema, updateProjectSchema } from "@/lib/validation/project";
import { authorizeInstance, authorizeProject, instanceAllows } from "@/lib/data/access";
import { auditWrite, requireSignedIn } from "@/lib/data/audit";
import type { ProjectRole } from "@/lib/auth/permissions";
import type { HandoffStatus, MilestoneHealth, MilestoneStatus } from "@/lib/db/generated/sqlite/enums";
import { compareByDueThenKey } from "@/lib/sort";

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
  // The overview is the most visited page: its reads are plain SQL joins, one statement each,
  // rather than ORM queries that each compile a plan and fetch relations separately (ADR 0002).
  const [handoffList, milestoneRows, updateRows, memberRows] = await Promise.all([
    read<{ id: string; title: string; status: HandoffStatus; updatedAt: Date; authorName: string | null }>`
      SELECT h."id", h."title", h."status", h."updatedAt", u."name" AS "authorName"
      FROM "Handoff" h LEFT JOIN "User" u ON u."id" = h."authorId"
      WHERE h."projectId" = ${projectId}
      ORDER BY h."updatedAt" DESC`,
    read<{ id: string; key: string; title: string; status: MilestoneStatus; health: MilestoneHealth; dueDate: Date | null; ownerId: string | null; ownerName: string | null }>`
      SELECT m."id", m."key", m."title", m."status", m."health", m."dueDate", m."ownerId", u."name" AS "ownerName"
      FROM "Milestone" m LEFT JOIN "User" u ON u."id" = m."ownerId"
      WHERE m."projectId" = ${projectId}`,
    read<{ id: string; fromStatus: MilestoneStatus | null; toStatus: MilestoneStatus; toHealth: MilestoneHealth; note: string; createdAt: Date; authorName: string | null; milestoneId: string; milestoneKey: string; milestoneTitle: string }>`
      SELECT s."id", s."fromStatus", s."toStatus", s."toHealth", s."note", s."createdAt", u."name" AS "authorName",
             m."id" AS "milestoneId", m."key" AS "milestoneKey", m."title" AS "milestoneTitle"
      FROM "StatusUpdate" s JOIN "Milestone" m ON m."id" = s."milestoneId" LEFT JOIN "User" u ON u."id" = s."authorId"
      WHERE m."projectId" = ${projectId}
      ORDER BY s."createdAt" DESC
      LIMIT 6`,
    read<{ role: ProjectRole; id: string; name: string; email: string }>`
      SELECT ms."role", u."id", u."name", u."email"
      FROM "Membership" ms JOIN "User" u ON u."id" = ms."userId"
      WHERE ms."projectId" = ${projectId}
      ORDER BY ms."createdAt" ASC`,
  ]);
  // Due date first, undated last, then key: the same order on both databases.
  const milestones = milestoneRows
    .map((m) => ({ id: m.id, key: m.key, title: m.title, status: m.status, health: m.health, dueDate: m.dueDate, owner: m.ownerId ? { id: m.ownerId, name: m.ownerName ?? "" } : null }))
    .sort(compareByDueThenKey);
  const recentUpdates = updateRows.map((u) => ({
    id: u.id,
    fromStatus: u.fromStatus,
    toStatus: u.toStatus,
    toHealth: u.toHealth,
    note: u.note,
    createdAt: u.createdAt,
    author: u.authorName === null ? null : { name: u.authorName },
    milestone: { id: u.milestoneId, key: u.milestoneKey, title: u.milestoneTitle },
  }));
  const members = memberRows.map((m) => ({ role: m.role, user: { id: m.id, name: m.name, email: m.email } }));
  const counts = emptyStatusCounts();
  for (const m of milestones) counts[m.status]++;
  const handoffCounts: Partial<Record<string, number>> = {};
  for (const h of handoffList) handoffCounts[h.status] = (handoffCounts[h.status] ?? 0) + 1;
  const open = milestones.filter((m) => m.status !== "done" && m.status !== "cancelled");
  const overdue = open.filter((m) => m.dueDate && m.dueDate < now);
  const blocked = open.filter((m) => m.status === "blocked");
  // At risk lists what is not already shown as blocked or overdue.
  const atRisk = open.filter((m) => m.health !== "on_track" && m.status !== "blocked" && !overdue.includes(m));
  const dueSoon = open.filter((m) => m.dueDate && m.dueDate >= now && m.dueDate.getTime() - now.getTime() < 14 * 86400_000);
  return {
    ...access,
    handoffs: handoffCounts,
    recentHandoffs: handoffList.slice(0, 5).map((h) => ({ id: h.id, title: h.title, status: h.status, updatedAt: h.updatedAt, author: h.authorName === null ? null : { name: h.authorName } })),
    milestones: { counts, total: milestones.length, overdue, blocked, atRisk, dueSoon },
    recentUpdates,
    members,
  };
}

/** Whether the caller may create projects (PROJECT_CREATION): the projects page offers the form. */
export async function canCreateProjects(caller: Caller): Promise<boolean> {
  const actor = await requireSignedIn(caller, { action: "project.create", targetType: "project" });
  return instanceAllows(actor, "project", "create");
}

/** A new project, owned by its creator. Owning it gives no power over existing services (lib/auth/permissions.ts). */
export async function createProject(caller: Caller, input: unknown) {
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

export async function updateProject(caller: Caller, key: string, input: unknown) {
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
  // On every page (the sidebar): one plain SQL statement (ADR 0002).
  const links = actor.isAdmin
    ? await read<{ key: string; name: string }>`SELECT "key", "name" FROM "Project" WHERE "archivedAt" IS NULL`
    : await read<{ key: string; name: string }>`
        SELECT p."key", p."name" FROM "Project" p JOIN "Membership" m ON m."projectId" = p."id"
        WHERE m."userId" = ${actor.id} AND p."archivedAt" IS NULL`;
  return links.sort((a, b) => a.name.localeCompare(b.name));
}

/** The project and the caller's role in it, for the project's layout. */
export async function getProjectHeader(caller: Caller, key: string) {
  return authorizeProject(caller, { key }, "project", "read", { targetType: "project" });
}
