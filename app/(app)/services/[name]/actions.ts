"use server";
// Writes from a service's page: linking milestones (lib/data/service-milestones.ts authorizes each
// on the milestone's project), its interfaces and dependencies (editing the service), retiring it.
// An edit or retire that lost the race answers with what is saved now (under `result`), so the
// page shows both versions; sending again is then a deliberate overwrite.
import { authAction, field, optionalField, type ActionState } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import { revalidatePath } from "next/cache";
import { AppError, ConflictError, ValidationError, toProblem } from "@/lib/errors";
import { linkServiceMilestone, unlinkServiceMilestone } from "@/lib/data/service-milestones";
import { createInterface, deleteInterface, updateInterface } from "@/lib/data/service-interfaces";
import { addServiceDependency, cycleText, removeServiceDependency } from "@/lib/data/service-dependencies";
import { retireService } from "@/lib/data/services";
import { savedInterface, savedService } from "../_lib/conflict";

/** The service's page, and the milestone's pages and maps that show the link. */
const VIEWS = ["/services/[name]", "/services", "/projects/[key]/milestones/[id]", "/projects/[key]/map"];
/** What shows a service's interfaces and dependencies: its page, the catalog's counts, the maps. */
const CATALOG_VIEWS = ["/services/[name]", "/services", "/projects/[key]/map"];

export const linkMilestoneAction = authAction((caller, form) => linkServiceMilestone(caller, field(form, "service"), { milestone: field(form, "milestone") }), {
  success: (r) => (r.changed ? `${r.key} is now implemented by ${r.service}.` : `${r.key} was already implemented by ${r.service}.`),
  revalidate: VIEWS,
});

export const unlinkMilestoneAction = authAction((caller, form) => unlinkServiceMilestone(caller, field(form, "service"), { milestone: field(form, "milestone") }), {
  success: (r) => `${r.key} is no longer implemented by ${r.service}.`,
  revalidate: VIEWS,
});

/** A field the form has (even empty), else undefined: not sent. */
const sent = (form: FormData, name: string) => (form.has(name) ? field(form, name) : undefined);

/** The interface form's fields as the schema takes them; schemas as the JSON text pasted. */
function interfaceFields(form: FormData) {
  return {
    kind: field(form, "kind"),
    name: field(form, "name"),
    method: field(form, "method"),
    path: field(form, "path"),
    summary: field(form, "summary"),
    // A data schema's form sends its one schema as dataSchema; an operation's, the other two.
    requestSchema: sent(form, "requestSchema"),
    responseSchema: sent(form, "responseSchema"),
    dataSchema: sent(form, "dataSchema"),
  };
}

export const createInterfaceAction = authAction((caller, form) => createInterface(caller, field(form, "service"), interfaceFields(form)), {
  success: (r) => `Added ${r.kind === "schema" ? "the data schema" : "the interface"} ${r.name}.`,
  revalidate: CATALOG_VIEWS,
});

/** Runs a versioned write; a ConflictError answers with what is saved now, as text fields. */
async function versioned<T>(run: () => Promise<T>, theirs: (current: unknown) => Record<string, string> | undefined, success: (r: T) => string): Promise<ActionState> {
  try {
    const result = await run();
    for (const path of CATALOG_VIEWS) revalidatePath(path, "page");
    return { ok: true, message: success(result), at: Date.now() };
  } catch (error) {
    if (error instanceof ConflictError) return { ok: false, message: error.message, result: theirs(error.current), fieldErrors: error.fieldErrors, at: Date.now() };
    if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: error instanceof ValidationError ? error.fieldErrors : undefined, at: Date.now() };
    return { ok: false, message: toProblem(error).detail, at: Date.now() };
  }
}

export async function updateInterfaceAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!(form instanceof FormData)) return { ok: false, message: "This form was sent in a shape the server does not accept. Reload the page and try again.", at: Date.now() };
  const caller = await getActor();
  return versioned(
    () => updateInterface(caller, field(form, "service"), field(form, "interfaceId"), { ...interfaceFields(form), version: field(form, "version") }),
    savedInterface,
    (r) => `Saved ${r.name}.`,
  );
}

export const deleteInterfaceAction = authAction((caller, form) => deleteInterface(caller, field(form, "service"), field(form, "interfaceId")), {
  success: (r) => `Removed ${r.name}.`,
  revalidate: CATALOG_VIEWS,
});

export const addDependencyAction = authAction(
  (caller, form) => addServiceDependency(caller, field(form, "service"), { to: field(form, "to"), kind: optionalField(form, "kind"), description: field(form, "description") }),
  {
    success: (r) => `${r.from} now ${r.kind === "calls" ? "calls" : r.kind === "reads" ? "reads from" : "publishes to"} ${r.to}.${r.cycle ? ` This closes a cycle: ${cycleText(r.cycle)}.` : ""}`,
    revalidate: CATALOG_VIEWS,
  },
);

export const removeDependencyAction = authAction((caller, form) => removeServiceDependency(caller, field(form, "service"), field(form, "dependencyId")), {
  success: (r) => `${r.from} no longer ${r.kind === "calls" ? "calls" : r.kind === "reads" ? "reads from" : "publishes to"} ${r.to}.`,
  revalidate: CATALOG_VIEWS,
});

export async function retireServiceAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!(form instanceof FormData)) return { ok: false, message: "This form was sent in a shape the server does not accept. Reload the page and try again.", at: Date.now() };
  const caller = await getActor();
  return versioned(() => retireService(caller, field(form, "service"), { version: field(form, "version") }), savedService, (r) => `${r.name} is retired.`);
}
