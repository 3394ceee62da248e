"use client";
// Email and password sign-in through next-auth. Errors are shown in words a person can act on.
import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { safeRedirectPath } from "@/lib/auth/redirect";
import styles from "./SignInForm.module.css";
import { SIGN_IN_LABELS } from "@/lib/validation/labels";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Incorrect email or password.",
  RateLimited: "Too many sign-in attempts. Wait a few minutes, then try again.",
  AccessDenied: "That account cannot sign in here. Ask an admin to invite you.",
  SessionRequired: "Sign in to continue.",
};

export function messageFor(code: string | null | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? "Sign-in failed. Try again.";
}

/** initialEmail (already checked to be an address) prefills the email and focuses the password. */
export function SignInForm({
  callbackUrl,
  initialError,
  initialEmail,
  sso,
}: {
  callbackUrl: string;
  initialError?: string | null;
  initialEmail?: string;
  sso?: { name: string } | null;
}) {
  const [error, setError] = useState<string | null>(messageFor(initialError));
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation, so every server component renders with the new session.
      window.location.assign(safeRedirectPath(callbackUrl, { origin: window.location.origin }));
      return;
    }
    setPending(false);
    setError(result?.status === 429 ? MESSAGES.RateLimited : messageFor(result?.error ?? "CredentialsSignin"));
  }

  return (
    <form onSubmit={onSubmit} className={styles.form} aria-label="Sign in">
      {error && <Alert tone="error">{error}</Alert>}
      <Field label={SIGN_IN_LABELS.email} required>
        <Input name="email" type="email" autoComplete="username" defaultValue={initialEmail} autoFocus={!initialEmail} />
      </Field>
      <Field label={SIGN_IN_LABELS.password} required>
        <Input name="password" type="password" autoComplete="current-password" autoFocus={Boolean(initialEmail)} />
      </Field>
      <Button type="submit" variant="primary" fullWidth loading={pending}>
        Sign in
      </Button>
      {sso && (
        <Button type="button" variant="secondary" fullWidth onClick={() => signIn("oidc", { callbackUrl: safeRedirectPath(callbackUrl, { origin: window.location.origin }) })}>
          Continue with {sso.name}
        </Button>
      )}
    </form>
  );
}
