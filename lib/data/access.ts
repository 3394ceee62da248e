// Project-level authorization: every lib/data/ function that touches a project's objects
// starts here. A project the caller cannot see answers 404, exactly as one that does not exist.
import { cache } from "react";
import { db, read, type Tx } from "@/lib/db/client";
import type { Actor, Caller } from "@/lib/auth/actor";
import {
  CATALOG_EDITOR_ROLES,
  listRoles,
  serviceEditorsPhrase,
  audienceAdmits,
  instanceAudience,
  roleAllows,
  type InstanceAction,
  type InstanceAudience,
  type InstanceFacts,
  type InstanceResource,
  type ProjectAction,
  type ProjectResource,
  type ProjectRole,
} from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { deny, requireSignedIn } from "@/lib/data/audit";
import { env } from "@/lib/env";
import { isLookupKey } from "@/lib/validation/text";
import { projectIdOfHandoff } from "@/lib/data/handoff-read";

export type ProjectRef = { key: string } | { id: string };

export type ProjectAccess = {
  actor: Actor;
  project: { id: string; key: string; name: string; description: string; archivedAt: Date | null };
  role: ProjectRole;
};

type Target = { targetType?: string; targetId?: string };

/** How a refusal reads where "cannot <action> <resource>s" would not. */
const ACTION_PHRASES: Partial<Record<string, string>> = {
  "milestone.updateStatus": "update milestone status",
  "project.importServices": "import services into it",
  "comment.editOwn": "edit comments",
  "comment.deleteOwn": "delete comments",
  "comment.deleteAny": "delete other people's comments",
};

/** The caller's role in a project, or null. Instance admins act as owners everywhere. */
export async function roleIn(actor: Actor, projectId: string): Promise<ProjectRole | null> {
  if (actor.isAdmin) return "owner";
  const m = await db().membership.findUnique({ where: { projectId_userId: { projectId, userId: actor.id } }, select: { role: true } });
  return m?.role ?? null;
}

/**
 * The project with the caller's membership, loaded once per server render (a page's layout and
 * its body both authorize; React's cache makes that one query). Outside a render, and in server
 * actions, there is no memo: every call reads the database.
 */
type ProjectRow = { id: string; key: string; name: string; description: string; archivedAt: Date | null; role: ProjectRole | null };

const loadProjectWithMembership = cache(async (userId: string, field: "id" | "key", value: string): Promise<ProjectRow | undefined> => {
  // Every project page and action authorizes here: one plain SQL statement (ADR 0002).
  const rows =
    field === "id"
      ? await read<ProjectRow>`
          SELECT p."id", p."key", p."name", p."description", p."archivedAt", m."role"
          FROM "Project" p LEFT JOIN "Membership" m ON m."projectId" = p."id" AND m."userId" = ${userId}
          WHERE p."id" = ${value}`
      : await read<ProjectRow>`
          SELECT p."id", p."key", p."name", p."description", p."archivedAt", m."role"
          FROM "Project" p LEFT JOIN "Membership" m ON m."projectId" = p."id" AND m."userId" = ${userId}
          WHERE p."key" = ${value}`;
  return rows[0];
});

/**
 * Loads the project with the caller's membership in one query and checks that the caller's role
 * allows `action` on `resource`. Denials are audited before the error is thrown.
 */
export async function authorizeProject<R extends ProjectResource>(
  caller: Caller,
  ref: ProjectRef,
  resource: R,
  action: ProjectAction<R>,
  target: Target = {},
): Promise<ProjectAccess> {
  const entry = { action: `${resource}.${action}`, targetType: target.targetType ?? resource, targetId: target.targetId ?? ("id" in ref ? ref.id : ref.key) };
  const actor = await requireSignedIn(caller, entry);
  const value = "id" in ref ? ref.id : ref.key;
  // A key or id that cannot exist (a NUL byte, a broken character) is not looked up: not found.
  const project = isLookupKey(value) ? await loadProjectWithMembership(actor.id, "id" in ref ? "id" : "key", value) : undefined;
  const role: ProjectRole | null = actor.isAdmin ? "owner" : (project?.role ?? null);
  if (!project || !role) return deny(actor, entry, new NotFoundError(target.targetType === "project" || !target.targetType ? "Project" : "That item"));
  const scoped = { ...entry, projectId: project.id };
  if (!roleAllows(role, resource, action)) {
    const what = ACTION_PHRASES[`${resource}.${action}`] ?? `${action} ${resource}s`;
    return deny(actor, scoped, new ForbiddenError(`Your role (${role}) in ${project.name} cannot ${what}.`));
  }
  const { role: _own, ...rest } = project;
  return { actor, project: rest, role };
}

