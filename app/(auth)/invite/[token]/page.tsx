import type { Metadata } from "next";
import { ActionForm, FormField, SubmitButton } from "@/components/forms/ActionForm";
import { Alert } from "@/components/ui/Alert";
import { Input } from "@/components/ui/Input";
import { findInvite } from "@/lib/data/users";
import { acceptInviteAction } from "./actions";
import styles from "@/components/auth/SignInForm.module.css";
import { ACCEPT_INVITE_LABELS } from "@/lib/validation/labels";

export const metadata: Metadata = { title: "Accept invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findInvite(token);
  if (!invite) {
    return (
      <>
        <h1>Invitation not valid</h1>
        <Alert tone="warning">This invite link is invalid, already used or expired. Ask an admin for a new one.</Alert>
      </>
    );
  }
  return (
    <>
      <h1>{invite.isReset ? "Set a new password" : "Join Legible"}</h1>
      <p>
        {invite.isReset ? "Choose a new password for " : "Set a password for "}
        <strong>{invite.user.email}</strong>.
      </p>
      <ActionForm action={acceptInviteAction} className={styles.form} aria-label="Set your password">
        <input type="hidden" name="token" value={token} />
        <FormField name="password" label={ACCEPT_INVITE_LABELS.password} hint="At least 10 characters." required>
          <Input name="password" type="password" autoComplete="new-password" autoFocus />
        </FormField>
        <FormField name="confirm" label={ACCEPT_INVITE_LABELS.confirm} required>
          <Input name="confirm" type="password" autoComplete="new-password" />
        </FormField>
        <SubmitButton>Set password</SubmitButton>
      </ActionForm>
    </>
  );
}
