import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Avatar } from "@/components/ui/Avatar";
import { StatusBadge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { getActor, requireActorOrRedirect } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import { getService } from "@/lib/data/services";
import { serviceMilestoneChoices } from "@/lib/data/service-milestones";
import { dependencyChoices, serviceCycle } from "@/lib/data/service-dependencies";
import { ServiceMilestonesCard } from "@/components/service/ServiceMilestonesCard";
import { InterfacesCard } from "@/components/service/InterfacesCard";
import { DependenciesCard } from "@/components/service/DependenciesCard";
import { WhyCard } from "@/components/service/WhyCard";
import { RuntimeCard } from "@/components/service/RuntimeCard";
import { ConfirmAction } from "@/components/service/ConfirmAction";
import { statusLabel } from "@/components/ui/status";
import {
  addDependencyAction,
  createInterfaceAction,
  deleteInterfaceAction,
  linkMilestoneAction,
  removeDependencyAction,
  retireServiceAction,
  unlinkMilestoneAction,
  updateInterfaceAction,
} from "./actions";
import { NotFoundError } from "@/lib/errors";
import { Markdown } from "@/lib/markdown/render";
import styles from "@/components/service/services.module.css";
import { serviceSegment } from "../_lib/segment";
import { serviceEditorsPhrase } from "@/lib/auth/permissions";

type Params = Promise<{ name: string }>;

// generateMetadata and the page share one load per request.
const load = cache((actor: Actor, name: string) => getService(actor, name));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await params;
  const actor = await getActor();
  if (!actor) return { title: "Service" };
  try {
    const { service } = await load(actor, serviceSegment(name));
    return { title: service.displayName ? `${service.name} (${service.displayName})` : service.name };
  } catch {
    return { title: "Service" };
  }
}

export default async function ServicePage({ params }: { params: Params }) {
  const { name: raw } = await params;
  const name = serviceSegment(raw);
  const actor = await requireActorOrRedirect(`/services/${encodeURIComponent(name)}`);
  let data;
  try {
    data = await load(actor, name);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { service, may } = data;
  const [choices, cycle, candidates] = await Promise.all([serviceMilestoneChoices(actor, name), serviceCycle(service.id), may.update ? dependencyChoices(actor, name) : []]);
  const now = new Date();
  const milestones = service.milestones.map((m) => m.milestone);
  const upstream = service.calledBy.map((d) => ({ id: d.id, kind: d.kind, description: d.description, other: d.from })).sort((a, b) => a.other.name.localeCompare(b.other.name));
  const downstream = service.calls.map((d) => ({ id: d.id, kind: d.kind, description: d.description, other: d.to })).sort((a, b) => a.other.name.localeCompare(b.other.name));
  const href = `/services/${encodeURIComponent(service.name)}`;

  return (
    <PageContainer width="wide">
      <Stack>
        <PageHeader
          breadcrumbs={[{ label: "Services", href: "/services" }, { label: service.name }]}
          title={<span className={styles.titleName}>{service.name}</span>}
          meta={
            <>
              <StatusBadge kind="layer" value={service.layer} />
              <StatusBadge kind="lifecycle" value={service.lifecycle} />
            </>
          }
          description={
            may.update
              ? service.displayName || undefined
              : `${service.displayName ? `${service.displayName}. ` : ""}You can read this service; ${service.owner ? `its owner, ${service.owner.name},` : "an admin"} or its other editors (see Edited by) can change it and import its interfaces.`
          }
          actions={
            may.update ? (
              <>
                {service.lifecycle !== "retired" && (
                  <ConfirmAction
                    action={retireServiceAction}
                    fields={{ service: service.name }}
                    version={service.version}
                    label="Retire"
                    variant="secondary"
                    title={`Retire ${service.name}?`}
                    confirmLabel="Retire service"
                    compare={[
                      { name: "lifecycle", label: "Lifecycle", yours: service.lifecycle },
                      { name: "displayName", label: "Display name", yours: service.displayName },
                      { name: "layer", label: "Layer", yours: service.layer },
                    ]}
                  >
                    Its lifecycle becomes {statusLabel("lifecycle", "retired")}. It stays in the catalog with its interfaces, dependencies and milestones, marked retired wherever it is shown; you can change the lifecycle back on its Edit page.
                  </ConfirmAction>
                )}
                <Button href={`${href}/edit`} variant="secondary">
                  Edit service
                </Button>
              </>
            ) : undefined
          }
        />

        <WhyCard service={service.name} milestones={milestones} />

        <div className={styles.grid}>
          <Stack gap={4}>
            <Card title="About">
              <Markdown source={service.description} idPrefix="service" headingOffset={2} empty={<p className={styles.muted}>{may.update ? "No description yet. Say what this service does, what it owns and what it must never do." : "No description yet."}</p>} />
            </Card>

            <InterfacesCard
              service={service.name}
              interfaces={service.interfaces}
              actions={may.update ? { create: createInterfaceAction, update: updateInterfaceAction, remove: deleteInterfaceAction } : undefined}
            />

            <DependenciesCard
              service={service.name}
              upstream={upstream}
              downstream={downstream}
              cycle={cycle}
              candidates={candidates}
              actions={may.update ? { add: addDependencyAction, remove: removeDependencyAction } : undefined}
            />
          </Stack>

          <Stack gap={4}>
            <Card title="Details">
              <dl className={styles.facts}>
                <dt>Owner</dt>
                <dd>
                  {service.owner ? (
                    <span className={styles.owner}>
                      <Avatar name={service.owner.name} size="sm" decorative />
                      {service.owner.name}
                    </span>
                  ) : (
                    <span className={styles.muted}>Unowned</span>
                  )}
                </dd>
                <dt>Name</dt>
                <dd className={styles.mono}>{service.name}</dd>
                <dt>Image</dt>
                <dd>{service.image ? <code className={styles.mono}>{service.image}</code> : <span className={styles.muted}>Not set</span>}</dd>
                <dt>Repository</dt>
                <dd>{service.repositoryPath ? <code className={styles.mono}>{service.repositoryPath}</code> : <span className={styles.muted}>Not set</span>}</dd>
                <dt>Updated</dt>
                <dd>
                  <RelativeTime date={service.updatedAt} now={now} />
                </dd>
                <dt>Added</dt>
                <dd>
                  <RelativeTime date={service.createdAt} now={now} mode="date" />
                </dd>
                <dt>Edited by</dt>
                <dd className={styles.muted}>{serviceEditorsPhrase()}</dd>
              </dl>
            </Card>

            <RuntimeCard runtime={service.runtime} projects={service.projects.map((p) => p.project)} />

            <ServiceMilestonesCard service={service.name} milestones={milestones} choices={choices} link={linkMilestoneAction} unlink={unlinkMilestoneAction} />
          </Stack>
        </div>
      </Stack>
    </PageContainer>
  );
}