/**
 * For an object inside a project (a handoff, a milestone): the caller must be able to see the
 * project, else the object "does not exist" (404); then the role must allow the action (403).
 */
export async function authorizeInProject<R extends ProjectResource>(
  caller: Caller,
  projectId: string | null | undefined,
  resource: R,
  action: ProjectAction<R>,
  target: Required<Target>,
  what: string,
): Promise<ProjectAccess> {
  const entry = { action: `${resource}.${action}`, targetType: target.targetType, targetId: target.targetId };
  const actor = await requireSignedIn(caller, entry);
  if (!projectId) return deny(actor, entry, new NotFoundError(what));
  try {
    return await authorizeProject(actor, { id: projectId }, resource, action, target);
  } catch (error) {
    // authorizeProject already audited the denial; only the wording of a 404 changes here.
    if (error instanceof NotFoundError) throw new NotFoundError(what);
    throw error;
  }
}

/**
 * The one check before anything reads or changes a handoff: the caller's role in the handoff's
 * project allows `action` on `resource` (the handoff itself unless said otherwise). An unknown id
 * is a 404 "Handoff was not found", audited like any other denial.
 */
export async function authorizeHandoff(caller: Caller, handoffId: string, action: ProjectAction<"handoff">): Promise<ProjectAccess>;
export async function authorizeHandoff<R extends ProjectResource>(caller: Caller, handoffId: string, action: ProjectAction<R>, resource: R): Promise<ProjectAccess>;
export async function authorizeHandoff(caller: Caller, handoffId: string, action: string, resource: ProjectResource = "handoff"): Promise<ProjectAccess> {
  const projectId = await projectIdOfHandoff(handoffId);
  return authorizeInProject(caller, projectId, resource, action as ProjectAction<typeof resource>, { targetType: "handoff", targetId: handoffId }, "Handoff");
}

/** Engineer, manager or owner in at least one active project. */
async function editsSomeProject(actor: Actor): Promise<boolean> {
  const m = await db().membership.findFirst({
    where: { userId: actor.id, role: { in: [...CATALOG_EDITOR_ROLES] }, project: { archivedAt: null } },
    select: { id: true },
  });
  return Boolean(m);
}

/** What the audience needs to know about the caller; per-service audiences go through authorizeService. */
async function instanceFacts(actor: Actor, audience: InstanceAudience): Promise<InstanceFacts> {
  if (actor.isAdmin) return { isAdmin: true };
  switch (audience) {
    case "project creator":
      return { isAdmin: false, membersCreateProjects: env().PROJECT_CREATION === "members" };
    case "catalog editor":
      return { isAdmin: false, editsSomeProject: await editsSomeProject(actor) };
    case "service editor":
    case "service owner":
      throw new Error(`The ${audience} audience is decided per service: use authorizeService.`);
    default:
      return { isAdmin: false };
  }
}

const INSTANCE_REFUSALS: Partial<Record<InstanceAudience, string>> = {
  "project creator": "On this instance only admins create projects. Ask an admin to create one, or to add you to a project.",
  "catalog editor": `Only ${listRoles(CATALOG_EDITOR_ROLES)} of a project (and instance admins) can add services to the catalog.`,
};

/** Whether the caller may do an instance-wide action, without recording anything (what a page offers). */
export async function instanceAllows<R extends InstanceResource>(actor: Actor, resource: R, action: InstanceAction<R>): Promise<boolean> {
  const audience = instanceAudience(resource, action);
  return audienceAdmits(audience, await instanceFacts(actor, audience));
}

