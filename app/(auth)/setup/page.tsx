import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActionForm, FormField, SubmitButton } from "@/components/forms/ActionForm";
import { Input } from "@/components/ui/Input";
import { isSetupOpen } from "@/lib/data/users";
import { setupAction } from "./actions";
import styles from "@/components/auth/SignInForm.module.css";
import { SETUP_LABELS } from "@/lib/validation/labels";

export const metadata: Metadata = { title: "Set up Legible" };

export default async function SetupPage() {
  // Closed for good once the first account exists.
  if (!(await isSetupOpen())) redirect("/signin");
  return (
    <>
      <h1>Welcome to Legible</h1>
      <p>Create the first account. It becomes this instance&rsquo;s admin.</p>
      <ActionForm action={setupAction} className={styles.form} aria-label="Create the admin account">
        <FormField name="name" label={SETUP_LABELS.name} required>
          <Input name="name" autoComplete="name" autoFocus />
        </FormField>
        <FormField name="email" label={SETUP_LABELS.email} required>
          <Input name="email" type="email" autoComplete="username" />
        </FormField>
        <FormField name="password" label={SETUP_LABELS.password} hint="At least 10 characters." required>
          <Input name="password" type="password" autoComplete="new-password" />
        </FormField>
        <FormField name="confirm" label={SETUP_LABELS.confirm} required>
          <Input name="confirm" type="password" autoComplete="new-password" />
        </FormField>
        <SubmitButton>Create admin account</SubmitButton>
      </ActionForm>
    </>
  );
}
