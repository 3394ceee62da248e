import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm, FormField, SubmitButton } from "@/components/forms/ActionForm";
import { RoleNotice, withArticle } from "@/components/project/RoleNotice";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { IconFlag } from "@/components/ui/icons";
import { Input, Select, Textarea } from "@/components/ui/Input";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { ROLE_LABELS, roleAllows, rolesPhrase } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { newMilestoneForm } from "@/lib/data/milestones";
import { LIMITS, formatCount } from "@/lib/validation/limits";
import { NotFoundError } from "@/lib/errors";
import pages from "@/app/(app)/_components/pages.module.css";
import { createMilestoneAction } from "./actions";
import { MILESTONE_LABELS } from "@/lib/validation/labels";

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
          <ActionForm action={createMilestoneAction} className={pages.form} aria-label="New milestone">
            <input type="hidden" name="project" value={project.key} />
            <div className={pages.formGridWide}>
              <FormField name="title" label={MILESTONE_LABELS.title} required>
                <Input name="title" required minLength={3} maxLength={LIMITS.milestone.title} autoComplete="off" placeholder="Serve the model behind the layout API" />
              </FormField>
              <FormField name="key" label={MILESTONE_LABELS.key} required hint={`Starts with ${project.key}-; it never changes.`}>
                <Input name="key" required defaultValue={nextKey} className="mono" autoComplete="off" pattern="[A-Za-z][A-Za-z0-9]{1,9}-[0-9]{1,5}" title={`Like ${nextKey}`} />
              </FormField>
            </div>
            <FormField name="description" label={MILESTONE_LABELS.description} hint={`What the work is and why; Markdown, up to ${formatCount(LIMITS.milestone.description)} characters.`} optional>
              <Textarea name="description" rows={5} maxLength={LIMITS.milestone.description} />
            </FormField>
            <FormField name="acceptanceCriteria" label={MILESTONE_LABELS.acceptanceCriteria} hint={`How everyone will know it is done; Markdown, up to ${formatCount(LIMITS.milestone.acceptanceCriteria)} characters.`} optional>
              <Textarea name="acceptanceCriteria" rows={4} maxLength={LIMITS.milestone.acceptanceCriteria} />
            </FormField>
            <div className={pages.formGrid}>
              <FormField name="ownerId" label={MILESTONE_LABELS.ownerId} optional>
                <Select name="ownerId" defaultValue={owners.some((o) => o.id === actor.id) ? actor.id : ""}>
                  <option value="">No owner yet</option>
                  {owners.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField name="estimateDays" label={MILESTONE_LABELS.estimateDays} optional>
                <Input name="estimateDays" type="number" min={0} max={1000} step="0.5" inputMode="decimal" />
              </FormField>
              <FormField name="startDate" label={MILESTONE_LABELS.startDate} optional>
                <Input name="startDate" type="date" min="1970-01-01" max="2200-12-31" />
              </FormField>
              <FormField name="dueDate" label={MILESTONE_LABELS.dueDate} optional>
                <Input name="dueDate" type="date" min="1970-01-01" max="2200-12-31" />
              </FormField>
            </div>
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
