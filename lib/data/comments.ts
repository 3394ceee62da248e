// Comments on a handoff: threads anchored to a section, replies, edits by their authors, and
// deletion by their authors or by the project's owners (moderation). Every write is audited
// against the handoff, so its activity feed is one query on the audit log.
//
// Deleting keeps a thread's shape: a first comment that has replies becomes a "comment deleted"
// placeholder (its text is erased) so the replies keep their context; anything else is removed,
// and a placeholder goes too once its last reply is deleted. (Resolving lives in handoff-review.ts.)
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError, ValidationError, parseInput } from "@/lib/errors";
import { commentSchema, editCommentSchema } from "@/lib/validation/handoff";
import { isLookupKey } from "@/lib/validation/text";
import { HANDOFF_ACTION_LABELS } from "@/lib/validation/labels";
import { authorizeHandoff, authorizeInProject } from "@/lib/data/access";
import { auditWrite, deny } from "@/lib/data/audit";
import { projectIdOfHandoff } from "@/lib/data/handoff-read";
import { BODY_SECTION_KEY, handoffSectionRules } from "@/lib/data/handoff-rules";

const target = (id: string) => ({ targetType: "handoff", targetId: id });

export async function addComment(caller: Caller, handoffId: string, input: unknown) {
  const { actor, project } = await authorizeHandoff(caller, handoffId, "comment");
  const data = parseInput(commentSchema, input);
  let sectionKey = data.sectionKey;
  if (data.parentId) {
    const parent = await db().comment.findUnique({ where: { id: data.parentId }, select: { handoffId: true, parentId: true, sectionKey: true } });
    if (!parent || parent.handoffId !== handoffId) throw new NotFoundError("The comment you replied to");
    if (parent.parentId) throw new ValidationError(`${HANDOFF_ACTION_LABELS.parentId} is itself a reply; replies go to the thread's first comment.`, { parentId: ["must be a thread's first comment"] });
    // A reply belongs to its thread's section, even one the template has since dropped.
    sectionKey = parent.sectionKey;
  } else if (sectionKey !== BODY_SECTION_KEY && !(await handoffSectionRules(handoffId)).allowed?.has(sectionKey)) {
    throw new ValidationError(`This handoff has no section “${sectionKey}” to comment on.`, { sectionKey: ["is not a section of this handoff"] });
  }
  return db().$transaction(async (tx) => {
    const comment = await tx.comment.create({ data: { handoffId, sectionKey, body: data.body, parentId: data.parentId ?? null, authorId: actor.id } });
    await auditWrite(tx, actor, { action: data.parentId ? "handoff.reply" : "handoff.comment", targetType: "handoff", targetId: handoffId, projectId: project.id, details: { commentId: comment.id, sectionKey } });
    return comment;
  });
}

async function loadComment(commentId: string) {
  if (!isLookupKey(commentId)) return null;
  return db().comment.findUnique({ where: { id: commentId }, select: { id: true, handoffId: true, authorId: true, parentId: true, sectionKey: true, deletedAt: true } });
}

type LoadedComment = NonNullable<Awaited<ReturnType<typeof loadComment>>>;

/** A comment of this handoff that is still there, in a project the caller may act in; else 404 (or 403 for the role). */
async function authorizeComment(caller: Caller, handoffId: string, comment: LoadedComment | null, action: "editOwn" | "deleteOwn" | "deleteAny") {
  const live = comment && comment.handoffId === handoffId && !comment.deletedAt;
  const access = await authorizeInProject(caller, live ? await projectIdOfHandoff(handoffId) : null, "comment", action, target(handoffId), "Comment");
  return { ...access, comment: comment as LoadedComment };
}

/** Replaces a comment's text; only its author may, and the comment is marked as edited. */
export async function editComment(caller: Caller, handoffId: string, commentId: string, input: unknown) {
  const { actor, project, comment } = await authorizeComment(caller, handoffId, await loadComment(commentId), "editOwn");
  if (comment.authorId !== actor.id) {
    return deny(actor, { action: "comment.editOwn", ...target(handoffId), projectId: project.id, details: { commentId } }, new ForbiddenError("Only its author can edit a comment."));
  }
  const { body } = parseInput(editCommentSchema, input);
  return db().$transaction(async (tx) => {
    const editedAt = new Date();
    const { count } = await tx.comment.updateMany({ where: { id: commentId, deletedAt: null }, data: { body, editedAt } });
    if (count === 0) throw new NotFoundError("Comment");
    await auditWrite(tx, actor, { action: "handoff.commentEdit", ...target(handoffId), projectId: project.id, details: { commentId, sectionKey: comment.sectionKey } });
    return { id: commentId, body, editedAt };
  });
}

/**
 * Deletes a comment: its author may (deleteOwn), and so may the project's owners (deleteAny).
 * Returns whether a placeholder was kept for the thread's replies.
 */
export async function deleteComment(caller: Caller, handoffId: string, commentId: string): Promise<{ placeholder: boolean }> {
  const loaded = await loadComment(commentId);
  const own = Boolean(caller && loaded?.authorId === caller.id);
  const { actor, project, comment } = await authorizeComment(caller, handoffId, loaded, own ? "deleteOwn" : "deleteAny");
  return db().$transaction(async (tx) => {
    const replies = comment.parentId ? 0 : await tx.comment.count({ where: { parentId: comment.id } });
    if (replies > 0) {
      await tx.comment.update({ where: { id: comment.id }, data: { body: "", deletedAt: new Date(), editedAt: null } });
    } else {
      await tx.comment.deleteMany({ where: { id: comment.id } });
      // The last reply under a deleted first comment takes the placeholder with it.
      if (comment.parentId) await tx.comment.deleteMany({ where: { id: comment.parentId, deletedAt: { not: null }, replies: { none: {} } } });
    }
    await auditWrite(tx, actor, {
      action: "handoff.commentDelete",
      ...target(handoffId),
      projectId: project.id,
      details: { commentId, sectionKey: comment.sectionKey, authorId: comment.authorId, own, placeholder: replies > 0 },
    });
    return { placeholder: replies > 0 };
  });
}
