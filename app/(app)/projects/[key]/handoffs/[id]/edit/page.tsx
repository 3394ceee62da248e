import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { IconFileText } from "@/components/ui/icons";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { HandoffEditor } from "@/components/handoff/editor/HandoffEditor";
import { sameContent, toEditorContent } from "@/components/handoff/editor/content";
import { ROLE_LABELS, roleAllows, rolesPhrase } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getHandoff } from "@/lib/data/handoffs";
import { getOwnDraft } from "@/lib/data/handoff-drafts";
import { NotFoundError } from "@/lib/errors";
import { resolveTemplateSections } from "@/lib/handoff/completeness";
import { renderMarkdown } from "@/lib/markdown/server";
import { discardDraftAction, saveDraftAction, saveHandoffAction } from "./actions";

type Params = Promise<{ key: string; id: string }>;

export const metadata: Metadata = { title: "Edit handoff" };

export default async function EditHandoffPage({ params, searchParams }: { params: Params; searchParams: Promise<{ created?: string }> }) {
  const [{ key, id }, search] = await Promise.all([params, searchParams]);
  const actor = await requireActorOrRedirect(`/projects/${key}/handoffs/${id}/edit`);
  let data;
  try {
    data = await getHandoff(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { handoff: h, project, role } = data;
  if (project.key !== key) notFound();
  const readHref = `/projects/${project.key}/handoffs/${h.id}`;

  if (!roleAllows(role, "handoff", "update")) {
    return (
      <PageContainer width="narrow">
        <Stack>
          <PageHeader breadcrumbs={[{ label: "Handoffs", href: `/projects/${project.key}/handoffs` }, { label: h.title, href: readHref }, { label: "Edit" }]} title={h.title} />
          <EmptyState
            icon={<IconFileText size={20} />}
            title="Only authors edit handoffs"
            description={`As ${withArticle(ROLE_LABELS[role].toLowerCase())} in ${project.name} you can read this handoff${roleAllows(role, "handoff", "comment") ? " and comment on its sections" : ""}. ${rolesPhrase("handoff", "update", true)} edit it.`}
            action={
              <Button href={readHref} variant="secondary">
                Read the handoff
              </Button>
            }
          />
        </Stack>
      </PageContainer>
    );
  }

  const saved = toEditorContent(h);
  const draft = await getOwnDraft(actor, h.id);
  const draftContent = draft ? toEditorContent(draft.content) : null;
  // Offer a draft only when it says something the saved version does not.
  const offer =
    draft && draftContent && !sameContent(draftContent, saved)
      ? { content: draftContent, baseVersion: draft.baseVersion, savedAt: draft.updatedAt.toISOString() }
      : null;

  // The preview opens on the first section: its HTML comes from the worker pool, so the editor
  // (a client component) never formats Markdown while the server renders this page.
  const template = resolveTemplateSections(h.template?.sections);
  const previewSource = template[0] ? (saved.sections[template[0].key] ?? "") : saved.body;
  const initialPreview = previewSource.trim()
    ? { source: previewSource, html: (await renderMarkdown(previewSource, { idPrefix: "preview", headingOffset: 2 })).html }
    : null;

  return (
    <HandoffEditor
      handoffId={h.id}
      projectKey={project.key}
      readHref={readHref}
      listHref={`/projects/${project.key}/handoffs`}
      status={h.status}
      templateName={h.template?.name ?? "Paper handoff"}
      template={template}
      initial={saved}
      version={h.version}
      updatedAt={h.updatedAt.toISOString()}
      draft={offer}
      justCreated={search.created === "1"}
      initialPreview={initialPreview}
      actions={{ save: saveHandoffAction, saveDraft: saveDraftAction, discardDraft: discardDraftAction }}
    />
  );
}

function withArticle(word: string): string {
  return `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;
}
