import { z } from "zod";
import { LIMITS } from "./limits";
import { idSchema, text } from "./text";

const S = LIMITS.service;

export const SERVICE_LAYERS = ["gateway", "api", "service", "worker", "model", "data"] as const;
export const SERVICE_LIFECYCLES = ["experimental", "production", "deprecated", "retired"] as const;

// As in a compose file and a DNS label: how other services reach this one.
export const serviceNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "must be a DNS-safe name: lowercase letters, digits and hyphens, like ai-gateway");

export const serviceSchema = z.object({
  name: serviceNameSchema,
  displayName: text("Display name", { max: S.displayName, trim: true }).default(""),
  description: text("Description", { max: S.description }).default(""),
  layer: z.enum(SERVICE_LAYERS, { message: `must be one of ${SERVICE_LAYERS.join(", ")}` }),
  lifecycle: z.enum(SERVICE_LIFECYCLES, { message: `must be one of ${SERVICE_LIFECYCLES.join(", ")}` }).default("experimental"),
  // Must also be an active account: checked by the data layer.
  ownerId: idSchema("Owner").nullable().optional(),
  repositoryPath: text("Repository path", { max: S.repositoryPath, trim: true }).default(""),
  image: text("Image", { max: S.image, trim: true }).default(""),
});
export type ServiceInput = z.input<typeof serviceSchema>;

export const updateServiceSchema = serviceSchema.omit({ name: true }).extend({ version: z.coerce.number().int().min(1) });
export type UpdateServiceInput = z.input<typeof updateServiceSchema>;
