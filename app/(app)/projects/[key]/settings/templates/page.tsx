// A project's handoff templates: the built-in paper template (read-only, can be duplicated) and
// the ones the project's owners define. Owners create, edit (?edit=ID), duplicate (?from=ID) and
// delete them; everyone else in the project reads them.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { IconFileText, IconPlus } from "@/components/ui/icons";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { DeleteTemplateButton } from "@/components/templates/DeleteTemplateButton";
import { IconCopy, IconPencil } from "@/components/templates/icons";
import { TemplateCard, type TemplateSummary } from "@/components/templates/TemplateCard";
import { TemplateEditor } from "@/components/templates/TemplateEditor";
import styles from "@/components/templates/templates.module.css";
import { ROLE_LABELS, roleAllows } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { listTemplates } from "@/lib/data/templates";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { TemplateSection } from "@/lib/validation/template";
import { NoAccess } from "../../../../_components/NoAccess";
import { createTemplateAction, deleteTemplateAction, updateTemplateAction } from "./actions";

type Params = Promise<{ key: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { key } = await params;
  return { title: `Templates · ${key.toUpperCase()}` };
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A new template starts with one empty section to fill in. */
const BLANK_SECTION: TemplateSection = { key: "", title: "", guidance: "", required: true };

export default async function TemplatesPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ key }, search] = await Promise.all([params, searchParams]);
  const actor = await requireActorOrRedirect(`/projects/${encodeURIComponent(key)}/settings/templates`);
  let data: Awaited<ReturnType<typeof listTemplates>>;
  try {
    data = await listTemplates(actor, key);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) return <NoAccess message={error.message} />;
    throw error;
  }
  const { project, role } = data;
  const canManage = roleAllows(role, "template", "manage");
  const base = `/projects/${encodeURIComponent(project.key)}/settings/templates`;
  const now = new Date();
  const templates: TemplateSummary[] = data.templates.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    sections: t.sections,
    builtIn: t.builtIn,
    updatedAt: t.updatedAt,
    handoffs: t._count.handoffs,
  }));
  const byId = (id: string | undefined) => (id ? templates.find((t) => t.id === id) : undefined);
  const builtIns = templates.filter((t) => t.builtIn);
  const own = templates.filter((t) => !t.builtIn);

  const editId = one(search.edit);
  const fromId = one(search.from);
  const editing = canManage ? byId(editId) : undefined;
  const source = canManage ? byId(fromId) : undefined;
  const creating = canManage && !editing && (one(search.new) !== undefined || source !== undefined);
  const saved = byId(one(search.saved));
  // Only echoed as text, and no longer than a template name can be.
  const deleted = one(search.deleted)?.slice(0, 80);
  const breadcrumbs = [
    { label: "Settings", href: `/projects/${encodeURIComponent(project.key)}/settings` },
    { label: "Templates", href: editing || creating ? base : undefined },
  ];

  // Owners: the editor replaces the list while a template is being written.
  if (editing && !editing.builtIn) {
    return (
      <PageContainer width="default">
        <Stack gap={6}>
          <PageHeader title={`Edit “${editing.name}”`} breadcrumbs={[...breadcrumbs, { label: editing.name }]} />
          <Card padding="lg">
            <TemplateEditor
              action={updateTemplateAction}
              projectKey={project.key}
              templateId={editing.id}
              initial={{ name: editing.name, description: editing.description, sections: editing.sections }}
              usedBy={editing.handoffs}
              submitLabel="Save template"
              cancelHref={base}
            />
          </Card>
        </Stack>
      </PageContainer>
    );
  }
  if (creating) {
    return (
      <PageContainer width="default">
        <Stack gap={6}>
          <PageHeader
            title="New template"
            description={source ? `Starting from a copy of “${source.name}”. Nothing changes in the original.` : "Name it, then add the sections a handoff should have, in order."}
            breadcrumbs={[...breadcrumbs, { label: "New template" }]}
          />
          <Card padding="lg">
            <TemplateEditor
              action={createTemplateAction}
              projectKey={project.key}
              initial={
                source
                  ? { name: `${source.name} (copy)`.slice(0, 80), description: source.description, sections: source.sections }
                  : { name: "", description: "", sections: [BLANK_SECTION] }
              }
              submitLabel="Create template"
              cancelHref={base}
            />
          </Card>
        </Stack>
      </PageContainer>
    );
  }

  const cardActions = (t: TemplateSummary) =>
    canManage ? (
      <div className={styles.cardActions}>
        {!t.builtIn && (
          <Button href={`${base}?edit=${encodeURIComponent(t.id)}`} size="sm" variant="secondary" icon={<IconPencil size={14} />} aria-label={`Edit ${t.name}`}>
            Edit
          </Button>
        )}
        <Button href={`${base}?from=${encodeURIComponent(t.id)}`} size="sm" variant={t.builtIn ? "secondary" : "ghost"} icon={<IconCopy size={14} />} aria-label={`Duplicate ${t.name}`}>
          Duplicate
        </Button>
        {!t.builtIn && <DeleteTemplateButton action={deleteTemplateAction} projectKey={project.key} id={t.id} name={t.name} usedBy={t.handoffs} />}
      </div>
    ) : undefined;

  return (
    <PageContainer width="default">
      <Stack gap={6}>
        <PageHeader
          title="Handoff templates"
          description={`The sections a new handoff in ${project.name} starts with, each with guidance on what an engineer needs from it.`}
          breadcrumbs={breadcrumbs}
          actions={
            canManage ? (
              <Button href={`${base}?new=1`} variant="primary" icon={<IconPlus size={14} />}>
                New template
              </Button>
            ) : undefined
          }
        />

        {saved && <Alert tone="success" title={`Template “${saved.name}” saved.`}>New handoffs in {project.name} can start from it.</Alert>}
        {deleted && (
          <Alert tone="success" title={`Template “${deleted}” deleted.`}>
            Handoffs made from it keep their text.
          </Alert>
        )}
        {canManage && editId && !editing && (
          <Alert tone="error" title="That template cannot be edited here">
            It does not exist in {project.name} any more. Pick one from the list below.
          </Alert>
        )}
        {canManage && editing?.builtIn && (
          <Alert tone="info" title="Built-in templates are read-only">
            Duplicate “{editing.name}” to make a version of it for {project.name}.
          </Alert>
        )}
        {!canManage && (
          <Alert tone="info" title="Only project owners can define templates">
            Your role in {project.name} is {ROLE_LABELS[role].toLowerCase()}: you can read the templates here and start a handoff from any of
            them. Ask an owner if the project needs another one.
          </Alert>
        )}

        <section className={styles.group} aria-labelledby="builtin-heading">
          <h2 id="builtin-heading" className={styles.groupTitle}>
            Built-in
          </h2>
          <p className={styles.groupHint}>Available in every project on this instance; nobody can change it here.</p>
          {builtIns.map((t) => (
            <TemplateCard key={t.id} template={t} now={now} actions={cardActions(t)} highlight={saved?.id === t.id} />
          ))}
        </section>

        <section className={styles.group} aria-labelledby="own-heading">
          <h2 id="own-heading" className={styles.groupTitle}>
            Defined for {project.name}
          </h2>
          {own.length === 0 ? (
            <EmptyState
              icon={<IconFileText size={20} />}
              title="No project templates yet"
              description={
                canManage
                  ? "Duplicate the built-in template to adapt its sections, or start from a blank one."
                  : "Handoffs here start from the built-in template until an owner defines another one."
              }
              action={
                canManage ? (
                  <Button href={`${base}?new=1`} variant="secondary" icon={<IconPlus size={14} />}>
                    New template
                  </Button>
                ) : undefined
              }
            />
          ) : (
            own.map((t) => <TemplateCard key={t.id} template={t} now={now} actions={cardActions(t)} highlight={saved?.id === t.id} />)
          )}
        </section>
      </Stack>
    </PageContainer>
  );
}
