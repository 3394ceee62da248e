import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/forms/ActionForm";
import { MilestoneFields } from "@/components/milestone/MilestoneFields";
import { RoleNotice, withArticle } from "@/components/project/RoleNotice";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { IconFlag } from "@/components/ui/icons";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { ROLE_LABELS, roleAllows, rolesPhrase } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { newMilestoneForm } from "@/lib/data/milestones";
import { NotFoundError } from "@/lib/errors";
import pages from "@/app/(app)/_components/pages.module.css";
import { createMilestoneAction } from "./actions";

type Params = Promise<{ key: string }>;

export const metadata: Metadata = { title: "New milestone" };

export default async function NewMilestonePage({ params }: { params: Params }) {
  const { key } = await params;
  const actor = await requireActorOrRedirect(`/projects/${key}/milestones/new`);
  let data;
  try {
    data = await newMilestoneForm(actor, key);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { project, role, nextKey, owners } = data;
  const base = `/projects/${project.key}/milestones`;
  const breadcrumbs = [{ label: "Milestones", href: base }, { label: "New milestone" }];

  if (!roleAllows(role, "milestone", "create")) {
    return (
      <RoleNotice
        breadcrumbs={breadcrumbs}
        title="New milestone"
        icon={<IconFlag size={20} />}
        heading={`${rolesPhrase("milestone", "create", true)} plan milestones`}
        description={`You're ${withArticle(ROLE_LABELS[role ?? "viewer"].toLowerCase())} in ${project.name}, so you can read milestones and their history but not add one. A project owner can change your role in Settings.`}
        back={{ href: base, label: "Back to milestones" }}
      />
    );
  }

  return (
    <PageContainer width="narrow">
      <Stack>
        <PageHeader
          breadcrumbs={breadcrumbs}
          title="New milestone"
          description="A unit of work a paper decomposes into. It starts as planned; its status, health and history live on its page, and handoffs link to it."
        />
        <Card padding="lg">
          <ActionForm action={createMilestoneAction} guardUnsaved className={pages.form} aria-label="New milestone">
            <input type="hidden" name="project" value={project.key} />
            <MilestoneFields
              projectKey={project.key}
              owners={owners}
              values={{ key: nextKey, ownerId: owners.some((o) => o.id === actor.id) ? actor.id : null }}
              keyHint={`Starts with ${project.key}-.`}
            />
            <div className={pages.formActions}>
              <SubmitButton>Create milestone</SubmitButton>
              <Button href={base} variant="ghost">
                Cancel
              </Button>
            </div>
          </ActionForm>
        </Card>
      </Stack>
    </PageContainer>
  );
}
