import { z } from "./zod-browser";
import { LIMITS } from "./limits";
import { LABELLED, idSchema, text } from "./text";
import { emailField } from "./user";
import { labelled } from "./field-label";
import { SERVICE_LABELS as L } from "./labels";

const S = LIMITS.service;

export const SERVICE_LAYERS = ["gateway", "api", "service", "worker", "model", "data"] as const;
export const SERVICE_LIFECYCLES = ["experimental", "production", "deprecated", "retired"] as const;

/** Each layer as pages and messages write it. */
export const SERVICE_LAYER_LABELS: Record<string, string> = {
  gateway: "Gateway",
  api: "API",
  service: "Service",
  worker: "Worker",
  model: "Model",
  data: "Data",
};

/**
 * Names the service pages use as path segments of their own (/services/new, /services/[name]/edit):
 * a service by one of these names could not be reached at /services/<name>, or would shadow a page.
 * tests/integration/input-hygiene.test.ts checks this list against the route folders on disk.
 */
export const RESERVED_SERVICE_NAMES = ["new", "edit", "import"] as const;

// As in a compose file and a DNS label: how other services reach this one.
export const serviceNameSchema = labelled(
  z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "must be a DNS-safe name: lowercase letters, digits and hyphens, like ai-gateway")
    .superRefine((name, ctx) => {
      if (!(RESERVED_SERVICE_NAMES as readonly string[]).includes(name)) return;
      const message = `${L.name} “${name}” is reserved: the service pages use it in their addresses (/services/new, /services/…/edit). Choose another name.`;
      ctx.addIssue({ code: "custom", message, params: LABELLED });
    }),
  L.name,
);

/**
 * Each field once; creation fills in defaults, an update changes only what it sends. Exported so that
 * every other way in (the compose import) checks a field with the same schema as the form.
 */
export const SERVICE_FIELD_SCHEMAS = {
  displayName: text(L.displayName, { max: S.displayName, trim: true, singleLine: true }),
  description: text(L.description, { max: S.description }),
  layer: labelled(z.enum(SERVICE_LAYERS, { message: `must be one of ${SERVICE_LAYERS.join(", ")}` }), L.layer),
  lifecycle: labelled(z.enum(SERVICE_LIFECYCLES, { message: `must be one of ${SERVICE_LIFECYCLES.join(", ")}` }), L.lifecycle),
  // The owner by account id (null: nobody), or by email (the form's field); an active account,
  // checked by the data layer.
  ownerId: idSchema(L.ownerId).nullable().optional(),
  ownerEmail: emailField(L.ownerEmail).optional(),
  repositoryPath: text(L.repositoryPath, { max: S.repositoryPath, trim: true, singleLine: true }),
  image: text(L.image, { max: S.image, trim: true, singleLine: true }),
};
const fields = SERVICE_FIELD_SCHEMAS;

export const serviceSchema = z.object({
  name: serviceNameSchema,
  displayName: fields.displayName.default(""),
  description: fields.description.default(""),
  layer: fields.layer,
  lifecycle: fields.lifecycle.default("experimental"),
  ownerId: fields.ownerId,
  ownerEmail: fields.ownerEmail,
  repositoryPath: fields.repositoryPath.default(""),
  image: fields.image.default(""),
});
export type ServiceInput = z.input<typeof serviceSchema>;

/** PATCH: every field optional, none defaulted, so a field left out keeps its value. */
export const updateServiceSchema = z.object({
  displayName: fields.displayName.optional(),
  description: fields.description.optional(),
  layer: fields.layer.optional(),
  lifecycle: fields.lifecycle.optional(),
  ownerId: fields.ownerId,
  ownerEmail: fields.ownerEmail,
  repositoryPath: fields.repositoryPath.optional(),
  image: fields.image.optional(),
  version: labelled(z.coerce.number().int().min(1), L.version),
});
export type UpdateServiceInput = z.input<typeof updateServiceSchema>;

/** The labels of the runtime's lists, as the service page and the import preview show them. */
export const SERVICE_RUNTIME_LABELS = {
  ports: L.runtimePorts,
  profiles: L.runtimeProfiles,
  networks: L.runtimeNetworks,
  environment: L.runtimeEnvironment,
} as const;

const runtimeList = (label: string) =>
  labelled(
    z
      .array(text(label, { max: S.runtimeEntry, trim: true, singleLine: true }), { error: `${label} must be a list of text.` })
      .max(S.runtimeEntries, `${label} can list at most ${S.runtimeEntries}.`),
    label,
  ).optional();

/**
 * How a service runs, as a compose file says (Service.runtime): the ports it publishes, the
 * profiles it belongs to, the networks it joins and the NAMES of its environment variables
 * (never their values). Every list optional; unknown keys refused.
 */
export const serviceRuntimeSchema = z.strictObject({
  ports: runtimeList(L.runtimePorts),
  profiles: runtimeList(L.runtimeProfiles),
  networks: runtimeList(L.runtimeNetworks),
  environment: runtimeList(L.runtimeEnvironment),
});
export type ServiceRuntime = z.output<typeof serviceRuntimeSchema>;

/** Retiring names the version read, like any edit. */
export const retireServiceSchema = z.object({ version: labelled(z.coerce.number().int().min(1), L.version) });
