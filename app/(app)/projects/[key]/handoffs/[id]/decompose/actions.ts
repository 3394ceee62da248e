"use server";
// The Decompose page's two actions: a dry run for the preview, and the creation itself. Thin
// wrappers: lib/data/decompose.ts checks the caller's role and reads the list.
import { authAction, field } from "@/lib/actions";
import { decomposeHandoff } from "@/lib/data/decompose";

/** The preview travels as JSON in the action's result (a map of strings), read by DecomposeForm. */
export const previewDecomposeAction = authAction((caller, form) => decomposeHandoff(caller, field(form, "id"), { list: field(form, "list") }, { dryRun: true }), {
  result: (preview) => ({ preview: JSON.stringify(preview.milestones) }),
});

export const decomposeAction = authAction((caller, form) => decomposeHandoff(caller, field(form, "id"), { list: field(form, "list") }), {
  revalidate: ["/projects/[key]/handoffs/[id]", "/projects/[key]/milestones", "/projects/[key]", "/projects/[key]/map"],
  redirectTo: (r) => `/projects/${encodeURIComponent(r.project.key)}/handoffs/${encodeURIComponent(r.handoffId)}`,
});
