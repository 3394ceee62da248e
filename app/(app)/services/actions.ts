"use server";
// Adding and editing catalog entries; lib/data/services.ts decides who may (lib/auth/permissions.ts).
import { authAction, field, optionalField } from "@/lib/actions";
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

export const updateServiceAction = authAction(
  (caller, form) => updateService(caller, field(form, "service"), { ...serviceFields(form), version: field(form, "version") }),
  {
    revalidate: ["/services", "/services/[name]"],
    redirectTo: (service) => `/services/${encodeURIComponent(service.name)}`,
  },
);
