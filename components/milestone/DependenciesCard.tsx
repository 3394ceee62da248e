// "Depends on" on the milestone page: the prerequisites with a Remove button each, and a select
// of the project's other milestones to add one. The data layer refuses a cycle, naming it.
import Link from "next/link";
import { ActionForm, SubmitButton } from "@/components/forms/ActionForm";
import { AddDependencyForm } from "./AddDependencyForm";
import type { ServerAction } from "@/components/forms/useFormAction";
import { StatusBadge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import styles from "./milestones.module.css";

type Prerequisite = { id: string; key: string; title: string; status: string };

export function DependenciesCard({
  id,
  base,
  items,
  choices,
  add,
  remove,
}: {
  id: string;
  base: string;
  items: Prerequisite[];
  /** The project's other milestones; null when the caller may not plan. */
  choices: { id: string; key: string; title: string }[] | null;
  add: ServerAction;
  remove: ServerAction;
}) {
  const candidates = choices?.filter((c) => !items.some((d) => d.id === c.id)) ?? [];
  return (
    <Card title="Depends on">
      {items.length === 0 ? (
        <p className={styles.prose}>Nothing: this milestone can start any time.</p>
      ) : (
        <ul className={styles.links}>
          {items.map((d) => (
            <li key={d.id} className={styles.depRow}>
              <span>
                <Link href={`${base}/milestones/${d.id}`}>{`${d.key} ${d.title}`}</Link> <StatusBadge kind="milestone" value={d.status} size="sm" />
              </span>
              {choices && (
                <ActionForm action={remove} aria-label={`Remove dependency on ${d.key}`} quietSuccess>
                  <input type="hidden" name="id" value={id} />
                  <input type="hidden" name="dependsOnId" value={d.id} />
                  <SubmitButton variant="ghost" size="sm">
                    Remove
                  </SubmitButton>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {choices && candidates.length > 0 && (
        <AddDependencyForm id={id} candidates={candidates} action={add} />
      )}
    </Card>
  );
}
