"use server";
// The interface import page's two actions: the preview (a dry run) and applying the file. Thin
// wrappers: lib/data/interface-import.ts checks that the caller may edit the service and reads the
// file. Both answer the plan as JSON in the action's result, read by OpenApiImportForm.
import { authAction, field, optionalField } from "@/lib/actions";
import { applyInterfaceImport, planInterfaceImport } from "@/lib/data/interface-import";

const input = (form: FormData) => ({ text: field(form, "text"), filename: optionalField(form, "filename") });

export const previewOpenApiImportAction = authAction((caller, form) => planInterfaceImport(caller, field(form, "service"), input(form)), {
  result: (r) => ({ plan: JSON.stringify(r) }),
});

export const applyOpenApiImportAction = authAction((caller, form) => applyInterfaceImport(caller, field(form, "service"), input(form)), {
  success: (r) => (r.plan.create.length || r.plan.update.length ? `Imported ${r.filename}: ${r.plan.create.length} created, ${r.plan.update.length} updated.` : `Nothing to change: ${r.service} already has what ${r.filename} describes.`),
  result: (r) => ({ plan: JSON.stringify(r) }),
  revalidate: ["/services/[name]", "/services"],
});
