// Project-level authorization: every lib/data/ function that touches a project's objects
// starts here. A project the caller cannot see answers 404, exactly as one that does not exist.
import { cache } from "react";
import { db, read } from "@/lib/db/client";
import type { Actor, Caller } from "@/lib/auth/actor";
import {
  CATALOG_EDITOR_ROLES,
  instanceAudience,
  roleAllows,
  type InstanceAction,
  type InstanceResource,
  type ProjectAction,
  type ProjectResource,
  type ProjectRole,
} from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { deny, requireSignedIn } from "@/lib/data/audit";
import { isLookupKey } from "@/lib/validation/text";

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

/** Instance-wide permission checks (services catalog, users, audit log, tokens). */
export async function authorizeInstance<R extends InstanceResource>(
  caller: Caller,
  resource: R,
  action: InstanceAction<R>,
  target: Target = {},
): Promise<Actor> {
  const entry = { action: `${resource}.${action}`, targetType: target.targetType ?? resource, targetId: target.targetId };
  const actor = await requireSignedIn(caller, entry);
  const audience = instanceAudience(resource, action);
  if (audience === "member" || actor.isAdmin) return actor;
  if (audience === "catalog editor") {
    const editor = await db().membership.findFirst({
      where: { userId: actor.id, role: { in: [...CATALOG_EDITOR_ROLES] }, project: { archivedAt: null } },
      select: { id: true },
    });
    if (editor) return actor;
    return deny(actor, entry, new ForbiddenError("Only engineers, managers and owners of a project can edit the services catalog."));
  }
  return deny(actor, entry, new ForbiddenError("Only instance admins can do that."));
}
