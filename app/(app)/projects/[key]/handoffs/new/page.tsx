import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IconFileText } from "@/components/ui/icons";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { NewHandoffForm } from "@/components/handoff/editor/NewHandoffForm";
import { RoleNotice, withArticle } from "@/components/project/RoleNotice";
import { ROLE_LABELS, roleAllows, rolesPhrase } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { listTemplates } from "@/lib/data/templates";
import { NotFoundError } from "@/lib/errors";
import { createHandoffAction } from "./actions";

type Params = Promise<{ key: string }>;

export const metadata: Metadata = { title: "New handoff" };

export default async function NewHandoffPage({ params }: { params: Params }) {
  const { key } = await params;
  const actor = await requireActorOrRedirect(`/projects/${key}/handoffs/new`);
  let data;
  try {
    data = await listTemplates(actor, key);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { project, role, templates } = data;
  const base = `/projects/${project.key}/handoffs`;
  const breadcrumbs = [{ label: "Handoffs", href: base }, { label: "New handoff" }];

  if (!roleAllows(role, "handoff", "create")) {
    return (
      <RoleNotice
        breadcrumbs={breadcrumbs}
        title="New handoff"
        icon={<IconFileText size={20} />}
        heading="Researchers write handoffs here"
        description={`You're ${withArticle(ROLE_LABELS[role].toLowerCase())} in ${project.name}, so you can read handoffs${roleAllows(role, "handoff", "comment") ? " and comment on them" : ""}, but not start one. ${rolesPhrase("handoff", "create", true)} write them; a project owner can change your role in Settings.`}
        back={{ href: base, label: "Back to handoffs" }}
      />
    );
  }

  return (
    <PageContainer width="narrow">
      <Stack>
        <PageHeader
          breadcrumbs={breadcrumbs}
          title="New handoff"
          description="Start from a template and the paper. You write the sections next, in the editor; nothing is sent for review until you submit it."
        />
        <NewHandoffForm
          projectKey={project.key}
          cancelHref={base}
          action={createHandoffAction}
          templates={templates.map((t) => ({
            id: t.id,
            name: t.name,
            description: t.description,
            builtIn: t.builtIn,
            sectionTitles: t.sections.map((s) => s.title),
            requiredCount: t.sections.filter((s) => s.required).length,
          }))}
        />
      </Stack>
    </PageContainer>
  );
}