/** Instance-wide permission checks (projects, the services catalog, users, audit log, tokens). */
export async function authorizeInstance<R extends InstanceResource>(
  caller: Caller,
  resource: R,
  action: InstanceAction<R>,
  target: Target = {},
): Promise<Actor> {
  const entry = { action: `${resource}.${action}`, targetType: target.targetType ?? resource, targetId: target.targetId };
  const actor = await requireSignedIn(caller, entry);
  const audience = instanceAudience(resource, action);
  if (audienceAdmits(audience, await instanceFacts(actor, audience))) return actor;
  return deny(actor, entry, new ForbiddenError(INSTANCE_REFUSALS[audience] ?? "Only instance admins can do that."));
}

/** What is done to one service ("create" concerns the catalog, see authorizeInstance). */
export type ServiceAction = Exclude<InstanceAction<"service">, "create">;
const SERVICE_ACTIONS: readonly ServiceAction[] = ["read", "update", "changeOwner", "delete"];

export type ServiceAccess = {
  actor: Actor;
  service: { id: string; name: string; ownerId: string | null };
  /** What else this caller may do to this service (what its pages offer). */
  may: Record<ServiceAction, boolean>;
};

function serviceRefusal(action: ServiceAction, name: string): string {
  if (action === "update") {
    return `Only ${serviceEditorsPhrase(`${name}'s owner`)} can edit it.`;
  }
  if (action === "changeOwner") return `Only ${name}'s owner and instance admins can give it another owner.`;
  return "Only instance admins can do that.";
}

/**
 * The links that make the caller an editor of a service (at most one is needed): links that grant
 * editing (made by someone who could edit the service then), from milestones of active projects
 * where the caller plans. A link anyone else made counts for the map and the plan, not here.
 */
function editorLinks(actor: Actor) {
  const planners = { some: { userId: actor.id, role: { in: [...CATALOG_EDITOR_ROLES] } } };
  return { where: { grantsEdit: true, milestone: { project: { archivedAt: null, memberships: planners } } }, select: { id: true as const }, take: 1 };
}

function serviceFacts(actor: Actor, row: { ownerId: string | null; milestones: unknown[] }): InstanceFacts {
  return { isAdmin: actor.isAdmin, ownsService: row.ownerId !== null && row.ownerId === actor.id, editsImplementingProject: row.milestones.length > 0 };
}

/**
 * Which of these services (by id) the caller may edit now, read in `tx`: a link the caller makes
 * to one of them grants editing, a link to any other does not.
 */
export async function servicesEditableBy(tx: Tx, actor: Actor, serviceIds: string[]): Promise<Set<string>> {
  if (actor.isAdmin || serviceIds.length === 0) return new Set(actor.isAdmin ? serviceIds : []);
  const rows = await tx.service.findMany({ where: { id: { in: serviceIds } }, select: { id: true, ownerId: true, milestones: editorLinks(actor) } });
  const audience = instanceAudience("service", "update");
  return new Set(rows.filter((row) => audienceAdmits(audience, serviceFacts(actor, row))).map((row) => row.id));
}

/**
 * One service of the catalog and whether the caller may act on it: the service and the caller's
 * relation to it (owner; engineer, manager or owner of an active project with a milestone one of
 * its editors linked to it) come from one query. A missing service is 404, a refused action 403;
 * both audited.
 */
export async function authorizeService(caller: Caller, name: string, action: ServiceAction): Promise<ServiceAccess> {
  const entry = { action: `service.${action}`, targetType: "service", targetId: name };
  const actor = await requireSignedIn(caller, entry);
  const row = !isLookupKey(name) ? null : await db().service.findUnique({
    where: { name },
    select: {
      id: true,
      name: true,
      ownerId: true,
      milestones: editorLinks(actor),
    },
  });
  if (!row) return deny(actor, entry, new NotFoundError("Service"));
  const facts = serviceFacts(actor, row);
  const may = Object.fromEntries(
    SERVICE_ACTIONS.map((a) => [a, audienceAdmits(instanceAudience("service", a), facts)]),
  ) as Record<ServiceAction, boolean>;
  const service = { id: row.id, name: row.name, ownerId: row.ownerId };
  if (!may[action]) return denyService(actor, service, action);
  return { actor, service, may };
}

/** Records and refuses an action on one service, saying who may do it. */
export function denyService(actor: Actor, service: ServiceAccess["service"], action: ServiceAction): Promise<never> {
  const entry = { action: `service.${action}`, targetType: "service", targetId: service.id, details: { name: service.name } };
  return deny(actor, entry, new ForbiddenError(serviceRefusal(action, service.name)));
}
