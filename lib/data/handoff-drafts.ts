// Autosaved drafts: one per person per handoff, overwritten as they type, never a revision.
// An explicit save (updateHandoff) turns the text into a revision and removes the draft.
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { parseInput } from "@/lib/errors";
import { draftSchemaFor, storedContentSchema } from "@/lib/validation/handoff";
import { authorizeHandoff } from "@/lib/data/access";
import { handoffSectionRules } from "@/lib/data/handoff-rules";

export async function saveDraft(caller: Caller, handoffId: string, input: unknown) {
  const { actor } = await authorizeHandoff(caller, handoffId, "update");
  // Drafts meet the same caps as saves (docs/limits.md): an autosave cannot store what Save would refuse.
  const data = parseInput(draftSchemaFor(await handoffSectionRules(handoffId)), input);
  const draft = await db().handoffDraft.upsert({
    where: { handoffId_userId: { handoffId, userId: actor.id } },
    create: { handoffId, userId: actor.id, baseVersion: data.baseVersion, content: data.content },
    update: { baseVersion: data.baseVersion, content: data.content },
    select: { updatedAt: true, baseVersion: true },
  });
  return draft;
}

/** The caller's own draft of a handoff, if they have one. */
export async function getOwnDraft(caller: Caller, handoffId: string) {
  const { actor } = await authorizeHandoff(caller, handoffId, "update");
  const draft = await db().handoffDraft.findUnique({ where: { handoffId_userId: { handoffId, userId: actor.id } } });
  if (!draft) return null;
  const content = storedContentSchema.safeParse(draft.content);
  return content.success ? { baseVersion: draft.baseVersion, updatedAt: draft.updatedAt, content: content.data } : null;
}

export async function discardDraft(caller: Caller, handoffId: string) {
  const { actor } = await authorizeHandoff(caller, handoffId, "update");
  await db().handoffDraft.deleteMany({ where: { handoffId, userId: actor.id } });
}
