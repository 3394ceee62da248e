import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProjectMap } from "@/components/map/ProjectMap";
import { Button } from "@/components/ui/Button";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { roleAllows } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { MAP_SERVICE_CAP, getProjectMap } from "@/lib/data/map";
import { NotFoundError } from "@/lib/errors";
import { addDependencyAction, removeDependencyAction } from "../milestones/[id]/actions";

export const metadata: Metadata = { title: "Map" };

export default async function ProjectMapPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const actor = await requireActorOrRedirect(`/projects/${key}/map`);
  let map;
  try {
    map = await getProjectMap(actor, key);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  // Dependencies are planned as on the milestone page: the same permission, the same actions.
  const canPlan = roleAllows(map.role, "milestone", "update");
  const importLink = roleAllows(map.role, "project", "importServices") ? (
    <Button href={`/projects/${map.project.key}/import/compose`} variant="secondary">
      Import a compose file
    </Button>
  ) : undefined;
  return (
    <PageContainer width="full">
      <Stack gap={4}>
        <PageHeader
          title="Map"
          actions={
            <>
              <Button href="/map/services" variant="secondary">Services map</Button>
              {importLink}
            </>
          }
          description={`${map.project.name}: papers, the milestones they were decomposed into, the services that implement them, and the services those call, read or publish to.${map.servicesCapped ? ` Services are followed to ${MAP_SERVICE_CAP} at most; the service pages show the rest.` : ""}`} />
        <ProjectMap nodes={map.nodes} edges={map.edges} dependencies={canPlan ? { add: addDependencyAction, remove: removeDependencyAction } : null} emptyAction={importLink} exportAs={{ slug: map.project.key, title: map.project.name, project: { key: map.project.key, name: map.project.name } }} />
      </Stack>
    </PageContainer>
  );
}
