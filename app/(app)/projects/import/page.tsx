import type { Metadata } from "next";
import { MapImport } from "@/components/project/MapImport";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { mapImportAction } from "./actions";

export const metadata: Metadata = { title: "Import a project map" };

export default async function ImportMapPage() {
  await requireActorOrRedirect("/projects/import");
  return (
    <PageContainer>
      <Stack>
        <PageHeader
          title="Import a project map"
          breadcrumbs={[{ label: "Projects", href: "/projects" }, { label: "Import a project map" }]}
          description={
            <>
              A YAML file describing one project: its milestones with their dependencies, status and links, and its services. The format is in <code>docs/map-format.md</code>; export any project to see one. Check the dry run, then apply: nothing is deleted, and handoffs are only referred to, never created.
            </>
          }
        />
        <MapImport action={mapImportAction} />
      </Stack>
    </PageContainer>
  );
}
