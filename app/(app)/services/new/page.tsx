import type { Metadata } from "next";
import { ActionForm, SubmitButton } from "@/components/forms/ActionForm";
import { RoleNotice } from "@/components/project/RoleNotice";
import { ServiceFields } from "@/components/service/ServiceFields";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { IconServer } from "@/components/ui/icons";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { canAddServices } from "@/lib/data/services";
import pages from "@/app/(app)/_components/pages.module.css";
import { createServiceAction } from "../actions";
import { CATALOG_EDITOR_ROLES, listRoles } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "New service" };

const breadcrumbs = [{ label: "Services", href: "/services" }, { label: "New service" }];

export default async function NewServicePage() {
  const actor = await requireActorOrRedirect("/services/new");
  if (!(await canAddServices(actor))) {
    return (
      <RoleNotice
        breadcrumbs={breadcrumbs}
        title="New service"
        icon={<IconServer size={20} />}
        heading={`${listRoles(CATALOG_EDITOR_ROLES, true)} of a project add services`}
        description="You have no engineer, manager or owner role in a project, so you can read the catalog but not add to it. A project owner can give you one of those roles in the project's Settings."
        back={{ href: "/services", label: "Back to services" }}
      />
    );
  }
  return (
    <PageContainer width="narrow">
      <Stack>
        <PageHeader
          breadcrumbs={breadcrumbs}
          title="New service"
          description={`A container of the monorepo, by the name other services reach it by. You own it unless you name another owner; when you or another of its editors link it to a milestone, the ${listRoles(CATALOG_EDITOR_ROLES)} of that milestone's project can edit it too.`}
        />
        <Card padding="lg">
          <ActionForm action={createServiceAction} guardUnsaved className={pages.form} aria-label="New service">
            <ServiceFields withName owner={{ email: "", hint: "Leave empty to own it yourself." }} />
            <div className={pages.formActions}>
              <SubmitButton>Add service</SubmitButton>
              <Button href="/services" variant="ghost">
                Cancel
              </Button>
            </div>
          </ActionForm>
        </Card>
      </Stack>
    </PageContainer>
  );
}
