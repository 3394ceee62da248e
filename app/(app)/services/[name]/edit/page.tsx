import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/forms/ActionForm";
import { RoleNotice } from "@/components/project/RoleNotice";
import { ServiceFields } from "@/components/service/ServiceFields";
import { ServiceConflictPanel } from "@/components/service/ServiceConflictPanel";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { IconServer } from "@/components/ui/icons";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getService } from "@/lib/data/services";
import { NotFoundError } from "@/lib/errors";
import pages from "@/app/(app)/_components/pages.module.css";
import { updateServiceAction } from "../../actions";
import { serviceSegment } from "../../_lib/segment";
import { serviceEditorsPhrase } from "@/lib/auth/permissions";

type Params = Promise<{ name: string }>;

export const metadata: Metadata = { title: "Edit service" };

export default async function EditServicePage({ params }: { params: Params }) {
  const name = serviceSegment((await params).name);
  const href = `/services/${encodeURIComponent(name)}`;
  const actor = await requireActorOrRedirect(`${href}/edit`);
  let data;
  try {
    data = await getService(actor, name);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { service, may } = data;
  const breadcrumbs = [{ label: "Services", href: "/services" }, { label: service.name, href }, { label: "Edit" }];
  if (!may.update) {
    return (
      <RoleNotice
        breadcrumbs={breadcrumbs}
        title={`Edit ${service.name}`}
        icon={<IconServer size={20} />}
        heading={`Who edits ${service.name}`}
        description={`${serviceEditorsPhrase(`Its owner${service.owner ? ` (${service.owner.name})` : ""}`)}. You can read it and see what it implements.`}
        back={{ href, label: `Back to ${service.name}` }}
      />
    );
  }
  return (
    <PageContainer width="narrow">
      <Stack>
        <PageHeader breadcrumbs={breadcrumbs} title={`Edit ${service.name}`} description="The name stays; everything else can change. If someone saves first, you are told and nothing is overwritten." />
        <Card padding="lg">
          <ActionForm action={updateServiceAction} guardUnsaved className={pages.form} aria-label={`Edit ${service.name}`}>
            <input type="hidden" name="service" value={service.name} />
            <ServiceConflictPanel version={service.version} />
            <ServiceFields
              values={service}
              owner={may.changeOwner ? { email: service.owner?.email ?? "", hint: "Only the owner and instance admins can hand a service to someone else." } : undefined}
            />
            <div className={pages.formActions}>
              <SubmitButton>Save service</SubmitButton>
              <Button href={href} variant="ghost">
                Cancel
              </Button>
            </div>
          </ActionForm>
        </Card>
      </Stack>
    </PageContainer>
  );
}
