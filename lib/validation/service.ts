import { z } from "zod";

export const SERVICE_LAYERS = ["gateway", "api", "service", "worker", "model", "data"] as const;
export const SERVICE_LIFECYCLES = ["experimental", "production", "deprecated", "retired"] as const;

// As in a compose file and a DNS label: how other services reach this one.
export const serviceNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "must be a DNS-safe name: lowercase letters, digits and hyphens, like ai-gateway");

/** Each field once; creation fills in defaults, an update changes only what it sends. */
const fields = {
  displayName: z.string().trim().max(120),
  description: z.string().max(20_000),
  layer: z.enum(SERVICE_LAYERS, { message: `must be one of ${SERVICE_LAYERS.join(", ")}` }),
  lifecycle: z.enum(SERVICE_LIFECYCLES, { message: `must be one of ${SERVICE_LIFECYCLES.join(", ")}` }),
  // The owner by account id (null: nobody), or by email (the form's field).
  ownerId: z.string().min(1).max(64).nullable().optional(),
  ownerEmail: z.string().trim().toLowerCase().max(320).email("must be an email address").optional(),
  repositoryPath: z.string().trim().max(500),
  image: z.string().trim().max(500),
};

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
  version: z.coerce.number().int().min(1),
});
export type UpdateServiceInput = z.input<typeof updateServiceSchema>;
