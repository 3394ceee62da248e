import { z } from "./zod-browser";
import { labelled } from "./field-label";
import { ACCEPT_INVITE_LABELS, CHANGE_PASSWORD_LABELS, NEW_USER_LABELS, SETUP_LABELS, SIGN_IN_LABELS, TOKEN_LABELS } from "./labels";
import { text } from "./text";

/** A new password, under the label its form gives it ("Password", "New password"). */
export const passwordField = (label: string) => text(label, { min: 10, max: 200 });

/** An email address, under the label its form gives it ("Email", "Owner's email"). */
export const emailField = (label: string) => text(label, { max: 320, trim: true }).toLowerCase().email("must be an email address");

/** A person's name, under the label its form gives it ("Name", "Your name"). */
export const nameField = (label: string) => text(label, { min: 1, max: 100, trim: true, singleLine: true });

/** The "confirm" box: refined against the password by the object's schema. */
const confirmField = (label: string) => labelled(z.string(), label);

/** The sign-in form: anything else is a failed sign-in, checked before any database lookup. */
export const signInSchema = z.object({
  email: text(SIGN_IN_LABELS.email, { max: 320, trim: true }).email(),
  password: text(SIGN_IN_LABELS.password, { min: 1, max: 1024 }),
});

/** The email a sign-in form sent, when it is one (the throttle is keyed by it); null otherwise. */
export function signInEmail(value: unknown): string | null {
  const parsed = signInSchema.shape.email.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const setupSchema = z
  .object({
    name: nameField(SETUP_LABELS.name),
    email: emailField(SETUP_LABELS.email),
    password: passwordField(SETUP_LABELS.password),
    confirm: confirmField(SETUP_LABELS.confirm),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "does not match the password" });
export type SetupInput = z.input<typeof setupSchema>;

export const createUserSchema = z.object({
  name: nameField(NEW_USER_LABELS.name),
  email: emailField(NEW_USER_LABELS.email),
  isAdmin: labelled(z.coerce.boolean(), NEW_USER_LABELS.isAdmin).default(false),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const acceptInviteSchema = z
  .object({
    token: text(ACCEPT_INVITE_LABELS.token, { min: 20, max: 200 }),
    password: passwordField(ACCEPT_INVITE_LABELS.password),
    confirm: confirmField(ACCEPT_INVITE_LABELS.confirm),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "does not match the password" });
export type AcceptInviteInput = z.input<typeof acceptInviteSchema>;

export const changePasswordSchema = z
  .object({
    current: text(CHANGE_PASSWORD_LABELS.current, { min: 1, max: 1024 }),
    password: passwordField(CHANGE_PASSWORD_LABELS.password),
    confirm: confirmField(CHANGE_PASSWORD_LABELS.confirm),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "does not match the new password" });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const createTokenSchema = z.object({
  name: text(TOKEN_LABELS.name, { min: 1, max: 80, trim: true, singleLine: true }),
  // An empty form field means "never expires".
  expiresInDays: labelled(
    z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(1, "must be at least 1 day").max(365, "must be at most 365 days").optional()),
    TOKEN_LABELS.expiresInDays,
  ),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;
