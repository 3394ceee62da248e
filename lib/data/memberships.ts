// Project membership: who is in a project and with which role. Owners manage it.
import { db, read } from "@/lib/db/client";
import type { ProjectRole } from "@/lib/auth/permissions";
import type { Caller } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError, parseInput } from "@/lib/errors";
import { addMemberSchema, changeRoleSchema } from "@/lib/validation/project";
import { authorizeProject } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";
import { isLookupKey } from "@/lib/validation/text";
import { MEMBER_LABELS } from "@/lib/validation/labels";

export async function listMembers(caller: Caller, key: string) {
  const access = await authorizeProject(caller, { key }, "membership", "read", { targetType: "project" });
  // Read on the handoff page and in settings: one plain SQL statement (ADR 0002).
  const rows = await read<{ id: string; role: ProjectRole; createdAt: Date; userId: string; name: string; email: string; disabledAt: Date | null }>`
    SELECT m."id", m."role", m."createdAt", u."id" AS "userId", u."name", u."email", u."disabledAt"
    FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
    WHERE m."projectId" = ${access.project.id}
    ORDER BY m."createdAt" ASC`;
  const members = rows.map((r) => ({ id: r.id, role: r.role, createdAt: r.createdAt, user: { id: r.userId, name: r.name, email: r.email, disabledAt: r.disabledAt } }));
  return { ...access, members };
}

export async function addMember(caller: Caller, key: string, input: unknown) {
  const { actor, project } = await authorizeProject(caller, { key }, "membership", "manage", { targetType: "membership" });
  const data = parseInput(addMemberSchema, input);
  const user = await db().user.findUnique({ where: { email: data.email }, select: { id: true, disabledAt: true } });
  if (!user) throw new ValidationError(`${MEMBER_LABELS.email}: no account uses ${data.email}; ask an admin to invite them first.`, { email: ["no account uses this email; ask an admin to invite them first"] });
  if (user.disabledAt) throw new ValidationError(`${MEMBER_LABELS.email}: the account using ${data.email} is disabled.`, { email: ["that account is disabled"] });
  const existing = await db().membership.findUnique({ where: { projectId_userId: { projectId: project.id, userId: user.id } }, select: { id: true } });
  if (existing) throw new ConflictError(`${data.email} is already a member of ${project.name}.`);
  return db().$transaction(async (tx) => {
    const membership = await tx.membership.create({ data: { projectId: project.id, userId: user.id, role: data.role } });
    await auditWrite(tx, actor, { action: "membership.add", targetType: "membership", targetId: membership.id, projectId: project.id, details: { userId: user.id, role: data.role } });
    return membership;
  });
}

/** A project must always keep at least one owner. */
async function assertNotLastOwner(projectId: string, userId: string) {
  const owners = await db().membership.findMany({ where: { projectId, role: "owner" }, select: { userId: true } });
  if (owners.length === 1 && owners[0].userId === userId) {
    throw new ConflictError("A project needs at least one owner. Make someone else an owner first.");
  }
}

export async function changeMemberRole(caller: Caller, key: string, input: unknown) {
  const { actor, project } = await authorizeProject(caller, { key }, "membership", "manage", { targetType: "membership" });
  const data = parseInput(changeRoleSchema, input);
  const membership = await db().membership.findUnique({ where: { projectId_userId: { projectId: project.id, userId: data.userId } } });
  if (!membership) throw new NotFoundError("That member");
  if (membership.role === data.role) return membership;
  if (membership.role === "owner") await assertNotLastOwner(project.id, data.userId);
  return db().$transaction(async (tx) => {
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: data.role } });
    await auditWrite(tx, actor, { action: "membership.role", targetType: "membership", targetId: membership.id, projectId: project.id, details: { userId: data.userId, from: membership.role, to: data.role } });
    return updated;
  });
}

export async function removeMember(caller: Caller, key: string, userId: string) {
  const { actor, project } = await authorizeProject(caller, { key }, "membership", "manage", { targetType: "membership" });
  if (!isLookupKey(userId)) throw new NotFoundError("That member");
  const membership = await db().membership.findUnique({ where: { projectId_userId: { projectId: project.id, userId } } });
  if (!membership) throw new NotFoundError("That member");
  if (membership.role === "owner") await assertNotLastOwner(project.id, userId);
  await db().$transaction(async (tx) => {
    await tx.membership.delete({ where: { id: membership.id } });
    await auditWrite(tx, actor, { action: "membership.remove", targetType: "membership", targetId: membership.id, projectId: project.id, details: { userId, role: membership.role } });
  });
}
