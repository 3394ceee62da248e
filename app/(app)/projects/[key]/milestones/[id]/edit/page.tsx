import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/forms/ActionForm";
import { ConflictPanel } from "@/components/milestone/ConflictPanel";
import { MilestoneFields } from "@/components/milestone/MilestoneFields";
import { RoleNotice, withArticle } from "@/components/project/RoleNotice";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { IconFlag } from "@/components/ui/icons";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { ROLE_LABELS, roleAllows, rolesPhrase } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getMilestone, newMilestoneForm } from "@/lib/data/milestones";
import { NotFoundError } from "@/lib/errors";
import pages from "@/app/(app)/_components/pages.module.css";
import { deleteMilestoneAction, editMilestoneAction } from "./actions";

export const metadata: Metadata = { title: "Edit milestone" };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function EditMilestonePage({ params }: { params: Promise<{ key: string; id: string }> }) {
  const { key, id } = await params;
  const actor = await requireActorOrRedirect(`/projects/${key}/milestones/${id}/edit`);
  let data, form;
  try {
    [data, form] = await Promise.all([getMilestone(actor, id), newMilestoneForm(actor, key)]);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { milestone: m, project, role } = data;
  if (project.key !== key) notFound();
  const base = `/projects/${project.key}/milestones`;
  const breadcrumbs = [{ label: "Milestones", href: base }, { label: m.key, href: `${base}/${m.id}` }, { label: "Edit" }];
  if (!roleAllows(role, "milestone", "update")) {
    return (
      <RoleNotice
        breadcrumbs={breadcrumbs}
        title={`Edit ${m.key}`}
        icon={<IconFlag size={20} />}
        heading={`${rolesPhrase("milestone", "update", true)} edit milestones`}
        description={`You're ${withArticle(ROLE_LABELS[role ?? "viewer"].toLowerCase())} in ${project.name}, so you can read this milestone but not change it.`}
        back={{ href: `${base}/${m.id}`, label: `Back to ${m.key}` }}
      />
    );
  }
  // The current owner stays choosable even if they have left the project since.
  const owners = m.owner && !form.owners.some((o) => o.id === m.owner!.id) ? [...form.owners, m.owner] : form.owners;
  const dependencies = m.dependsOn.length + m.dependents.length;
  return (
    <PageContainer width="narrow">
      <Stack>
        <PageHeader breadcrumbs={breadcrumbs} title={`Edit ${m.key}`} description="Saving checks that nobody changed it since you opened this page; if someone did, you see their version beside yours." />
        <Card padding="lg">
          <ActionForm action={editMilestoneAction} guardUnsaved className={pages.form} aria-label="Edit milestone">
            <input type="hidden" name="id" value={m.id} />
            <input type="hidden" name="project" value={project.key} />
            <ConflictPanel version={m.version} owners={owners} />
            <MilestoneFields projectKey={project.key} owners={owners} values={m} keyHint={`Starts with ${project.key}-; links and dependencies follow a new key.`} />
            <div className={pages.formActions}>
              <SubmitButton>Save changes</SubmitButton>
              <Button href={`${base}/${m.id}`} variant="ghost">
                Cancel
              </Button>
            </div>
          </ActionForm>
        </Card>
        {roleAllows(role, "milestone", "delete") && (
          <Card title="Delete milestone">
            <details>
              <summary>Delete {m.key}…</summary>
              <ActionForm action={deleteMilestoneAction} className={pages.form} aria-label="Delete milestone">
                <input type="hidden" name="id" value={m.id} />
                <p>
                  Deleting {m.key} removes it for good, and with it {count(dependencies, "dependency", "dependencies")} ({m.dependsOn.length} it waits on, {m.dependents.length} waiting on it),{" "}
                  {count(m.services.length, "service link", "service links")}, {count(m.handoffs.length, "handoff link", "handoff links")} and its status history. The milestones and services themselves stay.
                </p>
                <div>
                  <SubmitButton variant="danger">Delete {m.key}</SubmitButton>
                </div>
              </ActionForm>
            </details>
          </Card>
        )}
      </Stack>
    </PageContainer>
  );
}
