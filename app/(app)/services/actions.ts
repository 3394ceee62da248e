"use server";
// Adding and editing catalog entries; lib/data/services.ts decides who may (lib/auth/permissions.ts).
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { authAction, field, optionalField, type ActionState } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { AppError, ConflictError, ValidationError, toProblem } from "@/lib/errors";
import { savedService } from "./_lib/conflict";
import { createService, updateService } from "@/lib/data/services";

/** The form's fields as the schema takes them; it parses and names what is wrong. */
function serviceFields(form: FormData) {
  return {
    displayName: field(form, "displayName"),
    description: field(form, "description"),
    layer: field(form, "layer"),
    lifecycle: field(form, "lifecycle"),
    repositoryPath: field(form, "repositoryPath"),
    image: field(form, "image"),
    // Empty: keep the owner (a new service is then its creator's).
    ownerEmail: optionalField(form, "ownerEmail"),
  };
}

export const createServiceAction = authAction((caller, form) => createService(caller, { name: field(form, "name"), ...serviceFields(form) }), {
  revalidate: "/services",
  redirectTo: (service) => `/services/${encodeURIComponent(service.name)}`,
});

/**
 * Saving the Edit form. A save that lost the race answers with the service as saved now (under
 * `result`, with the fields that differ from what was sent), so the form shows both and nothing
 * typed is lost; saving again from there is a deliberate overwrite.
 */
export async function updateServiceAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!(form instanceof FormData)) return { ok: false, message: "This form was sent in a shape the server does not accept. Reload the page and try again.", at: Date.now() };
  const fields = serviceFields(form);
  let saved;
  try {
    saved = await updateService(await getActor(), field(form, "service"), { ...fields, version: field(form, "version") });
  } catch (error) {
    const sent = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? ""]));
    if (error instanceof ConflictError) return { ok: false, message: error.message, result: savedService(error.current, sent), fieldErrors: error.fieldErrors, at: Date.now() };
    if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: error instanceof ValidationError ? error.fieldErrors : undefined, at: Date.now() };
    return { ok: false, message: toProblem(error).detail, at: Date.now() };
  }
  revalidatePath("/services");
  revalidatePath("/services/[name]", "page");
  redirect(safeRedirectPath(`/services/${encodeURIComponent(saved.name)}`));
}
