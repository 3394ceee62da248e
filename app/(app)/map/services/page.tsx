import type { Metadata } from "next";
import Link from "next/link";
import { MapLoader } from "@/components/map/MapLoader";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { IconServer } from "@/components/ui/icons";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { statusLabel } from "@/components/ui/status";
import { CATALOG_EDITOR_ROLES, listRoles } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { canAddServices } from "@/lib/data/services";
import { SERVICE_LAYERS } from "@/lib/validation/service";

export const metadata: Metadata = { title: "Services map" };

/** Lanes left to right in the order a request flows, labelled as the catalog labels layers. */
const LANES = { order: SERVICE_LAYERS, labels: Object.fromEntries(SERVICE_LAYERS.map((l) => [l, statusLabel("layer", l)])) };

/** Every service in the catalog, in lanes by layer, with the projects and papers that use each. */
export default async function ServicesMapPage() {
  const actor = await requireActorOrRedirect("/map/services");
  const canAdd = await canAddServices(actor);
  const empty = (
    <EmptyState
      icon={<IconServer size={20} />}
      title="No services in the catalog yet"
      description={
        canAdd
          ? "Add the monorepo's services (gateway, APIs, workers, models, databases) and the calls, reads and publishes between them; they appear here in lanes by layer."
          : `${listRoles(CATALOG_EDITOR_ROLES, true)} of a project add services to the catalog; they appear here in lanes by layer.`
      }
      action={canAdd ? <Button href="/services/new" variant="primary">Add a service</Button> : <Link href="/services">Services catalog</Link>}
    />
  );
  return (
    <PageContainer width="full">
      <Stack gap={4}>
        <PageHeader
          title="Services map"
          breadcrumbs={[{ label: "Maps", href: "/map" }, { label: "Services" }]}
          description="Every service in the catalog, in lanes by layer from the gateway to the data, with its calls, reads and publishes. Select a service to see the projects and handoffs that use it."
          actions={<Button href="/services" variant="secondary">Catalog</Button>}
        />
        {/* The graph arrives as JSON from the map endpoint (with its precomputed lane layout), never inlined here. */}
        <MapLoader src="/api/v1/maps/services" empty={empty} lanes={LANES} label="Services map" exportAs={{ slug: "services", title: "Services map" }} loadingNote="the services catalog" />
      </Stack>
    </PageContainer>
  );
}
