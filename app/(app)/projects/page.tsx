import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, FormField, SubmitButton } from "@/components/forms/ActionForm";
import { Badge, StatusBadge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { Input, Textarea } from "@/components/ui/Input";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { SegmentedProgressBar } from "@/components/ui/ProgressBar";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { canCreateProjects, listProjects } from "@/lib/data/projects";
import { createProjectAction } from "./actions";
import styles from "@/components/project/projects.module.css";
import { LIMITS, formatCount } from "@/lib/validation/limits";
import { PROJECT_LABELS } from "@/lib/validation/labels";
import { count } from "@/components/ui/format";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const actor = await requireActorOrRedirect("/projects");
  const [projects, canCreate] = await Promise.all([listProjects(actor), canCreateProjects(actor)]);
  return (
    <PageContainer>
      <Stack>
        <PageHeader
          title="Projects"
          description="Each project follows papers from handoff to milestones to the services that ship them."
          actions={
            <Button href="/projects/import" variant="secondary" size="sm">
              Import a project map
            </Button>
          }
        />
        {projects.length === 0 ? (
          <EmptyState
            title="No projects yet"
            description={canCreate ? "Create a project below, or ask a project owner to add you to theirs." : "On this instance admins create projects. Ask a project owner to add you to theirs."}
          />
        ) : (
          <ul className={styles.grid} aria-label="Your projects">
            {projects.map((p) => {
              // As on the overview: cancelled milestones are no longer work to be done.
              const counted = Object.values(p.milestones).reduce((a, b) => a + b, 0) - p.milestones.cancelled;
              const done = p.milestones.done;
              return (
                <li key={p.id}>
                  <Link href={`/projects/${p.key}`} className={styles.card}>
                    <div className={styles.cardHead}>
                      <span className={styles.key}>{p.key}</span>
                      <StatusBadge kind="role" value={p.role} size="sm" />
                    </div>
                    <h2 className={styles.name}>{p.name}</h2>
                    {p.description && <p className={styles.description}>{p.description}</p>}
                    <SegmentedProgressBar counts={p.milestones} label={`${p.name} milestones by status`} legend={false} size="sm" />
                    <div className={styles.facts}>
                      <span>
                        {done} of {count(counted, "milestone")} done
                      </span>
                      <span>
                        {count(p.handoffs, "handoff")}
                      </span>
                      {p.milestones.blocked > 0 && <Badge tone="red" size="sm">{p.milestones.blocked} blocked</Badge>}
                      {p.overdue > 0 && <Badge tone="amber" size="sm">{p.overdue} overdue</Badge>}
                    </div>
                    <p className={styles.updated}>
                      Updated <RelativeTime date={p.updatedAt} />
                    </p>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
        {canCreate && (
          <details className={styles.newProject} open={projects.length === 0}>
            <summary>New project</summary>
            <Card title="New project" description="You become its owner and can add members with their roles.">
              <ActionForm action={createProjectAction} className={styles.form} aria-label="New project">
                <div className={styles.formRow}>
                  <FormField name="key" label={PROJECT_LABELS.key} hint="2 to 10 letters or digits, like FLOOR. Milestones are numbered KEY-1, KEY-2…" required>
                    <Input name="key" maxLength={10} autoCapitalize="characters" />
                  </FormField>
                  <FormField name="name" label={PROJECT_LABELS.name} required>
                    <Input name="name" maxLength={LIMITS.project.name} />
                  </FormField>
                </div>
                <FormField name="description" label={PROJECT_LABELS.description} hint={`Plain text, up to ${formatCount(LIMITS.project.description)} characters.`} optional>
                  <Textarea name="description" rows={2} maxLength={LIMITS.project.description} />
                </FormField>
                <div>
                  <SubmitButton>Create project</SubmitButton>
                </div>
              </ActionForm>
            </Card>
          </details>
        )}
      </Stack>
    </PageContainer>
  );
}
