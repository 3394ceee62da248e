// Account settings: who you are here, your project roles, and changing your password.
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, FormField, SubmitButton } from "@/components/forms/ActionForm";
import { Avatar } from "@/components/ui/Avatar";
import { Badge, StatusBadge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { Input } from "@/components/ui/Input";
import { Stack } from "@/components/ui/PageContainer";
import { Table } from "@/components/ui/Table";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { listProjects } from "@/lib/data/projects";
import styles from "../_components/pages.module.css";
import { changePasswordAction } from "./actions";
import { CHANGE_PASSWORD_LABELS } from "@/lib/validation/labels";

export const metadata: Metadata = { title: "Account · Settings" };

export default async function AccountSettingsPage() {
  const actor = await requireActorOrRedirect("/settings");
  const projects = await listProjects(actor);

  return (
    <Stack gap={6}>
      <Card title="Account" description="Ask an instance admin to change your name or email address.">
        <dl className={styles.facts}>
          <dt>Name</dt>
          <dd>
            <Avatar name={actor.name} size="sm" decorative />
            {actor.name}
          </dd>
          <dt>Email</dt>
          <dd>{actor.email}</dd>
          <dt>Access</dt>
          <dd>
            {actor.isAdmin ? (
              <>
                <Badge tone="violet" size="sm">
                  Instance admin
                </Badge>
                <span className="muted">Owner rights in every project, plus users and the audit log.</span>
              </>
            ) : (
              <span className="muted">Member: your rights in each project follow your role there.</span>
            )}
          </dd>
        </dl>
      </Card>

      <Card
        title="Your projects"
        description={actor.isAdmin ? "As an admin you can open every project; your role is shown as owner." : "Projects you belong to and your role in each."}
        padding={projects.length > 0 ? "none" : "md"}
      >
        {projects.length > 0 ? (
          <Table framed={false} caption="Your projects and roles">
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Key</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link href={`/projects/${encodeURIComponent(p.key)}`}>{p.name}</Link>
                  </td>
                  <td className="mono muted">{p.key}</td>
                  <td>
                    <StatusBadge kind="role" value={p.role} size="sm" />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="muted">You are not a member of any project yet. A project owner can add you from the project&apos;s settings.</p>
        )}
      </Card>

      <Card
        title="Change password"
        description="Changing your password signs you out everywhere, including this browser. Sign in again with the new one."
      >
        <ActionForm action={changePasswordAction} className={styles.form} aria-label="Change password">
          <input type="text" name="username" autoComplete="username" defaultValue={actor.email} hidden readOnly />
          <FormField name="current" label={CHANGE_PASSWORD_LABELS.current} required>
            <Input name="current" type="password" autoComplete="current-password" />
          </FormField>
          <div className={styles.formGrid}>
            <FormField name="password" label={CHANGE_PASSWORD_LABELS.password} hint="At least 10 characters." required>
              <Input name="password" type="password" autoComplete="new-password" minLength={10} />
            </FormField>
            <FormField name="confirm" label={CHANGE_PASSWORD_LABELS.confirm} required>
              <Input name="confirm" type="password" autoComplete="new-password" />
            </FormField>
          </div>
          <div className={styles.formActions}>
            <SubmitButton>Change password</SubmitButton>
          </div>
        </ActionForm>
      </Card>
    </Stack>
  );
}
