import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MapLoader } from "@/components/map/MapLoader";
import { Button } from "@/components/ui/Button";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { roleAllows } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getProjectMapShell } from "@/lib/data/map-graph";
import { NotFoundError } from "@/lib/errors";
import { addDependencyAction, removeDependencyAction } from "../milestones/[id]/actions";

export const metadata: Metadata = { title: "Map" };

const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

export default async function ProjectMapPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const actor = await requireActorOrRedirect(`/projects/${key}/map`);
  let map;
  try {
    map = await getProjectMapShell(actor, key);
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
  // What starts a map, as far as this role may: a handoff, a milestone, the project's services.
  const emptyActions = [
    roleAllows(map.role, "handoff", "create") && (
      <Button key="handoff" href={`/projects/${map.project.key}/handoffs/new`}>
        New handoff
      </Button>
    ),
    roleAllows(map.role, "milestone", "create") && (
      <Button key="milestone" href={`/projects/${map.project.key}/milestones/new`} variant="secondary">
        New milestone
      </Button>
    ),
  ].filter(Boolean);
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
          description={`${map.project.name}: handoffs, the milestones they were decomposed into, the services that implement them, and the services those call, read or publish to.`} />
        {/* The graph arrives as JSON from the map endpoint (with its precomputed layout), never inlined here. */}
        <MapLoader
          src={`/api/v1/projects/${encodeURIComponent(map.project.key)}/map`}
          pinsSrc={`/api/v1/projects/${encodeURIComponent(map.project.key)}/map/pins`}
          loadingNote={`${plural(map.counts.handoffs, "handoff")} and ${plural(map.counts.milestones, "milestone")}`}
          dependencies={canPlan ? { add: addDependencyAction, remove: removeDependencyAction } : null}
          emptyAction={emptyActions.length > 0 ? <>{emptyActions}</> : undefined}
          exportAs={{ slug: map.project.key, title: map.project.name, project: { key: map.project.key, name: map.project.name } }}
        />
      </Stack>
    </PageContainer>
  );
}
