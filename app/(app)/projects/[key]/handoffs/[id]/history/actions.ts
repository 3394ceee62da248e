"use server";
// Restoring an old revision saves it again as the newest; the page then shows what changed.
import { authAction } from "@/lib/actions";
import { restoreRevision } from "@/lib/data/handoff-revisions";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export const restoreAction = authAction(
  async (caller, form) => {
    const revision = text(form, "revision");
    const handoff = await restoreRevision(caller, text(form, "id"), { revision, version: text(form, "version") });
    return { handoff, revision, key: text(form, "key") };
  },
  {
    revalidate: ["/projects/[key]/handoffs/[id]", "/projects/[key]/handoffs/[id]/history", "/projects/[key]/handoffs"],
    // Show what the restore changed: the version it replaced against the new one.
    redirectTo: ({ handoff, revision, key }) =>
      `/projects/${encodeURIComponent(key)}/handoffs/${encodeURIComponent(handoff.id)}/history?from=${handoff.version - 1}&to=${handoff.version}&restored=${encodeURIComponent(revision)}`,
  },
);
