// "Implements milestones" on a service's page: the milestones of the caller's projects this
// service implements, each with a Remove button where the caller plans that project's milestones,
// and an "Add milestone" picker (the same link the milestone page and the API make).
import Link from "next/link";
import { ActionForm, SubmitButton } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/useFormAction";
import { StatusBadge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import type { ServiceMilestoneChoices } from "@/lib/data/service-milestones";
import { compareKeys } from "@/lib/sort";
import { AddServiceMilestoneForm } from "./AddServiceMilestoneForm";
import styles from "./services.module.css";

type Linked = { id: string; key: string; title: string; status: string; project: { key: string; name: string } };

export function ServiceMilestonesCard({
  service,
  milestones,
  choices,
  link,
  unlink,
}: {
  service: string;
  milestones: Linked[];
  choices: ServiceMilestoneChoices;
  link: ServerAction;
  unlink: ServerAction;
}) {
  const editable = new Set(choices.editable);
  const sorted = [...milestones].sort((a, b) => a.project.name.localeCompare(b.project.name) || compareKeys(a.key, b.key));
  return (
    <Card title="Implements milestones" description={milestones.length === 0 ? undefined : `${milestones.length} in projects you can see`}>
      {sorted.length === 0 ? (
        <p className={styles.muted}>No milestone in your projects is implemented by this service yet.</p>
      ) : (
        <ul className={styles.milestones} aria-label={`Milestones ${service} implements`}>
          {sorted.map((m) => (
            <li key={m.id}>
              <Link href={`/projects/${m.project.key}/milestones/${m.id}`} className={styles.milestoneTitle}>
                {m.title}
              </Link>
              <StatusBadge kind="milestone" value={m.status} size="sm" />
              <span className={styles.milestoneMeta}>
                <span className={styles.mono}>{m.key}</span>
                <span aria-hidden>·</span>
                <Link href={`/projects/${m.project.key}`}>{m.project.name}</Link>
              </span>
              {editable.has(m.project.key) && (
                <ActionForm action={unlink} className={styles.unlink} aria-label={`Remove ${m.key}`} quietSuccess>
                  <input type="hidden" name="service" value={service} />
                  <input type="hidden" name="milestone" value={m.id} />
                  <SubmitButton variant="ghost" size="sm">
                    Remove
                  </SubmitButton>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {choices.groups.length > 0 && <AddServiceMilestoneForm service={service} groups={choices.groups} action={link} />}
    </Card>
  );
}
