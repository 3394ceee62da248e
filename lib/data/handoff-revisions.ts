// Every save of a handoff is a revision; any two can be compared, and any can be restored
// (which saves it again as the newest revision, so history is never rewritten).
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, parseInput } from "@/lib/errors";
import { handoffContentSchema, restoreSchema, type HandoffContent } from "@/lib/validation/handoff";
import { authorizeInProject } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";
import { recordRevision } from "@/lib/data/handoffs";
import { projectIdOfHandoff } from "@/lib/data/handoff-read";

const target = (id: string) => ({ targetType: "handoff", targetId: id });

export async function listRevisions(caller: Caller, handoffId: string) {
  const access = await authorizeInProject(caller, await projectIdOfHandoff(handoffId), "handoff", "read", target(handoffId), "Handoff");
  const revisions = await db().handoffRevision.findMany({
    where: { handoffId },
    select: { id: true, version: true, message: true, createdAt: true, author: { select: { id: true, name: true } } },
    orderBy: { version: "desc" },
  });
  return { ...access, revisions };
}

/** One revision's full content. Older snapshots are parsed leniently: missing fields get defaults. */
export async function getRevision(caller: Caller, handoffId: string, version: number) {
  await authorizeInProject(caller, await projectIdOfHandoff(handoffId), "handoff", "read", target(handoffId), "Handoff");
  const revision = await db().handoffRevision.findUnique({
    where: { handoffId_version: { handoffId, version } },
    select: { version: true, message: true, createdAt: true, snapshot: true, author: { select: { name: true } } },
  });
  if (!revision) throw new NotFoundError(`Revision ${version}`);
  const content: HandoffContent = handoffContentSchema.parse({ title: "(untitled)", ...(revision.snapshot as object) });
  return { version: revision.version, message: revision.message, createdAt: revision.createdAt, author: revision.author, content };
}

/** Saves revision N's content as a new revision on top of `version` (409 if that is stale). */
export async function restoreRevision(caller: Caller, handoffId: string, input: { revision: number; version: number }) {
  const { actor, project } = await authorizeInProject(caller, await projectIdOfHandoff(handoffId), "handoff", "update", target(handoffId), "Handoff");
  const { revision, version } = parseInput(restoreSchema, input);
  const old = await getRevision(actor, handoffId, revision);
  return db().$transaction(async (tx) => {
    const result = await tx.handoff.updateMany({ where: { id: handoffId, version }, data: { ...old.content, version: { increment: 1 } } });
    if (result.count === 0) {
      const current = await tx.handoff.findUnique({ where: { id: handoffId } });
      throw new ConflictError("Someone saved this handoff since you opened its history. Reload and restore again.", current);
    }
    await recordRevision(tx, handoffId, version + 1, old.content, actor.id, `Restored version ${revision}`);
    await auditWrite(tx, actor, { action: "handoff.restore", targetType: "handoff", targetId: handoffId, projectId: project.id, details: { revision, version: version + 1 } });
    return tx.handoff.findUniqueOrThrow({ where: { id: handoffId } });
  });
}
