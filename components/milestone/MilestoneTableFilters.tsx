// The filters of the milestones table across projects: a GET form, so the view is the URL and works
// without JavaScript (Apply); with it, next/form navigates in place and AutoSubmit applies each change.
import Form from "next/form";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input, Select } from "@/components/ui/Input";
import { statusLabel } from "@/components/ui/status";
import { MILESTONE_HEALTHS, MILESTONE_STATUSES } from "@/lib/validation/milestone";
import { MILESTONE_TABLE_LABELS as L } from "@/lib/validation/labels";
import { DEFAULT_QUERY, OWNER_ME, OWNER_NONE, Q_MAX, tableHref, type TableQuery } from "@/lib/plan/milestone-table-query";
import { AutoSubmit } from "./AutoSubmit";
import styles from "./milestone-table.module.css";

export type FilterChoices = {
  projects: { key: string; name: string; count: number }[];
  statusCounts: ReadonlyMap<string, number>;
  owners: { id: string; name: string }[];
  upstreamKeys: string[];
};

const FORM_ID = "milestone-filters";

function Check({ name, value, checked, children }: { name: string; value: string; checked: boolean; children: React.ReactNode }) {
  return (
    <label className={styles.check}>
      <input type="checkbox" name={name} value={value} defaultChecked={checked} />
      <span>{children}</span>
    </label>
  );
}

export function MilestoneTableFilters({ query, choices }: { query: TableQuery; choices: FilterChoices }) {
  const sorted = query.sort !== DEFAULT_QUERY.sort || query.dir !== DEFAULT_QUERY.dir;
  return (
    // Keyed by the view, so that after any navigation the boxes show the URL, not what was clicked before.
    <Form key={tableHref(query)} id={FORM_ID} action="/milestones" aria-label="Filter milestones" className={styles.filters}>
      <div className={styles.fields}>
        <Field label={L.q}>
          <Input type="search" name="q" defaultValue={query.q} maxLength={Q_MAX} placeholder="Key or title" controlSize="sm" />
        </Field>
        <Field label={L.owner}>
          <Select name="owner" defaultValue={query.owner ?? ""} controlSize="sm">
            <option value="">Anyone</option>
            <option value={OWNER_ME}>Me</option>
            <option value={OWNER_NONE}>Unassigned</option>
            {choices.owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={L.blockedBy} hint="Open milestones waiting on this key, directly or through others">
          <Input name="blockedBy" defaultValue={query.blockedBy ?? ""} list="milestone-upstream-keys" placeholder="e.g. FLOOR-8" controlSize="sm" autoComplete="off" />
        </Field>
        <datalist id="milestone-upstream-keys">
          {choices.upstreamKeys.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
      </div>
      <div className={styles.groups}>
        <fieldset className={styles.group}>
          <legend>{L.project}</legend>
          {choices.projects.map((p) => (
            <Check key={p.key} name="project" value={p.key} checked={query.project.includes(p.key)}>
              {p.name} <span className={styles.count}>{p.count}</span>
            </Check>
          ))}
        </fieldset>
        <fieldset className={styles.group}>
          <legend>{L.status}</legend>
          {MILESTONE_STATUSES.map((s) => (
            <Check key={s} name="status" value={s} checked={query.status.includes(s)}>
              {statusLabel("milestone", s)} <span className={styles.count}>{choices.statusCounts.get(s) ?? 0}</span>
            </Check>
          ))}
        </fieldset>
        <fieldset className={styles.group}>
          <legend>{L.health}</legend>
          {MILESTONE_HEALTHS.map((h) => (
            <Check key={h} name="health" value={h} checked={query.health.includes(h)}>
              {statusLabel("health", h)}
            </Check>
          ))}
        </fieldset>
        <fieldset className={styles.group}>
          <legend>Only</legend>
          <Check name="overdue" value="yes" checked={query.overdue}>
            {L.overdue}
          </Check>
          <Check name="slipping" value="yes" checked={query.slipping}>
            {L.slipping}
          </Check>
        </fieldset>
      </div>
      {sorted && (
        <>
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.dir} />
        </>
      )}
      <div className={styles.actions}>
        <Button type="submit" size="sm" variant="secondary">
          Apply
        </Button>
      </div>
      <AutoSubmit formId={FORM_ID} />
    </Form>
  );
}
