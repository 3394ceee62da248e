// Where the paper went: the milestones it was decomposed into (linked here by those who plan) and
// the services that implement them.
import Link from "next/link";
import { ChecklistForm } from "@/components/handoff/ChecklistForm";
import type { ServerAction } from "@/components/forms/useFormAction";
import { StatusBadge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { count, formatDate } from "@/components/ui/format";
import { rolesPhrase } from "@/lib/auth/permissions";
import type { HandoffView } from "@/lib/handoff/view-model";
import styles from "../side-cards.module.css";

type Choice = { id: string; key: string; title: string; status: string };

export function DecomposedCard({
  handoffId,
  projectBase,
  milestones,
  choices,
  canPlan,
  action,
}: {
  handoffId: string;
  projectBase: string;
  milestones: HandoffView["milestones"];
  choices: Choice[];
  canPlan: boolean;
  action: ServerAction;
}) {
  return (
    <Card title="Decomposed into" description={milestones.length ? count(milestones.length, "milestone") : undefined}>
      {milestones.length === 0 ? (
        <p className={styles.muted}>Not decomposed into milestones yet. {rolesPhrase("milestone", "update", true)} link milestones here as they plan the work.</p>
      ) : (
        <ul className={styles.linkList}>
          {milestones.map((m) => (
            <li key={m.id} className={styles.milestone}>
              <Link href={`${projectBase}/milestones/${m.id}`} className={styles.milestoneTitle}>
                {m.title}
              </Link>
              <span className={styles.milestoneMeta}>
                <span className={styles.milestoneKey}>{m.key}</span>
                <StatusBadge kind="milestone" value={m.status} size="sm" />
                {m.dueDate && (
                  <span className={m.overdue ? styles.overdue : undefined}>
                    {m.overdue ? "Overdue · " : "Due "}
                    <time dateTime={m.dueDate.toISOString()}>{formatDate(m.dueDate)}</time>
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canPlan && (
        // Those who link milestones (milestone "update") are those who create them: the same roles.
        <Button href={`${projectBase}/handoffs/${handoffId}/decompose`} size="sm" variant="secondary" data-chrome="milestones">
          Decompose
        </Button>
      )}
      {canPlan && (
        <ChecklistForm
          action={action}
          handoffId={handoffId}
          name="milestoneIds"
          selected={milestones.map((m) => m.id)}
          summary={milestones.length ? "Change milestones" : "Link milestones"}
          label="Link milestones"
          legend="Milestones"
          submitLabel="Save milestones"
          chrome="milestones"
          empty="This project has no milestones yet."
          options={choices.map((m) => ({ value: m.id, label: `${m.key} · ${m.title}`, detail: <StatusBadge kind="milestone" value={m.status} size="sm" /> }))}
        />
      )}
    </Card>
  );
}

export function ImplementedByCard({ services, hasMilestones }: { services: HandoffView["implementedBy"]; hasMilestones: boolean }) {
  return (
    <Card title="Implemented by" description={services.length ? "Services that implement those milestones" : undefined}>
      {services.length === 0 ? (
        <p className={styles.muted}>
          {hasMilestones ? "None of its milestones names a service that implements it." : "No milestones are linked, so no services either."}
        </p>
      ) : (
        <ul className={styles.linkList}>
          {services.map(({ service, via }) => (
            <li key={service.id} className={styles.service}>
              <span className={styles.serviceHead}>
                <Link href={`/services/${service.name}`} className={styles.serviceName}>
                  {service.name}
                </Link>
                <StatusBadge kind="layer" value={service.layer} size="sm" />
              </span>
              <span className={styles.serviceMeta}>
                {service.displayName && <>{service.displayName} · </>}
                via {via.join(", ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
