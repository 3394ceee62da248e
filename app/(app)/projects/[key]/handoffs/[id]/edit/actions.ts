"use server";
// The editor's server actions. Called with arguments rather than a form, and they answer with
// data the editor needs: a save that lost the race returns the other person's saved text (and
// the text both started from), so the editor can show the conflict view. Not authAction, whose
// result is a message for a form; the shape of the errors is the same. Their arguments are what
// the client sent, of any shape (a server action is a public endpoint): lib/data parses them.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { updateHandoff } from "@/lib/data/handoffs";
import { discardDraft, saveDraft } from "@/lib/data/handoff-drafts";
import { getRevision, listRevisions } from "@/lib/data/handoff-revisions";
import { AppError, ConflictError, ValidationError, toProblem } from "@/lib/errors";
import { storedContentSchema } from "@/lib/validation/handoff";
import { toEditorContent, type DraftResult, type Failure, type SaveResult } from "@/components/handoff/editor/content";

/** The handoff a lost save raced against, as updateHandoff's 409 carries it. */
const savedHandoffSchema = storedContentSchema.extend({ version: z.number(), updatedAt: z.date() });

/** The version the editor started from, as it sent it (the merge base); NaN when it sent none. */
const startedFrom = (input: unknown) => Number(typeof input === "object" && input !== null && "version" in input ? input.version : NaN);

function failure(error: unknown): Failure {
  if (error instanceof AppError) {
    return { ok: false, message: error.message, fieldErrors: error instanceof ValidationError ? error.fieldErrors : undefined };
  }
  return { ok: false, message: toProblem(error).detail };
}

function refreshViews() {
  revalidatePath("/projects/[key]/handoffs/[id]", "page");
  revalidatePath("/projects/[key]/handoffs", "page");
}

/** An explicit save: a new revision with a message, if nobody saved since `version`. */
export async function saveHandoffAction(id: string, input: unknown): Promise<SaveResult> {
  const caller = await getActor();
  try {
    const saved = await updateHandoff(caller, String(id), input);
    refreshViews();
    return { ok: true, version: saved.version, savedAt: saved.updatedAt.toISOString() };
  } catch (error) {
    if (!(error instanceof ConflictError) || !caller) return failure(error);
    const saved = savedHandoffSchema.safeParse(error.current);
    if (!saved.success) return failure(error);
    const current = saved.data;
    // Who saved the version that won, and the text both sides started from (for the merge defaults).
    const [revisions, base] = await Promise.all([
      listRevisions(caller, id).catch(() => null),
      getRevision(caller, id, startedFrom(input)).catch(() => null),
    ]);
    const winner = revisions?.revisions.find((r) => r.version === current.version);
    return {
      ok: false,
      message: error.message,
      conflict: {
        version: current.version,
        theirs: toEditorContent(current),
        base: base ? toEditorContent(base.content) : null,
        savedBy: winner?.author?.name ?? null,
        // The same person in another tab or window: the editor says so instead of naming them.
        savedByMe: !!winner?.author && winner.author.id === caller.id,
        savedAt: (winner?.createdAt ?? current.updatedAt).toISOString(),
      },
    };
  }
}

/** Autosave: the caller's own draft, overwritten each time; never a revision. */
export async function saveDraftAction(id: string, baseVersion: unknown, content: unknown): Promise<DraftResult> {
  try {
    const draft = await saveDraft(await getActor(), String(id), { baseVersion, content });
    return { ok: true, savedAt: draft.updatedAt.toISOString() };
  } catch (error) {
    return failure(error);
  }
}

export async function discardDraftAction(id: string): Promise<{ ok: true } | Failure> {
  try {
    await discardDraft(await getActor(), String(id));
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}
