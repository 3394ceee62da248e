// Every save of a handoff is a revision; any two can be compared, and any can be restored
// (which saves it again as the newest revision, so history is never rewritten).
//
// Storage is bounded (docs/limits.md): every revision's record (version, author, time, message)
// is kept for good, but its full text only while it is among the newest LIMITS.revisions.keptInFull,
// is version 1, or is one of the newest LIMITS.revisions.pinned versions that were submitted for
// review or accepted. Older text is compacted: the snapshot is emptied and compactedAt set, and
// History says so instead of offering a diff it could not show.
import { db, type Tx } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { ConflictError, GoneError, NotFoundError, parseInput } from "@/lib/errors";
import { restoreSchema, storedContentSchema, type HandoffContent } from "@/lib/validation/handoff";
import { LIMITS } from "@/lib/validation/limits";
import { authorizeHandoff } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";
import { handoffSectionRules, parseContent } from "@/lib/data/handoff-rules";

export type KeptFor = "submitted" | "accepted";

/** Which of a handoff's uncompacted revisions lose their text (pure: ids of those to compact). */
export function revisionsToCompact(rows: readonly { id: string; version: number; keptFor: string }[], keep = LIMITS.revisions): string[] {
  const newest = [...rows].sort((a, b) => b.version - a.version);
  if (newest.length <= keep.keptInFull) return [];
  const kept = new Set(newest.slice(0, keep.keptInFull).map((r) => r.id));
  for (const r of newest) if (r.version === 1) kept.add(r.id);
  for (const r of newest.filter((r) => r.keptFor !== "").slice(0, keep.pinned)) kept.add(r.id);
  return newest.filter((r) => !kept.has(r.id)).map((r) => r.id);
}

/** Records a save as a revision and compacts what fell out of the kept window, in the caller's transaction. */
export async function recordRevision(tx: Tx, handoffId: string, version: number, content: HandoffContent, authorId: string, message: string) {
  await tx.handoffRevision.create({ data: { handoffId, version, snapshot: { ...content }, message, authorId } });
  const rows = await tx.handoffRevision.findMany({ where: { handoffId, compactedAt: null }, select: { id: true, version: true, keptFor: true } });
  const drop = revisionsToCompact(rows);
  if (drop.length > 0) await tx.handoffRevision.updateMany({ where: { id: { in: drop } }, data: { snapshot: {}, compactedAt: new Date() } });
}

/** Marks the handoff's current revision as one History keeps in full (it was submitted or accepted). */
export async function pinCurrentRevision(tx: Tx, handoffId: string, version: number, keptFor: KeptFor) {
  await tx.handoffRevision.updateMany({ where: { handoffId, version, compactedAt: null }, data: { keptFor } });
}

export async function listRevisions(caller: Caller, handoffId: string) {
  const access = await authorizeHandoff(caller, handoffId, "read");
  const revisions = await db().handoffRevision.findMany({
    where: { handoffId },
    select: { id: true, version: true, message: true, createdAt: true, keptFor: true, compactedAt: true, author: { select: { id: true, name: true } } },
    orderBy: { version: "desc" },
  });
  return { ...access, revisions };
}

/** One revision's full content. Older snapshots are read leniently (missing fields get defaults); compacted ones are gone (410). */
export async function getRevision(caller: Caller, handoffId: string, version: number) {
  await authorizeHandoff(caller, handoffId, "read");
  const revision = await db().handoffRevision.findUnique({
    where: { handoffId_version: { handoffId, version } },
    select: { version: true, message: true, createdAt: true, snapshot: true, compactedAt: true, author: { select: { name: true } } },
  });
  if (!revision) throw new NotFoundError(`Revision ${version}`);
  if (revision.compactedAt) {
    throw new GoneError(`The text of version ${version} is no longer kept: it was compacted on ${revision.compactedAt.toISOString().slice(0, 10)} to bound storage. Its record stays in the history.`);
  }
  const content: HandoffContent = storedContentSchema.parse(revision.snapshot ?? {});
  return { version: revision.version, message: revision.message, createdAt: revision.createdAt, author: revision.author, content };
}

/** Saves revision N's content as a new revision on top of `version` (409 if that is stale). */
export async function restoreRevision(caller: Caller, handoffId: string, input: unknown) {
  const { actor, project } = await authorizeHandoff(caller, handoffId, "update");
  const { revision, version } = parseInput(restoreSchema, input);
  const old = await getRevision(actor, handoffId, revision);
  // The restored text meets today's caps like any save; its own section keys were the template's when it was saved.
  const content = parseContent(await handoffSectionRules(handoffId, Object.keys(old.content.sections)), old.content);
  return db().$transaction(async (tx) => {
    const result = await tx.handoff.updateMany({ where: { id: handoffId, version }, data: { ...content, version: { increment: 1 } } });
    if (result.count === 0) {
      const current = await tx.handoff.findUnique({ where: { id: handoffId } });
      throw new ConflictError("Someone saved this handoff since you opened its history. Reload and restore again.", current);
    }
    await recordRevision(tx, handoffId, version + 1, content, actor.id, `Restored version ${revision}`);
    await auditWrite(tx, actor, { action: "handoff.restore", targetType: "handoff", targetId: handoffId, projectId: project.id, details: { revision, version: version + 1 } });
    return tx.handoff.findUniqueOrThrow({ where: { id: handoffId } });
  });
}
