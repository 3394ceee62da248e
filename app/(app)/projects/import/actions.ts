"use server";
import { authAction, field, optionalField } from "@/lib/actions";
import { applyMapImport, planMapImport } from "@/lib/data/map-code";

/** The import page's one action: a dry run, or with the Apply button (apply=1) the import. */
export const mapImportAction = authAction(
  async (caller, form) => {
    const input = { text: field(form, "text"), filename: optionalField(form, "filename") };
    if (field(form, "apply") === "1") return applyMapImport(caller, input);
    return { ...(await planMapImport(caller, input)), applied: false };
  },
  {
    success: (r) => (r.applied ? `Imported into ${r.project}. The plan below is what was written.` : `Dry run for ${r.project}: nothing was written.`),
    result: (r) => ({ project: r.project, applied: r.applied ? "1" : "", plan: JSON.stringify(r.plan) }),
    refreshShell: true,
  },
);
