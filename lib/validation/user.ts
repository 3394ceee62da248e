import { z } from "zod";
import { text } from "./text";

export const passwordSchema = text("Password", { min: 10, max: 200 });

export const emailSchema = text("Email", { max: 320, trim: true }).toLowerCase().email("must be an email address");
export const nameSchema = text("Name", { min: 1, max: 100, trim: true, singleLine: true });

/** The sign-in form: anything else is a failed sign-in, checked before any database lookup. */
export const signInSchema = z.object({
  email: text("Email", { max: 320, trim: true }).email(),
  password: text("Password", { min: 1, max: 1024 }),
});

/** The email a sign-in form sent, when it is one (the throttle is keyed by it); null otherwise. */
export function signInEmail(value: unknown): string | null {
  const parsed = signInSchema.shape.email.safeParse(value);
  return parsed.success ? parsed.data : null;
}

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
  .object({ token: text("The invite link", { min: 20, max: 200 }), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "does not match the password" });
export type AcceptInviteInput = z.input<typeof acceptInviteSchema>;

export const changePasswordSchema = z
  .object({ current: text("Current password", { min: 1, max: 1024 }), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "does not match the password" });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const createTokenSchema = z.object({
  name: text("Name", { min: 1, max: 80, trim: true, singleLine: true }),
  // An empty form field means "never expires".
  expiresInDays: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(1, "must be at least 1 day").max(365, "must be at most 365 days").optional()),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;
