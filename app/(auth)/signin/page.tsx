import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { DemoAccounts } from "@/components/auth/DemoAccounts";
import { Alert } from "@/components/ui/Alert";
import styles from "@/components/auth/SignInForm.module.css";
import { getActor } from "@/lib/auth/session";
import { isSetupOpen } from "@/lib/data/users";
import { env } from "@/lib/env";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/users";
import { emailField } from "@/lib/validation/user";
import { SIGN_IN_LABELS } from "@/lib/validation/labels";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  if (await isSetupOpen()) redirect("/setup");
  // Only same-site paths: an open redirect would let a link send people elsewhere after sign-in.
  const callbackUrl = safeRedirectPath(params.callbackUrl, { origin: env().NEXTAUTH_URL });
  if (await getActor()) redirect(callbackUrl);
  const { LEGIBLE_DEMO, OIDC_ISSUER, OIDC_NAME } = env();
  // After accepting an invite the address comes along to be prefilled: only ever an email
  // address, so the link cannot put arbitrary text on the sign-in page.
  const email = emailField(SIGN_IN_LABELS.email).safeParse(params.email);
  return (
    <>
      <h1>Sign in to Legible</h1>
      <p>Research handoffs and project maps for your team.</p>
      {params.changed && <Alert tone="success">Your password was changed. Sign in with the new one.</Alert>}
      {params.invited && <Alert tone="success">Your password is set. Sign in to get started.</Alert>}
      <SignInForm callbackUrl={callbackUrl} initialError={params.error} initialEmail={email.success ? email.data : undefined} sso={OIDC_ISSUER ? { name: OIDC_NAME } : null} />
      {LEGIBLE_DEMO && <DemoAccounts users={DEMO_USERS.map((u) => ({ email: u.email, name: u.name, role: u.isAdmin ? "admin" : (u.role ?? "") }))} password={DEMO_PASSWORD} />}
      {!LEGIBLE_DEMO && (
        <p className={styles.note}>No account yet? Ask an admin of this Legible to invite you.</p>
      )}
    </>
  );
}
