import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OpenApiImportForm } from "@/components/imports/openapi/OpenApiImportForm";
import { RoleNotice } from "@/components/project/RoleNotice";
import { Card } from "@/components/ui/Card";
import { IconServer } from "@/components/ui/icons";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { serviceEditorsPhrase } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getService } from "@/lib/data/services";
import { NotFoundError } from "@/lib/errors";
import { serviceSegment } from "../../_lib/segment";
import { applyOpenApiImportAction, previewOpenApiImportAction } from "./actions";

type Params = Promise<{ name: string }>;

export const metadata: Metadata = { title: "Import interfaces" };

export default async function ImportInterfacesPage({ params }: { params: Params }) {
  const name = serviceSegment((await params).name);
  const href = `/services/${encodeURIComponent(name)}`;
  const actor = await requireActorOrRedirect(`${href}/import`);
  let data;
  try {
    data = await getService(actor, name);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { service, may } = data;
  const breadcrumbs = [{ label: "Services", href: "/services" }, { label: service.name, href }, { label: "Import interfaces" }];
  if (!may.update) {
    return (
      <RoleNotice
        breadcrumbs={breadcrumbs}
        title={`Import interfaces into ${service.name}`}
        icon={<IconServer size={20} />}
        heading={`Who imports ${service.name}'s interfaces`}
        description={`${serviceEditorsPhrase(`Its owner${service.owner ? ` (${service.owner.name})` : ""}`)}. You can read its interfaces on its page.`}
        back={{ href, label: `Back to ${service.name}` }}
      />
    );
  }
  return (
    <PageContainer width="narrow">
      <Stack>
        <PageHeader
          breadcrumbs={breadcrumbs}
          title={`Import interfaces into ${service.name}`}
          description={`Each operation of an OpenAPI document becomes an interface of ${service.name} (named by its operationId), with its request and response schemas; a JSON Schema becomes one data schema. Preview first: nothing is written until you apply, and interfaces the file does not have are listed, never deleted.`}
        />
        <Card padding="lg">
          <OpenApiImportForm service={service.name} preview={previewOpenApiImportAction} apply={applyOpenApiImportAction} />
        </Card>
      </Stack>
    </PageContainer>
  );
}
