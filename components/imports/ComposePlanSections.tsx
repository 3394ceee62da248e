// The plan in four sections: what applying creates, what it updates (each changed field, before
// → after), what is already as the file says, and what the catalog or the project has that the
// file does not (listed, never deleted).
import type { ReactNode } from "react";
import { Card } from "@/components/ui/Card";
import type { FieldChange, ImportPlan, PlanEntry } from "@/lib/import/plan";
import styles from "./imports.module.css";

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "none";
  return String(value);
};

function Change({ change }: { change: FieldChange }) {
  return (
    <li>
      <span className={styles.field}>{change.label}</span> <span className={styles.before}>{show(change.from)}</span> → <span className={styles.after}>{show(change.to)}</span>
    </li>
  );
}

function Entries({ entries, empty, changes }: { entries: PlanEntry[]; empty: string; changes?: boolean }) {
  if (!entries.length) return <p className={styles.muted}>{empty}</p>;
  return (
    <ul className={styles.entries}>
      {entries.map((e) => (
        <li key={`${e.kind} ${e.name}`}>
          <span className={styles.kind}>{e.kind}</span> <span className="mono">{e.name}</span>
          {e.note && <span className={styles.note}> · {e.note}</span>}
          {changes && e.changes && (
            <ul className={styles.changes}>
              {e.changes.map((c) => (
                <Change key={c.field} change={c} />
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function Section({ title, count, description, children, collapsed }: { title: string; count: number; description: string; children: ReactNode; collapsed?: boolean }) {
  const heading = `${title} (${count})`;
  if (collapsed && count > 0) {
    return (
      <Card padding="md">
        <details>
          <summary className={styles.summary}>
            <h2 className={styles.sectionTitle}>{heading}</h2> <span className={styles.muted}>{description}</span>
          </summary>
          {children}
        </details>
      </Card>
    );
  }
  return (
    <Card title={heading} description={description} padding="md">
      {children}
    </Card>
  );
}

export function ComposePlanSections({ plan, projectKey }: { plan: ImportPlan; projectKey: string }) {
  return (
    <div className={styles.sections}>
      <Section title="Create" count={plan.create.length} description="New services (with the layer shown) and dependencies.">
        <Entries entries={plan.create} empty="Nothing new." />
      </Section>
      <Section title="Update" count={plan.update.length} description="Only the fields the file states change; the others are left as they are.">
        <Entries entries={plan.update} empty="Nothing to change." changes />
      </Section>
      <Section title="Unchanged" count={plan.unchanged.length} description="Already as the file says." collapsed={plan.unchanged.length > 8}>
        <Entries entries={plan.unchanged} empty="Nothing yet." />
      </Section>
      <Section title="In the catalog but not in the file" count={plan.missing.length} description={`Services recorded as run by ${projectKey}, and dependencies between the file's services, that the file does not have. Listed only: nothing is deleted.`}>
        <Entries entries={plan.missing} empty="No drift: the catalog has nothing the file lacks." />
      </Section>
    </div>
  );
}
