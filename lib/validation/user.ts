import { z } from "zod";

export const passwordSchema = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters");

export const emailSchema = z.string().trim().toLowerCase().email("must be an email address").max(320);
export const nameSchema = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

export const setupSchema = z
  .object({ name: nameSchema, email: emailSchema, password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "does not match the password" });
export type SetupInput = z.input<typeof setupSchema>;

export const createUserSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  isAdmin: z.coerce.boolean().default(false),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const acceptInviteSchema = z
  .object({ token: z.string().min(20).max(200), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "does not match the password" });
export type AcceptInviteInput = z.input<typeof acceptInviteSchema>;

export const changePasswordSchema = z
  .object({ current: z.string().min(1, "is required"), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "does not match the password" });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "is required").max(80),
  // An empty form field means "never expires".
  expiresInDays: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(1, "must be at least 1 day").max(365, "must be at most 365 days").optional()),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;
