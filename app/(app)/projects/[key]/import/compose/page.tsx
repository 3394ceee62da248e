import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ComposeImport } from "@/components/imports/ComposeImport";
import { RoleNotice, withArticle } from "@/components/project/RoleNotice";
import { Card } from "@/components/ui/Card";
import { IconNetwork } from "@/components/ui/icons";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { ROLE_LABELS, roleAllows, rolesPhrase } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getProjectHeader } from "@/lib/data/projects";
import { NotFoundError } from "@/lib/errors";
import { COMPOSE_IMPORT_LABELS } from "@/lib/validation/compose-import";

export const metadata: Metadata = { title: "Import a compose file" };

export default async function ComposeImportPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const actor = await requireActorOrRedirect(`/projects/${key}/import/compose`);
  let access;
  try {
    access = await getProjectHeader(actor, key);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { project, role } = access;
  const base = `/projects/${project.key}`;
  const breadcrumbs = [{ label: "Map", href: `${base}/map` }, { label: "Import a compose file" }];
  if (!roleAllows(role, "project", "importServices")) {
    return (
      <RoleNotice
        breadcrumbs={breadcrumbs}
        title="Import a compose file"
        icon={<IconNetwork size={20} />}
        heading={`${rolesPhrase("project", "importServices", true)} import services`}
        description={`You're ${withArticle(ROLE_LABELS[role].toLowerCase())} in ${project.name}, so you can read its services on the map and in the catalog but not import a compose file. A project owner can change your role in Settings.`}
        back={{ href: `${base}/map`, label: "Back to the map" }}
      />
    );
  }
  return (
    <PageContainer width="wide">
      <Stack>
        <PageHeader
          breadcrumbs={breadcrumbs}
          title="Import a compose file"
          description={`Keep the services catalog current from the monorepo's docker-compose file: each service, its image, build context (the repository path), ports, profiles, networks, environment variable names and dependencies, recorded as run by ${project.name}.`}
        />
        <Card padding="md">
          <ComposeImport projectKey={project.key} label={COMPOSE_IMPORT_LABELS.text} />
        </Card>
        <Card title="What applying does" padding="md">
          <ul>
            <li>A service not in the catalog is created with the layer shown (suggested from its name, image, GPU reservation or ports; change it in the table) and you as its owner.</li>
            <li>A service already in the catalog keeps its layer unless you choose another; the image, repository path (the build context) and how it runs (ports, profiles, networks, environment variable names) are updated when the file states them. Anything the file does not state is left alone.</li>
            <li>Names are made DNS-safe: capitals are lowercased and underscores and dots become hyphens (api_server is imported as api-server).</li>
            <li>Each dependency (depends_on, links) is created unless the catalog already has one between the two services: calls, reads for a database or cache, publishes for a message broker or a worker.</li>
            <li>Everything happens in one transaction. Importing the same file again changes nothing, and nothing is ever deleted: what the catalog has and the file does not is listed for you to review.</li>
          </ul>
        </Card>
      </Stack>
    </PageContainer>
  );
}
