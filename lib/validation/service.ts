import { z } from "zod";

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
  displayName: z.string().trim().max(120).default(""),
  description: z.string().max(20_000).default(""),
  layer: z.enum(SERVICE_LAYERS, { message: `must be one of ${SERVICE_LAYERS.join(", ")}` }),
  lifecycle: z.enum(SERVICE_LIFECYCLES, { message: `must be one of ${SERVICE_LIFECYCLES.join(", ")}` }).default("experimental"),
  ownerId: z.string().min(1).nullable().optional(),
  repositoryPath: z.string().trim().max(500).default(""),
  image: z.string().trim().max(500).default(""),
});
export type ServiceInput = z.input<typeof serviceSchema>;

export const updateServiceSchema = serviceSchema.omit({ name: true }).extend({ version: z.coerce.number().int().min(1) });
export type UpdateServiceInput = z.input<typeof updateServiceSchema>;
