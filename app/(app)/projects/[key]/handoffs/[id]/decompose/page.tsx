import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RoleNotice, withArticle } from "@/components/project/RoleNotice";
import { Card } from "@/components/ui/Card";
import { IconFlag } from "@/components/ui/icons";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { ROLE_LABELS, roleAllows, rolesPhrase } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { DECOMPOSE_LABEL, decomposeForm } from "@/lib/data/decompose";
import { NotFoundError } from "@/lib/errors";
import { DecomposeForm } from "./DecomposeForm";
import { decomposeAction, previewDecomposeAction } from "./actions";

type Params = Promise<{ key: string; id: string }>;

export const metadata: Metadata = { title: "Decompose" };

export default async function DecomposePage({ params }: { params: Params }) {
  const { key, id } = await params;
  const actor = await requireActorOrRedirect(`/projects/${key}/handoffs/${id}/decompose`);
  let data;
  try {
    data = await decomposeForm(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { project, role, handoff } = data;
  if (project.key !== key) notFound();
  const back = `/projects/${project.key}/handoffs/${handoff.id}`;
  const breadcrumbs = [{ label: "Handoffs", href: `/projects/${project.key}/handoffs` }, { label: handoff.title, href: back }, { label: "Decompose" }];

  if (!roleAllows(role, "milestone", "create")) {
    return (
      <RoleNotice
        breadcrumbs={breadcrumbs}
        title="Decompose"
        icon={<IconFlag size={20} />}
        heading={`${rolesPhrase("milestone", "create", true)} plan milestones`}
        description={`You're ${withArticle(ROLE_LABELS[role ?? "viewer"].toLowerCase())} in ${project.name}, so you can read the milestones this handoff was decomposed into but not add any. A project owner can change your role in Settings.`}
        back={{ href: back, label: "Back to the handoff" }}
      />
    );
  }

  return (
    <PageContainer width="narrow">
      <Stack>
        <PageHeader
          breadcrumbs={breadcrumbs}
          title="Decompose"
          description={`Break “${handoff.title}” into milestones of ${project.name}: each starts as planned, linked to this handoff, after the milestones it names. Preview them first; nothing is created until you confirm.`}
        />
        <Card padding="lg">
          <DecomposeForm handoffId={handoff.id} label={DECOMPOSE_LABEL} preview={previewDecomposeAction} create={decomposeAction} />
        </Card>
      </Stack>
    </PageContainer>
  );
}
