"use client";
// "Add milestone" on a service's page: the milestones the caller may plan, grouped by project,
// that this service does not implement yet. A client component so the select is made here (see
// AddDependencyForm for why).
import { ActionForm, FormField, SubmitButton } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/useFormAction";
import { Select } from "@/components/ui/Input";
import type { ServiceMilestoneChoices } from "@/lib/data/service-milestones";
import { MILESTONE_PLAN_LABELS } from "@/lib/validation/labels";
import styles from "./services.module.css";

export function AddServiceMilestoneForm({ service, groups, action }: { service: string; groups: ServiceMilestoneChoices["groups"]; action: ServerAction }) {
  return (
    <ActionForm action={action} className={styles.addMilestone} aria-label="Add milestone" resetOnSuccess>
      <input type="hidden" name="service" value={service} />
      <FormField name="milestone" label={MILESTONE_PLAN_LABELS.milestone} hint={`A milestone ${service} implements, from a project where you plan milestones.`}>
        <Select name="milestone" defaultValue="">
          <option value="" disabled>
            Choose a milestone…
          </option>
          {groups.map((g) => (
            <optgroup key={g.project.key} label={g.project.name}>
              {g.milestones.map((m) => (
                <option key={m.id} value={m.id}>
                  {`${m.key} ${m.title}`}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </FormField>
      <SubmitButton size="sm">Add</SubmitButton>
    </ActionForm>
  );
}
