// Review of a handoff: who reviews it, reviewers' approvals, resolving comment threads, and the
// activity feed.
// (Status transitions and new comments live in lib/data/handoffs.ts.)
import { db, read } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { Caller } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError, parseInput } from "@/lib/errors";
import { approveSchema, reviewersSchema } from "@/lib/validation/handoff";
import { authorizeHandoff, authorizeInProject } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";
import { projectIdOfHandoff } from "@/lib/data/handoff-read";
import { isLookupKey } from "@/lib/validation/text";
import { HANDOFF_ACTION_LABELS } from "@/lib/validation/labels";
import { listRoles, rolesAllowed } from "@/lib/auth/permissions";

const target = (id: string) => ({ targetType: "handoff", targetId: id });

/** Sets the reviewers: members of the project who may review (engineers, managers, owners). */
export async function setReviewers(caller: Caller, handoffId: string, input: unknown) {
  const { actor, project } = await authorizeHandoff(caller, handoffId, "update");
  const { userIds } = parseInput(reviewersSchema, input);
  const unique = [...new Set(userIds)];
  const eligible = await db().membership.findMany({
    where: { projectId: project.id, userId: { in: unique }, role: { in: [...rolesAllowed("handoff", "review")] } },
    select: { userId: true },
  });
  const missing = unique.filter((id) => !eligible.some((m) => m.userId === id));
  if (missing.length > 0) {
    const who = listRoles(rolesAllowed("handoff", "review"), false, "or");
    throw new ValidationError(`${HANDOFF_ACTION_LABELS.userIds} must be ${who} of this project.`, { userIds: [`must be ${who} of this project`] });
  }
  await db().$transaction(async (tx) => {
    await tx.handoffReviewer.deleteMany({ where: { handoffId, userId: { notIn: unique } } });
    for (const userId of unique) {
      await tx.handoffReviewer.upsert({ where: { handoffId_userId: { handoffId, userId } }, create: { handoffId, userId }, update: {} });
    }
    await auditWrite(tx, actor, { action: "handoff.reviewers", targetType: "handoff", targetId: handoffId, projectId: project.id, details: { userIds: unique } });
  });
}

/**
 * A reviewer approves the version they read, with an optional note. Approving records who vouched
 * for the text; accepting stays a manager's or owner's decision. Approving again replaces the
 * earlier approval (a newer version, a new note). A version that is no longer the newest is a 409:
 * the reviewer approves only what they have read.
 */
export async function approveHandoff(caller: Caller, handoffId: string, input: unknown) {
  const { actor, project } = await authorizeHandoff(caller, handoffId, "review");
  const { note, version } = parseInput(approveSchema, input);
  return db().$transaction(async (tx) => {
    const handoff = await tx.handoff.findUniqueOrThrow({ where: { id: handoffId }, select: { status: true, version: true } });
    if (handoff.status !== "in_review") {
      throw new ConflictError(`Only a handoff in review can be approved; this one is ${statusWords(handoff.status)}.`);
    }
    if (handoff.version !== version) {
      throw new ConflictError(`This handoff changed since you read it: it is now version ${handoff.version}, you read version ${version}. Read the newest version, then approve it.`);
    }
    const approval = await tx.handoffApproval.upsert({
      where: { handoffId_userId: { handoffId, userId: actor.id } },
      create: { handoffId, userId: actor.id, version, note },
      update: { version, note, approvedAt: new Date() },
    });
    await auditWrite(tx, actor, { action: "handoff.approve", targetType: "handoff", targetId: handoffId, projectId: project.id, details: { version, ...(note ? { note } : {}) } });
    return approval;
  });
}

/** Who approved the handoff, newest first, and which version each approved. */
export async function listApprovals(caller: Caller, handoffId: string) {
  await authorizeHandoff(caller, handoffId, "read");
  return db().handoffApproval.findMany({
    where: { handoffId },
    orderBy: { approvedAt: "desc" },
    select: { version: true, note: true, approvedAt: true, user: { select: { id: true, name: true } } },
  });
}

function statusWords(status: string): string {
  const words: Record<string, string> = { draft: "a draft", changes_requested: "waiting for changes", accepted: "accepted", archived: "archived" };
  return words[status] ?? status.replace(/_/g, " ");
}

export async function setCommentResolved(caller: Caller, commentId: string, resolved: boolean) {
  const comment = isLookupKey(commentId) ? await db().comment.findUnique({ where: { id: commentId }, select: { handoffId: true, parentId: true, resolvedAt: true } }) : null;
  const handoffId = comment?.handoffId ?? "";
  const { actor, project } = await authorizeInProject(caller, comment ? await projectIdOfHandoff(handoffId) : null, "handoff", "comment", target(handoffId), "Comment");
  if (!comment) throw new NotFoundError("Comment");
  if (comment.parentId) throw new ValidationError("Resolve the thread from its first comment.", { commentId: ["is a reply"] });
  if (Boolean(comment.resolvedAt) === resolved) return;
  await db().$transaction(async (tx) => {
    await tx.comment.update({ where: { id: commentId }, data: resolved ? { resolvedAt: new Date(), resolvedById: actor.id } : { resolvedAt: null, resolvedById: null } });
    await auditWrite(tx, actor, { action: resolved ? "handoff.resolve" : "handoff.reopenThread", targetType: "handoff", targetId: handoffId, projectId: project.id, details: { commentId } });
  });
}

/** Every recorded change to a handoff, newest first: saves, status changes, comments, reviewers. */
export async function listHandoffActivity(caller: Caller, handoffId: string, take = 50) {
  await authorizeHandoff(caller, handoffId, "read");
  // On every handoff page view: one plain SQL statement (ADR 0002).
  const rows = await read<{ id: string; at: Date; action: string; details: unknown; actorEmail: string; actorName: string | null }>`
    SELECT e."id", e."at", e."action", e."details", e."actorEmail", u."name" AS "actorName"
    FROM "AuditEvent" e LEFT JOIN "User" u ON u."id" = e."actorId"
    WHERE e."targetType" = 'handoff' AND e."targetId" = ${handoffId} AND e."outcome" = 'success'
    ORDER BY e."at" DESC
    LIMIT ${take}`;
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    details: r.details as Prisma.JsonValue,
    actorEmail: r.actorEmail,
    actor: r.actorName === null ? null : { name: r.actorName },
  }));
}